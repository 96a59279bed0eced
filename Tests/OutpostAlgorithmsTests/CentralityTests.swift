import Foundation
import Testing
import OutpostGraph
import OutpostIO
@testable import OutpostAlgorithms

/// Every centrality measure against the values NetworkX computed (Tests/Fixtures/generate.py).
@Suite struct CentralityTests {
    static let all = ["karate", "florentine", "lesmis", "davis", "weighted", "components", "gnp-50", "ba-200", "directed", "gnp-directed-40"]
    static let weighted = ["karate", "lesmis", "weighted"]

    /// Compares our scores with a fixture map {id: value}; a null fixture means NetworkX failed.
    func compare(_ scores: [Double], _ index: GraphIndex, _ expected: Any?, tolerance: Double,
                 _ what: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let reference = try #require(expected as? [String: Double], "fixture \(what) missing", sourceLocation: sourceLocation)
        #expect(reference.count == index.nodeCount, sourceLocation: sourceLocation)
        var worst = 0.0, worstID = ""
        for (id, value) in reference {
            guard let node = index.index(of: id) else { Issue.record("unknown node \(id)"); continue }
            let difference: Double = Swift.abs(scores[node] - value)
            if difference > worst { worst = difference; worstID = id }
        }
        #expect(worst <= tolerance, "\(what): largest difference \(worst) at node \(worstID)", sourceLocation: sourceLocation)
    }

    @Test(arguments: all)
    func exactMeasures(_ name: String) throws {
        let (index, expected) = try ComponentsTests.load(name)
        try compare(index.degreeCentrality().scores, index, expected["degree_centrality"], tolerance: 1e-12, "degree")
        if index.isDirected {
            try compare(index.inDegreeCentrality().scores, index, expected["in_degree_centrality"], tolerance: 1e-12, "in-degree")
            try compare(index.outDegreeCentrality().scores, index, expected["out_degree_centrality"], tolerance: 1e-12, "out-degree")
        }
        try compare(index.betweennessCentrality().scores, index, expected["betweenness_centrality"], tolerance: 1e-9, "betweenness")
        try compare(index.betweennessCentrality(normalized: false).scores, index, expected["betweenness_centrality_raw"], tolerance: 1e-9, "raw betweenness")
        try compare(index.closenessCentrality().scores, index, expected["closeness_centrality"], tolerance: 1e-9, "closeness")
        try compare(index.harmonicCentrality().scores, index, expected["harmonic_centrality"], tolerance: 1e-9, "harmonic")
        let cores = try index.coreNumbers()
        let reference = try #require(expected["core_number"] as? [String: Int])
        for (id, value) in reference { #expect(cores[index.index(of: id)!] == value, "core number of \(id)") }
    }

    @Test(arguments: weighted)
    func weightedPathMeasures(_ name: String) throws {
        let (index, expected) = try ComponentsTests.load(name)
        try compare(index.betweennessCentrality(weighted: true).scores, index, expected["betweenness_centrality_weighted"], tolerance: 1e-9, "weighted betweenness")
        try compare(index.closenessCentrality(weighted: true).scores, index, expected["closeness_centrality_weighted"], tolerance: 1e-9, "weighted closeness")
        try compare(index.harmonicCentrality(weighted: true).scores, index, expected["harmonic_centrality_weighted"], tolerance: 1e-9, "weighted harmonic")
        try compare(try index.eigenvectorCentrality(weighted: true).scores, index, expected["eigenvector_centrality_weighted"], tolerance: 1e-6, "weighted eigenvector")
        try compare(try index.pageRank(weighted: true).scores, index, expected["pagerank_weighted"], tolerance: 1e-6, "weighted pagerank")
    }

    @Test(arguments: all)
    func iterativeMeasures(_ name: String) throws {
        let (index, expected) = try ComponentsTests.load(name)
        if expected["eigenvector_centrality"] is NSNull {
            #expect(throws: ConvergenceError.self) { try index.eigenvectorCentrality(maxIterations: 10_000) }
        } else {
            try compare(try index.eigenvectorCentrality().scores, index, expected["eigenvector_centrality"], tolerance: 1e-6, "eigenvector")
        }
        try compare(try index.pageRank().scores, index, expected["pagerank"], tolerance: 1e-6, "pagerank")
        try compare(try index.pageRank(alpha: 0.5).scores, index, expected["pagerank_alpha_0_5"], tolerance: 1e-6, "pagerank alpha 0.5")
        let personal = try #require(expected["pagerank_personalization"] as? [String: Double])
        var vector = [Double](repeating: 0, count: index.nodeCount)
        for (id, value) in personal { vector[index.index(of: id)!] = value }
        try compare(try index.pageRank(personalization: vector).scores, index, expected["pagerank_personalized"], tolerance: 1e-6, "personalized pagerank")
        if expected["katz_centrality"] is NSNull {
            #expect(throws: ConvergenceError.self) { try index.katzCentrality(maxIterations: 2_000) }
        } else {
            try compare(try index.katzCentrality().scores, index, expected["katz_centrality"], tolerance: 1e-6, "katz")
            try compare(try index.katzCentrality(normalized: false).scores, index, expected["katz_centrality_raw"], tolerance: 1e-6, "raw katz")
        }
    }

    @Test func rankingBreaksTiesById() {
        let scores = CentralityScores(measure: "x", scores: [0.5, 1, 0.5])
        #expect(scores.ranking(ids: ["b", "z", "a"]) == [1, 2, 0])
        // Made without ids, ties fall back to index order instead of reading past `ids`.
        #expect(scores.ranking() == [1, 0, 2])
    }

    @Test func coreNumberRefusesSelfLoops() {
        var g = Graph(directed: false)
        g.addEdge(g.addNode("a"), g.addNode("a"))
        #expect(throws: AlgorithmError.self) { try GraphIndex(g).coreNumbers() }
    }
}
