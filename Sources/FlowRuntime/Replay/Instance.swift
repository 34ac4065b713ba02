import CPrefetch
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
    var visits = VisitCounts()
    /// The timer-queue slot of its pending timer (a wait, a `wait_for` deadline or a postponed
    /// send), nil when it has none. An instance has at most one: it is cancelled when the
    /// instance moves on or ends.
    var timer: Int?
    var isActive = true
    /// The `wait_for` step being waited at, and the event sequence number when it was reached.
    var waitingSince: UInt64?
    /// The latest message sent at each send step, with what feedback it got.
    var sent = SentMessages()

    /// Starts loading, without waiting, the event that started the instance. A hint only.
    func prefetchTrigger() {
        flowc_prefetch(Unmanaged.passUnretained(trigger).toOpaque())
    }

    init(flow: Int, contact: ContactState, key: String?, entry: Int, trigger: TriggerEvent, order: UInt64) {
        self.flow = flow
        self.contact = contact
        self.key = key
        self.entry = entry
        self.trigger = trigger
        self.order = order
    }
}

/// How many times an instance reached each step: the first eight steps inline (most flows are
/// no longer), later ones in an array made when one is first reached. An array per instance
/// cost more to make and free than the rest of the instance.
struct VisitCounts {
    private static let inlineCount = 8
    private var first: (Int32, Int32, Int32, Int32, Int32, Int32, Int32, Int32) = (0, 0, 0, 0, 0, 0, 0, 0)
    /// Steps from `inlineCount` on.
    private var later: [Int32] = []

    subscript(position: Int) -> Int32 {
        if position < Self.inlineCount {
            return withUnsafeBytes(of: first) { $0.load(fromByteOffset: position * 4, as: Int32.self) }
        }
        let index = position - Self.inlineCount
        return index < later.count ? later[index] : 0
    }

    /// Counts one more visit of the step at `position`.
    mutating func increment(_ position: Int) {
        if position < Self.inlineCount {
            withUnsafeMutableBytes(of: &first) { bytes in
                bytes.storeBytes(of: bytes.load(fromByteOffset: position * 4, as: Int32.self) &+ 1, toByteOffset: position * 4, as: Int32.self)
            }
            return
        }
        let index = position - Self.inlineCount
        if index >= later.count { later += repeatElement(0, count: index + 1 - later.count) }
        later[index] &+= 1
    }
}

struct SentMessage {
    var id: MessageID
    var opened = false
    var clicked = false
}

/// The latest message sent at each send step of an instance. An instance sends at few steps, so
/// a short list searched in order is cheaper than a dictionary; the first step's message is kept
/// inline, as making an array for it cost more than the rest of recording a send.
struct SentMessages {
    private typealias Entry = (position: Int, message: SentMessage)
    private var first: Entry?
    private var others: [Entry] = []

    /// The latest message sent at the step at `position`.
    subscript(position: Int) -> SentMessage? {
        if let first, first.position == position { return first.message }
        return others.first { $0.position == position }?.message
    }

    /// Records `message` as the latest one sent at the step at `position`.
    mutating func record(_ message: SentMessage, at position: Int) {
        if first == nil || first?.position == position {
            first = (position, message)
        } else if let index = others.firstIndex(where: { $0.position == position }) {
            others[index].message = message
        } else {
            others.append((position, message))
        }
    }

    /// Applies `change` to every recorded message with this id.
    mutating func update(id: MessageID, _ change: (inout SentMessage) -> Void) {
        if first?.message.id == id { change(&first!.message) }
        for index in others.indices where others[index].message.id == id {
            change(&others[index].message)
        }
    }
}
