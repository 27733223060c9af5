/// Fits the chosen recommenders on a split's training data — each once, the hybrid reusing the others —
/// and evaluates them: what `recommend evaluate` and the benchmark run.
public enum ModelSuite {
    /// `views` feed "viewed together" (and the hybrid); the caller keeps out views the split should not see.
    public static func evaluate(
        _ kinds: [RecommenderKind], split: HoldoutSplit, items: [ItemInfo],
        views: [ProductView] = [], k: Int = 15,
        als alsOptions: ALSRecommender.Options = .init(),
        hybrid hybridOptions: HybridRecommender.Options = .init()
    ) -> [EvaluationResult] {
        let clock = ContinuousClock()
        func timed<T>(_ body: () -> T) -> (T, Double) {
            var value: T?
            let duration = clock.measure { value = body() }
            return (value!, Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18)
        }
        let needs = Set(kinds.contains(.hybrid) ? RecommenderKind.allCases : kinds)
        let popular = needs.contains(.popular) ? timed { PopularRecommender(split.train) } : nil
        let together = needs.contains(.together) ? timed { CoPurchaseRecommender(split.train) } : nil
        let viewed = needs.contains(.viewed) ? timed { CoViewRecommender(split.train, views: views) } : nil
        let content = needs.contains(.content) ? timed { ContentRecommender(split.train, info: items) } : nil
        let als = needs.contains(.als) ? timed { ALSRecommender(split.train, options: alsOptions) } : nil
        return kinds.map { kind in
            switch kind {
            case .popular:
                Evaluation.evaluate(popular!.0, method: kind.rawValue, split: split, k: k, fitSeconds: popular!.1)
            case .together:
                Evaluation.evaluate(together!.0, method: kind.rawValue, split: split, k: k, fitSeconds: together!.1)
            case .viewed:
                Evaluation.evaluate(viewed!.0, method: kind.rawValue, split: split, k: k, fitSeconds: viewed!.1)
            case .content:
                Evaluation.evaluate(content!.0, method: kind.rawValue, split: split, k: k, fitSeconds: content!.1)
            case .als: Evaluation.evaluate(als!.0, method: kind.rawValue, split: split, k: k, fitSeconds: als!.1)
            case .hybrid:
                Evaluation.evaluate(
                    HybridRecommender(
                        als: als!.0, together: together!.0, content: content!.0, popular: popular!.0,
                        data: split.train, viewed: viewed!.0, options: hybridOptions),
                    method: kind.rawValue, split: split, k: k,
                    fitSeconds: popular!.1 + together!.1 + viewed!.1 + content!.1 + als!.1)
            }
        }
    }
}
