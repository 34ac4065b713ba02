"""scripts/gen_events.py, add_feedback.py and make_demo_log.sh: deterministic, ordered,
Segment-shaped logs that exercise the demo flows, with feedback for the messages flowc sends."""

import collections
import datetime
import json
import os
import re
import subprocess
import sys

import pytest

from conftest import FLOWS, REPO, load_file

GENERATOR = REPO / "scripts" / "gen_events.py"
ADD_FEEDBACK = REPO / "scripts" / "add_feedback.py"
MAKE_DEMO_LOG = REPO / "scripts" / "make_demo_log.sh"
DEMO_LOG = FLOWS / "demo" / "events.jsonl"
# The debug binary that scripts/test.sh builds before pytest runs.
FLOWC = REPO / ".build" / "debug" / "flowc"
ENGAGEMENT = {"Email Delivered", "Email Opened", "Email Link Clicked"}
TYPES = {"string": str, "number": (int, float), "boolean": bool}


def generate(*arguments):
    result = subprocess.run([sys.executable, str(GENERATOR), *arguments], capture_output=True, text=True, check=True)
    return result.stdout


def flowc(*arguments):
    """stdout of the debug flowc; fails the test with a hint when it is not built."""
    if not os.access(FLOWC, os.X_OK):
        pytest.fail(f"{FLOWC} is missing: run `swift build` first (scripts/test.sh does)")
    result = subprocess.run([str(FLOWC), *arguments], capture_output=True, text=True, cwd=REPO)
    assert result.returncode == 0, result.stderr
    return result.stdout


def send_records(log):
    """The send records of a dry-run replay of `log` on the demo project."""
    records = [json.loads(line) for line in flowc("run", "flows", "--events", str(log), "--dry-run", "--json").splitlines()]
    return [record for record in records if record["kind"] == "send"]


def add_feedback(tmp_path, base_lines, sends):
    """The lines add_feedback.py writes for these base lines and send records (seed 42)."""
    base, records = tmp_path / "base.jsonl", tmp_path / "records.jsonl"
    base.write_text("".join(json.dumps(event) + "\n" for event in base_lines))
    records.write_text("".join(json.dumps(record) + "\n" for record in sends))
    result = subprocess.run([sys.executable, str(ADD_FEEDBACK), "--seed", "42", str(base), str(records)],
                            capture_output=True, text=True, check=True)
    return [json.loads(line) for line in result.stdout.splitlines()]


def timestamp(text):
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z", text), text
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture(scope="module")
def demo_lines():
    return DEMO_LOG.read_text().splitlines()


@pytest.fixture(scope="module")
def demo_events(demo_lines):
    return [json.loads(line) for line in demo_lines]


def test_same_seed_same_bytes_other_seed_other_bytes():
    first = generate("--seed", "7", "--contacts", "40", "--days", "20")
    assert first == generate("--seed", "7", "--contacts", "40", "--days", "20")
    assert first != generate("--seed", "8", "--contacts", "40", "--days", "20")


def test_demo_log_is_what_make_demo_log_writes(tmp_path):
    flowc("--help")  # fails clearly when the binary is missing
    out = tmp_path / "events.jsonl"
    result = subprocess.run([str(MAKE_DEMO_LOG), str(out)], capture_output=True, text=True, env={**os.environ, "FLOWC": str(FLOWC)})
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == DEMO_LOG.read_bytes(), "flows/demo/events.jsonl is stale: run scripts/make_demo_log.sh"
    assert DEMO_LOG.stat().st_size < 2_000_000


def test_no_engagement_leaves_out_only_opens_and_clicks():
    arguments = ["--seed", "5", "--contacts", "60", "--days", "30"]
    full = generate(*arguments).splitlines()
    engagement = [line for line in full if re.search(r'"event":"Email (Opened|Link Clicked)"', line)]
    assert engagement
    assert generate(*arguments, "--no-engagement").splitlines() == [line for line in full if line not in engagement]


@pytest.fixture(scope="module")
def demo_sends():
    return send_records(DEMO_LOG)


