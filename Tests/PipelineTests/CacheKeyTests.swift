import Testing

@testable import Catalog
@testable import Checkpoints
@testable import Pipeline

/// Cache keys: stable, canonical, and sensitive to everything they cover.
struct CacheKeyTests {
    private let base = CacheKey(
        stage: "transcript", version: "1", model: "abc",
        inputs: ["stage:acoustic": "k1", "user:keywords": "h1"], parameters: ["beamWidth": "8", "hotwordBoost": "1.5"])

    /// The same description gives the same key, whatever order the dictionaries were built in.
    @Test func keyIsCanonical() {
        var reordered = CacheKey(stage: "transcript", version: "1", model: "abc", inputs: [:], parameters: [:])
        reordered.parameters["hotwordBoost"] = "1.5"
        reordered.parameters["beamWidth"] = "8"
        reordered.inputs["user:keywords"] = "h1"
        reordered.inputs["stage:acoustic"] = "k1"
        #expect(reordered.value == base.value)
        #expect(base.value.count == 64)
        #expect(base.canonicalJSON.hasPrefix(#"{"inputs":{"stage:acoustic":"k1","#))
    }

    /// Changing the stage, version, model, an input or a parameter changes the key.
    @Test func everyPartMatters() {
        var variants: [CacheKey] = []
        for change in 0..<6 {
            var key = base
            switch change {
            case 0: key.stage = "mentions"
            case 1: key.version = "2"
            case 2: key.model = "def"
            case 3: key.model = nil
            case 4: key.inputs["user:keywords"] = "h2"
            default: key.parameters["beamWidth"] = "4"
            }
            variants.append(key)
        }
        let values = Set(variants.map(\.value) + [base.value])
        #expect(values.count == 7)
    }

    /// A missing model is encoded as null, not left out.
    @Test func absentModelIsNull() {
        let key = CacheKey(stage: "decode", version: "1", model: nil, inputs: [:], parameters: [:])
        #expect(key.canonicalJSON.contains(#""model":null"#))
    }
}
