import OutpostGraph
import OutpostIO

/// Every problem of a dataset folder at once, as `outpost validate` reports them: what the
/// reader found, what ``Dataset/validate()`` finds, and, given local copies of the sources,
/// excerpts that do not occur in them.
public struct DatasetCheck: Sendable {
    /// The dataset as read (possibly with errors).
    public var dataset: Dataset
    /// Every problem, by file, line and column (problems without a place first).
    public var diagnostics: [Diagnostic]
    /// Excerpts checked against a local copy of their source; nil when no folder of copies was given.
    public var excerptsChecked: Int?
    /// Excerpts whose source has no local copy; nil when no folder of copies was given.
    public var excerptsWithoutCopy: Int?

    /// The number of errors; the dataset is valid when it is 0.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    /// The number of warnings.
    public var warningCount: Int { diagnostics.count - errorCount }

    /// Reads and checks the dataset folder at `path`.
    /// - Parameters:
    ///   - sourcesDirectory: a folder holding local copies of sources (each source's `file:`);
    ///     every excerpt is then looked up in its copy (``ExcerptChecker``).
    /// - Throws: ``DiagnosticsError`` when the folder cannot be read at all.
    public init(at path: String, sourcesDirectory: String? = nil) throws {
        let result = try DatasetReader().read(at: path)
        var diagnostics = result.problems
        if let sourcesDirectory {
            let report = ExcerptChecker(directory: sourcesDirectory).check(result.dataset)
            diagnostics += report.diagnostics
            excerptsChecked = report.checked
            excerptsWithoutCopy = report.unchecked
        }
        diagnostics = diagnostics.sortedByLocation()
        self.dataset = result.dataset
        self.diagnostics = diagnostics
    }
}
