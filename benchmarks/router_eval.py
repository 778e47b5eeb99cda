"""Accuracy and speed of the offline router on the dev sets and the held-out sets; writes its README section.

    python benchmarks/router_eval.py [--no-readme] [--show-errors] [--only NAME]

Two kinds of sets. The legacy ones (``router_dev.json``, ``router_heldout.json``) carry products only: a
case is right when tool, entity and months all match. The company sets (``router_dev_vi.json``,
``router_dev_en2.json``, and the held-out ``router_heldout_en.json`` / ``router_heldout_vi.json``) name a
company folder of CSVs and notes (``tests/assistant/dev_company``, ``tests/assistant/eval_companies/*``) and
score each case as right, asked back, not understood or silently wrong (``assistant.router.evaluate.judge``).
Parse time is per message, after the company's resolver is built.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from readme import write_section  # noqa: E402

from assistant.router.evaluate import accuracy, evaluate  # noqa: E402
from sop_engine.demo import write_demo_company  # noqa: E402

DEV = ROOT / "tests/assistant/router_dev.json"
HELDOUT = ROOT / "tests/assistant/router_heldout.json"
COMPANY_SETS = [  # (file, role)
    ("router_dev_en2.json", "dev"),
    ("router_dev_vi.json", "dev"),
    ("router_dev2_en.json", "dev"),
    ("router_dev2_vi.json", "dev"),
    ("router_dev3.json", "dev"),
    ("router_dev4_en.json", "dev"),
    ("router_dev4_vi.json", "dev"),
    ("router_dev5_en.json", "dev"),
    ("router_dev5_vi.json", "dev"),
    ("router_dev6_en.json", "dev"),
    ("router_dev6_vi.json", "dev"),
    ("router_dev7_en.json", "dev"),
    ("router_dev7_vi.json", "dev"),
    ("router_dev8_en.json", "dev"),
    ("router_dev8_vi.json", "dev"),
    ("router_dev9_en.json", "dev"),
    ("router_dev9_vi.json", "dev"),
    ("router_dev10_en.json", "dev"),
    ("router_dev10_vi.json", "dev"),
    ("router_dev11_en.json", "dev"),
    ("router_dev11_vi.json", "dev"),
    ("router_dev12_en.json", "dev"),
    ("router_dev12_vi.json", "dev"),
    ("router_dev13_en.json", "dev"),
    ("router_dev13_vi.json", "dev"),
    ("router_dev14_en.json", "dev"),
    ("router_dev14_vi.json", "dev"),
    ("router_dev15_en.json", "dev"),
    ("router_dev15_vi.json", "dev"),
    ("router_dev16_en.json", "dev"),
    ("router_dev16_vi.json", "dev"),
    ("router_dev17_en.json", "dev"),
    ("router_dev17_vi.json", "dev"),
    ("router_dev18_en.json", "dev"),
    ("router_dev18_vi.json", "dev"),
    ("router_dev19_en.json", "dev"),
    ("router_dev19_vi.json", "dev"),
    ("router_dev20_en.json", "dev"),
    ("router_dev20_vi.json", "dev"),
    ("router_dev21_en.json", "dev"),
    ("router_dev21_vi.json", "dev"),
    ("router_dev22_en.json", "dev"),
    ("router_dev22_vi.json", "dev"),
    ("router_dev23_en.json", "dev"),
    ("router_dev23_vi.json", "dev"),
    ("router_dev24_en.json", "dev"),
    ("router_dev24_vi.json", "dev"),
    ("router_dev25_en.json", "dev"),
    ("router_dev25_vi.json", "dev"),
    ("router_dev26_en.json", "dev"),
    ("router_dev26_vi.json", "dev"),
    ("router_dev27_en.json", "dev"),
    ("router_dev27_vi.json", "dev"),
    ("router_dev28_en.json", "dev"),
    ("router_dev28_vi.json", "dev"),
    ("router_dev29_en.json", "dev"),
    ("router_dev29_vi.json", "dev"),
    ("router_dev30_en.json", "dev"),
    ("router_dev30_vi.json", "dev"),
    ("router_dev31_en.json", "dev"),
    ("router_dev31_vi.json", "dev"),
    ("router_dev32_en.json", "dev"),
    ("router_dev32_vi.json", "dev"),
    ("router_dev33_en.json", "dev"),
    ("router_dev33_vi.json", "dev"),
    ("router_dev34_en.json", "dev"),
    ("router_dev34_vi.json", "dev"),
    ("router_dev35_en.json", "dev"),
    ("router_dev35_vi.json", "dev"),
    ("router_dev36_en.json", "dev"),
    ("router_dev36_vi.json", "dev"),
    ("router_dev37_en.json", "dev"),
    ("router_dev37_vi.json", "dev"),
    ("router_dev38_en.json", "dev"),
    ("router_dev38_vi.json", "dev"),
    ("router_dev39_en.json", "dev"),
    ("router_dev39_vi.json", "dev"),
    ("router_dev40_en.json", "dev"),
    ("router_dev40_vi.json", "dev"),
    ("router_dev41_en.json", "dev"),
    ("router_dev41_vi.json", "dev"),
    ("router_dev42_en.json", "dev"),
    ("router_dev42_vi.json", "dev"),
    ("router_heldout_en.json", "held-out"),
    ("router_heldout_vi.json", "held-out"),
    ("router_heldout2_en.json", "held-out"),
    ("router_heldout2_vi.json", "held-out"),
    ("router_heldout3a_en.json", "held-out"),
    ("router_heldout3a_vi.json", "held-out"),
    ("router_heldout3b_en.json", "held-out"),
    ("router_heldout3b_vi.json", "held-out"),
]
COMPANY_FOLDERS = (ROOT / "tests/assistant", ROOT / "tests/assistant/eval_companies")
SECTION = "## Offline router accuracy"


def _demo_products(theme: str, planning_date: date) -> pd.DataFrame:
    with tempfile.TemporaryDirectory() as folder:
        write_demo_company(Path(folder), seed=7, planning_date=planning_date, theme=theme)
        return pd.read_csv(Path(folder) / "products.csv")


def _products_table(data: dict) -> pd.DataFrame | None:
    """A products table carried by the set: a list of rows, or {columns, rows}."""
    for key in ("products", "product_table", "products_table"):
        table = data.get(key)
        if isinstance(table, list) and table:
            return pd.DataFrame(table)
        if isinstance(table, dict) and "rows" in table:
            return pd.DataFrame(table["rows"], columns=table.get("columns"))
    return None


def load_set(path: Path) -> tuple[list[dict], pd.DataFrame, date, str]:
    data = json.loads(path.read_text())
    if isinstance(data, list):
        data = {"cases": data}
    planning_date = date.fromisoformat(data.get("planning_date", "2026-11-15"))
    products = _products_table(data)
    source = "its own products table"
    if products is None:
        theme = data.get("theme", "beverages")
        products = _demo_products(theme, planning_date)
        source = f"demo company, theme {theme}"
    return data["cases"], products, planning_date, source


def _slots_ok(case: dict, args: dict) -> bool | None:
    """The held-out set's own slot keys (kpi, owner, exclude, scenario_ref, delay_days); None if none."""
    checks = []
    supply = ((args.get("scenario") or {}).get("supply_changes") or [{}])[0]
    expected_keys = (("kpi", args.get("name")), ("owner", args.get("owner")),
                     ("exclude", args.get("exclude")), ("scenario_ref", supply.get("ref")),
                     ("delay_days", supply.get("delay_days")))
    for key, got in expected_keys:
        if key in case:
            checks.append(case[key] == got)
    return all(checks) if checks else None


