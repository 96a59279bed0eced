import Foundation
import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// Approximate betweenness (Riondato & Kornaropoulos) against the exact values NetworkX
/// computed (Tests/Fixtures/expected), over many seeds.
@Suite struct ApproximateBetweennessTests {
    static let unweighted = ["karate", "florentine", "lesmis", "davis", "components", "gnp-50", "ba-200",
                             "directed", "gnp-directed-40"]
    static let weighted = ["karate", "lesmis", "weighted"]
    static let seeds: [UInt64] = Array(1...20)

    /// NetworkX's scores by node index.
    static func exact(_ index: GraphIndex, _ expected: [String: Any], weighted: Bool) throws -> [Double] {
        let key = weighted ? "betweenness_centrality_weighted" : "betweenness_centrality"
        let reference = try #require(expected[key] as? [String: Double], "fixture \(key) missing")
        #expect(reference.count == index.nodeCount)
        return try (0..<index.nodeCount).map { try #require(reference[index.ids[$0]]) }
    }

    /// The guarantee, checked as a frequency: with ε = 0.05 and δ = 0.1, every node within ε
    /// in each run, failing with probability at most δ. If each of 20 runs failed with
    /// probability exactly δ, 9 or more would fail with probability P(Bin(20, 0.1) ≥ 9) ≈ 6·10⁻⁵,
    /// so the test allows 8 (the bound is loose: in practice no run fails). An estimator off
    /// in scale fails every run: without the factor n/(n − 2) (the paper's normalization
    /// rather than NetworkX's), florentine's Medici are 0.07 low and every run of florentine
    /// and `weighted` misses.
    @Test(arguments: unweighted.map { ($0, false) } + weighted.map { ($0, true) })
    func everyNodeWithinEpsilonInMostRuns(_ name: String, _ weighted: Bool) throws {
        let (index, expected) = try ComponentsTests.load(name)
        let exact = try Self.exact(index, expected, weighted: weighted)
        let epsilon = 0.05, delta = 0.1
        var failures: [String] = []
        for seed in Self.seeds {
            let result = try index.approximateBetweennessCentrality(epsilon: epsilon, delta: delta, seed: seed, weighted: weighted)
            #expect(result.scores.scores.count == index.nodeCount)
            let errors = zip(result.scores.scores, exact).map { abs($0 - $1) }
            let worst = errors.indices.max { errors[$0] < errors[$1] }!
            if errors[worst] > epsilon { failures.append("seed \(seed): \(index.ids[worst]) off by \(errors[worst])") }
        }
        #expect(failures.count <= 8, "\(name)\(weighted ? " weighted" : ""): \(failures.count) of \(Self.seeds.count) runs missed ε: \(failures)")
    }

    /// Unbiasedness, which the ε test checks only coarsely: the mean of the 20 runs' estimates
    /// of node x has mean b(x) and standard deviation s·√(p(1 − p)/R), where p = b(x)/s is the
    /// chance that one sample counts x, s = n/(n − 2) and R the samples of all runs together;
    /// the test allows 6 standard deviations plus one sample's weight (s/R). A node that is
    /// never between two others must never be counted. A 6% error in scale (karate's
    /// n/(n − 2)) is about 13 standard deviations at karate's top node.
    @Test(arguments: unweighted.map { ($0, false) } + weighted.map { ($0, true) })
    func meanOfRunsIsTheExactValue(_ name: String, _ weighted: Bool) throws {
        let (index, expected) = try ComponentsTests.load(name)
        let exact = try Self.exact(index, expected, weighted: weighted)
        let n = index.nodeCount
        var sum = [Double](repeating: 0, count: n)
        var samples = 0
        for seed in Self.seeds {
            let result = try index.approximateBetweennessCentrality(epsilon: 0.05, delta: 0.1, seed: seed, weighted: weighted)
            for v in 0..<n { sum[v] += result.scores[v] * Double(result.sampling.sampleCount) }
            samples += result.sampling.sampleCount
        }
        #expect(samples > 0)
        let scale = Double(n) / Double(n - 2)
        for v in 0..<n {
            let mean = sum[v] / Double(samples)
            let p = min(1, exact[v] / scale)
            let deviation = scale * (p * (1 - p) / Double(samples)).squareRoot()
            let allowed = 6 * deviation + scale / Double(samples)
            #expect(abs(mean - exact[v]) <= allowed,
                    "\(name): node \(index.ids[v]) mean \(mean), NetworkX \(exact[v]), allowed ±\(allowed)")
        }
    }

