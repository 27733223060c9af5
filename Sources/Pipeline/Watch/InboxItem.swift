import Checkpoints
import Foundation

/// A recording in the watched folder and the companion files that share its stem
/// (`show.wav` with `show.events.csv`, `show.reviews.csv`, `show.keywords.csv`, `show.ref.txt`, captions as
/// `show.srt` or `show.vtt`: `UserInputKind.companionSuffixes`).
public struct InboxItem: Sendable, Equatable {
    /// The recording's path.
    public var recording: String
    /// Companion files present beside it.
    public var companions: [UserInputKind: String]

    /// The recording with whatever companions exist beside it now.
    public init(recording: String) {
        self.recording = recording
        let stem = Self.stem(of: (recording as NSString).lastPathComponent)
        let folder = (recording as NSString).deletingLastPathComponent
        var companions: [UserInputKind: String] = [:]
        for kind in UserInputKind.allCases {
            companions[kind] = kind.companionSuffixes.map { folder + "/" + stem + $0 }.first { path in
                var info = stat()  // lstat: a companion that is a symbolic link is not followed
                return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
            }
        }
        self.companions = companions
    }

    /// A symbolic link on its own (no companions), to be refused.
    init(link path: String) {
        (recording, companions) = (path, [:])
    }

    /// Every file of the item: the recording first, then companions in kind order.
    public var files: [String] { [recording] + companions.sorted { $0.key < $1.key }.map(\.value) }

    /// The file name without its last extension (`show.wav` → `show`).
    static func stem(of name: String) -> String { (name as NSString).deletingPathExtension }

    /// Whether a file name in the watched folder is a recording to process: not hidden, not an upload in
    /// progress (`.part`, `.tmp`, `.crdownload`, our own temporary names) and not a companion or reason file.
    /// Anything else is tried as audio (libsndfile reads by content), and rejected with a reason if it is not.
    static func isRecordingName(_ name: String) -> Bool {
        let lower = name.lowercased()
        if name.hasPrefix(".") || name.contains(AtomicFile.temporaryMarker) { return false }
        if [".part", ".tmp", ".crdownload", ".reason.txt"].contains(where: lower.hasSuffix) { return false }
        return UserInputKind.companion(named: name) == nil
    }
}
