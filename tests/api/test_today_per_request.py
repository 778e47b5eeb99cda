""""Today" is computed per request: a server started in November answers December's questions about
December. The clock is injected into the runtime (no global monkeypatching of datetime)."""

from __future__ import annotations

from datetime import date

from server import ApiServer

from assistant.bootstrap import load_folder
from assistant.runtime import Runtime
from sop_engine.service import forecasting
from tests.factories import write_company


def test_a_long_running_server_moves_with_the_calendar(tmp_path, monkeypatch):
    monkeypatch.delenv("SOP_PLANNING_DATE")
    today = [date(2026, 11, 20)]
    runtime = Runtime(clock=lambda: today[0])
    folder = write_company(tmp_path / "export", company__toml='name = "Test Co"\ncurrency = "EUR"\n')
    load_folder(runtime, folder, "test")
    forecasting.run_forecast(runtime.store, runtime.planning_date()[0], principal="test")
    assert runtime.planning_date() == (date(2026, 11, 20), "today")
    with ApiServer(runtime) as server, server.client() as client:
        november = client.get("/v1/shortages", params={"months": 2}).json()
        asked_in_november = client.post("/v1/chat", json={"message": "are we short on AB-100 next month?"}).json()
        today[0] = date(2026, 12, 2)  # the server keeps running into December
        december = client.get("/v1/shortages", params={"months": 2}).json()
        asked_in_december = client.post("/v1/chat", json={"message": "are we short on AB-100 next month?"}).json()
    assert (november["planning_date"], november["months"][0]) == ("2026-11-20", "2026-11")
    assert (december["planning_date"], december["months"][0]) == ("2026-12-02", "2026-12")
    assert asked_in_november["tool_calls"][0]["result"]["asked_months"] == ["2026-12"]
    assert asked_in_december["tool_calls"][0]["result"]["asked_months"] == ["2027-01"]
