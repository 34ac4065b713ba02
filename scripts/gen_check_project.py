#!/usr/bin/env python3
"""Writes a large, realistic flowc project for benchmarking `flowc check`.

The same arguments always give the same files. The project checks clean (no errors, no
warnings), so that every rule does its full work instead of stopping early:

  DIR/flowc.yaml                      settings with a schema of contact traits and events
  DIR/<group>/<kind>-NNNN.flow.yaml   flows of every trigger kind (event, date, inactivity) with
                                      waits of every form, sends (plain, subject override, A/B
                                      variants), branches, splits, wait_for, update, goto and
                                      expressions in trigger, audience, entry, goal and exit
  DIR/templates/*.email.yaml          templates with subject, preheader, text and html

Example:

  scripts/gen_check_project.py --flows 1000 --seed 7 -o /tmp/bench-project
"""

import argparse
import os
import random

TRAITS = {
    "email": "string", "first_name": "string", "last_name": "string", "timezone": "string",
    "country": "string", "city": "string", "language": "string", "loyalty_tier": "string",
    "vip": "boolean", "newsletter": "boolean", "birthday": "date", "signup_date": "date",
    "lifetime_value": "number", "order_count": "number", "last_seen": "timestamp",
    "interests": "list", "address": "object",
}
PROPERTY_TYPES = ["string", "string", "number", "number", "boolean"]
EVENT_NAMES = [
    "Signed Up", "Checkout Started", "Order Completed", "Order Refunded", "Product Viewed",
    "Product Reviewed", "Cart Updated", "Subscription Started", "Subscription Cancelled",
    "Trial Started", "Trial Ending", "Wishlist Added", "Coupon Applied", "Support Ticket Opened",
    "Support Ticket Closed", "Page Viewed", "App Installed", "Referral Sent", "Points Earned",
    "Plan Upgraded",
]
PROPERTY_NAMES = [
    "order_id", "checkout_id", "value", "total", "currency", "item_count", "sku", "category",
    "plan", "source", "rating", "points", "coupon", "gift", "quantity", "channel",
]
COUNTRIES = ["DE", "AT", "CH", "FR", "GB", "US", "NL", "ES", "IT", "SE"]
WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
TEMPLATES = 80


def schema(rng):
    """Every event has `channel: string`, so templates may use it whatever flow sends them."""
    events = {}
    for name in EVENT_NAMES:
        chosen = rng.sample([p for p in PROPERTY_NAMES if p != "channel"], rng.randint(3, 6))
        events[name] = {"channel": "string", **{p: rng.choice(PROPERTY_TYPES) for p in chosen}}
    return events


def settings_text(events):
    lines = [
        "timezone: Europe/Berlin",
        'from: "Shop <hello@shop.example>"',
        'unsubscribe_url: "https://shop.example/unsubscribe?c={{contact.id}}&m={{message.id}}"',
        "delivery:",
        '  window: { hours: "08:00-21:00" }',
        "  frequency_cap: { max: 3, per: 24h }",
        "schema:",
        "  contact:",
    ]
    lines += [f"    {name}: {kind}" for name, kind in TRAITS.items()]
    lines.append("  events:")
    for name, properties in events.items():
        fields = ", ".join(f"{p}: {t}" for p, t in properties.items())
        lines.append(f"    {name}: {{ {fields} }}")
    return "\n".join(lines) + "\n"


def template_text(index, with_trigger):
    """Templates below TEMPLATES // 2 use trigger data (`channel`); the rest only contact data."""
    extra = " via {{trigger.properties.channel}}" if with_trigger else ""
    return f"""subject: "{{{{contact.first_name}}}}{{{{^contact.first_name}}}}Hello{{{{/contact.first_name}}}}, news #{index}"
preheader: A short preview line for message {index}
text: |
  Hi {{{{contact.first_name}}}}{{{{^contact.first_name}}}}there{{{{/contact.first_name}}}},

  This is message {index}{extra} from {{{{flow.id}}}} (step {{{{step.id}}}}).
  {{{{#contact.vip}}}}As a VIP you get free shipping.{{{{/contact.vip}}}}
  Your tier: {{{{contact.loyalty_tier}}}}, country {{{{contact.country}}}}.

  Unsubscribe: {{{{unsubscribe_url}}}}
html: |
  <p>Hi {{{{contact.first_name}}}}{{{{^contact.first_name}}}}there{{{{/contact.first_name}}}},</p>
  <p>This is message {index}{extra} from {{{{flow.id}}}}.</p>
  {{{{#contact.vip}}}}<p>As a VIP you get free shipping.</p>{{{{/contact.vip}}}}
  <p style="font-size:small"><a href="{{{{unsubscribe_url}}}}">Unsubscribe</a> &middot; {{{{message.id}}}}</p>
"""