def test_demo_feedback_names_only_messages_of_its_replay(demo_events, demo_sends):
    sent = {record["id"] for record in demo_sends}
    named = [e for e in demo_events if e["type"] == "track" and "email_id" in e.get("properties", {})]
    assert {e["event"] for e in named} >= ENGAGEMENT | {"Unsubscribed", "Email Bounced"}
    assert all(e["properties"]["email_id"] in sent for e in named)
    feedback_ids = [e["messageId"] for e in demo_events if e.get("event") in ENGAGEMENT]
    base_ids = {e["messageId"] for e in demo_events if e.get("event") not in ENGAGEMENT}
    assert len(set(feedback_ids)) == len(feedback_ids) and not base_ids & set(feedback_ids)


def test_demo_report_shows_opens_and_clicks_and_the_ab_difference():
    report = json.loads(flowc("report", "flows", "--events", str(DEMO_LOG), "--format", "json"))
    mail = {flow["flow"]: flow["mail"] for flow in report["flows"]}
    assert mail["review-request"]["unique_opens"] > 0 and mail["review-request"]["unique_clicks"] > 0
    assert report["unmatched_feedback"] == 0
    discount = next(step for flow in report["flows"] for step in flow["steps"] if step["step"] == "discount")
    rates = {v["template"]: v["mail"]["unique_opens"] / v["mail"]["sent"] for v in discount["variants"]}
    assert rates["cart-discount-10"] > rates["cart-free-shipping"] + 0.1


def test_feedback_of_a_message_does_not_depend_on_other_messages(tmp_path):
    base = [{"type": "identify", "userId": f"u{n}", "timestamp": "2026-03-01T00:00:00Z", "traits": {}} for n in range(40)]
    base.append({"type": "page", "anonymousId": "a1", "timestamp": "2026-03-20T00:00:00Z"})
    sends = [{"kind": "send", "time": "2026-03-02T10:00:00Z", "flow": "f", "step": "s", "contact": f"u{n}", "to": "x@example.com",
              "subject": "Hi", "template": "welcome", "variant": None, "id": f"{n:032x}"} for n in range(40)]

    def feedback(records):
        return [e for e in add_feedback(tmp_path, base, records) if e.get("event") in ENGAGEMENT]

    everything = feedback(sends)
    assert {e["event"] for e in everything} == ENGAGEMENT
    assert [e for e in everything if e["userId"] != "u7"] == feedback(sends[:7] + sends[8:])


def test_consent_events_name_the_latest_earlier_send(tmp_path):
    def track(event, time, properties):
        return {"type": "track", "userId": "u1", "event": event, "timestamp": time, "properties": properties}

    base = [track("Unsubscribed", "2026-03-01T09:00:00Z", {"email_id": "made-up"}),
            track("Email Opened", "2026-03-02T09:00:00Z", {"email_id": "made-up"}),
            track("Email Bounced", "2026-03-03T09:00:00Z", {"type": "soft"}),
            track("Email Marked as Spam", "2026-03-04T10:00:00Z", {})]
    sends = [{"kind": "send", "time": time, "flow": "f", "step": "s", "contact": "u1", "to": "x@example.com", "subject": "Hi",
              "template": "welcome", "variant": None, "id": message} for time, message in
             [("2026-03-02T10:00:00Z", "a" * 32), ("2026-03-04T10:00:00Z", "b" * 32)]]
    events = [e for e in add_feedback(tmp_path, base, sends) if e["event"] not in ENGAGEMENT]
    assert [(e["event"], e["properties"]) for e in events] == [
        ("Unsubscribed", {}), ("Email Bounced", {"email_id": "a" * 32, "type": "soft"}),
        ("Email Marked as Spam", {"email_id": "a" * 32})]


@pytest.mark.parametrize("profile", ["demo", "cart"])
def test_events_option_writes_exactly_that_many_ordered_lines(profile):
    lines = generate("--events", "3000", "--flows-profile", profile, "--contacts", "20", "--days", "10").splitlines()
    assert len(lines) == 3000
    times = [timestamp(json.loads(line)["timestamp"]) for line in lines]
    assert times == sorted(times)


