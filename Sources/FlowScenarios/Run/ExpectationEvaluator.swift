import FlowRuntime
import FlowSyntax

/// Checks a scenario's expectations against the records of its run and lays both out as one
/// timeline: records that happened (` `), expected ones that did not (`-`), and ones an
/// expectation forbids (`+`).
struct ExpectationEvaluator {
    let scenario: Scenario
    let clock: ScenarioClock
    let records: [RunRecord]
    /// The scenario's events as timeline lines, each with the number of records made before it.
    let inputs: [(position: Int, line: TimelineLine)]
    let soleContact: String
    let zone: (Located<String>?) -> Zone
    let traits: (String) -> Value.Object?

    struct Outcome {
        var failures: [ScenarioFailure] = []
        var timeline: [TimelineLine] = []
    }

    func evaluate() -> Outcome {
        var outcome = Outcome()
        var marks = [TimelineLine.Mark](repeating: .happened, count: records.count)
        var notes = [String?](repeating: nil, count: records.count)
        var missing: [TimelineLine] = []
        var traitLines: [TimelineLine] = []
        for expectation in scenario.expectations {
            let contact = expectation.contact?.value ?? soleContact
            let window = expectation.timeMatch.map { range($0, zone: zone(expectation.contact)) }
            let position = "\(scenario.file):\(expectation.span.start.line):\(expectation.span.start.column)"
            func fail(_ message: String) {
                outcome.failures.append(ScenarioFailure(file: scenario.file, span: expectation.span, message: message))
            }
            func sends(_ match: MessageMatch) -> [Int] {
                indices { record in
                    guard case .send(let send) = record else { return false }
                    return send.contact == contact && Self.matches(match, send) && Self.within(window, send.time)
                }
            }
            switch expectation.kind {
            case .sent(let match):
                let found = sends(match)
                let expected = match.count?.value
                guard expected.map({ found.count != $0 }) ?? found.isEmpty else { continue }
                let what = describe(match, window: window)
                fail("expected a send\(what)\(expected.map { " exactly \($0) time(s)" } ?? ""), found \(found.count)" + nearMiss(match, contact: contact))
                missing.append(TimelineLine(mark: .missing, time: window?.lowerBound, contact: contact,
                                            text: "send " + Self.text(match), expectation: position))
            case .notSent(let match):
                let found = sends(match)
                guard !found.isEmpty else { continue }
                fail("expected no send\(describe(match, window: window)), found \(found.count): " +
                     found.map { "at \(timeText(records[$0].time))" }.joined(separator: ", "))
                for index in found {
                    marks[index] = .unexpected
                    notes[index] = position
                }
            case .skipped(let match):
                let found = indices { record in
                    guard case .skip(let skip) = record else { return false }
                    return skip.contact == contact && (match.flow.map { $0.value == skip.flow } ?? true)
                        && (match.step.map { $0.value == skip.step } ?? true)
                        && (match.reason.map { $0.value == skip.reason } ?? true) && Self.within(window, skip.time)
                }
                guard found.isEmpty else { continue }
                fail("expected a skip at \(Self.prose([match.flow?.value, match.step?.value], reason: match.reason?.value))\(windowText(window)), found none")
                missing.append(TimelineLine(mark: .missing, time: window?.lowerBound, contact: contact,
                                            text: "skip " + Self.text(match), expectation: position))
            case .ended(let match):
                let found = indices { record in
                    guard case .end(let end) = record else { return false }
                    return end.contact == contact && (match.flow.map { $0.value == end.flow } ?? true)
                        && (match.reason.map { $0.value == end.reason.rawValue } ?? true) && Self.within(window, end.time)
                }
                guard found.isEmpty else { continue }
                let ends = records.compactMap { record -> String? in
                    guard case .end(let end) = record, end.contact == contact, match.flow.map({ $0.value == end.flow }) ?? true else { return nil }
                    return "`\(end.reason.rawValue)` at \(timeText(end.time))"
                }
                let flow = match.flow.map { " of `\($0.value)`" } ?? ""
                let reason = match.reason.map { " as `\($0.value)`" } ?? ""
                fail("expected an instance\(flow) to end\(reason)\(windowText(window)), " +
                     (ends.isEmpty ? "but none ended" : "but it ended " + ends.joined(separator: ", ")))
                missing.append(TimelineLine(mark: .missing, time: window?.lowerBound, contact: contact,
                                            text: "end " + Self.text(match), expectation: position))
            case .traits(let expected):
                let actual = traits(contact) ?? Value.Object()
                for pair in expected {
                    let want = pair.value.value
                    let have = actual[pair.trait.value] ?? .null
                    guard want != have else { continue }
                    fail("expected trait `\(pair.trait.value)` to be \(ValueText.describe(want)) after the run, found \(ValueText.describe(have))")
                    traitLines.append(TimelineLine(mark: .missing, time: nil, contact: contact,
                                                   text: "trait \(pair.trait.value): \(ValueText.describe(want))", expectation: position))
                    traitLines.append(TimelineLine(mark: .unexpected, time: nil, contact: contact,
                                                   text: "trait \(pair.trait.value): \(ValueText.describe(have))", expectation: position))
                }
            }
        }
        var lines = records.indices.map { index in
            TimelineLine(mark: marks[index], time: records[index].time, contact: records[index].contact,
                         text: Self.text(records[index]), expectation: notes[index])
        }
        for input in inputs.reversed() {
            let time = input.line.time ?? .min
            let position = records.indices.first { $0 >= input.position && records[$0].time >= time } ?? records.endIndex
            lines.insert(input.line, at: position)
        }
        let end = records.last?.time ?? clock.start
        for line in missing {
            let time = line.time ?? end
            let position = lines.firstIndex { ($0.time ?? .max) > time } ?? lines.endIndex
            lines.insert(line, at: position)
        }
        outcome.timeline = lines + traitLines
        return outcome
    }

