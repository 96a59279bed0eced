/// Packs rectangles (the laid-out components of a drawing) into a strip, for a drawing whose
/// components should fill a page instead of the square Graphviz packs them into.
///
/// Bottom-left skyline packing: rectangles go tallest first; each goes to the place along the
/// strip where it comes to rest highest (nearest the top), the leftmost of equals. Beside a
/// tall component the small ones fill columns instead of leaving a shelf's worth of empty
/// space under them. Deterministic: ties are broken by position, then by input order.
enum SkylinePacking {
    /// Where each rectangle's top-left corner goes (x to the right, y downwards from the top),
    /// and the size of the whole.
    struct Placement: Equatable {
        var origins: [(x: Double, y: Double)]
        var width: Double
        var height: Double

        static func == (a: Placement, b: Placement) -> Bool {
            a.width == b.width && a.height == b.height && a.origins.count == b.origins.count
                && zip(a.origins, b.origins).allSatisfy { $0.x == $1.x && $0.y == $1.y }
        }
    }

    /// One segment of the skyline: from `x`, `width` wide, filled down to `depth`.
    private struct Segment { var x: Double; var width: Double; var depth: Double }

    /// Packs `sizes` into a strip `stripWidth` wide (widened to the widest rectangle), with
    /// `gap` between neighbours.
    static func pack(_ sizes: [(width: Double, height: Double)], stripWidth: Double, gap: Double = 0) -> Placement {
        let widest = sizes.map(\.width).max() ?? 0
        let strip = max(stripWidth, widest)
        let order = sizes.indices.sorted { a, b in
            if sizes[a].height != sizes[b].height { return sizes[a].height > sizes[b].height }
            if sizes[a].width != sizes[b].width { return sizes[a].width > sizes[b].width }
            return a < b
        }
        var skyline = [Segment(x: 0, width: strip + gap, depth: 0)]
        var origins = Array(repeating: (x: 0.0, y: 0.0), count: sizes.count)
        var width = 0.0, height = 0.0
        for index in order {
            // Each rectangle takes its gap to the right and below, so neighbours keep it.
            let w = sizes[index].width + gap, h = sizes[index].height + gap
            var best: (start: Int, x: Double, depth: Double)?
            for start in skyline.indices {
                let x = skyline[start].x
                guard x + w <= strip + gap + 1e-9 else { break }
                var depth = 0.0, k = start
                while k < skyline.count && skyline[k].x < x + w - 1e-9 {
                    depth = max(depth, skyline[k].depth)
                    k += 1
                }
                if best == nil || depth < best!.depth - 1e-9 { best = (start, x, depth) }
            }
            let place = best!
            origins[index] = (place.x, place.depth)
            width = max(width, place.x + sizes[index].width)
            height = max(height, place.depth + sizes[index].height)
            // The covered segments give way to one at the new depth; a segment the rectangle
            // covers only in part keeps its remainder.
            let end = place.x + w
            var updated = Array(skyline[..<place.start])
            updated.append(Segment(x: place.x, width: w, depth: place.depth + h))
            for segment in skyline[place.start...] where segment.x + segment.width > end + 1e-9 {
                let x = max(segment.x, end)
                updated.append(Segment(x: x, width: segment.x + segment.width - x, depth: segment.depth))
            }
            // Neighbours at the same depth merge, so later searches see one wide place.
            skyline = []
            for segment in updated {
                if let last = skyline.last, abs(last.depth - segment.depth) < 1e-9 {
                    skyline[skyline.count - 1].width += segment.width
                } else {
                    skyline.append(segment)
                }
            }
        }
        return Placement(origins: origins, width: width, height: height)
    }

    /// The packing, among strips of several widths, that `score` rates highest (ties go to
    /// the smaller area, then the narrower strip). The widths run from the widest rectangle
    /// to the sum of all widths, spaced so that the whole's aspect ratio goes from about 1:4
    /// to 4:1.
    static func best(_ sizes: [(width: Double, height: Double)], gap: Double,
                     score: (_ width: Double, _ height: Double) -> Double) -> Placement {
        let widest = (sizes.map(\.width).max() ?? 0) + gap
        let area = sizes.reduce(0) { $0 + ($1.width + gap) * ($1.height + gap) }
        let total = sizes.reduce(0) { $0 + $1.width + gap }
        var widths: [Double] = [widest, total]
        var aspect = 0.25
        while aspect <= 4.0 + 1e-9 {
            widths.append(min(total, max(widest, (area * aspect).squareRoot())))
            aspect *= 1.03
        }
        var chosen: (placement: Placement, score: Double)?
        for width in Set(widths).sorted() {
            let placement = pack(sizes, stripWidth: width, gap: gap)
            let s = score(placement.width, placement.height)
            if let current = chosen {
                let better = s > current.score + 1e-9
                    || (abs(s - current.score) <= 1e-9
                        && placement.width * placement.height < current.placement.width * current.placement.height - 1e-9)
                if !better { continue }
            }
            chosen = (placement, s)
        }
        return chosen?.placement ?? Placement(origins: [], width: 0, height: 0)
    }
}
