import Foundation
import Outpost
import OutpostTestSupport
import Testing

/// ``DatasetCheck`` against `outpost validate --format json`: the same problems in the same order.
@Suite struct DatasetCheckTests {
    @Test(arguments: ["Tests/Data/broken", "Tests/Data/mini"])
    func problemsAreTheCommands(_ input: String) throws {
        let path = CommandLineTool.path(input)
        let check = try DatasetCheck(at: path)
        let cli = try CommandLineTool.run("validate", path, "--format", "json")
        #expect(cli.status == (check.errorCount > 0 ? 1 : 0), "\(cli.stderr)")
        let rows = try #require(try CommandLineTool.json(cli.stdout) as? [[String: Any]])
        #expect(rows.count == check.diagnostics.count)
        for (diagnostic, row) in zip(check.diagnostics, rows) {
            #expect(diagnostic.severity.rawValue == row["severity"] as? String)
            #expect(diagnostic.message == row["message"] as? String)
            #expect(diagnostic.location?.line == row["line"] as? Int)
        }
        #expect((check.errorCount > 0) == input.hasSuffix("broken"), "the broken dataset has errors, the mini one none")
        #expect(check.excerptsChecked == nil, "no folder of copies, no excerpts checked")
    }
}
