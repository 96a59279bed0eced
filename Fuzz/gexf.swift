import Foundation
import OutpostIO

/// libFuzzer target: GEXFReader on arbitrary bytes, as a graph and as a possible dataset (scripts/fuzz.sh gexf).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGEXF(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    do { _ = try GEXFReader().readInput(Data(bytes: start, count: count), file: "fuzz.gexf") } catch { checkMessage(error) }
    return 0
}
