"""A YAML loader with the YAML 1.2 core schema, as editors (yaml-language-server) read flow files.

PyYAML implements YAML 1.1 implicit typing: `on`/`no`/`yes` become booleans, `09:00` becomes
the sexagesimal number 540, `2026-03-01` a date, `017` an octal number. flowc types scalars by
the key they stand under and never does that; the editor's JSON-schema validation sees the
YAML 1.2 core schema: `true`/`false` booleans, `null`/`~`/empty nulls, decimal, `0o` and `0x`
integers, floats, and everything else a string. This loader reproduces the core schema and,
like flowc, refuses anchors, aliases, merge keys and duplicate keys.
"""

import re

import yaml


class YAMLError(ValueError):
    """Input that flowc would refuse (FC002, FC003) or that is not YAML (FC001)."""


class CoreSchemaLoader(yaml.SafeLoader):
    """SafeLoader with YAML 1.2 core-schema resolution and flowc's refusals."""

    def compose_node(self, parent, index):
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise YAMLError(f"line {event.start_mark.line + 1}: aliases are not allowed")
        event = self.peek_event()
        if getattr(event, "anchor", None) is not None:
            raise YAMLError(f"line {event.start_mark.line + 1}: anchors are not allowed")
        return super().compose_node(parent, index)

    def construct_mapping(self, node, deep=False):
        seen = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if key_node.tag == "tag:yaml.org,2002:str" and key == "<<" and key_node.style is None:
                raise YAMLError(f"line {key_node.start_mark.line + 1}: merge keys are not allowed")
            if key in seen:
                raise YAMLError(f"line {key_node.start_mark.line + 1}: duplicate key `{key}`")
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


# Only the core schema's resolvers: drop PyYAML's YAML 1.1 ones (bool, int, float, null,
# timestamp, merge, value).
CoreSchemaLoader.yaml_implicit_resolvers = {}

_CORE_RESOLVERS = [
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", list("~nN") + [""]),
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    (
        "tag:yaml.org,2002:float",
        r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
        list("-+.0123456789"),
    ),
]
for _tag, _pattern, _first in _CORE_RESOLVERS:
    CoreSchemaLoader.add_implicit_resolver(_tag, re.compile(_pattern), _first)


def _construct_bool(loader, node):
    return loader.construct_scalar(node).lower() == "true"


def _construct_int(loader, node):
    text = loader.construct_scalar(node)
    if text.startswith("0o"):
        return int(text[2:], 8)
    if text.startswith("0x"):
        return int(text[2:], 16)
    return int(text, 10)


def _construct_float(loader, node):
    text = loader.construct_scalar(node).lower()
    if text.endswith(".inf"):
        return float("-inf") if text.startswith("-") else float("inf")
    if text == ".nan":
        return float("nan")
    return float(text)


CoreSchemaLoader.add_constructor("tag:yaml.org,2002:bool", _construct_bool)
CoreSchemaLoader.add_constructor("tag:yaml.org,2002:int", _construct_int)
CoreSchemaLoader.add_constructor("tag:yaml.org,2002:float", _construct_float)


def load(text):
    """Parses one YAML document with the core schema; raises YAMLError or yaml.YAMLError."""
    return yaml.load(text, Loader=CoreSchemaLoader)
