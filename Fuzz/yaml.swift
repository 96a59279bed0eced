import Foundation
import OutpostGraph
import OutpostIO

/// libFuzzer target: DatasetReader on one file's arbitrary bytes, then validation of what it
/// read (scripts/fuzz.sh yaml).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let result = DatasetReader().read(Data(bytes: start, count: count), file: "fuzz.yaml")
    for problem in result.problems { checkMessage(problem) }
    return 0
}
