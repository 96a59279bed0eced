import ArgumentParser
import Foundation
import Outpost

/// An error a command reports on stderr with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension LoadedGraph {
    /// Finds a node of the loaded graph from a command-line argument: for a dataset an entity
    /// id, name or alias (``Dataset/resolveEntity(_:)``, which lists candidates when unsure);
    /// for a plain graph a node id, or a label that names exactly one node.
    ///
    /// - Returns: the node index, or nil when the entity exists but the filters left it out.
    func node(_ query: String) throws -> (index: Int?, id: String) {
        if let dataset {
            let entity = dataset.entities[try dataset.resolveEntity(query)]
            return (graph.index(of: entity.id), entity.id)
        }
        if let index = graph.index(of: query) { return (index, query) }
        let labelled = (0..<graph.nodeCount).filter { graph.nodeLabels[$0] == query }
        if labelled.count == 1 { return (labelled[0], graph.nodeIDs[labelled[0]]) }
        if labelled.count > 1 {
            throw CommandFailure("'\(query)' is the label of \(labelled.count) nodes; give one of their ids: "
                                 + labelled.prefix(10).map { graph.nodeIDs[$0] }.joined(separator: ", "))
        }
        let needle = query.lowercased()
        let near = graph.nodeIDs.filter { $0.lowercased().contains(needle) }.prefix(10)
        if near.isEmpty { throw CommandFailure("no node has the id '\(query)' in \(input.pathDescription)") }
        throw CommandFailure("no node has the id '\(query)'. Did you mean one of these?\n" + near.map { "  \($0)" }.joined(separator: "\n"))
    }

    /// The index algorithms run on, built from `graph` (the loaded graph by default).
    ///
    /// Parallel edges merge as the input means them: a dataset's relations between the same two
    /// entities make one link weighing their number; a plain graph's repeated pair keeps its
    /// last weight, as NetworkX's `Graph` does — and since that drops edges from the file, it
    /// says so on stderr.
    func index(_ graph: Graph? = nil) -> GraphIndex {
        let index = GraphIndex(graph ?? self.graph, merge: dataset == nil ? .keepLast : .sum)
        if dataset == nil && index.mergedEdgeCount > 0 {
            printError("warning: \(index.mergedEdgeCount) edge(s) repeat a pair listed before (for an undirected graph, b–a after a–b counts); each pair is kept once with its last weight, as NetworkX does")
        }
        return index
    }

    /// The display name of a node: the entity's name, or the node label or id.
    func name(of node: Int) -> String { graph.name(of: node) }
}

extension LoadedInput {
    var pathDescription: String {
        switch self {
        case .dataset(let d): return "dataset \(d.name)"
        case .plain: return "the graph"
        }
    }
}

/// Writes a graph to a `.graphml` (or `.xml`) or `.csv` file, chosen by the extension.
func writeGraph(_ graph: Graph, to path: String) throws {
    switch URL(fileURLWithPath: path).pathExtension.lowercased() {
    case "graphml", "xml":
        try GraphMLWriter().write(graph, to: path)
    case "csv":
        let writer = EdgeListWriter()
        let lost = writer.nodesLost(in: graph)
        if !lost.isEmpty {
            let names = lost.prefix(5).map { graph.nodeIDs[$0] }.joined(separator: ", ")
            printError("warning: \(path): an edge list cannot hold nodes without edges; \(lost.count) left out (\(names)\(lost.count > 5 ? ", …" : "")); write .graphml to keep them")
        }
        try writer.write(graph, to: path)
    default:
        throw ValidationError("-o \(path): write a .graphml or a .csv file")
    }
}

/// The dataset graph prepared for export: each edge gains its relation's `sources`
/// (space-separated source ids), and a relation added in both directions (undirected types in
/// a directed view) is written once.
func exportable(_ graph: Graph, dataset: Dataset?) -> Graph {
    guard let dataset else { return graph }
    var out = Graph(directed: graph.isDirected)
    for v in 0..<graph.nodeCount { out.addNode(graph.nodeIDs[v], label: graph.nodeLabels[v], attributes: graph.nodeAttributes[v]) }
    var written = Set<Int>()
    for e in 0..<graph.edgeCount {
        var attributes = graph.attributes(ofEdge: e)
        if let r = graph.relation(ofEdge: e) {
            guard written.insert(r).inserted else { continue }
            attributes["sources"] = dataset.relations[r].citations.map(\.source).joined(separator: " ")
        }
        out.addEdge(Int(graph.edgeSources[e]), Int(graph.edgeTargets[e]), weight: graph.edgeWeights[e],
                    attributes: attributes.isEmpty ? nil : attributes)
    }
    return out
}
