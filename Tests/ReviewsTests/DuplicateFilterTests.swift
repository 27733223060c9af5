import Testing

@testable import Reviews

/// Exact and near-duplicate detection.
struct DuplicateFilterTests {
    /// The same text twice for one product is an exact duplicate; for another product it is not.
    @Test func exactDuplicatesPerProduct() {
        var filter = DuplicateFilter()
        #expect(filter.check(productID: "P1", normalized: "배송 빨라요 좋아요") == .unique)
        #expect(filter.check(productID: "P1", normalized: "배송 빨라요 좋아요") == .exactDuplicate)
        #expect(filter.check(productID: "P2", normalized: "배송 빨라요 좋아요") == .unique)
    }

    /// Differences only in spacing, punctuation and emoticons make a near duplicate.
    @Test func nearDuplicates() {
        var filter = DuplicateFilter()
        #expect(filter.check(productID: "P1", normalized: "너무 예뻐요!! 완전 강추합니다ㅋㅋ") == .unique)
        #expect(filter.check(productID: "P1", normalized: "너무예뻐요 완전 강추합니다 ㅋ") == .nearDuplicate)
        #expect(filter.check(productID: "P1", normalized: "너무 예뻐요 완전 비추합니다") == .unique)
    }

    /// A small edit (a word added) to a longer review is a near duplicate; a different review is not.
    @Test func smallEdits() {
        var filter = DuplicateFilter()
        #expect(filter.check(productID: "P1", normalized: "칼이 정말 잘 들어요 토마토가 종이처럼 썰려요") == .unique)
        #expect(filter.check(productID: "P1", normalized: "칼이 잘 들어요 토마토가 종이처럼 썰려요!!") == .nearDuplicate)
        #expect(filter.check(productID: "P1", normalized: "칼이 무뎌서 토마토가 잘 안 썰려요 실망") == .unique)
    }

    /// Short texts ("좋아요") may honestly repeat: only exact copies are dropped.
    @Test func shortTextsRepeat() {
        var filter = DuplicateFilter()
        #expect(filter.check(productID: "P1", normalized: "좋아요") == .unique)
        #expect(filter.check(productID: "P1", normalized: "좋아요!") == .unique)
    }
}
