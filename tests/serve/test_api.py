"""The API contract over a real SQLite store, through FastAPI's in-process client."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitroom.config import Config
from sitroom.model import Place
from sitroom.serve.api import create_app
from sitroom.store import open_store

TOKEN = "test-token-123"


@pytest.fixture()
def client(tmp_path: Path, make_analysis: Any) -> TestClient:
    db = tmp_path / "api.db"
    maiduguri = Place("Maiduguri", "Maiduguri", None, None, "Borno", "NGA", 11.85, 13.16, 2331447)
    mogadishu = Place("Mogadishu", "Mogadishu", None, None, "Banaadir", "SOM", 2.04, 45.34, 53654)
    with open_store(str(db)) as store:
        store.add_analysis(
            make_analysis("A roadside bomb hit a bus near Maiduguri.", 4, maiduguri, 7)
        )
        store.add_analysis(make_analysis("A car bomb exploded in Mogadishu.", 5, mogadishu, 3))
    return TestClient(create_app(str(db), Config(token=TOKEN)))


def test_events_lists_items_with_reports_and_a_cursor(client: TestClient) -> None:
    page = client.get("/events", params={"limit": 1}).json()
    assert len(page["items"]) == 1 and page["next_cursor"]
    rest = client.get("/events", params={"limit": 1, "cursor": page["next_cursor"]}).json()
    assert len(rest["items"]) == 1 and rest["items"][0]["id"] != page["items"][0]["id"]
    assert rest["items"][0]["reports"][0]["source"] == "Wire"


def test_filters_by_country_and_place(client: TestClient) -> None:
    items = client.get("/events", params={"country": "SOM"}).json()["items"]
    assert [e["location"]["name"] for e in items] == ["Mogadishu"]
    near = client.get("/events", params={"near": "11.8,13.1,50"}).json()["items"]
    assert [e["location"]["name"] for e in near] == ["Maiduguri"]


def test_one_event_has_evidence_and_unknown_is_a_json_404(client: TestClient) -> None:
    first = client.get("/events").json()["items"][0]
    detail = client.get(f"/events/{first['id']}").json()
    assert detail["evidence"] and detail["report_details"][0]["evidence"]
    missing = client.get("/events/nope")
    assert missing.status_code == 404 and missing.json()["error"]["code"] == "not_found"


def test_geojson_is_a_feature_collection(client: TestClient) -> None:
    geo = client.get("/events.geojson").json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 2
    lon, lat = geo["features"][0]["geometry"]["coordinates"]
    assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_dashboard_and_openapi(client: TestClient) -> None:
    assert "<html" in client.get("/").text
    assert "/events" in client.get("/openapi.json").json()["paths"]


def test_writes_need_the_token_and_bad_json_is_a_json_4xx(client: TestClient) -> None:
    body = {"text": "Gunmen attacked a village in Zamfara on Monday, killing five people."}
    assert client.post("/articles", json=body).status_code == 401
    assert (
        client.post("/articles", json=body, headers={"Authorization": "Bearer wrong"}).status_code
        == 401
    )
    bad = client.post(
        "/articles", content=b"{not json", headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert 400 <= bad.status_code < 500 and bad.json()["error"]["code"]
    no_text = client.post(
        "/articles", json={"title": "x"}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert no_text.status_code == 422 and "error" in no_text.json()


def test_bad_parameters_answer_with_the_error_envelope(client: TestClient) -> None:
    for params in ({"near": "x"}, {"since": "yesterday"}, {"limit": 0}, {"cursor": "abc"}):
        answer = client.get("/events", params=params)
        assert 400 <= answer.status_code < 500, params
        assert set(answer.json()["error"]) == {"code", "message"}
