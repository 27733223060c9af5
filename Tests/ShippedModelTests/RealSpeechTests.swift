import AudioIO
import Foundation
import Testing

/// Real speech from `../shared/data/speech` (read in place, never committed; see its README): the
/// emotiontts test speakers and all of deeply, per room. The model card's figures come from
/// `Training/liveinsight_train/evaluate.py` (PyTorch); here the Swift engine measures them again on the same files.
@Suite(.enabled(if: ShippedModel.isShipped, "no model in Models/ yet"))
struct RealSpeechTests {
    static let folder: URL? = {
        let sibling = ShippedModel.repository.deletingLastPathComponent().appendingPathComponent("shared/data/speech")
            .path
        let candidates: [String?] = [ProcessInfo.processInfo.environment["LIVEINSIGHT_SPEECH_DIR"], sibling]
        return candidates.compactMap { $0 }.map { URL(fileURLWithPath: $0) }
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("emotiontts/manifest.tsv").path) }
    }()

    /// Rows of a corpus manifest as column → value, with `path` (relative to the speech folder) made absolute.
    static func manifest(_ corpus: String) throws -> [[String: String]] {
        let base = try #require(folder)
        return try tableRows(base.appendingPathComponent(corpus).appendingPathComponent("manifest.tsv")).map { row in
            var fields = row
            fields["path"] = base.appendingPathComponent(fields["path"] ?? "").path
            return fields
        }
    }

    /// deeply's web-style texts as evaluate.py scores them: lone jamo (ㅋㅋ) removed; `nil` (skipped) when a
    /// letter, digit or mark other than a Hangul syllable remains (written numbers, Latin, Hanja).
    static func scorableReference(_ text: String) -> String? {
        let kept = String(
            String.UnicodeScalarView(text.unicodeScalars.map { (0x3131...0x318E).contains($0.value) ? " " : $0 }))
        let unscorable = kept.unicodeScalars.contains { scalar in
            if (0xAC00...0xD7A3).contains(scalar.value) { return false }
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark, .enclosingMark:
                return true
            default: return false
            }
        }
        return unscorable ? nil : kept
    }

    static func measure(_ rows: [(path: String, reference: String)], _ decoding: ShippedModel.Decoding) throws -> Double
    {
        let transcriber = try ShippedModel.transcriber(decoding)
        let pairs = try rows.map { row in
            (row.reference, transcriber.recognise(try AudioDecoder.decodeAll(path: row.path), start: 0).segment.text)
        }
        return ShippedModel.characterErrorRate(pairs).rate
    }

    /// PyTorch and Swift scoring of the same files differ only in arithmetic and in normalisation details.
    static let tolerance = 0.01

    @Test(
        .enabled(if: folder != nil, "needs ../shared/data/speech"), arguments: [ShippedModel.Decoding.greedy, .product])
    func emotionTTSTestSpeakers(_ decoding: ShippedModel.Decoding) throws {
        let rows = try Self.manifest("emotiontts").filter { $0["split"] == "test" }
        #expect(rows.count == 463)
        let cer = try Self.measure(rows.map { ($0["path"] ?? "", $0["spoken"] ?? "") }, decoding)
        let figure = "emotiontts-test" + decoding.figureSuffix
        let claimed = try ShippedModel.claimed(figure, measured: cer)
        #expect(abs(cer - claimed) <= Self.tolerance, "\(figure) CER \(cer), model card \(claimed)")
    }

    @Test(
        .enabled(if: folder != nil, "needs ../shared/data/speech"),
        arguments: ["AirbnbStudio", "AnechoicChamber", "DanceStudio"], [ShippedModel.Decoding.greedy, .product])
    func deeplyRoom(_ room: String, _ decoding: ShippedModel.Decoding) throws {
        let rows = try Self.manifest("deeply").filter { $0["room"] == room }
            .compactMap { row in Self.scorableReference(row["text"] ?? "").map { (row["path"] ?? "", $0) } }
        #expect(rows.count > 450)
        let cer = try Self.measure(rows, decoding)
        let figure = "deeply/\(room)" + decoding.figureSuffix
        let claimed = try ShippedModel.claimed(figure, measured: cer)
        #expect(abs(cer - claimed) <= Self.tolerance, "\(figure) CER \(cer), model card \(claimed)")
    }
}
