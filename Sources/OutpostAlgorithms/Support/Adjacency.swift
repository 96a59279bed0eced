import OutpostGraph

/// Raw views of a ``GraphIndex``'s arrays for inner loops: no bounds checks, no reference
/// counting. Valid only inside ``GraphIndex/withAdjacency(_:)``.
struct Adjacency {
    let nodeCount: Int
    let offsets: UnsafePointer<Int>
    let targets: UnsafePointer<Int32>
    let weights: UnsafePointer<Double>
    let inOffsets: UnsafePointer<Int>
    let inSources: UnsafePointer<Int32>
    let inWeights: UnsafePointer<Double>
}

extension GraphIndex {
    func withAdjacency<R>(_ body: (Adjacency) throws -> R) rethrows -> R {
        try offsets.withUnsafeBufferPointer { o in
            try targets.withUnsafeBufferPointer { t in
                try weights.withUnsafeBufferPointer { w in
                    try inOffsets.withUnsafeBufferPointer { io in
                        try inSources.withUnsafeBufferPointer { isrc in
                            try inWeights.withUnsafeBufferPointer { iw in
                                try body(Adjacency(nodeCount: nodeCount, offsets: o.base, targets: t.base, weights: w.base,
                                                   inOffsets: io.base, inSources: isrc.base, inWeights: iw.base))
                            }
                        }
                    }
                }
            }
        }
    }
}

extension UnsafeBufferPointer {
    /// The start of the buffer; for an empty buffer without storage, an aligned address that
    /// is never read.
    var base: UnsafePointer<Element> {
        baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Element>.alignment)!
    }
}

/// A fixed-size scratch array owned by one worker, freed with ``free()``.
struct Scratch<Element> {
    let base: UnsafeMutablePointer<Element>

    init(_ count: Int, _ value: Element) {
        base = .allocate(capacity: max(count, 1))
        base.initialize(repeating: value, count: max(count, 1))
    }

    subscript(_ i: Int) -> Element {
        get { base[i] }
        nonmutating set { base[i] = newValue }
    }

    func free() { base.deallocate() }
}
