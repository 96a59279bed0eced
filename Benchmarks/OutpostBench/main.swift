// outpost-bench: times Outpost's readers and algorithms on one graph file, for
// Benchmarks/run.sh. Loading (read + index) and each algorithm are timed separately; the
// algorithm time excludes loading, as for every peer. Prints one JSON line per measurement.
//
//   outpost-bench FILE.csv [--directed] [--repeat N] ALGORITHM…
// With --repeat N, each algorithm runs up to N times (fewer once its runs pass 30 s in total)
// and the median is reported, with every run's time; Benchmarks/peers.py does the same.
//   ALGORITHM: load betweenness approx-betweenness closeness harmonic betweenness-weighted closeness-weighted pagerank components components-lists core-number louvain leiden leiden-2 label-propagation
// (leiden runs until the partition stops changing; leiden-2 stops after 2 iterations, igraph's default;
// approx-betweenness samples for epsilon 0.1, delta 0.1, c 0.5, seed 42, as NetworKit's row in peers.py)
// Community checksums are the modularity reached.
import Foundation
import Outpost

func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
}

func report(_ pairs: [(String, String)]) {
    print("{" + pairs.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}")
}

var arguments = Array(CommandLine.arguments.dropFirst())
let directed = arguments.contains("--directed")
arguments.removeAll { $0 == "--directed" }
var repeats = 1
if let flag = arguments.firstIndex(of: "--repeat"), flag + 1 < arguments.count, let n = Int(arguments[flag + 1]), n > 0 {
    repeats = n
    arguments.removeSubrange(flag...(flag + 1))
}
guard let path = arguments.first else {
    FileHandle.standardError.write(Data("usage: outpost-bench FILE.csv [--directed] ALGORITHM…\n".utf8))
    exit(64)
}
let algorithms = arguments.dropFirst()

var graph = Graph(directed: directed)
let readTime = try seconds { graph = try EdgeListReader(directed: directed).read(at: path) }
var index: GraphIndex!
let indexTime = seconds { index = GraphIndex(graph) }
let bytesPerEdge = Double(index.adjacencyBytes) / Double(max(1, index.edgeCount))
report([("algorithm", "\"load\""), ("nodes", "\(index.nodeCount)"), ("edges", "\(index.edgeCount)"),
        ("read_seconds", "\(readTime)"), ("index_seconds", "\(indexTime)"), ("seconds", "\(readTime + indexTime)"),
        ("adjacency_bytes_per_edge", "\(bytesPerEdge)")])

for algorithm in algorithms where algorithm != "load" {
    var checksum = 0.0
    var runs: [Double] = []
    var samples: Int?
    while runs.count < repeats && runs.reduce(0, +) < 30 {
    let time: Double
    switch algorithm {
    case "betweenness": time = try seconds { checksum = try index.betweennessCentrality().scores.reduce(0, +) }
    case "approx-betweenness":
        time = try seconds {
            let result = try index.approximateBetweennessCentrality(epsilon: 0.1, delta: 0.1, seed: 42)
            checksum = result.scores.scores.max() ?? 0
            samples = result.sampling.sampleCount
        }
    case "closeness": time = try seconds { checksum = try index.closenessCentrality().scores.reduce(0, +) }
    case "harmonic": time = try seconds { checksum = try index.harmonicCentrality().scores.reduce(0, +) }
    case "betweenness-weighted": time = try seconds { checksum = try index.betweennessCentrality(weighted: true).scores.reduce(0, +) }
    case "closeness-weighted": time = try seconds { checksum = try index.closenessCentrality(weighted: true).scores.reduce(0, +) }
    case "pagerank": time = try seconds { checksum = try index.pageRank(tolerance: 1e-10).scores.max() ?? 0 }
    // Labels and their count, as NetworKit's row (ConnectedComponents.run, numberOfComponents);
    // the lists of members, largest first, are `components-lists`.
    case "components": time = seconds { checksum = Double((index.componentLabels().max() ?? -1) + 1) }
    case "components-lists": time = seconds { checksum = Double(index.connectedComponents().count) }
    case "core-number": time = try seconds { checksum = Double(try index.coreNumbers().max() ?? 0) }
    case "louvain": time = try seconds { checksum = try index.louvainCommunities(weighted: false).modularity }
    case "leiden": time = try seconds { checksum = try index.leidenCommunities(weighted: false).modularity }
    case "leiden-2": time = try seconds { checksum = try index.leidenCommunities(weighted: false, maximumIterations: 2).modularity }
    case "label-propagation": time = seconds { checksum = index.labelPropagationCommunities(weighted: false).modularity }
    default:
        FileHandle.standardError.write(Data("unknown algorithm \(algorithm)\n".utf8))
        exit(64)
    }
    runs.append(time)
    }
    let median = runs.sorted()[runs.count / 2]
    report([("algorithm", "\"\(algorithm)\""), ("seconds", "\(median)"), ("checksum", "\(checksum)"),
            ("runs", "[" + runs.map { "\($0)" }.joined(separator: ", ") + "]")]
           + (samples.map { [("samples", "\($0)")] } ?? []))
}
