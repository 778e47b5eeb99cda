"""The HTTP API (FastAPI): chat, read endpoints over the planning core, jobs, approvals, health."""
