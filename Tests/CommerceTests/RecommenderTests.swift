import Testing

@testable import Commerce

/// The item-based recommenders and the hybrid on baskets small enough to check by hand.
struct RecommenderTests {
    /// A (4 buyers) and B (2) were bought together twice, A and C (4 buyers) once: a customer with A gets B
    /// before C (cosine 2/√8 ≈ 0.71 against 1/√16 = 0.25), and never A again.
    @Test func boughtTogetherRanksByCosine() throws {
        let data = CommerceFixtures.interactions([
            "u1": ["A", "B"], "u2": ["A", "B"], "u3": ["A", "C"], "u4": ["A"],
            "u5": ["C"], "u6": ["C"], "u7": ["C"],
        ])
        let model = CoPurchaseRecommender(data)
        let u4 = try #require(data.customerIndex["u4"])
        let list = model.recommend(customer: u4, k: 2, data: data, popularity: data.itemPopularity).map {
            data.items[$0]
        }
        #expect(list == ["B", "C"])  // C is the most popular item, B still comes first
        var scores = [Float](repeating: 0, count: data.items.count)
        model.score(customer: u4, into: &scores)
        #expect(abs(scores[data.itemIndex["B"]!] - 2 / Float(8).squareRoot()) < 1e-6)
        #expect(model.reason(customer: u4, item: data.itemIndex["B"]!) == data.itemIndex["A"])
    }

    /// Popular: the same list for everyone, minus what each bought.
    @Test func popularExcludesWhatWasBought() throws {
        let data = CommerceFixtures.interactions(["u1": ["A", "B"], "u2": ["A", "B"], "u3": ["A", "C"]])
        let model = PopularRecommender(data)
        let list = model.recommend(
            customer: data.customerIndex["u1"], k: 3, data: data, popularity: data.itemPopularity)
        #expect(list.map { data.items[$0] } == ["C"])
        #expect(
            model.recommend(customer: nil, k: 2, data: data, popularity: data.itemPopularity).map { data.items[$0] }
                == ["A", "B"])
    }

    /// Content: a red heart mug's buyer is offered the red heart cup, not the more popular spade.
    @Test func contentFindsTheSimilarItem() throws {
        let info = [
            ItemInfo(id: "MUG", text: "RED HEART MUG", price: 3),
            ItemInfo(id: "CUP", text: "RED HEART CUP", price: 3.5),
            ItemInfo(id: "SPADE", text: "GARDEN SPADE", price: 12),
            ItemInfo(id: "TROWEL", text: "GARDEN TROWEL", price: 8),
        ]
        let data = CommerceFixtures.interactions(
            ["u1": ["MUG"], "u2": ["SPADE"], "u3": ["SPADE", "TROWEL"], "u4": ["SPADE"]],
            items: ["CUP"])
        let model = ContentRecommender(data, info: info)
        let u1 = try #require(data.customerIndex["u1"])
        var scores = [Float](repeating: 0, count: data.items.count)
        model.score(customer: u1, into: &scores)
        #expect(scores[data.itemIndex["CUP"]!] > 0)
        #expect(scores[data.itemIndex["SPADE"]!] == 0)
        let list = model.recommend(customer: u1, k: 1, data: data, popularity: data.itemPopularity)
        #expect(list.map { data.items[$0] } == ["CUP"])
        #expect(model.reason(customer: u1, item: data.itemIndex["CUP"]!) == data.itemIndex["MUG"])
    }

    /// The price kernel: of two items with equally similar text, the one nearer in price ranks higher.
    @Test func contentPrefersTheNearerPrice() throws {
        let info = [
            ItemInfo(id: "A", text: "HEART MUG", price: 3), ItemInfo(id: "B", text: "HEART BOWL", price: 3.2),
            ItemInfo(id: "C", text: "HEART VASE", price: 30),
        ]
        let data = CommerceFixtures.interactions(["u1": ["A"]], items: ["B", "C"])
        let model = ContentRecommender(data, info: info)
        var scores = [Float](repeating: 0, count: data.items.count)
        model.score(customer: data.customerIndex["u1"]!, into: &scores)
        #expect(scores[data.itemIndex["B"]!] > scores[data.itemIndex["C"]!])
    }

    /// The hybrid gives a customer without history the popular list, and a known customer's list
    /// never repeats what they bought.
    @Test func hybridFallsBackForNewCustomers() throws {
        var baskets: [String: [String]] = [:]
        for n in 0..<12 {
            baskets["u\(n)"] = ["A", "B", "C", "D", "E"].filter { _ in true }.enumerated().filter {
                ($0.offset + n) % 3 != 0
            }.map(\.element)
        }
        let data = CommerceFixtures.interactions(baskets)
        let info = data.items.map { ItemInfo(id: $0, text: "ITEM \($0)") }
        var options = HybridRecommender.Options()
        options.alsSettings = ALSRecommender.Options(factors: 4, iterations: 5)
        let model = HybridRecommender(data, info: info, options: options)
        let popular = PopularRecommender(data)
        let newcomer = model.recommend(customer: nil, k: 3, data: data, popularity: data.itemPopularity)
        #expect(newcomer == popular.recommend(customer: nil, k: 3, data: data, popularity: data.itemPopularity))
        #expect(model.reason(customer: nil, item: newcomer[0]) == "popular")
        let u0 = try #require(data.customerIndex["u0"])
        let list = model.recommend(customer: u0, k: 5, data: data, popularity: data.itemPopularity)
        #expect(Set(list).isDisjoint(with: data.items(of: u0).map(Int.init)))
        #expect(!list.isEmpty)
    }

    /// Top-k selection: best first, ties to the more popular, excluded items skipped.
    @Test func topKSelection() {
        let picked = TopK.select(3, scores: [0.5, 0.9, 0.5, 0.1, 0.9], tieBreak: [1, 1, 5, 9, 2], excluding: [1])
        #expect(picked == [4, 2, 0])
    }
}

/// The recommendation service: ids in, item ids and reasons out.
struct RecommendationServiceTests {
    /// A new customer gets the popular items, each "popular in" its category when the orders gave one.
    @Test func popularReasonNamesTheCategory() {
        let purchases = [
            CommerceFixtures.purchase("a", "K1"), CommerceFixtures.purchase("b", "K1"),
            CommerceFixtures.purchase("a", "S1"),
        ]
        let items = [ItemInfo(id: "K1", text: "knit", category: "knit"), ItemInfo(id: "S1", text: "scarf")]
        let service = RecommendationService(kind: .popular, purchases: purchases, items: items)
        let list = service.recommend(customer: "newcomer", k: 2)
        #expect(list.map(\.item) == ["K1", "S1"])
        #expect(list.map(\.reason) == ["popular in knit", "popular"])
        #expect(service.recommend(customer: "b", k: 5).map(\.item) == ["S1"])
    }
}
