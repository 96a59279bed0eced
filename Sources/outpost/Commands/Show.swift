import ArgumentParser
import Outpost

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show one entity with its relations and the citations behind each.",
        discussion: """
        ENTITY is an id, an exact name or an alias (case-insensitive). An unknown or
        ambiguous name is an error that lists the candidates.

        Example:
          outpost show Graphs/overseas-police-stations "Fuzhou Public Security Bureau"
        """)

    @Argument(help: ArgumentHelp("The dataset folder.", valueName: "path"))
    var path: String

    @Argument(help: "The entity: id, name or alias.")
    var entity: String

    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let (dataset, _) = try DatasetReader().readValid(at: path)
            let view = DatasetView(dataset, filter: try filters.makeFilter(defaultLayers: RelationLayer.all))
            let profile = try view.profile(of: entity)
            let e = profile.entity

            var details = Table(key: "entity", title: "\(e.name) [\(e.kind.rawValue)]", columns: ["field", "value"])
            details.rows = [[.text("id"), .text(e.id)], [.text("kind"), .text(e.kind.rawValue)], [.text("name"), .text(e.name)]]
            if !e.aliases.isEmpty { details.rows.append([.text("aliases"), .list(e.aliases, separator: "; ")]) }
            if let c = e.country { details.rows.append([.text("country"), .text(c)]) }
            if let c = e.city { details.rows.append([.text("city"), .text(c)]) }
            for key in e.attributes.keys.sorted() { details.rows.append([.text(key), .text(e.attributes[key]!)]) }

            var relations = Table(key: "relations", title: "Relations (\(profile.relations.count))",
                                  columns: ["direction", "relation", "other", "other_name", "status", "by", "when", "sources"])
            var citations = Table(key: "citations", title: "Evidence", columns: ["about", "source", "publisher", "date", "excerpt"])
            func cite(_ about: String, _ list: [EvidenceCitation]) {
                for c in list {
                    citations.rows.append([.text(about), .text(c.source), c.publisher.map(Cell.text) ?? .none,
                                           c.date.map { .text($0.description) } ?? .none, .text(c.excerpt)])
                }
            }
            cite(e.id, profile.citations)
            for item in profile.relations {
                let link = item.link
                relations.rows.append([link.direction.map { .text($0.symbol) } ?? .none, link.type.map(Cell.text) ?? .none,
                                       .text(item.other), .text(item.otherName), link.status.map(Cell.text) ?? .none,
                                       link.by.isEmpty ? .none : .list(link.by, separator: " "),
                                       link.period.map(Cell.text) ?? .none, .list(link.sources, separator: " ")])
                if let relation = link.relation { cite("\(relation.from) \(relation.type.rawValue) \(relation.to)", link.citations) }
            }
            emit([details, relations, citations], format: output.format, preamble: filterPreamble(view))
        }
    }
}
