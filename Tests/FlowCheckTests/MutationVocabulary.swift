/// Values and names the structure mutations draw from: the words of the flow format, good and bad.
enum MutationVocabulary {
    /// Every key the format defines, for renames and new keys.
    static let keys = [
        "flow", "name", "description", "transactional", "trigger", "event", "where", "date", "offset", "at",
        "repeat", "inactivity", "for", "audience", "entry", "key", "reentry", "retrigger", "goal", "exit",
        "delivery", "window", "hours", "days", "frequency_cap", "max", "per", "from", "steps", "id", "wait",
        "until", "on", "send", "template", "subject", "variants", "weight", "wait_for", "within", "then",
        "timeout", "branch", "if", "goto", "else", "split", "update", "end", "timezone", "unsubscribe_url",
        "schema", "contact", "events", "preheader", "text", "html",
    ]

    static let durations = [
        "1h", "0s", "0d", "-1d", "+2d", "-7d", "90m", "1h30m", "P2D", "PT1H30M", "P1W", "3w", "1", "d", "", "1.5h",
        "365d", "366d", "-365d", "-366d", "P", "PT", "1y", "1h1h", "99999999999999999999d", "9223372036854775807s",
        "2562047788015215w", "106751991167300d", "15250284452w", "9223372036854775807ms", "P9999999999999999999D",
        "PT-1H", "1d ", " 1d", "1D", "after 1d",
        String(repeating: "999999999w", count: 20), "P" + String(repeating: "999999999W", count: 20),
    ]

    static let times = ["09:00", "00:00", "23:59", "24:00", "9:05", "9:5", "12:60", "-1:00", "1200", "x", "", "10:00:00", "٠٩:٠٠"]

    static let windows = ["08:00-21:00", "21:00-08:00", "10:00-10:00", "08:00", "08:00-", "-21:00", "25:00-26:00", "a-b", "08:00 - 21:00", ""]

    static let weekdays = ["mon", "tue", "sun", "Mon", "monday", "funday", "", "mon,tue", "1"]

    static let expressions = [
        "contact.vip == true", "event.properties.value > 0", "trigger.properties.total >= 250",
        "opened(\"reminder\")", "clicked(\"nope\")", "opened(\"#1\")", "opened()", "opened(1)",
        "count(\"Order Completed\", 365d) >= 5", "count(\"Nope\", -1d) > 1", "since(\"Order Completed\") > 90d",
        "now() - trigger.timestamp > 1h", "1 == 1", "true", "null", "contact.first_name == 3", "event.x",
        "(((((", ")", "\"unterminated", "'x", "contact[\"first_name\"]", "contact[0]", "[1, 2, 3] contains 1",
        "len()", "lower(1, 2)", "exists(contact.vip)", "contact.birthday", "trigger.properties.date",
        "contact.nope.deeper.still", "99999999999999999999999999 > 1e400", "-9223372036854775808 < 1",
        "1 / 0 > 1", "1 % 0 == 0", "contact.country in []", "not not not true", "a b c", "==", "",
        "contact.email contains", "event.properties.checkout_id != trigger.properties.checkout_id",
        "P1D > 1d", "1d + 1 > 0", "\"2024-01-01\" < now()", "contact.birthday + 1d", "trigger.timestamp",
        "unknown(contact.x)", "contact.first_name ==", "contact.vip and", "é.ü", "contact.\u{0}",
        String(repeating: "(", count: 400) + "1" + String(repeating: ")", count: 400),
        String(repeating: "not ", count: 500) + "true",
        String(repeating: "-", count: 500) + "1 > 0",
        (0..<600).map { _ in "1" }.joined(separator: " + ") + " > 0",
        "contact" + String(repeating: ".a", count: 400),
        String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
    ]

    static let jumps = ["end", "END", "", "reminder", "discount", "remindr", "#1", "upgrade", "nope", "offer", "x y", "-", "end "]

    static let templates = ["cart-reminder", "welcome", "vip-perks", "nope", "", "../flowc", "welcome.email", "{{x}}", "CART-REMINDER"]

