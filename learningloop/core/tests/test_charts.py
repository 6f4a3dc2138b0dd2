"""Charts are drawn on the server (core.charts): an SVG with a text alternative for pages and PDFs, and the
same figure in Word documents."""

import io

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
    charts._svg.cache_clear()
    charts._png.cache_clear()
    a_line().svg
    a_line().document_image()
    a_line().png()
    a_line().png()
    assert drawn == ["Re-referrals within 12 months", "Re-referrals within 12 months"]  # one SVG, one PNG
    other = line_chart(title="Re-referrals within 12 months", periods=["Apr 2026"], series=[], unit="%")
    other.svg
    assert len(drawn) == 3  # different data: a different picture
