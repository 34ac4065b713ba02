import FlowMail

/// The messages of one batch, taken one at a time by the connections.
actor MessageQueue {
    private var messages: [OutgoingMessage]
    private var position = 0

    init(_ messages: [OutgoingMessage]) {
        self.messages = messages
    }

    func next() -> OutgoingMessage? {
        guard position < messages.count else { return nil }
        defer { position += 1 }
        return messages[position]
    }
}
