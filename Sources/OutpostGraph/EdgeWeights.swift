/// The weights of a list of edges (or of an index's edge slots), stored only when some weight
/// is not 1.
///
/// Most large edge lists carry no weight column, and an 8-byte 1.0 per edge (per slot twice
/// over, in an undirected index) was the largest array a plain graph kept. Until a weight other
/// than 1 is appended, these weights hold one stored 1.0 and read every position through it:
/// `values[i & mask]` with a mask of 0, the same read as a stored array's (mask all ones), so
/// no reader branches on which kind it has.
public struct EdgeWeights: RandomAccessCollection, Equatable, Sendable, ExpressibleByArrayLiteral {
    /// The stored weights, or `[1]` while every weight is 1.
    @usableFromInline var values: [Double]
    /// −1 (every bit set) when `values` holds every weight, 0 while they are all 1.
    @usableFromInline var mask: Int
    public private(set) var count: Int

    /// `count` weights of 1, one stored value.
    public init(unit count: Int = 0) {
        values = [1]; mask = 0; self.count = count
    }

    /// The weights `values`, stored (or, if all are 1, held as unit weights).
    public init(_ values: [Double]) {
        if values.allSatisfy({ $0 == 1 }) {
            self.values = [1]; mask = 0
        } else {
            self.values = values; mask = -1
        }
        count = values.count
    }

    public init(arrayLiteral elements: Double...) { self.init(elements) }

    /// Whether every weight is 1 and none is stored.
    public var isUnit: Bool { mask == 0 }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inlinable
    public subscript(position: Int) -> Double {
        precondition(position >= 0 && position < count, "edge weight \(position) out of 0..<\(count)")
        return values[position & mask]
    }

    /// Appends a weight; the first that is not 1 stores every weight before it.
    public mutating func append(_ weight: Double) {
        if mask == 0 && weight != 1 {
            values = [Double](repeating: 1, count: count)
            values.reserveCapacity(Swift.max(2 * count, 16))
            mask = -1
        }
        if mask != 0 { values.append(weight) }
        count += 1
    }

    /// Appends `count` weights of 1 to weights that are all 1.
    public mutating func appendUnit(_ count: Int) {
        precondition(isUnit, "unit weights only")
        self.count += count
    }

    /// Reserves room for `count` stored weights, if weights are stored.
    public mutating func reserveCapacity(_ count: Int) {
        if mask != 0 { values.reserveCapacity(count) }
    }

    /// Runs `body` on the stored values (one 1.0 for unit weights) and the mask to read them
    /// with: position `i` is `values[i & mask]`.
    public func withStorage<R>(_ body: (UnsafeBufferPointer<Double>, Int) throws -> R) rethrows -> R {
        try values.withUnsafeBufferPointer { try body($0, mask) }
    }

    public static func == (lhs: EdgeWeights, rhs: EdgeWeights) -> Bool {
        lhs.count == rhs.count && (lhs.isUnit && rhs.isUnit || lhs.elementsEqual(rhs))
    }

    /// Approximate bytes held.
    public var storedBytes: Int { values.count * 8 }
}
