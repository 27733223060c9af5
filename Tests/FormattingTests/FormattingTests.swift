import Formatting
import Testing

/// The one rule for numbers, money and shares.
struct NumberTextTests {
    /// Digits are grouped by three, rounded half away from zero, with the sign in front.
    @Test func groupsDigits() {
        #expect(NumberText.grouped(0) == "0")
        #expect(NumberText.grouped(999) == "999")
        #expect(NumberText.grouped(1_234_567) == "1,234,567")
        #expect(NumberText.grouped(-1_234.5) == "-1,235")
        #expect(NumberText.grouped(2.5) == "3")
    }

    /// Won with the symbol for pages, with 원 for Korean text.
    @Test func wonStyles() {
        #expect(NumberText.won(39_000) == "₩39,000")
        #expect(NumberText.won(39_000, style: .suffix) == "39,000원")
    }

    /// Fractions as percentages, one decimal unless asked otherwise.
    @Test func percentages() {
        #expect(NumberText.percent(0.375) == "37.5%")
        #expect(NumberText.percent(0.375, decimals: 0) == "38%")
        #expect(NumberText.percent(1) == "100.0%")
    }

    /// Clock times: minutes and seconds, hours from the first hour on, seconds rounded down.
    @Test func clockTimes() {
        #expect(NumberText.clock(0) == "0:00")
        #expect(NumberText.clock(723.9) == "12:03")
        #expect(NumberText.clock(3600) == "1:00:00")
        #expect(NumberText.clock(-0.05) == "0:00")
    }
}
