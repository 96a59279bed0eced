import Testing
@testable import OutpostRender

/// Components packed into a strip: none overlap, all inside it, small ones beside a tall one.
@Suite struct SkylinePackingTests {
    typealias Size = (width: Double, height: Double)

    func boxes(_ sizes: [Size], _ placement: SkylinePacking.Placement) -> [(x1: Double, y1: Double, x2: Double, y2: Double)] {
        zip(sizes, placement.origins).map { size, o in (o.x, o.y, o.x + size.width, o.y + size.height) }
    }

    @Test func nothingOverlapsAndEverythingIsInsideTheStrip() {
        // Seeded sizes: one large component, a few middling, many single entities.
        var state: UInt64 = 42
        func next() -> Double { state = state &* 6364136223846793005 &+ 1442695040888963407; return Double(state >> 11) / Double(1 << 53) }
        var sizes: [Size] = [(900, 500)]
        for _ in 0..<12 { sizes.append((100 + 300 * next(), 60 + 200 * next())) }
        for _ in 0..<80 { sizes.append((60 + 120 * next(), 18 + 30 * next())) }
        for strip in [900.0, 1400, 2500] {
            let placement = SkylinePacking.pack(sizes, stripWidth: strip, gap: 4)
            let placed = boxes(sizes, placement)
            for (i, a) in placed.enumerated() {
                #expect(a.x1 >= 0 && a.y1 >= 0 && a.x2 <= strip + 1e-9, "\(i) at \(a) outside a strip \(strip) wide")
                #expect(a.x2 <= placement.width + 1e-9 && a.y2 <= placement.height + 1e-9)
                for b in placed[(i + 1)...] {
                    let apart = a.x2 + 4 <= b.x1 + 1e-9 || b.x2 + 4 <= a.x1 + 1e-9 || a.y2 + 4 <= b.y1 + 1e-9 || b.y2 + 4 <= a.y1 + 1e-9
                    #expect(apart, "\(a) and \(b) closer than the gap")
                }
            }
            #expect(SkylinePacking.pack(sizes, stripWidth: strip, gap: 4) == placement)
        }
    }

    @Test func smallPiecesFillTheColumnBesideATallOne() {
        // A 400 × 400 component and eight 100 × 50 pieces in a 500-wide strip: the pieces
        // stack in the 100-wide column beside it, so the whole stays 400 tall (a shelf packer
        // would put them below: 450).
        let sizes: [Size] = [(400, 400)] + Array(repeating: (100, 50), count: 8)
        let placement = SkylinePacking.pack(sizes, stripWidth: 500, gap: 0)
        #expect(placement.height == 400 && placement.width == 500)
        #expect(placement.origins[0].x == 0 && placement.origins[0].y == 0)
    }

    @Test func theBestStripFollowsTheScore() {
        let sizes: [Size] = Array(repeating: (100, 100), count: 12)
        // Scored by the scale at which the whole fits a 600 × 200 page: a wide strip wins.
        let wide = SkylinePacking.best(sizes, gap: 0) { w, h in min(600 / w, 200 / h) }
        #expect(wide.width >= 3 * wide.height, "\(wide.width) × \(wide.height)")
        let tall = SkylinePacking.best(sizes, gap: 0) { w, h in min(200 / w, 600 / h) }
        #expect(tall.height >= 3 * tall.width, "\(tall.width) × \(tall.height)")
    }
}
