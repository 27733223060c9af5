/// Progress of one long step, reported by stages; the CLI supplies a terminal bar or periodic lines.
public protocol StageProgress: AnyObject {
    /// `done` units of the total are finished.
    func update(_ done: Double)
    /// The step is over.
    func finish()
}

/// Makes a progress reporter for a step named `label` of `total` units of `unit` (e.g. seconds of audio).
public typealias ProgressFactory = @Sendable (_ label: String, _ total: Double, _ unit: String) -> any StageProgress
