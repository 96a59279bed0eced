// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Outpost",
    // Atomic and Mutex (Synchronization) need macOS 15 / iOS 18; the package builds and is
    // tested on Linux, where no declaration is needed.
    platforms: [.macOS(.v15), .iOS(.v18), .tvOS(.v18), .watchOS(.v11), .visionOS(.v2)],
    products: [
        .library(name: "Outpost", targets: ["Outpost"]),
        .executable(name: "outpost", targets: ["OutpostCLI"]),
        .executable(name: "outpost-bench", targets: ["OutpostBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // The model: entities, relations, evidence, filters and the compact index.
        .target(name: "OutpostGraph"),
        // Readers, one file per format.
        .target(name: "OutpostIO", dependencies: ["OutpostGraph", .product(name: "Yams", package: "Yams")]),
        // Algorithms on the compact index, one file per algorithm.
        // One C header of processor hints: spin-waits (HelperThread) and prefetches.
        .target(name: "COutpostSupport"),
        .target(name: "OutpostAlgorithms", dependencies: ["OutpostGraph", "COutpostSupport"]),
        // Graphviz's C library (libgvc, libcgraph), found through pkg-config: module map and shim only.
        .systemLibrary(name: "CGraphviz", pkgConfig: "libgvc", providers: [.apt(["libgraphviz-dev"])]),
        // Diagrams: styling, DOT text in pure Swift, layout and rendering through Graphviz in process.
        .target(name: "OutpostRender", dependencies: ["OutpostGraph", "OutpostAlgorithms", "CGraphviz"]),
        // The investigator's questions: an input read once, nodes looked up by name, evidence
        // paths with the "no path" explanation, summaries and coverage against published totals.
        .target(name: "OutpostAnalysis", dependencies: ["OutpostGraph", "OutpostIO", "OutpostAlgorithms"]),
        // The self-contained HTML report, built from the analyses and the diagram.
        .target(name: "OutpostReport", dependencies: ["OutpostAnalysis", "OutpostRender"]),
        // Umbrella module for Swift programs: `import Outpost`.
        .target(name: "Outpost", dependencies: ["OutpostGraph", "OutpostIO", "OutpostAlgorithms", "OutpostRender",
                                                "OutpostAnalysis", "OutpostReport"]),
        // The command-line tool, one file per subcommand.
        .executableTarget(
            name: "OutpostCLI",
            dependencies: ["Outpost", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            path: "Sources/outpost"
        ),
        // Timing harness for Benchmarks/run.sh; not part of the tests.
        .executableTarget(name: "OutpostBench", dependencies: ["Outpost"], path: "Benchmarks/OutpostBench"),
        .testTarget(name: "OutpostGraphTests", dependencies: ["OutpostGraph"]),
        .testTarget(name: "OutpostIOTests", dependencies: ["OutpostIO"]),
        .testTarget(name: "OutpostAlgorithmsTests", dependencies: ["OutpostAlgorithms", "OutpostIO"]),
        .testTarget(name: "OutpostRenderTests", dependencies: ["OutpostRender", "OutpostIO", "OutpostTestSupport"], exclude: ["Golden"]),
        // Runs the built `outpost` executable for the command and API tests.
        .target(name: "OutpostTestSupport", path: "Tests/OutpostTestSupport"),
        .testTarget(name: "OutpostCommandTests", dependencies: ["OutpostCLI", "OutpostRender", "OutpostTestSupport"]),
        // The library's public surface, as a client sees it (`import Outpost`, no @testable),
        // checked against the answers of the built `outpost` command (OutpostTestSupport only
        // runs it; it imports no Outpost module).
        .testTarget(name: "OutpostAPITests", dependencies: ["Outpost", "OutpostTestSupport"]),
    ]
)
