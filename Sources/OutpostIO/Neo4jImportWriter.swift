import Foundation
import OutpostGraph

/// Writes a dataset view (or a plain graph) as a folder that Neo4j's bulk importer,
/// `neo4j-admin database import full`, loads into a new database, with the command that does it
/// (`import.sh`) and a Cypher script for after the import (`load.cypher`: constraints, indexes and
/// example Graph Data Science calls).
///
/// For a dataset (one node per entity, one relationship per relation, every field kept):
/// - `sources.csv`: `id:ID(Source)`, `:LABEL` (`Source`), `title`, `publisher`, `date`, `url`,
///   `file`, `note` (strings).
/// - `nodes.csv`: `id:ID(Entity)`, `:LABEL` (`Entity`, the FtM schema as
///   ``FollowTheMoneyWriter/schema(of:)`` names it, and the kind in UpperCamelCase:
///   `Entity;PublicBody;PublicSecurityBureau`; `organisation` has only `Entity;Organization`),
///   `name:string`, `kind:string`, `aliases:string[]`, `country:string`, `city:string`,
///   `attributes:string` (a JSON object), `sources:string[]` (the cited sources' ids),
///   `citations:string` (a JSON array of `{"source", "excerpt"}`).
/// - `relationships.csv`: `:START_ID(Entity)`, `:END_ID(Entity)`, `:TYPE` (the relation type
///   upper-cased with `_` for `-`, as Neo4j names types: `member-of` → `MEMBER_OF`), `id:string`
///   (`rN`, as in every export), `relation:string` (the type as the dataset writes it),
///   `layer:string`, `status:string`, `directed:boolean`, `start:string`, `end:string`,
///   `date:string` (dates as written: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; Neo4j's `date` type
///   needs whole days), `by:string[]`, `note:string`, `sources:string[]`, `citations:string`,
///   `citation_count:int`.
///
/// A plain graph: `nodes.csv` with `id:ID`, `:LABEL` (`Node`), `label:string` and one `string`
/// column per node attribute; `relationships.csv` with `:START_ID`, `:END_ID`, `:TYPE` (the
/// edge's `relation` attribute as above, else `LINKS`), `weight:double` and one `string` column
/// per edge attribute.
///
/// Values follow ``DatasetFields``' encodings. An empty cell is an absent property (the
/// importer sets none). Arrays are joined by the first of ``arrayDelimiters`` that no array
/// element holds (`;`, Neo4j's default, for the bundled dataset), and `import.sh` passes it as
/// `--array-delimiter`; when every candidate occurs, the export is refused, naming a value.
/// Cells are quoted by ``CSVText`` (RFC 4180, as the importer reads with its default `--quote`);
/// notes and excerpts may hold line breaks, hence `--multiline-fields=true`. Published totals and
/// the dataset's title have no node or relationship and are not written.
public struct Neo4jImportWriter {
    public init() {}

    /// The array delimiters tried, in order.
    public static let arrayDelimiters: [Character] = [";", "|", "^", "~"]

    /// The files of an export, in the order written.
    public struct Files: Sendable {
        /// File name and text, the CSV files first, then `import.sh` and `load.cypher`.
        public var contents: [(name: String, text: String)]
        /// The array delimiter the CSV files use.
        public var arrayDelimiter: Character
    }

    /// Writes ``files(_:)-(DatasetView)`` into `folder` (created if missing), each atomically.
    /// - Returns: the paths written.
    @discardableResult
    public func write(_ view: DatasetView, toFolder folder: String) throws -> [String] {
        try write(files(view), toFolder: folder)
    }

    /// Writes ``files(_:)-(Graph)`` into `folder` (created if missing), each atomically.
    @discardableResult
    public func write(_ graph: Graph, toFolder folder: String) throws -> [String] {
        try write(files(graph), toFolder: folder)
    }

