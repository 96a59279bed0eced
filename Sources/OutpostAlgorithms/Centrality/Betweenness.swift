import OutpostGraph

extension GraphIndex {
    /// Betweenness centrality of every node (Brandes 2001).
    ///
    /// Scores follow NetworkX's `betweenness_centrality` with `endpoints=False`: the sum over
    /// pairs s ≠ t ≠ v of σ(s,t|v)/σ(s,t). With `normalized`, scores are multiplied by
    /// 1/((n−1)(n−2)) (for undirected graphs the sum counts each pair in both directions, so this
    /// equals NetworkX's 2/((n−1)(n−2)) on the pair count); without it, undirected scores are
    /// halved and directed ones left as they are. Graphs with n ≤ 2 are not rescaled.
    /// Directed graphs count directed paths. Disconnected graphs need nothing special: pairs
    /// with no path contribute nothing.
    ///
    /// - Parameters:
    ///   - normalized: rescale as above (NetworkX's default, true).
    ///   - weighted: treat edge weights as distances (Dijkstra; equal-length paths are found by
    ///     exact floating-point equality, as NetworkX does). Otherwise every edge has length 1.
    /// - Returns: one score per node.
    /// - Complexity: O(*V*·*E*) time unweighted, O(*V*·*E* + *V*²·log *V*) weighted; O(*V* + *E*)
    ///   space per worker. Sources are split into fixed blocks run in parallel, each with its own
    ///   buffers, summed at the end.
    public func betweennessCentrality(normalized: Bool = true, weighted: Bool = false) -> CentralityScores {
        let n = nodeCount
        let graph = self
        let total: [Double]
        if weighted {
            total = Parallel.accumulateWithState(sourceCount: n, width: n, makeState: { BrandesState(n: n) }, release: { $0.free() }) { s, acc, state in
                graph.brandesWeighted(source: s, state: &state, into: acc)
            }
        } else {
            total = Parallel.accumulateWithState(sourceCount: n, width: n, makeState: { BrandesState(n: n) }, release: { $0.free() }) { s, acc, state in
                graph.brandesUnweighted(source: s, state: &state, into: acc)
            }
        }
        var scores = total
        var scale: Double?
        if normalized {
            scale = n <= 2 ? nil : 1.0 / (Double(n - 1) * Double(n - 2))
        } else {
            scale = isDirected ? nil : 0.5
        }
        if let scale { for i in 0..<n { scores[i] *= scale } }
        return CentralityScores(measure: "betweenness", scores: scores)
    }

    /// Single-source BFS phase and dependency accumulation; predecessors are recognised in the
    /// backward pass by distance instead of being stored.
    func brandesUnweighted(source s: Int, state: inout BrandesState, into accumulator: UnsafeMutablePointer<Double>) {
        // One 24-byte record per node (σ, coefficient, distance): a visit touches one cache line.
        let order = state.fastOrder, node = state.fastNodes
        withAdjacency { a in
            node[s].sigma = 1
            node[s].distance = 0
            order[0] = Int32(s)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(order[head]); head += 1
                let dv = node[v].distance + 1
                let sv = node[v].sigma
                var slot = a.offsets[v]
                let end = a.offsets[v + 1]
                while slot < end {
                    let w = Int(a.targets[slot]); slot += 1
                    let dw = node[w].distance
                    if dw < 0 {
                        node[w].distance = dv
                        order[tail] = Int32(w); tail += 1
                        node[w].sigma = sv
                    } else if dw == dv {
                        node[w].sigma += sv
                    }
                }
            }
            // Dependencies, farthest first, in "pull" form: each node sums the coefficient
            // (1 + δ(w)) / σ(w) of its successors w one step farther, which are final by then,
            // so the pass only reads other nodes and writes its own.
            var i = tail - 1
            while i > 0 {
                let v = Int(order[i]); i -= 1
                let next = node[v].distance + 1
                var sum = 0.0
                var slot = a.offsets[v]
                let end = a.offsets[v + 1]
                while slot < end {
                    let w = Int(a.targets[slot]); slot += 1
                    if node[w].distance == next { sum += node[w].coefficient }
                }
                let sigma = node[v].sigma
                let dependency = sigma * sum
                accumulator[v] += dependency
                node[v].coefficient = (1 + dependency) / sigma
            }
            // Reset only what was touched.
            for k in 0..<tail { node[Int(order[k])] = BrandesNode() }
        }
    }

    func brandesWeighted(source s: Int, state: inout BrandesState, into accumulator: UnsafeMutablePointer<Double>) {
        var heap = state.heap
        heap.removeAll()
        var count = 0
        state.sigma[s] = 1
        state.seen[s] = 0
        heap.push(0, Int32(s))
        while !heap.isEmpty {
            let (d, node) = heap.pop()
            let v = Int(node)
            if state.done[v] { continue }
            state.done[v] = true
            state.weightedDistance[v] = d
            state.order[count] = node; count += 1
            for slot in offsets[v]..<offsets[v + 1] {
                let w = Int(targets[slot])
                let vw = d + weights[slot]
                if !state.done[w] && (state.seen[w] < 0 || vw < state.seen[w]) {
                    state.seen[w] = vw
                    heap.push(vw, Int32(w))
                    state.sigma[w] = 0
                }
                if !state.done[w] && vw == state.seen[w] {
                    state.sigma[w] += state.sigma[v]
                }
            }
        }
        var i = count - 1
        while i > 0 {
            let w = Int(state.order[i]); i -= 1
            let coefficient = (1 + state.delta[w]) / state.sigma[w]
            let dw = state.weightedDistance[w]
            for slot in inOffsets[w]..<inOffsets[w + 1] {
                let v = Int(inSources[slot])
                if state.done[v] && state.weightedDistance[v] + inWeights[slot] == dw && v != w {
                    state.delta[v] += state.sigma[v] * coefficient
                }
            }
            accumulator[w] += state.delta[w]
        }
        for k in 0..<count {
            let v = Int(state.order[k])
            state.sigma[v] = 0; state.seen[v] = -1; state.delta[v] = 0; state.done[v] = false
            state.weightedDistance[v] = -1
        }
        // Nodes pushed but never popped cannot exist: every pushed node is popped before the heap empties.
        state.heap = heap
    }
}

/// Per-worker buffers for Brandes' algorithm, reset after each source.
struct BrandesState {
    var order: [Int32]
    var sigma: [Double]
    var delta: [Double]
    var seen: [Double]
    var weightedDistance: [Double]
    var done: [Bool]
    var heap = DistanceHeap()
    // Raw buffers for the unweighted pass, allocated once per worker (see ``free()``).
    let fastOrder: UnsafeMutablePointer<Int32>
    let fastNodes: UnsafeMutablePointer<BrandesNode>

    init(n: Int) {
        order = Array(repeating: 0, count: n)
        sigma = Array(repeating: 0, count: n)
        delta = Array(repeating: 0, count: n)
        seen = Array(repeating: -1, count: n)
        weightedDistance = Array(repeating: -1, count: n)
        done = Array(repeating: false, count: n)
        fastOrder = Scratch(n, 0).base
        fastNodes = Scratch(n, BrandesNode()).base
    }

    func free() {
        fastOrder.deallocate(); fastNodes.deallocate()
    }
}

/// Per-node state of one unweighted Brandes pass, kept together for locality.
struct BrandesNode {
    var sigma: Double = 0
    var coefficient: Double = 0
    var distance: Int32 = -1
}
