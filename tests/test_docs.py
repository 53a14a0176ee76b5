"""The documentation stays in step with the code it describes.

- docs/cli.md has a `## sitroom COMMAND` section for every command of the real parser
  (and none for a command that does not exist), and names every `--option` of a command
  in that command's section;
- docs/errors.md explains every code of `sitroom.errors.CODES`, and no other;
- docs/output.md names every field of the output schemas;
- docs/configuration.md names every setting of `sitroom.config.Config`;
- docs/api.md has a `### METHOD PATH` section for every route, naming its parameters;
- docs/architecture.md describes every stage the pipeline builds.
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

from sitroom.cli import build_parser
from sitroom.errors import CODES

DOCS = Path(__file__).resolve().parents[1] / "docs"


def commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("sitroom has no subcommands")


def long_options(parser: argparse.ArgumentParser) -> set[str]:
    return {
        opt
        for action in parser._actions
        for opt in action.option_strings
        if opt.startswith("--") and opt != "--help"
    }


def sections_at(path: Path, marker: str) -> dict[str, str]:
    """Heading text after `marker` (e.g. "## ") -> the text up to the next such heading."""
    parts = re.split(rf"^{re.escape(marker)}", path.read_text(encoding="utf-8"), flags=re.M)
    found = {}
    for part in parts[1:]:
        heading, _, body = part.partition("\n")
        found[heading.strip()] = body
    return found


def sections(path: Path, prefix: str) -> dict[str, str]:
    """`## prefix NAME` heading -> the text of that section."""
    return {
        heading[len(prefix) :].strip(): body
        for heading, body in sections_at(path, "## ").items()
        if heading.startswith(prefix)
    }


def test_cli_doc_covers_every_command_and_option() -> None:
    documented = sections(DOCS / "cli.md", "sitroom ")
    missing = []
    for name, sub in commands().items():
        if name not in documented:
            missing.append(f"command {name}")
            continue
        for opt in sorted(long_options(sub)):
            if not re.search(rf"`[^`]*{re.escape(opt)}(?![\w-])", documented[name]):
                missing.append(f"{name} {opt}")
    assert not missing, "docs/cli.md lacks: " + ", ".join(missing)


def test_cli_doc_documents_no_missing_command() -> None:
    documented = set(sections(DOCS / "cli.md", "sitroom "))
    assert documented - set(commands()) == set(), "docs/cli.md documents unknown commands"


def test_cli_doc_covers_global_options() -> None:
    text = (DOCS / "cli.md").read_text(encoding="utf-8")
    for opt in long_options(build_parser()):
        assert f"`{opt}`" in text, opt


def test_errors_doc_explains_every_code() -> None:
    documented = set(
        re.findall(r"^### `([a-z_]+)`", (DOCS / "errors.md").read_text(encoding="utf-8"), re.M)
    )
    assert documented == set(CODES), (
        f"undocumented: {sorted(set(CODES) - documented)}; "
        f"not in CODES: {sorted(documented - set(CODES))}"
    )


def test_output_doc_names_every_schema_field() -> None:
    text = (DOCS / "output.md").read_text(encoding="utf-8")
    missing = []
    for path in sorted((DOCS / "schema").glob("*.schema.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        missing += [
            f"{path.name}:{name}.{field}"
            for name, definition in schema["$defs"].items()
            for field in definition.get("properties", {})
            if f"`{field}`" not in text
        ]
    assert not missing, "docs/output.md does not name: " + ", ".join(missing)


def test_configuration_doc_lists_every_setting() -> None:
    from dataclasses import fields

    from sitroom.config import Config

    text = (DOCS / "configuration.md").read_text(encoding="utf-8")
    missing = [
        f.name
        for f in fields(Config)
        if f"`{f.name}`" not in text or f"`SITROOM_{f.name.upper()}`" not in text
    ]
    assert not missing, "docs/configuration.md lacks: " + ", ".join(missing)


def test_api_doc_covers_every_route_and_parameter() -> None:
    from sitroom.config import Config
    from sitroom.serve.api import create_app

    spec = create_app("unused.db", Config()).openapi()  # builds routes only, no store
    documented = sections_at(DOCS / "api.md", "### ")
    missing = []
    for path, operations in spec["paths"].items():
        for method, operation in operations.items():
            heading = f"{method.upper()} {path}"
            if heading not in documented:
                missing.append(heading)
                continue
            missing += [
                f"{heading} {p['name']}"
                for p in operation.get("parameters", [])
                if f"`{p['name']}`" not in documented[heading]
            ]
    assert not missing, "docs/api.md lacks: " + ", ".join(missing)


def test_errors_doc_explains_every_api_error_code() -> None:
    source = "\n".join(
        p.read_text(encoding="utf-8")
        for p in (DOCS.parent / "src" / "sitroom" / "serve").glob("*.py")
    )
    codes = set(re.findall(r"(?:ApiError|error_response)\(\s*\d+,\s*\"([a-z_]+)\"", source))
    text = (DOCS / "errors.md").read_text(encoding="utf-8")
    assert codes, "no API error codes found: has serve/api.py changed shape?"
    missing = sorted(c for c in codes if f"`{c}`" not in text)
    assert not missing, f"docs/errors.md lacks API error codes: {missing}"


def test_architecture_doc_describes_every_stage() -> None:
    import ast

    source = (DOCS.parent / "src" / "sitroom" / "pipeline.py").read_text(encoding="utf-8")
    names = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("sitroom.stages."):
            names.append(node.module.rsplit(".", 1)[1])
    assert names, "pipeline.build imports no stage"
    text = (DOCS / "architecture.md").read_text(encoding="utf-8")
    stage_names = {_stage_name(module) for module in names}
    missing = sorted(n for n in stage_names if f"| `{n}` |" not in text)
    assert not missing, f"docs/architecture.md lacks stages: {missing}"


def _stage_name(module: str) -> str:
    """The `name` a stage module's Stage subclass declares."""
    import importlib

    from sitroom.stages import Stage

    mod = importlib.import_module(f"sitroom.stages.{module}")
    for value in vars(mod).values():
        if (
            isinstance(value, type)
            and issubclass(value, Stage)
            and value.__module__ == mod.__name__
        ):
            return value.name
    raise AssertionError(f"no Stage in sitroom.stages.{module}")
