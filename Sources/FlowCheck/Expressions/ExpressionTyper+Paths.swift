import FlowSyntax

/// Paths: which roots are usable (FC302), which traits and properties exist (FC305).
extension ExpressionTyper {
    static let eventMembers = ["event", "timestamp", "properties"]

    mutating func typeOfPath(_ root: PathRoot, _ components: [PathComponent], range: Range<Int>) -> ExpressionType {
        guard context.roots.contains(root) else {
            let rootRange = range.lowerBound..<(range.lowerBound + root.rawValue.unicodeScalars.count)
            findings.append(.rootNotAvailable(root, range: rootRange, available: context.roots))
            return .unknown
        }
        switch root {
        case .contact: return typeOfContactPath(components, range: range)
        case .event: return typeOfEventPath(components, shape: context.event, root: root, range: range)
        case .trigger: return typeOfEventPath(components, shape: context.trigger, root: root, range: range)
        }
    }

    mutating func typeOfContactPath(_ components: [PathComponent], range: Range<Int>) -> ExpressionType {
        guard let trait = components.first else { return .object }
        let type: ExpressionType
        if let builtIn = Schema.builtInTraits[trait.name] {
            type = ExpressionType(builtIn)
        } else if let schema = context.schema {
            guard let declared = schema.contact[trait.name] else {
                findings.append(.unknownName(
                    "unknown trait `\(trait.name)`", range: trait.range,
                    help: ExpressionFinding.didYouMean(
                        suggestion(for: trait.name, among: schema.traitNames),
                        otherwise: "declare it under `schema: contact:` in `flowc.yaml`"
                    )
                ))
                return .unknown
            }
            type = ExpressionType(declared)
        } else {
            type = .unknown
        }
        return member(of: type, named: "contact." + trait.name, components.dropFirst())
    }

    mutating func typeOfEventPath(
        _ components: [PathComponent], shape: EventShape, root: PathRoot, range: Range<Int>
    ) -> ExpressionType {
        guard let first = components.first else { return .object }
        let prefix = root.rawValue + "." + first.name
        switch first.name {
        case "event": return member(of: .string, named: prefix, components.dropFirst())
        case "timestamp": return member(of: .timestamp, named: prefix, components.dropFirst())
        case "properties": return typeOfProperty(components.dropFirst(), shape: shape, root: root)
        default:
            let help = suggestion(for: first.name, among: Self.eventMembers).map { "did you mean `\(root.rawValue).\($0)`?" }
                ?? "an event has `event`, `timestamp` and `properties`; did you mean `\(root.rawValue).properties.\(first.name)`?"
            findings.append(.unknownName("unknown member `\(first.name)` of `\(root.rawValue)`", range: first.range, help: help))
            return .unknown
        }
    }

    mutating func typeOfProperty(_ components: ArraySlice<PathComponent>, shape: EventShape, root: PathRoot) -> ExpressionType {
        guard let property = components.first else { return .object }
        let name = "\(root.rawValue).properties.\(property.name)"
        guard let known = knownProperties(of: shape) else {
            return member(of: .unknown, named: name, components.dropFirst())
        }
        guard let type = known.types[property.name] else {
            findings.append(.unknownName(
                "unknown property `\(property.name)` of \(known.owner)", range: property.range,
                help: ExpressionFinding.didYouMean(
                    suggestion(for: property.name, among: known.types.keys.sorted()), otherwise: known.fix
                )
            ))
            return .unknown
        }
        return member(of: type, named: name, components.dropFirst())
    }

    /// The properties an event certainly has, or nil when any may exist.
    func knownProperties(of shape: EventShape) -> (types: [String: ExpressionType], owner: String, fix: String)? {
        switch shape {
        case .unknown:
            return nil
        case .dateTrigger:
            return (["date": .string], "the date trigger's event", "a date trigger's event has only `properties.date`")
        case .named(let names):
            guard let schema = context.schema, !names.isEmpty else { return nil }
            var types: [String: ExpressionType] = [:]
            for name in names {
                // An undeclared event is reported where it is named (FC306); its properties are unknown.
                guard let properties = schema.properties(ofEvent: name) else { return nil }
                for (property, declared) in properties {
                    let type = ExpressionType(declared)
                    types[property] = types[property].map { $0 == type ? type : .unknown } ?? type
                }
            }
            let owner = names.map { "`\($0)`" }.joined(separator: " or ")
            return (types, owner, "declare it under `schema: events:` in `flowc.yaml`")
        }
    }

    /// The type of `rest` inside a value of `type` (reached as `name`): objects and unknown values
    /// may have members; anything else has none (FC304).
    mutating func member(of type: ExpressionType, named name: String, _ rest: ArraySlice<PathComponent>) -> ExpressionType {
        guard let next = rest.first else { return type }
        if type != .unknown, type != .object {
            findings.append(.typeMismatch(
                "`\(name)` is \(type.phrase) and has no member `\(next.name)`", range: next.range,
                help: "remove `.\(next.name)`"
            ))
        }
        return .unknown
    }
}
