import Checkpoints
import Foundation

/// Wakes the watcher when the watched folder changes (inotify: a file closed after writing, or moved
/// in) or when `wake()` is called (a job finished, a stop was requested); otherwise after a timeout,
/// which is all the polling fallback has.
final class InboxEvents: Sendable {
    /// True when inotify watches the folder; false when polling.
    let usesInotify: Bool
    private let inotify: Int32
    /// A self-pipe: `wake()` writes to `[1]`, `wait` polls `[0]`.
    private let wakeup: [Int32]

    /// Watches `folder` with inotify unless `polling` is set or inotify cannot be used.
    init(folder: String, polling: Bool) throws(PipelineError) {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else {
            throw .io(path: folder, detail: "cannot create a pipe (\(String(cString: strerror(errno))))")
        }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        wakeup = ends
        var descriptor: Int32 = -1
        if !polling {
            descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            if descriptor >= 0, inotify_add_watch(descriptor, folder, UInt32(IN_CLOSE_WRITE | IN_MOVED_TO)) < 0 {
                close(descriptor)
                descriptor = -1
            }
        }
        inotify = descriptor
        usesInotify = descriptor >= 0
    }

    deinit {
        if inotify >= 0 { close(inotify) }
        for descriptor in wakeup { close(descriptor) }
    }

    /// Returns when the folder changed, `wake()` was called, or after `timeout` seconds.
    func wait(timeout: TimeInterval) {
        var descriptors = [pollfd(fd: wakeup[0], events: Int16(POLLIN), revents: 0)]
        if inotify >= 0 { descriptors.append(pollfd(fd: inotify, events: Int16(POLLIN), revents: 0)) }
        _ = poll(&descriptors, nfds_t(descriptors.count), Int32(max(0, timeout) * 1000))
        var buffer = [UInt8](repeating: 0, count: 4096)
        for entry in descriptors where entry.revents & Int16(POLLIN) != 0 {
            // drain; the scan that follows looks at the folder itself
            while read(entry.fd, &buffer, buffer.count) > 0 {}
        }
    }

    /// Wakes a `wait` in progress (or the next one). Safe from any thread.
    func wake() {
        var byte: UInt8 = 1
        _ = write(wakeup[1], &byte, 1)
    }
}
