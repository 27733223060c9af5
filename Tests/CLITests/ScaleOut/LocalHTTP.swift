import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Plain HTTP/1.1 requests (one per connection, which then closes) to a server on this machine, for tests that
/// start `serve` as a separate process.
enum LocalHTTP {
    /// What a server answered.
    struct Response {
        /// The status line, e.g. `HTTP/1.1 200 OK`.
        let status: String
        /// The header lines, as sent.
        let headers: [String]
        /// The body, as text.
        let body: String

        /// The value of cookie `name` the response sets, if it sets one.
        func setCookie(_ name: String) -> String? {
            headers.lazy.compactMap { line -> String? in
                guard line.lowercased().hasPrefix("set-cookie: \(name.lowercased())=") else { return nil }
                return String(line.dropFirst("set-cookie: \(name)=".count).prefix { $0 != ";" })
            }.first
        }
    }

    /// The status line and body of `GET path` on 127.0.0.1:`port`; nil when nothing answers.
    static func get(port: Int, _ path: String) -> (status: String, body: String)? {
        request(port: port, path).map { ($0.status, $0.body) }
    }

    /// `method` `path` on 127.0.0.1:`port`, sending `cookie` (`name=value`) and `form` (URL-encoded) when given;
    /// nil when nothing answers.
    static func request(
        port: Int, _ path: String, method: String = "GET", cookie: String? = nil, form: [String: String]? = nil
    ) -> Response? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else { return nil }
        var timeout = timeval(tv_sec: 30, tv_usec: 0)  // a server that never answers fails the test, not hangs it
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = Array(Self.text(method, path, cookie: cookie, form: form).utf8)
        guard send(socket, request, request.count, 0) == request.count else { return nil }
        var response: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            guard count > 0 else { break }
            response += buffer[0..<count]
        }
        let text = String(decoding: response, as: UTF8.self)
        guard let headerEnd = text.range(of: "\r\n\r\n") else { return nil }
        let lines = text[..<headerEnd.lowerBound].components(separatedBy: "\r\n")
        let body = String(text[headerEnd.upperBound...])
        return Response(status: lines[0], headers: Array(lines.dropFirst()), body: body)
    }

    /// The request's text.
    private static func text(_ method: String, _ path: String, cookie: String?, form: [String: String]?) -> String {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        if let cookie { head += "Cookie: \(cookie)\r\n" }
        guard let form else { return head + "\r\n" }
        let allowed = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        let body = form.map { name, value in
            name + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }.joined(separator: "&")
        return head + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
            + body
    }
}
