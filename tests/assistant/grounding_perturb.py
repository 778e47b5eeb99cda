"""True and false claims generated from every fact of real tool results, for the grounding check.

The facts are read off the documents here, by hand-written rules per tool (not by the checker's extractors):
each is (kind, subject names, month, value, unit). From each fact come true claims written several ways in
English and Vietnamese, and false ones of every kind: an invented number, a wrong month, another subject's
figure, a misattributed measure, a sign flip, a fragment of a date, code or key. A perturbation that happens
to be true of the document (another fact has that measure, subject, month and value) is skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]
KINDS = ("invented", "wrong_month", "other_subject", "misattributed", "sign_flip", "fragment")


@dataclass(frozen=True)
class Fact:
    measure: str  # a template family below
    subject: str  # the code the document uses
    names: tuple[str, ...]  # ways to name the subject
    month: str | None
    value: float
    unit: str = "units"
    label: str = ""  # a KPI's name


def en_number(value: float) -> str:
    if abs(value) < 100 and value != int(value):
        return f"{value:,.1f}"
    return f"{value:,.0f}"


def vi_number(value: float) -> str:
    return en_number(value).replace(",", "_").replace(".", ",").replace("_", ".")


def about(value: float) -> float:
    """``value`` rounded to two significant figures (what "about" allows)."""
    if abs(value) < 10:
        return value
    digits = len(str(int(abs(value)))) - 2
    return round(value, -digits)


def en_month(label: str, way: int = 0) -> str:
    return label if way else f"{EN_MONTHS[int(label[5:7]) - 1]} {label[:4]}"


def vi_month(label: str, way: int = 0) -> str:
    return f"tháng {int(label[5:7])}/{label[:4]}" if not way else f"tháng {int(label[5:7])} năm {label[:4]}"


# measure -> (English template, Vietnamese template); {s} subject, {v} value, {m} month words, {u} unit
TEMPLATES = {
    "shortage": ("{s} is short {v} {u} in {m}.", "{s} thiếu {v} {u} trong {m}."),
    "demand": ("Demand for {s} in {m} is {v} {u}.", "Nhu cầu của {s} trong {m} là {v} {u}."),
    "receipts": ("{s} receives {v} {u} in {m}.", "{s} nhập kho {v} {u} trong {m}."),
    "stock": ("{s} has a projected stock of {v} {u} in {m}.", "{s} còn tồn kho {v} {u} vào {m}."),
    "balance": ("The projected balance of {s} in {m} is {v} {u}.", "Số dư dự kiến của {s} trong {m} là {v} {u}."),
    "forecast": ("The forecast for {s} in {m} is {v} {u}.", "Dự báo của {s} trong {m} là {v} {u}."),
    "lower": ("The lower bound of the forecast for {s} in {m} is {v} {u}.",
              "Cận dưới dự báo của {s} trong {m} là {v} {u}."),
    "upper": ("The upper bound of the forecast for {s} in {m} is {v} {u}.",
              "Cận trên dự báo của {s} trong {m} là {v} {u}."),
    "sales_plan": ("The sales plan for {s} in {m} is {v} {u}.", "Kế hoạch bán hàng của {s} trong {m} là {v} {u}."),
    "revenue": ("Revenue of {s} in {m} is {v} {u}.", "Doanh thu của {s} trong {m} là {v} {u}."),
    "budget": ("The budget of {s} in {m} is {v} {u}.", "Ngân sách của {s} trong {m} là {v} {u}."),
    "kpi": ("{k} for {s} is {v}% over the months up to {m}.", "{k} của {s} là {v}% trong các tháng đến {m}."),
    "change": ("Revenue of {s} in {m} is {v}% against budget.",
               "Doanh thu của {s} trong {m} là {v}% so với ngân sách."),
    "count": ("There are {v} {s}.", "Có {v} {s}."),
    "probability": ("The stockout probability of {s} in {m} is {v}%.",
                    "Xác suất hết hàng của {s} trong {m} là {v}%."),
}
# a measure stated as another (misattributed measure)
MISATTRIBUTE = {"shortage": "demand", "demand": "shortage", "receipts": "demand", "stock": "receipts",
                "balance": "receipts", "forecast": "upper", "lower": "upper", "upper": "lower",
                "sales_plan": "forecast", "revenue": "budget", "budget": "revenue", "kpi": "probability",
                "change": "probability"}
SIGN_FLIP = {"shortage": "stock", "stock": "shortage"}


def facts_of(tool: str, doc: dict) -> list[Fact]:
    out: list[Fact] = []
    if tool == "check_shortages":
        for sku in doc["skus"]:
            names = (sku["sku"], sku["name"])
            for p in sku["periods"]:
                month = p["period"]
                if p["shortage"] > 0:
                    out.append(Fact("shortage", sku["sku"], names, month, p["shortage"]))
                out.append(Fact("demand", sku["sku"], names, month, p["demand"]))
                if p["receipts"] > 0:
                    out.append(Fact("receipts", sku["sku"], names, month, p["receipts"]))
                if p["projected_balance"] >= 0:
                    out.append(Fact("stock", sku["sku"], names, month, p["projected_balance"]))
                out.append(Fact("balance", sku["sku"], names, month, p["projected_balance"]))
    elif tool == "get_forecast":
        sku = doc["scope"]["code"]
        names = (sku, doc["scope"].get("label") or sku)
        for row in doc["rows"]:
            out.append(Fact("forecast", sku, names, row["period"], row["final"]))
            out.append(Fact("lower", sku, names, row["period"], row["lo_80"]))
            out.append(Fact("upper", sku, names, row["period"], row["hi_80"]))
    elif tool == "get_kpi":
        name = doc["name"].upper() if len(doc["name"]) <= 5 else doc["name"].replace("_", " ")
        out.append(Fact("kpi", "all", ("all products",), doc["period"]["to"], doc["value"], "%", name))
    elif tool == "reconcile_plan":
        for fam in doc["families"]:
            names = (fam["family"],)
            for p in fam["periods"]:
                month = p["period"]
                out.append(Fact("forecast", fam["family"], names, month, p["statistical_forecast"]))
                out.append(Fact("sales_plan", fam["family"], names, month, p["sales_plan"]))
                out.append(Fact("revenue", fam["family"], names, month, p["revenue_consensus"], "EUR"))
                if p.get("budget"):
                    out.append(Fact("budget", fam["family"], names, month, p["budget"], "EUR"))
                if p.get("revenue_vs_budget_pct") is not None:
                    out.append(Fact("change", fam["family"], names, month, p["revenue_vs_budget_pct"], "%"))
    elif tool in ("list_decisions", "search_meeting_notes"):
        if "count" in doc:
            out.append(Fact("count", "items", ("open action items",), None, doc["count"], ""))
    return out


def _true_of(facts: list[Fact], measure: str, subject: str, month: str | None, value: float, step: float) -> bool:
    return any(f.measure == measure and f.subject == subject and f.month == month
               and abs(f.value - value) <= step / 2 + 1e-9 for f in facts)


def sentence(fact: Fact, lang: str, *, measure: str | None = None, value: float | None = None,
             month: str | None = None, name: str | None = None, way: int = 0, rough: bool = False) -> str:
    measure = measure or fact.measure
    value = fact.value if value is None else value
    month = month or fact.month
    text = TEMPLATES[measure][lang == "vi"]
    number = vi_number if lang == "vi" else en_number
    written = number(about(value) if rough else value)
    if rough:
        written = ("khoảng " if lang == "vi" else "about ") + written
    if measure in ("kpi", "change", "probability"):
        written = f"{value:+.1f}" if measure == "change" else f"{value:.1f}"
        written = written.replace(".", ",") if lang == "vi" else written
    unit = {"units": "đơn vị" if lang == "vi" else "units"}.get(fact.unit, fact.unit)
    months = (vi_month if lang == "vi" else en_month)(month, way) if month else ""
    return text.format(s=name or fact.names[way % len(fact.names)], v=written, m=months, u=unit,
                       k=fact.label).replace("  ", " ")


def true_claims(facts: list[Fact]) -> list[tuple[str, str]]:
    """(language, sentence): every fact, in English and Vietnamese, by code and by name, exact and rounded."""
    out = []
    for fact in facts:
        for lang in ("en", "vi"):
            for way in (0, 1):
                out.append((lang, sentence(fact, lang, way=way)))
            if abs(fact.value) >= 100 and fact.measure not in ("kpi", "change", "count"):
                out.append((lang, sentence(fact, lang, rough=True)))
    return out


def _step(value: float) -> float:
    return 0.1 if abs(value) < 100 and value != int(value) else 1.0


def false_claims(facts: list[Fact], doc: dict) -> dict[str, list[tuple[str, str]]]:
    """kind -> [(language, sentence)] of perturbed claims that are false of the document."""
    out: dict[str, list[tuple[str, str]]] = {kind: [] for kind in KINDS}
    months = sorted({f.month for f in facts if f.month})
    subjects = sorted({f.subject for f in facts})
    for i, fact in enumerate(facts):
        lang = "vi" if i % 2 else "en"
        step = _step(fact.value)

        def add(kind, measure, subject, month, value, fact=fact, lang=lang, step=step):
            check_step = 0.1 if measure in ("kpi", "change", "probability") else step
            if _true_of(facts, measure, subject, month, value, check_step):
                return  # it happens to be true: skipped
            out[kind].append((lang, sentence(fact, lang, measure=measure, value=value, month=month)))

        factor = 1.37 if i % 3 else 0.61
        invented = round(fact.value * factor, 1 if fact.measure in ("kpi", "change") else 0) or fact.value + 7
        add("invented", fact.measure, fact.subject, fact.month, invented)
        if fact.month:
            far = [m for m in months if m != fact.month] or []
            wrong = [m for m in far if not _true_of(facts, fact.measure, fact.subject, m, fact.value, step)]
            outside = f"{int(fact.month[:4]) + 1}-{fact.month[5:7]}"
            for m in (wrong[:1] or []) + [outside]:
                add("wrong_month", fact.measure, fact.subject, m, fact.value)
        for other in subjects:
            if other != fact.subject:
                names = next(f.names for f in facts if f.subject == other)
                if not _true_of(facts, fact.measure, other, fact.month, fact.value, step):
                    out["other_subject"].append((lang, sentence(fact, lang, name=names[i % len(names)])))
                    break
        if fact.measure in MISATTRIBUTE:
            add("misattributed", MISATTRIBUTE[fact.measure], fact.subject, fact.month, fact.value)
        if fact.measure in SIGN_FLIP:
            add("sign_flip", SIGN_FLIP[fact.measure], fact.subject, fact.month, fact.value)
        elif fact.measure in ("balance", "change") and fact.value:
            add("sign_flip", fact.measure, fact.subject, fact.month, -fact.value)
        pieces = [int(fact.month[5:7])] if fact.month else []
        pieces += [int(d) for d in re.findall(r"\d+", fact.subject)]
        pieces += [80, int(doc.get("planning_date", "2026-11-15")[8:10])]
        for piece in pieces[:3]:
            if piece and not _true_of(facts, fact.measure, fact.subject, fact.month, piece, 1.0):
                out["fragment"].append((lang, sentence(fact, lang, value=float(piece))))
                break
    return out


# the tool calls the suite runs on a company (every fact of each result is used)
CALLS = [
    ("check_shortages", {"product": "Plant Milks"}),
    ("check_shortages", {"product": "OAT-1L", "period": "December 2026"}),
    ("get_forecast", {"product": "OAT-1L"}),
    ("get_kpi", {"name": "wape"}),
    ("get_kpi", {"name": "revenue_vs_budget"}),
    ("reconcile_plan", {}),
]
# calls of the hand-written answers whose results are large: their answers and the offline ones only
HAND_ONLY = [("check_shortages", {}), ("check_shortages", {"period": "December 2026"})]
NOTE_CALLS = [("list_decisions", {"open_only": True}), ("search_meeting_notes", {"query": "safety stock COC-1L cut"})]


def evaluate(name: str, args: dict, result: dict, resolver, hand_written: list[dict] = (),
             generated: bool = True) -> dict:
    """Counts for one tool result: ``true`` (kept, total), each false kind (caught, total), ``offline`` (the
    router's answers in English and Vietnamese that pass, total) and the hand-written answers (right, total)."""
    from assistant import answers, grounding

    results = [{"name": name, "args": args, "result": result}]

    def ok(language: str, text: str, fixed: str = "") -> bool:
        return grounding.check(text, results, "", fixed, language, resolver).ok

    facts = facts_of(name, result) if generated else []
    counts: dict = {}
    claims = true_claims(facts)
    counts["true"] = (sum(ok(lang, text) for lang, text in claims), len(claims))
    for kind, perturbed in false_claims(facts, result).items():
        counts[kind] = (sum(not ok(lang, text) for lang, text in perturbed), len(perturbed))
    rendered = [(lang, answers.render(name, args, result, lang)) for lang in ("en", "vi")]
    counts["offline"] = (sum(ok(lang, text, answers.template_text(lang)) for lang, text in rendered), len(rendered))
    mine = [c for c in hand_written if c["tool"] == name and c["args"] == args]
    counts["hand_written"] = (sum(ok(c["language"], c["answer"]) == c["ok"] for c in mine), len(mine))
    return counts


def table(rows: dict[str, dict]) -> str:
    """A Markdown table: one row per tool call, a column per kind (kept or caught / total)."""
    columns = ["true", *KINDS, "offline", "hand_written"]
    lines = ["| tool call | " + " | ".join(columns) + " |", "|---" * (len(columns) + 1) + "|"]
    for call, counts in rows.items():
        cells = [f"{counts[c][0]}/{counts[c][1]}" if counts.get(c, (0, 0))[1] else "-" for c in columns]
        lines.append(f"| {call} | " + " | ".join(cells) + " |")
    totals = {c: (sum(r.get(c, (0, 0))[0] for r in rows.values()), sum(r.get(c, (0, 0))[1] for r in rows.values()))
              for c in columns}
    lines.append("| **all** | " + " | ".join(
        f"{a}/{b} ({100 * a / b:.1f}%)" if b else "-" for a, b in totals.values()) + " |")
    return "\n".join(lines)
