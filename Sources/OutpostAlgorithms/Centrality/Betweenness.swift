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
        let order = state.fastOrder, sigma = state.fastSigma, distance = state.fastDistance, delta = state.fastDelta
        withAdjacency { a in
            sigma[s] = 1
            distance[s] = 0
            order[0] = Int32(s)
            var head = 0, tail = 1
            while head < tail {
                let v = Int(order[head]); head += 1
                let dv = distance[v] + 1
                let sv = sigma[v]
                var slot = a.offsets[v]
                let end = a.offsets[v + 1]
                while slot < end {
                    let w = Int(a.targets[slot]); slot += 1
                    let dw = distance[w]
                    if dw < 0 {
                        distance[w] = dv
                        order[tail] = Int32(w); tail += 1
                        sigma[w] += sv
                    } else if dw == dv {
                        sigma[w] += sv
                    }
                }
            }
            // Dependencies, farthest first, in "pull" form: each node sums the coefficient
            // (1 + δ(w)) / σ(w) of its successors w one step farther, which are final by then.
            // delta[] holds that coefficient once a node is done, so the pass only reads.
            var i = tail - 1
            while i > 0 {
                let v = Int(order[i]); i -= 1
                let next = distance[v] + 1
                var sum = 0.0
                var slot = a.offsets[v]
                let end = a.offsets[v + 1]
                while slot < end {
                    let w = Int(a.targets[slot]); slot += 1
                    if distance[w] == next { sum += delta[w] }
                }
                let dependency = sigma[v] * sum
                accumulator[v] += dependency
                delta[v] = (1 + dependency) / sigma[v]
            }
            // Reset only what was touched.
            for k in 0..<tail {
                let v = Int(order[k])
                sigma[v] = 0; distance[v] = -1; delta[v] = 0
            }
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
                    state.predecessorCount[w] = 0
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
    var distance: [Int32]
    var delta: [Double]
    var seen: [Double]
    var weightedDistance: [Double]
    var done: [Bool]
    var predecessorCount: [Int32]
    var heap = DistanceHeap()
    // Raw buffers for the unweighted pass, allocated once per worker (see ``free()``).
    let fastOrder: UnsafeMutablePointer<Int32>
    let fastSigma: UnsafeMutablePointer<Double>
    let fastDistance: UnsafeMutablePointer<Int32>
    let fastDelta: UnsafeMutablePointer<Double>

    init(n: Int) {
        order = Array(repeating: 0, count: n)
        sigma = Array(repeating: 0, count: n)
        distance = Array(repeating: -1, count: n)
        delta = Array(repeating: 0, count: n)
        seen = Array(repeating: -1, count: n)
        weightedDistance = Array(repeating: -1, count: n)
        done = Array(repeating: false, count: n)
        predecessorCount = Array(repeating: 0, count: n)
        fastOrder = Scratch(n, 0).base
        fastSigma = Scratch(n, 0).base
        fastDistance = Scratch(n, -1).base
        fastDelta = Scratch(n, 0).base
    }

    func free() {
        fastOrder.deallocate(); fastSigma.deallocate(); fastDistance.deallocate(); fastDelta.deallocate()
    }
}
