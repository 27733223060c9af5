import Catalog
import Checkpoints
import Dispatch
import Foundation
import Pipeline

/// SIGINT and SIGTERM for the long-running commands: the first calls `onStop` (which asks for a clean
/// stop and says so), a second one exits at once (every checkpoint is atomic, so even that loses only
/// the stage in flight).
final class ShutdownSignals {
    private let sources: [any DispatchSourceSignal]

    /// Installs the handlers; they stay until this object is released.
    init(onStop: @escaping @Sendable () -> Void) {
        let received = StopSignal()
        let queue = DispatchQueue(label: "liveinsight.signals")
        sources = [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler {
                if received.isRequested {
                    printToStandardError("second signal: exiting now")
                    exit(128 + number)
                }
                received.request()
                onStop()
            }
            source.resume()
            return source
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }
}
