/// A problem the CLI reports as one line (ArgumentParser prints "Error: <description>", exit code 1).
struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
