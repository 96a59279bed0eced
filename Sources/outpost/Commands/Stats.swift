import ArgumentParser
import Outpost

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Summarise a graph: counts, components, density; for a dataset also kinds, relations, statuses, stations by country and jurisdiction, and coverage against published totals.",
        discussion: """
        Jurisdiction is the entity a relation of type `established` names as having
        set up a station; a station whose founder sources dispute is counted under
        each claimant.

        Examples:
          outpost stats Graphs/overseas-police-stations
          outpost stats Graphs/overseas-police-stations --min-status confirmed \\
              --format json
          outpost stats edges.csv --directed
        """)

    @OptionGroup var input: InputOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let loaded = try LoadedNetwork(input, filters: filters, defaultLayers: RelationLayer.all)
            let summary = loaded.summary()
            emit(summary.tables.map(Table.init), format: output.format, preamble: summary.headline.map { [$0] } ?? [], keyed: true)
        }
    }
}
