import Foundation
import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// Shared helpers for the path tests: fixture lists and an independent brute-force reference.
enum PathFixtures {
    /// Every graph whose fixture has the path keys (all undirected graphs and `directed`).
    static let graphs = ["karate", "florentine", "lesmis", "davis", "weighted", "components", "gnp-50", "ba-200", "planted", "directed"]
    static let weighted = ["karate", "lesmis", "weighted"]

    static func entries(_ expected: [String: Any], _ key: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> [[String: Any]] {
        let list = try #require(expected[key] as? [[String: Any]], "fixture key \(key) missing", sourceLocation: sourceLocation)
        try #require(!list.isEmpty, "fixture key \(key) is empty", sourceLocation: sourceLocation)
        return list
    }

    static func node(_ index: GraphIndex, _ id: Any?, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
        let text = try #require(id as? String, sourceLocation: sourceLocation)
        return try #require(index.index(of: text), "unknown node \(text)", sourceLocation: sourceLocation)
    }

    /// Every simple path from `source` to `target` by depth-first enumeration, with its cost:
    /// a reference that shares no code with the searches under test (small graphs only).
    static func allSimplePaths(_ index: GraphIndex, from source: Int, to target: Int, weighted: Bool,
                               allowed: (Int) -> Bool = { _ in true }) -> [Path] {
        var result: [Path] = []
        var onPath = [Bool](repeating: false, count: index.nodeCount)
        var stack = [source]
        onPath[source] = true
        func extend(_ cost: Double) {
            let u = stack[stack.count - 1]
            if u == target {
                result.append(Path(nodes: stack, cost: cost))
                return
            }
            for slot in index.offsets[u]..<index.offsets[u + 1] {
                let v = Int(index.targets[slot])
                guard !onPath[v], v == target || allowed(v) else { continue }
                onPath[v] = true; stack.append(v)
                extend(cost + (weighted ? index.weights[slot] : 1))
                stack.removeLast(); onPath[v] = false
            }
        }
        extend(0)
        return result.sorted { $0.cost < $1.cost }
    }
}
