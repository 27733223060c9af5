import Foundation
import Testing
import TextDecoding

@testable import Insight

/// Reading event logs, including every kind of bad input.
struct EventLogTests {
    /// Offsets in seconds, HH:MM:SS and absolute times with a known start all land on the broadcast clock.
    @Test func timestampForms() throws {
        let path = try Scratch.file(
            "e.csv",
            """
            timestamp,event_type,product_id,quantity,price
            12.5,view,,,
            00:01:30,cart,P1,2,"39,000"
            2:00,purchase,P1,1,39000원
            2026-11-20T20:03:00+09:00,comment,,,
            2026-11-20 20:04:00,like,,,
            """)
        let start = ISO8601DateFormatter().date(from: "2026-11-20T20:00:00+09:00")
        let log = try EventLog.load(path: path, broadcastStart: start)
        #expect(log.events.map(\.time) == [12.5, 90, 120, 180, 240])
        #expect(log.events[1].quantity == 2 && log.events[1].price == 39_000)
        #expect(log.events[2].price == 39_000)
    }

    /// A malformed timestamp stops reading with the line and what was expected.
    @Test func badTimestampNamesTheLine() throws {
        let path = try Scratch.file("e.csv", "timestamp,event_type\n1,view\n2,view\n12:3x,view\n")
        do {
            _ = try EventLog.load(path: path)
            Issue.record("accepted a bad timestamp")
        } catch {
            #expect(
                error.description
                    == "\(path) line 4: timestamp '12:3x' is not a time (expected HH:MM:SS, seconds, or a date-time)")
        }
    }

    /// A bad quantity or price names its line too.
    @Test func badNumbers() throws {
        let path = try Scratch.file("e.csv", "timestamp,event_type,quantity\n1,purchase,two\n")
        #expect(throws: InsightError.badRow(path: path, line: 2, detail: "quantity 'two' is not a whole number ≥ 0")) {
            try EventLog.load(path: path)
        }
    }

    /// Unknown types are skipped and counted; events outside the broadcast are skipped; unsorted rows
    /// are sorted; repeated event ids are dropped — all reported as warnings.
    @Test func setAsideAndWarned() throws {
        let path = try Scratch.file(
            "e.csv",
            """
            event_id,timestamp,event_type
            a,50,purchase
            b,10,view
            c,20,refund
            d,25,refund
            e,-5,view
            f,999,view
            a,50,purchase
            g,30,share
            """)
        let log = try EventLog.load(path: path, duration: 600)
        #expect(log.events.map(\.time) == [10, 50])
        #expect(log.unknownTypes == ["refund": 2, "share": 1])
        #expect(log.warnings.contains { $0.contains("2 row(s) of unknown event type 'refund'") })
        #expect(log.warnings.contains { $0.contains("2 row(s) outside the broadcast") })
        #expect(log.warnings.contains { $0.contains("1 row(s) repeating an earlier event_id") })
        #expect(log.warnings.contains { $0.contains("not in time order") })
    }

    /// An Excel CP949 export is read as CP949: its Korean product id arrives intact.
    @Test func cp949() throws {
        var bytes = Data("timestamp,event_type,product_id\n1,view,A\n2,purchase,".utf8)
        bytes.append(contentsOf: [0xB1, 0xB8, 0xB8, 0xC5])  // "구매" in CP949
        bytes.append(Data("\n".utf8))
        let path = try Scratch.file("e.csv", bytes)
        #expect(try EventLog.load(path: path).events.map(\.productID) == ["A", "구매"])
    }

    /// Bytes that are no known encoding are refused with the first line that is not UTF-8 and a fix.
    @Test func notText() throws {
        var bytes = Data("timestamp,event_type\n1,view\n2,".utf8)
        bytes.append(contentsOf: [0xFF, 0xFE, 0xFF, 0x80])
        bytes.append(Data("\n".utf8))
        let path = try Scratch.file("e.csv", bytes)
        #expect(throws: InsightError.notText(path: path, problem: .unknownEncoding(line: 3))) {
            try EventLog.load(path: path)
        }
        #expect(
            InsightError.notText(path: path, problem: .unknownEncoding(line: 3)).description.contains("\(path) line 3:")
        )
    }

    /// Absolute times without a known start are refused with advice.
    @Test func absoluteTimeNeedsAStart() throws {
        let path = try Scratch.file("e.csv", "timestamp,event_type\n2026-11-20 20:04:00,view\n")
        #expect(throws: InsightError.self) { try EventLog.load(path: path) }
    }

    /// A missing required column names the column and the expected header.
    @Test func missingColumn() throws {
        let path = try Scratch.file("e.csv", "time_of_day,kind\n1,view\n")
        #expect(
            throws: InsightError.missingColumn(
                path: path, column: "timestamp", expected: "timestamp,event_type,product_id,quantity,price")
        ) {
            try EventLog.load(path: path)
        }
    }
}
