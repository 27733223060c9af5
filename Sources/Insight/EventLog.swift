import Foundation

/// What viewers did, as the platform exported it.
public enum EventType: String, Codable, Sendable, CaseIterable {
    case view, cart, purchase, comment, like
    /// The number of concurrent viewers at that moment (in `value`, or `quantity`).
    case viewerCount = "viewer_count"
    /// A viewer opened a product's card (`product_id`, `viewer_id`): what "viewed together" learns from.
    case productView = "product_view"
}

/// One row of the event log.
public struct BroadcastEvent: Codable, Sendable, Equatable {
    /// Seconds from the start of the broadcast.
    public var time: Double
    public var type: EventType
    public var productID: String?
    /// Units (purchase, cart); 1 for other events.
    public var quantity: Int
    /// Unit price, if the log gives one.
    public var price: Double?
    public var viewerID: String?
    /// Viewer gender as exported (e.g. F/M), if any.
    public var gender: String?
    /// Numeric value (viewer_count).
    public var value: Double?

    public init(
        time: Double, type: EventType, productID: String? = nil, quantity: Int = 1, price: Double? = nil,
        viewerID: String? = nil, gender: String? = nil, value: Double? = nil
    ) {
        (self.time, self.type, self.productID, self.quantity) = (time, type, productID, quantity)
        (self.price, self.viewerID, self.gender, self.value) = (price, viewerID, gender, value)
    }
}

/// A broadcast's events, sorted, with what was set aside while reading them.
///
/// File format (CSV, UTF-8, header required): `timestamp,event_type` and optionally `product_id,
/// quantity,price,viewer_id,gender,value,event_id`. `timestamp` is seconds from the start (`754.2`),
/// `HH:MM:SS[.fff]` / `MM:SS` from the start, or an absolute date-time (`2026-11-20T20:12:34+09:00`,
/// `2026-11-20 20:12:34`, taken as the broadcast's time zone) when the broadcast's start is known.
/// `event_type` is one of view, cart, purchase, comment, like, viewer_count, product_view. Rows of other types are
/// skipped and counted; rows outside the broadcast are skipped and counted; rows are sorted by time;
/// rows repeating an earlier `event_id` are dropped. A malformed row stops reading with its line number.
public struct EventLog: Codable, Sendable, Equatable {
    public var events: [BroadcastEvent]
    /// Rows set aside and other remarks, one line each, for the report.
    public var warnings: [String]
    /// Skipped rows per unknown event type.
    public var unknownTypes: [String: Int]

    public init(events: [BroadcastEvent], warnings: [String] = [], unknownTypes: [String: Int] = [:]) {
        (self.events, self.warnings, self.unknownTypes) = (events.sorted { $0.time < $1.time }, warnings, unknownTypes)
    }

    /// Events of one type (optionally of one product), in time order.
    public func events(of type: EventType, product: String? = nil) -> [BroadcastEvent] {
        events.filter { $0.type == type && (product == nil || $0.productID == product) }
    }

