import Foundation
import Hummingbird
import Report

/// Streams a recording: the whole file, or one byte range (206) so the browser's audio player can seek.
enum AudioResponder {
    static func respond(_ recording: RecordingFile, range header: String?) throws -> Response {
        guard let handle = FileHandle(forReadingAtPath: recording.path) else {
            throw HTTPError(.notFound, message: "recording not readable")
        }
        defer { try? handle.close() }
        let size = Int((try? FileManager.default.attributesOfItem(atPath: recording.path)[.size] as? NSNumber)?.intValue ?? 0)
        var headers: HTTPFields = [.contentType: recording.mimeType, .acceptRanges: "bytes"]
        switch ByteRange.parse(header, size: size) {
        case .unsatisfiable:
            headers[.contentRange] = "bytes */\(size)"
            return Response(status: .rangeNotSatisfiable, headers: headers)
        case .whole:
            let data = try handle.readToEnd() ?? Data()
            headers[.contentLength] = String(data.count)
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        case .partial(let range):
            try handle.seek(toOffset: UInt64(range.first))
            let data = try handle.read(upToCount: range.count) ?? Data()
            headers[.contentRange] = "bytes \(range.first)-\(range.first + data.count - 1)/\(size)"
            headers[.contentLength] = String(data.count)
            return Response(status: .partialContent, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }
}
