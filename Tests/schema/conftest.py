"""Shared paths and loaders for the Python tests of the editor grammar and the demo project."""

import json
import pathlib
import sys

import jsonschema
import pytest

sys.path.insert(0, str(pathlib.Path(__file__).parent))

import yaml12  # noqa: E402

REPO = pathlib.Path(__file__).resolve().parents[2]
FLOWS = REPO / "flows"
GRAMMAR = REPO / "grammar"


def schema_validator(name):
    """A draft-07 validator for `grammar/<name>.schema.json`, after checking the schema itself."""
    schema = json.loads((GRAMMAR / f"{name}.schema.json").read_text())
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


@pytest.fixture(scope="session")
def flow_validator():
    return schema_validator("flow")


@pytest.fixture(scope="session")
def project_validator():
    return schema_validator("project")


@pytest.fixture(scope="session")
def template_validator():
    return schema_validator("template")


def flow_files():
    return sorted(FLOWS.rglob("*.flow.yaml"))


def template_files():
    return sorted((FLOWS / "templates").glob("*.email.yaml"))


def load_file(path):
    return yaml12.load(path.read_text())
