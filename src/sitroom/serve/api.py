"""The HTTP API: a thin layer over the store, one JSON error envelope for every failure.

Reads are open; write endpoints need `Authorization: Bearer TOKEN`, where TOKEN is
`$SITROOM_TOKEN` or a token created in the store (kept hashed there).
"""

from __future__ import annotations

import datetime as dt
import hmac
import threading
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from sitroom import pipeline as pipeline_mod
from sitroom.config import Config
from sitroom.errors import InputError
from sitroom.model import Analysis
from sitroom.read.common import ReadOptions
from sitroom.read.jsonl import loads, read_record
from sitroom.stages import Pipeline
from sitroom.store import EventQuery, Store, open_store

MAX_PAGE = 500


class ApiError(Exception):
    """An error answer: HTTP status, a snake_case code and a message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)


class Service:
    """What the routes share: the store URL, the write token and a lazily built pipeline."""

    def __init__(self, db_url: str, config: Config, pipeline: Pipeline | None = None) -> None:
        self.db_url = db_url
        self.config = config
        self._pipeline = pipeline
        self._lock = threading.Lock()

    def store(self) -> Iterator[Store]:
        store = open_store(self.db_url)
        try:
            yield store
        finally:
            store.close()

    def extract(self, item: Analysis) -> Analysis:
        with self._lock:  # one pipeline, one article at a time
            if self._pipeline is None:
                self._pipeline = pipeline_mod.build(self.config)
            return next(iter(pipeline_mod.run(self._pipeline, [item])))

    def authorised(self, header: str | None, store: Store) -> bool:
        if not header or not header.lower().startswith("bearer "):
            return False
        token = header[7:].strip()
        if self.config.token and hmac.compare_digest(token, self.config.token):
            return True
        return bool(token) and store.check_token(token)


def create_app(db_url: str, config: Config, pipeline: Pipeline | None = None) -> FastAPI:
    """The application; `pipeline` defaults to the full one, built on the first POST."""
    service = Service(db_url, config, pipeline)
    app = FastAPI(
        title="sitroom",
        version="0.1.0",
        description="Incidents extracted from conflict news, merged across reports.",
    )
    _install_error_handlers(app)
    get_store = service.store

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def dashboard() -> FileResponse:
        return FileResponse(_assets() / "index.html", media_type="text/html")

    @app.get("/events", summary="Canonical events, newest first, filtered and paged")
    def list_events(
        since: dt.date | None = None,
        until: dt.date | None = None,
        country: str | None = Query(None, description="ISO 3166-1 alpha-3"),
        type: str | None = Query(None, description="event_type or sub_event_type"),
        actor: str | None = None,
        near: str | None = Query(None, description="LAT,LON,KM"),
        status: str | None = Query(None, pattern="^(new|background)$"),
        q: str | None = Query(None, description="full-text query over evidence"),
        limit: int = Query(100, ge=1, le=MAX_PAGE),
        cursor: str | None = None,
        store: Store = Depends(get_store),
    ) -> dict[str, Any]:
        query = EventQuery(
            since=since,
            until=until,
            country=country,
            event_type=type,
            actor=actor,
            near=_near(near),
            status=status,
            text=q,
            limit=limit + 1,
            after=_cursor(cursor),
        )
        events = store.events(query)
        page, more = events[:limit], len(events) > limit
        return {
            "items": [e.to_dict() for e in page],
            "next_cursor": str(page[-1].seq) if more and page else None,
        }

    @app.get("/events.geojson", summary="Located canonical events as a FeatureCollection")
    def events_geojson(
        since: dt.date | None = None,
        until: dt.date | None = None,
        country: str | None = None,
        type: str | None = None,
        status: str | None = None,
        store: Store = Depends(get_store),
    ) -> dict[str, Any]:
        query = EventQuery(
            since=since, until=until, country=country, event_type=type, status=status
        )
        return feature_collection(e.to_dict() for e in store.iter_events(query))

    @app.get("/events/{event_id}", summary="One event with its evidence, reports and merges")
    def get_event(event_id: str, store: Store = Depends(get_store)) -> dict[str, Any]:
        detail = store.event_detail(event_id)
        if detail is None:
            raise ApiError(404, "not_found", f"no event {event_id!r}")
        return detail.to_dict()

    @app.post("/articles", status_code=201, summary="Extract and store one article")
    async def post_article(request: Request, store: Store = Depends(get_store)) -> Any:
        if not service.authorised(request.headers.get("authorization"), store):
            raise ApiError(401, "unauthorized", "a valid Bearer token is required")
        body = (await request.body()).decode("utf-8", errors="replace")
        item = read_record(
            loads_or_error(body), "POST /articles", ReadOptions(max_bytes=config.max_bytes)
        )
        if item.error is not None:
            raise ApiError(
                422 if item.error.code != "too_large" else 413, item.error.code, item.error.message
            )
        done = service.extract(item)
        result = store.add_analysis(done)
        out = done.to_dict()
        out["stored"] = result.outcome
        out["event_ids"] = list(result.event_ids)
        return JSONResponse(out, status_code=201 if result.outcome == "stored" else 200)

    assets = _assets()
    if (assets / "vendor").is_dir():
        app.mount("/assets", StaticFiles(directory=str(assets)), name="assets")
    return app


def loads_or_error(body: str) -> object:
    try:
        return loads(body)
    except InputError as exc:
        raise ApiError(400, exc.code, exc.message) from exc


def feature_collection(events: Any) -> dict[str, Any]:
    features = []
    for e in events:
        loc = e.get("location") or {}
        if loc.get("lat") is None or loc.get("lon") is None:
            continue
        props = {k: v for k, v in e.items() if k not in ("location", "evidence")}
        props["place"] = loc.get("name")
        props["country"] = loc.get("country")
        props["geo_precision"] = loc.get("precision")
        features.append(
            {
                "type": "Feature",
                "id": e["id"],
                "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
                "properties": props,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def _near(value: str | None) -> tuple[float, float, float] | None:
    if value is None:
        return None
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError as exc:
        raise ApiError(400, "bad_parameter", "near must be LAT,LON,KM") from exc
    return (lat, lon, km)


def _cursor(value: str | None) -> int | None:
    if value is None:
        return None
    if not value.isdigit():
        raise ApiError(400, "bad_parameter", "cursor must come from next_cursor")
    return int(value)


def _assets() -> Path:
    return Path(str(resources.files("sitroom.serve").joinpath("assets")))


def _install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def api_error(_: Request, exc: ApiError) -> JSONResponse:
        return error_response(exc.status, exc.code, exc.message)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = {404: "not_found", 405: "method_not_allowed"}.get(exc.status_code, "http_error")
        return error_response(exc.status_code, code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[0] if exc.errors() else {}
        where = ".".join(str(p) for p in first.get("loc", ()))
        return error_response(422, "invalid_request", f"{where}: {first.get('msg', 'invalid')}")

    @app.exception_handler(Exception)
    async def internal(_: Request, exc: Exception) -> JSONResponse:
        return error_response(500, "internal", f"internal error: {type(exc).__name__}")
