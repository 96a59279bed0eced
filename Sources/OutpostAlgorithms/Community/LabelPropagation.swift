import OutpostGraph

extension GraphIndex {
    /// Communities by semi-synchronous label propagation (Cordasco & Gargano 2011), exactly as
    /// NetworkX's `label_propagation_communities`: deterministic, no seed.
    ///
    /// The nodes are coloured greedily, largest degree first (NetworkX's `greedy_color` with
    /// its default `largest_first` strategy; ties in index order), so no two neighbours share a
    /// colour. Every node starts with its own label (its index). Colour by colour, in
    /// increasing order, each node takes the label most frequent among its neighbours; among
    /// several, it keeps its own if that is one of them and otherwise takes the largest
    /// (Prec-Max). Rounds repeat until every node with neighbours holds one of its most
    /// frequent neighbour labels. Nodes of one colour are never adjacent, so the order within
    /// a colour does not matter and the result matches NetworkX's exactly for the same node
    /// order.
    ///
    /// How it is computed, with the same result: NetworkX checks that condition before every
    /// round; it holds exactly when a round would change no label, so here the rounds simply
    /// repeat until one changes nothing. A node is evaluated again only when a neighbour's
    /// label changed since its last evaluation (otherwise it would decide as before, and that
    /// decision left it with one of its most frequent labels). The nodes of one colour class
    /// are split between two threads, each marking the neighbours of the nodes it relabels in
    /// marks of its own, so no two threads write one place; the result does not depend on
    /// the split.
    ///
    /// - Direction: NetworkX refuses directed graphs; here a directed graph is read as
    ///   undirected (a node's neighbours are its in- and out-neighbours).
    /// - Weights: ignored by the propagation, as in NetworkX (each neighbour counts once);
    ///   `weighted` only says how the reported modularity is computed.
    /// - Disconnected graphs: labels never cross components; an isolated node is its own
    ///   community. A self-loop makes a node count its own label once.
    /// - Parameter weighted: compute the returned modularity with edge weights.
    /// - Returns: the communities and their modularity (γ = 1).
    /// - Complexity: O(*E*) time per round, O(*V* + *E*) space; the number of rounds is small
    ///   in practice.
    public func labelPropagationCommunities(weighted: Bool = true) -> Partition {
        let labels = labelPropagationLabels()
        return Partition(labels: labels, modularity: modularity(of: labels, weighted: weighted))
    }

    /// The final label of every node, as ``labelPropagationCommunities(weighted:)`` defines it.
    /// - Parameters:
    ///   - workers: 1 runs every class on the calling thread; 2 splits each class with a
    ///     helper thread (the tests compare the two).
    ///   - parallelSlots: a class is split only when its members' rows hold at least this many
    ///     slots (a split costs a hand-over of a few microseconds); 0 splits every class.
    func labelPropagationLabels(workers: Int = 2, parallelSlots: Int = 8192) -> [Int32] {
        // Undirected neighbour rows (a self-loop once), as NetworkX's G[node].
        let rows: (offsets: [Int], targets: [Int32])
        if isDirected {
            let view = UndirectedView(self)
            rows = (view.offsets, view.targets)
        } else {
            rows = (offsets, targets)
        }
        return rows.offsets.withRawBuffer { rowStart in
            rows.targets.withRawBuffer { rowTargets in
                LabelPropagation(nodeCount: nodeCount, rowStart: rowStart, rowTargets: rowTargets)
                    .run(workers: workers, parallelSlots: parallelSlots)
            }
        }
    }
}

/// The scratch of label propagation over symmetric rows, in raw buffers: every loop below
/// runs once per node and round.
private struct LabelPropagation: Sendable {
    let nodeCount: Int
    let rowStart: RawBuffer<Int>
    let rowTargets: RawBuffer<Int32>

    /// Nodes grouped by colour, colours ascending (`classStart[c]..<classStart[c + 1]`), and
    /// the number of row slots before each position (to split a class in halves of equal work).
    let members: RawBuffer<Int32>
    let classStart: [Int]
    let slotsBefore: RawBuffer<Int>
    let largestRow: Int

    init(nodeCount n: Int, rowStart: RawBuffer<Int>, rowTargets: RawBuffer<Int32>) {
        nodeCount = n
        self.rowStart = rowStart
        self.rowTargets = rowTargets
        // Greedy colouring, largest degree first (a self-loop counts twice in the degree),
        // ties by index: a counting sort by degree, stable in index order.
        let degree = RawBuffer(n, 0)
        defer { degree.free() }
        var maxDegree = 0, largestRow = 0
        for u in 0..<n {
            let lo = rowStart[u], hi = rowStart[u + 1]
            var d = hi - lo
            for slot in lo..<hi where Int(rowTargets[slot]) == u { d += 1 }
            degree[u] = d
            maxDegree = max(maxDegree, d); largestRow = max(largestRow, hi - lo)
        }
        self.largestRow = largestRow
        let firstOfDegree = RawBuffer(maxDegree + 2, 0)  // position of degree d's first node
        defer { firstOfDegree.free() }
        for u in 0..<n { firstOfDegree[degree[u]] += 1 }
        var before = 0
        for d in stride(from: maxDegree, through: 0, by: -1) {
            let count = firstOfDegree[d]; firstOfDegree[d] = before; before += count
        }
        let byDegree = RawBuffer(n, Int32(0)), color = RawBuffer(n, Int32(-1)), colorUsed = RawBuffer(n + 1, -1)
        defer { byDegree.free(); color.free(); colorUsed.free() }
        for u in 0..<n {
            byDegree[firstOfDegree[degree[u]]] = Int32(u); firstOfDegree[degree[u]] += 1
        }
        var colorCount = 0
        for i in 0..<n {
            let u = Int(byDegree[i])
            for slot in rowStart[u]..<rowStart[u + 1] {
                let c = color[Int(rowTargets[slot])]
                if c >= 0 { colorUsed[Int(c)] = u }
            }
            var c = 0
            while colorUsed[c] == u { c += 1 }
            color[u] = Int32(c)
            colorCount = max(colorCount, c + 1)
        }
        // The classes, each in index order.
        var classStart = [Int](repeating: 0, count: colorCount + 1)
        for u in 0..<n { classStart[Int(color[u]) + 1] += 1 }
        for c in 0..<colorCount { classStart[c + 1] += classStart[c] }
        self.classStart = classStart
        var cursor = classStart
        members = RawBuffer(n, Int32(0))
        for u in 0..<n {
            let c = Int(color[u])
            members[cursor[c]] = Int32(u); cursor[c] += 1
        }
        slotsBefore = RawBuffer(n + 1, 0)
        for i in 0..<n {
            let u = Int(members[i])
            slotsBefore[i + 1] = slotsBefore[i] + rowStart[u + 1] - rowStart[u]
        }
    }

