import FlowSyntax
import FlowCheck
import Testing

@Suite struct RuleCatalogTests {
    /// The codes and severities of spec section 8, copied by hand (the spec is not part of the repo).
    static let specTable: [(code: String, severity: Severity)] = [
        ("FC001", .error), ("FC002", .error), ("FC003", .error), ("FC004", .error),
        ("FC005", .error), ("FC006", .error), ("FC007", .error),
        ("FC101", .error), ("FC102", .error), ("FC103", .warning), ("FC104", .error),
        ("FC105", .error), ("FC106", .error), ("FC107", .error), ("FC108", .warning),
        ("FC201", .error), ("FC202", .error), ("FC203", .error), ("FC204", .error),
        ("FC205", .error), ("FC206", .error), ("FC207", .warning), ("FC208", .warning),
        ("FC209", .warning),
        ("FC301", .error), ("FC302", .error), ("FC303", .error), ("FC304", .error),
        ("FC305", .error), ("FC306", .error), ("FC307", .warning),
        ("FC401", .error), ("FC402", .error), ("FC403", .error), ("FC404", .error),
        ("FC405", .error), ("FC406", .error), ("FC407", .warning),
        ("FC501", .warning), ("FC502", .warning),
        // FC6xx: scenario files, added with `flowc test` (not in the spec's table).
        ("FC601", .error), ("FC602", .error), ("FC603", .error), ("FC604", .error), ("FC605", .error),
        ("FC606", .error), ("FC607", .error), ("FC608", .error), ("FC609", .warning),
    ]

    @Test func catalogHasExactlyTheSpecCodesInOrderWithTheirSeverities() {
        #expect(RuleCatalog.all.map(\.code) == Self.specTable.map(\.code))
        #expect(RuleCatalog.all.map(\.severity) == Self.specTable.map(\.severity))
    }

    @Test func lookupByCode() {
        #expect(RuleCatalog.rule("FC101")?.name == "unknown-step")
        #expect(RuleCatalog.index(of: "FC001") == 0)
        #expect(RuleCatalog.index(of: "FC609") == RuleCatalog.all.count - 1)
        #expect(RuleCatalog.rule("FC999") == nil)
        #expect(RuleCatalog.rule("fc101") == nil)
    }

    @Test func namesAreDistinctKebabCaseAndTextsAreFilled() {
        let names = RuleCatalog.all.map(\.name)
        #expect(Set(names).count == names.count)
        for rule in RuleCatalog.all {
            #expect(rule.name.allSatisfy { $0.isLowercase || $0 == "-" }, "\(rule.code): \(rule.name)")
            #expect(rule.summary.hasSuffix("."), "\(rule.code)")
            #expect(rule.help.hasSuffix("."), "\(rule.code)")
            #expect(rule.summary.first?.isUppercase == true || rule.summary.first == "`", "\(rule.code)")
        }
    }
}
