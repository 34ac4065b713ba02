@testable import FlowMail
import Testing

/// Header lines (spec section 5): line breaks at either end are dropped, every other run of CR
/// and LF becomes one space, whichever of the two it is made of.
@Suite struct TextFiltersTests {
    @Test(arguments: [
        ("plain subject", "plain subject"),
        ("a\rb", "a b"),
        ("a\nb", "a b"),
        ("a\r\n\r\nb", "a b"),
        ("\r\nlead and trail\r", "lead and trail"),
        ("\r", ""),
        ("é\r€", "é €"),
        ("", ""),
    ])
    func headerLineCollapsesEveryLineBreak(_ text: String, _ expected: String) {
        #expect(TextFilters.headerLine(text) == expected)
    }
}
