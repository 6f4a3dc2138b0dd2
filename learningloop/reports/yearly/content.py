"""What a yearly report shows, laid out three times (the builder page, PDF and Word) from one list: each
section's heading, the partners' texts and its figures, tables and charts — read live for a draft, from the
stored snapshot for a signed-off report (so later changes to the data never alter it)."""

from dataclasses import dataclass, field

from learningloop.core import charts

from . import sections

WIDE = 7


@dataclass
class Part:
    key: str
    heading: str
    above: str
    below: str
    figures: list = field(default_factory=list)
    tables: list = field(default_factory=list)
    charts: list = field(default_factory=list)  # core.charts.Chart
    empty: str = ""
    text_only: bool = False

    @property
    def wide(self) -> bool:
        """A table of seven or more columns: printed on landscape pages."""
        return any(len(table["headers"]) >= WIDE for table in self.tables)

    def paragraphs(self, where: str) -> list[str]:
        text = self.above if where == "above" else self.below
        return [line.strip() for line in (text or "").splitlines() if line.strip()]


def generated(report) -> dict:
    """{section key: content}: the snapshot of a signed-off report, else read from live data now."""
    if report.snapshot is not None:
        return report.snapshot
    return sections.build_all(sections.Year(report.starts_on, report.ends_on))


def parts(report, *, with_charts: bool = True) -> list[Part]:
    found = generated(report)
    result = []
    for section in sections.sections():
        data = found.get(section.key)
        result.append(
            Part(
                key=section.key,
                heading=section.heading,
                above=report.text(section.key, "above"),
                below=report.text(section.key, "below"),
                figures=(data or {}).get("figures", []),
                tables=(data or {}).get("tables", []),
                charts=[sections.draw(spec) for spec in (data or {}).get("charts", [])]
                if with_charts
                else [],
                empty=(data or {}).get("empty", ""),
                # A section added after the report was signed off has no stored figures: it shows only text.
                text_only=data is None,
            )
        )
    return result


def drawn_parts(report, *, svg: bool = False) -> list[Part]:
    """The parts with every chart's picture already drawn, side by side on every processor: PNGs for the PDF
    and Word, SVGs for the page (core.charts.draw_pictures)."""
    found = parts(report)
    charts.draw_pictures([chart for part in found for chart in part.charts], svg=svg)
    return found
