import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 (port chosen by the kernel) for webhook tests: it answers the n-th
/// request with `statuses[n]` (the last status repeats) and records each request's body. One thread,
/// one connection at a time; `stop()` ends the thread, which closes the socket.
final class LocalHTTPServer: Sendable {
    /// The port it listens on.
    let port: UInt16
    private let listener: Int32
    private let statuses: [Int]
    private let received = Mutex<[Data]>([])
    private let stopped = DispatchSemaphore(value: 0)

    init(statuses: [Int]) throws {
        self.statuses = statuses
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EMFILE) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(fd, raw, length) == 0 && listen(fd, 8) == 0 && getsockname(fd, raw, &length) == 0
            }
        }
        guard bound else { close(fd); throw POSIXError(.EADDRINUSE) }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in serve() }
        thread.start()
    }

    /// Bodies of the requests answered so far, in order.
    var bodies: [Data] { received.withLock { $0 } }

    /// Stops listening and waits for the thread to end. The thread closes the socket itself: closed here, its
    /// descriptor could be reused by the next test's server before this thread's next `accept`, which would
    /// then answer that server's requests.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        stopped.wait()
    }

    private func serve() {
        defer {
            close(listener)
            stopped.signal()
        }
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }
            let body = readRequestBody(client)
            let index = received.withLock { bodies in
                bodies.append(body)
                return bodies.count - 1
            }
            let status = statuses[min(index, statuses.count - 1)]
            let response =
                "HTTP/1.1 \(status) \(status < 300 ? "OK" : "Error")\r\n"
                + "Content-Length: 2\r\nConnection: close\r\n\r\nok"
            _ = response.withCString { send(client, $0, strlen($0), Int32(MSG_NOSIGNAL)) }
            close(client)
        }
    }

    /// Reads headers, then `Content-Length` bytes of body.
    private func readRequestBody(_ client: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        let separator = Data("\r\n\r\n".utf8)
        var expected: Int?
        while true {
            if expected == nil, let end = data.range(of: separator) {
                let headers = String(decoding: data[..<end.lowerBound], as: UTF8.self).lowercased()
                let length =
                    headers.split(separator: "\r\n").first { $0.hasPrefix("content-length:") }
                    .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
                data = Data(data[end.upperBound...])
                expected = length
            }
            if let expected, data.count >= expected { return data.prefix(expected) }
            let count = recv(client, &buffer, buffer.count, 0)
            guard count > 0 else { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }
}
