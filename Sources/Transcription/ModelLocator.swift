import Foundation
import ModelLookup

/// Finds the acoustic model file when the user names none.
public enum ModelLocator {
    /// File name of the shipped model inside `Models/`.
    public static let shippedModelName = "ko-ctc-small.safetensors"

    /// The lookup of the acoustic model (`ModelFileResolver`: `$LIVEINSIGHT_MODEL`, beside the binary, the
    /// install prefix).
    public static let resolver = ModelFileResolver(
        fileName: shippedModelName, environmentVariable: "LIVEINSIGHT_MODEL",
        role: "acoustic model")

    /// The acoustic model found by ``resolver`` (nil when none is).
    public static func defaultModelPath(executable: String = ModelFileResolver.currentExecutable) -> String? {
        resolver.resolve(executable: executable)
    }

    /// The language model that goes with the acoustic model at `modelPath`: `<name>.lm.safetensors` beside
    /// it (`Models/ko-ctc-small.lm.safetensors`), or nil when there is none.
    public static func languageModelPath(forModel modelPath: String) -> String? {
        ModelFileResolver.companion(of: modelPath, suffix: languageModelSuffix)
    }

    /// How a language model's file name follows from its acoustic model's.
    public static let languageModelSuffix = ".lm.safetensors"
}
