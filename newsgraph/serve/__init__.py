"""`newsgraph serve`: the store as a JSON API and a web page, in one process.

    from newsgraph.serve import create_app
    app = create_app("newsgraph.db")          # an ASGI app (FastAPI)

The store is opened read-only; `ingest` may write the same file meanwhile.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI


from ..kb import KnowledgeBase

__all__ = ["create_app", "run"]

STATIC = Path(__file__).resolve().parent / "static"


def create_app(db: str | os.PathLike[str], *, ingest_token: str | None = None,
               kb: KnowledgeBase | None = None) -> FastAPI:
    """The FastAPI application over the store at `db` (which must exist)."""
    from fastapi import FastAPI
    from fastapi.responses import FileResponse, Response
    from fastapi.staticfiles import StaticFiles

    from . import api, errors, ingest
    from .stores import StorePool

    path = Path(db)
    stores = StorePool(path, kb=kb)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    app = FastAPI(title="newsgraph", version=_version(), docs_url=None, redoc_url=None,
                  lifespan=lifespan,
                  openapi_url="/openapi.json",
                  description="Sourced events, quotes and actors from news articles.")
    app.state.stores = stores
    errors.install(app)
    app.include_router(api.router)
    ingest.install(app, path, token=ingest_token, kb=kb)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/docs", include_in_schema=False)
    def docs() -> FileResponse:
        return FileResponse(STATIC / "docs.html", media_type="text/html")

    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsgraph")
    except PackageNotFoundError:
        return "0"


def run(db: str | os.PathLike[str], *, host: str = "127.0.0.1", port: int = 8000,
        ingest_token: str | None = None, kb: KnowledgeBase | None = None) -> None:
    """Serve until interrupted."""
    import uvicorn

    app = create_app(db, ingest_token=ingest_token, kb=kb)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
