@testable import FlowMail
import FlowSyntax
import Testing

@Suite struct EmailAddressTests {
    @Test func parsesNamedAndBareAddresses() {
        #expect(EmailAddress.parse("Shop <hello@shop.example>") == EmailAddress(displayName: "Shop", localPart: "hello", domain: "shop.example"))
        #expect(EmailAddress.parse("  hello@shop.example ") == EmailAddress(localPart: "hello", domain: "shop.example"))
        #expect(EmailAddress.parse("\"Shop, \\\"Inc\\\"\" <a.b+c@mail.shop.example>")?.displayName == "Shop, \"Inc\"")
        #expect(EmailAddress.parse("Café <x@y.example>")?.displayName == "Café")
        #expect(EmailAddress.parse("<x@y.example>")?.displayName == nil)
    }

    @Test(arguments: ["", "shop", "a@b", "a@-b.example", "a..b@c.example", ".a@c.example", "a b@c.example", "Shop <a@b.example",
                      "Sh<op <a@b.example>", "\"unterminated <a@b.example>", "a@b_c.example", "ü@b.example", "a@b.example."])
    func rejectsInvalidFromAddresses(_ text: String) {
        #expect(EmailAddress.parse(text) == nil)
    }

    @Test func deliverableIsLocalAtDomainDotTLDWithoutSpaces() {
        for good in ["ana@example.com", "o'brien@x.co.uk", "jösé@exämple.de", "a+tag@b.c"] { #expect(EmailAddress.isDeliverable(good), "\(good)") }
        for bad in ["", "ana", "ana@example", "ana@@example.com", "@example.com", "ana@.com", "ana@example.", "an a@example.com",
                    "ana@example.com ", "a,b@example.com", "<ana@example.com>", "ana@exa\tmple.com"] {
            #expect(!EmailAddress.isDeliverable(bad), "\(bad)")
        }
    }
}
