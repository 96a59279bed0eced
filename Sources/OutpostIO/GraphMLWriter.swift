import Foundation
import OutpostGraph

/// Writes a ``Graph`` as GraphML that ``GraphMLReader`` (and NetworkX's `read_graphml`) reads back.
///
/// Node labels become a node key `label`; other node attributes and edge attributes become
/// string keys named after them; weights become an edge key `weight` of type `double` (left
/// out when every weight is 1, the reader's default). An edge attribute `id` is written as the
/// edge's `id`. Keys, nodes and edges are written in a fixed order, so the same graph always
/// gives the same bytes.
public struct GraphMLWriter {
    public init() {}

    /// Writes the file atomically: a failed write leaves no partial file.
    /// The XML declaration and the `<graphml>` start tag with its namespaces, as every GraphML file Outpost writes begins.
    static let prolog = """
        <?xml version="1.0" encoding="UTF-8"?>
        <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
        xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

        """

    public func write(_ graph: Graph, to path: String) throws {
        try writeAtomically(write(graph), to: path)
    }

    public func write(_ graph: Graph) -> String {
        let hasLabels = graph.nodeLabels.contains { $0 != nil }
        let nodeKeys = Set(graph.nodeAttributes.flatMap(\.keys)).subtracting(["label"]).sorted()
        let edgeKeys = Set((0..<graph.edgeCount).flatMap { graph.attributes(ofEdge: $0).keys }).subtracting(["id", "weight"]).sorted()
        let weighted = graph.edgeWeights.contains { $0 != 1 }

        var out = GraphMLWriter.prolog
        var keyID: [String: String] = [:]
        var next = 0
        func declare(_ name: String, for domain: String, type: String) {
            let id = "d\(next)"; next += 1
            keyID[domain + ":" + name] = id
            out += "  <key id=\"\(id)\" for=\"\(domain)\" attr.name=\"\(XMLText.escape(name))\" attr.type=\"\(type)\"/>\n"
        }
        if hasLabels { declare("label", for: "node", type: "string") }
        for name in nodeKeys { declare(name, for: "node", type: "string") }
        if weighted { declare("weight", for: "edge", type: "double") }
        for name in edgeKeys { declare(name, for: "edge", type: "string") }
        out += "  <graph edgedefault=\"\(graph.isDirected ? "directed" : "undirected")\">\n"
        for v in 0..<graph.nodeCount {
            var data: [(String, String)] = []
            if let label = graph.nodeLabels[v] { data.append((keyID["node:label"]!, label)) }
            for name in nodeKeys { if let value = graph.nodeAttributes[v][name] { data.append((keyID["node:" + name]!, value)) } }
            out += "    <node id=\"\(XMLText.escape(graph.nodeIDs[v]))\""
            Self.close(data, into: &out, element: "node")
        }
        for e in 0..<graph.edgeCount {
            let attributes = graph.attributes(ofEdge: e)
            var data: [(String, String)] = []
            if weighted { data.append((keyID["edge:weight"]!, "\(graph.edgeWeights[e])")) }
            for name in edgeKeys { if let value = attributes[name] { data.append((keyID["edge:" + name]!, value)) } }
            out += "    <edge"
            if let id = attributes["id"] { out += " id=\"\(XMLText.escape(id))\"" }
            out += " source=\"\(XMLText.escape(graph.nodeIDs[Int(graph.edgeSources[e])]))\""
            out += " target=\"\(XMLText.escape(graph.nodeIDs[Int(graph.edgeTargets[e])]))\""
            Self.close(data, into: &out, element: "edge")
        }
        out += "  </graph>\n</graphml>\n"
        return out
    }

    private static func close(_ data: [(String, String)], into out: inout String, element: String) {
        if data.isEmpty { out += "/>\n"; return }
        out += ">\n"
        for (key, value) in data { out += "      <data key=\"\(key)\">\(XMLText.escape(value))</data>\n" }
        out += "    </\(element)>\n"
    }
}
