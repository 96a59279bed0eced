extension Sequence where Element == Citation {
    /// The ids of the sources cited, each once, in the order first cited.
    ///
    /// A statement often cites one source twice (two excerpts from one article); where
    /// sources are listed (`show`, `path`, a report's evidence) it is one source, not two.
    public var sourceIDs: [String] {
        var seen = Set<String>()
        return compactMap { seen.insert($0.source).inserted ? $0.source : nil }
    }
}
