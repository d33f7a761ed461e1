"""POST /api/articles: add one article to the store, only when the server was started
with an ingest token (`newsgraph serve --ingest-token TOKEN`), sent as a bearer token."""

from __future__ import annotations

import hmac
import json
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, ValidationError

from ..kb import KnowledgeBase
from .errors import error

if TYPE_CHECKING:
    from ..pipeline import Pipeline

# An article's JSON body: a long feature is ~100 KB of text; 2 MB leaves room for
# escaping without letting one request hold the writer for minutes.
MAX_BODY_BYTES = 2_000_000
MAX_TEXT_CHARS = 500_000


class ArticleIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_TEXT_CHARS,
                      description="The article text (plain text)")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    url: str | None = Field(None, max_length=2000, pattern=r"^https?://\S+$")
    published: str | None = Field(None, pattern=r"^\d{4}-\d{2}-\d{2}$")


class Ingester:
    """The pipeline and a read-write store, made on the first request; one article at
    a time (SQLite has one writer)."""

    def __init__(self, path: Path, *, kb: KnowledgeBase | None = None) -> None:
        self.path = path
        self.kb = kb
        self._lock = threading.Lock()
        self._pipeline: Pipeline | None = None

    def add(self, item: ArticleIn) -> dict[str, Any]:
        from .. import store as store_mod
        from ..pipeline import Pipeline

        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(kb=self.kb)
            pipeline = self._pipeline
            article = pipeline.process_text(
                item.text, source=item.url or "<api>", published=item.published,
                title=item.title, outlet=item.outlet)
            article.url = item.url
            with store_mod.open(self.path, must_exist=True, kb=pipeline.kb) as store:
                result = store.ingest(article)
        return {"doc_id": result.doc_id, "status": result.status, "events": result.events,
                "quotes": result.quotes, "duplicate_of": result.duplicate_of}


def _authorized(request: Request, token: str) -> bool:
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(),
                                                              token.encode())


def router(path: Path, *, token: str | None, kb: KnowledgeBase | None = None) -> APIRouter:
    ingester = Ingester(path, kb=kb) if token else None
    api = APIRouter(prefix="/api")

    @api.post("/articles", status_code=201, summary="Add one article (needs the token)",
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": ArticleIn.model_json_schema()}}}})
    async def add_article(request: Request) -> JSONResponse:
        if ingester is None or token is None:
            return error(403, "this server is read-only: start it with --ingest-token "
                              "TOKEN to accept articles")
        if not _authorized(request, token):
            response = error(401, "give the ingest token as 'Authorization: Bearer TOKEN'")
            response.headers["www-authenticate"] = "Bearer"
            return response
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return error(413, f"body over {MAX_BODY_BYTES} bytes")
        body = bytearray()
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > MAX_BODY_BYTES:
                return error(413, f"body over {MAX_BODY_BYTES} bytes")
        try:
            item = ArticleIn.model_validate(json.loads(body))
        except (ValueError, UnicodeDecodeError) as e:
            if isinstance(e, ValidationError):
                problems = "; ".join(f"{'.'.join(map(str, p['loc'])) or 'body'}: {p['msg']}"
                                     for p in e.errors())
                return error(422, problems)
            return error(400, "body: not JSON (send {\"text\": ..., \"title\": ...})")
        result = await run_in_threadpool(ingester.add, item)
        return JSONResponse(result, status_code=201 if result["status"] == "added" else 200)

    return api


def install(app: FastAPI, path: Path, *, token: str | None,
            kb: KnowledgeBase | None = None) -> None:
    app.include_router(router(path, token=token, kb=kb))
