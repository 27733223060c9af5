import Foundation

/// Finds recordings in the watched folder that have stopped changing: a file (and each of its
/// companions) is ready once its size and modification time have stayed the same across checks at
/// least `settle` seconds apart. A recording marked reported (queued) is not returned again until it
/// changes or leaves and comes back. Never touches the files.
struct InboxScanner {
    let folder: String
    let settle: TimeInterval
    private var observed: [String: Observation] = [:]

    private struct Observation: Equatable {
        var size: Int64
        var modified: Double
        var since: Date
        var reported = false
    }

    init(folder: String, settle: TimeInterval) {
        (self.folder, self.settle) = (folder, settle)
    }

    /// Recordings in the folder right now (ready or not).
    private(set) var recordingsPresent = 0

    /// Lists the folder and returns the recordings that are ready and not yet reported, by name.
    mutating func readyRecordings(now: Date = Date()) -> [InboxItem] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        var current: [String: Observation] = [:]
        for name in names where !name.hasPrefix(".") {
            var info = stat()
            let path = folder + "/" + name
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            let modified = Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
            var observation = Observation(size: Int64(info.st_size), modified: modified, since: now)
            if let previous = observed[name], previous.size == observation.size, previous.modified == modified {
                (observation.since, observation.reported) = (previous.since, previous.reported)
            }
            current[name] = observation
        }
        observed = current
        let recordings = names.filter { current[$0] != nil && InboxItem.isRecordingName($0) }
        recordingsPresent = recordings.count
        let ready = recordings.compactMap { name -> InboxItem? in
            guard current[name]?.reported == false else { return nil }
            let item = InboxItem(recording: folder + "/" + name)
            let settled = item.files.allSatisfy { path in
                current[(path as NSString).lastPathComponent].map { now.timeIntervalSince($0.since) >= settle } ?? false
            }
            return settled ? item : nil
        }
        return ready
    }

    /// Stops returning `items` until their recordings change.
    mutating func markReported(_ items: [InboxItem]) {
        for item in items { observed[(item.recording as NSString).lastPathComponent]?.reported = true }
    }
}
