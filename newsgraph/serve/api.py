"""The read-only JSON API: thin endpoints over newsgraph.store.analytics and .browse
(no SQL here). Every parameter is checked before it reaches the store."""

from __future__ import annotations

import json
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import Response

from ..store import Store, analytics, browse

router = APIRouter(prefix="/api")

DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ID = Annotated[str, Path(min_length=1, max_length=200)]
Cursor = Annotated[str | None, Query(max_length=600, description="`next` of the previous "
                                                                 "page")]


def _json(data: object) -> Response:
    # serialized once, here: FastAPI's encoder would walk every record again (200 ms
    # for a network of 3,000 edges)
    return Response(json.dumps(data, ensure_ascii=False, separators=(",", ":")),
                    media_type="application/json")


def store(request: Request) -> Store:
    return request.app.state.stores.get()


StoreDep = Annotated[Store, Depends(store)]


def event_filter(
        actor: Annotated[list[str], Query(
            max_length=8, description="A participant (country, person or organization: "
            "name or id); repeat: all must take part")] = [],  # noqa: B006 - FastAPI reads it
        type: Annotated[str | None, Query(max_length=40, pattern=r"^[A-Za-z_]+$",
                                          description="PLOVER type (CONSULT, ...)")] = None,
        status: Annotated[str | None, Query(max_length=40, pattern=r"^[a-z_]+$",
                                            description="reported, claimed, planned, "
                                            "denied, negated, hypothetical")] = None,
        since: Annotated[str | None, Query(pattern=DATE_PATTERN,
                                           description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
        until: Annotated[str | None, Query(pattern=DATE_PATTERN,
                                           description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
        min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
) -> analytics.EventFilter:
    for text in actor:
        if not text.strip() or len(text) > 200:
            raise analytics.QueryError("actor: give a name or id of at most 200 characters")
    return analytics.EventFilter(actors=tuple(actor), type=type, status=status, since=since,
                                 until=until, min_confidence=min_confidence)


FilterDep = Annotated[analytics.EventFilter, Depends(event_filter)]
Limit = Annotated[int, Query(ge=1, le=analytics.MAX_PAGE)]


@router.get("/meta", summary="Counts, the dated range, types and statuses present")
def meta(store: StoreDep) -> Response:
    return _json(browse.overview(store))


@router.get("/timeline", summary="Dated events in date order, one page at a time")
def timeline(store: StoreDep, f: FilterDep, cursor: Cursor = None, limit: Limit = 100,
             bucket: Annotated[str | None, Query(pattern=r"^(year|month|day)$",
                                                 description="also count events per "
                                                 "year, month or day")] = None
             ) -> Response:
    page = analytics.event_page(store, f, cursor=cursor, limit=limit, dated_only=True)
    if bucket:
        page["counts"] = analytics.timeline_counts(store, f, bucket=bucket)
    return _json(page)


@router.get("/events", summary="Events (dated, then undated) with actors and sources")
def events(store: StoreDep, f: FilterDep, cursor: Cursor = None,
           limit: Limit = 50) -> Response:
    return _json(analytics.event_page(store, f, cursor=cursor, limit=limit, full=True))


@router.get("/events/{id}", summary="One event: merged facts, alternatives, sources")
def event(store: StoreDep, id: ID) -> Response:
    return _json(analytics.event(store, id))


@router.get("/actors", summary="Actors by name, with their number of events")
def actors(store: StoreDep, q: Annotated[str | None, Query(max_length=200)] = None,
           kind: Annotated[str | None, Query(pattern=r"^[a-z_]+$", max_length=40)] = None,
           cursor: Cursor = None, limit: Limit = 50) -> Response:
    return _json(browse.actors_page(store, q=q, kind=kind, cursor=cursor, limit=limit))


@router.get("/actors/{id}", summary="One actor: aliases, offices, counts")
def actor(store: StoreDep, id: ID) -> Response:
    return _json(browse.actor_detail(store, id))


@router.get("/quotes", summary="Quotes, newest first, by one speaker when given")
def quotes(store: StoreDep,
           speaker: Annotated[str | None, Query(max_length=200,
                                                description="actor id")] = None,
           cursor: Cursor = None, limit: Limit = 50) -> Response:
    return _json(browse.quotes_page(store, speaker=speaker, cursor=cursor, limit=limit))


@router.get("/speakers", summary="The actors quoted most")
def speakers(store: StoreDep, limit: Limit = 100) -> Response:
    return _json(browse.speakers(store, limit=limit))


@router.get("/documents/{id}", summary="One article: text, events and quotes in it")
def document(store: StoreDep, id: ID) -> Response:
    return _json(browse.document(store, id))


@router.get("/search", summary="Full-text search over articles and quotes")
def search(store: StoreDep, q: Annotated[str, Query(min_length=1, max_length=300)],
           limit: Annotated[int, Query(ge=1, le=100)] = 20) -> Response:
    return _json(browse.search(store, q, limit=limit))


@router.get("/graph", summary="The actor network: who met, accused, sanctioned whom")
def graph(store: StoreDep, f: FilterDep,
          by: Annotated[str, Query(pattern=r"^(actor|country)$")] = "actor",
          max_nodes: Annotated[int, Query(ge=1, le=500)] = analytics.GRAPH_MAX_NODES,
          max_events: Annotated[int, Query(
              ge=1, le=analytics.GRAPH_EVENTS_LIMIT,
              description="aggregate at most this many events, the latest of the "
              "window (more is slower)")] = analytics.GRAPH_MAX_EVENTS,
          ) -> Response:
    return _json(analytics.graph(store, f, by=by, max_nodes=max_nodes,
                                 max_events=max_events))


@router.get("/relations", summary="Two actors over time: events by type per month")
def relations(store: StoreDep, a: Annotated[str, Query(min_length=1, max_length=200)],
              b: Annotated[str, Query(min_length=1, max_length=200)], f: FilterDep,
              cursor: Cursor = None, limit: Limit = 50) -> Response:
    return _json(analytics.relations(store, a, b, f, cursor=cursor, limit=limit))
