import Checkpoints

/// Whether a stage's recorded outputs are still on disk as they were written.
enum OutputCheck {
    /// Outputs up to this size are verified by SHA-256; larger ones (a long broadcast's posteriors) by
    /// size alone, so reusing them stays instant. Their formats carry their own end markers.
    static let fullHashLimit: Int64 = 64 << 20

    /// True when the entry lists exactly the stage's outputs and each file matches its recorded size
    /// (and SHA-256, up to `fullHashLimit`).
    static func verify(_ recorded: [String: FileDigest], expected: [String], folder: String) -> Bool {
        guard Set(recorded.keys) == Set(expected) else { return false }
        return recorded.allSatisfy { file, digest in
            let path = folder + "/" + file
            guard FileDigest.size(of: path) == digest.bytes else { return false }
            return digest.bytes > fullHashLimit || (try? FileDigest(path: path))?.sha256 == digest.sha256
        }
    }
}
