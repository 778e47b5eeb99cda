"""Posting the digests: which slot is due, the claim that makes it post once, the Slack calls.

A digest's *slot* is a fire time of its cron (in the company's ``timezone``). ``tick(now)`` posts every
slot that fell within the last ``SOP_DIGEST_GRACE_HOURS`` and is not claimed yet: at the scheduled time,
and on start for a post missed while the server was down. The claim (``sop_engine.store.digests``) is the
lock and the record, in the plan store, so a restart or a second server process never posts a slot twice.
Schedules and "due tomorrow" follow the real clock (``clock``); planning figures the planning date.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from assistant.digests.blocks import exceptions_blocks, pack_blocks, reminder_blocks
from assistant.runtime import Runtime
from assistant.settings import DigestSpec, parse_digests, parse_slack_users
from sop_engine.calendar import due_on, exceptions_document, meeting_day, pack_day
from sop_engine.errors import InvalidArgument
from sop_engine.notes.textfold import fold
from sop_engine.store import digests as records

log = logging.getLogger(__name__)
FIRE_WINDOW = timedelta(minutes=10)  # a scheduled run started late still finds its slot, even with no grace


class Digests:
    def __init__(self, runtime: Runtime, client, specs: list[DigestSpec] | None = None,
                 users: dict[str, str] | None = None, grace_hours: float | None = None,
                 clock: Callable[[], datetime] | None = None) -> None:
        settings = runtime.settings
        self.runtime = runtime
        self.client = client
        self.specs = parse_digests(settings.digests) if specs is None else specs
        self.users = parse_slack_users(settings.slack_users) if users is None else users
        self.grace = timedelta(hours=settings.digest_grace_hours if grace_hours is None else grace_hours)
        self.clock = clock or (lambda: datetime.now(UTC))
        self._scheduler = None

    # --- when ---------------------------------------------------------------------------------------

    @property
    def store(self):
        return self.runtime.store

    def timezone(self) -> ZoneInfo:
        name = self.store.company().timezone if not self.store.is_empty() else "UTC"
        return ZoneInfo(name or "UTC")

    def trigger(self, spec: DigestSpec):
        from apscheduler.triggers.cron import CronTrigger

        return CronTrigger.from_crontab(spec.cron, timezone=self.timezone())

    def due_slot(self, spec: DigestSpec, now: datetime) -> datetime | None:
        """The latest fire time of ``spec`` in the look-back window ending at ``now``, if any."""
        trigger = self.trigger(spec)
        fire = trigger.get_next_fire_time(None, now - max(self.grace, FIRE_WINDOW))
        last = None
        while fire is not None and fire <= now:
            last = fire
            fire = trigger.get_next_fire_time(fire, fire)
        return last

    def tick(self, now: datetime | None = None) -> list[dict]:
        """Post every due, unclaimed slot; what each spec did."""
        now = now or self.clock()
        done = []
        for spec in self.specs:
            slot = self.due_slot(spec, now)
            if slot is not None:
                done.append(self.post(spec, slot=slot, now=now))
        return done

    # --- posting ------------------------------------------------------------------------------------

    def spec_for(self, name: str) -> DigestSpec | None:
        return next((s for s in self.specs if s.digest == name), None)

    def post_now(self, name: str, channel: str | None = None) -> dict:
        """``sop digest NAME --now``: one post at once (reminders still go once per item)."""
        spec = self.spec_for(name)
        channel = channel or (spec.channel if spec else None)
        if name != "reminders" and not channel:
            raise InvalidArgument(f"no channel for the {name} digest: give --channel or list it in SOP_DIGESTS")
        spec = DigestSpec(digest=name, channel=channel, cron=spec.cron if spec else "0 0 * * *")
        return self.post(spec, slot=None, now=self.clock())

    def post(self, spec: DigestSpec, slot: datetime | None, now: datetime) -> dict:
        local = (slot or now).astimezone(self.timezone())
        key = slot.astimezone(UTC).isoformat() if slot else "now:" + now.astimezone(UTC).isoformat()
        if spec.digest == "exceptions":
            return self._exceptions(spec.channel or "", key, local)
        if spec.digest == "pack":
            return self._pack(spec.channel or "", key, local, manual=slot is None)
        return self._reminders(local)

    def _language(self) -> str:
        return self.store.company().language or "en"

    def _exceptions(self, channel: str, key: str, local: datetime) -> dict:
        if not records.claim(self.store, "exceptions", channel, key):
            return {"digest": "exceptions", "channel": channel, "slot": key, "status": "already_posted"}
        previous = records.last_posted(self.store, "exceptions", channel)
        try:
            doc = exceptions_document(self.store, self.runtime.planning_date()[0], local.date(),
                                      previous.get("short_skus") if previous else None)
            text, blocks = exceptions_blocks(doc, self._language())
        except Exception:
            records.release(self.store, "exceptions", channel, key)
            raise
        ts = self._send(channel, text, blocks, "exceptions", key)
        if ts is None:
            return {"digest": "exceptions", "channel": channel, "slot": key, "status": "failed"}
        if doc["new_shortages"]:
            self._upload_chart(channel, ts, doc)
        detail = {"ts": ts, "short_skus": doc["short_skus"], "new_shortages": len(doc["new_shortages"]),
                  "overdue": len(doc["overdue"]), "tracking_outside": doc["tracking"]["outside"]}
        records.mark_posted(self.store, "exceptions", channel, key, detail)
        return {"digest": "exceptions", "channel": channel, "slot": key, "status": "posted", **detail}

    def _pack(self, channel: str, key: str, local: datetime, manual: bool) -> dict:
        from assistant.pack import make_pack, render

        company = self.store.company()
        meeting = None
        if company.pre_sop_day:
            due = pack_day(local.date(), company.pre_sop_day, company.pack_days_before)
            meeting = (due + timedelta(days=company.pack_days_before)).isoformat() if due else None
            if not manual and due != local.date():
                return {"digest": "pack", "channel": channel, "slot": key, "status": "not_due",
                        "pack_day": due.isoformat() if due else None}
            key = key if manual else f"pack:{local.date().isoformat()}"  # once per pack day, whatever the cron
        elif not manual:
            log.warning("the pack digest needs pre_sop_day in company.toml; nothing posted")
            return {"digest": "pack", "channel": channel, "slot": key, "status": "no_pre_sop_day"}
        if not records.claim(self.store, "pack", channel, key):
            return {"digest": "pack", "channel": channel, "slot": key, "status": "already_posted"}
        try:
            doc = make_pack(self.store, self.runtime.planning_date()[0], local.date(), "digest:pack")
            if meeting is None and company.pre_sop_day:
                meeting = meeting_day(local.date().replace(day=1), company.pre_sop_day).isoformat()
            text, blocks = pack_blocks(doc, meeting)
            pdf = render(doc, "pdf")
        except Exception:
            records.release(self.store, "pack", channel, key)
            raise
        ts = self._send(channel, text, blocks, "pack", key)
        if ts is None:
            return {"digest": "pack", "channel": channel, "slot": key, "status": "failed"}
        self._upload(channel, ts, pdf, f"pack-{doc['period']}.pdf", text)
        detail = {"ts": ts, "pack_id": doc["id"], "period": doc["period"]}
        records.mark_posted(self.store, "pack", channel, key, detail)
        return {"digest": "pack", "channel": channel, "slot": key, "status": "posted", **detail}

    def _reminders(self, local: datetime) -> dict:
        tomorrow = local.date() + timedelta(days=1)
        users = {fold(" ".join(name.split())): user for name, user in self.users.items()}
        sent, unknown, already = [], [], 0
        for item in due_on(self.store, tomorrow):
            user = users.get(fold(" ".join((item["owner"] or "").split())))
            if not user:
                unknown.append(item["owner"])
                continue
            key = f"{item['id']}:{item['due_date']}"
            if not records.claim(self.store, "reminders", user, key):
                already += 1
                continue
            text, blocks = reminder_blocks(item, self._language())
            ts = self._send(user, text, blocks, "reminders", key)
            if ts is not None:
                records.mark_posted(self.store, "reminders", user, key, {"ts": ts, "item": item["id"]})
                sent.append({"user": user, "item": item["id"]})
        return {"digest": "reminders", "due_date": tomorrow.isoformat(), "status": "posted" if sent else "nothing_new",
                "sent": sent, "already_sent": already, "owners_without_user": sorted({o or "" for o in unknown})}

    def _send(self, channel: str, text: str, blocks: list[dict], digest: str, key: str) -> str | None:
        """Post; on a Slack error nothing reached the channel, so the claim is released (a later run may retry)."""
        try:
            answer = self.client.chat_postMessage(channel=channel, text=text, blocks=blocks, unfurl_links=False,
                                                  unfurl_media=False)
        except Exception as error:
            log.warning("the %s digest to %s failed: %s", digest, channel, error)
            records.release(self.store, digest, channel, key)
            return None
        return answer.get("ts")

    def _upload(self, channel: str, ts: str, content: bytes, filename: str, title: str) -> None:
        try:
            self.client.files_upload_v2(channel=channel, thread_ts=ts, file=content, filename=filename, title=title)
        except Exception as error:  # the message is posted; the attachment is missing, and the log says why
            log.warning("uploading %s to %s failed: %s", filename, channel, error)

    def _upload_chart(self, channel: str, ts: str, doc: dict) -> None:
        from assistant.answers import formats
        from assistant.pack import charts
        from assistant.pack.view import wording

        language = self._language()
        new = doc["new_shortages"][:15]
        png = charts.bars(wording(language)["digest"]["chart_title"], [s["sku"] for s in new],
                          {"": [s["total_shortage"] for s in new]}, formats(language))
        self._upload(channel, ts, png, f"new-shortages-{doc['today']}.png", wording(language)["digest"]["chart_title"])

    # --- the schedule in a server -------------------------------------------------------------------

    def start(self) -> None:
        """Schedule every spec (APScheduler, in the company's time zone) and post what was missed, once."""
        if not self.specs or self._scheduler is not None:
            return
        from apscheduler.schedulers.background import BackgroundScheduler

        scheduler = BackgroundScheduler(timezone=self.timezone())
        for index, spec in enumerate(self.specs):
            scheduler.add_job(self._run_spec, trigger=self.trigger(spec), args=[spec], id=f"digest-{index}",
                              coalesce=True, max_instances=1, misfire_grace_time=int(FIRE_WINDOW.total_seconds()))
        scheduler.start()
        self._scheduler = scheduler
        threading.Thread(target=self._catch_up, name="digest-catch-up", daemon=True).start()

    def stop(self) -> None:
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
            self._scheduler = None

    def jobs(self) -> list[dict]:
        return [{"id": job.id, "next_run_time": job.next_run_time.isoformat() if job.next_run_time else None}
                for job in (self._scheduler.get_jobs() if self._scheduler else [])]

    def _run_spec(self, spec: DigestSpec) -> None:
        now = self.clock()
        slot = self.due_slot(spec, now)
        try:
            if slot is not None:
                log.info("digest %s: %s", spec.digest, self.post(spec, slot=slot, now=now).get("status"))
        except Exception:
            log.exception("the %s digest failed", spec.digest)

    def _catch_up(self) -> None:
        try:
            for result in self.tick():
                log.info("digest on start: %s", result)
        except Exception:
            log.exception("posting missed digests failed")
