import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// Inputs the definitions do not allow are refused with an error that names the offending
/// node or edge, and never a command-line option.
@Suite struct AlgorithmErrorTests {
    /// A path a – b – c whose second edge weighs `weight`.
    static func path(weight: Double, directed: Bool = false) -> GraphIndex {
        var graph = Graph(directed: directed)
        graph.addNode("a"); graph.addNode("b"); graph.addNode("c")
        graph.addEdge(0, 1, weight: 1)
        graph.addEdge(1, 2, weight: weight)
        return GraphIndex(graph)
    }

    @Test(arguments: [-5, .nan, .infinity])
    func weightedMeasuresRefuseWeightsThatAreNotFiniteAndNonNegative(_ weight: Double) throws {
        let index = Self.path(weight: weight)
        let measures: [(String, () throws -> Any)] = [
            ("betweenness", { try index.betweennessCentrality(weighted: true) }),
            ("closeness", { try index.closenessCentrality(weighted: true) }),
            ("harmonic centrality", { try index.harmonicCentrality(weighted: true) }),
            ("PageRank", { try index.pageRank(weighted: true) }),
            ("eigenvector centrality", { try index.eigenvectorCentrality(weighted: true) }),
            ("Katz centrality", { try index.katzCentrality(weighted: true) }),
            ("Louvain", { try index.louvainCommunities(weighted: true) }),
            ("Leiden", { try index.leidenCommunities(weighted: true) }),
            ("Leiden", { try index.communities(using: .leiden(), weighted: true) }),
            ("the shortest path", { try index.shortestPath(from: 0, to: 2, weighted: true) as Any }),
            ("the ego graph", { try index.egoGraph(center: 0, radius: 3, weighted: true) }),
        ]
        for (measure, run) in measures {
            let error = try #require(throws: AlgorithmError.self, "\(measure)") { _ = try run() }
            guard case let .invalidWeight(name, source, target, found, _) = error else {
                Issue.record("\(measure): \(error)"); continue
            }
            #expect(name == measure)
            #expect(Set([source, target]) == ["b", "c"])
            #expect(found.isNaN ? weight.isNaN : found == weight)
            #expect(!error.description.contains("--"), "no command-line option in \(error)")
        }
        // Unweighted, the same graph is fine: weights are not read.
        #expect(try index.closenessCentrality().scores.allSatisfy { $0 > 0 })
        #expect(abs(try index.pageRank().scores.reduce(0, +) - 1) < 1e-9)
        #expect(try index.louvainCommunities(weighted: false).labels.count == 3)
        #expect(try index.leidenCommunities(weighted: false).labels.count == 3)
    }

    @Test func zeroWeightsAreAllowed() throws {
        #expect(try Self.path(weight: 0).closenessCentrality(weighted: true).scores.count == 3)
    }

    @Test func personalizationMustHaveOneEntryPerNode() throws {
        let index = Self.path(weight: 1)
        #expect(throws: AlgorithmError.personalizationLength(expected: 3, actual: 2)) {
            try index.pageRank(personalization: [1, 0])
        }
        #expect(throws: AlgorithmError.personalizationSum) { try index.pageRank(personalization: [0, 0, 0]) }
        #expect(try index.pageRank(personalization: [0, 1, 0]).scores.count == 3)
    }

    @Test func inAndOutDegreeRefuseUndirectedGraphs() throws {
        let undirected = Self.path(weight: 1)
        #expect(throws: AlgorithmError.requiresDirectedGraph(measure: "in-degree centrality")) {
            try undirected.inDegreeCentrality()
        }
        #expect(throws: AlgorithmError.requiresDirectedGraph(measure: "out-degree centrality")) {
            try undirected.outDegreeCentrality()
        }
        // a → b → c: in-degrees 0, 1, 1 over n − 1 = 2.
        let directed = Self.path(weight: 1, directed: true)
        #expect(try directed.inDegreeCentrality().scores == [0, 0.5, 0.5])
        #expect(try directed.outDegreeCentrality().scores == [0.5, 0.5, 0])
    }

    @Test func scoresAreReachableByNodeID() throws {
        // A star: the hub b lies on the one shortest path a – c.
        let scores = try Self.path(weight: 1).betweennessCentrality()
        #expect(scores["b"] == 1)
        #expect(scores["a"] == 0)
        #expect(scores["nobody"] == nil)
        #expect(scores[1] == 1)
        #expect(scores.ranking() == [1, 0, 2])
    }
}
