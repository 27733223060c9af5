import ArgumentParser
import Commerce
import Foundation

extension LiveInsight {
    /// `liveinsight recommend`: items to offer each customer
    /// (`recommend items`, the default), and `recommend evaluate`.
    struct Recommend: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Recommend items to customers, and evaluate the recommenders.",
            subcommands: [Items.self, Evaluate.self, Show.self, Top.self],
            defaultSubcommand: Items.self)

        struct Items: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Recommend items to customers (never items they already bought), with the reason.",
                discussion: """
                    Methods (--method): popular, together (item-item co-purchase), viewed (item-item co-view, from \
                    the broadcasts' product_view events), content (TF-IDF over item text and price), als \
                    (implicit-feedback ALS: 30 factors, λ 0.1, α 40, 30 iterations), hybrid (default: all five \
                    blended; popular for customers without history). Docs/customers.md. \
                    --json prints [{customer, known, items: [{item, score, reason}]}]; --csv prints \
                    customer,rank,item,score,reason rows.
                    """)

            @OptionGroup var source: OrderSourceOptions

            @Option(help: "A file of customer ids, one a line (default: every customer).")
            var customers: String?

            @Option(help: "Items per customer.")
            var k = 15

            @Option(help: "popular, together, viewed, content, als or hybrid.")
            var method: RecommenderKind = .hybrid

            @Option(help: "Seed of the ALS factors' initial values.")
            var seed: UInt64 = 42

            @Flag(help: "Print JSON.") var json = false
            @Flag(help: "Print CSV.") var csv = false

            struct CustomerList: Encodable {
                var customer: String
                var known: Bool
                var items: [Recommendation]
            }

            func validate() throws {
                guard k > 0 else { throw ValidationError("--k must be at least 1") }
                guard !(json && csv) else { throw ValidationError("choose --json or --csv, not both") }
            }

            func run() throws {
                let (purchases, items, views) = try source.load()
                let service = RecommendationService(
                    kind: method, purchases: purchases, items: items, views: views,
                    seed: seed)
                var ids = service.data.customers
                if let customers {
                    guard let text = try? String(contentsOfFile: customers, encoding: .utf8) else {
                        throw CLIError("\(customers): cannot read the customer list (one id a line, UTF-8)")
                    }
                    ids = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter
                    { !$0.isEmpty }
                }
                let lists = ids.map {
                    CustomerList(
                        customer: $0, known: service.data.customerIndex[$0] != nil,
                        items: service.recommend(customer: $0, k: k))
                }
                if json { print(try JSONOutput.encode(lists)); return }
                if csv { print("customer,rank,item,score,reason") }
                for list in lists {
                    if !csv { print("\(list.customer)\(list.known ? "" : " (no purchases: popular items)"):") }
                    for (rank, item) in list.items.enumerated() {
                        if csv {
                            print(
                                [list.customer, String(rank + 1), item.item, String(item.score), item.reason ?? ""].map(
                                    Self.csvField
                                ).joined(separator: ","))
                        } else {
                            print("  \(rank + 1). \(item.item)  (\(item.reason ?? ""))")
                        }
                    }
                }
            }

            static func csvField(_ text: String) -> String {
                text.contains { $0 == "," || $0 == "\"" || $0.isNewline }
                    ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
            }
        }

        struct Evaluate: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract:
                    "Hide purchases, recommend, and report precision, recall, nDCG, coverage and "
                    + "fit time of every method.",
                discussion: """
                    --split random hides 20 % of each customer's distinct items (customers with ≥ 5, seeded); \
                    --split time hides the last month (items new to the customer). Benchmarks/commerce-results.json \
                    holds the figures on the UCI Online Retail data (make bench-commerce).
                    """)

            @OptionGroup var source: OrderSourceOptions
            @Option(help: "random or time.") var split = "random"
            @Option(help: "Seed of the random split (and of ALS).") var seed: UInt64 = 42
            @Option(help: "List length.") var k = 15
            @Option(help: "Methods to evaluate, comma-separated (default: all).")
            var methods = "popular,together,viewed,content,als,hybrid"
            @Flag(help: "Print JSON.") var json = false

            func validate() throws {
                guard ["random", "time"].contains(split) else { throw ValidationError("--split is random or time") }
                guard k > 0 else { throw ValidationError("--k must be at least 1") }
            }

            func run() throws {
                let (purchases, items, allViews) = try source.load()
                let holdout: HoldoutSplit
                var views = allViews
                if split == "random" {
                    holdout = HoldoutSplit.random(Interactions(purchases: purchases), seed: seed)
                } else {
                    let last = purchases.map(\.time).max() ?? Date()
                    let cutoff = Calendar(identifier: .gregorian).date(byAdding: .month, value: -1, to: last)!
                    holdout = HoldoutSplit.time(purchases, cutoff: cutoff)
                    views = views.filter { $0.time < cutoff }  // what was viewed after the cutoff is the future too
                }
                var kinds: [RecommenderKind] = []
                for name in methods.split(separator: ",") {
                    guard let kind = RecommenderKind(rawValue: String(name)) else {
                        throw CLIError("--methods: no method '\(name)'")
                    }
                    kinds.append(kind)
                }
                var als = ALSRecommender.Options()
                als.seed = seed
                let results = ModelSuite.evaluate(kinds, split: holdout, items: items, views: views, k: k, als: als)
                if json { print(try JSONOutput.encode(results)); return }
                print("\(holdout.description): \(holdout.hidden.count) customers evaluated")
                for result in results {
                    print(
                        String(
                            format: "%-9@ P@%d %.4f  R@%d %.4f  nDCG@%d %.4f  coverage %.3f  fit %.2f s",
                            result.method as NSString,
                            k, result.precision, k, result.recall, k, result.ndcg, result.coverage, result.fitSeconds))
                }
            }
        }
    }
}

extension RecommenderKind: ExpressibleByArgument {}
