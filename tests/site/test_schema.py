"""The JSON Schema editors use is current for the site's languages, wired into VS Code, and as
strict as the model."""

from __future__ import annotations

import json

from parksite.model.jsonschema import schema_text
from parksite.project import PROJECT
from tests.conftest import REPO
from tests.site.conftest import LANGS

SCHEMA_FILE = PROJECT.data_file.with_name("park.schema.json")


def test_the_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(LANGS), (
        "data/park.schema.json is out of date: run `.venv/bin/python -m parksite schema`"
    )


def test_the_data_file_and_vscode_point_at_the_schema() -> None:
    assert PROJECT.data_file.read_text(encoding="utf-8").startswith(
        f"# yaml-language-server: $schema={SCHEMA_FILE.name}\n"
    )
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./data/park.schema.json"] == ["data/park.yml"]


def test_the_schema_refuses_unknown_keys_and_requires_provenance() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    fact = schema["$defs"]["Fact"]
    assert fact["additionalProperties"] is False
    assert {"topic", "label", "as_of", "source"} <= set(fact["required"])
    assert "6 billion" in fact["properties"]["value"]["description"]
    # Every text is asked for in each of the site's languages, and in no other.
    label = fact["properties"]["label"]
    assert label["required"] == list(LANGS) and label["additionalProperties"] is False
    assert set(schema["$defs"]["Unit"]["required"]) >= {"kind", *LANGS}
    assert "from" in schema["$defs"]["Period"]["properties"]
