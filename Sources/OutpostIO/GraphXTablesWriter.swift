import Foundation
import OutpostGraph

/// Writes a graph as the two tables a Spark GraphX job loads (`spark.read.option("header",
/// "true").csv`): `vertices.csv` with `vid` (a 64-bit vertex id, the node's index, as GraphX
/// needs), `id`, `label`, `kind`, and `edges.csv` with `src`, `dst` (vids), `id`, `relation`,
/// `status`, `weight`; one row per edge (for a dataset export, one per relation). CSV quoting is
/// ``CSVText``'s. `Benchmarks/graphx/outpost-graphx.scala` reads them.
public struct GraphXTablesWriter {
    public init() {}

    /// Writes both tables into `folder` (created if missing), each atomically; returns their paths.
    @discardableResult
    public func write(_ graph: Graph, toFolder folder: String) throws -> [String] {
        try createFolder(folder)
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        var vertices = "vid,id,label,kind\n"
        for v in 0..<graph.nodeCount {
            vertices += CSVText.row([String(v), graph.nodeIDs[v], graph.nodeLabels[v] ?? "", graph.nodeAttributes[v]["kind"] ?? ""])
        }
        var edges = "src,dst,id,relation,status,weight\n"
        for e in 0..<graph.edgeCount {
            let attributes = graph.attributes(ofEdge: e)
            edges += CSVText.row([String(graph.edgeSources[e]), String(graph.edgeTargets[e]), attributes["id"] ?? String(e),
                                  attributes["relation"] ?? "", attributes["status"] ?? "", "\(graph.edgeWeights[e])"])
        }
        try writeAtomically(vertices, to: base + "vertices.csv")
        try writeAtomically(edges, to: base + "edges.csv")
        return [base + "vertices.csv", base + "edges.csv"]
    }
}
