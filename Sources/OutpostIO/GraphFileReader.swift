import Foundation
import OutpostGraph

/// A reader of one graph file format: what every reader (CSV, GraphML, GEXF, GML, Pajek,
/// node-link JSON) provides, and the reading of a file by its path, written once here.
public protocol GraphFileReader {
    /// The format's name in messages about the file ("GML").
    static var formatName: String { get }

    /// The graph `data` holds; `file` names it in messages.
    func read(_ data: Data, file: String) throws -> Graph
}

extension GraphFileReader {
    /// The graph in the file at `path`. - Throws: ``InputError`` when it cannot be read; what
    /// ``read(_:file:)`` throws, at the file's lines.
    public func read(at path: String) throws -> Graph {
        try read(InputBytes.read(path, expecting: Self.formatName), file: path)
    }
}

/// A reader of a format that can hold Outpost's export of a dataset (GraphML, GEXF, GML,
/// node-link JSON): it reads such a file back as the dataset, recognised as ``DatasetFields``
/// says, and any other file as a plain graph.
public protocol DatasetFileReader: GraphFileReader {
    /// The dataset `data` holds when it is an export of one (checked as a dataset read from
    /// YAML is, its errors at the file's lines), else the plain graph.
    /// - Returns: the input and the dataset's warnings.
    func readInput(_ data: Data, file: String) throws -> (LoadedInput, [Diagnostic])
}

extension DatasetFileReader {
    /// The input in the file at `path` (see ``readInput(_:file:)``).
    public func readInput(at path: String) throws -> (LoadedInput, [Diagnostic]) {
        try readInput(InputBytes.read(path, expecting: Self.formatName), file: path)
    }
}

extension DatasetFields.Exported {
    /// What a reader found, with every place a line of `file`.
    init(graph: Graph, graphValues: [String: String], file: String, graphLine: Int, nodeLines: [Int], edgeLines: [Int]) {
        self.init(graph: graph, graphValues: graphValues, graphLocation: SourceLocation(file: file, line: graphLine),
                  nodeLocations: nodeLines.map { SourceLocation(file: file, line: $0) },
                  edgeLocations: edgeLines.map { SourceLocation(file: file, line: $0) })
    }
}
