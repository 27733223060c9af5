import Foundation
import Hummingbird
import Report

/// Streams a recording: the whole file, one byte range (206) so the browser's audio player can seek, or
/// several ranges as `multipart/byteranges`. The file is read in blocks of ``blockSize`` as the client
/// takes them, never whole into memory.
enum AudioResponder {
    /// Bytes read from disk per write to the client.
    static let blockSize = 1 << 16

    static func respond(_ recording: RecordingFile, range header: String?) throws -> Response {
        let path = recording.path
        guard let size = Self.size(of: path), FileManager.default.isReadableFile(atPath: path) else {
            throw HTTPError(.notFound, message: "recording not readable")
        }
        var headers: HTTPFields = [.contentType: recording.mimeType, .acceptRanges: "bytes"]
        switch ByteRange.parse(header, size: size) {
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        case .whole:
            let parts = [Part(header: [], range: size > 0 ? ByteRange(first: 0, last: size - 1) : nil)]
            return Response(status: .ok, headers: headers, body: body(path: path, parts: parts))
        case .partial(let range):
            headers[.contentRange] = "bytes \(range.first)-\(range.last)/\(size)"
            return Response(
                status: .partialContent, headers: headers,
                body: body(path: path, parts: [Part(header: [], range: range)]))
        case .multiple(let ranges):
            let boundary = "liveinsight-" + UUID().uuidString
            headers[.contentType] = "multipart/byteranges; boundary=\(boundary)"
            var parts = ranges.enumerated().map { index, range in
                let head =
                    (index == 0 ? "" : "\r\n") + "--\(boundary)\r\nContent-Type: \(recording.mimeType)\r\n"
                    + "Content-Range: bytes \(range.first)-\(range.last)/\(size)\r\n\r\n"
                return Part(header: Array(head.utf8), range: range)
            }
            parts.append(Part(header: Array("\r\n--\(boundary)--\r\n".utf8), range: nil))
            return Response(status: .partialContent, headers: headers, body: body(path: path, parts: parts))
        }
    }

    /// A piece of the body: literal bytes, then a range of the file.
    struct Part {
        var header: [UInt8]
        var range: ByteRange?
        var length: Int { header.count + (range?.count ?? 0) }
    }

    /// A body that writes `parts` in order, reading the file block by block when the client is ready.
    static func body(path: String, parts: [Part]) -> ResponseBody {
        ResponseBody(contentLength: parts.reduce(0) { $0 + $1.length }) { writer in
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw HTTPError(.notFound, message: "recording not readable")
            }
            defer { try? handle.close() }
            for part in parts {
                if !part.header.isEmpty { try await writer.write(ByteBuffer(bytes: part.header)) }
                guard let range = part.range else { continue }
                try handle.seek(toOffset: UInt64(range.first))
                var left = range.count
                while left > 0 {
                    guard let block = try handle.read(upToCount: min(left, blockSize)), !block.isEmpty else {
                        throw HTTPError(.internalServerError, message: "the recording shrank while it was sent")
                    }
                    try await writer.write(ByteBuffer(bytes: block))
                    left -= block.count
                }
            }
            try await writer.finish(nil)
        }
    }

    /// The size of the regular file at `path`, or nil when it is not one.
    static func size(of path: String) -> Int? {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
    }
}
