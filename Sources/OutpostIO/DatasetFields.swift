import Foundation
import OutpostGraph

/// One attribute an export of a dataset writes: its name and its value type.
struct ExportField: Sendable, Hashable {
    enum ValueType: Sendable, Hashable { case string, integer, boolean }

    let name: String
    let type: ValueType
    /// Written for other tools' convenience and recomputed on reading, never read back
    /// (`layer`, `directed`, `sources`, `citation_count` follow from the other fields).
    let isDerived: Bool

    init(_ name: String, _ type: ValueType = .string, derived: Bool = false) {
        self.name = name
        self.type = type
        self.isDerived = derived
    }
}

/// The one list of what an export of a dataset writes, and how it is read back: every format
/// that holds a dataset (GraphML, GEXF, node-link JSON, CSV) writes these fields under these
/// names with these encodings, and every reader rebuilds the dataset through ``dataset(from:)``.
///
/// - graph: `name`, `title`, `description`, `filter` (what the view kept), `sources` (every
///   source of the dataset, a JSON array of objects with `id`, `title`, `publisher`, `date`,
///   `url`, `file`, `note`), `totals` (the published totals, a JSON array of objects with
///   `label`, `measure`, `value`, `countries`, `scope`, `country`, `date`, `citations`).
/// - node (one per entity, id = entity id): `label` (the name), `kind`, `aliases` (JSON array
///   of strings), `country`, `city`, `attributes` (JSON object of strings), `citations`.
/// - edge (one per relation, id = `r` and the relation's position in the whole dataset):
///   `relation` (type), `layer`, `status`, `directed` (boolean), `start`, `end`, `date` (as
///   written: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`), `by` and `sources` (ids separated by one
///   space), `note`, `citations`, `citation_count` (integer).
///
/// `citations` is a JSON array of `{"source": id, "excerpt": text}` objects, in the dataset's
/// order; absent fields are left out of every JSON object. JSON is written with sorted keys, so
/// the same view always gives the same bytes.
///
/// **How a file is recognised as an export**: its graph has a `sources` attribute, its nodes a
/// `kind` and its edges `relation`, `status` and `citations` (``isExport(graph:node:edge:)``).
/// Names survive NetworkX and igraph, so a file they read and wrote again is still recognised.
enum DatasetFields {
    static let graph = [ExportField("name"), ExportField("title"), ExportField("description"), ExportField("filter", derived: true),
                        ExportField("sources"), ExportField("totals")]
    static let node = [ExportField("label"), ExportField("kind"), ExportField("aliases"), ExportField("country"),
                       ExportField("city"), ExportField("attributes"), ExportField("citations")]
    static let edge = [ExportField("relation"), ExportField("layer", derived: true), ExportField("status"),
                       ExportField("directed", .boolean, derived: true), ExportField("start"), ExportField("end"),
                       ExportField("date"), ExportField("by"), ExportField("note"), ExportField("sources", derived: true),
                       ExportField("citations"), ExportField("citation_count", .integer, derived: true)]

    /// The edge id of relation `index` (its position in the whole dataset, so a filtered
    /// export keeps the ids).
    static func edgeID(_ index: Int) -> String { "r\(index)" }

    /// Whether attribute names (as a reader found them declared or used) are those of an export.
    static func isExport(graph: Set<String>, node: Set<String>, edge: Set<String>) -> Bool {
        graph.contains("sources") && node.contains("kind") && edge.isSuperset(of: ["relation", "status", "citations"])
    }

    // MARK: Writing

    static func values(of view: DatasetView) -> [String: String] {
        let dataset = view.dataset
        var values = ["name": dataset.name, "filter": view.filter.summary,
                      "sources": json(dataset.sources.map(unlocated))]
        values["title"] = dataset.title
        values["description"] = dataset.description
        if !dataset.totals.isEmpty { values["totals"] = json(dataset.totals.map(unlocated)) }
        return values
    }

    static func values(of entity: Entity) -> [String: String] {
        var values = ["label": entity.name, "kind": entity.kind.rawValue]
        if !entity.aliases.isEmpty { values["aliases"] = json(entity.aliases) }
        values["country"] = entity.country
        values["city"] = entity.city
        if !entity.attributes.isEmpty { values["attributes"] = json(entity.attributes) }
        if !entity.citations.isEmpty { values["citations"] = json(entity.citations.map(unlocated)) }
        return values
    }

    static func values(of relation: Relation) -> [String: String] {
        var values = ["relation": relation.type.rawValue, "layer": relation.layer.rawValue,
                      "status": relation.status.rawValue, "directed": relation.isDirected ? "true" : "false",
                      "sources": relation.citations.sourceIDs.joined(separator: " "),
                      "citations": json(relation.citations.map(unlocated)),
                      "citation_count": String(relation.citations.count)]
        values["start"] = relation.start?.description
        values["end"] = relation.end?.description
        values["date"] = relation.date?.description
        if !relation.by.isEmpty { values["by"] = relation.by.joined(separator: " ") }
        values["note"] = relation.note
        return values
    }

