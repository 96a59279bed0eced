import Testing
import Foundation
import OutpostTestSupport

/// `--help` is read as printed: discussion lines must fit 80 columns as written, so that the
/// parser's own wrapping never splits them into a long line and a stray word or two.
@Suite struct HelpTextTests {
    static let commands = ["", "validate", "stats", "show", "find", "centrality", "structure", "path", "ego",
                           "project", "communities", "render", "report", "export", "import", "explore"]

    /// The discussion: from the line after the overview paragraph up to `USAGE:`.
    static func discussion(_ help: String) -> [Substring] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let firstBlank = lines.firstIndex(where: { $0.isEmpty }),
              let usage = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }) else { return [] }
        return Array(lines[firstBlank..<usage])
    }

    @Test(arguments: commands)
    func discussionFitsEightyColumnsWithoutStrayWords(_ command: String) throws {
        let result = try Outpost.run(command.isEmpty ? ["--help"] : [command, "--help"])
        #expect(result.status == 0)
        let lines = Self.discussion(result.stdout)
        #expect(!lines.isEmpty)
        for (i, line) in lines.enumerated() {
            #expect(line.count <= 80, "\(command): \(line.count) columns: \(line)")
            // A short line right after a long one, inside a paragraph and not ending one, is
            // the tail of a line that was too long (continued examples end in a backslash;
            // indented lines continue a table cell).
            let text = line.trimmingCharacters(in: .whitespaces)
            if i > 0, lines[i - 1].count > 60, !lines[i - 1].hasSuffix("\\"), !line.hasPrefix("    "),
               !text.isEmpty, text.count < 14,
               !(text.hasSuffix(".") || text.hasSuffix(":") || text.hasSuffix(")")) {
                Issue.record("\(command): stray words '\(text)' after '\(lines[i - 1])'")
            }
        }
    }
}
