import Foundation
import Testing
@testable import OutpostGraph
@testable import OutpostIO

/// The edge-list reader reads large inputs in blocks at the same time; it must give the graph,
/// and the error, that reading row by row gives.
@Suite struct ParallelCSVTests {
    func read(_ text: String, parallel: Bool, directed: Bool = false) -> Result<Graph, DiagnosticsError> {
        var reader = EdgeListReader(directed: directed)
        reader.parallelMinimum = parallel ? 0 : .max
        do { return .success(try reader.read(Data(text.utf8), file: "e.csv")) } catch let error as DiagnosticsError {
            return .failure(error)
        } catch { Issue.record("\(error)"); return .failure(DiagnosticsError([])) }
    }

    func same(_ a: Result<Graph, DiagnosticsError>, _ b: Result<Graph, DiagnosticsError>, _ what: String) {
        switch (a, b) {
        case let (.success(x), .success(y)):
            #expect(x.nodeIDs == y.nodeIDs && x.edgeSources == y.edgeSources && x.edgeTargets == y.edgeTargets
                    && x.edgeWeights == y.edgeWeights, "\(what)")
            #expect(x.index(of: x.nodeIDs.last ?? "") == y.index(of: y.nodeIDs.last ?? ""), "\(what)")
        case let (.failure(x), .failure(y)):
            #expect(x.description == y.description, "\(what)")
        default:
            Issue.record("\(what): one way read \(a), the other \(b)")
        }
    }

    /// Seeded edge lists of every kind of id the interner treats apart: plain numbers, long
    /// and short names, ids that are not ASCII (with canonical equivalents), blank lines,
    /// weights and CRLF line ends.
    func edgeList(seed: UInt64, rows: Int, weighted: Bool) -> String {
        var state = seed
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33) % bound
        }
        let names = ["K", "\u{212A}", "caf\u{E9}", "cafe\u{301}", "a-rather-long-node-name", "007", "7", "n"]
        func id() -> String {
            switch next(4) {
            case 0: return String(next(300))
            case 1: return names[next(names.count)]
            default: return "v\(next(500))"
            }
        }
        var text = weighted ? "source,target,weight\n" : "source,target\n"
        for r in 0..<rows {
            if next(50) == 0 { text += "\n" }
            text += "\(id()),\(id())" + (weighted ? ",\(next(3) == 0 ? "" : String(next(9)))" : "") + (r % 7 == 0 ? "\r\n" : "\n")
        }
        return text
    }

    @Test(arguments: [false, true])
    func blocksGiveTheGraphRowByRowReadingGives(weighted: Bool) {
        for seed: UInt64 in 1...6 {
            let text = edgeList(seed: seed, rows: 2_000, weighted: weighted)
            same(read(text, parallel: true), read(text, parallel: false), "seed \(seed)")
            same(read(text, parallel: true, directed: true), read(text, parallel: false, directed: true), "seed \(seed), directed")
        }
    }

    @Test func theFirstErrorIsAtItsLineInTheFile() throws {
        let good = edgeList(seed: 9, rows: 3_000, weighted: true)
        // Split at line feeds (as bytes: a String splits "\r\n" as one character).
        var lines = good.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        // Errors late in the file (in the last block) and early, in turn.
        for (line, bad) in [(2_900, "a,b,c,d"), (2_950, ",b,1"), (2_990, "a,b,x"), (40, "a,,1")] {
            var broken = lines
            broken[line - 1] = bad
            let text = broken.joined(separator: "\n")
            let parallel = read(text, parallel: true)
            same(parallel, read(text, parallel: false), "line \(line)")
            if case let .failure(error) = parallel { #expect(error.diagnostics.first?.location?.line == line) }
            else { Issue.record("line \(line): no error") }
        }
        lines[2_000 - 1] = "a,b,1"; lines[2_500 - 1] = "a,b,y"; lines[1_000 - 1] = "a,b,z"
        let two = lines.joined(separator: "\n")
        if case let .failure(error) = read(two, parallel: true) { #expect(error.diagnostics.first?.location?.line == 1_000) }
        else { Issue.record("no error") }
    }

    @Test func quotedRowsAreReadOnOneThread() {
        let text = "source,target\n" + (0..<500).map { "\"a\(($0 * 7) % 90)\",\"two\nlines \($0 % 13)\"\n" }.joined()
        same(read(text, parallel: true), read(text, parallel: false), "quoted")
    }
}
