#!/usr/bin/env python3
"""Adds mail feedback for the messages flowc really sent to an event log (spec 4.1).

Input: a base log (JSON Lines, as scripts/gen_events.py writes it) and the records of
`flowc run --dry-run --json` replaying it (spec 7; only `send` records are read). Output: the
base log with, for each send,

  Email Delivered     for most messages, seconds after the send;
  Email Opened        for a share of the delivered ones that depends on the template (and so
                      on the A/B variant), minutes to about two days after the send;
  Email Link Clicked  for a share of the openers, seconds to minutes after the open;

each with `properties.email_id` = the send's `id`. Which feedback a message gets, and when, is
decided by a random generator seeded with a hash of (--seed, message id) alone, so a message
keeps its feedback when other messages change.

The base log's own `Unsubscribed`, `Email Marked as Spam` and `Email Bounced` events get the
`email_id` of that contact's most recent send before them (they come from a message), or lose
their `email_id` when there is none. (The message a bounce names keeps its own feedback:
letting the bounce take it away can make replays flip between two paths for ever.) The
base log's `Email Delivered`, `Email Opened` and `Email Link Clicked` lines are dropped: the
feedback written here replaces them. Feedback later than the base log's last event is left
out (the log ends there). Other lines are kept byte for byte; the output stays in
non-decreasing timestamp order (at equal times, base lines first), and feedback lines get
their own messageIds: `d-`, `o-` or `c-` (delivered, opened, clicked) + the email_id.

Opens change flow paths (opened()/clicked() branches), so the sends of a replay of the output
can differ from the input's: scripts/make_demo_log.sh repeats replay and feedback until the
log no longer changes.

Example:

  flowc run flows --events base.jsonl --dry-run --json > sends.jsonl
  scripts/add_feedback.py --seed 42 base.jsonl sends.jsonl -o events.jsonl
"""

import argparse
import bisect
import collections
import datetime
import hashlib
import heapq
import json
import random
import sys

HOUR_MS = 3_600_000
MINUTE_MS = 60_000
SECOND_MS = 1000

DELIVERY_RATE = 0.97
# Template (or A/B variant) → (share of delivered messages opened, share of openers who click).
# The abandoned cart's A/B step differs on purpose: the discount does better than free shipping.
ENGAGEMENT = {
    "welcome": (0.60, 0.35),
    "welcome-tips": (0.48, 0.30),
    "welcome-offer": (0.42, 0.35),
    "welcome-last-chance": (0.30, 0.25),
    "cart-reminder": (0.45, 0.30),
    "cart-discount-10": (0.52, 0.42),
    "cart-free-shipping": (0.36, 0.22),
    "review-request": (0.42, 0.38),
    "review-reminder": (0.30, 0.25),
    "review-nudge": (0.35, 0.30),
    "winback-miss-you": (0.28, 0.20),
    "winback-incentive": (0.32, 0.30),
    "winback-farewell": (0.20, 0.15),
    "birthday-early-gift": (0.55, 0.40),
    "birthday-greeting": (0.50, 0.25),
    "vip-welcome": (0.65, 0.30),
    "vip-perks": (0.55, 0.35),
    "order-receipt": (0.70, 0.10),
}
DEFAULT_ENGAGEMENT = (0.35, 0.25)
OPEN_DELAY_MEAN_MS = 6 * HOUR_MS
OPEN_DELAY_MAX_MS = 47 * HOUR_MS
CONSENT_EVENTS = {"Unsubscribed", "Email Marked as Spam", "Email Bounced"}
ENGAGEMENT_EVENTS = {"Email Delivered", "Email Opened", "Email Link Clicked"}


class InputError(Exception):
    """Bad input: the message names the file and line."""


def parse_time(text):
    """Milliseconds since the epoch for an RFC 3339 time (`Z` or an offset)."""
    moment = datetime.datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    if moment.tzinfo is None:
        raise ValueError(f"`{text}` has no `Z` or offset")
    return int(moment.timestamp() * 1000)