    /// Events with `window.0 ≤ time < window.1` (binary search: the events are sorted).
    public func events(in window: (Double, Double)) -> ArraySlice<BroadcastEvent> {
        func firstIndex(atOrAfter time: Double) -> Int {
            var (low, high) = (0, events.count)
            while low < high {
                let middle = (low + high) / 2
                if events[middle].time < time { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let (from, to) = (firstIndex(atOrAfter: window.0), firstIndex(atOrAfter: window.1))
        return events[from..<max(from, to)]
    }

    /// Reads an event log.
    /// - Parameters:
    ///   - broadcastStart: needed for absolute timestamps.
    ///   - duration: the broadcast's length; events outside [0, duration] are set aside.
    public static func load(
        path: String, broadcastStart: Date? = nil, timeZone: TimeZone = TimeZone(identifier: "Asia/Seoul")!,
        duration: Double? = nil
    ) throws(InsightError) -> EventLog {
        let table = try CSVTable(path: path)
        let expected = "timestamp,event_type,product_id,quantity,price"
        guard let timeColumn = table.column("timestamp", "time", "시간") else {
            throw .missingColumn(path: path, column: "timestamp", expected: expected)
        }
        guard let typeColumn = table.column("event_type", "type", "이벤트") else {
            throw .missingColumn(path: path, column: "event_type", expected: expected)
        }
        let columns = (
            product: table.column("product_id", "product"), quantity: table.column("quantity", "qty"),
            price: table.column("price"), viewer: table.column("viewer_id", "user_id"),
            gender: table.column("gender"), value: table.column("value", "viewers"), id: table.column("event_id", "id")
        )
        let parser = TimestampParser(start: broadcastStart, timeZone: timeZone)
        var events: [BroadcastEvent] = [], unknown: [String: Int] = [:]
        var seenIDs = Set<String>(), duplicates = 0, outside = 0, unsorted = false, exactRepeats = 0
        var previousTime = -Double.infinity, previousRow: [String]? = nil
        for row in table.rows {
            func field(_ column: Int?) -> String? {
                guard let column, column < row.fields.count else { return nil }
                let value = row.fields[column].trimmingCharacters(in: .whitespaces)
                return value.isEmpty ? nil : value
            }
            guard let rawTime = field(timeColumn) else {
                throw .badRow(path: path, line: row.line, detail: "no timestamp")
            }
            let time: Double
            do { time = try parser.seconds(rawTime) } catch {
                throw .badRow(path: path, line: row.line, detail: error.description)
            }
            let rawType = (field(typeColumn) ?? "").lowercased()
            guard let type = EventType(rawValue: rawType) else {
                unknown[rawType.isEmpty ? "(empty)" : rawType, default: 0] += 1
                continue
            }
            if let id = field(columns.id), !seenIDs.insert(id).inserted { duplicates += 1; continue }
            if row.fields == previousRow { exactRepeats += 1 }
            previousRow = row.fields
            let quantity = try Self.integer(
                field(columns.quantity), default: 1, name: "quantity", path: path, line: row.line)
            let price = try Self.number(field(columns.price), name: "price", path: path, line: row.line)
            let value = try Self.number(field(columns.value), name: "value", path: path, line: row.line)
            if time < 0 || (duration.map { time > $0 } ?? false) { outside += 1; continue }
            if time < previousTime { unsorted = true }
            previousTime = time
            events.append(
                BroadcastEvent(
                    time: time, type: type, productID: field(columns.product), quantity: quantity, price: price,
                    viewerID: field(columns.viewer), gender: field(columns.gender),
                    value: type == .viewerCount ? (value ?? Double(quantity)) : value))
        }
        var warnings: [String] = []
        for (type, count) in unknown.sorted(by: { $0.key < $1.key }) {
            warnings.append("\(path): skipped \(count) row(s) of unknown event type '\(type)'")
        }
        if outside > 0 { warnings.append("\(path): skipped \(outside) row(s) outside the broadcast") }
        if duplicates > 0 { warnings.append("\(path): dropped \(duplicates) row(s) repeating an earlier event_id") }
        if exactRepeats > 0 {
            warnings.append(
                "\(path): \(exactRepeats) row(s) repeat the row before exactly (kept; add an "
                    + "event_id column to deduplicate)"
            )
        }
        if unsorted { warnings.append("\(path): rows were not in time order (sorted)") }
        return EventLog(events: events, warnings: warnings, unknownTypes: unknown)
    }

    private static func integer(
        _ text: String?, default value: Int, name: String, path: String, line: Int
    ) throws(InsightError) -> Int {
        guard let text else { return value }
        guard let number = Int(text.replacingOccurrences(of: ",", with: "")), number >= 0 else {
            throw .badRow(path: path, line: line, detail: "\(name) '\(text)' is not a whole number ≥ 0")
        }
        return number
    }

    private static func number(_ text: String?, name: String, path: String, line: Int) throws(InsightError) -> Double? {
        guard let text else { return nil }
        let cleaned = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "원", with: "")
        guard let number = Double(cleaned), number.isFinite, number >= 0 else {
            throw .badRow(path: path, line: line, detail: "\(name) '\(text)' is not a number ≥ 0")
        }
        return number
    }
}

/// Reads the timestamp forms the event log accepts.
struct TimestampParser {
    struct Failure: Error { let description: String }

    let start: Date?
    let timeZone: TimeZone

    func seconds(_ text: String) throws(Failure) -> Double {
        if let seconds = Double(text), seconds.isFinite { return seconds }
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        if !text.contains("-"), (2...3).contains(parts.count) {
            let numbers = parts.map { Double($0) }
            guard numbers.allSatisfy({ $0 != nil && $0! >= 0 }) else {
                throw Failure(
                    description: "timestamp '\(text)' is not a time (expected HH:MM:SS, seconds, or a date-time)")
            }
            return numbers.reduce(0) { $0 * 60 + $1! }
        }
        guard let date = absoluteDate(text) else {
            throw Failure(description: "timestamp '\(text)' is not a time (expected HH:MM:SS, seconds, or a date-time)")
        }
        guard let start else {
            throw Failure(
                description: "timestamp '\(text)' is absolute but the broadcast's start time is unknown "
                    + "(give it in the metadata's \"start\" or use offsets)")
        }
        return date.timeIntervalSince(start)
    }

    private func absoluteDate(_ text: String) -> Date? {
        let iso = ISO8601DateFormatter()
        iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = iso.date(from: text) { return date }
        iso.formatOptions = [.withInternetDateTime]
        if let date = iso.date(from: text) { return date }
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = timeZone
        for format in [
            "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm:ss.SSS", "yyyy/MM/dd HH:mm:ss",
        ] {
            local.dateFormat = format
            if let date = local.date(from: text) { return date }
        }
        return nil
    }
}
