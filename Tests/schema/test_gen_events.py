"""scripts/gen_events.py: deterministic, ordered, Segment-shaped logs that exercise the demo flows."""

import collections
import datetime
import json
import re
import subprocess
import sys

import pytest

from conftest import FLOWS, REPO, load_file

GENERATOR = REPO / "scripts" / "gen_events.py"
# The command that wrote flows/demo/events.jsonl (also in flows/README.md).
DEMO_ARGUMENTS = ["--seed", "42", "--contacts", "400", "--days", "90"]
TYPES = {"string": str, "number": (int, float), "boolean": bool}


def generate(*arguments):
    result = subprocess.run([sys.executable, str(GENERATOR), *arguments], capture_output=True, text=True, check=True)
    return result.stdout


def timestamp(text):
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{3})?Z", text), text
    return datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.fixture(scope="module")
def demo_lines():
    return (FLOWS / "demo" / "events.jsonl").read_text().splitlines()


@pytest.fixture(scope="module")
def demo_events(demo_lines):
    return [json.loads(line) for line in demo_lines]


def test_same_seed_same_bytes_other_seed_other_bytes():
    first = generate("--seed", "7", "--contacts", "40", "--days", "20")
    assert first == generate("--seed", "7", "--contacts", "40", "--days", "20")
    assert first != generate("--seed", "8", "--contacts", "40", "--days", "20")


def test_demo_log_is_what_the_documented_command_writes(demo_lines):
    assert generate(*DEMO_ARGUMENTS).splitlines() == demo_lines
    assert (FLOWS / "demo" / "events.jsonl").stat().st_size < 2_000_000


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
