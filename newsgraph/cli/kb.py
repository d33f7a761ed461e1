"""`newsgraph kb ...`: show, sources, import, check. (Owned by the knowledge-base work.)"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Any

import click

from ..errors import KBError, safe
from ..kb import KnowledgeBase
from ..store import validate
from . import output

KB_HELP = """What the knowledge base knows, and how to extend it.

\b
The KB is the bundled data (newsgraph/data/kb) plus user KB files, later ones winning:
  every *.yaml / *.csv in $NEWSGRAPH_KB_DIR,
  the files listed in $NEWSGRAPH_KB (separated by ":"),
  the files given with --kb (repeatable).

\b
A user KB file is YAML with lists `people`, `organizations`, `bodies`, `groups`,
`terms`, `countries`, `places`, `summits`, `aliases`, `members` and a mapping
`sectors`, e.g.
  people:
    - id: Q5947347
      name: Ebrahim Raisi
      aliases: [Ibrahim Raisi]
      country: IRN
      source: my notes
      terms: [{role: president, country: IRN, start: 2021-08-03, end: 2024-05-19}]
  summits:
    - {org: SCO, start: 2025-08-31, end: 2025-09-01, city: Tianjin, country: CHN}
or CSV with a `type` column (person, organization, body, group, term, country, place,
summit, alias, sector) and columns id, name, aliases ("|"-separated), country, sector,
role, start, end, acting, org, city, verified, source; a file named people.csv,
terms.csv, summits.csv ... needs no `type` column. Dates are YYYY-MM-DD (or YYYY-MM,
YYYY). An entity with a known id is updated; a term replaces the same person's
overlapping term in the same role and country.
"""


@click.group(name="kb", help=KB_HELP)
@click.option("--kb", "kb_files", multiple=True, type=click.Path(dir_okay=False),
              help="A user KB file (YAML or CSV) to add; repeatable.")
@click.pass_context
def kb(ctx: click.Context, kb_files: tuple[str, ...]) -> None:
    ctx.ensure_object(dict)
    ctx.obj["kb_files"] = list(kb_files)


def _load(ctx: click.Context) -> Any:
    from ..kb import KB

    try:
        return KB.load(overrides=(ctx.obj or {}).get("kb_files", []))
    except KBError as e:
        raise click.ClickException(str(e)) from e


def describe(kb: KnowledgeBase, name: str) -> dict[str, Any] | None:
    """Everything the KB knows about `name` (an id, a country, a person, an org...)."""
    country = kb.country(name)
    entity = kb.entity(name) if country is None else None
    if country is None and entity is None:
        hits = kb.lookup(name) or [e for e, _ in kb.fuzzy(name, limit=1)]
        entity = hits[0] if hits else kb.body(name)
    if country is not None:
        memberships = [e.name for e in kb.entities if e.kind == "organization"
                       and country.iso3 in e.members]
        return {"type": "country", **asdict(country),
                "memberships": sorted(memberships),
                "summits_hosted": [asdict(s) for s in kb.summits(country=country.iso3)]}
    if entity is None:
        place = kb.place(name)
        return {"type": "place", **asdict(place)} if place else None
    out: dict[str, Any] = {"type": entity.kind, **asdict(entity),
                           "terms": [asdict(t) for t in kb.terms(entity.id)]}
    if entity.kind == "organization":
        acronym = entity.id[4:] if entity.id.startswith("ORG:") else entity.name
        out["summits"] = [asdict(s) for s in kb.summits(org=acronym)]
        out["office_holders"] = [asdict(t) for t in kb.terms_ if t.country == entity.id]
    others = [e.name for e in kb.lookup(name) if e.id != entity.id][:5]
    if others:
        out["also_matches"] = others
    return out


def _echo(text: str) -> None:
    click.echo(safe(text))


def _print_text(info: dict[str, Any]) -> None:
    skip = {"terms", "summits", "summits_hosted", "office_holders", "type", "capital_of"}
    _echo(f"{info.get('name')}  [{info['type']}]")
    for key, value in info.items():
        if key in skip or key == "name" or value in (None, (), [], "", False):
            continue
        if isinstance(value, (list, tuple)):
            value = ", ".join(map(str, value))
        _echo(f"  {key}: {value}")
    for key in ("terms", "office_holders"):
        if info.get(key):
            _echo(f"  {key.replace('_', ' ')}:")
            for t in info[key]:
                acting = " (acting)" if t["acting"] else ""
                _echo(f"    {t['role']}{acting} of {t['country']}: {t['start'] or '?'} .. "
                           f"{t['end'] or 'present'}  {t['person_name'] if key != 'terms' else ''}"
                           f"  [source: {t['source']}]")
    for key in ("summits", "summits_hosted"):
        if info.get(key):
            _echo(f"  {key.replace('_', ' ')}:")
            for s in info[key]:
                mark = "" if s["verified"] else " (unverified)"
                _echo(f"    {s['start']}..{s['end']} {s['name']} in {s['city']}, "
                           f"{s['country']}{mark}  [source: {s['source']}]")


@kb.command()
@click.argument("name")
@output.format_option(default="text", extra=("text",))
@click.pass_context
def show(ctx: click.Context, name: str, fmt: str) -> None:
    """What the KB knows about NAME: a person, country, organization, body or id."""
    name = validate.name(name, param="NAME") or name
    info = describe(_load(ctx), name)
    if info is None:
        raise click.ClickException(f"the knowledge base knows nothing called {name!r}")
    if fmt in ("json", "jsonl"):
        click.echo(output.render(info, fmt=fmt, columns=[]))
    elif fmt != "text":
        click.echo(output.render(output.as_fields(info), fmt=fmt,
                                 columns=output.FIELD_COLUMNS))
    else:
        _print_text(info)


SOURCE_COLUMNS: list[output.Column] = [
    (key, (lambda k: lambda r: r.get(k))(key)) for key in ("name", "license", "attribution")]


@kb.command()
@output.format_option(default="text", extra=("text",))
@click.pass_context
def sources(ctx: click.Context, fmt: str) -> None:
    """The data sources of the KB, with their licenses and attributions."""
    rows = _load(ctx).sources()
    if fmt != "text":
        click.echo(output.render(rows, fmt=fmt, columns=SOURCE_COLUMNS))
        return
    for row in rows:
        _echo(f"{row['name']}  [{row['license']}]")
        if row.get("attribution"):
            _echo(f"    {row['attribution']}")


@kb.command(name="import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--out", type=click.Path(), default=".",
              help="Folder (written as wikidata.yaml) or .yaml file; point "
                   "NEWSGRAPH_KB_DIR or --kb at it.")
@click.pass_context
def import_(ctx: click.Context, file: str, out: str) -> None:
    """Import office holders from a Wikidata JSON dump or SPARQL JSON result."""
    from ..kb.build import import_file, write_user_file

    try:
        result = import_file(file, kb=_load(ctx))
        path = write_user_file(result, out)
    except KBError as e:
        raise click.ClickException(str(e)) from e
    terms = sum(len(p["terms"]) for p in result.people)
    click.echo(f"{len(result.people)} people, {terms} terms -> {path}"
               + (f" ({len(result.skipped)} statements skipped)" if result.skipped else ""))


@kb.command()
@click.argument("files", nargs=-1, required=True,
                type=click.Path(exists=True, dir_okay=False))
def check(files: tuple[str, ...]) -> None:
    """Check user KB files; print one line per file."""
    from ..kb import KB

    for file in files:
        try:
            kb_ = KB.load(overrides=[Path(file)])
        except KBError as e:
            raise click.ClickException(str(e)) from e
        click.echo(f"{file}: ok ({len(kb_.entities)} entities, {len(kb_.terms_)} terms)")
