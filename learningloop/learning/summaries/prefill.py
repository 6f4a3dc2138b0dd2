"""Draft text for a new Summary of Learning: a read of its activities and their findings, no write."""

from ..models import FindingKind


def summary_prefill(*, activities) -> dict:
    """Draft text for a new summary, drawn from its activities and their findings."""
    activities = list(activities)
    types = sorted({a.source_type.name for a in activities})
    lines, findings = [], []
    for a in activities:
        when = ""
        if a.started_on:
            when = f" ({a.started_on:%B %Y}" + (f" to {a.completed_on:%B %Y})" if a.completed_on else ")")
        lines.append(f"{a.title}{when}. {a.description}".strip())
        for f in a.findings.all():
            label = "Strength" if f.kind == FindingKind.STRENGTH else "Area for improvement"
            findings.append(f"{label}: {f.text}")
    return {
        "activity_type": "; ".join(types),
        "description": "\n".join(lines),
        "findings_summary": "\n".join(findings),
    }
