"""The API over a PostgreSQL store (FastAPI's in-process client): reads through the
place and text indexes, tokens managed in the store, and a stored POST."""

from __future__ import annotations

import datetime as dt

from fastapi.testclient import TestClient
from store_helpers import analysis, lead_pipeline

from sitroom.config import Config
from sitroom.serve.api import create_app
from sitroom.store import open_store


def test_api_reads_and_writes_a_postgres_store(pg_url: str) -> None:
    with open_store(pg_url) as store:
        store.add_analysis(analysis("Gunmen killed 4 villagers in Kano on Friday."))
        store.add_analysis(
            analysis(
                "Rebels killed 9 soldiers in Goma on Friday.",
                incidents=[{"town": "Goma", "actor": "M23", "day": dt.date(2024, 4, 1)}],
            )
        )
        token = store.add_token("desk")
    client = TestClient(create_app(pg_url, Config(token=None), pipeline=lead_pipeline()))
    page = client.get("/events", params={"limit": 1}).json()
    assert len(page["items"]) == 1 and page["next_cursor"]
    rest = client.get("/events", params={"limit": 1, "cursor": page["next_cursor"]}).json()
    assert {page["items"][0]["id"], rest["items"][0]["id"]} == {
        e["id"] for e in client.get("/events").json()["items"]
    }
    near = client.get("/events", params={"near": "-1.6,29.2,50"}).json()["items"]
    assert [e["location"]["name"] for e in near] == ["Goma"]
    assert [e["location"]["name"] for e in client.get("/events?q=kano").json()["items"]] == ["Kano"]
    detail = client.get(f"/events/{near[0]['id']}").json()
    assert detail["report_details"][0]["evidence"]
    assert len(client.get("/events.geojson").json()["features"]) == 2
    body = {"text": "5 villagers killed in Mosul on Monday.", "published": "2024-05-06"}
    assert client.post("/articles", json=body).status_code == 401
    auth = {"Authorization": f"Bearer {token}"}
    assert client.post("/articles", json=body, headers=auth).status_code == 201
    assert client.post("/articles", json=body, headers=auth).status_code == 200  # duplicate
    with open_store(pg_url) as store:
        assert store.counts().articles == 3