def _known(entity: str | None, products: pd.DataFrame) -> bool:
    if entity is None:
        return True
    if entity.startswith("family:"):
        return entity[7:] in set(products["family"].astype(str))
    return entity in set(products["sku"].astype(str))


def _cold_import_seconds() -> float:
    code = "import time; t = time.perf_counter(); import assistant.router; print(time.perf_counter() - t)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    return float(out.stdout.strip())


def run(path: Path, show_errors: bool) -> dict:
    cases, products, planning_date, source = load_set(path)
    evaluate(cases[:1], products, planning_date)  # builds the product index once
    started = time.perf_counter()
    results = evaluate(cases, products, planning_date)
    seconds = time.perf_counter() - started
    messages = sum(1 + len(c.get("context") or []) for c in cases)
    if show_errors:
        for r in results:
            if not r.correct:
                print(f"  x {r.case['text']!r}")
                print(f"      expected {r.case.get('tool')} {r.case.get('entity')} {r.case.get('period')}")
                got = f"{r.call.tool} {r.call.entity} {r.call.months} {r.call.clarification or ''}"
                print(f"      got      {got}")
    slot_checks = [ok for r in results if (ok := _slots_ok(r.case, r.call.args)) is not None]
    answerable = [r for r in results if _known(r.case.get("entity"), products)]
    by_tool: dict[str, list[bool]] = {}
    for r in results:
        by_tool.setdefault(str(r.case.get("tool")), []).append(r.correct)
    return {
        "set": path.name,
        "source": source,
        "cases": len(results),
        "accuracy": accuracy(results),
        "args": sum(r.args_ok for r in results) / len(results),
        "slots": (sum(slot_checks), len(slot_checks)),
        "answerable": (sum(r.correct for r in answerable), len(answerable)),
        "ms_per_message": 1000 * seconds / messages,
        "by_tool": {k: (sum(v), len(v)) for k, v in sorted(by_tool.items())},
    }


