import Foundation

/// Finds the acoustic model file when the user names none.
public enum ModelLocator {
    /// File name of the shipped model inside `Models/`.
    public static let shippedModelName = "ko-ctc-small.safetensors"

    /// `$LIVEINSIGHT_MODEL` if set; else `Models/<shipped>` under the current directory; else under
    /// the folder two levels above the executable (a `.build/<config>/liveinsight` checkout build).
    public static func defaultModelPath(executable: String = CommandLine.arguments[0]) -> String? {
        if let path = ProcessInfo.processInfo.environment["LIVEINSIGHT_MODEL"], !path.isEmpty { return path }
        let executableFolder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let candidates = [
            URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
            executableFolder.deletingLastPathComponent().deletingLastPathComponent(),
            executableFolder,
        ].map { $0.appendingPathComponent("Models").appendingPathComponent(shippedModelName).path }
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The language model that goes with the acoustic model at `modelPath`: `<name>.lm.safetensors` beside
    /// it (`Models/ko-ctc-small.lm.safetensors`), or nil when there is none.
    public static func languageModelPath(forModel modelPath: String) -> String? {
        let url = URL(fileURLWithPath: modelPath)
        let path = url.deletingPathExtension().path + ".lm.safetensors"
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }
}
