/// What every message sent by one option of one send step has in common: flow, step, template
/// and the settings the step resolved. Made once per option when the project is compiled and
/// shared by reference, so a planned send (and every run record, which is as large as its
/// largest case) stays small and a send costs one retain for all of it.
public final class SendOrigin: Hashable, Sendable {
    public let flow: String
    /// The step id, `#N` when unnamed.
    public let step: String
    /// The template id (the variant's template for an A/B step).
    public let template: String
    /// The template chosen by an A/B step, else nil.
    public let variant: String?
    /// The step's `subject:` override (a Mustache template), if any.
    public let subjectOverride: String?
    public let transactional: Bool
    /// The resolved `from` (template, else step, else flow delivery, else project): a Mustache template.
    public let from: String

    public init(flow: String, step: String, template: String, variant: String? = nil,
                subjectOverride: String? = nil, transactional: Bool, from: String) {
        self.flow = flow
        self.step = step
        self.template = template
        self.variant = variant
        self.subjectOverride = subjectOverride
        self.transactional = transactional
        self.from = from
    }

    public static func == (a: SendOrigin, b: SendOrigin) -> Bool {
        a === b || (a.flow == b.flow && a.step == b.step && a.template == b.template && a.variant == b.variant
            && a.subjectOverride == b.subjectOverride && a.transactional == b.transactional && a.from == b.from)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(flow)
        hasher.combine(step)
        hasher.combine(template)
        hasher.combine(variant)
        hasher.combine(subjectOverride)
        hasher.combine(transactional)
        hasher.combine(from)
    }
}
