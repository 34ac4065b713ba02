/// An email template file (`templates/ID.email.yaml`, spec section 5).
public struct EmailTemplate: Sendable {
    public var id: String
    public var source: SourceFile
    public var root: YAMLMapping
    public var subject: YAMLScalar?
    public var preheader: YAMLScalar?
    public var from: Located<String>?
    public var text: YAMLScalar?
    public var html: YAMLScalar?

    /// The scalars that are Mustache templates, with their key names.
    public var mustacheParts: [(key: String, scalar: YAMLScalar)] {
        [("subject", subject), ("preheader", preheader), ("text", text), ("html", html)]
            .compactMap { key, scalar in scalar.map { (key, $0) } }
    }
}

/// `flowc.yaml` (spec section 6).
public struct ProjectSettings: Sendable {
    public var source: SourceFile?
    /// IANA name; default `UTC`.
    public var timezone: Located<String>?
    public var from: Located<String>?
    public var unsubscribeURL: YAMLScalar?
    public var delivery = DeliverySettings()
    public var schema: SchemaDeclaration?

    public init() {}
}

/// The `schema:` section as written: names and type names with their spans.
public struct SchemaDeclaration: Sendable {
    public struct Field: Sendable {
        public var name: Located<String>
        public var type: Located<String>
    }

    public struct EventDeclaration: Sendable {
        public var name: Located<String>
        public var properties: [Field]
    }

    public var contact: [Field] = []
    public var events: [EventDeclaration] = []

    public init() {}
}
