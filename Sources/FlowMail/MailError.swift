#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A problem rendering, encoding or delivering mail, worded for the person running `flowc`.
public struct MailError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }

    static func unknownTemplate(_ id: String, messageID: String) -> MailError {
        MailError("message \(messageID) uses template `\(id)`, which the project does not define; add `templates/\(id).email.yaml`")
    }

    static func templateSyntax(_ where: String, problem: String) -> MailError {
        MailError("\(`where`) is not a valid Mustache template: \(problem); run `flowc check` to see where")
    }

    static func invalidFrom(_ rendered: String, messageID: String) -> MailError {
        MailError("message \(messageID) has the from address `\(rendered)`, which is not `Name <local@domain.tld>` or `local@domain.tld`; fix `from` in the template, step, flow or `flowc.yaml`")
    }

    static func io(_ action: String, path: String, errno code: Int32) -> MailError {
        MailError("cannot \(action) `\(path)`: \(String(cString: strerror(code))); check that the directory exists and is writable")
    }

    static func ledger(_ action: String, _ error: any Error) -> MailError {
        MailError("the delivery ledger could not \(action): \(error); check the state directory (`--state`)")
    }
}
