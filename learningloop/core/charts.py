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
when a picture is wanted, and the last pictures drawn are kept in this process (`_SVGS`, `_PNGS`: the
least recently used go first), so a page, its PDF and its Word document, or the same report asked for twice,
draw each chart once; `draw_pictures` draws many at once on every processor.

Nothing here draws by hand: matplotlib draws the axes, lines, bars and band, and measures the labels that the
margins are made to hold. Figures are made with the object API (matplotlib.figure.Figure, no pyplot state),
so concurrent requests do not share a figure.
"""

import base64
import functools
import hashlib
import io
import json
import os
import re
import sys
import threading
import warnings
from collections import OrderedDict
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


class _Kept:
    """The last pictures drawn in this process, by what they show (least recently used go first). Not
    functools.lru_cache: pictures drawn side by side in other processes (draw_pictures) are put in too."""

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, draw):
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        picture = draw()
        self.put(key, picture)
        return picture

    def put(self, key, picture):
        with self._lock:
            self._items[key] = picture
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)

    def __contains__(self, key):
        with self._lock:
            return key in self._items

    def clear(self):
        with self._lock:
            self._items.clear()


_SVGS = _Kept(DRAWN)
_PNGS = _Kept(DRAWN)


def forget():
    """Forget every picture drawn in this process (the bench's first time; tests that count drawing)."""
    _SVGS.clear()
    _PNGS.clear()


def _svg(spec: str) -> str:
    return _SVGS.get(spec, lambda: _svg_drawn(spec))


def _svg_drawn(spec: str) -> str:
    found = json.loads(spec)
    return _svg_markup(_draw(found), title=found["title"], text=found["text"])


def _png(spec: str, dpi: int) -> bytes:
    return _PNGS.get((spec, dpi), lambda: _picture((spec, dpi)))


def _picture(wanted: tuple[str, int]) -> bytes:
    """A chart's PNG: opaque white (a picture with no alpha channel goes into a PDF as it is, where
    WeasyPrint splits a transparent one into a picture and a mask)."""
    spec, dpi = wanted
    figure = _draw(json.loads(spec))
    figure.set_dpi(dpi)
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from PIL import Image

    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    image = Image.frombuffer("RGBA", canvas.get_width_height(), canvas.buffer_rgba()).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", dpi=(dpi, dpi))
    return buffer.getvalue()


SIDE_BY_SIDE = 4  # at least this many pictures still to draw before other processes are worth starting


def draw_pictures(charts, *, dpi: int = 120, svg: bool = False) -> None:
    """Draw the PNGs (or the SVGs) of many charts at once, such as a yearly report's seventeen before its PDF
    or Word is laid out: on this machine's processors side by side, in processes forked from this one (they
    inherit matplotlib already imported and hand back only the pictures), or one after another where that is
    not safe or not worth it: not Linux, one processor, a process with other threads running (a fork copies
    only the calling thread, and a lock another thread held stays held), or inside a daemon process."""
    kept, key = (_SVGS, lambda spec: spec) if svg else (_PNGS, lambda spec: (spec, dpi))
    wanted = list(dict.fromkeys(chart.spec for chart in charts if key(chart.spec) not in kept))
    processes = min(len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1, len(wanted))
    pool = _pool(processes) if len(wanted) >= SIDE_BY_SIDE and processes > 1 and _may_fork() else None
    if pool is None:
        for spec in wanted:
            kept.get(key(spec), lambda spec=spec: _svg_drawn(spec) if svg else _picture((spec, dpi)))
        return
    # Closed and joined, not terminated: each process takes the pool's sentinel and ends by itself.
    # Terminating (what `with pool:` does) signals processes that may hold the pool's queue lock, and one
    # left waiting for that lock once hung the caller for good. Terminated only if drawing failed.
    try:
        if svg:
            pictures = pool.map(_svg_drawn, wanted, chunksize=1)
        else:
            pictures = pool.map(_picture, [(spec, dpi) for spec in wanted], chunksize=1)
    except BaseException:
        pool.terminate()
        raise
    pool.close()
    pool.join()
    for spec, picture in zip(wanted, pictures, strict=True):
        kept.put(key(spec), picture)


def _pool(processes: int):
    """A pool of processes forked from this one, or None when the system refuses to fork (out of processes
    or memory): the pictures are then drawn here, one after another."""
    import multiprocessing

    with warnings.catch_warnings():
        # Python warns on any fork from a process with more than one thread, and numpy's OpenBLAS always
        # keeps one: its threads are made safe to fork (pthread_atfork), and no other Python thread runs.
        warnings.filterwarnings("ignore", "This process .* is multi-threaded", DeprecationWarning)
        try:
            return multiprocessing.get_context("fork").Pool(processes)
        except OSError:
            return None


def _may_fork() -> bool:
    import multiprocessing

    return (
        sys.platform == "linux"
        and threading.active_count() == 1
        and not multiprocessing.current_process().daemon
    )


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

    # No layout engine: matplotlib's constrained layout measures every artist in a second pass (a third of a
    # chart's drawing time); the margins are set from the labels' measured widths instead (_fit).
    figure = Figure(figsize=(width, height), facecolor="white")
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    axes.grid(axis="y", color="#b1b4b6", linewidth=0.5)
    axes.set_axisbelow(True)
    return figure, axes


@functools.lru_cache(maxsize=4096)
def _text_size(text: str, points: float) -> tuple[float, float]:
    """The width and height of one line of text in inches, in matplotlib's font at that size (FreeType's
    measure of the same glyphs the chart draws; no drawing), with room for hinting: a picture rounds each
    glyph to whole pixels, which can make a line a few per cent wider than its outline."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    width, height, _descent = text_to_path.get_text_width_height_descent(
        text, FontProperties(size=points), ismath=False
    )
    return width / 72 * HINTING, height / 72


HINTING = 1.06


def _widest(texts, points: float) -> float:
    return max((_text_size(str(text), points)[0] for text in texts if str(text)), default=0.0)


def _plain_numbers(axis):
    """Numbers along the axis written out with thousands separators (1,250,000), never as an offset or
    a power of ten ("1e6" at the end of the axis)."""
    from matplotlib.ticker import FuncFormatter

    axis.set_major_formatter(FuncFormatter(lambda value, _position: f"{value:,.10g}"))


def _tick_texts(axis) -> list[str]:
    """The tick labels matplotlib will draw on a numeric axis (its locator and formatter, no drawing)."""
    low, high = axis.get_view_interval()
    locations = [v for v in axis.get_major_locator()() if min(low, high) <= v <= max(low, high)]
    return list(axis.get_major_formatter().format_ticks(locations))


EDGE = 0.1  # inches of white around everything
TICKS = 0.1  # a tick and the gap to its label (3.5 pt each)


def _fit(figure, axes, *, left: float, right: float, bottom: float, top: float):
    """Place the axes with these margins (inches; a figure too short for them grows)."""
    width, height = figure.get_size_inches()
    if height - top - bottom < 1.2:
        height = top + bottom + 1.2
        figure.set_size_inches(width, height)
    figure.subplots_adjust(
        left=left / width, right=1 - right / width, bottom=bottom / height, top=1 - top / height
    )


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
    _plain_numbers(axes.yaxis)
    legend = []
    if series or target is not None:
        legend = axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=8).texts
    _fit_line(figure, axes, periods, [text.get_text() for text in legend], y_label or unit)
    return figure


def _fit_line(figure, axes, periods, legend, y_label):
    """Margins for the y tick labels and axis label, the period labels (turned 45 degrees past six) and the
    legend on the right; the legend's lines (8 pt text: about 0.19 in each) and the axis label, written up the
    side, set the least height of the axes."""
    size = 10  # matplotlib's default tick and label size, in points
    left = EDGE + _widest(_tick_texts(axes.yaxis), size) + TICKS
    if y_label:
        left += _text_size(y_label, size)[1] + 0.06
    line = _text_size("Ag", size)[1]
    if len(periods) > 6:
        bottom = EDGE + TICKS + (_widest(periods, size) + line) * 0.7072
    else:
        bottom = EDGE + TICKS + line
    right = EDGE + (0.5 + _widest(legend, 8) + 0.01 * 8 if legend else 0.25)
    top = 0.15
    needed = max(len(legend) * 0.19 + 0.1, _text_size(y_label, size)[0] + 0.1 if y_label else 0)
    if needed > figure.get_size_inches()[1] - top - bottom:
        figure.set_size_inches(figure.get_size_inches()[0], needed + top + bottom)
    _fit(figure, axes, left=left, right=right, bottom=bottom, top=top)


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
    size = 10
    axes.grid(axis="x", color="#b1b4b6", linewidth=0.5)
    axes.grid(axis="y", visible=False)
    ys = list(range(len(categories)))
    bars = axes.barh(ys, [0 if v is None else float(v) for v in values], color=COLOURS[0])
    axes.bar_label(bars, labels=[_number(v, unit) for v in values], padding=3, fontsize=8)
    axes.set_yticks(ys, categories)
    axes.invert_yaxis()
    _plain_numbers(axes.xaxis)
    if target is not None:
        axes.axvline(
            target,
            color=TARGET_COLOUR,
            linewidth=1.2,
            linestyle=(0, (6, 3)),
            label=f"Target {_number(target, unit)}",
        )
        axes.legend(loc="lower right", frameon=False, fontsize=8)
    # Margins: the category names on the left, each bar's value label past its end (3 pt on), the numbers
    # along the bottom.
    line = _text_size("Ag", size)[1]
    _fit(
        figure,
        axes,
        left=EDGE + _widest(categories, size) + TICKS,
        right=EDGE + _widest([_number(v, unit) for v in values], 8) + 0.1,
        bottom=EDGE + TICKS + line,
        top=0.15,
    )
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
