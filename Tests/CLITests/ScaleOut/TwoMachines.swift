import Catalog
import Checkpoints
import Foundation

/// One shared folder as two machines see it: bind mounts of `share` at two other absolute paths, as two hosts
/// mounting one NFS export at different mount points would. The processes still share one kernel, so this tests
/// what the paths change (what the catalog, the queue and the checkpoints record), the lock and the renames, not
/// an NFS client (`Docs/scale-out.md`). Where `mount` is refused (no CAP_SYS_ADMIN), symbolic links stand in for
/// the mounts and `mounted` is false. Call `unmount()` when done, in a `defer`.
final class TwoMachines {
    /// The folder that holds the share and both mount points (and room for a test's logs).
    let root: String
    /// The folder both machines share.
    let share: String
    /// Where machine A sees it.
    let a: String
    /// Where machine B sees it.
    let b: String
    /// Whether `a` and `b` are bind mounts (else symbolic links to `share`).
    let mounted: Bool
    /// The tests' workspace in the share (`<share>/ws`), as neither machine's path names it.
    var workspace: Workspace { Workspace(root: share + "/ws") }

    /// Makes `<root>/share` and mounts it at `<root>/machine-a` and `<root>/machine-b`.
    init(in root: String) throws {
        (self.root, share, a, b) = (root, root + "/share", root + "/machine-a", root + "/machine-b")
        let files = FileManager.default
        for folder in [share, a, b] { try files.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        if Self.command("mount", "--bind", share, a) {
            guard Self.command("mount", "--bind", share, b) else {
                _ = Self.command("umount", a)
                throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: b])
            }
            mounted = true
        } else {
            for machine in [a, b] {
                try files.removeItem(atPath: machine)
                try files.createSymbolicLink(atPath: machine, withDestinationPath: share)
            }
            mounted = false
        }
    }

    /// Writes a `seconds`-long test recording to `<share>/show.wav`; returns its broadcast id.
    func writeShow(seconds: Double) throws -> String {
        try TestClips.wav(seconds: seconds, variant: 0).write(to: URL(fileURLWithPath: share + "/show.wav"))
        return String(try FileDigest(path: share + "/show.wav").sha256.prefix(16))
    }

    /// Unmounts both paths (lazily when a process still uses one).
    func unmount() {
        guard mounted else { return }
        for machine in [a, b] where !Self.command("umount", machine) {
            _ = Self.command("umount", "--lazy", machine)
        }
    }

    /// Runs util-linux `name` with `arguments`; whether it succeeded.
    private static func command(_ name: String, _ arguments: String...) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/" + name)
        process.arguments = arguments
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}

/// The kernel's table of file locks (`/proc/locks`), as another machine's lock manager would know them.
enum KernelLocks {
    /// The processes waiting right now for an `flock` on the file at `path`.
    static func waiters(on path: String) -> [Int32] {
        var status = stat()
        guard stat(path, &status) == 0, let table = try? String(contentsOfFile: "/proc/locks", encoding: .utf8)
        else { return [] }
        // A waiter's line: "3: -> FLOCK  ADVISORY  WRITE <pid> <major>:<minor>:<inode> 0 EOF"
        return table.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            guard fields.count > 6, fields[1] == "->", fields[2] == "FLOCK",
                fields[6].split(separator: ":").last == Substring(String(status.st_ino))
            else { return nil }
            return Int32(fields[5])
        }
    }
}

extension CLIRunner {
    /// Stops `process` with SIGSTOP at the first moment `condition` holds (checked every 5 ms), confirmed after the
    /// stop; false when it never does within `timeout` seconds. SIGCONT or SIGKILL it afterwards.
    static func pause(_ process: Process, timeout: TimeInterval = 60, when condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline, process.isRunning {
            if condition() {
                kill(process.processIdentifier, SIGSTOP)
                _ = wait(timeout: 5) { isStopped(process) }
                if condition() { return true }
                kill(process.processIdentifier, SIGCONT)
            }
            usleep(5_000)
        }
        return false
    }

    /// Stops a `run` or `worker` in the middle of `stage` on the broadcast in `folder`: once its manifest and the
    /// catalog of `workspace` both record the stage as running. Waiting for the catalog matters: a stop inside the
    /// catalog's write would hold SQLite's lock as well as the broadcast's, and another process would then wait on
    /// the catalog instead of on the broadcast.
    static func pause(_ process: Process, midStage stage: String, folder: String, workspace: Workspace) -> Bool {
        pause(process) {
            (try? Manifest.load(folder: folder))??.stages[stage]?.status == .running
                && (try? Catalog(path: workspace.catalogPath).stageRuns())?.contains {
                    $0.stage == stage && $0.status == .running
                } == true
        }
    }

    /// Whether the kernel shows `process` stopped (state `T` in `/proc/<pid>/stat`).
    private static func isStopped(_ process: Process) -> Bool {
        let stat = (try? String(contentsOfFile: "/proc/\(process.processIdentifier)/stat", encoding: .utf8)) ?? ""
        // "<pid> (<name>) <state> …": the name may hold spaces, the state follows its closing parenthesis.
        return stat.split(separator: ")").last?.split(separator: " ").first == "T"
    }
}
