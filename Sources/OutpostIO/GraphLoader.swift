import Foundation
import OutpostGraph

/// What a path on the command line holds: a dataset (with its evidence) or a plain graph.
public enum LoadedInput: Sendable {
    case dataset(Dataset)
    case plain(Graph)
}

/// Opens any input the tool accepts, choosing the reader from the path:
/// a folder (or `.yaml` file) is a dataset, `.csv` an edge list (with the node table
/// `NAME.nodes.csv` beside `NAME.csv` when there is one, as `outpost export` writes it), `.graphml`/`.xml` GraphML,
/// `.gexf` GEXF, `.gml` GML, `.json` node-link JSON (each a dataset again when it is Outpost's
/// export of one, ``DatasetFields``) and `.net` Pajek; or from ``inputFormat`` when it is set,
/// which standard input (the path `-`) needs.
public struct GraphLoader {
    public var directed: Bool
    /// The field separator of a CSV edge list; nil: sniffed (``EdgeListReader/delimiter``).
    public var delimiter: Character?
    /// The format, whatever the path's extension says; nil: from the path.
    public var inputFormat: Format?

    public init(directed: Bool = false, delimiter: Character? = nil, inputFormat: Format? = nil) {
        self.directed = directed
        self.delimiter = delimiter
        self.inputFormat = inputFormat
    }

    /// The path that names standard input.
    public static let standardInput = "-"

    public enum Format: String, Sendable, CaseIterable {
        case dataset, edgeList = "csv", graphML = "graphml", gexf, gml, pajek, nodeLinkJSON = "json"

        /// A format by the name a person gives it: its raw value, or `yaml`, `xml`, `net`.
        public init?(name: String) {
            switch name.lowercased() {
            case "yaml", "yml": self = .dataset
            case "xml": self = .graphML
            case "net": self = .pajek
            default: self.init(rawValue: name.lowercased())
            }
        }

        /// The names ``init(name:)`` takes, for messages: "csv, graphml, …, json or yaml".
        public static let names = "csv, graphml, gexf, gml, pajek, json or yaml"

        /// The format's name in messages.
        public var displayName: String {
            GraphLoader.extensions.first { $0.format == self }?.name ?? "YAML"
        }
    }

    /// Each file format's extensions and name, for messages.
    static let extensions: [(suffixes: [String], format: Format, name: String)] = [
        (["csv"], .edgeList, EdgeListReader.formatName), (["graphml", "xml"], .graphML, GraphMLReader.formatName),
        (["gexf"], .gexf, GEXFReader.formatName), (["gml"], .gml, GMLReader.formatName), (["net"], .pajek, PajekReader.formatName),
        (["json"], .nodeLinkJSON, NodeLinkJSONReader.formatName),
    ]

