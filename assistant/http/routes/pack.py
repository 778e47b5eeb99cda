"""``GET /v1/pack``: the pre-S&OP pack (the document of ``sop pack --json``, or it rendered)."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from assistant.http.deps import CallerDep, RuntimeDep

router = APIRouter(prefix="/v1", tags=["planning"])
PACK_RESPONSES = {200: {"content": {"application/json": {}, "text/markdown": {}, "text/html": {},
                                    "application/pdf": {}},
                        "description": "the pack document (json) or the pack rendered"}}


@router.get("/pack", responses=PACK_RESPONSES)
def read_pack(
    runtime: RuntimeDep,
    caller: CallerDep,
    period: Annotated[str | None, Query(description="The S&OP cycle month, YYYY-MM; default the planning month",
                                        max_length=10)] = None,
    format: Annotated[Literal["json", "md", "html", "pdf"], Query(description="json (the document), md, html "
                                                                   "(one standalone file) or pdf")] = "json",
):
    """The pre-S&OP pack for a cycle month; each one is stored, and "what changed" is since the previous one."""
    from assistant.pack import FORMATS, make_pack, render

    document = make_pack(runtime.store, runtime.planning_date()[0], runtime.today, caller.principal, period)
    if format == "json":
        return document
    name = f"pack-{document['period']}.{format}"
    return Response(render(document, format), media_type=FORMATS[format],
                    headers={"Content-Disposition": f'inline; filename="{name}"'})
