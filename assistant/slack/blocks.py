"""Block Kit for the assistant's replies: escaped text, compact tables, sources, approval buttons.

Every text that did not come from this module (the model's answer, tool results, note excerpts, product
names) passes through ``escape``: ``&``, ``<`` and ``>`` become entities, which neutralises ``<!channel>``,
``<!here>``, ``<@U…>`` user pings and ``<https://evil|innocent label>`` links (Slack's own rule for mrkdwn).
"""

from __future__ import annotations

import re

SECTION_LIMIT = 2900  # Slack refuses section texts over 3,000 characters
MAX_TABLE_ROWS = 12
MAX_SOURCES = 6
CHOOSE_ACTION = "sop_choose"  # a button of a question back; its value is sent as the next message
MAX_CHOICES = 25  # buttons Slack allows in one actions block
APPROVE_ACTION = "sop_approve"
REJECT_ACTION = "sop_reject"
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,20}$")

HELP_TEXT = (
    "*Ask me about the plan* — mention me in a channel, write me a direct message, or use `/sop`:\n"
    "• `/sop short oat milk next month` — are we short? when, by how much, what could cover it\n"
    "• `/sop forecast <product or family>` — the published forecast (with a chart for one SKU)\n"
    "• `/sop kpi wape last 6 months` — a KPI, with its formula and period\n"
    "• `/sop notes <topic>` — what past S&OP meetings said or decided\n"
    "• `/sop reforecast <family>` — a new draft forecast (planners), progress shown as it runs\n"
    "• `/sop publish the forecast` — asks for approval: a planner or admin presses *Approve*\n"
    "Follow-up questions in the same thread keep the context."
)


def escape(text: object) -> str:
    """Text from outside (model, notes, data) made inert for mrkdwn."""
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def mention(user_id: str | None) -> str:
    """A user mention built by us from Slack's own payload, or a plain word when the id looks wrong."""
    return f"<@{user_id}>" if user_id and _USER_ID.match(user_id) else "someone"


def section(text: str) -> dict:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text}}


def context(text: str) -> dict:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": text}]}


def chunks(text: str, limit: int = SECTION_LIMIT) -> list[str]:
    """Split on line ends (long lines hard) so each piece fits one section."""
    lines = [line[i : i + limit] for line in text.splitlines() for i in range(0, max(len(line), 1), limit)]
    pieces: list[str] = []
    current = ""
    for line in lines:
        if current and len(current) + len(line) + 1 > limit:
            pieces.append(current)
            current = line
        else:
            current = f"{current}\n{line}" if current else line
    if current.strip():
        pieces.append(current)
    return pieces or [" "]


def _number(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.0f}" if value.is_integer() or abs(value) >= 100 else f"{value:,.1f}"
    return str(value)


