import OutpostGraph

extension GraphIndex {
    /// Strongly connected components (Tarjan 1972, iterative), as NetworkX's
    /// `strongly_connected_components`. On an undirected graph these are the connected
    /// components.
    /// - Returns: components as sorted node-index lists, largest first, ties by smallest member.
    /// - Complexity: O(*V* + *E*) time and space.
    public func stronglyConnectedComponents() -> [[Int]] {
        guard isDirected else { return connectedComponents() }
        let n = nodeCount
        var index = [Int](repeating: -1, count: n)
        var low = [Int](repeating: 0, count: n)
        var onStack = [Bool](repeating: false, count: n)
        var stack: [Int] = []
        var components: [[Int]] = []
        var counter = 0
        var callStack: [(node: Int, slot: Int)] = []
        for root in 0..<n where index[root] < 0 {
            callStack.append((root, offsets[root]))
            index[root] = counter; low[root] = counter; counter += 1
            stack.append(root); onStack[root] = true
            while !callStack.isEmpty {
                let (v, slot) = callStack[callStack.count - 1]
                if slot < offsets[v + 1] {
                    callStack[callStack.count - 1].slot += 1
                    let w = Int(targets[slot])
                    if index[w] < 0 {
                        index[w] = counter; low[w] = counter; counter += 1
                        stack.append(w); onStack[w] = true
                        callStack.append((w, offsets[w]))
                    } else if onStack[w] {
                        low[v] = min(low[v], index[w])
                    }
                } else {
                    callStack.removeLast()
                    if let parent = callStack.last { low[parent.node] = min(low[parent.node], low[v]) }
                    if low[v] == index[v] {
                        var component: [Int] = []
                        while true {
                            let w = stack.removeLast()
                            onStack[w] = false
                            component.append(w)
                            if w == v { break }
                        }
                        components.append(component.sorted())
                    }
                }
            }
        }
        return components.sorted { $0.count != $1.count ? $0.count > $1.count : $0[0] < $1[0] }
    }
}
