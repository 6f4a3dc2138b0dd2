"""Charts drawn on the server with matplotlib (docs/adr/0017-server-side-charts.md): an SVG for pages, a PNG
of the same figure for PDF and Word documents, and always a text alternative, so a chart never holds
anything a screen reader user cannot read.

    chart = line_chart(title="Re-referrals within 12 months", periods=["Q1", "Q2"], unit="%",
                       series=[Series("Partnership", [21.0, 19.5])], target=20, band=(18, 22))
    chart.svg   # markup to put in a page (role="img", labelled by its text)
    chart.text  # the text alternative: what the chart shows, in words
    chart.png() # 120 dpi: for python-docx (core.documents.add_chart)
    chart.document_image()  # the PNG as an <img> with its text alternative, for WeasyPrint documents

A chart is what it shows (`Chart.spec`: its kind and arguments as JSON); the figure is drawn from that only
when a picture is wanted, and the last pictures drawn are kept in this process (`_svg`, `_png`: functools'
LRU), so a page, its PDF and its Word document, or the same report asked for twice, draw each chart once.

Nothing here draws by hand: matplotlib lays out the axes, lines, bars and band. Figures are made with the
object API (matplotlib.figure.Figure, no pyplot state), so concurrent requests do not share a figure.
"""

import base64
import functools
import hashlib
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from html import escape

from markupsafe import Markup

# GOV.UK Frontend colours; each series also has its own marker and line style, so colour is never the only
# way to tell series apart (WCAG 1.4.1).
COLOURS = ("#1d70b8", "#d4351c", "#00703c", "#4c2c92", "#f47738", "#28a197", "#912b88", "#505a5f")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")
LINESTYLES = ("-", "--", "-.", ":", "-", "--", "-.", ":")
TARGET_COLOUR = "#0b0c0c"
BAND_COLOUR = "#cce2d8"  # GOV.UK light green


@dataclass
class Series:
    name: str
    values: list[float | None]  # one per period; None where there is no value


@dataclass(frozen=True)
class Chart:
    title: str
    text: str
    spec: str  # JSON {"kind": ..., "title": ..., "text": ..., arguments}: the same spec, the same picture

    @property
    def svg(self) -> str:
        return _svg(self.spec)

    def png(self, dpi: int = 120) -> bytes:
        return _png(self.spec, dpi)

    def document_image(self) -> Markup:
        """The chart as a picture for a WeasyPrint document (the PNG Word documents also use), its text
        alternative as the alt text (a tagged PDF's Figure). WeasyPrint styles and draws every element of an
        SVG, inline or as an image: sixteen charts took seconds; their pictures take a fraction of one."""
        data = base64.b64encode(self.png()).decode()
        markup = Markup('<img class="chart-image" src="data:image/png;base64,{}" alt="{}. {}">')
        return markup.format(data, self.title, self.text)  # format escapes each value

    def __html__(self):  # Jinja: {{ chart }} puts the SVG in the page
        return self.svg


def _chart(kind: str, title: str, text: str, **arguments) -> Chart:
    found = {"kind": kind, "title": title, "text": text, **arguments}
    spec = json.dumps(found, default=_plain, sort_keys=True)
    return Chart(title=title, text=text, spec=spec)


def _plain(value):
    return float(value) if isinstance(value, Decimal) else str(value)  # Decimal values; lazy texts


DRAWN = 64  # pictures of each format kept per process (most are 20–60 kB; a tall bar chart a few hundred)


@functools.lru_cache(maxsize=DRAWN)
def _svg(spec: str) -> str:
    found = json.loads(spec)
    return _svg_markup(_draw(found), title=found["title"], text=found["text"])


@functools.lru_cache(maxsize=DRAWN)
def _png(spec: str, dpi: int) -> bytes:
    buffer = io.BytesIO()
    _draw(json.loads(spec)).savefig(buffer, format="png", dpi=dpi)
    return buffer.getvalue()


def _draw(spec: dict):
    """The matplotlib figure for a chart's spec."""
    arguments = {k: v for k, v in spec.items() if k not in ("kind", "text")}
    if spec["kind"] == "bar":
        return _draw_bar(**arguments)
    return _draw_line(**arguments)


def _number(value, unit="") -> str:
    if value is None:
        return "no value"
    text = f"{value:,.1f}".removesuffix(".0")
    return f"{text}%" if unit == "%" else f"{text} {unit}".strip()


def _figure(width=8.0, height=3.6):
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), layout="constrained")
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#b1b4b6", linewidth=0.5)
    axes.set_axisbelow(True)
    return figure, axes


