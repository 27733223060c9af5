/// Why a model file could not be used. Every case names the file and the problem.
public enum AcousticModelError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file is missing or unreadable.
    case unreadable(path: String, detail: String)
    /// The bytes are not a safetensors file, or it is cut short.
    case malformed(path: String, detail: String)
    /// The data section's SHA-256 differs from the one recorded in the header.
    case checksumMismatch(path: String, expected: String, actual: String)
    /// The file is a safetensors file but not a LiveInsight CTC model of a version this engine reads.
    case unsupportedFormat(path: String, detail: String)
    /// The configuration in the header is missing or inconsistent.
    case badConfiguration(path: String, detail: String)
    /// A tensor the architecture needs is absent.
    case missingTensor(path: String, name: String)
    /// A tensor has a shape other than the configuration implies.
    case wrongShape(path: String, name: String, expected: [Int], actual: [Int])
    /// A member of the ensemble the file lists is missing, unusable or not the one it was calibrated with.
    case ensembleMember(path: String, member: String, problem: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let detail): "\(path): cannot read the model file (\(detail))"
        case .malformed(let path, let detail): "\(path): not a valid safetensors model file (\(detail))"
        case .checksumMismatch(let path, let expected, let actual):
            "\(path): the model file is corrupt (data SHA-256 \(actual.prefix(12))…, header "
                + "says \(expected.prefix(12))…)"
        case .unsupportedFormat(let path, let detail): "\(path): unsupported model file (\(detail))"
        case .badConfiguration(let path, let detail): "\(path): bad model configuration (\(detail))"
        case .missingTensor(let path, let name): "\(path): the model file lacks tensor '\(name)'"
        case .wrongShape(let path, let name, let expected, let actual):
            "\(path): tensor '\(name)' has shape \(actual), expected \(expected)"
        case .ensembleMember(let path, let member, let problem):
            "\(path): its ensemble member \(member) cannot be used (\(problem)); ship the model's files together"
        }
    }
}
