import TextDecoding

/// Everything that can go wrong reading transcripts; each message names the file (and line) and says
/// what to do.
public enum TranscriptError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The name is neither an existing path nor a broadcast a resolver knows; `searched` says where the
    /// resolvers looked (``TranscriptResolver/searched``).
    case noSuchFileOrBroadcast(String, searched: [String] = [])
    /// A resolver knows the broadcast, but it has no transcript yet; `reason` says why (stage not run, running,
    /// failed).
    case noTranscriptYet(broadcast: String, reason: String)
    /// The file exists but could not be read.
    case unreadable(path: String, reason: String)
    /// The file is not text in an encoding the readers know (UTF-8, UTF-16, CP949).
    case notText(path: String, problem: TextDecodingError)
    /// A line does not have the expected shape; `problem` says what was expected.
    case malformed(path: String, line: Int, problem: String)
    /// An id occurs twice; `firstSeen` is where it first occurred ("refs.tsv:3").
    case duplicateID(id: String, path: String, line: Int, firstSeen: String)
    /// A JSON transcript could not be decoded.
    case invalidJSON(path: String, problem: String)
    /// A directory holds no transcript files.
    case noTranscriptFiles(directory: String)

    /// The message for the user.
    public var description: String {
        switch self {
        case .noSuchFileOrBroadcast(let name, let searched):
            let files = "give a .tsv, .txt, .srt, .vtt or .json file"
            if searched.isEmpty { return "no such file or broadcast: \(name) (\(files), or a directory of them)" }
            return "no such file or broadcast: \(name) (\(files), a directory of them, or one of "
                + searched.joined(separator: " or ") + ")"
        case .noTranscriptYet(let broadcast, let reason):
            return "broadcast \(broadcast) has no transcript yet (\(reason)); run `liveinsight run` on its recording "
                + "(or let the watcher finish it), then validate again"
        case .unreadable(let path, let reason):
            return "cannot read \(path): \(reason); check the path and its permissions"
        case .notText(let path, let problem):
            return problem.message(path: path)
        case .malformed(let path, let line, let problem):
            return "\(path) line \(line): \(problem)"
        case .duplicateID(let id, let path, let line, let firstSeen):
            return "\(path) line \(line): id '\(id)' was already used at \(firstSeen); ids must be unique"
        case .invalidJSON(let path, let problem):
            return "\(path): \(problem); expected {\"segments\": [{\"text\", \"start\", \"end\", \"words\": "
                + "[{\"text\", \"start\", \"end\"}]}]} or {\"words\": [...]} or {\"text\": ...}"
        case .noTranscriptFiles(let directory):
            return "directory \(directory) has no .txt, .tsv, .srt, .vtt or .json files"
        }
    }
}