    public static func format(of path: String) throws -> Format {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw InputError.notFound(path) }
        let suffix = URL(fileURLWithPath: path).pathExtension.lowercased()
        if isDirectory.boolValue {
            if let known = extensions.first(where: { $0.suffixes.contains(suffix) }) { throw InputError.isFolder(path, expected: known.name) }
            return .dataset
        }
        if suffix == "yaml" || suffix == "yml" { return .dataset }
        guard let known = extensions.first(where: { $0.suffixes.contains(suffix) }) else { throw InputError.unknownFormat(path) }
        return known.format
    }

    /// Loads the input (`-`: standard input, read to its end, in ``inputFormat``); a dataset
    /// must be free of errors (run `outpost validate` to see them).
    public func load(_ path: String) throws -> (LoadedInput, [Diagnostic]) {
        if path == Self.standardInput {
            guard let inputFormat else { throw InputError.standardInputNeedsFormat }
            return try load(FileHandle.standardInput.readDataToEndOfFile(), file: "<stdin>", as: inputFormat)
        }
        let format = try inputFormat ?? GraphLoader.format(of: path)
        if format == .dataset {
            let (dataset, warnings) = try DatasetReader().readValid(at: path)
            return (.dataset(dataset), warnings)
        }
        if format == .edgeList {
            let nodes = EdgeListWriter.nodeTablePath(forEdgeList: path)
            if nodes != path && FileManager.default.fileExists(atPath: nodes) {
                let reader = EdgeListReader(directed: directed, delimiter: delimiter)
                return (.plain(try reader.read(InputBytes.read(path, expecting: EdgeListReader.formatName), file: path,
                                               nodeTable: InputBytes.read(nodes, expecting: EdgeListReader.formatName), nodeFile: nodes)), [])
            }
        }
        return try load(InputBytes.read(path, expecting: format.displayName), file: path, as: format)
    }

    /// Loads bytes in `format` (`file` names them in messages); a dataset is one YAML file.
    public func load(_ data: Data, file: String, as format: Format) throws -> (LoadedInput, [Diagnostic]) {
        switch format {
        case .dataset:
            let result = DatasetReader().read(data, file: file)
            let errors = result.problems.filter { $0.severity == .error }
            if !errors.isEmpty { throw DiagnosticsError(errors) }
            return (.dataset(result.dataset), result.problems)
        case .edgeList:
            return (.plain(try EdgeListReader(directed: directed, delimiter: delimiter).read(data, file: file)), [])
        case .graphML:
            return try GraphMLReader().readInput(data, file: file)
        case .gexf:
            return try GEXFReader().readInput(data, file: file)
        case .gml:
            return try GMLReader().readInput(data, file: file)
        case .nodeLinkJSON:
            return try NodeLinkJSONReader().readInput(data, file: file)
        case .pajek:
            return (.plain(try PajekReader().read(data, file: file)), [])
        }
    }
}

/// Checks that each excerpt occurs in the local copy of its source.
///
/// Runs of whitespace compare equal, and so do typographic and straight quotes and apostrophes;
/// everything else must match exactly. Sources without a `file`, or whose file is not in the
/// folder, are counted as unchecked (a warning names each missing file once).
public struct ExcerptChecker {
    public let directory: String

    public init(directory: String) { self.directory = directory }

    public struct Report: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var checked = 0
        public var unchecked = 0
    }

    static func normalise(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace && !out.isEmpty { out.unicodeScalars.append(" ") }
            pendingSpace = false
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{2032}": out.unicodeScalars.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{2033}": out.unicodeScalars.append("\"")
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public func check(_ dataset: Dataset) -> Report {
        var report = Report()
        var texts: [String: String?] = [:]
        var warned = Set<String>()
        func text(for source: Source) -> String? {
            guard let file = source.file else { return nil }
            if let cached = texts[file] { return cached }
            let path = URL(fileURLWithPath: directory).appendingPathComponent(file).path
            let loaded = (try? String(contentsOfFile: path, encoding: .utf8)).map(ExcerptChecker.normalise)
            texts[file] = loaded
            return loaded
        }
        var citations: [(Citation, String, SourceLocation?)] = []
        for e in dataset.entities { citations += e.citations.map { ($0, "entity '\(e.id)'", e.location) } }
        for r in dataset.relations {
            citations += r.citations.map { ($0, "relation \(r.from) \(r.type.rawValue) \(r.to)", r.location) }
        }
        for t in dataset.totals { citations += t.citations.map { ($0, "total '\(t.label)'", t.location) } }
        for (citation, what, location) in citations {
            guard let source = dataset.source(citation.source) else { continue }  // reported by validate()
            guard let body = text(for: source) else {
                report.unchecked += 1
                if let file = source.file, !warned.contains(file) {
                    warned.insert(file)
                    report.diagnostics.append(Diagnostic(.warning, at: source.location,
                        "source '\(source.id)': no local copy '\(file)' in \(directory)", hint: "excerpts citing it were not checked"))
                }
                continue
            }
            report.checked += 1
            if !body.contains(ExcerptChecker.normalise(citation.excerpt)) {
                report.diagnostics.append(Diagnostic(.error, at: citation.location ?? location,
                    "\(what): excerpt not found in \(source.file!): \"\(citation.excerpt)\"",
                    hint: "copy the words exactly as the source has them"))
            }
        }
        return report
    }
}
