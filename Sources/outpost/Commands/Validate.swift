import ArgumentParser
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
        """)

    @Argument(help: ArgumentHelp("The dataset folder.", valueName: "path"))
    var path: String

    @Option(name: .customLong("sources-dir"), help: ArgumentHelp(
        "A folder holding local copies of sources (the `file:` of each source); excerpts are checked against them.",
        valueName: "dir"))
    var sourcesDir: String?

    @OptionGroup var output: OutputOptions

    func run() throws {
        try reportingErrors {
            let result = try DatasetReader().read(at: path)
            var diagnostics = result.diagnostics + result.dataset.validate()
            var excerptLine = ""
            if let sourcesDir {
                let report = ExcerptChecker(directory: sourcesDir).check(result.dataset)
                diagnostics += report.diagnostics
                excerptLine = "; \(report.checked) excerpts checked against \(sourcesDir), \(report.unchecked) without a local copy"
            }
            diagnostics.sort { a, b in
                (a.location?.file ?? "", a.location?.line ?? 0, a.location?.column ?? 0)
                    < (b.location?.file ?? "", b.location?.line ?? 0, b.location?.column ?? 0)
            }
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.count - errors
            let d = result.dataset
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
