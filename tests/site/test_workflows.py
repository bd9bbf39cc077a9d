"""The pull-request path: the CI workflow, the pre-commit hooks and the editors' files parse and
say what CONTRIBUTING.md promises (tests on every pull request, a deploy only after them)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from parksite.project import PROJECT
from tests.conftest import REPO

WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), f"{path.name} is not a YAML mapping"
    return data


def triggers(workflow: dict) -> dict:
    # YAML 1.1 reads the key `on` as true.
    on = workflow.get("on", workflow.get(True))
    return {name: None for name in on} if isinstance(on, list) else on


@pytest.fixture(scope="module")
def ci() -> dict:
    return load(REPO / ".github" / "workflows" / "ci.yml")


def steps_using(job: dict, action: str) -> list[dict]:
    return [step for step in job["steps"] if step.get("uses", "").startswith(action + "@")]


def test_ci_runs_on_every_pull_request_and_on_main(ci: dict) -> None:
    on = triggers(ci)
    assert "pull_request" in on
    assert on["push"]["branches"] == ["main"]


def test_ci_tests_in_debian_with_chromium_and_uploads_site_and_screenshots(ci: dict) -> None:
    job = ci["jobs"]["test"]
    assert re.match(r"(python:3\.11-bookworm|debian:bookworm)", job["container"])
    runs = [step.get("run", "") for step in job["steps"]]
    assert any(".ci/run" in run for run in runs), "the tests run as CI runs them"
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "chromium" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    uploads = {step["with"]["name"]: step for step in steps_using(job, "actions/upload-artifact")}
    assert uploads["site"]["with"]["path"].rstrip("/") == "site"
    assert uploads["screenshots"]["with"]["path"].rstrip("/") == "test-output/screenshots"
    assert "!cancelled()" in uploads["screenshots"]["if"], "screenshots help most when tests fail"


def test_a_failed_test_never_deploys_and_only_main_deploys(ci: dict) -> None:
    test, deploy = ci["jobs"]["test"], ci["jobs"]["deploy"]
    assert deploy["needs"] in ("test", ["test"])
    assert "refs/heads/main" in deploy["if"] and "pull_request" in deploy["if"]
    (pages,) = steps_using(test, "actions/upload-pages-artifact")
    assert "refs/heads/main" in pages["if"]
    assert pages["with"]["path"].rstrip("/") == "site"
    assert steps_using(deploy, "actions/deploy-pages")
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert ci["permissions"] == {"contents": "read"}, "pull requests get no write access"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_workflow_parses_and_pins_its_actions(path: Path) -> None:
    workflow = load(path)
    assert triggers(workflow) and workflow["jobs"]
    for name, job in workflow["jobs"].items():
        assert job.get("runs-on"), f"{path.name}: job {name} needs runs-on"
        for step in job.get("steps", []):
            assert ("uses" in step) != ("run" in step), f"{path.name}: {step}"
            if "uses" in step:
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@[\w.-]+", step["uses"]), step["uses"]


def test_pre_commit_runs_ruff_yaml_checks_and_make_check() -> None:
    config = load(REPO / ".pre-commit-config.yaml")
    hooks = {hook["id"]: hook for repo in config["repos"] for hook in repo["hooks"]}
    assert {"ruff-check", "ruff-format", "check-yaml", "park-check"} <= set(hooks)
    assert hooks["park-check"]["entry"] == "make check"
    ruff_rev = next(r["rev"] for r in config["repos"] if r["repo"].endswith("/ruff-pre-commit"))
    locked = re.search(r"^ruff==([\d.]+)", (REPO / "requirements.lock").read_text(), re.M)
    assert locked and ruff_rev == f"v{locked[1]}", "pre-commit's ruff is the locked ruff"
    strict = [h for r in config["repos"] for h in r["hooks"] if h["id"] == "check-yaml"]
    assert any(
        "--unsafe" not in h.get("args", []) and "park" not in h.get("exclude", "") for h in strict
    )


def test_data_file_is_plain_yaml_that_check_yaml_accepts() -> None:
    assert isinstance(yaml.safe_load(PROJECT.data_file.read_text(encoding="utf-8")), dict)


def test_pull_request_template_has_the_editors_checklist() -> None:
    text = (REPO / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    boxes = re.findall(r"^- \[ \] (.+)$", text, re.M)
    assert len(boxes) >= 4
    for must in ("data/park.yml", "make check", "both languages", "screenshots"):
        assert any(must in box for box in boxes), must


@pytest.mark.parametrize(
    "path",
    [".vscode/settings.json", ".vscode/extensions.json", ".devcontainer/devcontainer.json"],
)
def test_editor_files_are_plain_json(path: str) -> None:
    assert isinstance(json.loads((REPO / path).read_text(encoding="utf-8")), dict)


def test_vscode_wires_the_data_schema_and_recommends_the_extensions() -> None:
    settings = json.loads((REPO / ".vscode/settings.json").read_text(encoding="utf-8"))
    schemas = {key.removeprefix("./"): value for key, value in settings["yaml.schemas"].items()}
    assert "data/park.yml" in str(schemas["data/park.schema.json"])
    recommended = json.loads((REPO / ".vscode/extensions.json").read_text(encoding="utf-8"))
    assert {"redhat.vscode-yaml", "ms-python.python", "charliermarsh.ruff"} <= set(
        recommended["recommendations"]
    )


def test_dev_container_builds_and_forwards_the_preview() -> None:
    container = json.loads((REPO / ".devcontainer/devcontainer.json").read_text(encoding="utf-8"))
    assert "bookworm" in container["image"] and "3.11" in container["image"]
    # The CJK fonts draw the Chinese link previews, as in CI.
    assert container["postCreateCommand"].endswith("fonts-noto-cjk && make build")
    assert 8000 in container["forwardPorts"]
    assert container["containerEnv"]["SERVE_HOST"] == "0.0.0.0"
    assert "SERVE_HOST ?= 127.0.0.1" in (REPO / "Makefile").read_text(encoding="utf-8")