def whole_second(ms):
    """`ms` rounded up to a whole second: feedback never comes before its message."""
    return -(-ms // SECOND_MS) * SECOND_MS


def format_time(ms):
    """RFC 3339 UTC with `Z`, whole seconds."""
    moment = datetime.datetime.fromtimestamp(ms // SECOND_MS, datetime.timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


Send = collections.namedtuple("Send", "time contact id template")


def read_sends(path):
    """The `send` records of a `flowc run --json` output, first record per message id."""
    sends, seen = [], set()
    with open_input(path) as lines:
        for number, line in enumerate(lines, 1):
            try:
                record = json.loads(line)
                if record.get("kind") != "send" or record["id"] in seen:
                    continue
                seen.add(record["id"])
                sends.append(Send(parse_time(record["time"]), record["contact"], record["id"],
                                  record.get("variant") or record["template"]))
            except (ValueError, KeyError, TypeError, AttributeError) as problem:
                raise InputError(f"{path}:{number}: not a flowc send record ({problem})") from None
    return sends


def read_base(path):
    """(time, line, event) for each line of the base log; checks the timestamp order."""
    entries, previous = [], None
    with open_input(path) as lines:
        for number, line in enumerate(lines, 1):
            try:
                event = json.loads(line)
                time = parse_time(event["timestamp"])
            except (ValueError, KeyError, TypeError) as problem:
                raise InputError(f"{path}:{number}: not a Segment event ({problem})") from None
            if previous is not None and time < previous:
                raise InputError(f"{path}:{number}: timestamp earlier than the line before; sort the log first")
            previous = time
            entries.append((time, line if line.endswith("\n") else line + "\n", event))
    return entries


def open_input(path):
    return open(sys.stdin.fileno(), encoding="utf-8", closefd=False) if path == "-" else open(path, encoding="utf-8")


def message_random(seed, message_id):
    """The generator that decides one message's feedback: seeded by a hash of (seed, id) only."""
    digest = hashlib.sha256(f"{seed}\n{message_id}".encode()).digest()
    return random.Random(int.from_bytes(digest, "big"))


def feedback_for(send, seed):
    """[(time in whole seconds, messageId prefix, event name)] for one message. Every draw is
    made whatever the outcome, so each decision depends only on the message."""
    rng = message_random(seed, send.id)
    open_rate, click_share = ENGAGEMENT.get(send.template, DEFAULT_ENGAGEMENT)
    delivered = rng.random() < DELIVERY_RATE
    delivered_at = send.time + rng.randrange(SECOND_MS, 90 * SECOND_MS)
    opened = delivered and rng.random() < open_rate
    opened_at = send.time + min(2 * MINUTE_MS + int(rng.expovariate(1 / OPEN_DELAY_MEAN_MS)), OPEN_DELAY_MAX_MS)
    clicked = opened and rng.random() < click_share
    clicked_at = opened_at + rng.randrange(10 * SECOND_MS, 20 * MINUTE_MS)
    events = []
    if delivered:
        events.append((whole_second(delivered_at), "d", "Email Delivered"))
    if opened:
        events.append((whole_second(opened_at), "o", "Email Opened"))
    if clicked:
        events.append((whole_second(clicked_at), "c", "Email Link Clicked"))
    return events


def name_messages(base, sends):
    """Base lines with consent and bounce events naming the contact's latest earlier send."""
    by_contact = collections.defaultdict(list)
    for send in sorted(sends, key=lambda send: send.time):
        by_contact[send.contact].append(send)
    times = {contact: [send.time for send in contact_sends] for contact, contact_sends in by_contact.items()}
    lines = []
    for time, line, event in base:
        name = event.get("event")
        if name in ENGAGEMENT_EVENTS:
            continue
        if name in CONSENT_EVENTS:
            contact = event.get("userId", event.get("anonymousId"))
            earlier = bisect.bisect_left(times.get(contact, []), time)
            given = event.get("properties")
            properties = {key: value for key, value in given.items() if key != "email_id"} if isinstance(given, dict) else {}
            if earlier:
                properties = {"email_id": by_contact[contact][earlier - 1].id, **properties}
            event["properties"] = properties
            line = json.dumps(event, ensure_ascii=False, separators=(",", ":")) + "\n"
        lines.append((time, line))
    return lines


def feedback_lines(sends, seed, end):
    """(time, line) of the feedback for every message, up to `end`."""
    lines = []
    for send in sends:
        for time, prefix, name in feedback_for(send, seed):
            if time > end:
                continue
            lines.append((time, f'{{"type":"track","userId":{json.dumps(send.contact, ensure_ascii=False)},'
                                f'"event":"{name}","timestamp":"{format_time(time)}",'
                                f'"messageId":"{prefix}-{send.id}","properties":{{"email_id":"{send.id}"}}}}\n'))
    return lines


def with_feedback(base, sends, seed):
    """The output lines: base lines and feedback merged by time, base lines first on ties."""
    if not base:
        return [], collections.Counter()
    kept = name_messages(base, sends)
    added = sorted(feedback_lines(sends, seed, base[-1][0]), key=lambda entry: entry[0])
    merged = heapq.merge(((time, 0, line) for time, line in kept), ((time, 1, line) for time, line in added))
    counts = collections.Counter(line.split('"event":"', 1)[1].split('"', 1)[0] for _, line in added)
    return [line for _, _, line in merged], counts


def parse_arguments(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     epilog="See the top of scripts/add_feedback.py for what is added.")
    parser.add_argument("base", help="the base event log (JSON Lines)")
    parser.add_argument("sends", help="`flowc run --dry-run --json` output of a replay (`-`: standard input)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_arguments(argv)
    try:
        sends = read_sends(args.sends)
        lines, counts = with_feedback(read_base(args.base), sends, args.seed)
    except OSError as problem:
        print(f"add_feedback.py: error: {problem}", file=sys.stderr)
        return 2
    except InputError as problem:
        print(f"add_feedback.py: error: {problem}", file=sys.stderr)
        return 1
    if args.output:
        with open(args.output, "w", encoding="utf-8", newline="\n") as out:
            out.writelines(lines)
    else:
        sys.stdout.writelines(lines)
    print(f"add_feedback.py: {len(sends)} sends: {counts['Email Delivered']} delivered, "
          f"{counts['Email Opened']} opened, {counts['Email Link Clicked']} clicked", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
