import ArgumentParser
import Foundation
import Outpost

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check a dataset and report every problem at once, each with file:line:column.",
        discussion: """
        Checks: YAML syntax, unknown keys, kinds, relation types and statuses;
        duplicate ids; relations to unknown entities; dates that do not parse or end
        before they start; entities, relations and totals without citations; citations
        of unknown sources. With --sources-dir, also checks that every excerpt occurs
        in the local copy of its source (runs of whitespace and straight/typographic
        quotes compare equal).

        Exits 0 when there is no error (warnings are printed), 1 when there is any.

        Examples:
          outpost validate Graphs/overseas-police-stations
          outpost validate Graphs/overseas-police-stations --sources-dir ../shared/seeds
        """)

    @Argument(help: ArgumentHelp("The dataset folder.", valueName: "path"))
    var path: String

    @Option(name: .customLong("sources-dir"), help: ArgumentHelp(
        "A folder holding local copies of sources (the `file:` of each source); excerpts are checked against them.",
        valueName: "dir"))
    var sourcesDir: String?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let sourcesDir {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: sourcesDir, isDirectory: &isFolder), isFolder.boolValue else {
                throw ValidationError("--sources-dir \(sourcesDir): no such folder (give the folder that holds the local copies named by each source's `file:`)")
            }
        }
    }

    func run() throws {
        try reportingErrors {
            let check = try DatasetCheck(at: path, sourcesDirectory: sourcesDir)
            let diagnostics = check.diagnostics
            let errors = check.errorCount, warnings = check.warningCount
            var excerptLine = ""
            if let sourcesDir, let checked = check.excerptsChecked, let unchecked = check.excerptsWithoutCopy {
                excerptLine = "; \(checked) excerpts checked against \(sourcesDir), \(unchecked) without a local copy"
            }
            let d = check.dataset
            switch output.format {
            case .table:
                for diagnostic in diagnostics { print(diagnostic.description) }
                let verdict = errors == 0 ? "ok" : "FAILED"
                print("\(verdict): \(errors) error(s), \(warnings) warning(s) in \(path): \(d.sources.count) sources, \(d.entities.count) entities, \(d.relations.count) relations\(excerptLine)")
            case .json, .csv:
                let table = Table(key: "problems", title: "Problems",
                                  columns: ["severity", "file", "line", "column", "message", "hint"],
                                  rows: diagnostics.map { p in
                                      [.text(p.severity.rawValue), p.location.map { .text($0.file) } ?? .none,
                                       p.location.map { .int($0.line) } ?? .none, p.location.map { .int($0.column) } ?? .none,
                                       .text(p.message), p.hint.map(Cell.text) ?? .none]
                                  })
                emit([table], format: output.format)
            }
            if errors > 0 { throw ExitCode(1) }
        }
    }
}
