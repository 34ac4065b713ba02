/// Lists the `{{tags}}` of a Mustache template and its first syntax error, for diagnostics
/// (FC402, FC403). It follows swift-mustache's grammar exactly (`MustacheTemplateScanner`), so a
/// template is accepted here if and only if `TemplateRenderer` can compile it.
public enum TemplateReferences {
    /// One tag in a template.
    public struct Reference: Hashable, Sendable {
        public enum Kind: String, Hashable, Sendable {
            /// `{{name}}`
            case variable
            /// `{{{name}}}` or `{{&name}}`
            case unescaped
            /// `{{#name}}`
            case section
            /// `{{^name}}`
            case inverted
            /// `{{/name}}`
            case end
            /// `{{>name}}`; a dynamic partial `{{>*name}}` keeps the `*` in its name
            case partial
            /// `{{!…}}` (name empty)
            case comment
            /// `{{<name}}`: a partial with inheritance
            case parent
            /// `{{$name}}`: an inheritable block
            case block
            /// `{{=<% %>=}}` (name empty)
            case setDelimiter
            /// `{{% CONTENT_TYPE: TEXT}}` (name empty)
            case pragma
        }

        public var kind: Kind
        /// The dotted name as written (`contact.first_name`; `.` is the current item); for a
        /// transform call `uppercased(contact.name)` the argument, `contact.name`.
        public var name: String
        /// Transform functions applied to `name`, outermost first (`uppercased(x)` → `["uppercased"]`).
        public var transforms: [String]
        /// Unicode-scalar offsets of the whole tag, delimiters included, in the scanned text.
        public var range: Range<Int>

        /// The name's parts as swift-mustache looks them up: split at dots, empty parts dropped
        /// (`contact.first_name` and `contact..first_name` → `["contact", "first_name"]`; `.` and
        /// `..` → `[]`, the current value).
        public var path: [String] { name.split(separator: ".").map(String.init) }
        /// Whether the name looks in the current value only (a leading dot): at the top of a
        /// template that is the root, inside a section the value it pushed (or, for a section
        /// over `true`, the value around it).
        public var looksInCurrentValueOnly: Bool { name.hasPrefix(".") }

        public init(kind: Kind, name: String, transforms: [String] = [], range: Range<Int>) {
            self.kind = kind
            self.name = name
            self.transforms = transforms
            self.range = range
        }
    }

    /// A template syntax error: what is wrong (lowercase, no trailing period) and where.
    public struct SyntaxError: Error, Hashable, Sendable {
        public var message: String
        /// Unicode-scalar offsets in the scanned text (the offending tag, or the unclosed section's opening tag).
        public var range: Range<Int>

        public init(message: String, range: Range<Int>) {
            self.message = message
            self.range = range
        }
    }

    /// The result of a scan: every tag up to the first error, and that error.
    public struct Scan: Hashable, Sendable {
        public var references: [Reference]
        public var error: SyntaxError?
    }

    /// Scans `text` as swift-mustache parses it.
    public static func scan(_ text: String) -> Scan {
        var scanner = MustacheTemplateScanner(text)
        return scanner.scan()
    }
}
