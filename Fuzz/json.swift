import Foundation
import OutpostIO

/// libFuzzer target: NodeLinkJSONReader on arbitrary bytes, as a graph and as a possible dataset (scripts/fuzz.sh json).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSON(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    do { _ = try NodeLinkJSONReader().readInput(Data(bytes: start, count: count), file: "fuzz.json") } catch { checkMessage(error) }
    return 0
}
