import ArgumentParser
import Foundation
import Outpost

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the whole input as GraphML, GEXF, GML, Pajek, FtM, Neo4j, JSON or CSV.",
        discussion: """
        Writes every entity and relation of a dataset (every layer: an export is the
        whole dataset unless a filter says otherwise), one edge per relation, or a
        plain graph as read. The format comes from the extension of -o or from --format.

        graphml  a directed multigraph with typed keys; for a dataset nothing is lost
                 (type, layer, status, dates, by, note, citations with excerpts;
                 kind, name, aliases, country, city, attributes); NetworkX reads it
                 with read_graphml into a MultiDiGraph; outpost reads it back as
                 the dataset (as it reads the GEXF, GML and JSON exports)
        gexf     GEXF 1.3 for Gephi, the same fields as typed attributes and the
                 dates as spells, so that Gephi's timeline plays the network
        gml      GML as NetworkX's write_gml, label = the id (so read_gml keeps
                 the ids); the same fields; other characters than ASCII as &#N;
                 (NetworkX needs that), or as UTF-8 with --gml-characters utf8
                 (igraph keeps &#N; as text, but reads UTF-8)
        pajek    Pajek .net: the structure only, one arc per relation
        ftm      FollowTheMoney entities as JSON lines, for Aleph (a dataset only)
        sheets   a folder of CSV sheets (sources, entities, relations, totals,
                 citations) to edit in a spreadsheet; outpost import reads them
        spark    a folder with vertices.csv and edges.csv for a Spark GraphX job
                 (Benchmarks/graphx/outpost-graphx.scala)
        neo4j    a folder for neo4j-admin database import full: nodes.csv,
                 relationships.csv (and sources.csv) with typed columns, one
                 relationship per relation with its status, dates and sources;
                 import.sh runs the import, load.cypher adds constraints and
                 shows Graph Data Science calls
        json     node-link JSON as NetworkX's node_link_data(G, edges="edges")
        csv      an edge list FILE and a node table FILE.nodes.csv

        The file is written atomically: a failed export leaves no partial file.

        Example:
          outpost export Graphs/overseas-police-stations -o all.graphml
          outpost export Graphs/overseas-police-stations -o network.json --layer network
        """)

    @OptionGroup var input: InputOptions

    @Option(name: .short, help: ArgumentHelp("The file to write (.graphml, .gexf, .gml, .net, .ftm, .json or .csv), or the folder for sheets, spark and neo4j.", valueName: "file"))
    var output: String

    @Option(name: .long, help: ArgumentHelp("graphml, gexf, gml, pajek, ftm, sheets, spark, neo4j, json or csv (default: from -o's extension).", valueName: "format"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp("GML only: ascii (&#N;, for NetworkX; the default) or utf8 (for igraph).", valueName: "characters"))
    var gmlCharacters: String?

    @OptionGroup var filters: FilterOptions

    func resolvedFormat() throws -> ExportFormat {
        if let format {
            guard let chosen = ExportFormat(rawValue: format) else {
                throw ValidationError("--format \(format): write one of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return chosen
        }
        guard let chosen = ExportFormat(path: output) else {
            throw ValidationError("-o \(output): cannot tell the format from the extension; give --format \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return chosen
    }

    func resolvedGMLCharacters() throws -> GMLWriter.Characters {
        guard let gmlCharacters else { return .ascii }
        guard let chosen = GMLWriter.Characters(rawValue: gmlCharacters.lowercased()) else {
            throw ValidationError("--gml-characters \(gmlCharacters): write ascii or utf8")
        }
        guard try resolvedFormat() == .gml else {
            throw ValidationError("--gml-characters applies to GML only; drop it, or export to a .gml file")
        }
        return chosen
    }

    func validate() throws { _ = try resolvedGMLCharacters() }

    func run() throws {
        try reportingErrors {
            let loaded = try LoadedNetwork(input, filters: filters, defaultLayers: RelationLayer.all)
            let summary = try loaded.export(to: output, format: try resolvedFormat(), gmlCharacters: try resolvedGMLCharacters())
            let files = summary.files.count > 2 ? "\(summary.files.count) files in \(output)" : summary.files.joined(separator: " and ")
            printError("wrote \(summary.nodeCount) nodes and \(summary.edgeCount) edges to \(files)")
        }
    }
}
