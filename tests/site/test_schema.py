"""The JSON Schema editors use is current, wired into VS Code, and as strict as the model."""

from __future__ import annotations

import json

from parksite.model.jsonschema import schema_text
from parksite.project import DATA_FILE, ROOT, SCHEMA_FILE


def test_the_committed_schema_is_current() -> None:
    assert SCHEMA_FILE.read_text(encoding="utf-8") == schema_text(), (
        "data/park.schema.json is out of date: run `.venv/bin/python -m parksite schema`"
    )


def test_the_data_file_and_vscode_point_at_the_schema() -> None:
    assert DATA_FILE.read_text(encoding="utf-8").startswith(
        "# yaml-language-server: $schema=park.schema.json\n"
    )
    settings = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert settings["yaml.schemas"]["./data/park.schema.json"] == ["data/park.yml"]


def test_the_schema_refuses_unknown_keys_and_requires_provenance() -> None:
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    fact = schema["$defs"]["Fact"]
    assert fact["additionalProperties"] is False
    assert {"topic", "label", "as_of", "source"} <= set(fact["required"])
    assert "6 billion" in fact["properties"]["value"]["description"]
    assert schema["$defs"]["Bilingual"]["required"] == ["en", "zh"]
    assert "from" in schema["$defs"]["Period"]["properties"]
