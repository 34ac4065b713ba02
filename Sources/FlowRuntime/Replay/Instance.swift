import FlowIR
import FlowSyntax

/// One contact's run through one flow (spec 4.4).
final class Instance {
    let flow: Int
    let contact: ContactState
    /// The entry key's text; nil when the flow has no `key`.
    let key: String?
    /// The instance's ordinal among entries of its (flow, contact, key), from 1.
    let entry: Int
    let trigger: TriggerEvent
    /// Global entry order, for processing instances of a contact in entry order.
    let order: UInt64
    /// The current step position.
    var position = 0
    /// How many times the instance reached each step.
    var visits: [Int32]
    /// Bumped whenever the instance moves on or ends, voiding its older timers.
    var generation: UInt32 = 0
    var isActive = true
    /// The `wait_for` step being waited at, and the event sequence number when it was reached.
    var waitingSince: UInt64?
    /// The latest message sent at each send step, with what feedback it got.
    var sent = SentMessages()

    init(flow: Int, contact: ContactState, key: String?, entry: Int, trigger: TriggerEvent, order: UInt64, stepCount: Int) {
        self.flow = flow
        self.contact = contact
        self.key = key
        self.entry = entry
        self.trigger = trigger
        self.order = order
        visits = Array(repeating: 0, count: stepCount)
    }
}

struct SentMessage {
    var id: String
    var opened = false
    var clicked = false
}

/// The latest message sent at each send step of an instance. An instance sends at few steps, so
/// a short list searched in order is cheaper than a dictionary.
struct SentMessages {
    private var messages: [(position: Int, message: SentMessage)] = []

    /// The latest message sent at the step at `position`.
    subscript(position: Int) -> SentMessage? {
        messages.first { $0.position == position }?.message
    }

    /// Records `message` as the latest one sent at the step at `position`.
    mutating func record(_ message: SentMessage, at position: Int) {
        if let index = messages.firstIndex(where: { $0.position == position }) {
            messages[index].message = message
        } else {
            messages.append((position, message))
        }
    }

    /// Applies `change` to every recorded message with this id.
    mutating func update(id: String, _ change: (inout SentMessage) -> Void) {
        for index in messages.indices where messages[index].message.id == id {
            change(&messages[index].message)
        }
    }
}
