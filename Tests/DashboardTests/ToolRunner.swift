import Foundation

/// Runs the external tools the tests check against (python3 scripts, chromium, pdftotext), failing with
/// a message that says `make test` installs them when one is missing.
enum ToolRunner {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts")
        .path

    /// Absolute path of `name` on PATH, or a failure naming the Debian package that provides it.
    static func locate(_ name: String, package: String) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":")
        where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
            return "\(directory)/\(name)"
        }
        throw Failure(description: "\(name) not found: `make test` installs it (apt-get install \(package))")
    }

    /// `run` on a thread of its own. A test whose tool (a browser) talks to a server in the test process must not
    /// block one of the cooperative threads (as many as cores) that the server's handlers run on: two such
    /// tests at once on two cores would leave the servers none.
    static func runDetached(_ executable: String, _ arguments: [String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread { continuation.resume(with: Result { try run(executable, arguments) }) }.start()
        }
    }

    /// Standard output of `executable arguments`; a failure with its standard error when it exits non-zero.
    static func run(_ executable: String, _ arguments: [String]) throws -> String {
        try runCapturingErrors(executable, arguments).output
    }

    /// Standard output and standard error of `executable arguments`; a failure when it exits non-zero.
    static func runCapturingErrors(
        _ executable: String, _ arguments: [String]
    ) throws
        -> (output: String, errors: String)
    {
        let process = Process(), output = Pipe(), errors = Pipe()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        (process.standardOutput, process.standardError) = (output, errors)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(
                description:
                    "\(executable) \(arguments.joined(separator: " ")) failed "
                    + "(\(process.terminationStatus)): \(errorText)"
            )
        }
        return (String(decoding: data, as: UTF8.self), errorText)
    }
}
