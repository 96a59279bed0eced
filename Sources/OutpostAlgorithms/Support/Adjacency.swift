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
                                // Empty arrays may give nil base addresses; point at a dummy then (never read).
                                let dummyInt = UnsafeMutablePointer<Int>.allocate(capacity: 1)
                                let dummyInt32 = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
                                let dummyDouble = UnsafeMutablePointer<Double>.allocate(capacity: 1)
                                defer { dummyInt.deallocate(); dummyInt32.deallocate(); dummyDouble.deallocate() }
                                return try body(Adjacency(
                                    nodeCount: nodeCount,
                                    offsets: o.baseAddress ?? UnsafePointer(dummyInt),
                                    targets: t.baseAddress ?? UnsafePointer(dummyInt32),
                                    weights: w.baseAddress ?? UnsafePointer(dummyDouble),
                                    inOffsets: io.baseAddress ?? UnsafePointer(dummyInt),
                                    inSources: isrc.baseAddress ?? UnsafePointer(dummyInt32),
                                    inWeights: iw.baseAddress ?? UnsafePointer(dummyDouble)))
                            }
                        }
                    }
                }
            }
        }
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
