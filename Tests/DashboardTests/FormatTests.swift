import Foundation
import Testing

@testable import Report

/// The pages' one date format: `yyyy-MM-dd HH:mm`, Korea time.
struct FormatTests {
    /// Dates are written in Korea time (UTC+9), zero-padded, on a 24-hour clock; no date is a dash.
    @Test func datesAreKoreaTime() {
        #expect(Format.date(Date(timeIntervalSince1970: 1_795_172_400)) == "2026-11-20 20:00")  // 11:00 UTC
        #expect(Format.date(Date(timeIntervalSince1970: 1_772_665_679)) == "2026-03-05 08:07")  // 03-04 23:07:59 UTC
        #expect(Format.date(nil) == "–")
    }
}
