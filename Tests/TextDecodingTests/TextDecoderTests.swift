import Foundation
import Testing

@testable import TextDecoding

/// The encodings Korean CSV exports arrive in, each written by the system's iconv (an independent encoder).
struct TextDecoderTests {
    static let csv = "product_id,rating,text\nP1,5,배송이 빨라요\nP2,1,\"색상이 달라요, 환불\"\n"

    /// `text` encoded by the `iconv` command, with `bom` bytes in front.
    static func encoded(_ text: String, as encoding: String, bom: [UInt8] = []) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding]
        let input = Pipe(), output = Pipe()
        (process.standardInput, process.standardOutput) = (input, output)
        try process.run()
        input.fileHandleForWriting.write(Data(text.utf8))
        try input.fileHandleForWriting.close()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return bom + [UInt8](bytes)
    }

    /// Every supported encoding, with and without a byte-order mark, decodes to the same text and says which it was.
    @Test(arguments: [
        ("UTF-8", [UInt8](), TextEncoding.utf8), ("UTF-8", [0xEF, 0xBB, 0xBF], .utf8),
        ("UTF-16LE", [0xFF, 0xFE], .utf16LittleEndian), ("UTF-16BE", [0xFE, 0xFF], .utf16BigEndian),
        ("UTF-16LE", [], .utf16LittleEndian), ("UTF-16BE", [], .utf16BigEndian),
        ("CP949", [], .cp949), ("EUC-KR", [], .cp949),
    ])
    func decodes(encoding: String, bom: [UInt8], expected: TextEncoding) throws {
        let decoded = try TextDecoder.decode(try Self.encoded(Self.csv, as: encoding, bom: bom))
        #expect(decoded.text == Self.csv)
        #expect(decoded.encoding == expected)
    }

    /// CP949's extension beyond EUC-KR (똠, 햏 are not in KS X 1001) decodes too.
    @Test func cp949Extension() throws {
        let text = "똠방각하 햏\n"
        #expect(try TextDecoder.decode(try Self.encoded(text, as: "CP949")).text == text)
    }

    /// Bytes no encoding reads are an error naming the first line that is not UTF-8.
    @Test func unknownEncoding() {
        let bytes = Array("a,b\nc,d\n".utf8) + [0xFF, 0x80, 0xFF, 0x0A]
        #expect(throws: TextDecodingError.unknownEncoding(line: 3)) { try TextDecoder.decode(bytes) }
    }

    /// A UTF-16 byte-order mark followed by a lone surrogate is refused, not decoded with replacements.
    @Test func invalidAfterByteOrderMark() {
        let bytes: [UInt8] = [0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x00, 0xD8, 0x61, 0x00]
        #expect(throws: TextDecodingError.invalid(encoding: .utf16LittleEndian, line: 2)) {
            try TextDecoder.decode(bytes)
        }
    }

    /// The streaming detector agrees with the whole-file decoder, even when chunks cut multi-byte characters.
    @Test(arguments: ["UTF-8", "CP949", "UTF-16LE"])
    func detectorOverSmallChunks(encoding: String) throws {
        let bytes = try Self.encoded(String(repeating: Self.csv, count: 20), as: encoding)
        var detector = TextEncodingDetector()
        var converter = try UTF8ChunkConverter(from: try TextDecoder.decode(bytes).encoding)
        var utf8: [UInt8] = []
        for start in stride(from: 0, to: bytes.count, by: 7) {
            let chunk = Array(bytes[start..<min(start + 7, bytes.count)])
            detector.feed(chunk)
            utf8 += converter.convert(chunk, isFinal: start + 7 >= bytes.count)
        }
        #expect(detector.encoding()?.rawValue == (encoding == "UTF-16LE" ? "UTF-16LE" : encoding))
        #expect(String(decoding: utf8, as: UTF8.self) == String(repeating: Self.csv, count: 20))
    }

    /// A file that is neither UTF-8 nor CP949 throughout has no encoding.
    @Test func detectorGivesUpOnMixedFiles() {
        var detector = TextEncodingDetector()
        detector.feed(Array("리뷰,".utf8) + [0xFF, 0xFF])
        #expect(detector.encoding() == nil)
    }
}