def _company_folder(name: str) -> Path:
    for base in COMPANY_FOLDERS:
        if (base / name / "products.csv").exists():
            return base / name
    raise FileNotFoundError(f"no company folder '{name}' under {', '.join(map(str, COMPANY_FOLDERS))}")


def run_company_set(path: Path, show_errors: bool) -> dict:
    from assistant.router.companies import folder_tables
    from assistant.router.evaluate import OUTCOMES, run_company_case, tally

    data = json.loads(path.read_text())
    cases = data["cases"]
    tables: dict[str, dict] = {}
    for case in cases:
        if case["company"] not in tables:
            tables[case["company"]] = folder_tables(_company_folder(case["company"]))
            first = date.fromisoformat(case.get("planning_date", "2026-11-15"))
            run_company_case(case, tables[case["company"]], first)  # builds the resolver once
    started = time.perf_counter()
    outcomes = [run_company_case(c, tables[c["company"]], date.fromisoformat(c.get("planning_date", "2026-11-15")))
                for c in cases]
    seconds = time.perf_counter() - started
    messages = sum(1 + len(c.get("context") or []) for c in cases)
    if show_errors:
        for o in outcomes:
            if o.outcome != "right":
                c = o.case
                print(f"  [{o.outcome}] {c['text']!r}  ({c.get('kind')}, context {c.get('context') or []})")
                print(f"      expected {c.get('expect')} {c.get('tool')} {c.get('entity')} {c.get('period')} "
                      f"{c.get('args') or ''} {c.get('options') or ''}")
                print(f"      got      {o.call.tool} {o.call.entity} {o.call.months} {o.call.args} "
                      f"{o.call.clarification or ''} {[x['value'] for x in o.call.options]}")
    counts = tally(outcomes)
    by_kind: dict[str, list[int]] = {}
    for o in outcomes:
        pair = by_kind.setdefault(str(o.case.get("kind")), [0, 0])
        pair[0] += o.outcome == "right"
        pair[1] += 1
    languages = sorted({c.get("lang") or data.get("language", "?") for c in cases})
    return {"set": path.name, "language": "+".join(languages), "cases": len(cases), "counts": counts,
            "outcomes": OUTCOMES, "companies": sorted(tables), "ms_per_message": 1000 * seconds / messages,
            "by_kind": by_kind}


def _ratio(pair: tuple[int, int]) -> str:
    right, total = pair
    return f"{right}/{total} ({right / total:.1%})" if total else "n/a"


