import Foundation
import OutpostIO

/// libFuzzer target: GMLReader on arbitrary bytes, as a graph and as a possible dataset (scripts/fuzz.sh gml).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    do { _ = try GMLReader().readInput(Data(bytes: start, count: count), file: "fuzz.gml") } catch { checkMessage(error) }
    return 0
}
