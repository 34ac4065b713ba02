/// What the log says happened to one sent message (each flag counts once per message).
struct MessageOutcome {
    var flow: Int
    var step: String
    var variant: String?
    var contact: String
    var time: Int64
    var delivered = false
    var hardBounce = false
    var softBounce = false
    var opened = false
    var clicked = false
    var unsubscribed = false
    var spam = false
    /// Goal events attributed to this message (last touch).
    var conversions = 0
    var revenue = 0.0
}
