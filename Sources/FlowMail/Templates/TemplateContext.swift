import FlowRuntime
import FlowSyntax
import Mustache

/// Turns `Value`s into the objects swift-mustache renders.
///
/// Rules (spec section 5): a number renders as written, a timestamp as RFC 3339, a duration in
/// compact form, a list as its items joined by `, `, an object as nothing. Null, a missing name
/// and the empty string are falsy and render empty; `false` and the empty list are falsy; every
/// other value (also `0` and an empty object) is truthy.
/// `filter` rewrites every piece of text taken from data: header contexts collapse CR/LF, the
/// unsubscribe URL percent-encodes.
struct TemplateContext {
    var filter: (String) -> String

    func object(_ pairs: [(String, Any)]) -> TemplateObject {
        TemplateObject(members: Dictionary(pairs, uniquingKeysWith: { _, last in last }))
    }

    /// An object whose members are converted only when a template looks them up.
    func object(_ object: Value.Object) -> TemplateObject {
        TemplateObject(members: [:], values: object, context: self)
    }

    func convert(_ value: Value) -> Any {
        switch value {
        case .null: TemplateNothing()
        case .bool(let bool): bool
        case .number(let number): filter(number.text)
        case .string(let string): string.isEmpty ? TemplateNothing() : filter(string)
        case .timestamp(let milliseconds): filter(RFC3339.format(milliseconds))
        case .duration(let milliseconds): filter(DurationSyntax.format(milliseconds))
        case .list(let items): TemplateList(items: items.map(convert))
        case .object(let members): object(members)
        }
    }
}

/// A falsy value that renders as nothing: null and the empty string.
struct TemplateNothing: MustacheCustomRenderable {
    var renderText: String { "" }
    var isNull: Bool { true }
}

/// An object: members by name; renders as nothing itself (also as the root, so `{{.}}` is empty).
/// `members` are looked up first, then `values`, converted on demand.
struct TemplateObject: MustacheParent, MustacheCustomRenderable {
    var members: [String: Any]
    var values: Value.Object?
    var context: TemplateContext?

    init(members: [String: Any], values: Value.Object? = nil, context: TemplateContext? = nil) {
        self.members = members
        self.values = values
        self.context = context
    }

    func child(named name: String) -> Any? {
        if let member = members[name] { return member }
        guard let value = values?[name], let context else { return nil }
        return context.convert(value)
    }

    var renderText: String { "" }
    var isNull: Bool { false }
}

/// A list: a section iterates it, a variable renders its items joined by `, `. It has no
/// members: a name looked up in it (inside an inverted section over an empty list, which pushes
/// the list) goes on to the values around it, instead of reflection finding `items`.
struct TemplateList: MustacheSequence, MustacheCustomRenderable, MustacheParent {
    var items: [Any]
    func child(named name: String) -> Any? { nil }
    func makeIterator() -> IndexingIterator<[Any]> { items.makeIterator() }
    var renderText: String { items.map(Self.text).joined(separator: ", ") }
    var isNull: Bool { false }

    private static func text(_ item: Any) -> String {
        switch item {
        case let string as String: string
        case let bool as Bool: bool ? "true" : "false"
        case let renderable as MustacheCustomRenderable: renderable.renderText
        default: ""
        }
    }
}
