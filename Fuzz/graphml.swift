import Foundation
import OutpostIO

/// libFuzzer target: GraphMLReader on arbitrary bytes (scripts/fuzz.sh graphml).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGraphML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    do { _ = try GraphMLReader().read(Data(bytes: start, count: count), file: "fuzz.graphml") } catch { checkMessage(error) }
    return 0
}
