#if canImport(Glibc)
    import Foundation
    import Glibc

    /// A plain HTTP/1.1 client over a socket to 127.0.0.1, for the preview server's tests: it sees
    /// exactly what the server sent (no redirects followed, no caching).
    struct LoopbackResponse {
        var status: Int
        /// Header names lowercased.
        var headers: [String: String]
        var body: Data

        var text: String { String(decoding: body, as: UTF8.self) }
    }

    struct LoopbackError: Error, CustomStringConvertible {
        var description: String
    }

    final class LoopbackConnection {
        private let socket: Int32
        /// Bytes read and not yet consumed.
        private var buffer = Data()

        init(port: Int) throws {
            socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard socket >= 0 else { throw LoopbackError(description: "socket() failed") }
            var timeout = timeval(tv_sec: 1, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
            guard connected == 0 else {
                close(socket)
                throw LoopbackError(description: "cannot connect to 127.0.0.1:\(port)")
            }
        }

        deinit { close(socket) }

        func send(_ text: String) throws {
            let bytes = Array(text.utf8)
            var sent = 0
            while sent < bytes.count {
                let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
                guard count > 0 else { throw LoopbackError(description: "send() failed") }
                sent += count
            }
        }

        /// Reads more bytes into the buffer; false at the end of the stream or when `deadline` passed.
        func fill(until deadline: Date) -> Bool {
            var chunk = [UInt8](repeating: 0, count: 16 * 1024)
            while Date() < deadline {
                let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count > 0 {
                    buffer.append(contentsOf: chunk[..<count])
                    return true
                }
                if count == 0 { return false }
                if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR { return false }
            }
            return false
        }

        /// The bytes up to and without `separator`, consumed with it; nil when they did not come in time.
        func read(through separator: String, until deadline: Date) -> Data? {
            let marker = Data(separator.utf8)
            while true {
                if let range = buffer.range(of: marker) {
                    let head = buffer[buffer.startIndex..<range.lowerBound]
                    buffer = Data(buffer[range.upperBound...])
                    return Data(head)
                }
                if !fill(until: deadline) { return nil }
            }
        }

        func read(count: Int, until deadline: Date) -> Data? {
            while buffer.count < count {
                if !fill(until: deadline) { return nil }
            }
            let head = buffer.prefix(count)
            buffer = Data(buffer.dropFirst(count))
            return Data(head)
        }

        /// The status line and headers of a response.
        func readHead(until deadline: Date) throws -> (status: Int, headers: [String: String]) {
            guard let head = read(through: "\r\n\r\n", until: deadline) else {
                throw LoopbackError(description: "no response head")
            }
            var lines = String(decoding: head, as: UTF8.self).components(separatedBy: "\r\n")
            let statusLine = lines.removeFirst().split(separator: " ")
            guard statusLine.count >= 2, let status = Int(statusLine[1]) else {
                throw LoopbackError(description: "bad status line")
            }
            var headers: [String: String] = [:]
            for line in lines {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let name = line[..<colon].lowercased()
                headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return (status, headers)
        }

        /// The next chunk of a chunked body, nil at its end or when it did not come in time.
        func readChunk(until deadline: Date) -> Data? {
            guard let sizeLine = read(through: "\r\n", until: deadline),
                let size = Int(String(decoding: sizeLine, as: UTF8.self), radix: 16), size > 0,
                let chunk = read(count: size, until: deadline), read(through: "\r\n", until: deadline) != nil
            else { return nil }
            return chunk
        }
    }

    enum LoopbackHTTP {
        /// Sends one request and reads the whole response.
        /// `host` is the Host header, `127.0.0.1:port` unless given; nil sends none.
        static func request(
            _ path: String, method: String = "GET", port: Int, host: String?? = .none
        ) throws -> LoopbackResponse {
            let connection = try LoopbackConnection(port: port)
            let hostHeader = (host ?? "127.0.0.1:\(port)").map { "Host: \($0)\r\n" } ?? ""
            try connection.send("\(method) \(path) HTTP/1.1\r\n\(hostHeader)Connection: close\r\n\r\n")
            let deadline = Date().addingTimeInterval(30)
            let (status, headers) = try connection.readHead(until: deadline)
            var body = Data()
            if method != "HEAD", let length = headers["content-length"].flatMap(Int.init), length > 0 {
                guard let data = connection.read(count: length, until: deadline) else {
                    throw LoopbackError(description: "short body for \(path)")
                }
                body = data
            }
            return LoopbackResponse(status: status, headers: headers, body: body)
        }
    }

    /// Reads the preview's server-sent events (`__portico/events`) as a page's EventSource would.
    final class EventStreamReader {
        struct Event {
            var name: String
            var data: String
        }

        private let connection: LoopbackConnection
        private var text = ""
        let headers: [String: String]

        init(port: Int, path: String = "/__portico/events") throws {
            connection = try LoopbackConnection(port: port)
            try connection.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
            let head = try connection.readHead(until: Date().addingTimeInterval(30))
            guard head.status == 200 else { throw LoopbackError(description: "events answered \(head.status)") }
            headers = head.headers
        }

        /// The next event with data, skipping comments and `retry:`; nil when none came in `timeout`.
        func next(timeout: TimeInterval = 60) -> Event? {
            let deadline = Date().addingTimeInterval(timeout)
            while true {
                while let end = text.range(of: "\n\n") {
                    let block = text[..<end.lowerBound]
                    text = String(text[end.upperBound...])
                    var name = "message"
                    var data: [String] = []
                    for line in block.split(separator: "\n") {
                        if line.hasPrefix("event: ") { name = String(line.dropFirst(7)) }
                        if line.hasPrefix("data: ") { data.append(String(line.dropFirst(6))) }
                    }
                    if !data.isEmpty { return Event(name: name, data: data.joined(separator: "\n")) }
                }
                guard let chunk = connection.readChunk(until: deadline) else { return nil }
                text += String(decoding: chunk, as: UTF8.self)
            }
        }
    }
#endif
