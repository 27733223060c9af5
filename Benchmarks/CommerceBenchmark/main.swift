// Recommenders on real orders: precision@15, recall@15, nDCG@15, coverage and fit time of every method on
// the random 20 % split (seed 42) and the last-month time split, written to Benchmarks/commerce-results.json.
//
//   swift build -c release --product CommerceBenchmark
//   .build/release/CommerceBenchmark ../shared/data/commerce/online_retail.tsv.gz [--out FILE] [--tune]
//     [--export-splits DIR]
//
// Data: UCI Online Retail (Chen, Sain & Guo 2012; UCI ML Repository, DOI 10.24432/C5BW33; CC BY 4.0).
// --tune evaluates hybrid weights on the random split with seed 7 (never the reported seed 42).
import Commerce
import Foundation

struct SplitReport: Codable {
    var split: String
    var evaluatedCustomers: Int
    var trainPairs: Int
    var results: [EvaluationResult]
}

struct BenchmarkReport: Codable {
    var data: String
    var source: String
    var importCounts: OrderImportCounts
    var machine: String
    /// RFM of all customers (the figures Docs/customers.md quotes; per-customer rows left out).
    var rfm: RFMSummary
    var splits: [SplitReport]
}

struct RFMSummary: Codable {
    var referenceDate: Date
    var recencyBoundaries: [Double]
    var frequencyBoundaries: [Double]
    var monetaryBoundaries: [Double]
    var segments: [SegmentSummary]
    var heatMap: [[Int]]
}

func evaluateAll(_ split: HoldoutSplit, info: [ItemInfo]) -> SplitReport {
    // The UCI orders hold no product views: "viewed together" has nothing to learn from there (Docs/customers.md).
    let results = ModelSuite.evaluate(RecommenderKind.allCases.filter { $0 != .viewed }, split: split, items: info)
    for result in results {
        print(
            String(
                format: "  %-9@ P@15 %.4f  R@15 %.4f  nDCG@15 %.4f  coverage %.3f  fit %.2f s",
                result.method as NSString, result.precision, result.recall, result.ndcg, result.coverage,
                result.fitSeconds))
    }
    return SplitReport(
        split: split.description, evaluatedCustomers: split.hidden.count, trainPairs: split.train.pairCount,
        results: results)
}

var arguments = Array(CommandLine.arguments.dropFirst())
let tune = arguments.contains("--tune")
arguments.removeAll { $0 == "--tune" }
var out = "Benchmarks/commerce-results.json"
let exportFolder: String? = arguments.firstIndex(of: "--export-splits").flatMap { index in
    index + 1 < arguments.count ? arguments[index + 1] : nil
}
if let index = arguments.firstIndex(of: "--export-splits") {
    arguments.removeSubrange(index...min(index + 1, arguments.count - 1))
}

/// Writes a split as `<name>-train.tsv` (customer, item, count) and `<name>-hidden.tsv` (customer, item),
/// indices as in the split, for implicit_als.py.
@MainActor func export(_ split: HoldoutSplit, name: String) {
    guard let folder = exportFolder else { return }
    var train = "customer\titem\tcount\n", hidden = "customer\titem\n"
    for u in 0..<split.train.customers.count {
        for position in split.train.customerOffsets[u]..<split.train.customerOffsets[u + 1] {
            train += "\(u)\t\(split.train.customerItems[position])\t\(Int(split.train.customerCounts[position]))\n"
        }
    }
    for (u, items) in split.hidden.sorted(by: { $0.key < $1.key }) {
        for i in items.sorted() { hidden += "\(u)\t\(i)\n" }
    }
    try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try! train.write(toFile: folder + "/\(name)-train.tsv", atomically: true, encoding: .utf8)
    try! hidden.write(toFile: folder + "/\(name)-hidden.tsv", atomically: true, encoding: .utf8)
    try! "\(split.train.customers.count)\t\(split.train.items.count)\n".write(
        toFile: folder + "/\(name)-shape.tsv", atomically: true, encoding: .utf8)
}
if let index = arguments.firstIndex(of: "--out"), index + 1 < arguments.count {
    out = arguments[index + 1]; arguments.removeSubrange(index...index + 1)
}
let path = arguments.first ?? "../shared/data/commerce/online_retail.tsv.gz"
let orders: OrderImport
do { orders = try OrderImport.read(path: path) } catch { print("Error: \(error)"); exit(1) }
print(orders.counts.summary)
let all = Interactions(purchases: orders.purchases)

if tune {
    let split = HoldoutSplit.random(all, seed: 7)
    let popular = PopularRecommender(split.train), together = CoPurchaseRecommender(split.train)
    let content = ContentRecommender(split.train, info: orders.items), als = ALSRecommender(split.train)
    for alsWeight: Float in [0.5, 1, 2, 3, 4] {
        for contentWeight: Float in [0, 0.25, 0.5, 0.75, 1] {
            for popularWeight: Float in [0, 0.1] {
                var options = HybridRecommender.Options()
                (options.als, options.content, options.popular) = (alsWeight, contentWeight, popularWeight)
                let hybrid = HybridRecommender(
                    als: als, together: together, content: content, popular: popular, data: split.train,
                    options: options)
                let result = Evaluation.evaluate(hybrid, method: "hybrid", split: split)
                print(
                    String(
                        format: "als %.2f together 1 content %.2f popular %.2f: P@15 %.4f nDCG@15 %.4f",
                        alsWeight, contentWeight, popularWeight, result.precision, result.ndcg))
            }
        }
    }
    exit(0)
}

var splits: [SplitReport] = []
let random = HoldoutSplit.random(all, seed: 42)
print(random.description)
export(random, name: "random")
splits.append(evaluateAll(random, info: orders.items))
let last = orders.purchases.map(\.time).max()!
let cutoff = Calendar(identifier: .gregorian).date(byAdding: .month, value: -1, to: last)!
let timeSplit = HoldoutSplit.time(orders.purchases, cutoff: cutoff)
print(timeSplit.description)
export(timeSplit, name: "time")
splits.append(evaluateAll(timeSplit, info: orders.items))

let report = BenchmarkReport(
    data: (path as NSString).lastPathComponent,
    source:
        "UCI Online Retail (Chen, Sain & Guo 2012; UCI Machine Learning Repository, DOI 10.24432/C5BW33; CC BY 4.0)",
    importCounts: orders.counts,
    machine: "one core, release build, \(ProcessInfo.processInfo.processorCount) cores present",
    rfm: { () -> RFMSummary in
        let rfm = RFMAnalysis(purchases: orders.purchases)
        return RFMSummary(
            referenceDate: rfm.referenceDate, recencyBoundaries: rfm.recencyBoundaries,
            frequencyBoundaries: rfm.frequencyBoundaries, monetaryBoundaries: rfm.monetaryBoundaries,
            segments: rfm.segments, heatMap: rfm.heatMap)
    }(),
    splits: splits)
let encoder = JSONEncoder()
encoder.dateEncodingStrategy = .iso8601
encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
try! encoder.encode(report).write(to: URL(fileURLWithPath: out))
print("wrote \(out)")
