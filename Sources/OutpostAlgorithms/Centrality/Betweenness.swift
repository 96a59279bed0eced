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
    ///   - progress: told how many of the *n* sources are done (see ``ProgressHandler``).
    /// - Returns: one score per node.
    /// - Throws: ``AlgorithmError`` when `weighted` and an edge weight is negative, NaN or
    ///   infinite.
    /// - Complexity: O(*V*·*E*) time unweighted, O(*V*·*E* + *V*²·log *V*) weighted; O(*V* + *E*)
    ///   space per worker. Sources are split into fixed blocks run in parallel, each with its own
    ///   buffers, summed at the end. On undirected graphs each BFS layer is expanded top-down or
    ///   bottom-up, whichever costs less (see `brandesUnweighted`): on the 20,000-node
    ///   Barabási–Albert benchmark graph about half the edge slots are read, in 25–30% less time.
    public func betweennessCentrality(normalized: Bool = true, weighted: Bool = false,
                                      progress: ProgressHandler? = nil) throws -> CentralityScores {
        if weighted { try checkWeightsFiniteAndNonNegative(for: "betweenness") }
        let n = nodeCount
        let graph = self
        let total: [Double]
        let counter = ProgressCounter.make(total: n, progress)
        if weighted {
            total = Parallel.accumulateWithState(sourceCount: n, width: n, makeState: { BrandesState(n: n) },
                                                 progress: counter) { s, acc, state in
                graph.brandesWeighted(source: s, state: &state, into: acc)
            }
        } else {
            // Renumbered for locality; sources run in the new order, scores mapped back.
            let layout = BreadthFirstLayout(self)
            let arcs = layout.targets.count
            let renumbered = Parallel.accumulateWithState(sourceCount: n, width: n,
                                                          makeState: { UnweightedBrandesState(n: n, arcs: arcs) },
                                                          release: { $0.free() }, progress: counter) { s, acc, state in
                layout.brandesUnweighted(source: s, state: state, into: acc)
            }
            total = layout.renumbering.restoringOriginalOrder(renumbered)
        }
        var scores = total
        var scale: Double?
        if normalized {
            scale = n <= 2 ? nil : 1.0 / (Double(n - 1) * Double(n - 2))
        } else {
            scale = isDirected ? nil : 0.5
        }
        if let scale { for i in 0..<n { scores[i] *= scale } }
        return CentralityScores(measure: "betweenness", scores: scores, ids: ids)
    }

    /// One source of weighted Brandes on the shared Dijkstra search: σ(v), the number of
    /// shortest paths to v, sums σ over the in-neighbours settled before v at exactly
    /// d(v) − w (what NetworkX counts as the search goes); then the dependencies, farthest first.
    func brandesWeighted(source s: Int, state: inout BrandesState, into accumulator: RawBuffer<Double>) {
        state.search.run(self, from: s, weighted: true)
        let order = state.search.settled, distance = state.search.distance, rank = state.search.rank
        state.sigma[s] = 1
        for k in order.indices.dropFirst() {
            let w = Int(order[k])
            var sigma = 0.0
            let dw = distance[w]
            for slot in inOffsets[w]..<inOffsets[w + 1] {
                let v = Int(inSources[slot])
                if rank[v] >= 0 && rank[v] < k && distance[v] + inWeights[slot] == dw { sigma += state.sigma[v] }
            }
            state.sigma[w] = sigma
        }
        var i = order.endIndex - 1
        while i > order.startIndex {
            let w = Int(order[i]); i -= 1
            let coefficient = (1 + state.delta[w]) / state.sigma[w]
            let dw = distance[w]
            for slot in inOffsets[w]..<inOffsets[w + 1] {
                let v = Int(inSources[slot])
                if rank[v] >= 0 && distance[v] + inWeights[slot] == dw && v != w {
                    state.delta[v] += state.sigma[v] * coefficient
                }
            }
            accumulator[w] += state.delta[w]
        }
        for v in order { state.sigma[Int(v)] = 0; state.delta[Int(v)] = 0 }
        state.search.reset()
    }
}

/// Per-worker buffers for the weighted pass, reset after each source.
struct BrandesState {
    var search: ShortestPathSearch
    var sigma: [Double]
    var delta: [Double]

    init(n: Int) {
        search = ShortestPathSearch(nodeCount: n)
        sigma = Array(repeating: 0, count: n)
        delta = Array(repeating: 0, count: n)
    }
}