    static let mustache = [
        "{{contact.first_name}}", "{{#a}}{{/b}}", "{{", "}}", "{{> partial}}", "{{{x}}}", "{{=<% %>=}}<% x %>",
        "{{!comment}}", "{{contact.nope}}", "{{trigger.properties.value}}", "{{ unsubscribe_url }}", "{{^x}}",
        "{{/x}}", "{{#contact.vip}}{{flow.id}}{{step.nope}}{{/contact.vip}}", "{{&message.id}}", "{{.}}", "{{}}",
        "{{=}}", "{{= =}}", "{{#x}}" + String(repeating: "{{#y}}", count: 300), "{{message.x.y}}", "plain text",
        String(repeating: "{{a}}", count: 500),
    ]

    static let addresses = ["Shop <hello@shop.example>", "bad", "<>", "a@b", "Name <a@b", "@", "", "a@@b", "\"Q\" <q@x.y>", "<a@b.c> trailing"]

    static let numbers = ["50", "0", "-1", "100", "1e2", "99999999999999999999", "abc", "50.5", "", "0x10", "9223372036854775807", "+5", "２"]

    static let ids = ["reminder", "end", "END", "a b", "-x", "", "x", "discount", "é", "nope", String(repeating: "a", count: 300)]

    static let events = ["Order Completed", "Checkout Started", "Signed Up", "Nope", "", "email_opened", "order completed"]

    static let words = [
        "always", "once", "after 5d", "after -1d", "after", "after x", "after 0s", "sometimes", "ignore", "restart",
        "yearly", "none", "true", "false", "yes", "no", "UTC", "Europe/Berlin", "Mars/Base", "string", "number",
        "boolean", "date", "timestamp", "list", "object", "bogus", "~", "null",
    ]

    /// Values that fit the key they stand under, right or wrong, so mutations reach the checks behind it.
    static func values(forKey key: String) -> [String] {
        switch key {
        case "wait", "within", "for", "per", "offset": durations
        case "at", "until": times
        case "hours": windows
        case "on", "days": weekdays + numbers
        case "where", "if", "audience", "key", "date": expressions
        case "goto", "then", "timeout", "else": jumps
        case "send", "template": templates
        case "subject", "text", "html", "preheader", "unsubscribe_url": mustache
        case "from": addresses
        case "weight", "max": numbers
        case "id", "flow": ids
        case "event": events
        default: words + durations + expressions + numbers
        }
    }

    /// Steps to insert into a flow's `steps`, each a small YAML text.
    static let steps = [
        "wait: 1h", "wait: { for: 2d }", "wait: { until: \"09:00\", on: [mon, sun] }", "wait: { days: 0, at: \"15:00\" }",
        "wait: { date: contact.birthday, offset: -1d }", "wait: { days: -1 }", "wait: {}", "end", "goto: end",
        "send: welcome", "send: { template: nope, subject: \"{{x\" }", "send: { variants: [ { template: welcome, weight: 60 }, { template: vip-perks, weight: 60 } ] }",
        "send: { variants: [] }", "wait_for: { event: Order Completed, within: 1d, then: end, timeout: nowhere }",
        "wait_for: { event: Nope, within: 0s }", "branch: [ { if: contact.vip, goto: end }, { else: end }, { if: true, goto: end } ]",
        "branch: []", "split: [ { weight: 50, goto: end }, { weight: 49, goto: end } ]", "split: [ { weight: 100 } ]",
        "update: { vip: true, nope: 1, loyalty_tier: { a: b } }", "id: end\nwait: 1h", "id: Bad Id\nsend: welcome",
        "wait: 1h\nsend: welcome", "branch: { if: true }", "send: [welcome]",
        "wait: { days: 9223372036854775807 }", "wait: " + String(repeating: "999999999w", count: 9),
        "wait_for: { event: Order Completed, within: " + String(repeating: "999999999w", count: 9) + " }",
    ]

    /// Whole triggers to put in place of a flow's trigger.
    static let triggers = [
        "event: Order Completed", "date: contact.birthday\noffset: -400d\nat: \"25:00\"\nrepeat: weekly",
        "inactivity: { event: Order Completed, for: 0s, where: event.x }", "event: Nope\ndate: contact.birthday",
        "inactivity: Order Completed", "date: 1 + ", "{}", "event: [a, b]",
    ]
}
