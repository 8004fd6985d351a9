#if canImport(Glibc)
    import Foundation
    import Testing

    @testable import PorticoServe

    /// `portico serve` end to end: the real binary on a copy of the base fixture, asked over
    /// 127.0.0.1 only, as a browser would ask it.
    @Suite struct ServeCommandTests {
        static let arguments = ["--date", "2026-11-25", "--no-encrypt"]
        static let page = "assets/security-objections/index.html"
        static let asset = "content/assets/security-objections.md"

        /// What the preview sends for a page: the built file with the live-reload script.
        func served(_ built: Data, base: String = "/") -> String {
            String(decoding: LiveReload.inject(into: built, basePath: base), as: UTF8.self)
        }

        func update(_ events: EventStreamReader) throws -> LiveUpdate {
            let event = try #require(events.next())
            #expect(event.name == "update")
            return try JSONDecoder().decode(LiveUpdate.self, from: Data(event.data.utf8))
        }

        @Test func servesTheSiteWithTheStatusesAndTypesOfAStaticHost() throws {
            let scratch = try Scratch()
            try scratch.copyFixture("base")
            let built = try PorticoRun.run(["build", "--output", "built"] + Self.arguments, in: scratch.url)
            #expect(built.status == 0)
            let server = try ServeProcess(Self.arguments, in: scratch.url)
            #expect(server.url == "http://127.0.0.1:\(server.port)/")
            #expect(server.stdout.hasPrefix("Serving Fixture Partner Portal at \(server.url)\n"))

            let home = try LoopbackHTTP.request("/", port: server.port)
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.headers["cache-control"] == "no-store")
            #expect(home.text == served(try Data(contentsOf: scratch.path("built/index.html"))))
            #expect(home.text.components(separatedBy: #"<script src="/__portico/live.js" defer></script>"#).count == 2)

            let expected = [
                ("/static/portico.css", "text/css; charset=utf-8", "static/portico.css"),
                ("/static/unlock.js", "text/javascript; charset=utf-8", "static/unlock.js"),
                ("/sitemap.xml", "application/xml; charset=utf-8", "sitemap.xml"),
                ("/team/dana.vcf", "text/vcard; charset=utf-8", "team/dana.vcf"),
                ("/static/favicon.svg", "image/svg+xml; charset=utf-8", "static/favicon.svg"),
            ]
            for (path, type, file) in expected {
                let response = try LoopbackHTTP.request(path, port: server.port)
                #expect(response.status == 200, "\(path)")
                #expect(response.headers["content-type"] == type, "\(path)")
                #expect(response.body == (try Data(contentsOf: scratch.path("built/" + file))), "\(path)")
            }

            let missing = try LoopbackHTTP.request("/no-such-page/", port: server.port)
            #expect(missing.status == 404)
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
            #expect(missing.text == served(try Data(contentsOf: scratch.path("built/404.html"))))

            let folder = try LoopbackHTTP.request("/assets", port: server.port)
            #expect(folder.status == 301)
            #expect(folder.headers["location"] == "/assets/")
            #expect(try LoopbackHTTP.request("/assets/../index.html", port: server.port).status == 404)

            let head = try LoopbackHTTP.request("/", method: "HEAD", port: server.port)
            #expect(head.status == 200)
            #expect(head.headers["content-type"] == "text/html; charset=utf-8")
            #expect(head.headers["content-length"] == String(home.body.count))
            #expect(head.body.isEmpty)

            let script = try LoopbackHTTP.request("/__portico/live.js", port: server.port)
            #expect(script.status == 200)
            #expect(script.headers["content-type"] == "text/javascript; charset=utf-8")
            #expect(script.text.contains("EventSource"))

            for (path, data) in try scratch.snapshot("built") {
                #expect(!String(decoding: data, as: UTF8.self).contains("__portico"), "\(path)")
            }
            #expect(!scratch.exists("site"))
            #expect(server.stop() == 0)
        }

        /// DNS rebinding: a page of another site reaches the preview under its own name, which the
        /// preview refuses; its own address, localhost and IP literals are answered.
        @Test func onlyTheServedAddressLocalhostAndIPAddressesAreAnswered() throws {
            let scratch = try Scratch()
            try scratch.copyFixture("base")
            let server = try ServeProcess(Self.arguments, in: scratch.url)
            for host in [
                "127.0.0.1:\(server.port)", "localhost:\(server.port)", "LOCALHOST", "[::1]:\(server.port)",
                "192.168.1.20:\(server.port)",
            ] {
                #expect(try LoopbackHTTP.request("/", port: server.port, host: host).status == 200, "\(host)")
            }
            for host: String? in [
                "attacker.example:\(server.port)", "127.0.0.1.attacker.example", "localhost.", "127.0.0.1:80:80", nil,
            ] {
                for path in ["/", "/__portico/events", "/partners/acme/index.html"] {
                    let refused = try LoopbackHTTP.request(path, port: server.port, host: .some(host))
                    #expect(refused.status == 421, "\(host ?? "no Host") \(path)")
                    #expect(refused.text == "This preview answers only its own address, localhost or an IP address.\n")
                }
            }
        }

        @Test func aSiteWithABasePathIsServedUnderItOnly() throws {
            let scratch = try Scratch()
            try scratch.copyFixture("base")
            let program = try scratch.read("content/program.yml")
                .replacingOccurrences(
                    of: "base_url: https://partners.fixture.example/", with: "base_url: https://example.org/portal/")
            try scratch.write(program, to: "content/program.yml")
            let server = try ServeProcess(Self.arguments, in: scratch.url)
            #expect(server.url == "http://127.0.0.1:\(server.port)/portal/")

            let home = try LoopbackHTTP.request("/portal/", port: server.port)
            #expect(home.status == 200)
            #expect(
                home.text.components(separatedBy: #"<script src="/portal/__portico/live.js" defer></script>"#).count
                    == 2)
            #expect(try LoopbackHTTP.request("/portal/static/portico.css", port: server.port).status == 200)
            let page = try LoopbackHTTP.request("/portal/" + Self.page, port: server.port)
            #expect(page.status == 200)
            #expect(page.text.contains("encrypted at rest"))

            let bare = try LoopbackHTTP.request("/portal", port: server.port)
            #expect(bare.status == 301)
            #expect(bare.headers["location"] == "/portal/")
            for outside in ["/", "/index.html", "/static/portico.css", "/portalx/"] {
                let response = try LoopbackHTTP.request(outside, port: server.port)
                #expect(response.status == 404, "\(outside)")
                #expect(response.text.contains("</html>"), "\(outside)")
            }
            #expect(try LoopbackHTTP.request("/portal/__portico/live.js", port: server.port).status == 200)
            let events = try EventStreamReader(port: server.port, path: "/portal/__portico/events")
            #expect(events.headers["content-type"] == "text/event-stream; charset=utf-8")
            #expect(try update(events) == LiveUpdate(changed: [], errors: [], ok: true))
            #expect(server.stop() == 0)
        }

        @Test(arguments: [false, true])
        func anEditReachesTheOpenPagesAndTheNextRequest(polling: Bool) throws {
            let scratch = try Scratch()
            try scratch.copyFixture("base")
            let server = try ServeProcess(Self.arguments + (polling ? ["--poll"] : []), in: scratch.url)
            let events = try EventStreamReader(port: server.port)
            #expect(try update(events) == LiveUpdate(changed: [], errors: [], ok: true))

            let text = try scratch.read(Self.asset)
            try scratch.write(
                text.replacingOccurrences(of: "encrypted at rest.", with: "encrypted at rest with keys we rotate."),
                to: Self.asset)
            let edited = try update(events)
            #expect(edited.ok)
            #expect(edited.errors.isEmpty)
            #expect(edited.changed.contains(Self.page))
            #expect(!edited.changed.contains("index.html"))
            let page = try LoopbackHTTP.request("/" + Self.page, port: server.port)
            #expect(page.text.contains("encrypted at rest with keys we rotate."))
            // The page comes first; then what else changed (the search indexes), without the page.
            let rest = try update(events)
            #expect(rest.ok)
            #expect(!rest.changed.contains(Self.page))
            #expect(rest.changed.allSatisfy { $0.hasPrefix("search/") })
            let count = edited.changed.count + rest.changed.count
            #expect(server.waitForOutput(containing: "Rebuilt: \(count) files changed in ") != nil)
            #expect(server.stop() == 0)
        }

        @Test func errorsShowWhileTheLastGoodBuildIsServed() throws {
            let scratch = try Scratch()
            try scratch.copyFixture("base")
            let server = try ServeProcess(Self.arguments, in: scratch.url)
            let events = try EventStreamReader(port: server.port)
            #expect(try update(events).ok)

            let good = try scratch.read(Self.asset)
            try scratch.write(good.replacingOccurrences(of: "kind: objection", with: "kind: nonsense"), to: Self.asset)
            let broken = try update(events)
            let check = try PorticoRun.run(["check"] + Self.arguments, in: scratch.url)
            #expect(check.status == 1)
            let lines = check.stderr.replacingOccurrences(of: PorticoRun.clearTextAlert, with: "")
            #expect(broken == LiveUpdate(changed: [], errors: broken.errors, ok: false))
            #expect(broken.errors.map { $0 + "\n" }.joined() == lines)
            #expect(broken.errors.count == 1)
            #expect(broken.errors.first?.contains("unknown kind 'nonsense'") == true)
            #expect(server.waitForOutput(containing: "Build failed: 1 error; still serving the last good site") != nil)
            #expect(server.stderr.contains(lines))

            let page = try LoopbackHTTP.request("/" + Self.page, port: server.port)
            #expect(page.status == 200)
            #expect(page.text.contains("encrypted at rest."))
            // A page opened now is told at once.
            #expect(try update(EventStreamReader(port: server.port)) == broken)

            try scratch.write(good.replacingOccurrences(of: "at rest.", with: "at rest, fixed."), to: Self.asset)
            let fixed = try update(events)
            #expect(fixed.ok)
            #expect(fixed.errors.isEmpty)
            #expect(fixed.changed.contains(Self.page))
            #expect(try LoopbackHTTP.request("/" + Self.page, port: server.port).text.contains("at rest, fixed."))
            #expect(server.stop() == 0)
        }

        @Test func refusesWhatItCannotServe() throws {
            let scratch = try Scratch()
            try scratch.copyFixture("base")
            let missing = try PorticoRun.run(["serve", "--content", "nope"] + Self.arguments, in: scratch.url)
            #expect(missing.status == 2)
            #expect(missing.stderr == "error: content folder 'nope' does not exist\n")

            let server = try ServeProcess(Self.arguments, in: scratch.url)
            let second = try PorticoRun.run(["serve", "--port", String(server.port)] + Self.arguments, in: scratch.url)
            #expect(second.status == 2)
            #expect(second.stderr.hasPrefix("error: cannot serve at 127.0.0.1:\(server.port): "))
            #expect(second.stderr.contains("try --port 0"))
            #expect(!second.stdout.contains("Serving"))
            #expect(try LoopbackHTTP.request("/", port: server.port).status == 200)
            #expect(server.stop() == 0)
        }
    }

    extension LiveUpdate: Decodable {
        enum CodingKeys: String, CodingKey { case changed, errors, ok }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                changed: try container.decode([String].self, forKey: .changed),
                errors: try container.decode([String].self, forKey: .errors),
                ok: try container.decode(Bool.self, forKey: .ok))
        }
    }
#endif
