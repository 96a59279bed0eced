import Testing
@testable import OutpostGraph

/// Graphs whose edges all weigh 1 store no weights, in the graph or in its index, and look
/// their ids up through a table built when first asked; every answer is what the stored
/// forms gave.
@Suite struct UnitWeightsTests {
    @Test func unitWeightsStoreOneValueUntilAWeightIsNotOne() {
        var w = EdgeWeights()
        for _ in 0..<5 { w.append(1) }
        #expect(w.isUnit && w.count == 5 && w.storedBytes == 8 && Array(w) == [1, 1, 1, 1, 1])
        w.append(2.5)
        w.append(1)
        #expect(!w.isUnit && Array(w) == [1, 1, 1, 1, 1, 2.5, 1] && w.storedBytes == 7 * 8)
        #expect(EdgeWeights([1, 1]) == EdgeWeights(unit: 2) && EdgeWeights([1, 2]) != EdgeWeights(unit: 2))
        #expect(EdgeWeights([1, 2]) == [1, 2] && EdgeWeights([1, 1]).isUnit)
    }

    /// Rows from a brute-force reading of the edge list: sorted neighbours, repeats merged,
    /// each slot weighing its number of edges (`.sum`) or 1 (`.keepLast`).
    func expectedRows(n: Int, _ edges: [(Int, Int)], symmetric: Bool, sum: Bool) -> [[(Int32, Double)]] {
        var rows = [[Int32: Double]](repeating: [:], count: n)
        for (u, v) in edges {
            rows[u][Int32(v), default: 0] += sum ? 1 : 0
            if symmetric && u != v { rows[v][Int32(u), default: 0] += sum ? 1 : 0 }
        }
        return rows.map { row in row.keys.sorted().map { ($0, sum ? row[$0]! : 1) } }
    }

    @Test(arguments: [false, true], [ParallelEdgePolicy.keepLast, .sum])
    func unitRowsMatchABruteForceReading(directed: Bool, merge: ParallelEdgePolicy) {
        // A seeded multigraph with loops, repeats and rows that arrive unsorted.
        var state: UInt64 = 0x9E37_79B9
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        let n = 40
        var g = Graph(directed: directed)
        g.parallelEdges = merge
        for v in 0..<n { g.addNode("v\(v)") }
        var edges: [(Int, Int)] = []
        for _ in 0..<400 {
            let u = next(n), v = next(3) == 0 ? next(4) : next(n)
            edges.append((u, v)); g.addEdge(u, v)
        }
        #expect(g.edgeWeights.isUnit)
        let index = GraphIndex(g)
        let sum = merge == .sum
        let out = expectedRows(n: n, edges, symmetric: !directed, sum: sum)
        for v in 0..<n {
            #expect(Array(index.neighbours(of: v)) == out[v].map(\.0), "row \(v)")
            #expect((index.offsets[v]..<index.offsets[v + 1]).map { index.weights[$0] } == out[v].map(\.1), "row \(v)")
        }
        #expect(index.weights.isUnit == !sum)
        if directed {
            let into = expectedRows(n: n, edges.map { ($0.1, $0.0) }, symmetric: false, sum: sum)
            for v in 0..<n { #expect(Array(index.inNeighbours(of: v)) == into[v].map(\.0), "in-row \(v)") }
        }
        #expect(index.edgeCount + index.mergedEdgeCount == edges.count)
    }

    @Test func appendedNodesAreFoundAndCopiesKeepTheirOwnIds() {
        var g = Graph(directed: false)
        for id in ["a", "b", "c"] { g.appendNode(new: id) }
        #expect(g.index(of: "b") == 1 && g.index(of: "z") == nil)
        var copy = g
        copy.appendNode(new: "d")
        g.appendNode(new: "e")
        #expect(g.index(of: "e") == 3 && g.index(of: "d") == nil)
        #expect(copy.index(of: "d") == 3 && copy.index(of: "e") == nil)
        let index = GraphIndex(g)
        g.appendNode(new: "f")
        #expect(index.index(of: "f") == nil && index.index(of: "e") == 3 && g.index(of: "f") == 4)
        // addNode after appended nodes sees them: no second node for "a".
        #expect(g.addNode("a") == 0 && g.addNode("g") == 5 && g.index(of: "g") == 5)
        g.appendNode(new: "h")
        #expect(g.index(of: "h") == 6 && g.index(of: "a") == 0)
    }
}
