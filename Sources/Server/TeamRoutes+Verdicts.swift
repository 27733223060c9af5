import Hummingbird
import Insight
import Report

extension TeamRoutes {
    /// `POST /broadcasts/:id/verdicts` (`keyword`, `time`, `verdict`: rejected, confirmed or withdrawn; `next`):
    /// an analyst's verdict on a mention, recorded by ``TeamServices/verdicts``, which reruns the broadcast's
    /// mentions and alignment before the redirect back to the page. 404 when the server takes no verdicts.
    static func registerVerdicts(_ router: Router<DashboardContext>, team: TeamServices) {
        router.post("/broadcasts/:id/verdicts") { request, context in
            let viewer = try require(.contribute, context)
            guard let recorder = team.verdicts else {
                throw HTTPError(.notFound, message: "this dashboard takes no verdicts on mentions")
            }
            var request = request
            let form = try await FormFields.read(&request)
            let id = try context.parameters.require("id")
            guard let keyword = form["keyword"], !keyword.isEmpty, let time = form["time"].flatMap(Double.init),
                time.isFinite
            else {
                throw HTTPError(.badRequest, message: "a verdict names its mention: keyword and time")
            }
            let value = form["verdict"] ?? ""
            guard value == "withdrawn" || MentionVerdicts.Verdict(rawValue: value) != nil else {
                throw HTTPError(.badRequest, message: "verdict must be rejected, confirmed or withdrawn")
            }
            let change = MentionVerdicts.Change(keyword: keyword, time: time, verdict: .init(rawValue: value))
            try await offloaded {
                try DashboardServer.mapped { () throws(ReportError) in
                    try recorder.record(change, broadcast: id, by: viewer.account)
                }
            }
            return redirect(safeNext(form["next"]))
        }
    }

    /// `/review`: the mentions most worth listening to across every show of `store` (``ReviewQueuePage``), with
    /// verdict buttons for analysts when the server takes verdicts.
    static func registerReviewQueue(_ router: Router<DashboardContext>, team: TeamServices, store: any BroadcastStore) {
        DashboardServer.route(router, "/review") { _, context in
            let viewer = try require(.read, context)
            let broadcasts = try DashboardServer.mapped { () throws(ReportError) in try store.alignedBroadcasts() }
            return DashboardServer.html(
                ReviewQueuePage(broadcasts: broadcasts, viewer: viewer, takesVerdicts: team.verdicts != nil).html())
        }
    }
}
