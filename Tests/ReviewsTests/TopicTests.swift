import Testing

@testable import Reviews

/// Topic matching (particle-insensitive) and the topic file format.
struct TopicTests {
    /// Particles and the copula are stripped; the longest suffix wins; a stem is never emptied.
    @Test func stripsParticles() {
        #expect(ParticleStripper.stem("배송이") == "배송")
        #expect(ParticleStripper.stem("배송까지는") == "배송")
        #expect(ParticleStripper.stem("가성비예요!!") == "가성비")
        #expect(ParticleStripper.stem("맛은") == "맛")
        #expect(ParticleStripper.stem("이") == "이")
    }

    /// Whole-word keywords match with any particle; prefix keywords (`*`) match inflected words.
    @Test func matchesTopics() {
        let topics = TopicDictionary.commerceDefaults
        #expect(topics.topics(of: "배송이 너무 늦어요") == ["배송"])
        #expect(topics.topics(of: "가격도 착하고 색상은 예뻐요") == ["가격", "디자인"])
        #expect(topics.topics(of: "맛은 그냥 그래요") == ["맛"])
        #expect(topics.topics(of: "오늘 날씨 좋네요").isEmpty)
    }

    /// A topic file is read line by line; comments and blank lines are ignored.
    @Test func readsTopicFile() throws {
        let path = try Support.file("topics.txt", "# my topics\n\n가격 = 가격, 비싸*\n보온 = 따뜻*, 보온  # warmth\n")
        let topics = try TopicDictionary(contentsOf: path)
        #expect(topics.topics.map(\.name) == ["가격", "보온"])
        #expect(topics.topics(of: "생각보다 따뜻해요") == ["보온"])
    }

    /// A line that is not `topic = keywords` is an error naming the line.
    @Test func badTopicLineNamesTheLine() throws {
        let path = try Support.file("topics.txt", "가격 = 가격\n보온\n")
        #expect(throws: ReviewsError.badTopics(path: path, line: 2, detail: "'보온' is not a topic with keywords")) {
            try TopicDictionary(contentsOf: path)
        }
    }
}
