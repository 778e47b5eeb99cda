"""Block Kit of the digests, in the company's language; every text from the data is escaped."""

from __future__ import annotations

from assistant.answers import formats
from assistant.pack.view import view, wording
from assistant.slack.blocks import context, escape, section

MAX_LINES = 10


def _header(text: str) -> dict:
    return {"type": "header", "text": {"type": "plain_text", "text": text[:150]}}


def exceptions_blocks(doc: dict, language: str) -> tuple[str, list[dict]]:
    w, f = wording(language)["digest"], formats(language)
    months = f.months([doc["months"][0], doc["months"][-1]])
    title = w["exceptions_title"].format(day=f.date(doc["today"]))
    blocks = [_header(title)]
    new = doc["new_shortages"]
    if new:
        lines = [w["new_shortages"].format(count=f.number(len(new)), months=months)]
        lines += [w["shortage_line"].format(sku=escape(s["sku"]), name=escape(s["name"]),
                                            quantity=f.number(s["total_shortage"]),
                                            month=f.month(s["first_short_period"]),
                                            probability=f.probability(s.get("stockout_probability")))
                  for s in new[:MAX_LINES]]
    else:
        lines = [w["no_new_shortages"].format(months=months, count=f.number(len(doc["short_skus"])))]
    blocks.append(section("\n".join(lines)))
    overdue = doc["overdue"]
    if overdue:
        lines = [w["overdue"].format(count=f.number(len(overdue)))]
        lines += [w["overdue_line"].format(owner=escape(i["owner"] or "?"), text=escape(i["text"]),
                                           due=f.date(i["due_date"]))
                  for i in overdue[:MAX_LINES]]
    else:
        lines = [w["no_overdue"]]
    blocks.append(section("\n".join(lines)))
    tracking = doc["tracking"]
    if tracking["value"] is not None:
        key = "tracking" if tracking["outside"] else "tracking_ok"
        skus = ", ".join(f"{escape(s['sku'])} ({f.number(s['tracking_signal'])})" for s in tracking["worst_skus"][:5])
        blocks.append(section(w[key].format(value=f.number(tracking["value"]), limit=f.number(tracking["limit"]),
                                            count=f.number(tracking["skus_outside_limit"]), skus=skus)))
    for note in doc.get("notes", []):
        blocks.append(context(escape(note)))
    blocks.append(context(w["footer"].format(planning_date=f.date(doc["planning_date"]))))
    return title, blocks


def pack_blocks(doc: dict, meeting: str | None) -> tuple[str, list[dict]]:
    shown = view(doc)
    language = shown.language
    w, f = wording(language)["digest"], formats(language)
    title = w["pack_title"].format(title=shown.title, meeting=f.date(meeting)) if meeting else shown.title
    blocks = [_header(title), context(escape(shown.subtitle))]
    for s in shown.sections:
        blocks.append(section(f"*{escape(s.title)}*\n{escape(s.line)}"))
    blocks.append(context(w["pack_footer"].format(period=doc["period"])))
    return title, blocks


def reminder_blocks(item: dict, language: str) -> tuple[str, list[dict]]:
    w, f = wording(language)["digest"], formats(language)
    text = w["reminder"].format(text=escape(item["text"]), due=f.date(item["due_date"]),
                                meeting=escape(item["meeting"].replace("_", " ")), date=f.date(item["date"]))
    return text, [section(text)]