def _thin_ticks(axes, labels):
    """At most about twelve period labels along the axis, so they never overlap."""
    step = max(1, -(-len(labels) // 12))
    positions = list(range(0, len(labels), step))
    axes.set_xticks(
        positions,
        [labels[i] for i in positions],
        rotation=45 if len(labels) > 6 else 0,
        ha="right" if len(labels) > 6 else "center",
    )


def line_chart(
    *,
    title: str,
    periods: list[str],
    series: list[Series],
    unit: str = "",
    target: float | None = None,
    band: tuple[float, float] | None = None,
    y_label: str = "",
) -> Chart:
    """Each series' values by period, with the target as a line and the tolerance band shaded."""
    return _chart(
        "line",
        title,
        _line_text(title, periods, series, unit, target, band),
        periods=list(periods),
        series=[[one.name, list(one.values)] for one in series],
        unit=unit,
        target=target,
        band=list(band) if band is not None else None,
        y_label=y_label,
    )


def _draw_line(*, title, periods, series, unit, target, band, y_label):
    import matplotlib

    matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text in the SVG
    figure, axes = _figure()
    series = [Series(name, values) for name, values in series]
    x = list(range(len(periods)))
    if band is not None:
        low, high = sorted(band)
        axes.axhspan(
            low,
            high,
            color=BAND_COLOUR,
            alpha=0.7,
            label=f"Tolerance band {_number(low, unit)} to {_number(high, unit)}",
            linewidth=0,
        )
    if target is not None:
        axes.axhline(
            target,
            color=TARGET_COLOUR,
            linewidth=1.2,
            linestyle=(0, (6, 3)),
            label=f"Target {_number(target, unit)}",
        )
    for i, one in enumerate(series):
        ys = [float("nan") if v is None else float(v) for v in one.values]
        axes.plot(
            x, ys, label=one.name, color=COLOURS[i % len(COLOURS)], marker=MARKERS[i % len(MARKERS)],
            linestyle=LINESTYLES[i % len(LINESTYLES)], linewidth=2 if i == 0 else 1.4, markersize=4,
        )  # fmt: skip
    _thin_ticks(axes, periods)
    if y_label or unit:
        axes.set_ylabel(y_label or unit)
    if unit == "%":
        axes.set_ylim(bottom=0)
    if series or target is not None:
        axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8)
    return figure


def _line_text(title, periods, series, unit, target, band) -> str:
    parts = [f"{title}: a line chart of {len(periods)} period{'s' if len(periods) != 1 else ''}"]
    if periods:
        parts[0] += f", {periods[0]} to {periods[-1]}"
    parts[0] += "."
    if target is not None:
        parts.append(f"Target {_number(target, unit)}.")
    if band is not None:
        low, high = sorted(band)
        parts.append(f"Tolerance band {_number(low, unit)} to {_number(high, unit)}.")
    for one in series:
        known = [(p, v) for p, v in zip(periods, one.values, strict=False) if v is not None]
        if not known:
            parts.append(f"{one.name}: no values.")
            continue
        first, last = known[0], known[-1]
        lowest, highest = min(v for _p, v in known), max(v for _p, v in known)
        parts.append(
            f"{one.name}: {_number(first[1], unit)} in {first[0]}, {_number(last[1], unit)} in {last[0]}"
            f" (lowest {_number(lowest, unit)}, highest {_number(highest, unit)})."
        )
    return " ".join(parts)


def bar_chart(
    *, title: str, categories: list[str], values: list[float | None], unit: str = "", target=None
) -> Chart:
    """One bar per category (an agency, a priority), horizontal so long names stay readable."""
    text = (
        f"{title}: a bar chart. "
        + "; ".join(f"{c}: {_number(v, unit)}" for c, v in zip(categories, values, strict=False))
        + "."
    )
    return _chart(
        "bar", title, text, categories=list(categories), values=list(values), unit=unit, target=target
    )


def _draw_bar(*, title, categories, values, unit, target):
    import matplotlib

    matplotlib.rcParams["svg.fonttype"] = "none"
    figure, axes = _figure(height=max(2.0, 0.45 * len(categories) + 1))
    axes.grid(axis="x", color="#b1b4b6", linewidth=0.5)
    axes.grid(axis="y", visible=False)
    ys = list(range(len(categories)))
    bars = axes.barh(ys, [0 if v is None else float(v) for v in values], color=COLOURS[0])
    axes.bar_label(bars, labels=[_number(v, unit) for v in values], padding=3, fontsize=8)
    axes.set_yticks(ys, categories)
    axes.invert_yaxis()
    if target is not None:
        axes.axvline(
            target,
            color=TARGET_COLOUR,
            linewidth=1.2,
            linestyle=(0, (6, 3)),
            label=f"Target {_number(target, unit)}",
        )
        axes.legend(loc="lower right", frameon=False, fontsize=8)
    return figure


_PROLOGUE = re.compile(r"^.*?(?=<svg)", re.S)
_IDS = re.compile(r'(\bid="|url\(#|href="#)')
_SIZE = re.compile(r'<svg([^>]*?) width="[^"]*" height="[^"]*"')


def _svg_markup(figure, *, title: str, text: str) -> str:
    """The figure as inline SVG: no XML prologue, scales to its container, and is one image to assistive
    technology, named by the chart's title and described by its text alternative."""
    import matplotlib

    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": "learningloop"}):  # the same chart gives the same SVG
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    # matplotlib numbers its ids (figure_1, axes_1, clip paths, markers) per figure, so two charts on one page
    # or in one document would share them and a clip path could resolve to the other chart's: every id and
    # reference gets a prefix from the chart's own title and text (the same chart still gives the same SVG).
    prefix = "c" + hashlib.sha256(f"{title}\n{text}".encode()).hexdigest()[:10] + "-"
    markup = _IDS.sub(lambda m: f"{m.group(1)}{prefix}", buffer.getvalue())
    markup = _PROLOGUE.sub("", markup, count=1)
    markup = _SIZE.sub(r'<svg\1 width="100%"', markup, count=1)
    accessible = f'<svg role="img" aria-label="{escape(title)}. {escape(text)}" focusable="false"'
    markup = markup.replace("<svg", accessible, 1)
    return markup.replace(">", f"><title>{escape(title)}</title><desc>{escape(text)}</desc>", 1)
