import Foundation
import TextDecoding

/// Reads a file front to back in fixed-size chunks, so files of any size stream in bounded memory, as
/// UTF-8: a first pass finds the encoding (``TextEncodingDetector``: UTF-8, UTF-16 or CP949) and the bytes
/// are converted as they are read. A file no encoding reads whole is passed through as it is, so that
/// readers can skip and name the rows that are not UTF-8.
struct ChunkedByteReader {
    private let handle: FileHandle
    private let chunkSize: Int
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var converter: UTF8ChunkConverter
    /// The encoding the file was read in; nil when none reads it whole (bytes passed through).
    let encoding: TextEncoding?

    init(path: String, chunkSize: Int = 1 << 18) throws(ReviewsError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, detail: "no such file")
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, detail: isDirectory.boolValue ? "it is a folder" : "permission denied")
        }
        (self.handle, self.chunkSize) = (handle, chunkSize)
        encoding = Self.detectEncoding(path: path, chunkSize: chunkSize)
        do {
            converter = try UTF8ChunkConverter(from: encoding ?? .utf8)
        } catch {
            throw .unreadable(path: path, detail: error.description)
        }
    }

    private static func detectEncoding(path: String, chunkSize: Int) -> TextEncoding? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var detector = TextEncodingDetector()
        while let data = try? handle.read(upToCount: chunkSize), !data.isEmpty {
            detector.feed([UInt8](data))
        }
        return detector.encoding()
    }

    /// The next byte, or nil at the end of the file.
    @inline(__always)
    mutating func next() -> UInt8? {
        if position == chunk.count {
            guard refill() else { return nil }
        }
        defer { position += 1 }
        return chunk[position]
    }

    /// The next byte without consuming it.
    mutating func peek() -> UInt8? {
        if position == chunk.count {
            guard refill() else { return nil }
        }
        return chunk[position]
    }

    private mutating func refill() -> Bool {
        while !atEnd {
            let data = ((try? handle.read(upToCount: chunkSize)) ?? nil) ?? Data()
            if data.isEmpty {
                atEnd = true
                try? handle.close()
            }
            chunk = converter.convert([UInt8](data), isFinal: atEnd)
            position = 0
            if !chunk.isEmpty { return true }
        }
        return false
    }
}
