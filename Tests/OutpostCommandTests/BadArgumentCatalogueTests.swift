import Foundation
import OutpostTestSupport
import Testing

/// The argument half of the bad-input catalogue: wrong option values, each with its exit code
/// (64: the command line is wrong; 1: the input has no such thing), what is wrong, the fix,
/// the usage of the subcommand itself (not the root's) for usage errors, and no file written.
@Suite struct BadArgumentCatalogueTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var status: Int32
        var what: String
        var fix: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let d = "Graphs/overseas-police-stations"
    /// Where the cases would write; each run gets a folder of its own in its place.
    static let out = "OUT"

    static let cases: [Case] = [
        Case(arguments: ["report", d, "-o", out + "/r.pdf"], status: 64, what: "a report is one HTML file", fix: "name it FILE.html"),
        Case(arguments: ["render", d, "-o", out + "/x.svg", "--cluster-by", "country", "--engine", "neato"], status: 64,
             what: "neato ignores clusters", fix: "choose dot or fdp"),
        Case(arguments: ["render", d, "-o", out + "/x.svg", "--cluster-by", "planet"], status: 64, what: "unknown --cluster-by 'planet'", fix: "valid:"),
        Case(arguments: ["render", d, "-o", out + "/x.bmp"], status: 64, what: "bmp", fix: "svg"),
        Case(arguments: ["stats", d, "--delimiter", ";"], status: 64, what: "--delimiter applies to CSV edge lists", fix: "is not one"),
        Case(arguments: ["stats", "Tests/Data/bad/semicolons.csv", "--delimiter", ";;"], status: 64, what: "--delimiter ';;'", fix: "give one ASCII character"),
        Case(arguments: ["export", d, "-o", out + "/x.dot"], status: 64, what: "cannot tell the format from the extension", fix: "graphml, gexf, gml, pajek, ftm, sheets, spark, neo4j, json, csv"),
        Case(arguments: ["export", d, "-o", out + "/x.json", "--gml-characters", "utf8"], status: 64, what: "--gml-characters applies to GML only", fix: "export to a .gml file"),
        Case(arguments: ["export", d, "-o", out + "/x.gml", "--gml-characters", "latin1"], status: 64, what: "--gml-characters latin1", fix: "write ascii or utf8"),
        Case(arguments: ["centrality", d, "--measure", "degree", "--country", "Narnia"], status: 1,
             what: "--country 'Narnia': no entity", fix: "`outpost stats` lists the countries"),
        Case(arguments: ["centrality", d, "--measure", "degree", "--country", "Frnace"], status: 1, what: "--country 'Frnace'", fix: "did you mean 'France'?"),
        Case(arguments: ["validate", d, "--sources-dir", out + "/no-such-folder"], status: 64, what: "no such folder", fix: "give the folder that holds the local copies"),
        Case(arguments: ["find", d, "zzzqqq"], status: 1, what: "no entity matches 'zzzqqq'", fix: ""),
        Case(arguments: ["centrality", d, "--measure", "fame"], status: 64, what: "fame", fix: "betweenness"),
        Case(arguments: ["centrality", d, "--measure", "degree", "--layer", "gossip"], status: 64, what: "unknown layer 'gossip'", fix: "valid layers: network"),
        Case(arguments: ["centrality", d, "--measure", "degree", "--min-status", "rumoured"], status: 64, what: "unknown status 'rumoured'", fix: "valid: "),
        Case(arguments: ["centrality", d, "--measure", "degree", "--as-of", "2022-13"], status: 64, what: "--as-of '2022-13' is not a date", fix: "write YYYY, YYYY-MM or YYYY-MM-DD"),
        Case(arguments: ["centrality", d, "--measure", "degree", "--kind", "spy"], status: 64, what: "unknown kind 'spy'", fix: "valid kinds:"),
        Case(arguments: ["report", d, "-o", out + "/r.html", "--top", "0"], status: 64, what: "--top must be at least 1", fix: ""),
        Case(arguments: ["report", d, "-o", out + "/r.html", "--path", "fuzhou-psb"], status: 64, what: "--path takes two entities", fix: "FROM and TO"),
        Case(arguments: ["show", d, "no-such-entity"], status: 1, what: "no entity has the id, name or alias 'no-such-entity'", fix: "outpost find"),
        Case(arguments: ["path", d, "fuzhou-psb"], status: 64, what: "Missing expected argument '<to>'", fix: ""),
        Case(arguments: ["stats", "Tests/Data/bad/valid.graphml", "--min-status", "confirmed"], status: 64, what: "apply to datasets", fix: "plain graph"),
    ]

    @Test(arguments: cases) func badArgumentsGetAClearMessage(_ c: Case) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("outpost-bad-args-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let result = try Outpost.run(c.arguments.map { $0.hasPrefix(Self.out + "/") ? folder + $0.dropFirst(Self.out.count) : $0 })
        let output = result.stdout + result.stderr
        #expect(result.status == c.status, "\(output)")
        #expect(output.contains(c.what), "\(output)")
        if !c.fix.isEmpty { #expect(output.contains(c.fix), "\(output)") }
        // Where a usage is printed, it is the subcommand's, not the root command's list of subcommands.
        #expect(!output.contains("outpost <subcommand>"), "\(output)")
        if output.contains("Usage:") { #expect(output.contains("Usage: outpost \(c.arguments[0])"), "\(output)") }
        for word in ["Error Domain", "NSCocoaErrorDomain", "Fatal error"] { #expect(!output.contains(word), "\(output)") }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty, "a file was written")
    }
}