    // MARK: Matching

    private func indices(where predicate: (RunRecord) -> Bool) -> [Int] {
        records.indices.filter { predicate(records[$0]) }
    }

    private static func matches(_ match: MessageMatch, _ send: PlannedSend) -> Bool {
        (match.flow.map { $0.value == send.flow } ?? true)
            && (match.step.map { $0.value == send.step } ?? true)
            && (match.template.map { $0.value == send.template } ?? true)
            && (match.variant.map { $0.value == send.variant } ?? true)
    }

    private static func within(_ window: ClosedRange<Int64>?, _ time: Int64) -> Bool {
        window?.contains(time) ?? true
    }

    private func range(_ match: TimeMatch, zone: Zone) -> ClosedRange<Int64> {
        switch match {
        case .at(let time):
            let instant = clock.instant(time, in: zone)
            return instant...instant
        case .between(let from, let to):
            // A reversed range is reported by the runner; read it in order here.
            let (a, b) = (clock.instant(from, in: zone), clock.instant(to, in: zone))
            return min(a, b)...max(a, b)
        }
    }

    /// The sends of the same flow and step (or template) at other times or with other variants.
    private func nearMiss(_ match: MessageMatch, contact: String) -> String {
        var loose = match
        loose.variant = nil
        let near = records.compactMap { record -> String? in
            guard case .send(let send) = record, send.contact == contact, Self.matches(loose, send) else { return nil }
            return "at \(timeText(send.time))" + (send.variant.map { " with variant `\($0)`" } ?? "")
        }
        return near.isEmpty ? "" : "; sent " + near.joined(separator: ", ")
    }

    // MARK: Text

    private func timeText(_ time: Int64) -> String {
        "\(clock.offsetText(time)) (\(RFC3339.format(time)))"
    }

    private func windowText(_ window: ClosedRange<Int64>?) -> String {
        guard let window else { return "" }
        if window.lowerBound == window.upperBound { return " at \(timeText(window.lowerBound))" }
        return " between \(timeText(window.lowerBound)) and \(timeText(window.upperBound))"
    }

    /// What a message match asks for, after "a send": " from `flow/step` of template `t` with variant `v` at …".
    private func describe(_ match: MessageMatch, window: ClosedRange<Int64>?) -> String {
        let source = [match.flow?.value, match.step?.value].compactMap { $0 }.joined(separator: "/")
        return (source.isEmpty ? "" : " from `\(source)`")
            + (match.template.map { " of template `\($0.value)`" } ?? "")
            + (match.variant.map { " with variant `\($0.value)`" } ?? "")
            + windowText(window)
    }

    /// A skip or end match in words: "`flow/step` (`reason`)".
    private static func prose(_ source: [String?], reason: String?) -> String {
        let names = source.compactMap { $0 }.joined(separator: "/")
        return [names.isEmpty ? nil : "`\(names)`", reason.map { "with reason `\($0)`" }].compactMap { $0 }.joined(separator: " ")
    }

    /// A message match as timeline text: `flow/step template variant=…`.
    static func text(_ match: MessageMatch) -> String {
        [
            [match.flow?.value, match.step?.value].compactMap { $0 }.joined(separator: "/"),
            match.template.map { "template=\($0.value)" },
            match.variant.map { "variant=\($0.value)" },
        ].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func text(_ match: SkipMatch) -> String {
        [[match.flow?.value, match.step?.value].compactMap { $0 }.joined(separator: "/"), match.reason?.value]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    static func text(_ match: EndMatch) -> String {
        [match.flow?.value, match.reason?.value].compactMap { $0 }.joined(separator: " ")
    }

    /// A record as timeline text, in the words of the expectations that match it.
    static func text(_ record: RunRecord) -> String {
        switch record {
        case .send(let send):
            "send \(send.flow)/\(send.step) template=\(send.template)" + (send.variant.map { " variant=\($0)" } ?? "")
        case .skip(let skip):
            "skip \(skip.flow)/\(skip.step ?? "entry") \(skip.reason)"
        case .enter(let enter):
            "enter \(enter.flow)" + (enter.key.map { " key=\($0)" } ?? "")
        case .end(let end):
            "end \(end.flow) \(end.reason.rawValue)"
        }
    }
}

extension RunRecord {
    var contact: String {
        switch self {
        case .send(let send): send.contact
        case .skip(let skip): skip.contact
        case .enter(let enter): enter.contact
        case .end(let end): end.contact
        }
    }
}
