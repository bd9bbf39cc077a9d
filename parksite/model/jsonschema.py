"""The JSON Schema of data/park.yml, exported from the pydantic model for editors' tools.

VS Code (with the YAML extension) and other editors read it through the
`# yaml-language-server: $schema=park.schema.json` line at the top of the data file and
.vscode/settings.json, and complete and check fields as staff type.
"""

from __future__ import annotations

import json
from pathlib import Path

from parksite.model.park import Park
from parksite.project import SCHEMA_FILE


def schema_text() -> str:
    """The schema as written to data/park.schema.json (stable, so git diffs stay small)."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **Park.model_json_schema(by_alias=True),
        "title": "data/park.yml: the facts of the park's investor site",
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schema(path: Path = SCHEMA_FILE) -> bool:
    """Write the schema; True when the file changed."""
    text = schema_text()
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
