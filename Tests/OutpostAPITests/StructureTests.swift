import Foundation
import Outpost
import OutpostTestSupport
import Testing

/// ``LoadedNetwork/structure()`` against `outpost structure --format json`, on the bundled
/// dataset and on a directed plain graph.
@Suite struct StructureTests {
    func same(_ a: Double, _ b: Double?) -> Bool {
        guard let b else { return false }
        return abs(a - b) <= 1e-14 * max(1, abs(a))
    }

    @Test(arguments: ["Graphs/overseas-police-stations", "Tests/Fixtures/graphs/directed.graphml"])
    func summaryIsTheCommandsAnswer(_ input: String) throws {
        let path = CommandLineTool.path(input)
        let summary = try LoadedNetwork(contentsOf: path).structure()
        let cli = try CommandLineTool.run("structure", path, "--format", "json")
        #expect(cli.status == 0, "\(cli.stderr)")
        let json = try #require(try CommandLineTool.json(cli.stdout) as? [String: Any])

        #expect(summary.isDirected == json["directed"] as? Bool)
        #expect(summary.nodeCount == json["nodes"] as? Int && summary.edgeCount == json["edges"] as? Int)
        #expect(same(summary.density, (json["density"] as? NSNumber)?.doubleValue))
        let key = summary.isDirected ? "weakly_connected_components" : "connected_components"
        #expect(summary.components == json[key] as? [[String]])
        if summary.isDirected {
            #expect(summary.strongComponents == json["strongly_connected_components"] as? [[String]])
        }
        #expect(summary.articulationPoints.sorted() == json["articulation_points"] as? [String])
        #expect(summary.bridges == json["bridges"] as? [[String]])
        #expect(same(summary.averageClustering, (json["average_clustering"] as? NSNumber)?.doubleValue))
        let clustering = try #require(json["clustering"] as? [String: NSNumber])
        #expect(Set(clustering.keys) == Set(summary.nodeIDs))
        for (id, value) in clustering { #expect(same(summary.clustering[id] ?? .nan, value.doubleValue), "\(id)") }
        #expect(summary.diameterOfLargestComponent == json["diameter_largest_component"] as? Int)
        #expect(summary.largestComponent == summary.components.map(\.count).max())
    }
}
