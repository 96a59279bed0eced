import Foundation
import OutpostIO

/// libFuzzer target: EdgeListReader on arbitrary bytes, undirected and directed (scripts/fuzz.sh csv).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let data = Data(bytes: start, count: count)
    for directed in [false, true] {
        do { _ = try EdgeListReader(directed: directed).read(data, file: "fuzz.csv") } catch { checkMessage(error) }
    }
    return 0
}
