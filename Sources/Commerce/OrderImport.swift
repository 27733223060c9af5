import Foundation

/// What reading an order file did with each line, for the user and the catalog.
public struct OrderImportCounts: Codable, Sendable, Equatable {
    /// Data lines read (the header and blank lines not counted).
    public var lines = 0
    /// Lines kept as purchases.
    public var purchases = 0
    /// Lines of cancelled orders (order id starting with `C`, as the UCI data marks them).
    public var cancellations = 0
    /// Other lines with a negative quantity (returns).
    public var returns = 0
    /// Lines without a customer id (anonymous sales: they count in no customer's history).
    public var missingCustomer = 0
    /// Lines with a zero quantity or a price ≤ 0 (adjustments, free items).
    public var zeroAmount = 0
    /// Lines that could not be read (a field missing or not a number or a time).
    public var badRows = 0
    /// The first few bad rows, `line N: why`.
    public var badRowExamples: [String] = []
    public var customers = 0
    public var items = 0
    public var orders = 0

    public init() {}

    /// One line per count, for the terminal.
    public var summary: String {
        "\(lines) lines: \(purchases) purchases (\(customers) customers, \(items) items, \(orders) orders); set aside "
            + "\(cancellations) cancellation lines, \(returns) returns, \(missingCustomer) without a customer, "
            + "\(zeroAmount) with zero quantity or price, \(badRows) unreadable"
    }
}

/// An order file read into purchases and item descriptions.
///
/// Format: CSV or TSV with a header; columns are found by name (case, spaces, `_` and `-` ignored):
/// customer (`customer`, `customer_id`, `CustomerID`, `viewer_id`, `user_id`), item (`item`, `item_id`,
/// `StockCode`, `product_id`, `sku`), `quantity`, price (`price`, `unit_price`, `UnitPrice`), time (`time`,
/// `timestamp`, `date`, `InvoiceDate`: `2011-12-09T12:50:00`, `2011-12-09 12:50[:00]`, or the UCI original
/// `12/9/2011 12:50`, all taken as UTC), and optionally the order (`order_id`, `InvoiceNo`), item text
/// (`text`, `description`, `name`) and `category`. Classification, in this order: unreadable → cancelled
/// (order id starts with `C`) → return (quantity < 0) → no customer → zero quantity or price ≤ 0 → purchase.
public struct OrderImport: Sendable {
    public var purchases: [Purchase]
    public var items: [ItemInfo]
    public var counts: OrderImportCounts

    public init(purchases: [Purchase], items: [ItemInfo], counts: OrderImportCounts) {
        (self.purchases, self.items, self.counts) = (purchases, items, counts)
    }

    /// Reads the order file at `path` (`.gz` is decompressed).
    public static func read(path: String) throws(CommerceError) -> OrderImport {
        try read(DelimitedText(path: path), path: path)
    }

    /// Reads order-file text (tests, standard input).
    public static func read(text: String, path: String = "<text>") throws(CommerceError) -> OrderImport {
        try read(DelimitedText(text: text), path: path)
    }

    static func read(_ table: DelimitedText, path: String) throws(CommerceError) -> OrderImport {
        func required(_ name: String, _ aliases: [String]) throws(CommerceError) -> Int {
            guard let index = table.column(aliases) else {
                throw .missingColumn(path: path, column: name, header: table.header)
            }
            return index
        }
        let customer = try required("customer", ["customer", "customerid", "viewerid", "userid", "user", "buyer"])
        let item = try required("item", ["item", "itemid", "stockcode", "productid", "product", "sku"])
        let quantity = try required("quantity", ["quantity", "qty", "units"])
        let price = try required("price", ["price", "unitprice"])
        let time = try required("time", ["time", "timestamp", "invoicedate", "date", "orderdate"])
        let order = table.column(["order", "orderid", "invoice", "invoiceno", "orderno"])
        let text = table.column(["text", "description", "name", "title", "itemname", "productname"])
        let category = table.column(["category"])

        var counts = OrderImportCounts()
        var purchases: [Purchase] = []
        purchases.reserveCapacity(table.rows.count)
        var itemText: [String: (text: String, category: String?)] = [:]
        var prices: [String: [Double]] = [:]
        for row in table.rows {
            counts.lines += 1
            func field(_ index: Int?) -> Substring? {
                guard let index, index < row.fields.count else { return nil }
                let value = row.fields[index].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : Substring(value)
            }
            func bad(_ why: String) {
                counts.badRows += 1
                if counts.badRowExamples.count < 5 { counts.badRowExamples.append("line \(row.line): \(why)") }
            }
            guard let itemID = field(item) else { bad("no item id"); continue }
            guard let rawQuantity = field(quantity), let units = Int(rawQuantity) else {
                bad("quantity '\(field(quantity) ?? "")' is not a whole number"); continue
            }
            guard let rawPrice = field(price), let unitPrice = Double(rawPrice), unitPrice.isFinite else {
                bad("price '\(field(price) ?? "")' is not a number"); continue
            }
            guard let rawTime = field(time), let date = OrderTime.parse(rawTime) else {
                bad("time '\(field(time) ?? "")' is not a date-time (2011-12-09T12:50:00)"); continue
            }
            let orderID = field(order).map(String.init)
            let id = String(itemID)
            if let words = field(text), itemText[id] == nil {
                itemText[id] = (String(words), field(category).map(String.init))
            }
            if orderID?.uppercased().hasPrefix("C") == true { counts.cancellations += 1; continue }
            if units < 0 { counts.returns += 1; continue }
            guard let customerID = field(customer) else { counts.missingCustomer += 1; continue }
            if units == 0 || unitPrice <= 0 { counts.zeroAmount += 1; continue }
            // "17850.0" (a spreadsheet's rendering of a numeric id) is customer 17850.
            var customerKey = String(customerID)
            if customerKey.hasSuffix(".0"), Int(customerKey.dropLast(2)) != nil { customerKey.removeLast(2) }
            purchases.append(
                Purchase(
                    customer: customerKey, item: id, quantity: units, unitPrice: unitPrice, time: date, order: orderID))
            prices[id, default: []].append(unitPrice)
        }
        counts.purchases = purchases.count
        counts.customers = Set(purchases.map(\.customer)).count
        counts.items = prices.count
        counts.orders = Set(purchases.map(\.orderKey)).count
        let items = prices.keys.sorted().map { id in
            let sorted = prices[id]!.sorted()
            return ItemInfo(
                id: id, text: itemText[id]?.text ?? id, category: itemText[id]?.category,
                price: sorted[sorted.count / 2])
        }
        return OrderImport(purchases: purchases, items: items, counts: counts)
    }
}
