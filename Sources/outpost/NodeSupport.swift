import ArgumentParser
import Foundation
import Outpost

/// An error a command reports on stderr with exit code 1.
struct CommandFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

extension LoadedNetwork {
    /// Says on stderr how many edges `index` left out of a plain graph, if any.
    func noteMerges(in index: GraphIndex) { noteMerges(count: droppedEdgeCount(in: index)) }

    /// Says on stderr that `dropped` edges of a plain graph repeated a pair, if any.
    func noteMerges(count dropped: Int) {
        if dropped > 0 {
            printError("warning: \(dropped) edge(s) repeat a pair listed before (for an undirected graph, b–a after a–b counts); each pair is kept once with its last weight, as NetworkX does")
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
