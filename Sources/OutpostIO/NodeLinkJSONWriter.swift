import Foundation
import OutpostGraph

/// Writes a ``Graph`` as node-link JSON, as NetworkX 3's `node_link_data(G, edges="edges")`
/// writes it and `node_link_graph(data, edges="edges")` reads it (D3 reads the same shape).
///
/// `{"directed", "multigraph", "graph": {…}, "nodes": [{"id", …}], "edges": [{"source",
/// "target", "key"?, …}]}`. NetworkX before 3.6 calls the edge list `links` by default; this
/// writer always says `edges` (pass `edges="edges"` to older NetworkX). Node labels are written
/// as `label`; attributes as strings; a weight only when some weight differs from 1. With
/// `multigraph`, each edge's `id` attribute (or its position) is its `key`, as NetworkX keys
/// a `MultiDiGraph`'s parallel edges. Keys are sorted, so the same graph gives the same bytes.
public struct NodeLinkJSONWriter {
    /// Write `"multigraph": true` and a `key` per edge (a dataset: one edge per relation).
    public var multigraph: Bool
    /// Graph-level attributes (`graph` object).
    public var graphAttributes: [String: String]

    public init(multigraph: Bool = false, graphAttributes: [String: String] = [:]) {
        self.multigraph = multigraph
        self.graphAttributes = graphAttributes
    }

    /// Writes the file atomically: a failed write leaves no partial file.
    public func write(_ graph: Graph, to path: String) throws {
        try writeAtomically(write(graph), to: path)
    }

    public func write(_ graph: Graph) -> String {
        let weighted = graph.edgeWeights.contains { $0 != 1 }
        var nodes: [[String: JSONScalar]] = []
        for v in 0..<graph.nodeCount {
            var node = graph.nodeAttributes[v].mapValues(JSONScalar.string)
            if let label = graph.nodeLabels[v] { node["label"] = .string(label) }
            node["id"] = .string(graph.nodeIDs[v])
            nodes.append(node)
        }
        var edges: [[String: JSONScalar]] = []
        for e in 0..<graph.edgeCount {
            var edge = graph.attributes(ofEdge: e).mapValues(JSONScalar.string)
            if weighted { edge["weight"] = .number(graph.edgeWeights[e]) }
            if multigraph { edge["key"] = edge["id"] ?? .number(Double(e)) }
            edge["source"] = .string(graph.nodeIDs[Int(graph.edgeSources[e])])
            edge["target"] = .string(graph.nodeIDs[Int(graph.edgeTargets[e])])
            edges.append(edge)
        }
        let document = NodeLinkDocument(directed: graph.isDirected, multigraph: multigraph, graph: graphAttributes, nodes: nodes, edges: edges)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(document)) ?? Data(), as: UTF8.self) + "\n"
    }
}

private struct NodeLinkDocument: Encodable {
    var directed: Bool
    var multigraph: Bool
    var graph: [String: String]
    var nodes: [[String: JSONScalar]]
    var edges: [[String: JSONScalar]]
}

/// A string or a number in node-link JSON.
enum JSONScalar: Encodable {
    case string(String)
    case number(Double)

    func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case let .string(text): try container.encode(text)
        case let .number(value):
            if value == value.rounded(), abs(value) < 1e15 { try container.encode(Int(value)) } else { try container.encode(value) }
        }
    }
}