def _section(rows: list[dict], cold: float) -> str:
    lines = [
        SECTION,
        "",
        "`python benchmarks/router_eval.py` — the offline router (no LLM) on labelled Slack-style messages.",
        "A case counts when tool, entity and months all match exactly. *Slots*: cases that also give",
        "expected arguments (dev: an `args` subset; held-out: its `kpi`, `owner`, `exclude`, `scenario_ref`,",
        "`delay_days` keys) and get them right. Planning date 2026-11-15.",
        "",
        "| set | products | cases | accuracy | on cases whose entity is in the master | slots | "
        "parse time / message |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        lines.append(
            f"| {row['set']} | {row['source']} | {row['cases']} | {row['accuracy']:.1%} "
            f"| {_ratio(row['answerable'])} | {_ratio(row['slots'])} | {row['ms_per_message']:.1f} ms |"
        )
    lines += [
        "",
        f"Cold `import assistant.router`: {cold:.2f} s (rapidfuzz and the period parser; pandas, langchain,",
        "torch and statsforecast are not imported). The dev set is used for tuning; the held-out set was",
        "written blind from the issue text alone and is never tuned on. It scored 80.4% when first run; the",
        "router changed afterwards only for phrasings from the issue itself (\"what did we decide about the Q3",
        "promo\", \"who owns the PO-1182 expedite\", \"which products are short\"), added to the dev set, and the",
        "held-out figure above is the current router's. Notes searches and catalogue searches now name no",
        "product (their tools take a text, not a product), as the company sets below label them; this set",
        "labels them with the product, so 5 of its cases no longer match on the entity alone (40 of 46 match",
        "when those two tools are judged without it, as before the change).",
        "",
    ]
    for row in rows:
        right, total = row["answerable"]
        if total < row["cases"]:
            lines += [
                f"{row['cases'] - total} cases of {row['set']} expect SKU codes that are not in its product "
                "master (the set carries no products table), so no router can match them; the column",
                "*on cases whose entity is in the master* scores the others.",
                "",
            ]
    return "\n".join(lines)


def scale_parse(sizes: tuple[int, ...] = (10_000,), repeats: int = 3) -> list[dict]:
    """Parse time per message against a synthetic catalogue of N SKUs (names of 4-5 words sharing common
    words, as large catalogues do), after the resolver is built; the messages of the dev sets."""
    import random
    import statistics

    from assistant.router import route

    texts = [c["text"] for name, role in COMPANY_SETS if role == "dev"
             for c in json.loads((ROOT / "tests/assistant" / name).read_text())["cases"]]
    words = ("Red Blue Green Spicy Sweet Classic Organic Fresh Dark Light Golden Wild Smoked Crispy Creamy "
             "Noodles Sauce Coffee Tea Juice Biscuits Chips Soap Shampoo Rice Beans Oil Milk Candy Jam").split()
    out = []
    for size in sizes:
        rng = random.Random(size)
        products = pd.DataFrame(
            [(f"SK-{i:06d}", f"{rng.choice(words[:15])} {rng.choice(words[:15])} {rng.choice(words[15:])} "
              f"Line{i} {rng.choice(['250ml', '1L', '500g', '1kg'])}", f"Family {i % 40}") for i in range(size)],
            columns=["sku", "name", "family"])
        started = time.perf_counter()
        route(texts[0], products, date(2026, 11, 15))
        build = time.perf_counter() - started
        times = []
        for text in texts:
            started = time.perf_counter()
            for _ in range(repeats):
                route(text, products, date(2026, 11, 15))
            times.append((time.perf_counter() - started) / repeats * 1000)
        times.sort()
        out.append({"skus": size, "build_s": build, "median_ms": statistics.median(times), "load": os.getloadavg(),
                    "p95_ms": times[int(0.95 * (len(times) - 1))], "messages": len(texts)})
    return out