    static func unlocated(_ citation: Citation) -> Citation {
        var copy = citation
        copy.location = nil
        return copy
    }

    static func unlocated(_ source: Source) -> Source {
        var copy = source
        copy.location = nil
        return copy
    }

    static func unlocated(_ total: PublishedTotal) -> PublishedTotal {
        var copy = total
        copy.location = nil
        copy.citations = copy.citations.map(unlocated)
        return copy
    }

    /// JSON text with sorted keys and unescaped slashes (stable bytes, readable URLs).
    static func json<T: Encodable>(_ value: T) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(value)) ?? Data(), as: UTF8.self)
    }

    // MARK: Reading back

    /// What a reader found in a file that is an export: the graph with every node and edge
    /// attribute under its field name (edges keep their `id`), the graph's own attributes,
    /// and where each node and edge was written, for messages.
    struct Exported {
        var graph: Graph
        var graphValues: [String: String]
        var graphLocation: SourceLocation
        var nodeLocations: [SourceLocation]
        var edgeLocations: [SourceLocation]
    }

    /// The input `exported` holds: the dataset when the attribute names (as the file declares
    /// or uses them) are an export's (``isExport(graph:node:edge:)``), else the plain graph.
    /// - Returns: the input and the dataset's warnings.
    static func input(_ exported: Exported, graphNames: Set<String>, nodeNames: Set<String>,
                      edgeNames: Set<String>) throws -> (LoadedInput, [Diagnostic]) {
        guard isExport(graph: graphNames, node: nodeNames, edge: edgeNames) else { return (.plain(exported.graph), []) }
        let (dataset, warnings) = try dataset(from: exported)
        return (.dataset(dataset), warnings)
    }

    /// The input `exported` holds, judged by the attributes its nodes and edges have (for formats
    /// that declare no keys: GML, node-link JSON).
    static func input(_ exported: Exported) throws -> (LoadedInput, [Diagnostic]) {
        let graph = exported.graph
        return try input(exported, graphNames: Set(exported.graphValues.keys), nodeNames: Set(graph.nodeAttributes.flatMap(\.keys)),
                         edgeNames: Set((0..<graph.edgeCount).flatMap { graph.attributes(ofEdge: $0).keys }))
    }

    /// Rebuilds the dataset an export holds, and checks it as a dataset read from YAML is
    /// checked (``Dataset/validate(skippingKindChecksFor:)``). Derived fields are recomputed;
    /// an empty value counts as absent (igraph writes `""` for an attribute an element lacks).
    /// In a filtered export (its `filter` is not every layer), a `by` or a total's `scope` that
    /// names an entity the filter left out is a warning, not an error.
    ///
    /// - Returns: the dataset and its warnings.
    /// - Throws: ``DiagnosticsError`` with every problem found, each at the line of the node,
    ///   edge or graph it is in: an unknown kind, type or status, a date that does not parse,
    ///   JSON that is not what the field holds, a missing name; then what validation finds.
    static func dataset(from exported: Exported) throws -> (Dataset, [Diagnostic]) {
        var problems: [Diagnostic] = []
        func problem(_ at: SourceLocation, _ message: String, _ hint: String) {
            problems.append(Diagnostic(.error, at: at, message, hint: hint))
        }
        func decode<T: Decodable>(_ type: T.Type, _ text: String?, field: String, of owner: String,
                                  at location: SourceLocation, shape: String) -> T? {
            guard let text else { return nil }
            do {
                return try JSONDecoder().decode(T.self, from: Data(text.utf8))
            } catch {
                problem(location, "\(owner): \(field) is not \(shape): \(printable(text, limit: 60))",
                        "write it as Outpost exports it (\(shape)), or leave the attribute out")
                return nil
            }
        }
        func date(_ text: String?, field: String, of owner: String, at location: SourceLocation) -> PartialDate? {
            guard let text else { return nil }
            guard let value = PartialDate(text.trimmingCharacters(in: .whitespaces)) else {
                problem(location, "\(owner): \(field) '\(printable(text))' is not a date", "write YYYY, YYYY-MM or YYYY-MM-DD")
                return nil
            }
            return value
        }
        func word<T: RawRepresentable & CaseIterable>(_ type: T.Type, _ text: String?, field: String, of owner: String,
                                                        at location: SourceLocation) -> T? where T.RawValue == String {
            guard let text else {
                problem(location, "\(owner) has no \(field)", "give it one of: \(T.allCases.map(\.rawValue).joined(separator: ", "))")
                return nil
            }
            guard let value = T(rawValue: text) else {
                let near = suggestions(for: text, in: T.allCases.map(\.rawValue))
                problem(location, "\(owner): \(field) '\(printable(text))' is not one of \(T.allCases.map(\.rawValue).joined(separator: ", "))",
                        near.isEmpty ? "use one of the words listed" : "did you mean \(near.map { "'\($0)'" }.joined(separator: " or "))?")
                return nil
            }
            return value
        }

        // An empty value is an absent one: igraph writes "" for a string attribute a node or
        // edge lacks, and no field of an export is ever empty.
        let graph = exported.graph
        let values = exported.graphValues.filter { !$0.value.isEmpty }
        let sources = decode([Source].self, values["sources"], field: "sources", of: "the graph", at: exported.graphLocation,
                             shape: "a JSON array of sources ({\"id\", \"title\", \"url\", …})") ?? []
        let totals = decode([PublishedTotal].self, values["totals"], field: "totals", of: "the graph", at: exported.graphLocation,
                            shape: "a JSON array of totals ({\"label\", \"measure\", \"value\", …})") ?? []

        var entities: [Entity] = []
        var unknownKinds = Set<String>()
        for v in 0..<graph.nodeCount {
            let id = graph.nodeIDs[v], attributes = graph.nodeAttributes[v].filter { !$0.value.isEmpty }, at = exported.nodeLocations[v]
            let owner = "node '\(printable(id))'"
            let kind = word(EntityKind.self, attributes["kind"], field: "kind", of: owner, at: at)
            if kind == nil { unknownKinds.insert(id) }
            guard let name = attributes["label"] ?? graph.nodeLabels[v] else {
                problem(at, "\(owner) has no label (the entity's name)", "add a label attribute with the name the sources use")
                continue
            }
            entities.append(Entity(id: id, kind: kind ?? .organisation, name: name,
                                   aliases: decode([String].self, attributes["aliases"], field: "aliases", of: owner, at: at,
                                                   shape: "a JSON array of strings") ?? [],
                                   country: attributes["country"], city: attributes["city"],
                                   attributes: decode([String: String].self, attributes["attributes"], field: "attributes", of: owner,
                                                      at: at, shape: "a JSON object of strings") ?? [:],
                                   citations: decode([Citation].self, attributes["citations"], field: "citations", of: owner, at: at,
                                                     shape: "a JSON array of {\"source\", \"excerpt\"} objects") ?? [],
                                   location: at))
        }

        var relations: [Relation] = []
        for e in 0..<graph.edgeCount {
            let attributes = graph.attributes(ofEdge: e).filter { !$0.value.isEmpty }, at = exported.edgeLocations[e]
            let from = graph.nodeIDs[Int(graph.edgeSources[e])], to = graph.nodeIDs[Int(graph.edgeTargets[e])]
            let owner = "edge \(attributes["id"].map { "'\(printable($0))' " } ?? "")\(printable(from)) → \(printable(to))"
            let type = word(RelationType.self, attributes["relation"], field: "relation", of: owner, at: at)
            let status = word(EvidenceStatus.self, attributes["status"], field: "status", of: owner, at: at)
            let start = date(attributes["start"], field: "start", of: owner, at: at)
            let end = date(attributes["end"], field: "end", of: owner, at: at)
            let day = date(attributes["date"], field: "date", of: owner, at: at)
            let citations = decode([Citation].self, attributes["citations"], field: "citations", of: owner, at: at,
                                   shape: "a JSON array of {\"source\", \"excerpt\"} objects") ?? []
            guard let type, let status else { continue }
            let by = (attributes["by"] ?? "").split(separator: " ").map(String.init)
            relations.append(Relation(from: from, type: type, to: to, status: status, by: by, start: start, end: end,
                                      date: day, note: attributes["note"], citations: citations, location: at))
        }
        if !problems.isEmpty { throw DiagnosticsError(problems) }
        let name = values["name"] ?? URL(fileURLWithPath: exported.graphLocation.file).deletingPathExtension().lastPathComponent
        let dataset = Dataset(name: name, title: values["title"], description: values["description"], sources: sources,
                              entities: entities, relations: relations, totals: totals)
        var found = dataset.validate(skippingKindChecksFor: unknownKinds)
        // A filtered export leaves out entities that `by` and a total's `scope` may name: those
        // references are expected there, and said as warnings, not errors.
        if let filter = values["filter"], filter != DatasetFilter.everything.summary {
            found = found.map { problem in
                guard problem.severity == .error,
                      problem.message.contains("`by` names unknown entity '") || problem.message.contains("has unknown scope '") else { return problem }
                return Diagnostic(.warning, at: problem.location, problem.message,
                                  hint: "the export was filtered (\(filter)) and left that entity out; export without filters to keep it")
            }
        }
        let errors = found.filter { $0.severity == .error }
        if !errors.isEmpty { throw DiagnosticsError(errors) }
        return (dataset, found)
    }
}
