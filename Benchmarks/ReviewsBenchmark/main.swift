// Review sentiment benchmark: reviews scored per second on one core.
//
//   swift build -c release --product ReviewsBenchmark && .build/release/ReviewsBenchmark [reviews] [model]
//
// Builds `reviews` (default 50,000) distinct reviews by joining two to four sentences of
// AudioSamples/demo.reviews.csv chosen by a seeded generator, then measures on this one thread:
//   (1) reference: normalisation + feature hashing alone (the tokenizer);
//   (2) scoring: normalisation + features + the model (what `reviews --json` needs per review);
//   (3) the whole stage: de-duplication, sentences, topics, per-sentence scoring, word counts, alerts.
//   (4) reading: the same reviews written as a quoted CSV and streamed back by `ReviewReader`.
// Times are this thread's CPU time (CLOCK_THREAD_CPUTIME_ID), so other load on the machine does not
// count; wall-clock time is printed beside it. Each figure is the best of three passes.
import Foundation
import Reviews

func threadSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Best-of-three CPU and wall seconds of `body`.
func measure(_ body: () -> Void) -> (cpu: Double, wall: Double) {
    var best = (cpu: Double.infinity, wall: Double.infinity)
    for _ in 0..<3 {
        let (cpu, wall) = (threadSeconds(), Date())
        body()
        best = (min(best.cpu, threadSeconds() - cpu), min(best.wall, Date().timeIntervalSince(wall)))
    }
    return best
}

/// A small deterministic generator (SplitMix64).
struct Generator {
    var state: UInt64
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

let arguments = CommandLine.arguments
let count = arguments.count > 1 ? Int(arguments[1]) ?? 50_000 : 50_000
let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
let modelPath =
    arguments.count > 2 ? arguments[2] : repository.appendingPathComponent("Models/review-sentiment.lisent").path
let model = try SentimentModel(path: modelPath)

var reader = try ReviewReader(path: repository.appendingPathComponent("AudioSamples/demo.reviews.csv").path)
var pool: [String] = []
while let review = reader.next() { pool += SentenceSplitter.split(review.text) }
var generator = Generator(state: 42)
let reviews = (0..<count).map { index -> Review in
    let parts = (0..<(2 + generator.next(3))).map { _ in pool[generator.next(pool.count)] }
    return Review(
        reviewID: "B\(index)", productID: "P\(generator.next(20))", rating: Double(1 + generator.next(5)),
        text: parts.joined(separator: " "), line: index + 2)
}
let characters = reviews.reduce(0) { $0 + $1.text.count }

var sink = 0.0
let tokenizer = measure {
    var ids: [Int32] = [], scratch: [UInt32] = []
    for review in reviews {
        ids.removeAll(keepingCapacity: true)
        model.featurizer.features(ofNormalized: ReviewText.normalize(review.text), into: &ids, scratch: &scratch)
        sink += Double(ids.count)
    }
}
let scoring = measure {
    for review in reviews { sink += model.score(review.text).probability }
}
let stage = measure {
    var analyzer = ReviewAnalyzer(model: model)
    for review in reviews { sink += analyzer.add(review)?.probability ?? 0 }
    sink += Double(analyzer.analysis.reviews)
}

let csvPath = FileManager.default.temporaryDirectory.appendingPathComponent("reviews-benchmark-\(getpid()).csv").path
var csv = "review_id,product_id,rating,text\n"
for review in reviews {
    let text = review.text.replacingOccurrences(of: "\"", with: "\"\"")
    csv += "\(review.reviewID ?? ""),\(review.productID),\(Int(review.rating ?? 0)),\"\(text)\"\n"
}
try csv.write(toFile: csvPath, atomically: false, encoding: .utf8)
let reading = measure {
    guard var reader = try? ReviewReader(path: csvPath) else { fatalError("cannot read \(csvPath)") }
    while let review = reader.next() { sink += Double(review.text.utf8.count) }
}
try? FileManager.default.removeItem(atPath: csvPath)

func rate(_ seconds: Double) -> String { String(format: "%9.0f", Double(count) / seconds) }
print(
    """
    \(count) reviews, \(String(format: "%.1f", Double(characters) / Double(count))) characters on average; model\
     \(modelPath)
                                   reviews/s (CPU)   reviews/s (wall)   × reference
    tokenizer alone (reference)    \(rate(tokenizer.cpu))         \(rate(tokenizer.wall))       1.00
    scoring (tokenizer + model)    \(rate(scoring.cpu))         \(rate(scoring.wall))\
           \(String(format: "%.2f", scoring.cpu / tokenizer.cpu))
    whole stage (dedup, sentences, topics, clouds)  \(rate(stage.cpu))   \(rate(stage.wall))\
           \(String(format: "%.2f", stage.cpu / tokenizer.cpu))
    reading the CSV (ReviewReader) \(rate(reading.cpu))         \(rate(reading.wall))       \(
        String(format: "%.2f", reading.cpu / tokenizer.cpu))
    (checksum \(String(format: "%.3g", sink)))
    """)
