import Foundation
import OutpostTestSupport
import Testing

/// Inputs a measure's definition does not allow end the command with a message and exit 1.
@Suite struct CentralityInputCommandTests {
    /// An edge list whose edge b – c weighs −5.
    static func negativeWeightFile() throws -> URL {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("negative-\(UUID().uuidString).csv")
        try "source,target,weight\na,b,1\nb,c,-5\nc,d,2\n".write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    @Test(arguments: [("closeness", "closeness"), ("pagerank", "PageRank")])
    func negativeWeightsExitWithAMessage(_ measure: String, _ name: String) throws {
        let file = try Self.negativeWeightFile()
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Outpost.run("centrality", file.path, "--measure", measure, "--weight", "weight")
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("\(name) on edge weights needs every weight finite and ≥ 0, but the edge 'b' – 'c' weighs -5.0"),
                "\(result.stderr)")
        // Unweighted, the same file is fine.
        #expect(try Outpost.run("centrality", file.path, "--measure", measure).status == 0)
    }

    @Test(arguments: ["in-degree", "out-degree"])
    func inAndOutDegreeOfAnUndirectedGraphExitWithAMessage(_ measure: String) throws {
        let result = try Outpost.run("centrality", "Tests/Fixtures/graphs/karate.csv", "--measure", measure)
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(measure) centrality is defined for directed graphs only"), "\(result.stderr)")
        let raw = try Outpost.run("centrality", "Tests/Fixtures/graphs/karate.csv", "--measure", measure, "--raw")
        #expect(raw.status == 1)
        let directed = try Outpost.run("centrality", "Tests/Fixtures/graphs/karate.csv", "--directed", "--measure", measure, "--top", "1")
        #expect(directed.status == 0, "\(directed.stderr)")
    }
}
