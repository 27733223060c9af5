import Alerts
import Foundation
import Testing

@testable import Pipeline

/// The reviews stage's alerts reach the catalog for the dashboard, once per stage key.
struct ReviewAlertsTests {
    /// Running the clip with the demo reviews records their two spikes (P001 사이즈, P003 배송, as
    /// `liveinsight reviews` reports them) under the broadcast; a rerun that reuses the stage adds nothing.
    @Test func recordsTheReviewsStageAlertsOnce() throws {
        let reviewModel = Fixtures.repository.appendingPathComponent("Models/review-sentiment.lisent").path
        let runner = try Fixtures.runner(
            models: StageModels(
                acoustic: Fixtures.tinyModels.acoustic,
                review: .review(path: reviewModel)))
        let reviews = Fixtures.repository.appendingPathComponent("AudioSamples/demo.reviews.csv").path
        let summary = try runner.run(RunRequest(recording: Fixtures.clip, inputs: [.reviews: reviews]))
        #expect(summary.stages.first { $0.stage == "reviews" }?.status == .ran)
        let alerts = try runner.catalog.alerts(in: Set(AlertState.allCases))
        #expect(alerts.map { "\($0.alert.productID) \($0.alert.topic)" }.sorted() == ["P001 사이즈", "P003 배송"])
        #expect(
            alerts.allSatisfy { $0.broadcastID == summary.broadcast && $0.state == .open && !$0.alert.reviews.isEmpty })
        let again = try runner.run(RunRequest(recording: Fixtures.clip, inputs: [.reviews: reviews]))
        #expect(again.stages.first { $0.stage == "reviews" }?.status == .reused)
        #expect(try runner.catalog.alerts(in: Set(AlertState.allCases)).count == 2)
    }
}
