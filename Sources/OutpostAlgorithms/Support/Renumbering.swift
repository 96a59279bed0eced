/// A permutation of node numbers, used to put nodes that are visited together next to each
/// other in memory.
struct Renumbering: Sendable {
    /// `newIndex[v]` is the new number of original node `v`.
    let newIndex: [Int32]
    /// `originalIndex[u]` is the original node numbered `u`.
    let originalIndex: [Int32]

    /// The renumbering that lists the original nodes in `order`, which must hold each node once.
    init(order originalIndex: [Int32]) {
        var newIndex = [Int32](repeating: 0, count: originalIndex.count)
        for (u, v) in originalIndex.enumerated() { newIndex[Int(v)] = Int32(u) }
        self.newIndex = newIndex
        self.originalIndex = originalIndex
    }

    /// Nodes grouped by `labels` (compact in `0..<count`), groups in label order and nodes in
    /// their current order within a group.
    init(grouping labels: [Int32], count: Int) {
        var start = [Int](repeating: 0, count: count + 1)
        for label in labels { start[Int(label) + 1] += 1 }
        for c in 0..<count { start[c + 1] += start[c] }
        var order = [Int32](repeating: 0, count: labels.count)
        for (v, label) in labels.enumerated() {
            order[start[Int(label)]] = Int32(v); start[Int(label)] += 1
        }
        self.init(order: order)
    }

    /// `values` indexed by new number, returned indexed by original node.
    func restoringOriginalOrder<Value>(_ values: [Value]) -> [Value] {
        newIndex.map { values[Int($0)] }
    }

    /// `values` indexed by original node, returned indexed by new number.
    func applied<Value>(to values: [Value]) -> [Value] {
        originalIndex.map { values[Int($0)] }
    }
}
