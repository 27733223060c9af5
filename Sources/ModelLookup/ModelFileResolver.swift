import Foundation

/// Finds a shipped model file when the user names none. One lookup order for every model, so a binary
/// works from any folder, in a checkout or installed:
///
/// 1. the command-line flag (the caller passes it as `explicit`);
/// 2. the model's environment variable (`LIVEINSIGHT_MODEL`, `LIVEINSIGHT_REVIEW_MODEL`);
/// 3. beside the binary: `Models/<name>` and `share/liveinsight/models/<name>` in the binary's folder and in
///    each of the four folders above it (a checkout's `.build/<triple>/<config>/liveinsight` reaches the
///    checkout's `Models/`; an installed `PREFIX/bin/liveinsight` reaches `PREFIX/share/liveinsight/models/`);
/// 4. the default install prefix, `/usr/local/share/liveinsight/models/<name>` (`make install`).
///
/// The current folder is not searched: a command must not work in one folder and fail in the next.
public struct ModelFileResolver: Sendable {
    /// The model's file name (`ko-ctc-small.safetensors`).
    public let fileName: String
    /// The environment variable that names the file.
    public let environmentVariable: String
    /// What the model is, for messages ("acoustic model").
    public let role: String

    /// Where `make install` puts models under its prefix.
    public static let installedModelsFolder = "share/liveinsight/models"
    /// `make install`'s default prefix.
    public static let defaultPrefix = "/usr/local"

    public init(fileName: String, environmentVariable: String, role: String = "model") {
        (self.fileName, self.environmentVariable, self.role) = (fileName, environmentVariable, role)
    }

    /// The places searched after the flag and the environment, in order.
    public func candidates(executable: String = ModelFileResolver.currentExecutable) -> [String] {
        var folders: [URL] = []
        var folder = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            folders.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        var paths = folders.flatMap {
            [$0.appendingPathComponent("Models"), $0.appendingPathComponent(Self.installedModelsFolder)]
        }
        .map { $0.appendingPathComponent(fileName).path }
        paths.append(Self.defaultPrefix + "/" + Self.installedModelsFolder + "/" + fileName)
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }

    /// The model file: `explicit` if given, else the environment variable if set, else the first candidate
    /// that exists; nil when none does.
    public func resolve(
        explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = ModelFileResolver.currentExecutable
    ) -> String? {
        if let explicit { return explicit }
        if let path = environment[environmentVariable], !path.isEmpty { return path }
        return candidates(executable: executable).first { FileManager.default.fileExists(atPath: $0) }
    }

    /// The model file as ``resolve(explicit:environment:executable:)`` finds it; `ModelNotFound` (which
    /// names where it looked and how to name a file) when no file is found.
    public func require(
        explicit: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = ModelFileResolver.currentExecutable
    ) throws(ModelNotFound) -> String {
        guard let path = resolve(explicit: explicit, environment: environment, executable: executable) else {
            throw ModelNotFound(resolver: self)
        }
        return path
    }

    /// The companion file of the model at `modelPath`: its name with the extension replaced by `suffix`
    /// (`ko-ctc-small.safetensors` → `ko-ctc-small.lm.safetensors` beside it), or nil when there is none.
    /// A companion belongs to one model, so it is looked for beside that model and nowhere else.
    public static func companion(of modelPath: String, suffix: String) -> String? {
        let path = URL(fileURLWithPath: modelPath).deletingPathExtension().path + suffix
        return FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// Where the lookup went, for a "not found" message: "--model, $LIVEINSIGHT_MODEL, Models/… beside the
    /// binary or /usr/local/share/liveinsight/models/…".
    public var searchedDescription: String {
        "$\(environmentVariable), Models/\(fileName) or \(Self.installedModelsFolder)/\(fileName) beside the binary, "
            + "or \(Self.defaultPrefix)/\(Self.installedModelsFolder)/\(fileName)"
    }

    /// This process's binary, symbolic links resolved (`/proc/self/exe` on Linux), not `argv[0]`, which is
    /// only a name when the binary was found on the `PATH`.
    public static var currentExecutable: String {
        Bundle.main.executableURL?.path ?? CommandLine.arguments[0]
    }
}

/// No file was named for a model and the lookup found none: the one "model not found" error of every command.
public struct ModelNotFound: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the model is ("acoustic model").
    public let role: String
    /// Where the lookup went (``ModelFileResolver/searchedDescription``).
    public let searched: String
    /// The environment variable that names the file.
    public let environmentVariable: String
    /// The command-line option that names the file, when the command has one.
    public let flag: String?

    /// The failure of `resolver`'s lookup, for a command whose option `flag` names the file.
    public init(resolver: ModelFileResolver, flag: String? = "--model") {
        (role, searched) = (resolver.role, resolver.searchedDescription)
        environmentVariable = resolver.environmentVariable
        self.flag = flag
    }

    public var description: String {
        let fix = flag.map { "pass \($0) FILE or set " } ?? "set "
        return "no \(role) found (looked for \(searched)): " + fix + environmentVariable
    }
}
