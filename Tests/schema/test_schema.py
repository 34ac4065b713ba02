"""The editor grammar: every demo file matches its JSON schema, and bad shapes are rejected."""

import json
import textwrap

import pytest

from conftest import FLOWS, REPO, flow_files, load_file, template_files
import yaml12

MODELINE = "# yaml-language-server: $schema="


def errors(validator, document):
    return sorted(e.message for e in validator.iter_errors(document))


@pytest.mark.parametrize("path", flow_files(), ids=lambda p: str(p.relative_to(FLOWS)))
def test_demo_flow_matches_schema(flow_validator, path):
    assert errors(flow_validator, load_file(path)) == []


@pytest.mark.parametrize("path", flow_files(), ids=lambda p: str(p.relative_to(FLOWS)))
def test_demo_flow_modeline_points_at_flow_schema(path):
    first = path.read_text().splitlines()[0]
    assert first.startswith(MODELINE)
    target = (path.parent / first[len(MODELINE):]).resolve()
    assert target == REPO / "grammar" / "flow.schema.json"


@pytest.mark.parametrize("path", template_files(), ids=lambda p: p.name)
def test_demo_template_matches_schema(template_validator, path):
    first = path.read_text().splitlines()[0]
    assert (path.parent / first[len(MODELINE):]).resolve() == REPO / "grammar" / "template.schema.json"
    assert errors(template_validator, load_file(path)) == []


def test_demo_project_settings_match_schema(project_validator):
    path = FLOWS / "flowc.yaml"
    first = path.read_text().splitlines()[0]
    assert (path.parent / first[len(MODELINE):]).resolve() == REPO / "grammar" / "project.schema.json"
    assert errors(project_validator, load_file(path)) == []


EVERY_FORM = """\
flow: every-form
name: Every form
description: One of each step form of spec section 2.3
transactional: false
trigger:
  event: Checkout Started
  where: event.properties.value > 0
audience: contact.country != "US"
entry:
  key: event.properties.checkout_id
  reentry: after 1h30m
  retrigger: restart
goal:
  event: Order Completed
  where: event.properties.checkout_id == trigger.properties.checkout_id
exit:
  - event: Checkout Started
delivery:
  window: { hours: "22:00-06:00", days: [sat, sun] }
  frequency_cap: { max: 1, per: PT16H }
  from: "Shop <hello@shop.example>"
steps:
  - wait: 2d
  - wait: { for: P1W }
  - wait: { until: 09:00, on: [mon, tue] }
  - wait: { until: "18:30" }
  - wait: { days: 0 }
  - wait: { days: 1, at: "15:00" }
  - wait: { date: trigger.timestamp, offset: -1d }
  - wait: { date: contact.birthday }
  - send: cart-reminder
  - send: { template: cart-reminder, subject: "Hi {{contact.first_name}}", from: shop@shop.example }
  - id: ab
    send:
      variants:
        - { template: a, weight: 50 }
        - { template: b, weight: 50 }
  - id: bought
    wait_for: { event: Order Completed, where: event.properties.total > 10, within: 1d, then: end, timeout: split }
  - branch:
      - if: opened("ab")
        goto: split
      - else: end
  - id: split
    split:
      - { weight: 10, goto: end }
      - { weight: 90, goto: tag }
  - id: tag
    update: { vip: true, loyalty_tier: gold, score: 1.5, nickname: null, note: no }
  - goto: end
  - end
"""


def test_every_step_form_is_accepted(flow_validator):
    assert errors(flow_validator, yaml12.load(EVERY_FORM)) == []


@pytest.mark.parametrize(
    "trigger",
    [
        {"event": "Signed Up"},
        {"date": "contact.birthday"},
        {"date": "contact.birthday", "offset": "+2d", "at": "07:30", "repeat": "once"},
        {"inactivity": {"event": "Order Completed", "for": "90d", "where": "event.properties.total > 0"}},
    ],
)
def test_each_trigger_kind_is_accepted(flow_validator, trigger):
    flow = {"flow": "t", "trigger": trigger, "steps": ["end"]}
    assert errors(flow_validator, flow) == []


def minimal():
    return {"flow": "f", "trigger": {"event": "Signed Up"}, "steps": [{"send": "welcome"}]}


def with_change(change):
    flow = minimal()
    change(flow)
    return flow