/// Per-worker buffers for the unweighted pass, allocated once per worker (see ``free()``).
/// Arrays rather than one record per node: the BFS reads only the layer tag for most edges,
/// and one byte per node keeps the tags in the L1 cache (20 KB for 20,000 nodes).
struct UnweightedBrandesState: @unchecked Sendable {
    /// While the BFS expands the nodes at distance d: ``unreached``, ``nextLayer`` (reached
    /// at d + 1 from this layer) or ``settled`` (distance d or less). A distance is all the
    /// pass needs to know of a node beyond that.
    let layerTag: RawBuffer<UInt8>
    static let unreached: UInt8 = 0, nextLayer: UInt8 = 1, settled: UInt8 = 2
    let sigma: RawBuffer<Double>
    /// (1 + δ(v)) / σ(v) once v is done; before that, the sum pushed into it by successors
    /// found bottom-up.
    let coefficient: RawBuffer<Double>
    let order: RawBuffer<Int32>
    /// For the node at BFS position i, the successors found top-down are
    /// `successors[successorStart[i]..<successorStart[i+1]]`, the predecessors found
    /// bottom-up `predecessors[predecessorStart[i]..<predecessorStart[i+1]]`.
    let successorStart: RawBuffer<Int>
    let successors: RawBuffer<Int32>
    let predecessorStart: RawBuffer<Int>
    let predecessors: RawBuffer<Int32>
    /// Nodes not reached yet, for bottom-up layers (a superset until filtered).
    let unvisited: RawBuffer<Int32>

    init(n: Int, arcs: Int) {
        layerTag = RawBuffer(n, UInt8(0))
        sigma = RawBuffer(n, 0)
        coefficient = RawBuffer(n, 0)
        order = RawBuffer(n, 0)
        successorStart = RawBuffer(n + 1, 0)
        successors = RawBuffer(arcs, 0)
        predecessorStart = RawBuffer(n + 1, 0)
        predecessors = RawBuffer(arcs, 0)
        unvisited = RawBuffer(n, 0)
    }

    func free() {
        layerTag.free(); sigma.free(); coefficient.free(); order.free()
        successorStart.free(); successors.free()
        predecessorStart.free(); predecessors.free(); unvisited.free()
    }
}

