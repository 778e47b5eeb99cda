"""``make_pack`` builds and stores a pack; ``render(doc, format)`` writes it as markdown, one standalone
HTML file (charts inline as base64 PNG) or a PDF (matplotlib's PDF backend: no system library)."""

from __future__ import annotations

import base64
import html
import io
import textwrap
from datetime import date

from assistant.pack.view import PackView, Section, view
from sop_engine.errors import InvalidArgument
from sop_engine.pack import build_pack, store_pack
from sop_engine.store import PlanStore

FORMATS = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8", "pdf": "application/pdf"}


def make_pack(store: PlanStore, planning_date: date, today: date, principal: str, period: str | None = None) -> dict:
    """The pack document for ``period``, stored in the plan store (the next pack compares with it)."""
    return store_pack(store, build_pack(store, planning_date, today, period), principal)


def render(doc: dict, fmt: str) -> bytes:
    if fmt not in FORMATS:
        raise InvalidArgument(f"format: '{fmt}' is not one of {', '.join(FORMATS)}")
    shown = view(doc)
    if fmt == "md":
        return _markdown(shown).encode("utf-8")
    if fmt == "html":
        return _html(shown).encode("utf-8")
    return _pdf(shown)


def _data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


# --- markdown ---------------------------------------------------------------------------------------

def _md_cell(text: str) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def _markdown(v: PackView) -> str:
    out = [f"# {v.title}", "", v.subtitle, "", f"_{v.note}_", ""]
    for s in v.sections:
        out += [f"## {s.title}", "", s.line, ""]
        if s.chart:
            out += [f"![{_md_cell(s.title)}]({_data_uri(s.chart)})", ""]
        if s.rows:
            out += ["| " + " | ".join(map(_md_cell, s.columns)) + " |", "|" + "---|" * len(s.columns)]
            out += ["| " + " | ".join(map(_md_cell, row)) + " |" for row in s.rows]
            out.append("")
        if s.source:
            out += [f"<sub>{_md_cell(s.source)}</sub>", ""]
    return "\n".join(out)


# --- HTML -------------------------------------------------------------------------------------------

STYLE = """body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:2rem auto;
max-width:60rem;color:#1d2733;line-height:1.4}h1{margin-bottom:.2rem}.subtitle{color:#5b6776;margin-top:0}
section{border-top:1px solid #d5dbe3;padding:.6rem 0 1rem}h2{font-size:1.15rem}img{max-width:100%;height:auto}
table{border-collapse:collapse;width:100%;font-size:.85rem}th,td{border-bottom:1px solid #e6e9ee;padding:.25rem .4rem;
text-align:left;vertical-align:top}th{background:#f3f5f8}.line{font-weight:600}.source{color:#7a8594;font-size:.75rem}
@media print{section{break-inside:avoid}}"""


def _html_section(s: Section) -> str:
    e = html.escape
    parts = [f'<section id="{e(s.key)}" data-section="{e(s.key)}">', f"<h2>{e(s.title)}</h2>",
             f'<p class="line">{e(s.line)}</p>']
    if s.chart:
        parts.append(f'<img src="{_data_uri(s.chart)}" alt="{e(s.title)}">')
    if s.rows:
        head = "".join(f"<th>{e(c)}</th>" for c in s.columns)
        body = "".join("<tr>" + "".join(f"<td>{e(str(c))}</td>" for c in row) + "</tr>" for row in s.rows)
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>")
    if s.source:
        parts.append(f'<p class="source">{e(s.source)}</p>')
    return "\n".join(parts) + "\n</section>"


def _html(v: PackView) -> str:
    e = html.escape
    body = "\n".join(_html_section(s) for s in v.sections)
    return (f'<!DOCTYPE html>\n<html lang="{e(v.language)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{e(v.title)}</title>'
            f"<style>{STYLE}</style></head><body>\n<h1>{e(v.title)}</h1>\n"
            f'<p class="subtitle">{e(v.subtitle)}</p>\n<p class="source">{e(v.note)}</p>\n{body}\n</body></html>\n')


# --- PDF --------------------------------------------------------------------------------------------

A4 = (8.27, 11.69)
PDF_ROWS = 18


def _pdf(v: PackView) -> bytes:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.image as mpimg
    import matplotlib.pyplot as plt
    from matplotlib.backends.backend_pdf import PdfPages

    out = io.BytesIO()
    with matplotlib.rc_context({"pdf.fonttype": 42}), PdfPages(out, metadata={"Title": v.title}) as pdf:
        for index, s in enumerate(v.sections):
            fig = plt.figure(figsize=A4)
            y = 0.96
            if index == 0:
                fig.text(0.06, y, v.title, fontsize=16, weight="bold", va="top")
                fig.text(0.06, y - 0.03, v.subtitle, fontsize=9, color="#5b6776", va="top")
                y -= 0.06
            fig.text(0.06, y, s.title, fontsize=13, weight="bold", va="top")
            y -= 0.03
            for line in textwrap.wrap(s.line, 100):
                fig.text(0.06, y, line, fontsize=9, va="top")
                y -= 0.018
            if s.chart:
                image = mpimg.imread(io.BytesIO(s.chart), format="png")
                height = min(0.38, 0.88 * image.shape[0] / image.shape[1] * A4[0] / A4[1])
                ax = fig.add_axes((0.06, y - height - 0.01, 0.88, height))
                ax.imshow(image)
                ax.axis("off")
                y -= height + 0.03
            if s.rows:
                rows = [[textwrap.shorten(str(c), 48, placeholder="…") for c in row] for row in s.rows[:PDF_ROWS]]
                ax = fig.add_axes((0.06, 0.04, 0.88, max(0.05, y - 0.06)))
                ax.axis("off")
                table = ax.table(cellText=rows, colLabels=s.columns, loc="upper left", cellLoc="left")
                table.auto_set_font_size(False)
                table.set_fontsize(7)
                table.auto_set_column_width(list(range(len(s.columns))))
            if s.source:
                fig.text(0.06, 0.02, s.source, fontsize=7, color="#7a8594")
            pdf.savefig(fig)
            plt.close(fig)
    return out.getvalue()
