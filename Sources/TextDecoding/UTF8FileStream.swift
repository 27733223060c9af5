import Foundation

/// A user's text file as UTF-8 bytes, read front to back in fixed-size chunks so files of any size stream in
/// bounded memory: a first pass finds the encoding (``TextEncodingDetector``: UTF-8, UTF-16 or CP949) and the
/// chunks are converted as they are read. A file that no encoding reads whole is passed through byte for byte as
/// Latin-1 (every byte one scalar), so that a reader can take a bad row's bytes back and skip and name it.
/// An `InputStream`, because that is what CSV.swift streams from.
final class UTF8FileStream: InputStream {
    /// The encoding the file was read in; nil when none reads it whole (bytes passed through as Latin-1).
    let encoding: TextEncoding?
    /// Quote characters (`"`) read so far: odd at the end when a quote was never closed.
    private(set) var quotesRead = 0
    private let handle: FileHandle
    private let chunkSize: Int
    private var converter: UTF8ChunkConverter?
    private var chunk: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var started = false
    private var status = Stream.Status.notOpen

    /// Opens the file at `path`; a missing path, a folder or an unreadable file is an error.
    init(path: String, chunkSize: Int = 1 << 18) throws(TextDecodingError) {
        try TextDecoder.requireRegularFile(path)
        guard let handle = FileHandle(forReadingAtPath: path) else { throw .unreadable(detail: "permission denied") }
        (self.handle, self.chunkSize) = (handle, chunkSize)
        encoding = Self.detectEncoding(path: path, chunkSize: chunkSize)
        converter = try encoding.map { encoding throws(TextDecodingError) in try UTF8ChunkConverter(from: encoding) }
        super.init(data: Data())
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

    override func open() { status = .open }

    override func close() {
        status = .closed
        try? handle.close()
    }

    override var streamStatus: Stream.Status { status }

    override var hasBytesAvailable: Bool { position < chunk.count || !atEnd }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength: Int) -> Int {
        if position == chunk.count, !refill() { return 0 }
        let count = min(maxLength, chunk.count - position)
        chunk.withUnsafeBufferPointer { bytes in
            buffer.update(from: bytes.baseAddress! + position, count: count)
        }
        position += count
        return count
    }

    private func refill() -> Bool {
        while !atEnd {
            let data = ((try? handle.read(upToCount: chunkSize)) ?? nil) ?? Data()
            if data.isEmpty {
                atEnd = true
                try? handle.close()
            }
            if var converter {
                chunk = converter.convert([UInt8](data), isFinal: atEnd)
                self.converter = converter
            } else {
                // A UTF-8 byte-order mark would become three Latin-1 letters, which CSV.swift does not skip.
                let bom = !started && data.starts(with: TextEncoding.utf8.byteOrderMark)
                chunk = Self.latin1(bom ? data.dropFirst(3) : data[...])
            }
            started = true
            quotesRead += chunk.count { $0 == UInt8(ascii: "\"") }
            position = 0
            if !chunk.isEmpty { return true }
        }
        return false
    }

    /// The UTF-8 of `bytes` read as Latin-1: ASCII stays, every other byte becomes two.
    private static func latin1(_ bytes: Data.SubSequence) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte < 0x80 {
                output.append(byte)
            } else {
                output.append(0xC0 | byte >> 6)
                output.append(0x80 | byte & 0x3F)
            }
        }
        return output
    }
}
