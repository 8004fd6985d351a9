import Foundation
import PorticoProject
import PorticoSupport

// A libFuzzer harness over the content loader: `make fuzz` builds this target with
// -sanitize=fuzzer -DFUZZING. The first byte of each input picks the kind of file.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzContentLoader(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, count > 0 else { return 0 }
    let kinds = ContentProbe.FileKind.allCases
    let kind = kinds[Int(start[0]) % kinds.count]
    _ = ContentProbe.diagnose(Data(bytes: start + 1, count: count - 1), as: kind)
    return 0
}

#if FUZZING
    // SwiftPM renames an executable's main, so libFuzzer's own main() cannot be used; its
    // driver is started from ours instead.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<CInt>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
    ) -> CInt
#endif

@main
enum FuzzMain {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv) { start, count in fuzzContentLoader(start, count) })
        #else
            print("Build with `make fuzz`: this target is a libFuzzer harness for the content loader.")
        #endif
    }
}