BAD_SHAPES = {
    "unknown top-level key": lambda f: f.update(stpes=[]),
    "missing steps": lambda f: f.pop("steps"),
    "empty steps": lambda f: f.update(steps=[]),
    "missing trigger": lambda f: f.pop("trigger"),
    "two trigger kinds": lambda f: f["trigger"].update(date="contact.birthday"),
    "no trigger kind": lambda f: f.update(trigger={"where": "true"}),
    "where on a date trigger": lambda f: f.update(trigger={"date": "contact.birthday", "where": "true"}),
    "offset on an event trigger": lambda f: f["trigger"].update(offset="-7d"),
    "date trigger on a non-contact path": lambda f: f.update(trigger={"date": "event.timestamp"}),
    "bad duration": lambda f: f["steps"].insert(0, {"wait": "2 days"}),
    "negative duration": lambda f: f["steps"].insert(0, {"wait": "-1d"}),
    "duration without unit": lambda f: f["steps"].insert(0, {"wait": "15"}),
    "empty ISO duration": lambda f: f["steps"].insert(0, {"wait": "PT"}),
    "step with two actions": lambda f: f["steps"].append({"send": "a", "wait": "1d"}),
    "step with only an id": lambda f: f["steps"].append({"id": "lonely"}),
    "unknown step action": lambda f: f["steps"].append({"sleep": "1d"}),
    "scalar step other than end": lambda f: f["steps"].append("stop"),
    "reserved step id": lambda f: f["steps"][0].update(id="end"),
    "uppercase step id": lambda f: f["steps"][0].update(id="Reminder"),
    "invalid flow id": lambda f: f.update(flow="-cart"),
    "bad time of day": lambda f: f["steps"].insert(0, {"wait": {"until": "24:00"}}),
    "time without leading zero": lambda f: f["steps"].insert(0, {"wait": {"days": 1, "at": "9:00"}}),
    "bad weekday": lambda f: f["steps"].insert(0, {"wait": {"until": "09:00", "on": ["monday"]}}),
    "wait mixing forms": lambda f: f["steps"].insert(0, {"wait": {"for": "1d", "at": "09:00"}}),
    "negative calendar days": lambda f: f["steps"].insert(0, {"wait": {"days": -1}}),
    "variant without weight": lambda f: f["steps"].append({"id": "ab", "send": {"variants": [{"template": "a"}]}}),
    "variants with a subject": lambda f: f["steps"].append({"id": "ab", "send": {"variants": [{"template": "a", "weight": 100}], "subject": "x"}}),
    "wait_for without within": lambda f: f["steps"].insert(0, {"wait_for": {"event": "Order Completed"}}),
    "branch entry mixing if and else": lambda f: f["steps"].insert(0, {"branch": [{"if": "true", "else": "end"}]}),
    "split weight as text": lambda f: f["steps"].insert(0, {"id": "s", "split": [{"weight": "fifty", "goto": "end"}]}),
    "update with a list value": lambda f: f["steps"].append({"update": {"tags": ["a"]}}),
    "reentry with a bad duration": lambda f: f.update(entry={"reentry": "after a while"}),
    "unknown retrigger": lambda f: f.update(entry={"retrigger": "replace"}),
    "bad window hours": lambda f: f.update(delivery={"window": {"hours": "8-21"}}),
    "empty window days": lambda f: f.update(delivery={"window": {"days": []}}),
    "frequency cap without per": lambda f: f.update(delivery={"frequency_cap": {"max": 1}}),
    "unknown delivery key": lambda f: f.update(delivery={"windows": "none"}),
    "exit as a single mapping": lambda f: f.update(exit={"event": "Order Completed"}),
    "goal without event": lambda f: f.update(goal={"where": "true"}),
    "transactional as text": lambda f: f.update(transactional="no"),
}


@pytest.mark.parametrize("change", BAD_SHAPES.values(), ids=BAD_SHAPES.keys())
def test_bad_shape_is_rejected(flow_validator, change):
    assert errors(flow_validator, minimal()) == []
    assert errors(flow_validator, with_change(change)) != []


def test_template_needs_subject_and_a_body(template_validator):
    assert errors(template_validator, {"subject": "Hi", "text": "x"}) == []
    assert errors(template_validator, {"subject": "Hi", "html": "<p>x</p>"}) == []
    assert errors(template_validator, {"subject": "Hi"}) != []
    assert errors(template_validator, {"text": "x"}) != []
    assert errors(template_validator, {"subject": "Hi", "text": "x", "body": "y"}) != []


def test_project_schema_rejects_unknown_types_and_keys(project_validator):
    assert errors(project_validator, {"schema": {"contact": {"age": "number"}}}) == []
    assert errors(project_validator, {"schema": {"contact": {"age": "integer"}}}) != []
    assert errors(project_validator, {"schema": {"events": {"X": {"n": "int"}}}}) != []
    assert errors(project_validator, {"timezone": "UTC", "windows": "none"}) != []


class TestCoreSchemaLoader:
    """The loader reads scalars the way yaml-language-server does (YAML 1.2 core schema)."""

    def test_editor_typing_of_scalars(self):
        doc = yaml12.load(
            textwrap.dedent(
                """\
                on: [mon]
                at: 09:00
                no: off
                date: 2026-03-01
                flag: true
                count: 017
                octal: 0o17
                total: 59.90
                nothing:
                """
            )
        )
        assert doc == {
            "on": ["mon"], "at": "09:00", "no": "off", "date": "2026-03-01", "flag": True,
            "count": 17, "octal": 15, "total": 59.9, "nothing": None,
        }

    @pytest.mark.parametrize(
        "text, problem",
        [
            ("a: &x 1\nb: 2\n", "anchors"),
            ("a: 1\nb: *x\n", "alias"),
            ("base: {x: 1}\nother:\n  <<: {x: 2}\n", "merge keys"),
            ("a: 1\na: 2\n", "duplicate key `a`"),
        ],
    )
    def test_refuses_what_flowc_refuses(self, text, problem):
        with pytest.raises(Exception, match=problem):
            yaml12.load(text)


@pytest.mark.parametrize("name", ["flow", "project", "template"])
def test_every_property_has_a_description_for_completion(name):
    schema = json.loads((REPO / "grammar" / f"{name}.schema.json").read_text())

    def described(node):
        target = node
        if "$ref" in node and "description" not in node:
            target = schema["definitions"][node["$ref"].rsplit("/", 1)[1]]
        return "description" in target

    def walk(node, where):
        if isinstance(node, dict):
            for key, child in node.get("properties", {}).items():
                assert described(child), f"{where}.{key}"
            for key, child in node.items():
                walk(child, f"{where}.{key}")
        elif isinstance(node, list):
            for index, child in enumerate(node):
                walk(child, f"{where}[{index}]")

    walk(schema, name)
