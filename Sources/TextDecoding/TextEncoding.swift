/// The text encodings user files arrive in: UTF-8 (with or without a byte-order mark), UTF-16 (Excel's
/// "Unicode text"), and CP949 — Microsoft's superset of EUC-KR, still the default of Korean Excel and of
/// many Korean shop exports.
public enum TextEncoding: String, Sendable, CaseIterable, CustomStringConvertible {
    case utf8 = "UTF-8"
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    case cp949 = "CP949"

    /// The name iconv knows the encoding by.
    var iconvName: String { rawValue }

    public var description: String { rawValue }

    /// The byte-order mark that announces the encoding, if it has one.
    var byteOrderMark: [UInt8] {
        switch self {
        case .utf8: [0xEF, 0xBB, 0xBF]
        case .utf16LittleEndian: [0xFF, 0xFE]
        case .utf16BigEndian: [0xFE, 0xFF]
        case .cp949: []
        }
    }

    /// What the first bytes of a file say: a byte-order mark, or the zero bytes of UTF-16 ASCII text (a
    /// CSV header is ASCII, so one byte in two is zero). Nil when only the whole file can tell.
    static func announced(by prefix: some Collection<UInt8>) -> TextEncoding? {
        let head = Array(prefix.prefix(4096))
        for encoding in [TextEncoding.utf8, .utf16LittleEndian, .utf16BigEndian]
        where head.starts(with: encoding.byteOrderMark) {
            return encoding
        }
        guard head.count >= 4 else { return nil }
        let pairs = head.count / 2
        let zeroEven = stride(from: 0, to: pairs * 2, by: 2).count { head[$0] == 0 }
        let zeroOdd = stride(from: 1, to: pairs * 2, by: 2).count { head[$0] == 0 }
        // Text never holds NUL bytes; UTF-16 of mostly-ASCII text has them in every other byte.
        if zeroOdd * 2 > pairs, zeroEven == 0 { return .utf16LittleEndian }
        if zeroEven * 2 > pairs, zeroOdd == 0 { return .utf16BigEndian }
        return nil
    }
}
