import Commerce
import Foundation
import Testing

enum CommerceFixtures {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ name: String) throws -> String {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        return folder.appendingPathComponent(name).path
    }

    /// `../shared/data/commerce/online_retail.tsv.gz` (UCI Online Retail, CC BY 4.0), or nil where it is absent.
    static let realOrders: String? = {
        let candidates: [String?] = [
            ProcessInfo.processInfo.environment["LIVEINSIGHT_COMMERCE_DATA"],
            repository.deletingLastPathComponent().appendingPathComponent("shared/data/commerce/online_retail.tsv.gz")
                .path,
        ]
        return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0) }
    }()

    static let day0 = Date(timeIntervalSince1970: 1_293_840_000)  // 2011-01-01T00:00:00Z

    /// A purchase on day `day` (from 2011-01-01) in its own order `order`.
    static func purchase(
        _ customer: String, _ item: String, day: Int = 0, quantity: Int = 1, price: Double = 1,
        order: String? = nil
    ) -> Purchase {
        Purchase(
            customer: customer, item: item, quantity: quantity, unitPrice: price,
            time: day0.addingTimeInterval(Double(day) * 86_400 + 3600), order: order ?? "\(customer)-\(day)")
    }

    /// Interactions from `customer: [items]`, one order per pair.
    static func interactions(_ baskets: [String: [String]], items: [String] = []) -> Interactions {
        Interactions(
            purchases: baskets.flatMap { customer, bought in bought.map { purchase(customer, $0) } }, items: items)
    }
}
