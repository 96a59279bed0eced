import ArgumentParser
import Outpost

struct Find: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List entities whose id, name or an alias contains TEXT (case-insensitive).",
        discussion: """
        Exits 0 when something matches, 1 when nothing does (as grep does), so that a
        script can test for an entity.

        Example: outpost find Graphs/overseas-police-stations fuzhou
        """)

    @Argument(help: ArgumentHelp("The dataset folder.", valueName: "path"))
    var path: String

    @Argument(help: "Text to look for in ids, names and aliases.")
    var text: String

    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let (dataset, _) = try DatasetReader().readValid(at: path)
            let matches = dataset.entityMatches(text)
            let table = Table(key: "entities", title: "Entities matching '\(text)'",
                              columns: ["id", "kind", "name", "country", "city", "matched"],
                              rows: matches.map { match in
                                  let e = match.entity
                                  return [.text(e.id), .text(e.kind.rawValue), .text(e.name), e.country.map(Cell.text) ?? .none,
                                          e.city.map(Cell.text) ?? .none, .text(match.field.description)]
                              })
            emit([table], format: output.format)
            if matches.isEmpty {
                if output.format == .table { printError("no entity matches '\(text)'") }
                throw ExitCode(1)
            }
        }
    }
}
