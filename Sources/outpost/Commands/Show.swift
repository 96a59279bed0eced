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
            let index = try dataset.resolveEntity(entity)
            let e = dataset.entities[index]
            let view = DatasetView(dataset, filter: try filters.makeFilter(defaultLayers: RelationLayer.all))
            let relationIndices = view.relationIndices.filter { dataset.relations[$0].from == e.id || dataset.relations[$0].to == e.id }

            var details = Table(key: "entity", title: "\(e.name) [\(e.kind.rawValue)]", columns: ["field", "value"])
            details.rows = [[.text("id"), .text(e.id)], [.text("kind"), .text(e.kind.rawValue)], [.text("name"), .text(e.name)]]
            if !e.aliases.isEmpty { details.rows.append([.text("aliases"), .text(e.aliases.joined(separator: "; "))]) }
            if let c = e.country { details.rows.append([.text("country"), .text(c)]) }
            if let c = e.city { details.rows.append([.text("city"), .text(c)]) }
            for key in e.attributes.keys.sorted() { details.rows.append([.text(key), .text(e.attributes[key]!)]) }

            var relations = Table(key: "relations", title: "Relations (\(relationIndices.count))",
                                  columns: ["direction", "relation", "other", "other_name", "status", "by", "when", "sources"])
            var citations = Table(key: "citations", title: "Evidence", columns: ["about", "source", "publisher", "date", "excerpt"])
            func cite(_ about: String, _ list: [Citation]) {
                for c in list {
                    let s = dataset.source(c.source)
                    citations.rows.append([.text(about), .text(c.source), s?.publisher.map(Cell.text) ?? .none,
                                           s?.date.map { .text($0.description) } ?? .none, .text(c.excerpt)])
                }
            }
            cite(e.id, e.citations)
            for r in relationIndices {
                let relation = dataset.relations[r]
                let outgoing = relation.from == e.id
                let other = outgoing ? relation.to : relation.from
                let direction = !relation.isDirected ? "—" : (outgoing ? "→" : "←")
                var when: [String] = []
                if let d = relation.date { when.append(d.description) }
                if relation.start != nil || relation.end != nil {
                    when.append("\(relation.start?.description ?? "?")–\(relation.end?.description ?? "")")
                }
                relations.rows.append([.text(direction), .text(relation.type.rawValue), .text(other),
                                       .text(dataset.entity(other)?.name ?? other), .text(relation.status.rawValue),
                                       relation.by.isEmpty ? .none : .text(relation.by.joined(separator: " ")),
                                       when.isEmpty ? .none : .text(when.joined(separator: " ")),
                                       .text(relation.citations.map(\.source).joined(separator: " "))])
                cite("\(relation.from) \(relation.type.rawValue) \(relation.to)", relation.citations)
            }
            var preamble: [String] = []
            if !view.filter.isEmpty { preamble.append("Filter: \(view.filter.summary)") }
            emit([details, relations, citations], format: output.format, preamble: preamble)
        }
    }
}