    private func write(_ files: Files, toFolder folder: String) throws -> [String] {
        try createFolder(folder)
        let base = folder.hasSuffix("/") ? folder : folder + "/"
        var paths: [String] = []
        for (name, text) in files.contents {
            try writeAtomically(text, to: base + name)
            paths.append(base + name)
        }
        // import.sh is meant to be run.
        try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: base + "import.sh")
        return paths
    }

    /// The files of a dataset view's export.
    /// - Throws: ``ExportError/valueNotAllowed(owner:field:format:reason:)`` when every array
    ///   delimiter occurs in some alias, `by` or source id.
    public func files(_ view: DatasetView) throws -> Files {
        let dataset = view.dataset
        let relations = view.relationIndices.map { ($0, dataset.relations[$0]) }
        var arrays: [(owner: String, field: String, values: [String])] = []
        for entity in view.entities {
            arrays.append(("entity '\(entity.id)'", "aliases", entity.aliases))
            arrays.append(("entity '\(entity.id)'", "sources", entity.citations.sourceIDs))
        }
        for (_, relation) in relations {
            let owner = "relation \(relation.from) \(relation.type.rawValue) \(relation.to)"
            arrays.append((owner, "by", relation.by))
            arrays.append((owner, "sources", relation.citations.sourceIDs))
        }
        let delimiter = try Self.arrayDelimiter(for: arrays)
        let join = { (values: [String]) in values.joined(separator: String(delimiter)) }

        var sources = CSVText.row(["id:ID(Source)", ":LABEL", "title:string", "publisher:string", "date:string", "url:string",
                                   "file:string", "note:string"])
        for source in dataset.sources {
            sources += CSVText.row([source.id, "Source", source.title, source.publisher ?? "", source.date?.description ?? "",
                                    source.url ?? "", source.file ?? "", source.note ?? ""])
        }
        var nodes = CSVText.row(["id:ID(Entity)", ":LABEL", "name:string", "kind:string", "aliases:string[]", "country:string",
                                 "city:string", "attributes:string", "sources:string[]", "citations:string"])
        for entity in view.entities {
            let values = DatasetFields.values(of: entity)
            nodes += CSVText.row([entity.id, join(Self.labels(of: entity.kind)), entity.name, entity.kind.rawValue,
                                  join(entity.aliases), entity.country ?? "", entity.city ?? "", values["attributes"] ?? "",
                                  join(entity.citations.sourceIDs), values["citations"] ?? ""])
        }
        var relationships = CSVText.row([":START_ID(Entity)", ":END_ID(Entity)", ":TYPE", "id:string", "relation:string",
                                         "layer:string", "status:string", "directed:boolean", "start:string", "end:string",
                                         "date:string", "by:string[]", "note:string", "sources:string[]", "citations:string",
                                         "citation_count:int"])
        var types = Set<String>()
        for (r, relation) in relations {
            let values = DatasetFields.values(of: relation)
            let type = Self.relationshipType(relation.type.rawValue)
            types.insert(type)
            relationships += CSVText.row([relation.from, relation.to, type, DatasetFields.edgeID(r), relation.type.rawValue,
                                          values["layer"] ?? "", values["status"] ?? "", values["directed"] ?? "",
                                          values["start"] ?? "", values["end"] ?? "", values["date"] ?? "", join(relation.by),
                                          relation.note ?? "", join(relation.citations.sourceIDs), values["citations"] ?? "",
                                          values["citation_count"] ?? ""])
        }
        return Files(contents: [("sources.csv", sources), ("nodes.csv", nodes), ("relationships.csv", relationships),
                                ("import.sh", Self.importScript(nodeFiles: ["sources.csv", "nodes.csv"], delimiter: delimiter)),
                                ("load.cypher", Self.cypherScript(dataset: true, types: types.sorted()))],
                     arrayDelimiter: delimiter)
    }

    /// The files of a plain graph's export.
    /// - Throws: ``ExportError/nameNotAllowed(owner:name:format:rule:)`` for an attribute name
    ///   holding `:` (the importer splits a header at it).
    public func files(_ graph: Graph) throws -> Files {
        let nodeColumns = Set(graph.nodeAttributes.flatMap(\.keys)).subtracting(["id", "label"]).sorted()
        let edgeColumns = Set((0..<graph.edgeCount).flatMap { graph.attributes(ofEdge: $0).keys }).subtracting(["weight"]).sorted()
        for (names, owner) in [(nodeColumns, "a node"), (edgeColumns, "an edge")] {
            if let bad = names.first(where: { $0.contains(":") }) {
                throw ExportError.nameNotAllowed(owner: owner, name: bad, format: "Neo4j import column",
                                                 rule: "the importer reads `name:type` and splits at ':'")
            }
        }
        var nodes = CSVText.row(["id:ID", ":LABEL", "label:string"] + nodeColumns.map { $0 + ":string" })
        for v in 0..<graph.nodeCount {
            let attributes = graph.nodeAttributes[v]
            nodes += CSVText.row([graph.nodeIDs[v], "Node", graph.nodeLabels[v] ?? attributes["label"] ?? ""]
                                 + nodeColumns.map { attributes[$0] ?? "" })
        }
        var relationships = CSVText.row([":START_ID", ":END_ID", ":TYPE", "weight:double"] + edgeColumns.map { $0 + ":string" })
        var types = Set<String>()
        for e in 0..<graph.edgeCount {
            let attributes = graph.attributes(ofEdge: e)
            let type = attributes["relation"].map(Self.relationshipType) ?? "LINKS"
            types.insert(type)
            relationships += CSVText.row([graph.nodeIDs[Int(graph.edgeSources[e])], graph.nodeIDs[Int(graph.edgeTargets[e])], type,
                                          "\(graph.edgeWeights[e])"] + edgeColumns.map { attributes[$0] ?? "" })
        }
        let delimiter = Self.arrayDelimiters[0]
        return Files(contents: [("nodes.csv", nodes), ("relationships.csv", relationships),
                                ("import.sh", Self.importScript(nodeFiles: ["nodes.csv"], delimiter: delimiter)),
                                ("load.cypher", Self.cypherScript(dataset: false, types: types.sorted()))],
                     arrayDelimiter: delimiter)
    }

    /// The first of ``arrayDelimiters`` that no value holds.
    static func arrayDelimiter(for arrays: [(owner: String, field: String, values: [String])]) throws -> Character {
        var free = arrayDelimiters
        var last: (owner: String, field: String)?
        for (owner, field, values) in arrays {
            for value in values {
                let before = free.count
                free.removeAll { value.contains($0) }
                if free.count < before { last = (owner, field) }
                if free.isEmpty, let last {
                    throw ExportError.valueNotAllowed(owner: last.owner, field: last.field, format: "a Neo4j import array",
                                                      reason: "holds the last free array delimiter (the export tries \(arrayDelimiters.map { "'\($0)'" }.joined(separator: ", ")) and every one occurs in a list value)")
                }
            }
        }
        return free[0]
    }

    /// The node labels of an entity kind: `Entity`, its FtM schema, its kind in UpperCamelCase.
    public static func labels(of kind: EntityKind) -> [String] {
        let schema = FollowTheMoneyWriter.schema(of: kind)
        return kind == .organisation ? ["Entity", schema] : ["Entity", schema, upperCamelCase(kind.rawValue)]
    }

    /// A relation type as a Neo4j relationship type: upper case, `_` for every character
    /// other than a letter or digit (`member-of` → `MEMBER_OF`).
    public static func relationshipType(_ type: String) -> String {
        let mapped = String(type.uppercased().map { $0.isLetter || $0.isNumber ? $0 : "_" })
        return mapped.isEmpty ? "LINKS" : mapped
    }

    static func upperCamelCase(_ word: String) -> String {
        word.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
    }

    /// `import.sh`: the `neo4j-admin database import full` command for this folder.
    static func importScript(nodeFiles: [String], delimiter: Character) -> String {
        let nodes = nodeFiles.map { "  --nodes=\"$here/\($0)\" \\\n" }.joined()
        return """
        #!/bin/sh
        # Imports this folder (written by `outpost export --format neo4j`) into a new Neo4j 5
        # database with the bulk importer, which needs the database not to exist yet (or
        # NEO4J_OVERWRITE=true to replace it) and the DBMS to be able to read these files.
        # Usage: NEO4J_HOME=/path/to/neo4j sh import.sh [DATABASE]   (default: neo4j)
        # Then, with the database created and started (Neo4j 5 Enterprise:
        #   CREATE DATABASE name;  Community: set initial.dbms.default_database or use neo4j),
        #   cypher-shell -d DATABASE -f load.cypher
        # adds the constraints and indexes and runs the example Graph Data Science calls.
        set -eu
        here=$(cd "$(dirname "$0")" && pwd)
        admin=${NEO4J_HOME:+$NEO4J_HOME/bin/}neo4j-admin
        "$admin" database import full "${1:-neo4j}" \\
        \(nodes)  --relationships="$here/relationships.csv" \\
          --array-delimiter='\(delimiter)' --multiline-fields=true \\
          --overwrite-destination="${NEO4J_OVERWRITE:-false}"

        """
    }

    /// `load.cypher`: constraints and indexes, then example queries and GDS calls.
    static func cypherScript(dataset: Bool, types: [String]) -> String {
        let label = dataset ? "Entity" : "Node"
        var out = """
        // Run after import.sh, with the database started: cypher-shell -d DATABASE -f load.cypher
        // Written by `outpost export --format neo4j`.

        CREATE CONSTRAINT \(label.lowercased())_id IF NOT EXISTS FOR (n:\(label)) REQUIRE n.id IS UNIQUE;

        """
        if dataset {
            out += """
            CREATE CONSTRAINT source_id IF NOT EXISTS FOR (s:Source) REQUIRE s.id IS UNIQUE;
            CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
            CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);

            """
            for type in types {
                out += "CREATE INDEX \(type.lowercased())_status IF NOT EXISTS FOR ()-[r:\(type)]-() ON (r.status);\n"
            }
            out += """

            // The evidence of every relation between two entities, with its sources:
            // MATCH (a:Entity {id: 'station-amsterdam'})-[r]-(b:Entity {id: 'lishui-psb'})
            // OPTIONAL MATCH (s:Source) WHERE s.id IN r.sources
            // RETURN type(r), r.status, r.start, r.note, collect(s.title) AS sources;

            """
        }
        out += """

        // Graph Data Science (the GDS plugin): project every \(label) and every relationship,
        // undirected, as Outpost's components and PageRank read the graph (`outpost structure`,
        // `outpost centrality --measure pagerank`). Relation types are kept on each relationship.
        CALL gds.graph.project('outpost', '\(label)', {LINKED: {type: '*', orientation: 'UNDIRECTED'}})
        YIELD graphName, nodeCount, relationshipCount;

        CALL gds.wcc.stream('outpost') YIELD nodeId, componentId
        RETURN componentId, count(*) AS size ORDER BY size DESC LIMIT 10;

        CALL gds.pageRank.stream('outpost', {dampingFactor: 0.85})
        YIELD nodeId, score
        RETURN gds.util.asNode(nodeId).id AS id, gds.util.asNode(nodeId).\(dataset ? "name" : "label") AS name, score
        ORDER BY score DESC LIMIT 20;

        """
        if dataset {
            out += """

            // Only what the sources support (confirmed or reported), as `outpost path` costs
            // disputed and denied relations: a Cypher projection (GDS 2.4 or later).
            MATCH (a:Entity)-[r]->(b:Entity) WHERE r.status IN ['confirmed', 'reported']
            WITH gds.graph.project('outpost-supported', a, b, {}, {undirectedRelationshipTypes: ['*']}) AS g
            RETURN g.graphName, g.nodeCount, g.relationshipCount;

            CALL gds.graph.drop('outpost-supported', false) YIELD graphName;

            """
        }
        out += "\nCALL gds.graph.drop('outpost', false) YIELD graphName;\n"
        return out
    }
}
