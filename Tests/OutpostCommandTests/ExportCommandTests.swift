import Foundation
import OutpostTestSupport
import Testing

/// `outpost export` and reading its files back: every format that holds a dataset answers as the
/// YAML does, including from standard input.
@Suite struct ExportCommandTests {
    static let d = "Graphs/overseas-police-stations"

    static func temporaryFolder() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test(arguments: ["graphml", "gexf", "gml", "json"])
    func anExportReadsBackAsTheDataset(_ format: String) throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("all.\(format)").path
        let export = try Outpost.run("export", Self.d, "-o", file)
        // One node per entity and one edge per relation, as `validate` counts them.
        let counted = try Outpost.run("validate", Self.d).stdout
        let entities = try #require(counted.firstMatch(of: /(\d+) entities, (\d+) relations/))
        #expect(export.status == 0 && export.stderr.contains("wrote \(entities.1) nodes and \(entities.2) edges"), "\(export.stderr)")
        let original = try Outpost.run("stats", Self.d, "--format", "json")
        let read = try Outpost.run("stats", file, "--format", "json")
        #expect(read.status == 0 && read.stdout == original.stdout, "\(read.stderr)")
        let path = try Outpost.run("path", file, "station-amsterdam", "lishui-psb")
        #expect(path.stdout.contains("denied  denied  denials") && path.stdout.contains("established  disputed  network"), "\(path.stdout)")
    }

    @Test func standardInputIsReadInTheFormatGiven() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("all.graphml").path
        _ = try Outpost.run("export", Self.d, "-o", file)
        let piped = try Outpost.run(["stats", "-", "--input-format", "graphml", "--format", "json"], standardInput: try String(contentsOfFile: file, encoding: .utf8))
        let original = try Outpost.run("stats", Self.d, "--format", "json")
        #expect(piped.status == 0 && piped.stdout == original.stdout, "\(piped.stderr)")
        let csv = try Outpost.run(["stats", "-", "--input-format", "csv"], standardInput: "source;target\na;b\n")
        #expect(csv.status == 0 && csv.stdout.contains("edges                     1"), "\(csv.stdout)\(csv.stderr)")
        let bad = try Outpost.run(["stats", "-", "--input-format", "csv"], standardInput: "source,target\na\n")
        #expect(bad.status == 1 && bad.stderr.hasPrefix("<stdin>:2:1: error: expected 2 fields"), "\(bad.stderr)")
    }

    @Test func standardInputWithoutAFormatIsAUsageError() throws {
        let result = try Outpost.run(["stats", "-"], standardInput: "source,target\na,b\n")
        #expect(result.status == 64 && result.stderr.contains("add --input-format"), "\(result.stderr)")
    }

    @Test func aPlainGraphCannotBeExportedToFollowTheMoney() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try Outpost.run("export", "Tests/Data/bad/semicolons.csv", "-o", dir.appendingPathComponent("x.ftm").path)
        #expect(result.status == 1 && result.stderr.contains("a FollowTheMoney export needs a dataset"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("x.ftm").path))
    }

    @Test func aNeo4jExportKeepsTheLayerItWasGiven() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let folder = dir.appendingPathComponent("neo4j").path
        let export = try Outpost.run("export", Self.d, "--format", "neo4j", "-o", folder, "--layer", "denials")
        let counts = try #require(export.stderr.firstMatch(of: /wrote (\d+) nodes and (\d+) edges to 5 files/), "\(export.stderr)")
        let json = dir.appendingPathComponent("denials.json").path
        _ = try Outpost.run("export", Self.d, "-o", json, "--layer", "denials")
        let edges = try #require((try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])?["edges"] as? [Any])
        let relationships = try String(contentsOfFile: folder + "/relationships.csv", encoding: .utf8)
        // One header line, then one line per relation (the denials' notes hold no line break).
        let lines = relationships.split(separator: "\n").dropFirst()
        #expect(Int(counts.2) == edges.count && lines.count == edges.count && !edges.isEmpty)
        #expect(lines.allSatisfy { $0.split(separator: ",")[5] == "denials" } && lines.contains { $0.split(separator: ",")[2] == "DENIED" }, "\(relationships)")
        let script = try String(contentsOfFile: folder + "/import.sh", encoding: .utf8)
        #expect(script.contains("neo4j-admin") && FileManager.default.isExecutableFile(atPath: folder + "/import.sh"))
    }

    @Test func aCSVExportReadsBackWithItsNodeTable() throws {
        let dir = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("all.csv").path
        _ = try Outpost.run("export", Self.d, "-o", file)
        let counted = try Outpost.run("validate", Self.d).stdout
        let entities = try #require(counted.firstMatch(of: /(\d+) entities/))
        // The node table brings the entities no relation of the export touches, and their names.
        let stats = try Outpost.run("stats", file)
        func value(_ measure: String, _ text: String) -> String? {
            text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(measure + "  ") }?
                .split(separator: " ").last.map(String.init)
        }
        #expect(stats.status == 0 && value("nodes", stats.stdout) == String(entities.1), "\(stats.stdout)\(stats.stderr)")
        let original = try Outpost.run("stats", Self.d)
        let isolated = try #require(value("isolated nodes", original.stdout))
        #expect(value("isolated nodes", stats.stdout) == isolated && Int(isolated)! > 0, "\(stats.stdout)")
        let table = try Outpost.run("stats", dir.appendingPathComponent("all.nodes.csv").path)
        #expect(table.status == 1 && table.stderr.contains("this is a node table") && table.stderr.contains("read the edge list beside it (all.csv)"), "\(table.stderr)")
    }
}
