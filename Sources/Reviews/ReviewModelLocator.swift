import Foundation

/// Finds the shipped review sentiment model when the user names none.
public enum ReviewModelLocator {
    /// File name of the shipped model inside `Models/`.
    public static let shippedModelName = "review-sentiment.lisent"
    /// Environment variable that overrides the search.
    public static let environmentVariable = "LIVEINSIGHT_REVIEW_MODEL"

    /// `$LIVEINSIGHT_REVIEW_MODEL` if set; else the first `Models/review-sentiment.lisent` found under the
    /// current directory or the checkout that holds the executable (`.build/<config>/liveinsight`).
    public static func defaultPath(executable: String = CommandLine.arguments[0]) -> String? {
        if let path = ProcessInfo.processInfo.environment[environmentVariable], !path.isEmpty { return path }
        var folders = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<4 {
            folders.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        return folders.map { $0.appendingPathComponent("Models/\(shippedModelName)").path }
            .first { FileManager.default.fileExists(atPath: $0) }
    }
}
