"""The JSON Schema of data/park.yml, exported from the pydantic model for editors' tools.

VS Code (with the YAML extension) and other editors read it through the
`# yaml-language-server: $schema=park.schema.json` line at the top of the data file and
.vscode/settings.json, and complete and check fields as staff type.
"""

from __future__ import annotations

import json
from pathlib import Path

from parksite.model.park import Park
from parksite.project import SCHEMA_FILE, Project


def project_languages(project: Project) -> tuple[str, ...]:
    """The codes of the project's languages, as mkdocs.yml lists them."""
    from parksite.i18n.languages import i18n_languages

    listed = sorted(i18n_languages(project.config), key=lambda lang: not lang.get("default"))
    return tuple(str(lang.get("locale")) for lang in listed)


def schema_text(languages: tuple[str, ...]) -> str:
    """The schema as written to data/park.schema.json (stable, so git diffs stay small):
    every text object asks for the site's languages, so editors' tools complete them."""
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **Park.model_json_schema(by_alias=True),
        "title": "data/park.yml: the facts of the park's investor site",
    }
    _ask_for_languages(schema, languages)
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _ask_for_languages(node: object, languages: tuple[str, ...]) -> None:
    """Text objects (language code -> text) list the site's languages as required, and a
    unit's words are keys beside its `kind:`."""
    if isinstance(node, dict):
        patterns = node.get("patternProperties")
        if node.get("type") == "object" and isinstance(patterns, dict) and len(patterns) == 1:
            text = next(iter(patterns.values()))
            node.pop("patternProperties")
            node["properties"] = {code: dict(text) for code in languages}
            node["required"] = list(languages)
            node["additionalProperties"] = False
        properties = node.get("properties")
        if isinstance(properties, dict) and {"kind", "words"} <= properties.keys():
            properties.pop("words")
            properties.update({code: {"type": "string"} for code in languages})
            node["required"] = [*node.get("required", []), *languages]
        for value in node.values():
            _ask_for_languages(value, languages)
    elif isinstance(node, list):
        for value in node:
            _ask_for_languages(value, languages)


def write_schema(project: Project, path: Path = SCHEMA_FILE) -> bool:
    """Write the schema for the project's languages; True when the file changed."""
    text = schema_text(project_languages(project))
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True
