import ArgumentParser
import Commerce
import Formatting
import Foundation
import Hangul

extension LiveInsight {
    /// `liveinsight customers`: RFM scores and segments.
    struct Customers: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Score every customer's recency, frequency and monetary value (1-5 by quintiles) "
                + "and name their segment.",
            discussion: """
                Reads the workspace catalog (liveinsight orders import) or --orders FILE. The method is in \
                Docs/customers.md. --json prints {referenceDate, recencyBoundaries, frequencyBoundaries, \
                monetaryBoundaries, segments: [{segment, customers, customerShare, revenue, revenueShare}], \
                heatMap (customers per R×F, heatMap[r-1][f-1]), customers: [{customer, recencyDays, frequency, \
                monetary, r, f, m, segment}]} and, with --compare DATE, movement: [{from, to, customers}].
                """)

        @OptionGroup var source: OrderSourceOptions

        @Option(help: "Score as of the end of this day (YYYY-MM-DD, UTC; default: the day of the last purchase).")
        var asOf: String?

        @Option(help: "An earlier day (YYYY-MM-DD): also count how customers moved between segments since its end.")
        var compare: String?

        @Flag(help: "Print JSON.")
        var json = false

        struct Output: Encodable {
            var analysis: RFMAnalysis
            var movement: [SegmentMove]?
            func encode(to encoder: Encoder) throws {
                try analysis.encode(to: encoder)
                var container = encoder.container(keyedBy: Key.self)
                try container.encodeIfPresent(movement, forKey: .movement)
            }
            enum Key: String, CodingKey { case movement }
        }

        func run() throws {
            func date(_ text: String?, _ name: String) throws -> Date? {
                guard let text else { return nil }
                guard let date = OrderTime.parse(text) else {
                    throw CLIError("--\(name) '\(text)' is not a date (YYYY-MM-DD)")
                }
                // A day means the whole day: recency is then counted from the next midnight, as by default.
                return text.count == 10 ? date.addingTimeInterval(86_400) : date
            }
            let purchases = try source.load().purchases
            let asOfDate = try date(asOf, "as-of"), compareDate = try date(compare, "compare")
            let analysis = RFMAnalysis(purchases: purchases, asOf: asOfDate)
            let movement = compareDate.map { RFMAnalysis(purchases: purchases, asOf: $0).movement(to: analysis) }
            if json {
                print(try JSONOutput.encode(Output(analysis: analysis, movement: movement)))
                return
            }
            print("\(analysis.customers.count) customers as of \(OrderTime.day(analysis.referenceDate))")
            print("SEGMENT               CUSTOMERS   SHARE  REVENUE SHARE")
            for segment in analysis.segments.sorted(by: { $0.revenue > $1.revenue }) {
                print(
                    DisplayWidth.padded(segment.segment.rawValue, to: 20)
                        + DisplayWidth.padded(String(segment.customers), to: 10, alignment: .right)
                        + DisplayWidth.padded(NumberText.percent(segment.customerShare), to: 9, alignment: .right)
                        + DisplayWidth.padded(NumberText.percent(segment.revenueShare), to: 12, alignment: .right))
            }
            print("customers per R (rows, 5 = most recent) × F (columns 1…5):")
            for r in (1...5).reversed() {
                print("  R\(r) " + analysis.heatMap[r - 1].map { String(format: "%6d", $0) }.joined())
            }
            for move in movement ?? [] where move.from != move.to {
                print("  \(move.from?.rawValue ?? "(new)") → \(move.to.rawValue): \(move.customers)")
            }
        }
    }
}
