"""The demo project is clean by the spec's rules (section 8), checked here independently of flowc.

These tests restate the rules the demo must satisfy with no errors and no warnings: templates
exist and carry `{{unsubscribe_url}}` (FC401, FC407), every name is declared in the schema
(FC305, FC306, FC403), jumps and ids are sound (FC101, FC102, FC103, FC107, FC501), and
timing rules hold (FC207, FC208, FC209, FC502).
"""

import re

import pytest

from conftest import FLOWS, flow_files, load_file

FEEDBACK_EVENTS = {
    "Email Delivered", "Email Opened", "Email Link Clicked", "Email Bounced",
    "Email Marked as Spam", "Unsubscribed", "Subscribed",
}
PATH = re.compile(r"\b(contact|event|trigger)((?:\.[A-Za-z_][A-Za-z0-9_]*)+)")
EVENT_ARGUMENT = re.compile(r"\b(count|last|since)\(\s*\"([^\"]+)\"")
STEP_ARGUMENT = re.compile(r"\b(opened|clicked)\(\s*\"([^\"]+)\"")
TAG = re.compile(r"\{\{\s*([#^/]?)\s*([^}\s]+)\s*\}\}")
UNITS = {"w": 7 * 86400, "d": 86400, "h": 3600, "m": 60, "s": 1}
DAY = 86400


def seconds(duration):
    parts = re.fullmatch(r"(?:\d+[wdhms])+", duration) and re.findall(r"(\d+)([wdhms])", duration)
    assert parts, f"demo durations use the compact form: {duration!r}"
    return sum(int(n) * UNITS[u] for n, u in parts)


SETTINGS = load_file(FLOWS / "flowc.yaml")
TRAITS = set(SETTINGS["schema"]["contact"])
EVENTS = {name: set(props or {}) for name, props in SETTINGS["schema"]["events"].items()}
FLOWS_BY_FILE = {path: load_file(path) for path in flow_files()}


def trigger_properties(flow):
    trigger = flow["trigger"]
    if "event" in trigger:
        return EVENTS[trigger["event"]]
    if "inactivity" in trigger:
        return EVENTS[trigger["inactivity"]["event"]]
    return {"date"}  # the synthetic date event (spec 2.1)


def expressions(flow):
    """(expression, candidate event name or None) for every expression in the flow."""
    trigger = flow["trigger"]
    found = []
    if "where" in trigger:
        found.append((trigger["where"], trigger["event"]))
    if "inactivity" in trigger and "where" in trigger["inactivity"]:
        found.append((trigger["inactivity"]["where"], trigger["inactivity"]["event"]))
    if "date" in trigger:
        found.append((trigger["date"], None))
    if "audience" in flow:
        found.append((flow["audience"], None))
    if "key" in flow.get("entry", {}):
        found.append((flow["entry"]["key"], trigger.get("event")))
    for rule in ([flow["goal"]] if "goal" in flow else []) + flow.get("exit", []):
        if "where" in rule:
            found.append((rule["where"], rule["event"]))
    for step in flow["steps"]:
        if not isinstance(step, dict):
            continue
        if "wait_for" in step and "where" in step["wait_for"]:
            found.append((step["wait_for"]["where"], step["wait_for"]["event"]))
        for option in step.get("branch", []):
            if "if" in option:
                found.append((option["if"], None))
        if isinstance(step.get("wait"), dict) and "date" in step["wait"]:
            found.append((step["wait"]["date"], None))
    return found


def events_named(flow):
    trigger = flow["trigger"]
    names = [trigger.get("event"), trigger.get("inactivity", {}).get("event")]
    names += [flow["goal"]["event"]] if "goal" in flow else []
    names += [rule["event"] for rule in flow.get("exit", [])]
    names += [step["wait_for"]["event"] for step in flow["steps"] if isinstance(step, dict) and "wait_for" in step]
    names += [m.group(2) for text, _ in expressions(flow) for m in EVENT_ARGUMENT.finditer(str(text))]
    return [name for name in names if name is not None]


def step_ids(flow):
    return [step["id"] for step in flow["steps"] if isinstance(step, dict) and "id" in step]


def successors(flow, index):
    """Indexes of the steps that step `index` can go to (`end` leads nowhere)."""
    steps = flow["steps"]
    step = steps[index]
    position = {s["id"]: i for i, s in enumerate(steps) if isinstance(s, dict) and "id" in s}
    following = [index + 1] if index + 1 < len(steps) else []
    if step == "end":
        return []
    targets = []
    if "goto" in step:
        targets = [step["goto"]]
    elif "branch" in step:
        targets = [option.get("goto", option.get("else")) for option in step["branch"]]
        if not any("else" in option for option in step["branch"]):
            return [position[t] for t in targets if t != "end"] + following
    elif "split" in step:
        targets = [option["goto"] for option in step["split"]]
    elif "wait_for" in step:
        spec = step["wait_for"]
        nexts = []
        for key in ("then", "timeout"):
            target = spec.get(key)
            if target is None:
                nexts += following
            elif target != "end":
                nexts.append(position[target])
        return nexts
    else:
        return following
    return [position[t] for t in targets if t != "end"]


def step_seconds(step):
    """The longest time a step can take (spec FC209's counting)."""
    if not isinstance(step, dict):
        return 0
    if "wait_for" in step:
        return seconds(step["wait_for"]["within"])
    wait = step.get("wait")
    if wait is None:
        return 0
    if isinstance(wait, str):
        return seconds(wait)
    if "for" in wait:
        return seconds(wait["for"])
    if "until" in wait:
        return 7 * DAY if "on" in wait else DAY
    if "days" in wait:
        return (wait["days"] + 1) * DAY
    return 0  # wait: {date}


