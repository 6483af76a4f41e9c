"""The daily schedule and the inbox sensor request refreshes."""
import datetime as dt
import os
import time

import dagster as dg

from pipelines.definitions import defs
from pipelines.defs.schedules import daily_refresh
from pipelines.defs.sensors import inbox_sensor


def test_daily_schedule_requests_the_refresh_job():
    context = dg.build_schedule_context(scheduled_execution_time=dt.datetime(2026, 1, 5, 5, 0))
    (request,) = daily_refresh.evaluate_tick(context).run_requests
    assert daily_refresh.job_name == "refresh" and daily_refresh.cron_schedule == "0 5 * * *"
    assert request.job_name in (None, "refresh")


def test_inbox_sensor_fires_on_new_and_changed_files_only(tmp_path, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    monkeypatch.setenv("DIPLOMACY_INBOX", str(inbox))
    with dg.DagsterInstance.ephemeral() as instance:
        def tick(cursor):
            context = dg.build_sensor_context(instance=instance, cursor=cursor)
            result = inbox_sensor.evaluate_tick(context)
            return result.run_requests, result.cursor

        requests, cursor = tick(None)
        assert requests == []  # empty inbox
        (inbox / "a.txt").write_text("استقبل الرئيس سفير تركيا.", encoding="utf-8")
        requests, cursor = tick(cursor)
        assert len(requests) == 1 and requests[0].tags["diplomacy/files"] == "1"
        requests, cursor = tick(cursor)
        assert requests == []  # nothing changed
        time.sleep(0.01)
        (inbox / "a.txt").write_text("استقبل الرئيس سفير اليابان.", encoding="utf-8")
        os.utime(inbox / "a.txt", ns=(time.time_ns(), time.time_ns() + 10_000_000))
        (inbox / "b.meta.json").write_text("{}", encoding="utf-8")
        requests, cursor = tick(cursor)
        assert len(requests) == 1 and requests[0].tags["diplomacy/files"] == "2"


def test_definitions_load_with_job_schedule_and_sensor():
    assert defs.resolve_job_def("refresh") is not None
    assert {s.name for s in defs.schedules} == {"daily_refresh"}
    assert {s.name for s in defs.sensors} == {"inbox_sensor"}
