import Foundation
import OutpostGraph

/// Writes a ``Graph``'s edges as CSV that ``EdgeListReader`` reads back.
///
/// Header `source,target`, then `weight` when any weight differs from 1, then one column per
/// edge attribute (sorted by name; attributes named `source`, `target` or `weight` are left
/// out). One row per edge in edge order; fields are quoted as RFC 4180 requires; `\n` line ends.
/// An edge list cannot hold what is not an edge: nodes without edges, node labels and node
/// attributes are in the node table beside it (``nodeTable(_:)``; ``nodesLost(in:)`` names the
/// nodes an edge list alone loses), which ``EdgeListReader/read(_:file:nodeTable:nodeFile:)``
/// reads with it. Direction is not recorded (read it back with `EdgeListReader(directed: true)`).
public struct EdgeListWriter {
    public init() {}

    /// Nodes that touch no edge, which an edge list cannot hold.
    public func nodesLost(in graph: Graph) -> [Int] {
        var touched = [Bool](repeating: false, count: graph.nodeCount)
        for e in 0..<graph.edgeCount {
            touched[Int(graph.edgeSources[e])] = true
            touched[Int(graph.edgeTargets[e])] = true
        }
        return touched.indices.filter { !touched[$0] }
    }

    /// Writes the file atomically: a failed write leaves no partial file.
    public func write(_ graph: Graph, to path: String) throws {
        try writeAtomically(write(graph), to: path)
    }

    public func write(_ graph: Graph) -> String {
        let weighted = graph.edgeWeights.contains { $0 != 1 }
        let columns = Set((0..<graph.edgeCount).flatMap { graph.attributes(ofEdge: $0).keys })
            .subtracting(["source", "target", "weight"]).sorted()
        var out = CSVText.row(["source", "target"] + (weighted ? ["weight"] : []) + columns)
        for e in 0..<graph.edgeCount {
            var row = [graph.nodeIDs[Int(graph.edgeSources[e])], graph.nodeIDs[Int(graph.edgeTargets[e])]]
            if weighted { row.append("\(graph.edgeWeights[e])") }
            let attributes = graph.attributes(ofEdge: e)
            for name in columns { row.append(attributes[name] ?? "") }
            out += CSVText.row(row)
        }
        return out
    }

    /// Where the node table of the edge list at `path` goes, and where ``GraphLoader`` looks for
    /// it: `NAME.nodes.csv` beside `NAME.csv`.
    public static func nodeTablePath(forEdgeList path: String) -> String {
        (path as NSString).deletingPathExtension + ".nodes.csv"
    }

    /// Writes the node table atomically (see ``nodeTable(_:)``).
    public func writeNodeTable(_ graph: Graph, to path: String) throws {
        try writeAtomically(nodeTable(graph), to: path)
    }

    /// The nodes as CSV: `id`, then `label` when any node has one, then one column per node
    /// attribute (sorted by name), one row per node in node order; what the edge list cannot hold.
    public func nodeTable(_ graph: Graph) -> String {
        let labelled = graph.nodeLabels.contains { $0 != nil }
        let columns = Set(graph.nodeAttributes.flatMap(\.keys)).subtracting(["id", "label"]).sorted()
        var out = CSVText.row(["id"] + (labelled ? ["label"] : []) + columns)
        for v in 0..<graph.nodeCount {
            var row = [graph.nodeIDs[v]]
            if labelled { row.append(graph.nodeLabels[v] ?? "") }
            for name in columns { row.append(graph.nodeAttributes[v][name] ?? "") }
            out += CSVText.row(row)
        }
        return out
    }
}
