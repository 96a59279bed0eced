/// Where a value was written: a file, a 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// A document that statements in the dataset cite.
public struct Source: Hashable, Sendable, Codable, Identifiable {
    public var id: String
    public var title: String
    public var publisher: String?
    public var date: PartialDate?
    public var url: String?
    /// File name of a local copy of the text, used by `validate --sources-dir`.
    public var file: String?
    public var note: String?
    public var location: SourceLocation?

    public init(id: String, title: String, publisher: String? = nil, date: PartialDate? = nil,
                url: String? = nil, file: String? = nil, note: String? = nil,
                location: SourceLocation? = nil) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.url = url
        self.file = file
        self.note = note
        self.location = location
    }
}

/// One piece of evidence: a source and a short verbatim excerpt that locates the claim in it.
public struct Citation: Hashable, Sendable, Codable {
    public var source: String
    public var excerpt: String
    public var location: SourceLocation?

    public init(source: String, excerpt: String, location: SourceLocation? = nil) {
        self.source = source
        self.excerpt = excerpt
        self.location = location
    }
}
