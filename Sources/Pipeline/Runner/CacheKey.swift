import ContentHash
import Foundation

/// A stage's cache key: SHA-256 (hex) of the canonical JSON of everything that determines its outputs:
/// stage name and version, the model digest (for stages that use the model), the keys or content hashes
/// of its inputs, and its parameters. Canonical: sorted keys, no whitespace, absent values as `null`.
public struct CacheKey: Encodable, Sendable {
    /// Stage name.
    public var stage: String
    /// Stage (code) version.
    public var version: String
    /// SHA-256 of the model's weights, or nil for stages that do not use the model.
    public var model: String?
    /// Input name (`stage:<name>`, `user:<kind>`, `recording`) → that input's key or content hash.
    public var inputs: [String: String]
    /// Parameter name → value.
    public var parameters: [String: String]

    public init(stage: String, version: String, model: String?, inputs: [String: String], parameters: [String: String])
    {
        (self.stage, self.version, self.model, self.inputs, self.parameters) = (
            stage, version, model, inputs, parameters
        )
    }

    /// The canonical JSON text that is hashed.
    public var canonicalJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding a struct of strings and string dictionaries cannot fail.
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The key: lowercase hex SHA-256 of `canonicalJSON`.
    public var value: String { SHA256.hex(of: Array(canonicalJSON.utf8)) }

    private enum CodingKeys: String, CodingKey { case stage, version, model, inputs, parameters }

    /// Encodes every field, `model` as null when absent.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(stage, forKey: .stage)
        try container.encode(version, forKey: .version)
        try container.encode(model, forKey: .model)  // explicit null keeps "no model" distinct from a missing field
        try container.encode(inputs, forKey: .inputs)
        try container.encode(parameters, forKey: .parameters)
    }
}
