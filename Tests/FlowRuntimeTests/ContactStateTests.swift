@testable import FlowRuntime
import FlowSyntax
import Testing

/// A contact's derived values (deliverable email, zone) follow its traits byte for byte.
@Suite struct ContactStateTests {
    @Test func deliverabilityFollowsTheEmailTrait() {
        let contact = ContactState(id: "u1")
        contact.replaceTraits(PackedObject(Value.Object([("email", .string("ana@example.com"))])))
        #expect(contact.hasDeliverableEmail)
        contact.setTrait("email", .string("ana@example.com")) // repeated unchanged
        #expect(contact.hasDeliverableEmail)
        contact.setTrait("email", .string("not an address"))
        #expect(!contact.hasDeliverableEmail)
        contact.setTrait("email", .string("bo@example.com"))
        #expect(contact.hasDeliverableEmail)
        #expect(Self.send(traits: contact.traits).to == "bo@example.com") // a send goes to the trait
        contact.setTrait("email", nil)
        #expect(!contact.hasDeliverableEmail)
        contact.replaceTraits(PackedObject(Value.Object([("email", .number(.init(5)))])))
        #expect(!contact.hasDeliverableEmail)
        contact.replaceTraits(PackedObject(Value.Object([("email", .string("cy@example.com"))]))) // all traits at once
        #expect(contact.hasDeliverableEmail)
    }

    private static func send(traits: PackedObject) -> PlannedSend {
        PlannedSend(messageID: MessageID(high: 1, low: 2), time: 0, flow: "f", step: "s", template: "t", contact: "u1",
                    transactional: false, from: "", traits: traits.object, trigger: TriggerEvent(name: "e", timestamp: 0))
    }

    /// Changes apply in order, each told first with the value it replaces.
    @Test func updatesApplyInOrderAndTellWhatTheyChange() {
        let contact = ContactState(id: "u1")
        contact.replaceTraits(PackedObject(Value.Object([("plan", .string("free")), ("email", .string("ana@example.com")), ("n", .number(.init(1)))])))
        var told: [String] = []
        contact.updateTraits([
            .init(key: "email", value: .null), .init(key: "plan", value: .string("pro")), .init(key: "vip", value: .bool(true)),
        ]) { key, old, new in told.append("\(key): \(old.map { "\($0)" } ?? "-") -> \(new.map { "\($0)" } ?? "-")") }
        #expect(told == [
            #"email: string("ana@example.com") -> -"#, #"plan: string("free") -> string("pro")"#, "vip: - -> bool(true)",
        ])
        #expect(contact.traits.object.keys == ["plan", "n", "vip"])
        #expect(contact.traits["plan"] == .string("pro"))
        #expect(!contact.hasDeliverableEmail)
    }

    /// `é` precomposed and decomposed are equal Swift strings but different bytes: the new
    /// bytes are what the contact has, and what a send goes to.
    @Test func anotherSpellingOfTheSameEmailReplacesIt() {
        let precomposed = "jos\u{E9}@example.com", decomposed = "jose\u{301}@example.com"
        #expect(precomposed == decomposed)
        let contact = ContactState(id: "u1")
        contact.setTrait("email", .string(precomposed))
        #expect(Array(Self.send(traits: contact.traits).to.utf8) == Array(precomposed.utf8))
        contact.setTrait("email", .string(decomposed))
        #expect(contact.hasDeliverableEmail)
        #expect(Array(Self.send(traits: contact.traits).to.utf8) == Array(decomposed.utf8))
        guard case .string(let stored) = contact.traits["email"] else { Issue.record("no email trait"); return }
        #expect(Array(stored.utf8) == Array(decomposed.utf8))
    }

    /// What `TriggerSlot` is laid out for: kept per contact and flow, in a `SmallMap`.
    @Test func aTriggerSlotWithItsFlowTakes48Bytes() {
        #expect(MemoryLayout<(key: Int, value: TriggerSlot)>.stride == 48)
    }

    @Test func zoneIsForgottenWhenTheTimezoneChanges() {
        let contact = ContactState(id: "u1")
        contact.setTrait("timezone", .string("Europe/Berlin"))
        contact.zone = .utc
        contact.setTrait("timezone", .string("Europe/Berlin"))
        #expect(contact.zone != nil)
        contact.setTrait("plan", .string("pro"))
        #expect(contact.zone != nil)
        contact.setTrait("timezone", .string("Asia/Tokyo"))
        #expect(contact.zone == nil)
    }
}

extension ContactState {
    /// One trait set (nil removes it), as an `identify` of that trait alone sets it.
    fileprivate func setTrait(_ key: String, _ value: Value?) {
        updateTraits([Value.Object.Member(key: key, value: value ?? .null)])
    }
}
