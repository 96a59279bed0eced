/// A small, portable pseudo-random generator for the seeded community algorithms:
/// xoshiro256** (Blackman & Vigna 2018) seeded through SplitMix64.
///
/// Outpost does not use the standard library's shuffling or `random(in:)` with it, since their
/// algorithms may change between Swift releases; the helpers below are fixed, so a seed gives
/// the same sequence, and the same communities, on every machine and toolchain.
struct SeededRandom {
    private var s0, s1, s2, s3: UInt64

    init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// Stream `stream` of `seed`: one generator of its own for each of many tasks (the
    /// samples of approximate betweenness), so that a task draws the same numbers whichever
    /// thread runs it and in whatever order. The stream number is hashed (the first output of
    /// a generator seeded with it) before it is mixed into the seed, so that neighbouring
    /// streams do not start from neighbouring SplitMix64 states.
    init(seed: UInt64, stream: UInt64) {
        var hash = SeededRandom(seed: stream)
        self.init(seed: seed ^ hash.next())
    }

    @inline(__always)
    mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = s3 << 45 | s3 >> 19
        return result
    }

    /// Uniform integer in `0..<bound` (Lemire's multiply-and-reject; no modulo bias).
    @inline(__always)
    mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }

    /// Uniform double in [0, 1) with 53 random bits.
    @inline(__always)
    mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// Fisher–Yates shuffle, from the last element down.
    mutating func shuffle(_ values: inout [Int32]) {
        var i = values.count - 1
        while i > 0 {
            let j = below(i + 1)
            values.swapAt(i, j)
            i -= 1
        }
    }
}
