"""Charts are drawn on the server (core.charts): an SVG with a text alternative for pages and PDFs, and the
same figure in Word documents."""

import io

import pytest
from docx import Document

from learningloop.core.charts import Series, bar_chart, line_chart
from learningloop.core.documents import add_chart, docx_bytes, render_pdf


def a_line():
    return line_chart(
        title="Re-referrals within 12 months",
        periods=["Apr 2026", "May 2026", "Jun 2026"],
        series=[Series("Partnership", [21.5, None, 19.0]), Series("Northshire Police", [25.0, 24.0, 23.0])],
        unit="%",
        target=20,
        band=(18, 22),
    )


def test_a_line_chart_is_an_svg_image_with_its_text_alternative():
    chart = a_line()
    svg = chart.svg
    assert svg.startswith('<svg role="img"')
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg
    assert "<title>Re-referrals within 12 months</title>" in svg
    assert 'width="100%"' in svg
    # Text stays text (readable, searchable, no fonts as paths): the legend names what is drawn.
    for words in ("Partnership", "Northshire Police", "Target 20%", "Tolerance band 18% to 22%"):
        assert words in svg
    assert chart.text == (
        "Re-referrals within 12 months: a line chart of 3 periods, Apr 2026 to Jun 2026. Target 20%. "
        "Tolerance band 18% to 22%. "
        "Partnership: 21.5% in Apr 2026, 19% in Jun 2026 (lowest 19%, highest 21.5%). "
        "Northshire Police: 25% in Apr 2026, 23% in Jun 2026 (lowest 23%, highest 25%)."
    )


def test_the_same_chart_gives_the_same_svg():
    assert a_line().svg == a_line().svg


def test_two_charts_on_one_page_share_no_id():
    """Ids repeated across inline SVGs make a clip path or marker resolve to the other chart's."""
    import re

    first = a_line().svg
    second = bar_chart(title="On time", categories=["Police", "Health"], values=[80, 95], unit="%").svg
    ids = [set(re.findall(r'id="([^"]+)"', svg)) for svg in (first, second)]
    assert ids[0] and ids[1]
    assert not ids[0] & ids[1]


def test_a_series_with_no_values_says_so():
    chart = line_chart(title="Empty", periods=["Q1"], series=[Series("Partnership", [None])])
    assert "Partnership: no values." in chart.text
    assert "<svg" in chart.svg


def test_a_bar_chart_names_every_bar():
    chart = bar_chart(
        title="Data on time", categories=["Police", "Health"], values=[92.5, None], unit="%", target=90
    )
    assert chart.text == "Data on time: a bar chart. Police: 92.5%; Health: no value."
    assert "Police" in chart.svg and "92.5%" in chart.svg


def test_the_chart_goes_into_word_with_its_alt_text():
    document = Document()
    add_chart(document, a_line())
    data = docx_bytes(document)
    reopened = Document(io.BytesIO(data))
    assert len(reopened.inline_shapes) == 1
    assert reopened.inline_shapes[0]._inline.docPr.get("descr").startswith("Re-referrals within 12 months")
    assert any(p.text.startswith("Re-referrals within 12 months: a line chart") for p in reopened.paragraphs)


def test_the_svg_lays_out_in_a_pdf():
    chart = a_line()
    page = "<html><body><h1>Scorecard</h1>{}<p>{}</p></body></html>"
    with_chart = render_pdf(page.format(chart.svg, chart.text)).write_pdf()
    without = render_pdf(page.format("", chart.text)).write_pdf()
    assert with_chart.startswith(b"%PDF-")
    assert len(with_chart) > len(without) + 2000  # the drawing is laid out, not dropped


def test_png_for_documents():
    assert a_line().png().startswith(b"\x89PNG\r\n\x1a\n")


def _figures_alt_text(pdf: bytes) -> list[str]:
    """The alt text of every Figure in a tagged PDF's structure tree."""
    from pypdf import PdfReader

    found = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, list):
            for child in node:
                walk(child)
            return
        if not hasattr(node, "get"):
            return
        if node.get("/S") == "/Figure" and "/Alt" in node:
            found.append(str(node["/Alt"]))
        if "/K" in node:
            walk(node["/K"])

    walk(PdfReader(io.BytesIO(pdf)).trailer["/Root"]["/StructTreeRoot"])
    return found


def test_in_a_pdf_the_chart_is_a_figure_with_its_text_alternative():
    """Documents put the chart in as an image (WeasyPrint draws an image many times faster than inline SVG):
    the tagged PDF holds it as a Figure whose alt text is the chart's title and text alternative."""
    chart = a_line()
    page = '<html lang="en-GB"><head><title>Scorecard</title></head><body><h1>Scorecard</h1>{}</body></html>'
    with_chart = render_pdf(page.format(chart.document_image())).write_pdf()
    without = render_pdf(page.format("")).write_pdf()
    assert len(with_chart) > len(without) + 2000  # the drawing is laid out, not dropped
    (alt,) = _figures_alt_text(with_chart)
    assert alt.startswith("Re-referrals within 12 months. Re-referrals within 12 months: a line chart of 3")
    assert "Target 20%." in alt


def test_a_chart_is_drawn_once_however_often_it_is_shown(monkeypatch):
    """A page, its PDF and its Word document show the same charts: each is drawn once per process."""
    from learningloop.core import charts

    drawn = []
    real = charts._draw
    monkeypatch.setattr(charts, "_draw", lambda spec: drawn.append(spec["title"]) or real(spec))
    charts.forget()
    a_line().svg
    a_line().document_image()
    a_line().png()
    a_line().png()
    assert drawn == ["Re-referrals within 12 months", "Re-referrals within 12 months"]  # one SVG, one PNG
    other = line_chart(title="Re-referrals within 12 months", periods=["Apr 2026"], series=[], unit="%")
    other.svg
    assert len(drawn) == 3  # different data: a different picture


