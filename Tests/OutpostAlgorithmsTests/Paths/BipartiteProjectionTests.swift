import Foundation
import Testing
import OutpostGraph
import OutpostIO
@testable import OutpostAlgorithms

/// The weighted projections of the Davis southern women graph against NetworkX's
/// `bipartite.weighted_projected_graph`.
@Suite struct BipartiteProjectionTests {
    @Test(arguments: [("0", "bipartite_projection"), ("1", "bipartite_projection_events")])
    func davisProjectionMatchesNetworkX(_ side: String, _ key: String) throws {
        let graph = try GraphMLReader().read(at: ComponentsTests.repository.appendingPathComponent("Tests/Fixtures/graphs/davis.graphml").path)
        let (index, expected) = try ComponentsTests.load("davis")
        let onto = (0..<graph.nodeCount).filter { graph.nodeAttributes[$0]["bipartite"] == side }
        try #require(!onto.isEmpty)
        let projection = index.weightedProjection(onto: onto)
        let reference = try #require((expected[key] as? [String: Any])?["edges"] as? [[Any]])
        try #require(!reference.isEmpty)
        let theirs = Set(reference.map { "\($0[0] as! String)|\($0[1] as! String)|\($0[2] as! Int)" })
        let ours = Set(projection.edges.map { edge -> String in
            let pair = [index.ids[edge.source], index.ids[edge.target]].sorted()
            return "\(pair[0])|\(pair[1])|\(Int(edge.weight))"
        })
        #expect(projection.edges.count == reference.count)
        #expect(ours == theirs)
        #expect(projection.nodes.count == onto.count)
        for (edge, shared) in zip(projection.edges, projection.shared) {
            #expect(shared.count == Int(edge.weight))
            #expect(shared.allSatisfy { index.slot(from: edge.source, to: $0) != nil && index.slot(from: edge.target, to: $0) != nil })
        }
    }

    @Test func viaRestrictsTheSharedNeighbours() throws {
        // a and b share x (kept) and y (not counted); c shares only y with them.
        var graph = Graph(directed: false)
        for id in ["a", "b", "c", "x", "y"] { graph.addNode(id) }
        for (u, v) in [(0, 3), (1, 3), (0, 4), (1, 4), (2, 4)] { graph.addEdge(u, v) }
        let index = GraphIndex(graph)
        let all = index.weightedProjection(onto: [0, 1, 2])
        #expect(all.edges == [WeightedEdge(source: 0, target: 1, weight: 2), WeightedEdge(source: 0, target: 2, weight: 1),
                              WeightedEdge(source: 1, target: 2, weight: 1)])
        let viaX = index.weightedProjection(onto: [0, 1, 2], via: [3])
        #expect(viaX.edges == [WeightedEdge(source: 0, target: 1, weight: 1)])
        #expect(viaX.shared == [[3]])
        #expect(viaX.nodes == [0, 1, 2])
    }
}
