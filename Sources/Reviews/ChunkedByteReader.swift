import Foundation

/// Reads a file front to back in fixed-size chunks, so files of any size stream in bounded memory.
struct ChunkedByteReader {
    private let handle: FileHandle
    private let chunkSize: Int
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false

    init(path: String, chunkSize: Int = 1 << 18) throws(ReviewsError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw .unreadable(path: path, detail: "no such file")
        }
        guard !isDirectory.boolValue, let handle = FileHandle(forReadingAtPath: path) else {
            throw .unreadable(path: path, detail: isDirectory.boolValue ? "it is a folder" : "permission denied")
        }
        (self.handle, self.chunkSize) = (handle, chunkSize)
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
        guard !atEnd else { return false }
        let data = (try? handle.read(upToCount: chunkSize)) ?? nil
        guard let data, !data.isEmpty else {
            atEnd = true
            try? handle.close()
            return false
        }
        chunk = [UInt8](data)
        position = 0
        return true
    }
}
