import PrivatePostgres
import Testing

extension Trait where Self == ConditionTrait {
    /// Runs a suite only where a private PostgreSQL server can start; elsewhere the skip says why
    /// (`PrivatePostgres.unavailableReason`).
    static var needsPostgres: Self {
        .enabled(
            if: PrivatePostgres.unavailableReason == nil,
            "needs a PostgreSQL server: see PrivatePostgres.unavailableReason")
    }
}