class FlowWriter:
    """One flow: picks a trigger, entry rules and a list of steps whose jumps only go forward."""

    def __init__(self, rng, events, index):
        self.rng = rng
        self.events = events
        self.index = index
        self.kind = rng.choices(["event", "date", "inactivity"], weights=[6, 2, 2])[0]
        self.event = rng.choice(EVENT_NAMES)
        self.flow_id = f"{self.kind}-{index:04d}"

    def property_condition(self, root, event):
        properties = self.events[event]
        name = self.rng.choice(sorted(properties))
        kind = properties[name]
        path = f"{root}.properties.{name}"
        if kind == "number":
            return f"{path} {self.rng.choice(['>', '>=', '<', '!='])} {self.rng.randint(1, 500)}"
        if kind == "boolean":
            return f"{path} == {self.rng.choice(['true', 'false'])}"
        return self.rng.choice([f'{path} != ""', f"exists({path})", f'lower({path}) contains "a"'])

    def contact_condition(self):
        rng = self.rng
        return rng.choice([
            f'contact.country == "{rng.choice(COUNTRIES)}"',
            f'contact.country in ["{rng.choice(COUNTRIES)}", "{rng.choice(COUNTRIES)}"]',
            "contact.vip == true",
            "not exists(contact.loyalty_tier)",
            f"contact.lifetime_value >= {rng.randint(50, 2000)}",
            f'count("{rng.choice(EVENT_NAMES)}", {rng.randint(7, 90)}d) >= {rng.randint(1, 4)}',
            f'since("{rng.choice(EVENT_NAMES)}") > {rng.randint(2, 60)}d',
            f'len(contact.first_name) > 0 and contact.newsletter == true',
            f'contact.order_count > {rng.randint(0, 9)} or contact.vip == true',
        ])

    def branch_condition(self, send_ids):
        rng = self.rng
        if send_ids and rng.random() < 0.4:
            return f'{rng.choice(["opened", "clicked"])}("{rng.choice(send_ids)}")'
        if self.kind != "date" and rng.random() < 0.3:
            return self.property_condition("trigger", self.event)
        return self.contact_condition()

    def trigger_lines(self):
        rng = self.rng
        if self.kind == "date":
            lines = ["trigger:", f"  date: contact.{rng.choice(['birthday', 'signup_date'])}"]
            if rng.random() < 0.7:
                lines.append(f"  offset: {rng.choice(['-', '+'])}{rng.randint(0, 30)}d")
            if rng.random() < 0.7:
                lines.append(f'  at: "{rng.randint(6, 20):02d}:{rng.choice([0, 15, 30, 45]):02d}"')
            lines.append(f"  repeat: {rng.choice(['yearly', 'once'])}")
            return lines
        if self.kind == "inactivity":
            where = ""
            if rng.random() < 0.5:
                where = f", where: {self.property_condition('event', self.event)}"
            return ["trigger:", f"  inactivity: {{ event: {self.event}, for: {rng.randint(14, 120)}d{where} }}"]
        lines = ["trigger:", f"  event: {self.event}"]
        if rng.random() < 0.6:
            lines.append(f"  where: {self.property_condition('event', self.event)}")
        return lines

    def header_lines(self):
        rng = self.rng
        lines = [
            f"flow: {self.flow_id}",
            f"name: Generated flow {self.index}",
            f"description: Generated {self.kind}-triggered flow for benchmarking the checker",
        ]
        if rng.random() < 0.2:
            lines.append(f"transactional: {rng.choice(['true', 'false'])}")
        lines += self.trigger_lines()
        if rng.random() < 0.5:
            lines.append(f"audience: {self.contact_condition()}")
        entry = []
        if self.kind == "event" and rng.random() < 0.5:
            entry.append(f"  key: event.properties.{sorted(self.events[self.event])[0]}")
        if rng.random() < 0.6:
            entry.append(f"  reentry: {rng.choice(['always', 'once', 'after 800d'])}")
        if self.kind == "event" and rng.random() < 0.3:
            entry.append(f"  retrigger: {rng.choice(['ignore', 'restart'])}")
        if entry:
            lines += ["entry:"] + entry
        goal_event = self.event if self.kind == "inactivity" else rng.choice(EVENT_NAMES)
        if self.kind == "inactivity" or rng.random() < 0.5:
            lines += ["goal:", f"  event: {goal_event}"]
            if rng.random() < 0.5:
                lines.append(f"  where: {self.property_condition('event', goal_event)}")
        if rng.random() < 0.4:
            exit_event = rng.choice(EVENT_NAMES)
            lines += ["exit:", f"  - event: {exit_event}", f"    where: {self.property_condition('event', exit_event)}"]
        if rng.random() < 0.4:
            lines += ["delivery:", rng.choice([
                f'  window: {{ hours: "{rng.randint(6, 10):02d}:00-{rng.randint(17, 22):02d}:00", days: [{", ".join(sorted(rng.sample(WEEKDAYS, 5), key=WEEKDAYS.index))}] }}',
                "  window: none",
                f"  frequency_cap: {{ max: {rng.randint(1, 3)}, per: {rng.randint(8, 48)}h }}",
                '  from: "Shop Team <team@shop.example>"',
            ])]
        return lines

    def template(self):
        # Date flows have no trigger properties but `date`, so they use contact-only templates.
        low = TEMPLATES // 2 if self.kind == "date" else 0
        return f"t{self.rng.randrange(low, TEMPLATES):03d}"

    def step_lines(self):
        """Steps as (id, lines); jumps name later ids, filled in once all ids are known."""
        rng = self.rng
        count = rng.randint(4, 14)
        steps = []
        send_ids = []
        for position in range(count):
            last = position == count - 1
            step_id = f"s{position + 1}"
            kind = "send" if last else rng.choices(
                ["wait", "send", "wait_for", "branch", "split", "update"], weights=[5, 5, 2, 2, 1, 1])[0]
            steps.append((step_id, kind))
            if kind == "send":
                send_ids.append(step_id)
        out = []
        send_ids_so_far = []
        for position, (step_id, kind) in enumerate(steps):
            later = [s for s, _ in steps[position + 2:]] + ["end"]
            lines = [f"  - id: {step_id}"]
            if kind == "wait":
                lines.append("    " + rng.choice([
                    f"wait: {rng.randint(1, 48)}h",
                    f"wait: {rng.randint(1, 5)}d{rng.randint(1, 23)}h",
                    f"wait: {{ for: {rng.randint(10, 600)}m }}",
                    f"wait: PT{rng.randint(1, 12)}H",
                    f'wait: {{ until: "{rng.randint(7, 20):02d}:{rng.choice([0, 30]):02d}", on: [{", ".join(sorted(rng.sample(WEEKDAYS, 3), key=WEEKDAYS.index))}] }}',
                    f'wait: {{ days: {rng.randint(0, 3)}, at: "{rng.randint(8, 18):02d}:00" }}',
                    f"wait: {{ date: trigger.timestamp, offset: {rng.randint(1, 3)}d }}"
                    if self.kind != "date" else "wait: { date: trigger.properties.date, offset: 1d }",
                ]))
            elif kind == "send":
                form = rng.random()
                if form < 0.6:
                    lines.append(f"    send: {self.template()}")
                elif form < 0.8:
                    lines += ["    send:", f"      template: {self.template()}",
                              '      subject: "A note for {{contact.first_name}}"']
                else:
                    first = rng.choice([10, 20, 25, 50])
                    lines += ["    send:", "      variants:",
                              f"        - {{ template: {self.template()}, weight: {first} }}",
                              f"        - {{ template: {self.template()}, weight: {100 - first} }}"]
                send_ids_so_far.append(step_id)
            elif kind == "wait_for":
                event = rng.choice(EVENT_NAMES)
                lines += ["    wait_for:", f"      event: {event}"]
                if rng.random() < 0.5:
                    lines.append(f"      where: {self.property_condition('event', event)}")
                lines.append(f"      within: {rng.randint(1, 14)}d")
                if rng.random() < 0.6:
                    lines.append(f"      then: {rng.choice(later)}")
            elif kind == "branch":
                lines.append("    branch:")
                conditions = {self.branch_condition(send_ids_so_far) for _ in range(rng.randint(1, 3))}
                for condition in sorted(conditions):
                    lines += [f"      - if: {condition}", f"        goto: {rng.choice(later)}"]
            elif kind == "split":
                next_id = steps[position + 1][0]
                first = rng.choice([50, 80, 90])
                lines += ["    split:", f"      - {{ weight: {first}, goto: {next_id} }}",
                          f"      - {{ weight: {100 - first}, goto: {rng.choice(later)} }}"]
            else:
                lines += ["    update:", f"      loyalty_tier: {rng.choice(['silver', 'gold', 'platinum'])}",
                          f"      vip: {rng.choice(['true', 'false'])}"]
            out += lines
        return out

    def text(self):
        header = ["# yaml-language-server: $schema=../../grammar/flow.schema.json"] + self.header_lines()
        return "\n".join(header + ["", "steps:"] + self.step_lines()) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--flows", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", required=True, help="project directory to create")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    events = schema(rng)
    os.makedirs(os.path.join(args.output, "templates"), exist_ok=True)
    with open(os.path.join(args.output, "flowc.yaml"), "w") as f:
        f.write(settings_text(events))
    for index in range(TEMPLATES):
        with open(os.path.join(args.output, "templates", f"t{index:03d}.email.yaml"), "w") as f:
            f.write(template_text(index, with_trigger=index < TEMPLATES // 2))
    for index in range(args.flows):
        writer = FlowWriter(rng, events, index)
        group = os.path.join(args.output, f"group-{index % 10}")
        os.makedirs(group, exist_ok=True)
        with open(os.path.join(group, f"{writer.flow_id}.flow.yaml"), "w") as f:
            f.write(writer.text())


if __name__ == "__main__":
    main()