def _company_section(rows: list[dict]) -> str:
    lines = [
        "",
        "Company sets: each case names a company folder (CSV files and meeting notes, loaded through the data",
        "contract) and is scored as *right*, *asked back* (a question back on a clear question: not right, not",
        "wrong), *not understood*, or *silently wrong* (an answer to another tool, product, month or argument).",
        "A question back on an ambiguous or unknown name is right when it offers every expected candidate.",
        "",
        "| set | role | language | companies | cases | right | asked back | not understood | silently wrong "
        "| parse time / message |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        c, n = row["counts"], row["cases"]
        cells = " | ".join(f"{c[k]} ({c[k] / n:.1%})" for k in row["outcomes"])
        lines.append(f"| {row['set']} | {row['role']} | {row['language']} | {', '.join(row['companies'])} | {n} | "
                     f"{cells} | {row['ms_per_message']:.1f} ms |")
    lines += [
        "",
        "The held-out sets (`router_heldout_en.json`, `router_heldout_vi.json`, companies in",
        "`tests/assistant/eval_companies/`) were written from the issue text alone before the router was",
        "changed, by someone who did not read the router, and are never tuned on: only their totals are",
        "read, never which cases fail. On their first run (the new resolver, before the shorthand, follow-up",
        "and spelling work, which was driven by the dev sets) they scored 67.6% right / 21.6% silently wrong",
        "(English) and 75.6% / 17.9% (Vietnamese). The dev sets (`router_dev_*.json`, `router_dev3.json` on",
        "`tests/assistant/dev_company*`, written the same way by others on four more companies) are tuned on.",
        "`router_dev4_*` (dev_company_5, a Vietnamese dairy; dev_company_6, an English stationer) and",
        "`router_dev5_*` (dev_company_7, a brewery; dev_company_5) were written blind the same way, then",
        "tuned on; their first runs measured the router as it stood on unseen companies: dev4 87.9% right /",
        "8.8% silently wrong (English), 72.3% / 10.8% (Vietnamese); dev5, after the dev4 work, 80.2% / 6.3%",
        "(English), 88.1% / 7.1% (Vietnamese); dev6 (dev_company_8, household cleaning; dev_company_9, a",
        "Vietnamese confectioner), after the dev5 work, 74.9% / 15.2% (English), 81.3% / 11.0% (Vietnamese);",
        "dev7 (dev_company_10, UK outdoor goods; dev_company_11, a Vietnamese seafood maker), after the dev6",
        "work, 89.1% / 6.4% (English), 92.3% / 3.1% (Vietnamese); dev8 (dev_company_12, North American",
        "electronics accessories; dev_company_13, a Vietnamese cosmetics maker) and dev9 (dev_company_14, an",
        "Australian garden and hardware maker; dev_company_15, Vietnamese construction materials), written side",
        "by side after the dev7 work: dev8 84.0% / 6.5% (English), 85.9% / 8.5% (Vietnamese); dev9 84.6% / 8.0%",
        "(English), 93.3% / 2.7% (Vietnamese); dev10 (dev_company_16, a UK frozen and chilled foods maker) and",
        "dev11 (dev_company_17, a US vitamins and personal-care maker, planning date 2027-02-10), English and",
        "Vietnamese questions about English-named products, written side by side after the dev9 work, with",
        "half of the English cases varying how the question is worded: dev10 80.7% / 8.7% (English), 92.9% /",
        "1.8% (Vietnamese); dev11 81.6% / 8.2% (English), 82.1% / 7.1% (Vietnamese); dev12 (dev_company_18, a",
        "Canadian coffee roaster, planning date 2026-06-20) and dev13 (dev_company_19, a New Zealand auto-parts",
        "and lubricants maker, planning date 2026-09-05), written the same way after the dev10/dev11 work: dev12",
        "87.1% / 5.0% (English), 97.9% / 2.1% (Vietnamese); dev13 85.5% / 7.5% (English), 100% / 0",
        "(Vietnamese); dev14 (dev_company_20, a Vietnamese maker of OTC medicines and supplements with",
        "Vietnamese names and notes, planning date 2026-04-08) and dev15 (dev_company_21, an Indian apparel and",
        "home-textile maker whose sizes, colours and packs are shared across families, planning date",
        "2026-12-20), written the same way after the dev12/dev13 work: dev14 93.9% / 2.5% (English), 86.7% /",
        "8.2% (Vietnamese); dev15 88.6% / 3.0% (English), 100% / 0 (Vietnamese); dev16 (dev_company_22, a",
        "Vietnamese small-appliance and fan maker with model codes in its names, planning date 2026-07-15) and",
        "dev17 (dev_company_23, a Dutch-German pumps, valves and seals maker with shared ratings, planning date",
        "2026-10-28), written while the dev14/dev15 work went on and first run before it: dev16 86.1% / 4.4%",
        "(English), 79.7% / 11.2% (Vietnamese); dev17 91.7% / 2.9% (English), 100% / 0 (Vietnamese); run again",
        "after the dev14/dev15 work, still unseen by it: dev16 86.9% / 3.6% (English), 83.2% / 8.4%",
        "(Vietnamese); dev17 92.5% / 2.9% (English), 100% / 0 (Vietnamese); dev18 (dev_company_24, a Vietnamese",
        "fertiliser, seed and crop-protection maker with grades and seed codes in its names and crop seasons,",
        "planning date 2026-03-12) and dev19 (dev_company_25, a Swedish flat-pack furniture maker whose line",
        "names span families and carry å/ä/ö, planning date 2026-05-29), written after the dev14-dev17 work:",
        "dev18 95.9% / 2.1% (English), 88.8% / 5.6% (Vietnamese); dev19 91.4% / 3.6% (English), 89.6% / 3.0%",
        "(Vietnamese); dev20 (dev_company_26, a Vietnamese motorbike-parts maker whose tyre and tube sizes read",
        "like dates and fractions, with Vietnamese notes, planning date 2026-08-27) and dev21 (dev_company_27, a",
        "Singapore baby-care maker with letter sizes, packs and formula stages shared across lines, planning",
        "date 2026-10-14), written after the dev18/dev19 work: dev20 94.8% / 2.6% (English), 96.2% / 1.9%",
        "(Vietnamese); dev21 94.6% / 2.2% (English), 86.2% / 4.6% (Vietnamese); dev22 (dev_company_28, a",
        "Vietnamese rice miller with brands and pack sizes across families, a week before Tết, planning date",
        "2026-02-10) and dev23 (dev_company_29, an Irish medical-consumables maker with percentages and sizes in",
        "its names, planning date 2026-06-30), written after the dev20/dev21 work: dev22 98.5% / 1.5% (English),",
        "94.4% / 4.2% (Vietnamese); dev23 92.4% / 6.2% (English), 90.5% / 2.7% (Vietnamese); dev24",
        "(dev_company_30, a Vietnamese household-plastics maker whose brand runs across families and whose SKU",
        "codes read like a year and a size, planning date 2026-04-01) and dev25 (dev_company_31, a South African",
        "wine and spirits producer with vintage years and ages in its names, planning date 2026-12-31), written",
        "after the dev22/dev23 work: dev24 98.8% / 0.6% (English), 95.8% / 3.5% (Vietnamese); dev25 95.5% /",
        "0.6% (English), 93.6% / 0.8% (Vietnamese). dev28 (dev_company_34, a Vietnamese e-bike and battery",
        "maker whose model codes T3 and T5 read like month shorthand, planning date 2026-10-05) was first run",
        "after the dev24/dev25 work at 82.4% / 6.1% (English), 86.9% / 6.3% (Vietnamese); dev26 (dev_company_32,",
        "a Vietnamese brewer whose brand runs across three families, planning date 2026-06-30) and dev27",
        "(dev_company_33, an Andalusian olive-oil producer with Spanish names, planning date 2027-01-15) after",
        "the dev28 work: dev26 92.7% / 4.5% (English), 87.2% / 5.2% (Vietnamese); dev27 94.1% / 3.5%",
        "(English), 92.7% / 4.6% (Vietnamese). dev29 (dev_company_35, a Vietnamese generic-medicines maker",
        "with strengths and packs of one ingredient, planning date 2026-12-21) was first run on the router",
        "before this work's changes at 85.7% / 7.7% (English), 86.9% / 4.4% (Vietnamese); dev30",
        "(dev_company_36, a Mekong seafood exporter with count sizes like 16/20 in English names asked after in",
        "Vietnamese trade words, planning date 2027-02-03) first ran after part of it: 88.3% / 6.7% (English),",
        "71.8% / 13.3% (Vietnamese). Four more were written blind and first run on the router as it stood when",
        "they came in, then again after the changes made without reading them: dev31 (dev_company_37, a",
        "Vietnamese animal-feed maker with product numbers across species, planning date 2027-04-14) and dev32",
        "(dev_company_38, a tyre maker planning on a quarter's last day, 2026-09-30) went from 87.6% / 4.0% and",
        "82.7% / 6.1% (dev31 English, Vietnamese), 92.8% / 3.3% and 79.8% / 4.5% (dev32) on the router before",
        "this work to 88.7% / 3.4%, 83.2% / 5.0%, 93.3% / 2.8% and 80.9% / 3.4% after its first part; dev33",
        "(dev_company_39, a Vietnamese coffee roaster planning in early January, 2027-01-11) and dev34",
        "(dev_company_40, a whisky distiller with a Vietnamese subsidiary, 2026-12-30) went from 69.8% / 7.3%,",
        "85.0% / 6.1%, 92.3% / 5.5% and 87.9% / 4.4% before this work to 72.6% / 3.4%, 88.9% / 5.0%, 92.9% /",
        "4.9% and 90.7% / 2.7% after its second part (right / silently wrong); dev35 (dev_company_41, a",
        "Vietnamese steel maker with bar sizes, grades and gauges, planning date 2026-08-19) and dev36",
        "(dev_company_42, a Polish frozen-food maker with a Vietnamese plant, planning on 2027-03-31) were",
        "written last and never used to change the router: 87.0% / 4.8%, 85.8% / 5.8%, 93.4% / 4.1% and",
        "91.0% / 5.1% (dev35 English, Vietnamese, dev36 English, Vietnamese) on the router before this work;",
        "the table above gives them after it.",
        "The second held-out pair (`router_heldout2_en.json`, `router_heldout2_vi.json`, over",
        "`eval_companies/tallis_electrical` and `eval_companies/but_xanh_stationery`) was written the same way",
        "while the dev22/dev23 work went on, and first run on the router after it: 92.5% right / 4.3% silently",
        "wrong (English), 84.7% / 6.9% (Vietnamese). Only its totals are read (never a case); the figures in the",
        "table above are the current router's. It now meets the Vietnamese right target (85%) but still misses",
        "the silently-wrong targets (3% English, 5% Vietnamese).",
        "The third held-out pair (`router_heldout3a_*.json` over `eval_companies/nem_an_giac`, a Vietnamese",
        "bedding maker with Vietnamese names and notes, and `router_heldout3b_*.json` over",
        "`eval_companies/passo_firme_footwear`, a Brazilian footwear maker) was written blind while the dev28",
        "work began, from the requirements alone, and first run on the router as it stood before that work",
        "(commit 7855136): 93.8% right / 2.8% silently wrong (English, 322 cases), 93.6% / 2.0% (Vietnamese,",
        "297 cases). Only its totals are read.",
        "The per-message times above vary with the machine's load (2 cores; the load average of the last run",
        "is given with the 10,000-SKU figure below; 2-22 for earlier ones).",
        "",
    ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-readme", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--only", help="run only the set of this file name")
    options = parser.parse_args()
    rows = []
    for path in (DEV, HELDOUT):
        if options.only and path.name != options.only:
            continue
        if not path.exists():
            print(f"{path.name}: missing, skipped")
            continue
        row = run(path, options.show_errors and path != HELDOUT)
        if row["set"] == "router_dev.json":
            row["slots"] = (round(row["args"] * row["cases"]), row["cases"])
        rows.append(row)
        print(
            f"{row['set']:24} {row['cases']:4} cases  accuracy {row['accuracy']:.1%}  "
            f"args {row['args']:.1%}  {row['ms_per_message']:.1f} ms/message  ({row['source']})"
        )
        answerable, slots = _ratio(row["answerable"]), _ratio(row["slots"])
        print(f"   on cases whose entity is in the master: {answerable}; slots {slots}")
        if path != HELDOUT:  # a held-out set reports its totals only
            print("   by tool: " + ", ".join(f"{k} {a}/{n}" for k, (a, n) in row["by_tool"].items()))
    company_rows = []
    for name, role in COMPANY_SETS:
        path = ROOT / "tests/assistant" / name
        if (options.only and name != options.only) or not path.exists():
            continue
        held_out = role == "held-out"  # a held-out set reports its totals only: no cases, no kinds
        row = run_company_set(path, options.show_errors and not held_out)
        row["role"] = role
        company_rows.append(row)
        counts = ", ".join(f"{k} {v}" for k, v in row["counts"].items())
        print(f"{name:24} {row['cases']:4} cases  {counts}  {row['ms_per_message']:.1f} ms/message")
        if not held_out:
            print("   by kind: " + ", ".join(f"{k} {a}/{n}" for k, (a, n) in sorted(row["by_kind"].items())))
    cold = _cold_import_seconds()
    print(f"cold import of assistant.router: {cold:.2f} s")
    scale = [] if options.only else scale_parse()
    for row in scale:
        print(f"{row['skus']:,} SKUs: resolver built in {row['build_s']:.1f} s; "
              f"parse median {row['median_ms']:.1f} ms, "
              f"p95 {row['p95_ms']:.1f} ms over {row['messages']} messages")
    if not options.no_readme and rows and not options.only:
        body = _section(rows, cold).split("\n", 1)[1] + _company_section(company_rows) + "".join(
            f"\nAt {r['skus']:,} SKUs (a synthetic catalogue whose names share common words): the resolver is built "
            f"once per load in {r['build_s']:.1f} s; parsing a message takes {r['median_ms']:.1f} ms (median), "
            f"{r['p95_ms']:.1f} ms (p95), over the {r['messages']} dev messages (load average "
            f"{r['load'][0]:.1f} at the end, {r['load'][2]:.1f} over 15 minutes).\n" for r in scale)
        write_section(SECTION, body)


if __name__ == "__main__":
    main()
