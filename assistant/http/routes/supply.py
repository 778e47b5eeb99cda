"""``GET /v1/orders``, ``/v1/overstock`` and ``/v1/capacity``: the documents of ``sop orders``,
``sop gaps --overstock`` and ``sop capacity`` (and of their tools)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

router = APIRouter(prefix="/v1", tags=["planning"])
Opt = Annotated[str | None, Query()]
