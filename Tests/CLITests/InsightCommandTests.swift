import Foundation
import Testing

/// `liveinsight simulate` and `liveinsight align` on the demo kit, run as the real binary.
struct InsightCommandTests {
    static func demo(_ name: String) -> String { CLIRunner.sample("demo-broadcast.\(name)") }

    /// Simulate writes an event log and a truth record; align reads them back and reports every keyword.
    @Test func simulateThenAlign() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let events = folder.appendingPathComponent("events.csv").path,
            truth = folder.appendingPathComponent("truth.json").path
        let simulated = try CLIRunner.run([
            "simulate", "--reference", Self.demo("ref.tsv"), "--keywords", Self.demo("keywords.csv"),
            "--meta", Self.demo("meta.json"), "--duration", "460", "--plant", "할인=3",
            "--seed", "3", "--out", events, "--truth", truth,
        ])
        #expect(simulated.status == 0, "\(simulated.stderr)")
        let record = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: truth))) as? [String: Any])
        #expect((record["planted"] as? [String: Double])?["할인"] == 3)

        // A transcript JSON from the reference script (what `transcribe --format json` writes).
        let transcript = folder.appendingPathComponent("transcript.json").path
        let lines = try String(contentsOfFile: Self.demo("ref.tsv"), encoding: .utf8).split(separator: "\n").dropFirst()
        let segments: [[String: Any]] = lines.map { line in
            let f = line.split(separator: "\t").map(String.init)
            let (start, end) = (Double(f[0])!, Double(f[1])!)
            let words = f[3].split(separator: " ").enumerated().map { i, w in
                [
                    "text": String(w), "start": start + Double(i) * 0.3, "end": start + Double(i) * 0.3 + 0.25,
                    "confidence": 1.0,
                ] as [String: Any]
            }
            return ["start": start, "end": end, "text": f[3], "readable": f[3], "words": words]
        }
        try JSONSerialization.data(withJSONObject: [
            "duration": 460.0, "modelDigest": "reference", "segments": segments,
        ])
        .write(to: URL(fileURLWithPath: transcript))

        let out = folder.appendingPathComponent("alignment.json").path
        let aligned = try CLIRunner.run([
            "align", "--keywords", Self.demo("keywords.csv"), "--transcript", transcript,
            "--events", events, "--meta", Self.demo("meta.json"), "--out", out,
        ])
        #expect(aligned.status == 0, "\(aligned.stderr)")
        #expect(aligned.stdout.contains("Broadcast score"))
        #expect(aligned.stdout.contains("할인"))
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out))) as? [String: Any])
        let keywords = try #require(report["keywords"] as? [[String: Any]])
        #expect(keywords.contains { $0["name"] as? String == "할인" })
    }

    /// Bad inputs to align fail with one line naming the file.
    @Test func alignRejectsBadInput() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let emptyKeywords = folder.appendingPathComponent("k.csv").path
        try Data("keyword,topic\n".utf8).write(to: URL(fileURLWithPath: emptyKeywords))
        let result = try CLIRunner.run([
            "align", "--keywords", emptyKeywords, "--transcript", "/nonexistent.json",
            "--events", Self.demo("events.csv"),
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains(emptyKeywords))
        #expect(result.stderr.split(separator: "\n").count == 1)
    }

    /// A folder given where align expects a file (keywords, transcript, events, metadata) is called a folder.
    @Test(arguments: ["keywords", "transcript", "events", "meta"])
    func alignCallsAFolderAFolder(option: String) throws {
        let folder = try CLIRunner.temporaryDirectory().path
        let transcript = folder + "/transcript.json"
        try Data(#"{"duration": 460, "modelDigest": "reference", "segments": []}"#.utf8).write(
            to: URL(fileURLWithPath: transcript))
        var files = [
            "keywords": Self.demo("keywords.csv"), "transcript": transcript, "events": Self.demo("events.csv"),
            "meta": Self.demo("meta.json"),
        ]
        files[option] = folder
        let result = try CLIRunner.run(
            ["align"] + ["keywords", "transcript", "events", "meta"].flatMap { ["--\($0)", files[$0]!] })
        #expect(result.status != 0)
        #expect(result.stderr.contains("\(folder): it is a folder, not a file"), "\(result.stderr)")
    }

    /// A malformed --plant is refused with an example.
    @Test func simulateRejectsBadPlant() throws {
        let result = try CLIRunner.run([
            "simulate", "--reference", Self.demo("ref.tsv"), "--keywords", Self.demo("keywords.csv"),
            "--plant", "할인", "--out", "/tmp/never.csv",
        ])
        #expect(result.status != 0)
        #expect(result.stderr.contains("KEYWORD=FACTOR"))
    }
}

/// `liveinsight validate`, run as the real binary.
struct ValidateCommandTests {
    /// A TSV pair: CER is printed, --json is machine-readable, --max-cer sets the exit code.
    @Test func validateTSV() throws {
        let folder = try CLIRunner.temporaryDirectory()
        let ref = folder.appendingPathComponent("ref.tsv"), hyp = folder.appendingPathComponent("hyp.tsv")
        try Data("a\t오늘 할인 삼만 구천 원\nb\t무료 배송 해 드려요\n".utf8).write(to: ref)
        try Data("a\t오늘 할인 39,000원\nb\t무료 배송 해 드려\n".utf8).write(to: hyp)
        let json = try CLIRunner.run(["validate", "--ref", ref.path, "--hyp", hyp.path, "--json"])
        #expect(json.status == 0, "\(json.stderr)")
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil)
        let strict = try CLIRunner.run(["validate", "--ref", ref.path, "--hyp", hyp.path, "--max-cer", "0.01"])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("is above --max-cer 1.00%"), "\(strict.stderr)")
        let lenient = try CLIRunner.run(["validate", "--ref", ref.path, "--hyp", hyp.path, "--max-cer", "0.5"])
        #expect(lenient.status == 0)
    }

    /// A gate that cannot fail is refused: an empty reference, one of blank lines, or one sharing no id
    /// with the hypothesis exits 2 with the reason, even with --max-cer, instead of passing on CER 0.
    @Test(arguments: ["", "\n\n  \n", "x\t오늘 할인\n"])
    func validateRefusesUnscorableReferences(reference: String) throws {
        let folder = try CLIRunner.temporaryDirectory()
        let ref = folder.appendingPathComponent("ref.tsv"), hyp = folder.appendingPathComponent("hyp.tsv")
        try Data(reference.utf8).write(to: ref)
        try Data("a\t오늘 할인\n".utf8).write(to: hyp)
        let result = try CLIRunner.run(["validate", "--ref", ref.path, "--hyp", hyp.path, "--max-cer", "0.01"])
        #expect(result.status == 2, "\(result.stdout)")
        #expect(
            result.stderr.contains("holds no text") || result.stderr.contains("no reference id has a hypothesis"),
            "\(result.stderr)")
    }
}