    @Test(arguments: [false, true])
    func sameSeedSameScoresOnAnyNumberOfThreads(_ weighted: Bool) throws {
        let (index, _) = try ComponentsTests.load(weighted ? "lesmis" : "ba-200")
        func run(seed: UInt64, serial: Bool) throws -> ApproximateBetweenness {
            try index.approximateBetweenness(epsilon: 0.05, delta: 0.1, seed: seed, weighted: weighted,
                                             universalConstant: 0.5, progress: nil, serial: serial)
        }
        let parallel = try run(seed: 7, serial: false)
        #expect(try run(seed: 7, serial: false) == parallel)
        #expect(try run(seed: 7, serial: true) == parallel, "one thread gives what several give")
        #expect(try run(seed: 8, serial: false).scores != parallel.scores, "another seed draws other paths")
    }

    /// ⌈(c/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉, by hand: 0.5/0.01 · (3 + 1 + ln 10) = 315.13.
    @Test func sampleCountFollowsThePaper() throws {
        #expect(GraphIndex.betweennessSampleCount(epsilon: 0.1, delta: 0.1, vertexDiameter: 10, universalConstant: 0.5) == 316)
        #expect(GraphIndex.betweennessSampleCount(epsilon: 0.1, delta: 0.1, vertexDiameter: 3, universalConstant: 0.5) == 166)
        // On a graph of n nodes the samples are drawn for ε·(n − 2)/n: karate, n = 34.
        let (index, _) = try ComponentsTests.load("karate")
        let result = try index.approximateBetweennessCentrality(epsilon: 0.1, delta: 0.1)
        #expect(result.sampling.sampleCount == GraphIndex.betweennessSampleCount(
            epsilon: 0.1 * 32 / 34, delta: 0.1, vertexDiameter: result.sampling.vertexDiameterBound, universalConstant: 0.5))
        #expect(result.sampling.epsilon == 0.1 && result.sampling.delta == 0.1 && result.sampling.seed == 42)
    }

    static func graph(directed: Bool = false, nodes: Int, _ edges: [(Int, Int, Double)]) -> GraphIndex {
        var graph = Graph(directed: directed)
        for v in 0..<nodes { _ = graph.addNode(String(v)) }
        for (u, v, w) in edges { _ = graph.addEdge(u, v, weight: w) }
        return GraphIndex(graph)
    }

    @Test func vertexDiameterBounds() {
        // A path 3-1-0-2-4 (node 0 in the middle, eccentricity 2): 2·2 + 1 = 5 nodes, exact.
        let path = Self.graph(nodes: 5, [(0, 1, 1), (0, 2, 1), (1, 3, 1), (2, 4, 1)])
        #expect(path.vertexDiameterBound(weighted: false) == 5)
        // The same path seen from its end (eccentricity 4): 9, capped at the 5 nodes.
        let fromEnd = Self.graph(nodes: 5, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (3, 4, 1)])
        #expect(fromEnd.vertexDiameterBound(weighted: false) == 5)
        // A star whose centre is node 0 beside a path of 4: the star gives 3, the path 4.
        let star = Self.graph(nodes: 10, [(0, 1, 1), (0, 2, 1), (0, 3, 1), (0, 4, 1), (0, 5, 1),
                                         (6, 7, 1), (7, 8, 1), (8, 9, 1)])
        #expect(star.vertexDiameterBound(weighted: false) == 4)
        // Weighted: a star of 6 with weights 1 and 4 around centre 0: eccentricity 4, w_min 1,
        // 2·4/1 + 1 = 9 capped at 6; with all weights 2, 2·2/2 + 1 = 3.
        let weightedStar = Self.graph(nodes: 6, [(0, 1, 1), (0, 2, 4), (0, 3, 1), (0, 4, 1), (0, 5, 1)])
        #expect(weightedStar.vertexDiameterBound(weighted: true) == 6)
        let evenStar = Self.graph(nodes: 6, [(0, 1, 2), (0, 2, 2), (0, 3, 2), (0, 4, 2), (0, 5, 2)])
        #expect(evenStar.vertexDiameterBound(weighted: true) == 3)
        // Directed: the largest weak component's size.
        let directed = Self.graph(directed: true, nodes: 6, [(0, 1, 1), (1, 2, 1), (3, 4, 1)])
        #expect(directed.vertexDiameterBound(weighted: false) == 3)
    }

    /// No node of a star's leaves, nor anything on a graph without paths of three nodes, is
    /// ever counted.
    @Test func graphsWithoutInteriorNodes() throws {
        let pairs = Self.graph(nodes: 4, [(0, 1, 1), (2, 3, 1)])
        let none = try pairs.approximateBetweennessCentrality(epsilon: 0.1)
        #expect(none.sampling.sampleCount == 0 && none.scores.scores == [0, 0, 0, 0])
        let star = Self.graph(nodes: 6, [(0, 1, 1), (0, 2, 1), (0, 3, 1), (0, 4, 1), (0, 5, 1)])
        let result = try star.approximateBetweennessCentrality(epsilon: 0.05, seed: 3)
        #expect(result.scores.scores.dropFirst().allSatisfy { $0 == 0 })
        #expect(abs(result.scores[0] - 1) <= 0.05)
    }

    @Test(arguments: [(0.0, 0.1), (1.0, 0.1), (-0.5, 0.1), (.nan, 0.1), (0.1, 0.0), (0.1, 1.0), (0.1, .infinity)])
    func parametersOutsideTheUnitIntervalAreRefused(_ epsilon: Double, _ delta: Double) throws {
        let (index, _) = try ComponentsTests.load("karate")
        let error = #expect(throws: AlgorithmError.self) {
            try index.approximateBetweennessCentrality(epsilon: epsilon, delta: delta)
        }
        guard case let .parameterOutOfRange(_, parameter, _, _) = error else {
            Issue.record("wrong error \(String(describing: error))"); return
        }
        #expect(parameter == (epsilon > 0 && epsilon < 1 ? "delta" : "epsilon"))
        #expect(error?.description.contains("strictly between 0 and 1") == true)
    }

    /// One pair's paths, drawn many times, against the closed form on a grid: from corner
    /// (0, 0) to (a, b) there are C(a + b, a) shortest paths, and C(i + j, i)·C(a − i + b − j, a − i)
    /// of them pass through (i, j). The two searches meet in the middle, where both σ vary,
    /// so a meeting node drawn by one side's σ only (a bias the fixtures' ε test misses) is
    /// off by far more than the 6 standard deviations allowed. Both samplers: breadth-first
    /// from both ends, and Dijkstra on unit weights.
    @Test(arguments: [false, true])
    func pathsThroughAGridNodeFollowTheBinomialCounts(_ weighted: Bool) throws {
        let side = 6, a = 5, b = 4  // nodes (i, j) as i·side + j; the pair (0, 0) → (5, 4)
        var edges: [(Int, Int, Double)] = []
        for i in 0..<side { for j in 0..<side {
            if i + 1 < side { edges.append((i * side + j, (i + 1) * side + j, 1)) }
            if j + 1 < side { edges.append((i * side + j, i * side + j + 1, 1)) }
        } }
        let index = Self.graph(nodes: side * side, edges)
        let u = 0, v = a * side + b, draws = 20_000
        let counts = RawBuffer(side * side, 0.0)
        defer { counts.free() }
        if weighted {
            var state = PathSamplingState(n: index.nodeCount)
            for draw in 0..<draws {
                var random = SeededRandom(seed: 3, stream: UInt64(draw))
                index.countInteriorNodes(ofRandomShortestPathFrom: u, to: v, random: &random, state: &state, into: counts)
            }
        } else {
            let state = BidirectionalSamplingState(n: index.nodeCount)
            defer { state.free() }
            index.withAdjacency { adjacency in
                for draw in 0..<draws {
                    var random = SeededRandom(seed: 3, stream: UInt64(draw))
                    adjacency.countInteriorNodes(ofRandomShortestPathFrom: u, to: v, random: &random, state: state, into: counts)
                }
            }
        }
        func choose(_ n: Int, _ k: Int) -> Double { (0..<k).reduce(1.0) { $0 * Double(n - $1) / Double($1 + 1) } }
        let total = choose(a + b, a)
        for i in 0..<side { for j in 0..<side {
            let node = i * side + j
            let inside = i <= a && j <= b && node != u && node != v
            let p = inside ? choose(i + j, i) * choose(a - i + b - j, a - i) / total : 0
            let frequency = counts[node] / Double(draws)
            let allowed = 6 * (p * (1 - p) / Double(draws)).squareRoot()
            #expect(abs(frequency - p) <= allowed, "node (\(i), \(j)): \(frequency) of the paths, expected \(p)")
        } }
    }
}
