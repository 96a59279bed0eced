import Foundation
import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// Label propagation against NetworkX's `label_propagation_communities` (fixture
/// `label_propagation`): the same communities, not just similar ones.
@Suite struct LabelPropagationTests {
    @Test(arguments: CommunityFixtures.referenceGraphs)
    func labelPropagationEqualsNetworkX(_ name: String) throws {
        let (index, expected) = try CommunityFixtures.load(name)
        let reference = try #require(expected["label_propagation"] as? [String: Any])
        let communities = try #require(reference["communities"] as? [[String]])
        let weighted = try #require(reference["weighted"] as? Bool)
        let partition = index.labelPropagationCommunities(weighted: weighted)
        #expect(CommunityFixtures.idSets(partition, in: index) == Set(communities.map { $0.sorted() }), "\(name)")
        let q = try #require(reference["modularity"] as? Double)
        #expect(abs(partition.modularity - q) < 1e-12)
    }

    @Test func isolatedNodesAndSelfLoops() {
        // nx.Graph([(0,0),(0,1),(1,2),(2,0),(3,4)]) plus isolated 5: NetworkX 3.6.1 gives
        // {0,1,2}, {3,4}, {5}.
        var graph = Graph(directed: false)
        for id in ["0", "1", "2", "3", "4", "5"] { graph.addNode(id) }
        for (u, v) in [(0, 0), (0, 1), (1, 2), (2, 0), (3, 4)] { graph.addEdge(u, v) }
        let partition = GraphIndex(graph).labelPropagationCommunities()
        #expect(partition.communities == [[0, 1, 2], [3, 4], [5]])
    }
}
