import ArgumentParser
import Foundation
import Outpost

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Turn spreadsheet sheets (outpost export --format sheets) back into a YAML dataset.",
        discussion: """
        Reads the folder's sources.csv, entities.csv, relations.csv, totals.csv,
        citations.csv and dataset.csv, checks them as outpost validate checks a
        dataset (every problem at once, each at SHEET.csv:ROW:COLUMN with the
        column's name), and writes FOLDER/dataset.yaml. Nothing is written when
        there is an error. The sheets' layout is in the README (Formats).

        Example:
          outpost export Graphs/overseas-police-stations --format sheets -o sheets
          outpost import Tests/Data/exports/sheets -o imported-dataset
        """)

    @Argument(help: ArgumentHelp("The folder of sheets.", valueName: "folder"))
    var folder: String

    @Option(name: .short, help: ArgumentHelp("The dataset folder to write (dataset.yaml in it).", valueName: "dataset"))
    var output: String

    func run() throws {
        try reportingErrors {
            let (dataset, warnings) = try DatasetSheetsReader().read(folder: folder)
            for w in warnings { printError(w.description) }
            let file = try DatasetYAMLWriter().write(dataset, toFolder: output)
            printError("wrote \(dataset.sources.count) sources, \(dataset.entities.count) entities and \(dataset.relations.count) relations to \(file)")
        }
    }
}