def _text_outside(chart) -> list[str]:
    """Each part of the chart's figure with text (the axes' tick labels and label, the legend, the bars'
    value labels) that does not sit wholly inside the picture: the margins are set from the labels' measured
    sizes, and a label they do not make room for is cut off."""
    import json

    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from learningloop.core import charts

    figure = charts._draw(json.loads(chart.spec))
    figure.set_dpi(120)
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    renderer = canvas.get_renderer()
    (axes,) = figure.axes
    parts = {"x axis": axes.xaxis, "y axis": axes.yaxis, "legend": axes.get_legend()}
    parts.update({f"label {text.get_text()}": text for text in axes.texts})
    bounds = figure.bbox
    outside = []
    for name, part in parts.items():
        box = part and part.get_tightbbox(renderer)
        if box is None:
            continue
        if min(box.x0 - bounds.x0, box.y0 - bounds.y0, bounds.x1 - box.x1, bounds.y1 - box.y1) < -0.5:
            outside.append(name)
    return outside


LONG_NAME = "Birmingham and Solihull Mental Health NHS Foundation Trust"


@pytest.mark.parametrize(
    "chart",
    [
        a_line(),
        line_chart(title="One period", periods=["2026"], series=[Series("Partnership", [3.0])]),
        line_chart(  # ten years of months, turned labels, a long legend and big numbers
            title="Contacts",
            periods=[f"{m} {y}" for y in range(2016, 2026) for m in ("January", "February", "March")],
            series=[Series(LONG_NAME, [1_234_567.0 + i for i in range(30)])],
            target=1_250_000,
            band=(1_200_000, 1_300_000),
            y_label="Contacts received by the front door",
        ),
        line_chart(  # more series than the legend has room for at the usual height
            title="By agency",
            periods=["Q1", "Q2", "Q3", "Q4"],
            series=[Series(f"{LONG_NAME} {i}", [10.0 * i, None, 12.0, 9.5]) for i in range(24)],
            unit="%",
        ),
        line_chart(title="No values", periods=["Q1", "Q2"], series=[Series("Partnership", [None, None])]),
        bar_chart(
            title="Responses", categories=[LONG_NAME, "Police"], values=[100.0, 7.5], unit="%", target=90
        ),
        bar_chart(
            title="Counts", categories=[f"Agency {i}" for i in range(40)], values=[1e6 + i for i in range(40)]
        ),
        bar_chart(title="Nothing", categories=["Police"], values=[None]),
    ],
    ids=[
        "three periods",
        "one period",
        "ten years",
        "24 series",
        "no values",
        "long name",
        "40 bars",
        "none",
    ],
)
def test_every_label_fits_inside_the_picture(chart):
    assert _text_outside(chart) == []


@pytest.mark.parametrize("svg", [False, True], ids=["PNG", "SVG"])
def test_pictures_drawn_side_by_side_are_the_pictures_drawn_one_by_one(monkeypatch, svg):
    """A yearly report draws its charts' pictures at once, in processes forked from this one: the same
    pictures as drawing each in turn, kept so that showing the charts afterwards draws nothing."""
    from learningloop.core import charts

    many = [
        line_chart(
            title=f"Measure {i}", periods=["Q1", "Q2", "Q3"], series=[Series("Partnership", [i, 2.0, 3.0])]
        )
        for i in range(charts.SIDE_BY_SIDE + 2)
    ]
    charts.forget()
    one_by_one = [chart.svg if svg else chart.png() for chart in many]
    charts.forget()
    # (A test process may have other Python threads, pytest-xdist's, where the service would not fork.)
    monkeypatch.setattr(charts, "_may_fork", lambda: True)
    monkeypatch.setattr(charts.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)
    pools = []
    real_context = __import__("multiprocessing").get_context
    monkeypatch.setattr(
        "multiprocessing.get_context", lambda method: pools.append(method) or real_context(method)
    )
    charts.draw_pictures(many, svg=svg)
    assert pools == ["fork"]

    def no_drawing(_spec):
        raise AssertionError("drawn again")

    monkeypatch.setattr(charts, "_draw", no_drawing)
    assert [chart.svg if svg else chart.png() for chart in many] == one_by_one


def test_pictures_are_opaque_so_a_pdf_takes_them_as_they_are():
    from PIL import Image

    assert Image.open(io.BytesIO(a_line().png())).mode == "RGB"


def test_where_the_system_refuses_to_fork_the_pictures_are_drawn_here(monkeypatch):
    from learningloop.core import charts

    many = [
        line_chart(title=f"Measure {i}", periods=["Q1"], series=[Series("Partnership", [i])])
        for i in range(6)
    ]
    charts.forget()
    monkeypatch.setattr(charts, "_may_fork", lambda: True)
    monkeypatch.setattr(charts.os, "sched_getaffinity", lambda _pid: {0, 1}, raising=False)

    class Refused:
        def Pool(self, _processes):  # noqa: N802 (multiprocessing's name)
            raise OSError("Resource temporarily unavailable")

    monkeypatch.setattr("multiprocessing.get_context", lambda _method: Refused())
    charts.draw_pictures(many)
    assert all((chart.spec, 120) in charts._PNGS for chart in many)
