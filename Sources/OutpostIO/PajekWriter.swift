import Foundation
import OutpostGraph

/// Writes Pajek `.net` as NetworkX's `write_pajek` writes it and its `read_pajek` (and
/// igraph's `Read_Pajek`) reads it.
///
/// `*vertices N`, then one line `n "id"` per node (numbered from 1 in node order; the label
/// is the node id, as NetworkX names nodes by it), then `*arcs` (directed) or `*edges`, one line
/// `u v weight` per edge. Pajek holds structure only: a dataset is written as its directed
/// multigraph, one arc per relation, and its names, kinds, statuses and evidence are left out
/// (export GraphML, GEXF, GML or JSON to keep them). A label holding a double quote or a line
/// break, which Pajek cannot hold, is refused with the node named.
public struct PajekWriter {
    public init() {}

    /// Writes the file atomically: a failed write leaves no partial file.
    public func write(_ graph: Graph, to path: String) throws {
        try writeAtomically(write(graph), to: path)
    }

    public func write(_ graph: Graph) throws -> String {
        var out = "*vertices \(graph.nodeCount)\n"
        for v in 0..<graph.nodeCount {
            let id = graph.nodeIDs[v]
            if let bad = id.unicodeScalars.first(where: { $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                throw ExportError.valueNotAllowed(owner: "node '\(printable(id))'", field: "id", format: "Pajek",
                                                  reason: bad == "\"" ? "holds a double quote" : "holds a line break")
            }
            out += "\(v + 1) \"\(id)\"\n"
        }
        out += graph.isDirected ? "*arcs\n" : "*edges\n"
        for e in 0..<graph.edgeCount {
            out += "\(graph.edgeSources[e] + 1) \(graph.edgeTargets[e] + 1) \(graph.edgeWeights[e])\n"
        }
        return out
    }
}