    /// What one worker owns: its label counts, the labels it counted, its marks of nodes to
    /// evaluate again and whether it changed a label this round.
    struct Worker: Sendable {
        let frequency: RawBuffer<Int32>
        let touched: RawBuffer<Int32>
        let marked: RawBuffer<UInt8>
        let changed: RawBuffer<UInt8>

        init(nodeCount n: Int, largestRow: Int) {
            frequency = RawBuffer(n, 0); touched = RawBuffer(largestRow, 0)
            marked = RawBuffer(n, 0); changed = RawBuffer(1, 0)
        }

        func free() { frequency.free(); touched.free(); marked.free(); changed.free() }
    }

    /// Evaluates the marked nodes at positions `lo..<hi` of ``members`` as worker `me`, the
    /// other worker's marks in `other`. Nodes of one class are not adjacent, so the labels read
    /// here are not written during the class, and each worker writes labels and marks only of
    /// its own nodes and of the neighbours it marks in its own buffer.
    @inline(__always)
    func evaluate(_ lo: Int, _ hi: Int, label: RawBuffer<Int32>, me: Worker, other: Worker) {
        for i in lo..<hi {
            let u = Int(members[i])
            guard me.marked[u] | other.marked[u] != 0 else { continue }
            me.marked[u] = 0; other.marked[u] = 0
            // The labels of maximal frequency among u's neighbours: how many there are, the
            // largest of them, and whether u's own label is one.
            let start = rowStart[u], end = rowStart[u + 1]
            var best: Int32 = 0, touchedCount = 0
            for slot in start..<end {
                let l = Int(label[Int(rowTargets[slot])])
                let f = me.frequency[l]
                if f == 0 { me.touched[touchedCount] = Int32(l); touchedCount += 1 }
                me.frequency[l] = f + 1
                best = max(best, f + 1)
            }
            let own = label[u]
            var count = 0, largest = Int32.min, holdsOwn = false
            for t in 0..<touchedCount {
                let l = me.touched[t]
                if me.frequency[Int(l)] == best {
                    count += 1
                    largest = max(largest, l)
                    if l == own { holdsOwn = true }
                }
                me.frequency[Int(l)] = 0
            }
            // One most frequent label: take it; several: keep one's own if it is among them,
            // else take the largest (Prec-Max).
            guard (count == 1 || !holdsOwn) && largest != own else { continue }
            label[u] = largest
            me.changed[0] = 1
            for slot in start..<end { me.marked[Int(rowTargets[slot])] = 1 }
        }
    }

    func run(workers: Int, parallelSlots: Int) -> [Int32] {
        let n = nodeCount
        let label = RawBuffer(n, Int32(0))
        let first = Worker(nodeCount: n, largestRow: largestRow), second = Worker(nodeCount: n, largestRow: largestRow)
        defer { label.free(); first.free(); second.free(); members.free(); slotsBefore.free() }
        for u in 0..<n {
            label[u] = Int32(u)
            if rowStart[u + 1] > rowStart[u] { first.marked[u] = 1 }
        }
        let propagation = self
        // The helper evaluates the second half of a class: positions packed as mid << 32 | hi.
        let helper = workers > 1
            ? HelperThread { packed in
                propagation.evaluate(packed >> 32, packed & 0xFFFF_FFFF, label: label, me: second, other: first)
            }
            : nil
        defer { helper?.stop() }
        repeat {
            first.changed[0] = 0; second.changed[0] = 0
            for c in 0..<classStart.count - 1 {
                let lo = classStart[c], hi = classStart[c + 1]
                let slots = slotsBefore[hi] - slotsBefore[lo]
                guard let helper, slots >= parallelSlots, hi - lo > 1 else {
                    evaluate(lo, hi, label: label, me: first, other: second)
                    continue
                }
                // The first position from which half the class's slots remain.
                var a = lo, b = hi
                while a < b {
                    let m = (a + b) / 2
                    if 2 * (slotsBefore[m] - slotsBefore[lo]) < slots { a = m + 1 } else { b = m }
                }
                let mid = a
                helper.post(mid << 32 | hi)
                evaluate(lo, mid, label: label, me: first, other: second)
                helper.wait()
            }
        } while first.changed[0] | second.changed[0] != 0
        return label.array
    }
}
