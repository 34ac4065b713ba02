"""The scenario grammar: every demo scenario file matches grammar/scenario.schema.json, every
demo flow has scenarios, and bad shapes are rejected."""

import textwrap

import pytest

from conftest import FLOWS, REPO, flow_files, load_file, schema_validator
import yaml12

MODELINE = "# yaml-language-server: $schema="


@pytest.fixture(scope="session")
def scenario_validator():
    return schema_validator("scenario")


def scenario_files():
    return sorted(FLOWS.rglob("*.test.yaml"))


def errors(validator, document):
    return sorted(e.message for e in validator.iter_errors(document))


@pytest.mark.parametrize("path", scenario_files(), ids=lambda p: str(p.relative_to(FLOWS)))
def test_demo_scenarios_match_schema(scenario_validator, path):
    first = path.read_text().splitlines()[0]
    assert first.startswith(MODELINE)
    assert (path.parent / first[len(MODELINE):]).resolve() == REPO / "grammar" / "scenario.schema.json"
    assert errors(scenario_validator, load_file(path)) == []


def test_every_demo_flow_has_scenarios():
    tested = {load_file(path).get("flow") for path in scenario_files()}
    flows = {load_file(path)["flow"] for path in flow_files()}
    assert flows - tested == set()


def test_scenario_names_are_unique_across_the_demo():
    names = [s["name"] for path in scenario_files() for s in load_file(path)["scenarios"]]
    assert len(names) == len(set(names))


VALID = """\
flow: cart
scenarios:
  - name: every form
    start: 2026-03-02T10:00:00+01:00
    contacts:
      - { id: ana, timezone: Europe/Berlin, traits: { email: ana@example.com, vip: false } }
      - { id: ben }
    events:
      - { at: +0, contact: ana, track: Checkout Started, properties: { checkout_id: k1, value: 59.9 } }
      - { at: "+2d 09:00", contact: ben, identify: { first_name: Ben } }
      - { at: 2026-03-05T10:00:00Z, contact: ben, track: Signed Up }
      - { at: +PT1H, contact: ana, track: Order Completed }
    until: +30d
    expect:
      - { contact: ana, sent: reminder }
      - { contact: ana, sent: { step: discount, variant: ten, between: [+1d, +2d], count: 1 } }
      - { contact: ben, not_sent: { template: reminder } }
      - { contact: ben, skipped: { step: "#2", reason: no_email, at: +1h } }
      - { contact: ana, ended: converted }
      - { contact: ana, ended: { flow: cart, reason: completed, at: +1d } }
      - { contact: ana, traits: { vip: null } }
"""


def test_every_form_is_valid(scenario_validator):
    assert errors(scenario_validator, yaml12.load(VALID)) == []


@pytest.mark.parametrize("old, new", [
    ("flow: cart\n", "flow: Cart\n"),
    ("until: +30d", "until: +30 days"),
    ("until: +30d", "until: '+1d 9:00'"),
    ("start: 2026-03-02T10:00:00+01:00", "start: 2026-03-02"),
    ("sent: reminder }", "sent: reminder, ended: completed }"),
    ("reason: no_email", "reason: unsubscribe"),
    ("ended: converted", "ended: finished"),
    ("count: 1", "count: -1"),
    ("between: [+1d, +2d]", "between: [+1d]"),
    ("at: +1h }", "at: +1h, between: [+1h, +2h] }"),
    ("track: Signed Up }", "track: Signed Up, identify: {} }"),
    ("    until: +30d\n", "    until: +30d\n    contact: { id: x }\n"),
    ("    expect:\n", "    expct:\n"),
])
def test_bad_shapes_are_rejected(scenario_validator, old, new):
    assert old in VALID
    assert errors(scenario_validator, yaml12.load(VALID.replace(old, new, 1))) != []
