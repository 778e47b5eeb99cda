"""The pack's charts (matplotlib, Agg): PNG bytes, numbers on the axis in the language's format."""

from __future__ import annotations

import io

from assistant.formats import Formats

COLOURS = ("#2f6db5", "#e0883a", "#6aa84f")


def bars(title: str, labels: list[str], series: dict[str, list[float]], f: Formats) -> bytes:
    """Horizontal bars, one group per label and one bar per series (a legend when there are several)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    count = len(labels)
    fig, ax = plt.subplots(figsize=(8, max(2.2, 0.38 * count * max(1, len(series)) + 1.2)), dpi=100)
    try:
        height = 0.8 / max(1, len(series))
        for i, (name, values) in enumerate(series.items()):
            positions = [k + (i - (len(series) - 1) / 2) * height for k in range(count)]
            ax.barh(positions, values, height=height, color=COLOURS[i % len(COLOURS)], label=name or None)
        ax.set_yticks(range(count), labels=labels, fontsize=8)
        ax.invert_yaxis()
        ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f.number(x)))
        ax.set_title(title, fontsize=10, loc="left")
        ax.grid(axis="x", alpha=0.3)
        if len(series) > 1:
            ax.legend(fontsize=8, loc="lower right")
        fig.tight_layout()
        out = io.BytesIO()
        fig.savefig(out, format="png")
        return out.getvalue()
    finally:
        plt.close(fig)
