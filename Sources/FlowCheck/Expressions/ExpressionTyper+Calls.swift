import FlowSyntax

/// Function calls: names and argument counts (FC303), argument types (FC304),
/// event names (FC306) and send steps (FC107).
extension ExpressionTyper {
    mutating func typeOfCall(_ name: String, _ arguments: [Expression], range: Range<Int>) -> ExpressionType {
        let nameRange = range.lowerBound..<(range.lowerBound + name.unicodeScalars.count)
        let argumentTypes = arguments.map { type(of: $0) }
        guard let function = ExpressionFunction(name: name) else {
            findings.append(.unknownFunction(name, range: nameRange))
            return .unknown
        }
        guard function.arity.contains(arguments.count) else {
            findings.append(.wrongArgumentCount(function, found: arguments.count, range: range))
            return Self.resultType(of: function)
        }
        switch function {
        case .now:
            break
        case .exists:
            if case .path = arguments[0].kind {} else {
                findings.append(.typeMismatch(
                    "`exists` needs a path", range: arguments[0].range, help: "test a path, like `exists(contact.phone)`"
                ))
            }
        case .count, .last, .since:
            checkEventName(arguments[0], function: function)
            if arguments.count == 2, argumentTypes[1].isKnownValue, argumentTypes[1] != .duration {
                findings.append(.typeMismatch(
                    "the second argument of `count` must be a duration, found \(argumentTypes[1].phrase)",
                    range: arguments[1].range, help: "write a duration, like `count(\"Order Completed\", 30d)`"
                ))
            }
        case .opened, .clicked:
            checkSendStep(arguments[0], function: function)
        case .lower, .len:
            let accepted = function == .lower ? argumentTypes[0].isText : argumentTypes[0].isText || argumentTypes[0].isList
            if argumentTypes[0].isKnownValue, !accepted {
                let wanted = function == .lower ? "a string" : "a string or a list"
                findings.append(.typeMismatch(
                    "`\(function.rawValue)` needs \(wanted), found \(argumentTypes[0].phrase)",
                    range: arguments[0].range, help: "call it as `\(function.signature)`"
                ))
            }
        }
        return Self.resultType(of: function)
    }

    static func resultType(of function: ExpressionFunction) -> ExpressionType {
        switch function {
        case .now, .last: .timestamp
        case .since: .duration
        case .count, .len: .number
        case .exists, .opened, .clicked: .boolean
        case .lower: .string
        }
    }

    /// The quoted name of the argument, or a finding saying it must be one.
    mutating func quotedName(_ argument: Expression, function: ExpressionFunction, what: String) -> String? {
        guard case .literal(.string(let name)) = argument.kind else {
            findings.append(.typeMismatch(
                "`\(function.rawValue)` needs a quoted \(what)", range: argument.range,
                help: "call it as `\(function.signature)`"
            ))
            return nil
        }
        return name
    }

    mutating func checkEventName(_ argument: Expression, function: ExpressionFunction) {
        guard let name = quotedName(argument, function: function, what: "event name"),
              let schema = context.schema, !schema.knowsEvent(name)
        else { return }
        findings.append(.unknownEvent(name, range: argument.range, schema: schema))
    }

    mutating func checkSendStep(_ argument: Expression, function: ExpressionFunction) {
        guard let step = quotedName(argument, function: function, what: "step id"),
              !context.sendSteps.contains(step)
        else { return }
        findings.append(.notASendStep(function, step: step, range: argument.range, context: context))
    }
}
