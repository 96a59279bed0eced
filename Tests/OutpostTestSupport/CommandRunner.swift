import Foundation

/// Runs the built `outpost` executable and captures what it prints, as a user would see it.
public struct CommandResult: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String
}

/// Shared by the command tests and the API tests, which hold the library's answers beside the
/// command's.
public enum Outpost {
    public static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func path(_ relative: String) -> String { repository.appendingPathComponent(relative).path }

    /// The executable sits beside the test bundle in the build folder.
    public static var executable: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = dir.appendingPathComponent("outpost")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        for config in ["debug", "release"] {
            let candidate = repository.appendingPathComponent(".build/\(config)/outpost")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        fatalError("outpost executable not found; run `swift build` first")
    }

    public static func run(_ arguments: String...) throws -> CommandResult { try run(arguments) }

    /// Runs the tool with `arguments`, and `standardInput` (when given) as its standard input.
    public static func run(_ arguments: [String], standardInput: String? = nil) throws -> CommandResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = repository
        // Files rather than pipes: a large output cannot block the child.
        let dir = FileManager.default.temporaryDirectory
        let outURL = dir.appendingPathComponent("outpost-out-\(UUID().uuidString)")
        let errURL = dir.appendingPathComponent("outpost-err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        defer {
            try? FileManager.default.removeItem(at: outURL)
            try? FileManager.default.removeItem(at: errURL)
        }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        if let standardInput {
            let inURL = dir.appendingPathComponent("outpost-in-\(UUID().uuidString)")
            try Data(standardInput.utf8).write(to: inURL)
            defer { try? FileManager.default.removeItem(at: inURL) }
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        }
        try process.run()
        process.waitUntilExit()
        let outData = try Data(contentsOf: outURL), errData = try Data(contentsOf: errURL)
        return CommandResult(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                             stderr: String(decoding: errData, as: UTF8.self))
    }

    public static func json(_ text: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(text.utf8))
    }
}

/// The command-line tool under another name, for test targets that also import the `Outpost`
/// library module (whose name the enum above would shadow).
public typealias CommandLineTool = Outpost
