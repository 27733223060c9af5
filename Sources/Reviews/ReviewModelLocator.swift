import Foundation
import ModelLookup

/// Finds the shipped review sentiment model when the user names none.
public enum ReviewModelLocator {
    /// File name of the shipped model inside `Models/`.
    public static let shippedModelName = "review-sentiment.lisent"
    /// Environment variable that overrides the search.
    public static let environmentVariable = "LIVEINSIGHT_REVIEW_MODEL"

    /// The lookup of the review model (`ModelFileResolver`: `$LIVEINSIGHT_REVIEW_MODEL`, beside the binary,
    /// the install prefix).
    public static let resolver = ModelFileResolver(
        fileName: shippedModelName, environmentVariable: environmentVariable,
        role: "review sentiment model")
}