def table(header: list[str], rows: list[list[object]]) -> str:
    """A compact monospace table (a code block: Slack has no table block for bots)."""
    cells = [header] + [[_number(v) for v in row] for row in rows]
    widths = [max(len(str(row[i])) for row in cells) for i in range(len(header))]
    lines = []
    for row in cells:
        padded = [
            str(v).ljust(w) if i == 0 else str(v).rjust(w)
            for i, (v, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  ".join(padded))
    return "```" + escape("\n".join(lines)) + "```"


def shortage_table(result: dict) -> str | None:
    rows = [
        [s["sku"], s.get("first_short_period") or "-", s.get("total_shortage"), s.get("months_of_cover")]
        for s in result.get("skus", [])
        if s.get("first_short_period")
    ]
    if not rows:
        return None
    more = f"\n…and {len(rows) - MAX_TABLE_ROWS} more" if len(rows) > MAX_TABLE_ROWS else ""
    return table(["SKU", "first short", "shortage", "cover (months)"], rows[:MAX_TABLE_ROWS]) + more


def forecast_table(result: dict) -> str | None:
    rows = result.get("rows") or []
    if not rows or len({r["sku"] for r in rows}) != 1:
        return None
    body = [
        [
            r["period"],
            r.get("final", r.get("forecast")),
            f"{_number(r.get('lo_80'))}–{_number(r.get('hi_80'))}",
        ]
        for r in rows[:MAX_TABLE_ROWS]
    ]
    return f"*{escape(rows[0]['sku'])}*\n" + table(["period", "forecast", "80% interval"], body)


TABLES = {"check_shortages": shortage_table, "get_forecast": forecast_table}


def tables(tool_calls: list[dict]) -> list[str]:
    out = []
    for call in tool_calls:
        render = TABLES.get(call["name"])
        rendered = render(call["result"]) if render and "error" not in call["result"] else None
        if rendered:
            out.append(rendered)
    return out


def sources_text(sources: list[dict]) -> str | None:
    labels: list[str] = []
    for source in sources:
        if source.get("file"):
            parts = [source.get("meeting"), source.get("date"), source.get("section")]
            label = f"{source['file']} ({', '.join(str(p) for p in parts if p)})"
        else:
            label = f"{source.get('tool')}: {source.get('source')}"
        if label not in labels:
            labels.append(label)
    if not labels:
        return None
    extra = f" · +{len(labels) - MAX_SOURCES} more" if len(labels) > MAX_SOURCES else ""
    return "Sources: " + " · ".join(escape(label) for label in labels[:MAX_SOURCES]) + extra


def approval_blocks(approval: dict) -> list[dict]:
    approval_id = approval["id"]
    note = section(
        f":lock: *Needs approval:* {escape(approval.get('summary', approval_id))} (`{escape(approval_id)}`)\n"
        "A planner or admin can approve it; nothing changes until then."
    )
    note["block_id"] = f"approval-note:{approval_id}"[:255]
    return [
        note,
        {
            "type": "actions",
            "block_id": f"approval:{approval_id}"[:255],
            "elements": [
                {
                    "type": "button",
                    "action_id": APPROVE_ACTION,
                    "style": "primary",
                    "value": approval_id,
                    "text": {"type": "plain_text", "text": "Approve"},
                },
                {
                    "type": "button",
                    "action_id": REJECT_ACTION,
                    "style": "danger",
                    "value": approval_id,
                    "text": {"type": "plain_text", "text": "Reject"},
                },
            ],
        },
    ]


def _strip_bullets(answer: str) -> str:
    """The offline answer lists rows as bullets; when a table shows the same rows, keep the prose only."""
    kept = [line for line in answer.splitlines() if not line.lstrip().startswith(("•", "↳"))]
    return "\n".join(kept).strip()


def answer_blocks(doc: dict) -> tuple[str, list[dict]]:
    """The reply to one turn: fallback text and blocks (answer, tables, approval buttons, sources)."""
    rendered_tables = tables(doc.get("tool_calls", []))
    answer = doc.get("answer") or "I have no answer to that."
    if rendered_tables and doc.get("engine") in ("offline", "offline_fallback"):
        answer = _strip_bullets(answer) or answer
    text = escape(answer)
    blocks = [section(piece) for piece in chunks(text)]
    blocks += [section(t) for t in rendered_tables]
    if doc.get("pending_approval"):
        blocks += approval_blocks(doc["pending_approval"])
    blocks += choice_blocks(doc.get("clarification"))
    sources = sources_text(doc.get("sources", []))
    if sources:
        blocks.append(context(sources[:1990]))
    return text[:3000], blocks[:50]


def choice_blocks(clarification: dict | None) -> list[dict]:
    """The options of a question back as buttons; pressing one answers with the option's value."""
    options = (clarification or {}).get("options") or []
    if not options:
        return []
    buttons = [
        {
            "type": "button",
            "action_id": f"{CHOOSE_ACTION}_{i}",
            "text": {"type": "plain_text", "text": str(option["label"])[:75] or str(option["value"])[:75]},
            "value": str(option["value"])[:2000],
        }
        for i, option in enumerate(options[:MAX_CHOICES])
    ]
    return [{"type": "actions", "block_id": "choose", "elements": buttons}]


def decision_blocks(approval: dict, user_id: str) -> tuple[str, list[dict]]:
    """The approval message once decided: the buttons are replaced by who decided and the outcome."""
    approved = approval.get("status") == "approved"
    icon = ":white_check_mark: Approved" if approved else ":no_entry_sign: Rejected"
    result = approval.get("result") or {}
    outcome = ""
    if approved and isinstance(result, dict):
        outcome = escape(
            result.get("message")
            or (
                f"version {result['version']} is now published"
                if result.get("version") is not None
                else "done"
            )
        )
    text = f"{icon} by {mention(user_id)}: {escape(approval.get('summary', approval.get('id')))}"
    blocks = [section(text)]
    if outcome:
        blocks.append(context(outcome))
    return text, blocks


def help_blocks() -> tuple[str, list[dict]]:
    return "How to use the S&OP assistant", [section(HELP_TEXT)]


def progress_text(done: int, total: int, message: str) -> str:
    icon = ":white_check_mark:" if total and done >= total else ":hourglass_flowing_sand:"
    return f"{icon} Working… step {done}/{total}: {escape(message)}"
