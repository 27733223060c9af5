import Foundation

/// Reads a new password: at a terminal, typed twice without echo; otherwise one line from standard input
/// (`printf '%s\n' "$PW" | liveinsight users add …`). Never from the command line, where other users of the
/// machine could read it in the process list and the shell would keep it in its history.
enum PasswordPrompt {
    static func read(prompt: String = "Password: ") throws -> String {
        guard isatty(STDIN_FILENO) != 0 else {
            guard let line = readLine(strippingNewline: true) else { throw CLIError("no password on standard input") }
            return line
        }
        let first = try silently(prompt)
        let second = try silently("Again: ")
        guard first == second else { throw CLIError("the two passwords differ") }
        return first
    }

    /// One line read from the terminal with echo off (restored afterwards, even on failure).
    private static func silently(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw CLIError("no password typed") }
        return line
    }
}
