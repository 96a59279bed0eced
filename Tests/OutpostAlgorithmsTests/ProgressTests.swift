import Synchronization
import Testing
import OutpostGraph
@testable import OutpostAlgorithms

/// The all-pairs measures report progress per source without changing their results.
@Suite struct ProgressTests {
    /// Collects what a handler is told, from whichever worker tells it.
    final class Log: Sendable {
        let calls = Mutex<[(done: Int, total: Int)]>([])
        var handler: ProgressHandler { { done, total in self.calls.withLock { $0.append((done, total)) } } }
    }

    static func check(_ log: Log, total: Int) {
        let calls = log.calls.withLock { $0 }
        #expect(!calls.isEmpty)
        #expect(calls.allSatisfy { $0.total == total && $0.done >= 1 && $0.done <= total })
        #expect(calls.contains { $0.done == total }, "the last source is reported")
        #expect(calls.count <= 101 + 2, "about a hundred reports at most, got \(calls.count)")
    }

    @Test func betweennessClosenessAndHarmonicReportEverySource() throws {
        let index = BetweennessTests.smallWorld(nodes: 700, m: 3, extraPath: 10, seed: 3)
        let n = index.nodeCount
        for weighted in [false, true] {
            let log = Log()
            let scores = try index.betweennessCentrality(weighted: weighted, progress: log.handler)
            #expect(try scores == index.betweennessCentrality(weighted: weighted))
            Self.check(log, total: n)
        }
        let closenessLog = Log(), harmonicLog = Log()
        #expect(try index.closenessCentrality(progress: closenessLog.handler) == index.closenessCentrality())
        #expect(try index.harmonicCentrality(weighted: true, progress: harmonicLog.handler) == index.harmonicCentrality(weighted: true))
        Self.check(closenessLog, total: n)
        Self.check(harmonicLog, total: n)
    }
}
