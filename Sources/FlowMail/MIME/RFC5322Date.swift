import FlowRuntime
import FlowSyntax

/// The RFC 5322 `Date:` form of a replay time, in UTC: `Sun, 01 Mar 2026 09:05:00 +0000`.
enum RFC5322Date {
    private static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func format(_ milliseconds: Int64) -> String {
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondsOfDay = Int(seconds - days * 86_400)
        let date = CivilDate(daysSinceEpoch: Int(days))
        func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(weekdays[date.weekday]), \(pad(date.day)) \(months[date.month - 1]) \(date.year) "
            + "\(pad(secondsOfDay / 3600)):\(pad(secondsOfDay / 60 % 60)):\(pad(secondsOfDay % 60)) +0000"
    }
}