def test_start_option_moves_the_log(tmp_path):
    out = tmp_path / "log.jsonl"
    generate("--contacts", "5", "--days", "3", "--start", "2027-01-10T12:00:00Z", "-o", str(out))
    times = [timestamp(json.loads(line)["timestamp"]) for line in out.read_text().splitlines()]
    start = datetime.datetime(2027, 1, 10, 12, tzinfo=datetime.timezone.utc)
    assert times and start <= times[0] and times[-1] < start + datetime.timedelta(days=3)


@pytest.mark.parametrize("arguments", [["--events", "0"], ["--start", "yesterday"], ["--flows-profile", "shop"]])
def test_bad_arguments_are_usage_errors(arguments):
    result = subprocess.run([sys.executable, str(GENERATOR), *arguments], capture_output=True, text=True)
    assert result.returncode == 2 and "error" in result.stderr


def test_demo_log_is_valid_segment_json_lines_in_order(demo_events):
    previous = None
    for event in demo_events:
        assert event["type"] in {"identify", "track", "page"}
        assert ("userId" in event) != ("anonymousId" in event)
        assert event["type"] != "track" or event["event"]
        when = timestamp(event["timestamp"])
        assert previous is None or previous <= when
        previous = when
    start, end = timestamp(demo_events[0]["timestamp"]), previous
    assert datetime.timedelta(days=85) < end - start < datetime.timedelta(days=90)


def test_demo_log_matches_the_project_schema(demo_events):
    schema = load_file(FLOWS / "flowc.yaml")["schema"]
    traits_seen = set()
    for event in demo_events:
        if event["type"] == "identify":
            for name, value in event["traits"].items():
                assert name in schema["contact"], name
                kind = schema["contact"][name]
                assert isinstance(value, TYPES.get(kind, str)) and not (kind == "number" and isinstance(value, bool))
                traits_seen.add(name)
        elif event["type"] == "track" and event["event"] in schema["events"]:
            declared = schema["events"][event["event"]]
            for name, value in event["properties"].items():
                assert isinstance(value, TYPES[declared[name]]), (event["event"], name)
    assert traits_seen == set(schema["contact"]), "identifies carry every declared trait"


def test_demo_log_triggers_every_flow_and_covers_the_edge_cases(demo_lines, demo_events):
    counts = collections.Counter(e.get("event", e["type"]) for e in demo_events)
    for name in ["Signed Up", "Checkout Started", "Order Completed", "Product Reviewed", "Email Opened",
                 "Email Link Clicked", "Unsubscribed", "Subscribed", "Email Marked as Spam", "identify", "page"]:
        assert counts[name] > 0, name
    bounces = collections.Counter(e["properties"].get("type") for e in demo_events if e.get("event") == "Email Bounced")
    assert bounces["hard"] and bounces["soft"] and bounces[None]
    traits = [e["traits"] for e in demo_events if e["type"] == "identify"]
    assert any(t.get("birthday", "").endswith("02-29") for t in traits)
    assert any(len(t.get("birthday", "")) == 5 for t in traits), "a yearly MM-DD birthday"
    zones = {t.get("timezone") for t in traits}
    assert {"europe/berlin", "Mars/Olympus_Mons"} & zones and "America/New_York" in zones
    assert any("email" not in t for t in traits) and any(" " in t.get("email", "") for t in traits)
    message_ids = collections.Counter(e["messageId"] for e in demo_events)
    assert 0 < sum(1 for n in message_ids.values() if n > 1) < 30
    assert any(re.search(r'"total":\d+\.\d0,', line) for line in demo_lines), "totals like 59.90 keep their zero"
    starts = collections.defaultdict(set)
    for e in demo_events:
        if e.get("event") == "Checkout Started" and "userId" in e:
            starts[e["userId"], e["properties"]["checkout_id"]].add(e["messageId"])
    assert any(len(ids) > 1 for ids in starts.values()), "a checkout started again (retrigger: restart)"


def test_demo_log_has_vip_and_win_back_candidates(demo_events):
    orders = collections.defaultdict(list)
    for event in demo_events:
        if event.get("event") == "Order Completed":
            orders[event["userId"]].append(timestamp(event["timestamp"]))
    end = timestamp(demo_events[-1]["timestamp"])
    assert sum(1 for times in orders.values() if len(times) >= 5) >= 10
    assert sum(1 for times in orders.values() if times[-1] + datetime.timedelta(days=60) <= end) >= 10
