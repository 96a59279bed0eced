import Foundation
import OutpostTestSupport
import Testing

/// Every case of the catalogue of bad inputs (Tests/Data/bad, see its README) run through the
/// CLI as a user would: the exact exit code, where the message points, the fix it suggests,
/// and that nothing raw, nothing unprintable and no file comes out of it.
@Suite struct BadInputCatalogueTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var command: String
        var file: String
        var status: Int32
        /// `file:line[:column]` the first message must start with; nil where there is no line.
        var at: String?
        /// A fragment of the message: what is wrong.
        var what: String
        /// A fragment of the suggested fix.
        var fix: String
        var testDescription: String { "\(command) \(file)" }
    }

    static let bad = "Tests/Data/bad/"

    static let cases: [Case] = [
        // Datasets (YAML), through validate
        Case(command: "validate", file: "malformed.yaml", status: 1, at: "malformed.yaml:21:4", what: "YAML syntax", fix: "check indentation"),
        Case(command: "validate", file: "not-utf8.yaml", status: 1, at: "not-utf8.yaml:14:13", what: "byte 0xE9", fix: "save the file as UTF-8"),
        Case(command: "validate", file: "bom.yaml", status: 0, at: nil, what: "ok: 0 error(s), 0 warning(s)", fix: ""),
        Case(command: "validate", file: "crlf.yaml", status: 1, at: "crlf.yaml:20:11", what: "unknown type 'estabished'", fix: "did you mean 'established'?"),
        Case(command: "validate", file: "folder-as-file", status: 1, at: "folder-as-file/entities.yaml:1:1", what: "a folder named like a YAML file", fix: "rename the folder"),
        Case(command: "validate", file: "no-such.yaml", status: 1, at: nil, what: "no-such.yaml: no such file or folder", fix: "check the path"),
        Case(command: "validate", file: "empty.yaml", status: 1, at: "empty.yaml:1:1", what: "the file is empty", fix: "add an `entities:` list"),
        Case(command: "validate", file: "binary.yaml", status: 1, at: "binary.yaml:2:10", what: "NUL byte", fix: "give a text file"),
        Case(command: "validate", file: "escape-in-key.yaml", status: 1, at: "escape-in-key.yaml:23:5", what: "control characters are not allowed", fix: "remove the control character"),
        Case(command: "validate", file: "duplicate-ids.yaml", status: 1, at: "duplicate-ids.yaml:18:5", what: "duplicate entity id 'springfield-psb'", fix: "merge the two or rename one"),
        Case(command: "validate", file: "dangling.yaml", status: 1, at: "dangling.yaml:19:5", what: "unknown entity 'station-shelbyvile'", fix: "did you mean 'station-shelbyville'?"),
        Case(command: "validate", file: "unknown-kind.yaml", status: 1, at: "unknown-kind.yaml:13:11", what: "unknown kind 'police-statoin'", fix: "did you mean 'police-station'?"),
        // One run reports the unknown type and what else is wrong with the relation.
        Case(command: "validate", file: "unknown-type.yaml", status: 1, at: "unknown-type.yaml:19:5", what: "unknown entity 'station-shelbyvile'", fix: "FAILED: 3 error(s)"),
        Case(command: "validate", file: "unknown-status.yaml", status: 1, at: "unknown-status.yaml:19:5", what: "ends (2021) before it starts (2023)", fix: "unknown status 'rumoured'"),
        Case(command: "validate", file: "bad-date.yaml", status: 1, at: "bad-date.yaml:23:12", what: "'2022-13-40' is not a date", fix: "write YYYY, YYYY-MM or YYYY-MM-DD"),
        Case(command: "validate", file: "reversed-dates.yaml", status: 1, at: "reversed-dates.yaml:19:5", what: "ends (2022-01) before it starts (2023-05)", fix: "swap start and end"),
        Case(command: "validate", file: "uncited.yaml", status: 1, at: "uncited.yaml:19:5", what: "has no citation", fix: "add `cite:`"),
        Case(command: "validate", file: "unknown-source.yaml", status: 1, at: "unknown-source.yaml:24:9", what: "cites unknown source 'example-dialy'", fix: "did you mean 'example-daily'?"),
        Case(command: "validate", file: "self-loop.yaml", status: 1, at: "self-loop.yaml:19:5", what: "links an entity to itself", fix: "check the from and to ids"),
        Case(command: "validate", file: "wrong-kinds.yaml", status: 1, at: "wrong-kinds.yaml:19:5", what: "`ordered-closed` may not run from police-station", fix: "its from must be a government-body"),
        Case(command: "validate", file: "reversed-type.yaml", status: 1, at: "reversed-type.yaml:19:5", what: "runs the wrong way", fix: "swap from and to"),
        Case(command: "validate", file: "javascript-url.yaml", status: 1, at: "javascript-url.yaml:2:5", what: "'javascript:alert(1)', which is not an http or https address", fix: "give the web address"),
        Case(command: "validate", file: "shared-alias.yaml", status: 0, at: "shared-alias.yaml:19:5", what: "warning: entity 'station-ogdenville' has alias 'the station'", fix: "merge the two"),
        Case(command: "validate", file: "valid.yaml", status: 0, at: nil, what: "ok: 0 error(s), 0 warning(s)", fix: ""),
        Case(command: "validate", file: "valid.graphml", status: 1, at: nil, what: "valid.graphml: not a dataset", fix: "a dataset is a folder of .yaml files"),
        // Edge lists (CSV), through stats
        Case(command: "stats", file: "empty.csv", status: 1, at: "empty.csv:1:1", what: "the file is empty", fix: "starts with a header line"),
        Case(command: "stats", file: "header-only.csv", status: 1, at: "header-only.csv:1:1", what: "a header but no edges", fix: "add one line `source,target` per edge"),
        // A semicolon-separated file (as spreadsheets in many locales save CSV) is read: the header says so.
        Case(command: "stats", file: "semicolons.csv", status: 0, at: nil, what: "edges", fix: ""),
        Case(command: "stats", file: "pipes.csv", status: 1, at: "pipes.csv:1:1", what: "separated by '|', not by the comma delimiter", fix: "read it with '|' as the delimiter"),
        Case(command: "stats", file: "ragged.csv", status: 1, at: "ragged.csv:3:1", what: "expected 2 fields", fix: "missing or extra comma"),
        Case(command: "stats", file: "unterminated-quote.csv", status: 1, at: "unterminated-quote.csv:3:1", what: "a quoted field is never closed", fix: "add the closing double quote"),
        Case(command: "stats", file: "binary.csv", status: 1, at: "binary.csv:1:1", what: "NUL byte", fix: "give a text file"),
        Case(command: "stats", file: "not-utf8.csv", status: 1, at: "not-utf8.csv:3:4", what: "byte 0xE9", fix: "save the file as UTF-8"),
        Case(command: "stats", file: "folder.csv", status: 1, at: nil, what: "folder.csv: is a folder, not a CSV file", fix: "give the file's path"),
        Case(command: "stats", file: "nan-weight.csv", status: 1, at: "nan-weight.csv:3:5", what: "weight 'nan' is not a finite number", fix: "write a decimal number"),
        Case(command: "stats", file: "infinite-weight.csv", status: 1, at: "infinite-weight.csv:2:5", what: "weight 'inf' is not a finite number", fix: "write a decimal number"),
        // Read: stats counts the pair once and (today) says nothing; see the report on issue 18.
        Case(command: "stats", file: "parallel-edges.csv", status: 0, at: nil, what: "edges", fix: ""),
        Case(command: "stats", file: "self-loop.csv", status: 0, at: nil, what: "edges", fix: ""),
        Case(command: "stats", file: "negative-weight.csv", status: 0, at: nil, what: "edges", fix: ""),
        Case(command: "stats", file: "crlf.csv", status: 0, at: nil, what: "edges", fix: ""),
        Case(command: "stats", file: "bom.csv", status: 0, at: nil, what: "edges", fix: ""),
        // GraphML, through stats
        Case(command: "stats", file: "binary.graphml", status: 1, at: "binary.graphml:1:3", what: "not UTF-8 text", fix: "save the file as UTF-8"),
        Case(command: "stats", file: "not-utf8-element.graphml", status: 1, at: "not-utf8-element.graphml:5:8", what: "byte 0xFF", fix: "save the file as UTF-8"),
        Case(command: "stats", file: "control-character.graphml", status: 1, at: "control-character.graphml:5:16", what: "control character 0x01", fix: "remove it"),
        Case(command: "stats", file: "latin1.graphml", status: 1, at: "latin1.graphml:1:1", what: "encoding 'ISO-8859-1'", fix: "convert the file to UTF-8"),
        Case(command: "stats", file: "utf16.graphml", status: 1, at: "utf16.graphml:1:1", what: "UTF-16", fix: "iconv -f utf-16"),
        Case(command: "stats", file: "truncated.graphml", status: 1, at: "truncated.graphml:6:", what: "ends before </graph>", fix: "written completely"),
        Case(command: "stats", file: "empty.graphml", status: 1, at: "empty.graphml:1:1", what: "the file is empty", fix: "a GraphML file holds"),
        Case(command: "stats", file: "not-xml.graphml", status: 1, at: "not-xml.graphml:1:1", what: "does not start with XML", fix: "is it GraphML?"),
        Case(command: "stats", file: "nan-weight.graphml", status: 1, at: "nan-weight.graphml:7:", what: "weight 'NaN', which is not a finite number", fix: "write a decimal number"),
        // Found by scripts/fuzz.sh graphml: a processing instruction without data ended the
        // process inside FoundationXML (strlen of a null pointer).
        Case(command: "stats", file: "processing-instruction.graphml", status: 1, at: "processing-instruction.graphml:1:1", what: "a processing instruction", fix: "only the XML declaration"),
        // Found by the fuzz smoke: a declaration never closed swallowed a later <?x?>, which
        // then reached FoundationXML (strlen of a null pointer).
        Case(command: "stats", file: "unclosed-declaration.graphml", status: 1, at: "unclosed-declaration.graphml:1:1", what: "the XML declaration is not closed", fix: "end the first line with ?>"),
        Case(command: "stats", file: "doctype.graphml", status: 1, at: "doctype.graphml:2:1", what: "a DOCTYPE declaration", fix: "remove it"),
        Case(command: "stats", file: "valid.graphml", status: 0, at: nil, what: "edges", fix: ""),
        // GEXF, GML, node-link JSON and Pajek, through stats
        Case(command: "stats", file: "truncated.gexf", status: 1, at: "truncated.gexf:4:20", what: "ends before </graph>", fix: "written completely"),
        Case(command: "stats", file: "undeclared-node.gexf", status: 1, at: "undeclared-node.gexf:5:42", what: "refers to node 'b', which is not declared", fix: "add <node id=\"b\"/>"),
        Case(command: "stats", file: "unclosed.gml", status: 1, at: "unclosed.gml:1:7", what: "a [ is never closed", fix: "add the closing ]"),
        Case(command: "stats", file: "duplicate-label.gml", status: 1, at: "duplicate-label.gml:3:3", what: "node label 'a' is used twice", fix: "give each node its own label"),
        Case(command: "stats", file: "undeclared-node.json", status: 1, at: "undeclared-node.json:1:115", what: "edge target 'b' is not the id of a node", fix: "add the node to \"nodes\""),
        Case(command: "stats", file: "truncated.json", status: 1, at: "truncated.json:2:1", what: "the file ends where a value was expected", fix: "truncated"),
        // Found by scripts/fuzz.sh pajek: a line of carriage returns only ended the process (read now).
        Case(command: "stats", file: "carriage-returns.net", status: 0, at: nil, what: "edges", fix: ""),
    ]

    /// Every file under the catalogue and the repository root, with sizes: what a run must leave as it was.
    static func snapshot() -> [String: Int] {
        var files: [String: Int] = [:]
        for dir in [Outpost.path(bad), Outpost.path("")] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? [] {
                let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/" + name)[.size] as? Int) ?? -1
                files[dir + "/" + name] = size
            }
        }
        return files
    }

    @Test(arguments: cases) func badInputGetsAClearMessage(_ c: Case) throws {
        let before = Self.snapshot()
        let result = try Outpost.run(c.command, Self.bad + c.file)
        let output = result.stdout + result.stderr
        #expect(result.status == c.status, "\(output)")
        if let at = c.at {
            #expect(output.split(separator: "\n").contains { $0.hasPrefix(Self.bad + at) }, "\(output)")
        }
        #expect(output.contains(c.what), "\(output)")
        if !c.fix.isEmpty { #expect(output.contains(c.fix), "\(output)") }
        for word in ["Error Domain", "NSCocoaErrorDomain", "NSXMLParser", "Fatal error"] {
            #expect(!output.contains(word), "\(word) in \(output)")
        }
        let unprintable = output.unicodeScalars.filter { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) || $0 == "\u{FFFD}" }
        #expect(unprintable.isEmpty, "\(unprintable.map { String($0.value, radix: 16) })")
        #expect(Self.snapshot() == before, "a file was created or changed")
    }

    /// The case a file of its own would make too large for the repository: a 5 MB line,
    /// quoted in a message no longer than a line of a terminal.
    @Test func aFiveMegabyteLineIsNotEchoed() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csv = dir.appendingPathComponent("long.csv")
        try Data(("source,target,weight\na,b," + String(repeating: "9x", count: 2_500_000) + "\n").utf8).write(to: csv)
        let result = try Outpost.run("stats", csv.path)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(csv.path + ":2:5: error: weight '9x9x"))
        #expect(result.stderr.contains("… (5000000 characters)"))
        #expect(result.stderr.utf8.count < 400)
    }
}
