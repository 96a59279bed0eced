import Foundation
import OutpostGraph
import OutpostIO

/// The formats ``LoadedNetwork/export(to:format:)`` writes.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// GraphML; for a dataset lossless (``DatasetGraphMLWriter``).
    case graphML = "graphml"
    /// GEXF 1.3 (Gephi), the dates as spells; for a dataset lossless (``GEXFWriter``).
    case gexf
    /// GML as NetworkX's `write_gml` writes it, `label` the node id; for a dataset lossless (``GMLWriter``).
    case gml
    /// Pajek `.net`: structure only, one arc per relation (``PajekWriter``).
    case pajek
    /// FollowTheMoney entities as JSON lines, for Aleph (``FollowTheMoneyWriter``); datasets only.
    case ftm
    /// A folder of CSV sheets to edit in a spreadsheet (``DatasetSheetsWriter``); datasets only.
    /// `outpost import` turns them back into a YAML dataset.
    case sheets
    /// A folder with Spark GraphX's vertex and edge tables (``GraphXTablesWriter``).
    case spark
    /// A folder for Neo4j's `neo4j-admin database import full`: node and relationship CSVs with
    /// typed columns, `import.sh` and `load.cypher` (``Neo4jImportWriter``).
    case neo4j
    /// Node-link JSON as NetworkX's `node_link_data(G, edges="edges")` (``NodeLinkJSONWriter``).
    case json
    /// A CSV edge list (``EdgeListWriter``) and a node table beside it (`NAME.nodes.csv`).
    case csv

    /// The format a file name's extension names (`.graphml`/`.xml`, `.gexf`, `.gml`, `.net`, `.ftm`, `.json`, `.csv`), or nil.
    public init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "graphml", "xml": self = .graphML
        case "gexf": self = .gexf
        case "gml": self = .gml
        case "net": self = .pajek
        case "ftm": self = .ftm
        case "json": self = .json
        case "csv": self = .csv
        default: return nil
        }
    }
}

/// What an export wrote.
public struct ExportSummary: Sendable, Hashable {
    public var nodeCount: Int
    public var edgeCount: Int
    /// Every file written, the main one first.
    public var files: [String]
}

extension LoadedNetwork {
    /// Writes the whole input as the filter sees it (a dataset: every kept entity and relation,
    /// one edge per relation, with its evidence; a plain graph: as read) in `format`, atomically.
    ///
    /// - Throws: ``ExportError`` for a character the format cannot hold or a plain graph to a
    ///   format that needs a dataset (FollowTheMoney); ``InputError`` when a
    ///   file cannot be written. Nothing is left half-written.
    /// - Parameter gmlCharacters: how GML writes characters outside printable ASCII: as
    ///   character references (for NetworkX, the default) or as UTF-8 (for igraph).
    @discardableResult
    public func export(to path: String, format: ExportFormat, gmlCharacters: GMLWriter.Characters = .ascii) throws -> ExportSummary {
        let graph = view?.exportGraph() ?? self.graph
        var files = [path]
        switch format {
        case .graphML:
            if let view { try DatasetGraphMLWriter().write(view, to: path) } else { try GraphMLWriter().write(graph, to: path) }
        case .gexf:
            if let view { try GEXFWriter().write(view, to: path) } else { try GEXFWriter().write(graph, to: path) }
        case .gml:
            let writer = GMLWriter(characters: gmlCharacters)
            if let view { try writer.write(view, to: path) } else { try writer.write(graph, to: path) }
        case .pajek:
            try PajekWriter().write(graph, to: path)
        case .ftm:
            guard let view else { throw ExportError.needsDataset(format: "FollowTheMoney") }
            try FollowTheMoneyWriter().write(view, to: path)
        case .sheets:
            guard let view else { throw ExportError.needsDataset(format: "sheets") }
            files = try DatasetSheetsWriter().write(view, toFolder: path)
        case .spark:
            files = try GraphXTablesWriter().write(graph, toFolder: path)
        case .neo4j:
            if let view { files = try Neo4jImportWriter().write(view, toFolder: path) } else { files = try Neo4jImportWriter().write(graph, toFolder: path) }
        case .json:
            try NodeLinkJSONWriter(multigraph: view != nil, graphAttributes: view?.exportGraphAttributes ?? [:]).write(graph, to: path)
        case .csv:
            let nodes = EdgeListWriter.nodeTablePath(forEdgeList: path)
            let writer = EdgeListWriter()
            try writer.writeNodeTable(graph, to: nodes)
            try writer.write(graph, to: path)
            files.append(nodes)
        }
        return ExportSummary(nodeCount: graph.nodeCount, edgeCount: graph.edgeCount, files: files)
    }

    /// A graph of this input (the loaded graph, or a part of it such as an ego graph) prepared
    /// for GraphML or CSV: each edge of a dataset graph gains its relation's `sources`
    /// (space-separated source ids), and a relation added in both directions (an undirected type
    /// in a directed view) is written once. A plain graph is returned as it is.
    ///
    /// Edges keep their attributes (`relation`, `status`, `layer`); the back-reference to the
    /// relation is internal to the model and is not written.
    public func exportable(_ graph: Graph? = nil) -> Graph {
        let graph = graph ?? self.graph
        guard let dataset else { return graph }
        var out = Graph(directed: graph.isDirected)
        for v in 0..<graph.nodeCount { out.addNode(graph.nodeIDs[v], label: graph.nodeLabels[v], attributes: graph.nodeAttributes[v]) }
        var written = Set<Int>()
        for e in 0..<graph.edgeCount {
            var attributes = graph.attributes(ofEdge: e)
            if let r = graph.relation(ofEdge: e) {
                guard written.insert(r).inserted else { continue }
                attributes["sources"] = dataset.relations[r].citations.sourceIDs.joined(separator: " ")
            }
            out.addEdge(Int(graph.edgeSources[e]), Int(graph.edgeTargets[e]), weight: graph.edgeWeights[e],
                        attributes: attributes.isEmpty ? nil : attributes)
        }
        return out
    }
}
