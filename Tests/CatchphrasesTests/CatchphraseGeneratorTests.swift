import Foundation
import Insight
import Reviews
import Testing

@testable import Catchphrases

/// Catchphrases from the demo's real review file (175 reviews of four products) scored by the shipped
/// sentiment model: lines only on topics that pass the policy, each with evidence taken from the reviews.
@Suite struct CatchphraseGeneratorTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static let reviews: [Review] = {
        guard
            var reader = try? ReviewReader(
                path: repository.appendingPathComponent("AudioSamples/demo.reviews.csv").path)
        else { return [] }
        var all: [Review] = []
        while let review = reader.next() { all.append(review) }
        return all
    }()

    static func generator(_ policy: CatchphrasePolicy) throws -> CatchphraseGenerator {
        let model = try SentimentModel(
            path: repository.appendingPathComponent("Models/review-sentiment.lisent").path, verifyChecksum: false)
        return CatchphraseGenerator(model: model, policy: policy)
    }

    /// A looser policy than the default, so the small demo file yields several lines to check.
    static let loose = CatchphrasePolicy(minimumReviews: 8, minimumPositiveShare: 0.55, minimumScore: 3.0)

    /// Every product's lines and verdicts under the default policy and the loose one.
    static let results:
        [String: (
            strict: (lines: [Catchphrase], verdicts: [TopicVerdict]),
            loose: (lines: [Catchphrase], verdicts: [TopicVerdict])
        )] = {
            guard let strict = try? generator(CatchphrasePolicy()), let loose = try? generator(loose) else {
                return [:]
            }
            return Dictionary(
                uniqueKeysWithValues: ["P001", "P002", "P003", "P004"].map { product in
                    (
                        product,
                        (
                            strict.suggest(product: product, reviews: reviews),
                            loose.suggest(product: product, reviews: reviews)
                        )
                    )
                })
        }()

    /// Lines are built only on topics whose verdict passed, and every verdict's rejection matches its figures:
    /// no line on a topic with few reviews, mixed sentiment or a low score.
    @Test(arguments: [true, false]) func linesOnlyOnQualifyingTopics(strict: Bool) throws {
        #expect(Self.reviews.count > 150)
        let policy = strict ? CatchphrasePolicy() : Self.loose
        var total = 0
        for (product, result) in Self.results {
            let (lines, verdicts) = strict ? result.strict : result.loose
            let passed = Set(verdicts.filter { $0.rejected == nil }.map(\.topic))
            for line in lines {
                total += 1
                #expect(line.productID == product && passed.contains(line.topic), "\(line.line)")
                #expect(line.evidence.reviews >= policy.minimumReviews, "\(line.line)")
                #expect(line.evidence.positiveShare >= policy.minimumPositiveShare, "\(line.line)")
                #expect(line.evidence.score >= policy.minimumScore, "\(line.line)")
                #expect(line.evidence.hookReviews >= policy.minimumHookReviews, "\(line.line)")
            }
            for verdict in verdicts {
                switch verdict.rejected {
                case .fewReviews: #expect(verdict.reviews < policy.minimumReviews)
                case .mixedSentiment:
                    #expect(
                        verdict.reviews >= policy.minimumReviews && verdict.positiveShare < policy.minimumPositiveShare)
                case .lowScore:
                    #expect(verdict.positiveShare >= policy.minimumPositiveShare && verdict.score < policy.minimumScore)
                case .noHookWord, nil: #expect(verdict.reviews >= policy.minimumReviews)
                }
            }
            #expect(lines.count <= policy.maximumLines)
        }
        // The demo has topics on each side of the line: some qualify, many are turned down for few reviews.
        #expect(total >= (strict ? 1 : 3))
        #expect(
            Self.results.values.flatMap { (strict ? $0.strict : $0.loose).verdicts }.contains {
                $0.rejected == .fewReviews
            })
    }

    /// Each line holds its topic and hook word; the quotes are real positive sentences of the product's reviews
    /// that use the hook.
    @Test func evidenceQuotesTheReviews() throws {
        let lines = Self.results.values.flatMap(\.loose.lines)
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.line.contains(line.topic) && line.line.contains(line.hook), "\(line.line)")
            #expect(!line.evidence.quotes.isEmpty && line.evidence.quotes.count <= 3)
            #expect(
                Set(line.evidence.quotes).count == line.evidence.quotes.count,
                "a quote repeated: \(line.evidence.quotes)")
            let texts = Self.reviews.filter { $0.productID == line.productID }.map(\.text)
            for quote in line.evidence.quotes {
                #expect(quote.contains(line.hook), "\(quote)")
                #expect(
                    texts.contains { ReviewText.normalize($0).contains(quote) },
                    "not a sentence of \(line.productID)'s reviews: \(quote)")
            }
            #expect(line.line.count <= 60, "not short: \(line.line)")
        }
    }

    /// Particles follow the word's final consonant: 맛은 / 향은 but 보습은 vs 가성비는, 이/가, 으로/로.
    @Test func particlesFollowTheFinalConsonant() throws {
        let evidence = CatchphraseEvidence(
            reviews: 28, sentences: 40, positiveShare: 0.9, sentiment: 4.4, meanRating: 4.6,
            hookReviews: 9, quotes: [])
        let template = "{T}{은} {W}{이} {W}{으로} {T}{을}"
        let line = CatchphraseGenerator.fill(template, topic: "보습", hook: "가성비", evidence: evidence)
        #expect(line == "보습은 가성비가 가성비로 보습을")
        #expect(CatchphraseGenerator.fill(template, topic: "향", hook: "물", evidence: evidence) == "향은 물이 물로 향을")
        #expect(
            CatchphraseGenerator.fill("{T} {S}점, 리뷰 {N}개", topic: "보습", hook: "", evidence: evidence)
                == "보습 4.6점, 리뷰 28개")
    }

    /// Approved lines export as a keyword list that `run --keywords` reads: one keyword per hook, the lines as
    /// its variants; suggested and rejected lines are left out.
    @Test func approvedLinesExportAsAKeywordList() throws {
        var lines = Array(Self.results.values.flatMap(\.loose.lines).prefix(3))
        try #require(lines.count == 3)
        lines[0].state = .approved
        lines[1].state = .approved
        lines[1].line = "편집한 문구, 쉼표와 \"따옴표\""
        lines[2].state = .rejected
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "catchphrases-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try KeywordListExport.csv(lines).write(to: file, atomically: true, encoding: .utf8)
        let list = try KeywordList.load(path: file.path)
        let hooks = Array(Set([lines[0].hook, lines[1].hook]))
        #expect(Set(list.keywords.map(\.text)) == Set(hooks))
        let variants = list.keywords.flatMap(\.variants)
        #expect(
            variants.contains(lines[0].line) && variants.contains(lines[1].line) && !variants.contains(lines[2].line))
        #expect(
            list.keywords.allSatisfy { keyword in
                lines.contains { $0.hook == keyword.text && $0.topic == keyword.topic }
            })
    }
}
