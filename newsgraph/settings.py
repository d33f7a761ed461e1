"""Every setting newsgraph reads, declared once: its name, environment variable, default
and help. The CLI options, `newsgraph --help`, the README's settings table and the
library all read them from here, and nothing else in the package reads `os.environ`.

A value is decided in this order: what the caller passes (a CLI option, a keyword of
the Python API), else the environment variable, else the default.

    from newsgraph import settings
    settings.get("db")                 # Path('newsgraph.db') unless $NEWSGRAPH_DB says
    settings.get("jobs", 2)            # 2: an explicit value wins
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UsageError, excerpt


class SettingError(UsageError):
    """A setting's value in the environment cannot be used: `param` names the variable."""


def _path(text: str) -> Path:
    if not text.strip():
        raise ValueError("an empty path")
    return Path(text)


def _paths(text: str) -> tuple[Path, ...]:
    return tuple(Path(p) for p in text.split(os.pathsep) if p.strip())


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise ValueError("not a whole number") from None
    if value < 0:
        raise ValueError("not a whole number of at least 0")
    return value


def _amount(text: str) -> int:
    """A count or size: "500000", "500_000", "5e5"."""
    try:
        return int(float(text.replace("_", "")))
    except (ValueError, OverflowError):
        raise ValueError("not a whole number") from None


def _flag(text: str) -> bool:
    return text.strip().lower() not in ("", "0", "no", "false", "off")


def _fraction(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise ValueError("not between 0 and 1")
    return value


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: Any
    help: str
    parse: Callable[[str], Any] = str
    shown_default: str = ""  # how the default reads in help, where repr would mislead

    def default_text(self) -> str:
        if self.shown_default:
            return self.shown_default
        if self.default in (None, ()):
            return "none"
        return str(self.default)


SETTINGS: dict[str, Setting] = {s.name: s for s in (
    Setting("db", "NEWSGRAPH_DB", Path("newsgraph.db"),
            "The store: a SQLite file (created by ingest).", _path),
    Setting("model", "NEWSGRAPH_MODEL", None,
            "spaCy model: an installed package name or a folder.", str,
            "the best installed English model (en_core_web_md)"),
    Setting("kb", "NEWSGRAPH_KB", (),
            f"User knowledge-base files (YAML or CSV) applied over the bundled KB, in "
            f"order; in the variable, separated by '{os.pathsep}'.", _paths),
    Setting("kb_dir", "NEWSGRAPH_KB_DIR", None,
            "A folder whose *.yaml, *.yml and *.csv files are applied to the KB (before "
            "the kb files).", _path),
    Setting("jobs", "NEWSGRAPH_JOBS", 1,
            "Worker processes for extraction (0 = one per core). Output is the same "
            "for any number. 1 by default: each worker loads the model, and on cores "
            "busy with other work --jobs 2 ran slower than one process (bench/scale.py "
            "measures both); use 0 where cores are free.", _count),
    # input limits (newsgraph/limits.py explains how every stage keeps to them)
    Setting("max_text", "NEWSGRAPH_MAX_TEXT", 500_000,
            "Characters of text per article; a longer article is refused, naming its "
            "size.", _amount),
    Setting("max_input", "NEWSGRAPH_MAX_INPUT", 4_000_000_000,
            "Bytes one file or stream may decompress to.", _amount),
    Setting("window", "NEWSGRAPH_WINDOW", 20_000,
            "Characters of cleaned text the stages see at a time (a longer article is "
            "analysed one window of whole paragraphs at a time).", _amount),
    Setting("max_store", "NEWSGRAPH_MAX_STORE", 0,
            "Bytes the store may grow to (0: as far as the disk allows).", _amount),
    # ~0.3 s of reading on the CI machine class
    Setting("quick_check", "NEWSGRAPH_QUICK_CHECK", 128_000_000,
            "Stores up to this many bytes get SQLite's quick_check when opened (0: "
            "never).", _amount),
    # the store's working set when writing (newsgraph/store/db.py explains the choice)
    Setting("store_cache", "NEWSGRAPH_STORE_CACHE", 256_000_000,
            "Bytes of SQLite page cache a writer keeps (taken as needed, up to this).",
            _amount, "256 MB"),
    Setting("store_mmap", "NEWSGRAPH_STORE_MMAP", 2_000_000_000,
            "Bytes of the store a writer reads through memory mapping (0: none; the "
            "mapped pages are the OS's file cache, shared, not extra memory).", _amount,
            "2 GB"),
    Setting("debug", "NEWSGRAPH_DEBUG", False,
            "Print the traceback of an unexpected error after its one-line message.",
            _flag),
    Setting("ingest_token", "NEWSGRAPH_INGEST_TOKEN", None,
            "serve: accept POST /api/articles with 'Authorization: Bearer TOKEN' (at least "
            "16 characters).", str),
)}


def setting(name: str) -> Setting:
    try:
        return SETTINGS[name]
    except KeyError:
        raise KeyError(f"no setting named {name!r} (known: {', '.join(SETTINGS)})") from None


def get(name: str, value: Any = None) -> Any:
    """`value` when given (not None), else the environment variable, else the default."""
    s = setting(name)
    if value is not None:
        return value
    raw = os.environ.get(s.env)
    if raw is None or raw == "":
        return s.default
    try:
        return s.parse(raw)
    except ValueError as e:
        raise SettingError(f"${s.env}", f"{e}: {excerpt(raw)}") from None


def describe() -> list[tuple[str, str, str, str]]:
    """(name, environment variable, default, help) of every setting, in order."""
    return [(s.name, s.env, s.default_text(), s.help) for s in SETTINGS.values()]


def help_epilog() -> str:
    """The settings as `newsgraph --help` shows them (click keeps a "\\b" paragraph as is)."""
    lines = ["Settings: an option wins over its environment variable, which wins over the "
             "default.", "", "\b"]
    for name, env, default, _help in describe():
        lines.append(f"  ${env:<18} {name:<7} default: {default}")
    return "\n".join(lines)
