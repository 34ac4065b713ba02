#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Names the mutation case that was running when the test process dies or hangs.
///
/// A trap cannot be caught, so a signal handler writes the case's label to standard error,
/// then hands the signal to whatever handled it before (the runtime's backtracer, or the
/// default action). An alarm turns a hang into such a signal.
enum MutationCaseReporter {
    private static let capacity = 200
    fileprivate static let signals = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT, SIGALRM]
    nonisolated(unsafe) private static let label = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    nonisolated(unsafe) private static var labelLength = 0
    nonisolated(unsafe) fileprivate static let previous = UnsafeMutablePointer<sigaction>.allocate(capacity: signals.count)

    /// Reports `text` if the process dies, or if no `end()` follows within `seconds`.
    static func begin(_ text: String, hangAfter seconds: UInt32) {
        let bytes = Array(("\nmutation case died or hung: " + text + "\n").utf8.prefix(capacity))
        for (index, byte) in bytes.enumerated() { label[index] = byte }
        labelLength = bytes.count
        for (index, signalNumber) in signals.enumerated() {
            sigaction(signalNumber, nil, previous + index)
            signal(signalNumber, reportAndRethrow)
        }
        alarm(seconds)
    }

    static func end() {
        alarm(0)
        for (index, signalNumber) in signals.enumerated() { sigaction(signalNumber, previous + index, nil) }
        labelLength = 0
    }

    fileprivate static func writeLabel() {
        _ = write(2, label, labelLength)
    }
}

private func reportAndRethrow(_ signalNumber: Int32) {
    MutationCaseReporter.writeLabel()
    if let index = MutationCaseReporter.signals.firstIndex(of: signalNumber) {
        sigaction(signalNumber, MutationCaseReporter.previous + index, nil)
    }
    raise(signalNumber)
}
