"""Background jobs (re-forecasts) with progress, reported through the engine's progress callback."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sop_engine.errors import NotFound


@dataclass
class Job:
    id: str
    kind: str
    requested_by: str
    status: str = "queued"  # queued | running | done | failed
    done: int = 0
    total: int = 0
    stage: str = ""
    result: dict | None = None
    error: dict | None = None
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    finished_at: str | None = None

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "status": self.status, "requested_by": self.requested_by,
                "progress": {"done": self.done, "total": self.total, "stage": self.stage,
                             "fraction": round(self.done / self.total, 3) if self.total else 0.0},
                "result": self.result, "error": self.error, "created_at": self.created_at,
                "finished_at": self.finished_at}


class Jobs:
    def __init__(self) -> None:
        self._jobs: dict[str, Job] = {}
        self._lock = threading.Lock()

    def start(self, kind: str, requested_by: str, work: Callable[[Callable[[int, int, str], None]], dict]) -> Job:
        job = Job(uuid.uuid4().hex[:12], kind, requested_by)
        with self._lock:
            self._jobs[job.id] = job

        def progress(done: int, total: int, stage: str) -> None:
            job.done, job.total, job.stage = done, total, stage

        def run() -> None:
            job.status = "running"
            try:
                result = work(progress)
                if "error" in result:
                    job.error, job.status = result["error"], "failed"
                else:
                    job.result, job.status = result, "done"
            except Exception as exc:  # reported in the job, never lost
                job.error, job.status = {"code": "internal", "message": f"{type(exc).__name__}: {exc}"}, "failed"
            job.finished_at = datetime.now(UTC).isoformat(timespec="seconds")

        threading.Thread(target=run, name=f"job-{job.id}", daemon=True).start()
        return job

    def get(self, job_id: str) -> Job:
        with self._lock:
            job = self._jobs.get(job_id)
        if job is None:
            raise NotFound(f"no job '{job_id}'")
        return job
