import Foundation
import Testing
import OutpostGraph
@testable import OutpostIO

/// The Neo4j import folder, read back with the project's CSV scanner: Neo4j itself cannot be
/// installed here (scripts/check-interop.sh reads the files with Python's `csv` as well).
@Suite struct Neo4jImportWriterTests {
    /// Every header cell is `name:type` with a type the importer knows, or one of its special columns.
    func expectTypedHeader(_ header: [String], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let types: Set<String> = ["string", "string[]", "int", "long", "double", "boolean"]
        for cell in header {
            if cell == ":LABEL" || cell == ":TYPE" || cell.hasPrefix(":START_ID") || cell.hasPrefix(":END_ID") || cell.contains(":ID") { continue }
            let parts = cell.split(separator: ":", omittingEmptySubsequences: false)
            #expect(parts.count == 2 && !parts[0].isEmpty && types.contains(String(parts[1])), "header cell \(cell)", sourceLocation: sourceLocation)
        }
    }

    func file(_ files: Neo4jImportWriter.Files, _ name: String) throws -> String {
        try #require(files.contents.first { $0.name == name }?.text)
    }

    @Test func theBundledDatasetGivesOneRelationshipPerRelationWithItsEvidence() throws {
        let (dataset, _) = try DatasetReader().readValid(at: TestPaths.path("Graphs/overseas-police-stations"))
        let view = DatasetView(dataset, filter: .everything)
        let files = try Neo4jImportWriter().files(view)
        #expect(files.contents.map(\.name) == ["sources.csv", "nodes.csv", "relationships.csv", "import.sh", "load.cypher"])
        let d = String(files.arrayDelimiter)
        func array(_ cell: String?) -> [String] { (cell ?? "").isEmpty ? [] : cell!.components(separatedBy: d) }

        let sources = try csvRecords(file(files, "sources.csv")), nodes = try csvRecords(file(files, "nodes.csv"))
        let relationships = try csvRecords(file(files, "relationships.csv"))
        for table in [sources, nodes, relationships] { expectTypedHeader(table.header) }
        #expect(nodes.header.prefix(3) == ["id:ID(Entity)", ":LABEL", "name:string"] && nodes.header.contains("aliases:string[]"))
        #expect(relationships.header.prefix(3) == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"])

        #expect(sources.rows.map { $0["id:ID(Source)"]! } == dataset.sources.map(\.id))
        #expect(nodes.rows.count == dataset.entities.count && relationships.rows.count == dataset.relations.count)
        let entities = Dictionary(uniqueKeysWithValues: dataset.entities.map { ($0.id, $0) })
        for node in nodes.rows {
            let entity = try #require(entities[node["id:ID(Entity)"]!])
            #expect(node["name:string"] == entity.name && node["kind:string"] == entity.kind.rawValue)
            #expect(array(node[":LABEL"]).first == "Entity" && array(node[":LABEL"]).contains(FollowTheMoneyWriter.schema(of: entity.kind)))
            #expect(array(node["aliases:string[]"]) == entity.aliases, "aliases of \(entity.id)")
            #expect(array(node["sources:string[]"]) == entity.citations.sourceIDs)
        }
        let sourceIDs = Set(dataset.sources.map(\.id))
        for row in relationships.rows {
            let id = try #require(row["id:string"]), index = try #require(Int(id.dropFirst()))
            let relation = dataset.relations[index]
            #expect(row[":START_ID(Entity)"] == relation.from && row[":END_ID(Entity)"] == relation.to && entities[relation.from] != nil && entities[relation.to] != nil)
            #expect(row[":TYPE"] == relation.type.rawValue.uppercased().replacingOccurrences(of: "-", with: "_"))
            #expect(row["status:string"] == relation.status.rawValue && row["layer:string"] == relation.layer.rawValue)
            #expect(row["start:string"] == (relation.start?.description ?? "") && row["end:string"] == (relation.end?.description ?? "")
                    && row["date:string"] == (relation.date?.description ?? ""), "dates of \(id)")
            #expect(array(row["by:string[]"]) == relation.by && row["note:string"] == (relation.note ?? ""), "by and note of \(id)")
            let cited = array(row["sources:string[]"])
            #expect(cited == relation.citations.sourceIDs && !cited.isEmpty && Set(cited).isSubset(of: sourceIDs), "sources of \(id)")
            let citations = try JSONDecoder().decode([Citation].self, from: Data(row["citations:string"]!.utf8))
            #expect(citations.map { [$0.source, $0.excerpt] } == relation.citations.map { [$0.source, $0.excerpt] })
            #expect(row["citation_count:int"] == String(relation.citations.count) && ["true", "false"].contains(row["directed:boolean"]))
        }
        // Both relations between Amsterdam and Lishui are there, each with its own status.
        let pair = relationships.rows.filter { Set([$0[":START_ID(Entity)"]!, $0[":END_ID(Entity)"]!]) == ["station-amsterdam", "lishui-psb"] }
        #expect(pair.map { "\($0[":TYPE"]!) \($0["status:string"]!)" }.sorted() == ["DENIED denied", "ESTABLISHED disputed"])
    }

    @Test func aFilteredViewWritesOnlyWhatItKeeps() throws {
        let (dataset, _) = try DatasetReader().readValid(at: TestPaths.path("Graphs/overseas-police-stations"))
        let view = DatasetView(dataset, filter: DatasetFilter(layers: [.denials]))
        #expect(!view.relationIndices.isEmpty && view.relationIndices.count < dataset.relations.count)
        let files = try Neo4jImportWriter().files(view)
        let relationships = try csvRecords(file(files, "relationships.csv")).rows
        #expect(relationships.map { $0["id:string"]! } == view.relationIndices.map(DatasetFields.edgeID))
        #expect(relationships.allSatisfy { $0["layer:string"] == "denials" })
        let nodes = try csvRecords(file(files, "nodes.csv")).rows
        #expect(nodes.map { $0["id:ID(Entity)"]! } == view.entities.map(\.id))
    }

    static func hostile(alias: String) -> Dataset {
        let cite = [Citation(source: "s1", excerpt: "said, \"so\"\nand more")]
        return Dataset(name: "t", sources: [Source(id: "s1", title: "Title, with \"quotes\"")],
                       entities: [Entity(id: "a", kind: .publicSecurityBureau, name: "丽水市公安局, \"Lishui\"\nbureau", aliases: [alias, "Zoë"],
                                         attributes: ["note": "x,y"], citations: cite),
                                  Entity(id: "b", kind: .organisation, name: " Café ", citations: cite)],
                       relations: [Relation(from: "a", type: .memberOf, to: "b", status: .reported, by: ["b"], start: PartialDate("2021-03"),
                                            note: "line one\r\nline two, \"quoted\"", citations: cite)])
    }

    @Test func awkwardNamesSurviveAndTheArrayDelimiterAvoidsTheValues() throws {
        for (alias, delimiter) in [("plain", ";"), ("a;b", "|"), ("a;b|c", "^")] {
            let dataset = Self.hostile(alias: alias)
            let files = try Neo4jImportWriter().files(DatasetView(dataset, filter: .everything))
            #expect(String(files.arrayDelimiter) == delimiter)
            #expect(try file(files, "import.sh").contains("--array-delimiter='\(delimiter)'"))
            let nodes = try csvRecords(file(files, "nodes.csv")).rows
            #expect(nodes.map { $0["name:string"] } == ["丽水市公安局, \"Lishui\"\nbureau", " Café "])
            #expect(nodes[0]["aliases:string[]"]?.components(separatedBy: delimiter) == [alias, "Zoë"])
            #expect(nodes[0][":LABEL"] == ["Entity", "PublicBody", "PublicSecurityBureau"].joined(separator: delimiter))
            #expect(nodes[1][":LABEL"] == ["Entity", "Organization"].joined(separator: delimiter))
            #expect(nodes[0]["attributes:string"] == #"{"note":"x,y"}"#)
            let relationship = try #require(try csvRecords(file(files, "relationships.csv")).rows.first)
            #expect(relationship[":TYPE"] == "MEMBER_OF" && relationship["note:string"] == "line one\r\nline two, \"quoted\"")
            #expect(relationship["start:string"] == "2021-03" && relationship["by:string[]"] == "b" && relationship["directed:boolean"] == "true")
            #expect(try csvRecords(file(files, "sources.csv")).rows.first?["title:string"] == "Title, with \"quotes\"")
        }
    }

    @Test func aValueHoldingEveryDelimiterIsRefusedNamingIt() {
        expectReadError("entity 'a': aliases holds the last free array delimiter", "an alias with ; | ^ ~") {
            try Neo4jImportWriter().files(DatasetView(Self.hostile(alias: "a;b|c^d~e"), filter: .everything))
        }
    }

    @Test func aPlainGraphKeepsItsWeightsLabelsAndAttributes() throws {
        var graph = Graph(directed: false)
        let a = graph.addNode("a", label: "Ä, \"first\"", attributes: ["kind": "x"]), b = graph.addNode("b")
        graph.addEdge(a, b, weight: 2.5, attributes: ["relation": "member-of", "note": "n"])
        graph.addEdge(b, a)
        let files = try Neo4jImportWriter().files(graph)
        #expect(files.contents.map(\.name) == ["nodes.csv", "relationships.csv", "import.sh", "load.cypher"])
        let nodes = try csvRecords(file(files, "nodes.csv")), relationships = try csvRecords(file(files, "relationships.csv"))
        expectTypedHeader(nodes.header); expectTypedHeader(relationships.header)
        #expect(nodes.header == ["id:ID", ":LABEL", "label:string", "kind:string"])
        #expect(nodes.rows == [["id:ID": "a", ":LABEL": "Node", "label:string": "Ä, \"first\"", "kind:string": "x"],
                               ["id:ID": "b", ":LABEL": "Node", "label:string": "", "kind:string": ""]])
        #expect(relationships.rows.map { [$0[":START_ID"]!, $0[":END_ID"]!, $0[":TYPE"]!, $0["weight:double"]!, $0["note:string"]!] }
                == [["a", "b", "MEMBER_OF", "2.5", "n"], ["b", "a", "LINKS", "1.0", ""]])
        var colon = Graph(directed: true)
        colon.addNode("a", attributes: ["x:y": "1"])
        expectReadError("the attribute name 'x:y' cannot be a Neo4j import column", "a column name with ':'") { try Neo4jImportWriter().files(colon) }
    }

    @Test func theScriptsNameTheFilesAndTheTypesWritten() throws {
        let files = try Neo4jImportWriter().files(DatasetView(Self.hostile(alias: "x"), filter: .everything))
        let script = try file(files, "import.sh")
        #expect(script.contains(#"database import full "${1:-neo4j}""#) && script.contains("--multiline-fields=true"))
        for name in ["sources.csv", "nodes.csv"] { #expect(script.contains(#"--nodes="$here/\#(name)""#)) }
        #expect(script.contains(#"--relationships="$here/relationships.csv""#))
        let cypher = try file(files, "load.cypher")
        #expect(cypher.contains("FOR (n:Entity) REQUIRE n.id IS UNIQUE") && cypher.contains("FOR ()-[r:MEMBER_OF]-() ON (r.status)"))
        #expect(cypher.contains("gds.graph.project('outpost', 'Entity'") && cypher.contains("gds.pageRank.stream('outpost'"))
    }
}