def longest_path(flow, index=0, seen=()):
    assert index not in seen, f"{flow['flow']}: the demo flows have no cycles"
    here = step_seconds(flow["steps"][index])
    nexts = successors(flow, index)
    return here + max((longest_path(flow, n, seen + (index,)) for n in nexts), default=0)


def templates_used(flow):
    """(template id, subject override or None) for every send step."""
    used = []
    for step in flow["steps"]:
        send = step.get("send") if isinstance(step, dict) else None
        if isinstance(send, str):
            used.append((send, None))
        elif isinstance(send, dict) and "variants" in send:
            used += [(variant["template"], None) for variant in send["variants"]]
        elif isinstance(send, dict):
            used.append((send["template"], send.get("subject")))
    return used


FLOW_IDS = pytest.mark.parametrize("path", flow_files(), ids=lambda p: FLOWS_BY_FILE[p]["flow"])


def test_flow_ids_are_unique_and_match_file_names():
    ids = [flow["flow"] for flow in FLOWS_BY_FILE.values()]
    assert len(ids) == len(set(ids)) >= 6
    for path, flow in FLOWS_BY_FILE.items():
        assert path.name == f"{flow['flow']}.flow.yaml"


@FLOW_IDS
def test_event_names_are_declared(path):
    for name in events_named(FLOWS_BY_FILE[path]):
        assert name in EVENTS or name in FEEDBACK_EVENTS, name


@FLOW_IDS
def test_expression_paths_are_declared(path):
    flow = FLOWS_BY_FILE[path]
    for text, candidate in expressions(flow):
        for root, members in PATH.findall(str(text)):
            names = members[1:].split(".")
            if root == "contact":
                assert names[0] in TRAITS | {"id", "email"}, text
            elif root == "event":
                assert candidate is not None, f"`event` is not available in {text!r}"
                assert names[0] in {"event", "timestamp", "properties"}
                if names[0] == "properties":
                    assert names[1] in EVENTS.get(candidate, set()), text
            else:
                assert names[0] in {"event", "timestamp", "properties"}
                if names[0] == "properties":
                    assert names[1] in trigger_properties(flow), text


@FLOW_IDS
def test_steps_are_sound(path):
    flow = FLOWS_BY_FILE[path]
    steps = flow["steps"]
    ids = step_ids(flow)
    assert len(ids) == len(set(ids)) and "end" not in ids
    sends = {s["id"] for s in steps if isinstance(s, dict) and "send" in s and "id" in s}
    for text, _ in expressions(flow):
        for _, name in STEP_ARGUMENT.findall(str(text)):
            assert name in sends, f"opened/clicked names `{name}`, not a send step with an id"
    for step in steps:
        if not isinstance(step, dict):
            continue
        ab = isinstance(step.get("send"), dict) and "variants" in step["send"]
        if ab or "split" in step:
            assert "id" in step, "A/B sends and splits need an id (FC501)"
            options = step["send"]["variants"] if ab else step["split"]
            assert sum(option["weight"] for option in options) == 100
    last = steps[-1]
    assert not (isinstance(last, dict) and ("wait" in last or "wait_for" in last)), "FC208"
    reached, frontier = {0}, [0]
    while frontier:
        for n in successors(flow, frontier.pop()):
            if n not in reached:
                reached.add(n)
                frontier.append(n)
    assert reached == set(range(len(steps))), "every step is reachable (FC103)"


@FLOW_IDS
def test_timing_rules_hold(path):
    flow = FLOWS_BY_FILE[path]
    longest = longest_path(flow)
    assert longest <= 400 * DAY
    reentry = flow.get("entry", {}).get("reentry", "always")
    if reentry.startswith("after "):
        assert seconds(reentry[len("after "):]) >= longest, "FC207"
    if "inactivity" in flow["trigger"]:
        watched = flow["trigger"]["inactivity"]["event"]
        rules = ([flow["goal"]] if "goal" in flow else []) + flow.get("exit", [])
        assert any(rule["event"] == watched for rule in rules), "FC502"


def test_templates_exist_are_used_and_name_declared_things():
    used = {}
    for flow in FLOWS_BY_FILE.values():
        for template, subject in templates_used(flow):
            used.setdefault(template, []).append(flow)
            if subject is not None:
                check_tags(subject, [flow], f"{flow['flow']} subject override")
    files = {p.name[: -len(".email.yaml")]: p for p in (FLOWS / "templates").glob("*.email.yaml")}
    assert set(used) == set(files), "every template used exists (FC401), and none is unused"
    for template, flows in used.items():
        document = load_file(files[template])
        assert "subject" in document and ("text" in document or "html" in document), "FC404"
        for key in ("subject", "from", "text", "html"):
            if key in document:
                check_tags(document[key], flows, f"{template}.{key}")
        if any(not flow.get("transactional", False) for flow in flows):
            for body in ("text", "html"):
                if body in document:
                    assert "{{unsubscribe_url}}" in document[body], f"{template}.{body} (FC407)"


def check_tags(text, flows, where):
    for kind, name in TAG.findall(text):
        parts = name.split(".")
        if name in {"flow.id", "step.id", "message.id", "unsubscribe_url", "contact.id", "contact.email"}:
            continue
        if parts[0] == "contact":
            assert len(parts) == 2 and parts[1] in TRAITS, f"{where}: {name}"
        elif parts[0] == "trigger" and parts[1:2] == ["properties"]:
            for flow in flows:
                assert parts[2] in trigger_properties(flow), f"{where}: {name} in {flow['flow']}"
        else:
            assert parts[0] == "trigger" and parts[1] in {"event", "timestamp"}, f"{where}: {name}"
