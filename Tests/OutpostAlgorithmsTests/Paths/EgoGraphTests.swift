import Foundation
import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// Ego graphs against NetworkX's `ego_graph(G, c, radius=2)`: node and edge sets.
@Suite struct EgoGraphTests {
    @Test(arguments: PathFixtures.graphs)
    func nodesAndEdgesMatchNetworkX(_ name: String) throws {
        let (index, expected) = try ComponentsTests.load(name)
        for entry in try PathFixtures.entries(expected, "ego_graph") {
            let center = try PathFixtures.node(index, entry["center"])
            let radius = try #require(entry["radius"] as? Int)
            let ego = try index.egoGraph(center: center, radius: Double(radius))
            let nodes = try #require(entry["nodes"] as? [String])
            let edges = try #require(entry["edges"] as? [[String]])
            #expect(Set(ego.nodes.map { index.ids[$0] }) == Set(nodes), "\(name) around \(index.ids[center])")
            #expect(ego.nodes.count == nodes.count)
            let ours = ego.edges.map { edge -> [String] in
                let pair = [index.ids[edge.source], index.ids[edge.target]]
                return index.isDirected ? pair : pair.sorted()
            }
            #expect(ours.count == edges.count, "\(name) around \(index.ids[center])")
            #expect(Set(ours) == Set(edges), "\(name) around \(index.ids[center])")
            #expect(ego.nodes.first == center && ego.distances.first == 0)
            #expect(ego.distances.allSatisfy { $0 <= Double(radius) })
        }
    }

    @Test func directedFollowsOutEdgesUnlessUndirected() throws {
        let (index, _) = try ComponentsTests.load("directed")
        let sink = index.index(of: "sink1")!
        #expect(try index.egoGraph(center: sink, radius: 2).nodes == [sink])
        let around = try index.egoGraph(center: sink, radius: 1, undirected: true)
        #expect(Set(around.nodes.map { index.ids[$0] }) == ["sink1", "b", "f"])
        #expect(Set(around.edges.map { [index.ids[$0.source], index.ids[$0.target]] }) == [["b", "sink1"], ["f", "sink1"]])
    }

    @Test func weightedRadiusCountsWeights() throws {
        let (index, _) = try ComponentsTests.load("weighted")
        let d = index.index(of: "D")!
        // Within 1.25 of D: E (0.25), F (1.25), B (1.0); C is 1.5 away, A 2.0.
        let ego = try index.egoGraph(center: d, radius: 1.25, weighted: true)
        #expect(ego.nodes.map { index.ids[$0] } == ["D", "E", "B", "F"])
        #expect(ego.distances == [0, 0.25, 1, 1.25])
    }
}