extension BreadthFirstLayout {
    /// One source of unweighted Brandes: a BFS that counts shortest paths (σ) and records each
    /// shortest-path DAG edge as it passes, then the dependency pass, farthest first, over
    /// the recorded edges only.
    ///
    /// Each layer of an undirected graph is expanded top-down (the frontier's edges) or
    /// bottom-up (the edges of the nodes of the source's component not reached yet, each
    /// summing σ over its neighbours in the frontier): bottom-up while it reads less than 1.5
    /// times the slots top-down would, since a bottom-up read costs less. Every parent
    /// counts, so unlike a plain BFS neither can stop early, but on small-world
    /// graphs the big middle layers cost about half as many reads bottom-up (a neighbour of
    /// an unreached node is in the frontier or unreached: an undirected edge spans at most
    /// one layer). Directed graphs go top-down only (bottom-up would need in-edges).
    ///
    /// The dependency pass takes top-down layers in "pull" form (a node sums
    /// (1 + δ(w)) / σ(w) over its successors, final by then) and bottom-up layers in "push"
    /// form (a node adds its own coefficient to its predecessors' pending sums).
    ///
    /// - Parameter bottomUp: allow bottom-up layers (tests compare with top-down only).
    /// - Returns: the number of layers expanded bottom-up.
    @discardableResult
    func brandesUnweighted(source s: Int, state: UnweightedBrandesState, into accumulator: RawBuffer<Double>,
                           bottomUp: Bool = true) -> Int {
        let layerTag = state.layerTag, sigma = state.sigma, coefficient = state.coefficient, order = state.order
        let successorStart = state.successorStart, successors = state.successors
        let predecessorStart = state.predecessorStart, predecessors = state.predecessors
        let unvisited = state.unvisited
        let hybrid = bottomUp && !isDirected
        guard !targets.isEmpty else { return 0 }  // no edges: no node lies between two others
        return offsets.withRawBuffer { offsets in
            targets.withRawBuffer { targets in
                var bottomUpLayers = 0
                let unreached = UnweightedBrandesState.unreached, nextLayer = UnweightedBrandesState.nextLayer
                let settled = UnweightedBrandesState.settled
                sigma[s] = 1
                layerTag[s] = settled
                order[0] = Int32(s)
                predecessorStart[0] = 0
                // Layer by layer: order[layerStart..<layerEnd] holds the nodes at distance d.
                var layerStart = 0, layerEnd = 1, tail = 1, recorded = 0, recordedBack = 0
                // Edge slots of the frontier and of the nodes of s's component not reached yet
                // (the layout numbers each component contiguously); the unvisited list.
                let component = componentRange(of: s)
                let componentLow = component.lowerBound, componentHigh = component.upperBound
                var frontierSlots = offsets[s + 1] - offsets[s]
                var unreachedSlots = offsets[componentHigh] - offsets[componentLow] - frontierSlots
                var unvisitedCount = -1  // no list yet
                while layerStart < layerEnd {
                    var nextSlots = 0
                    let listCost = unvisitedCount < 0 ? componentHigh - componentLow : unvisitedCount
                    // A slot read bottom-up costs less than one read top-down (a test and an
                    // add, against a three-way branch and the writes for each node found), so
                    // bottom-up wins up to 1.5 times the slots: 5.1-5.6 s -> 4.9-5.1 s on the
                    // BA-20k benchmark graph, where 1.25 and 2 were no better.
                    if hybrid && 2 * (unreachedSlots + listCost) < 3 * frontierSlots {
                        bottomUpLayers += 1
                        for head in layerStart..<layerEnd { successorStart[head] = recorded }
                        var kept = 0
                        if unvisitedCount < 0 {
                            for v in componentLow..<componentHigh where layerTag[v] == unreached {
                                unvisited[kept] = Int32(v); kept += 1
                            }
                            unvisitedCount = kept; kept = 0
                        }
                        for index in 0..<unvisitedCount {
                            let w32 = unvisited[index]
                            let w = Int(w32)
                            guard layerTag[w] == unreached else { continue }  // reached top-down meanwhile
                            let first = recordedBack
                            var sw = 0.0
                            var slot = offsets[w]
                            let end = offsets[w + 1]
                            while slot < end {
                                let v32 = targets[slot]; slot += 1
                                if layerTag[Int(v32)] == settled {
                                    sw += sigma[Int(v32)]
                                    predecessors[recordedBack] = v32; recordedBack += 1
                                }
                            }
                            if recordedBack > first {
                                sigma[w] = sw
                                layerTag[w] = nextLayer
                                predecessorStart[tail] = first
                                order[tail] = w32; tail += 1
                                nextSlots += end - offsets[w]
                            } else {
                                unvisited[kept] = w32; kept += 1
                            }
                        }
                        unvisitedCount = kept
                    } else {
                        for head in layerStart..<layerEnd {
                            successorStart[head] = recorded
                            let v = Int(order[head])
                            let sv = sigma[v]
                            var slot = offsets[v]
                            let end = offsets[v + 1]
                            while slot < end {
                                let w32 = targets[slot]; slot += 1
                                let w = Int(w32)
                                let tag = layerTag[w]
                                if tag == unreached {
                                    layerTag[w] = nextLayer
                                    sigma[w] = sv
                                    predecessorStart[tail] = recordedBack
                                    order[tail] = w32; tail += 1
                                    successors[recorded] = w32; recorded += 1
                                    nextSlots += offsets[w + 1] - offsets[w]
                                } else if tag == nextLayer {
                                    sigma[w] += sv
                                    successors[recorded] = w32; recorded += 1
                                }
                            }
                        }
                    }
                    layerStart = layerEnd; layerEnd = tail
                    for k in layerStart..<layerEnd { layerTag[Int(order[k])] = settled }
                    frontierSlots = nextSlots
                    unreachedSlots -= nextSlots
                }
                successorStart[tail] = recorded
                predecessorStart[tail] = recordedBack
                var i = tail - 1
                while i > 0 {
                    let v = Int(order[i])
                    var sum = coefficient[v]  // pushed by successors found bottom-up
                    var k = successorStart[i]
                    let end = successorStart[i + 1]
                    while k < end { sum += coefficient[Int(successors[k])]; k += 1 }
                    let dependency = sigma[v] * sum
                    accumulator[v] += dependency
                    let c = (1 + dependency) / sigma[v]
                    coefficient[v] = c
                    k = predecessorStart[i]
                    let last = predecessorStart[i + 1]
                    while k < last { coefficient[Int(predecessors[k])] += c; k += 1 }
                    i -= 1
                }
                // Reset only what was touched (the source may have received pushes).
                for k in 0..<tail {
                    let v = Int(order[k])
                    layerTag[v] = unreached; sigma[v] = 0; coefficient[v] = 0
                }
                return bottomUpLayers
            }
        }
    }
}
