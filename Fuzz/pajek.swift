import Foundation
import OutpostIO

/// libFuzzer target: PajekReader on arbitrary bytes (scripts/fuzz.sh pajek).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPajek(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    do { _ = try PajekReader().read(Data(bytes: start, count: count), file: "fuzz.net") } catch { checkMessage(error) }
    return 0
}
