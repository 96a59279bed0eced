import Foundation
import OutpostTestSupport
import Testing

/// Every example a subcommand's `--help` prints runs as written and exits 0: a reader copies
/// them first. `$D` stands for the bundled dataset (as the root help says), files written with
/// `-o` go to a temporary folder, and an example on a placeholder input (`edges.csv`) or on a
/// `--sources-dir` that is not beside the repository is skipped.
@Suite struct HelpExamplesTests {
    static let commands = ["validate", "stats", "show", "find", "centrality", "structure", "path", "ego",
                           "project", "communities", "render", "report", "export", "import", "explore"]

    /// The examples of a help text: lines starting `outpost ` (or `Example: outpost `), joined with their `\` continuations.
    static func examples(_ help: String) -> [String] {
        var found: [String] = []
        var current: String?
        for raw in help.split(separator: "\n") {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("Example: ") { line.removeFirst("Example: ".count) }
            if current == nil, line.hasPrefix("outpost ") { current = "" }
            guard current != nil else { continue }
            if line.hasSuffix("\\") {
                current! += line.dropLast() + " "
            } else {
                found.append(current! + line)
                current = nil
            }
        }
        return found
    }

    /// Shell words: spaces split, double quotes group.
    static func words(_ line: String) -> [String] {
        var words: [String] = [], word = "", quoted = false, started = false
        for ch in line {
            if ch == "\"" { quoted.toggle(); started = true; continue }
            if ch == " " && !quoted {
                if started { words.append(word) }
                word = ""; started = false
            } else {
                word.append(ch); started = true
            }
        }
        if started { words.append(word) }
        return words
    }

    @Test(arguments: commands) func examplesInHelpRun(_ command: String) throws {
        let help = try Outpost.run(command, "--help").stdout
        let examples = Self.examples(help)
        #expect(!examples.isEmpty, "\(command) --help has no example")
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-help-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: out) }
        examples: for example in examples {
            var args = Array(Self.words(example).dropFirst()).map { $0 == "$D" ? "Graphs/overseas-police-stations" : $0 }
            guard args.count > 1, FileManager.default.fileExists(atPath: Outpost.path(args[1])) else { continue }
            for i in args.indices.dropFirst() where ["-o", "--output"].contains(args[i - 1]) {
                args[i] = out.appendingPathComponent(args[i]).path
            }
            for i in args.indices.dropFirst() where args[i - 1] == "--sources-dir" {
                if !FileManager.default.fileExists(atPath: Outpost.path(args[i])) { continue examples }
            }
            let result = try Outpost.run(args)
            #expect(result.status == 0, "\(example)\n\(result.stderr)")
        }
    }
}
