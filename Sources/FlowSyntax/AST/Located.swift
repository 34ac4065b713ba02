/// A value together with the span it was written at.
public struct Located<Wrapped: Sendable>: Sendable {
    public var value: Wrapped
    public var span: SourceSpan

    public init(_ value: Wrapped, span: SourceSpan) {
        self.value = value
        self.span = span
    }
}

/// An expression as written in a YAML scalar; parsed and checked by later stages.
/// Keeps the scalar so that offsets inside the text map back onto the file.
public struct ExpressionText: Sendable {
    public var text: String
    public var scalar: YAMLScalar

    public init(scalar: YAMLScalar) {
        text = scalar.value
        self.scalar = scalar
    }

    public var span: SourceSpan { scalar.span }
}
