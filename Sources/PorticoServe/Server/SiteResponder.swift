import Foundation
import Hummingbird
import PorticoMarkdown
import PorticoModel
import PorticoProject
import PorticoSite
import PorticoSupport
import ServiceLifecycle

/// Answers the preview's requests from the session's files in memory, as a static host would,
/// adding the live-reload script to the HTML it sends.
package struct SiteResponder: Sendable {
    package let session: PreviewSession
    package let broadcaster: UpdateBroadcaster
    package let hosts: HostCheck

    package func respond(to request: Request) -> Response {
        guard hosts.allows(request.head.authority) else {
            // 421: this server is not the one the name is for (a DNS rebinding attempt, or a proxy's mistake).
            return Response(
                status: .misdirectedRequest,
                headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
                body: ResponseBody(
                    byteBuffer: ByteBuffer(
                        string: "This preview answers only its own address, localhost or an IP address.\n")))
        }
        let basePath = session.basePath
        let route = RequestRouting.route(
            rawPath: request.uri.path, query: request.uri.query ?? "", basePath: basePath,
            exists: { session.file(at: $0) != nil })
        switch route {
        case .file(let path):
            guard let data = session.file(at: path) else { return notFound(basePath: basePath) }
            return file(data, path: path, status: .ok, basePath: basePath)
        case .redirect(let location):
            return Response(status: .movedPermanently, headers: [.location: location, .cacheControl: "no-store"])
        case .events:
            return events()
        case .script:
            return Response(
                status: .ok,
                headers: [.contentType: ContentTypes.type(forPath: "live.js"), .cacheControl: "no-store"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReloadScript.source)))
        case .notFound:
            return notFound(basePath: basePath)
        }
    }

    package func file(_ data: Data, path: String, status: HTTPResponse.Status, basePath: String) -> Response {
        let isHTML = ContentTypes.isHTML(path)
        let body = isHTML ? LiveReload.inject(into: data, basePath: basePath) : data
        return Response(
            status: status,
            headers: [.contentType: ContentTypes.type(forPath: path), .cacheControl: "no-store"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The site's own 404 page, or a plain one when the site has none (no build has succeeded).
    package func notFound(basePath: String) -> Response {
        let page = session.file(at: "404.html") ?? Self.fallbackNotFound
        return file(page, path: "404.html", status: .notFound, basePath: basePath)
    }

    package static let fallbackNotFound = Data(
        "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Not found</title></head>\n<body>\n<p>Not found.</p>\n</body>\n</html>\n"
            .utf8)

    /// The live-reload events: open until the page goes or the server shuts down.
    package func events() -> Response {
        let broadcaster = self.broadcaster
        let body = ResponseBody { writer in
            let stream = broadcaster.subscribe()
            try await withGracefulShutdownHandler {
                for await text in stream {
                    try await writer.write(ByteBuffer(string: text))
                }
            } onGracefulShutdown: {
                broadcaster.close()
            }
            try await writer.finish(nil)
        }
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"],
            body: body)
    }
}
