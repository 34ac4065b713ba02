import Testing
@testable import FlowReport

/// `ReportCSV`: a header row, then one row per flow, step and variant, RFC 4180 quoting.
@Suite struct ReportRenderCSVTests {
    static func rows(_ csv: String) -> [String] {
        csv.components(separatedBy: "\r\n").dropLast().map { $0 }
    }

    @Test func rowsFollowFlowStepVariantOrderAfterTheHeader() {
        let csv = ReportCSV.render(ReportSamples.report())
        #expect(csv.hasSuffix("\r\n"))
        let rows = Self.rows(csv)
        #expect(rows.first == ReportCSV.header.joined(separator: ","))
        #expect(rows.dropFirst().map { $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",") } == [
            "flow,promo,,", "step,promo,welcome,", "step,promo,offer,",
            "variant,promo,offer,hello", "variant,promo,offer,other",
            "flow,idle,,", "step,idle,nothing,",
        ])
        #expect(rows.allSatisfy { $0.split(separator: ",", omittingEmptySubsequences: false).count == ReportCSV.header.count })
    }

    @Test func flowAndVariantRowsCarryTheirCountsAndRates() throws {
        let rows = Self.rows(ReportCSV.render(ReportSamples.report()))
        let header = ReportCSV.header
        func value(_ row: String, _ column: String) throws -> String {
            let index = try #require(header.firstIndex(of: column))
            return String(row.split(separator: ",", omittingEmptySubsequences: false)[index])
        }
        #expect(try value(rows[1], "entered") == "450")
        #expect(try value(rows[1], "completed") == "400")
        #expect(try value(rows[1], "skipped") == "5")
        #expect(try value(rows[1], "revenue") == "570.50")
        #expect(try value(rows[5], "weight") == "50")
        #expect(try value(rows[5], "open_rate") == "0.6000")
        #expect(try value(rows[5], "click_to_open_rate") == "0.3333")
        #expect(try value(rows[5], "revenue_per_recipient") == "2.10")
        // Nothing sent: rates and revenue per recipient stay empty rather than 0 or NaN.
        #expect(try value(rows[7], "open_rate") == "")
        #expect(try value(rows[7], "revenue_per_recipient") == "")
    }

    @Test func fieldsWithCommasQuotesOrLineBreaksAreQuoted() {
        #expect(ReportCSV.field("plain-id") == "plain-id")
        #expect(ReportCSV.field("a,b") == "\"a,b\"")
        #expect(ReportCSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(ReportCSV.field("two\nlines") == "\"two\nlines\"")
        #expect(ReportCSV.field("crlf\r\nline") == "\"crlf\r\nline\"")
        let csv = ReportCSV.render(ReportSamples.report(templates: ("a,b", "q\"x")))
        #expect(csv.contains("\r\nvariant,promo,offer,\"a,b\",50,"))
        #expect(csv.contains("\r\nvariant,promo,offer,\"q\"\"x\",50,"))
    }
}
