import Commerce
import Foundation
import Testing

/// RFM scores by quintiles on hand-checkable customers.
struct RFMTests {
    /// Ten customers c1…c10: cN last bought N days before the reference date, in N orders of N each
    /// (so recency, frequency and money all rank by N).
    static let tenCustomers: [Purchase] = (1...10).flatMap { n in
        (0..<n).map { order in
            CommerceFixtures.purchase("c\(n)", "item", day: 100 - n, price: Double(n), order: "c\(n)-o\(order)")
        }
    }

    /// With ten distinct values the boundaries are the 2nd, 4th, 6th and 8th smallest, and scores go in pairs.
    @Test func quintileBoundariesAndScores() throws {
        let reference = CommerceFixtures.day0.addingTimeInterval(100 * 86_400 + 3600)
        let rfm = RFMAnalysis(purchases: Self.tenCustomers, asOf: reference)
        #expect(rfm.recencyBoundaries == [2, 4, 6, 8])
        #expect(rfm.frequencyBoundaries == [2, 4, 6, 8])
        #expect(rfm.monetaryBoundaries == [4, 16, 36, 64])  // n orders × n units… × price n: n²
        let byID = Dictionary(uniqueKeysWithValues: rfm.customers.map { ($0.customer, $0) })
        let c1 = try #require(byID["c1"]), c10 = try #require(byID["c10"]), c5 = try #require(byID["c5"])
        #expect((c1.recencyDays, c1.frequency, c1.monetary) == (1, 1, 1))
        #expect((c1.r, c1.f, c1.m) == (5, 1, 1))
        #expect((c5.r, c5.f, c5.m) == (3, 3, 3))
        #expect((c10.r, c10.f, c10.m) == (1, 5, 5))
        #expect(c1.segment == .newCustomers)
        #expect(c10.segment == .cantLoseThem)
        #expect(rfm.heatMap.flatMap { $0 }.reduce(0, +) == 10)
        #expect(rfm.heatMap[4][0] == 2)  // R 5, F 1: c1 and c2
    }

    /// Equal values get equal scores, even when that leaves a quintile short.
    @Test func tiesShareAScore() {
        // Six one-order customers and two with three orders.
        let purchases =
            (1...6).map { CommerceFixtures.purchase("a\($0)", "x", day: 1) }
            + (1...2).flatMap { n in
                (0..<3).map { CommerceFixtures.purchase("b\(n)", "x", day: 1, order: "b\(n)-\($0)") }
            }
        let rfm = RFMAnalysis(purchases: purchases)
        #expect(Set(rfm.customers.filter { $0.frequency == 1 }.map(\.f)) == [1])
        #expect(Set(rfm.customers.filter { $0.frequency == 3 }.map(\.f)) == [4])  // boundaries 1, 1, 1, 3
        #expect(Set(rfm.customers.map(\.r)) == [5])  // everyone bought on the same day
    }

    /// Segment sizes add up to all customers and revenue shares to one.
    @Test func segmentSummariesAddUp() {
        let rfm = RFMAnalysis(purchases: Self.tenCustomers)
        #expect(rfm.segments.reduce(0) { $0 + $1.customers } == 10)
        #expect(abs(rfm.segments.reduce(0) { $0 + $1.revenueShare } - 1) < 1e-9)
        #expect(rfm.segments.count == RFMSegment.allCases.count)
    }

    /// Every (R, F) cell has a segment, and the corners are the named ones.
    @Test func segmentGrid() {
        #expect(RFMSegment(r: 5, f: 5) == .champions)
        #expect(RFMSegment(r: 1, f: 1) == .hibernating)
        #expect(RFMSegment(r: 1, f: 5) == .cantLoseThem)
        #expect(RFMSegment(r: 2, f: 4) == .atRisk)
        #expect(RFMSegment(r: 4, f: 4) == .loyal)
        #expect(
            Set((1...5).flatMap { r in (1...5).map { RFMSegment(r: r, f: $0) } }).count == RFMSegment.allCases.count)
    }

    /// Movement between two dates: a customer who buys again moves, a newcomer appears from nowhere.
    @Test func movementBetweenDates() {
        let early = [CommerceFixtures.purchase("a", "x", day: 0), CommerceFixtures.purchase("b", "x", day: 1)]
        let later = early + [CommerceFixtures.purchase("c", "x", day: 50)]
        let before = RFMAnalysis(purchases: early), after = RFMAnalysis(purchases: later)
        let moves = before.movement(to: after)
        #expect(moves.reduce(0) { $0 + $1.customers } == 3)
        #expect(moves.contains { $0.from == nil && $0.customers == 1 })
    }
}
