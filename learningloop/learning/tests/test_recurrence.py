"""Were these improvements previously identified? Suggestions that recognise the same practice problem in
other words (ADR 0024): the database's full-text index kept current, the themes' vocabulary, the reasons
shown, a chair's marks, and a recall floor on part of the labelled set. Runs on SQLite and PostgreSQL."""

import datetime
import io
import json
import random
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from learningloop.devdata.large.words import FINDING_GAPS, FINDING_STRENGTHS, FINDING_SUBJECTS, TOPICS
from learningloop.learning.models import Finding, RecurrenceMark, Theme
from learningloop.learning.recurrence.search import Query, ranked, word_counts

from .factories_register import ActivityFactory, FindingFactory, ThemeFactory

pytestmark = pytest.mark.django_db
PAIRS = json.loads((Path(__file__).parent / "data" / "recurrence_pairs.json").read_text())["pairs"]
AGO = timezone.now() - datetime.timedelta(days=400)


def _detail(finding):
    return reverse("learning:finding_detail", args=[finding.pk])


def _mark_url(finding, earlier):
    return reverse("learning:suggestion_mark", kwargs={"pk": finding.pk, "earlier": earlier.pk})


def _search(*words):
    return {pk for pk, _ in ranked(Query(words), before=timezone.now(), exclude_activity_id=0, exclude_id=0,
                                   limit=50)}  # fmt: skip


def _suggested(finding):
    return [s.finding for s in Finding.objects.similar_to(finding)]


# --- The full-text index follows every write ---


def test_the_index_follows_inserts_edits_and_deletes_with_english_stemming():
    finding = FindingFactory(text="Chronologies were not kept up to date", created_at=AGO)
    assert finding.pk in _search("chronology")  # chronologies ~ chronology: English stemming
    finding.text = "Supervision was infrequent"
    finding.save()
    assert finding.pk not in _search("chronology")
    assert finding.pk in _search("supervised")  # supervision ~ supervised
    finding.delete()
    assert _search("supervision") == set()


def test_bulk_created_findings_are_indexed_too():
    activity = ActivityFactory()
    Finding.objects.bulk_create(
        [
            Finding(activity=activity, text=f"Safe sleep advice number {n}", kind="improvement")
            for n in range(3)
        ]
    )
    assert len(_search("sleeping")) == 3


def test_the_words_fewest_findings_use_find_the_candidates_within_the_budget():
    # Counted by hand: the phrase's words are unknown (0), chronology 40 (total 40), neglect 300 (340);
    # supervision 400 would make 740, over the 600 budget: neither it nor the commoner "child" finds
    # candidates.
    counts = {"child": 5000.0, "chronology": 40.0, "neglect": 300.0, "supervision": 400.0}
    query = Query(("child", "chronology", "neglect", "supervision"), (("lived", "experience"),))
    rare, rest = query.split_by_rarity(counts.get)
    assert rare == Query(("chronology", "neglect"), (("lived", "experience"),))
    assert rest == Query(("child", "supervision"))


def test_a_word_most_findings_use_does_not_pull_them_all_into_the_ranking():
    activity = ActivityFactory()
    Finding.objects.bulk_create(
        [Finding(activity=activity, text=f"The child was seen at home, visit {n}", kind="improvement",
                 created_at=AGO) for n in range(650)]
    )  # fmt: skip
    twin = FindingFactory(text="No chronology of the child's history was kept", created_at=AGO)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE learning_finding")  # the statistics autovacuum keeps in production
    counts = word_counts(Query(("child", "chronology")))
    # SQLite counts exactly; PostgreSQL's statistics estimate (and leave out words rarer than those listed).
    assert counts("chronology") in (None, pytest.approx(1))
    assert counts("child") == pytest.approx(651, rel=0.05)
    # The 650 findings that share only "child" are not ranked at all; the one sharing the rare word is.
    assert _search("child", "chronology") == {twin.pk}


# --- The vocabulary: each theme's terms and phrases ---


@pytest.mark.parametrize(
    "earlier, later, theme",
    [
        ("Signs of child sexual exploitation were missed by the school.", "CSE indicators were not acted on.",
         "Exploitation"),
        ("Domestic abuse was treated as an adult matter.", "Police notifications of DA did not reach anyone.",
         "Domestic abuse"),
        ("A concern about a coach was never referred to the LADO.",
         "Allegations against people who work with children were handled inside the club.",
         "Allegations against people who work with children"),
        ("The CIN plan had no timescales.", "Child in need planning drifted for a year.",
         "Child in need and child protection planning"),
    ],
)  # fmt: skip
def test_a_theme_term_finds_the_same_problem_written_another_way(officer_client, earlier, later, theme):
    old = FindingFactory(activity=ActivityFactory(title="Earlier audit"), text=earlier, created_at=AGO)
    new = FindingFactory(text=later)
    suggestions = Finding.objects.similar_to(new)
    assert suggestions and suggestions[0].finding == old
    assert theme in suggestions[0].why.same_vocabulary
    body = officer_client.get(_detail(new)).content.decode()
    assert "Earlier audit" in body and f"Same theme in other words: {theme}" in body


def test_the_reasons_name_the_shared_themes_and_the_matched_words(officer_client):
    neglect = Theme.objects.get(name="Neglect")
    FindingFactory(text="Chronologies were not kept, so neglect over several years was missed",
                   themes=[neglect], created_at=AGO)  # fmt: skip
    new = FindingFactory(text="No agency held a current chronology; neglect over time was not seen",
                         themes=[neglect])  # fmt: skip
    [suggestion] = Finding.objects.similar_to(new)
    assert suggestion.shared == ["Neglect"]
    assert {"chronology", "neglect"} <= set(suggestion.why.matched_terms)
    body = officer_client.get(_detail(new)).content.decode()
    assert "Reads alike: " in body and "chronology" in body


def test_a_term_added_under_themes_is_used_by_the_next_suggestions(officer_client):
    theme = ThemeFactory(name="Harmful sexual behaviour")
    old = FindingFactory(text="Peer-on-peer abuse in the school was not recognised", created_at=AGO)
    new = FindingFactory(text="Harmful sexual behaviour between pupils went unchallenged")
    assert old not in _suggested(new)
    response = officer_client.post(
        reverse("learning:theme_edit", args=[theme.pk]),
        {"name": theme.name, "terms": "HSB\n\n peer-on-peer   abuse \nHSB", "is_active": "on",
         "version": theme.version},
    )  # fmt: skip
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.terms == "HSB\npeer-on-peer abuse"  # blank lines, repeats and extra spaces gone
    assert old in _suggested(new)
    listing = officer_client.get(reverse("learning:theme_list")).content.decode()
    assert "Terms and phrases: HSB; peer-on-peer abuse" in listing


def test_a_synonym_line_finds_the_same_problem_said_another_way(officer_client):
    theme = ThemeFactory(name="Supervision", terms="supervision")
    old = FindingFactory(activity=ActivityFactory(title="Earlier review"),
                         text="Nobody talked the case through with a manager", created_at=AGO)  # fmt: skip
    new = FindingFactory(text="Reflective discussion of the case was missing")
    assert old not in _suggested(new)  # "case" alone is not enough
    response = officer_client.post(
        reverse("learning:theme_edit", args=[theme.pk]),
        {"name": theme.name, "terms": "supervision\nreflective discussion=talked the case through",
         "is_active": "on", "version": theme.version},
    )  # fmt: skip
    assert response.status_code == 302
    theme.refresh_from_db()
    assert theme.term_list == ["supervision", "reflective discussion = talked the case through"]
    [suggestion] = Finding.objects.similar_to(new)
    assert suggestion.finding == old
    assert "talked the case through" in suggestion.why.matched_terms
    assert "Earlier review" in officer_client.get(_detail(new)).content.decode()


def test_each_way_of_saying_a_thing_must_be_100_characters_or_fewer(officer_client):
    theme = ThemeFactory(terms="HSB")
    long_line = " = ".join(["peer abuse"] * 12)  # over 100 characters, each part short: accepted
    response = officer_client.post(
        reverse("learning:theme_edit", args=[theme.pk]),
        {"name": theme.name, "terms": f"{long_line}\nHSB = {'x' * 101}", "is_active": "on",
         "version": theme.version},
    )  # fmt: skip
    assert response.status_code == 200
    assert "Each term or phrase must be 100 characters or fewer" in response.content.decode()
    theme.refresh_from_db()
    assert theme.terms == "HSB" and theme.version == 1


def test_the_upgrade_gives_synonym_groups_to_unedited_themes_only():
    from importlib import import_module

    from django.apps import apps

    from learningloop.learning.preset import THEME_VOCABULARY

    upgrade = import_module("learningloop.learning.migrations.0012_recurrence_synonym_groups")
    first_shipped_neglect = [  # the Neglect theme's starting terms as first shipped, copied by hand
        "neglect", "neglected", "cumulative harm", "cumulative impact", "poor home conditions", "hygiene",
        "was not brought", "missed health appointments", "unmet health needs", "dental decay",
        "Graded Care Profile", "GCP2", "pattern over time", "build-up of concerns", "not brought",
        "not taken to", "basic care", "little food", "dirty home",
    ]  # fmt: skip
    Theme.objects.filter(name="Neglect").update(terms="\n".join(first_shipped_neglect))
    Theme.objects.filter(name="Escalation").update(terms="escalate\nour own protocol")
    upgrade.upgrade(apps, None)
    neglect = Theme.objects.get(name="Neglect")
    assert neglect.term_list == THEME_VOCABULARY["Neglect"][1]
    assert "neglect = cumulative harm = cumulative impact = basic needs not met = needs were not met" in (
        neglect.term_list
    )
    assert Theme.objects.get(name="Escalation").terms == "escalate\nour own protocol"  # edited: kept


def test_a_term_too_long_is_refused_and_nothing_saved(officer_client):
    theme = ThemeFactory(terms="HSB")
    response = officer_client.post(
        reverse("learning:theme_edit", args=[theme.pk]),
        {"name": theme.name, "terms": "x" * 101, "is_active": "on", "version": theme.version},
    )
    assert response.status_code == 200
    assert "Each term or phrase must be 100 characters or fewer" in response.content.decode()
    theme.refresh_from_db()
    assert theme.terms == "HSB" and theme.version == 1


def test_the_framework_preset_ships_the_vocabulary_and_never_overwrites_edits():
    cse = Theme.objects.get(name="Exploitation")
    assert {"CSE", "child sexual exploitation"} <= set(cse.term_list)
    assert "LADO" in Theme.objects.get(name="Allegations against people who work with children").term_list
    cse.terms = "CSE only"
    cse.save()
    Theme.objects.filter(name="Neglect").update(terms="")
    out = io.StringIO()
    call_command("load_framework", stdout=out)
    call_command("load_framework", stdout=out)
    cse.refresh_from_db()
    assert cse.terms == "CSE only"  # the business unit's own terms stay
    assert "Graded Care Profile" in Theme.objects.get(name="Neglect").term_list  # empty terms are filled
    assert "theme vocabularies" in out.getvalue()


# --- A chair marks suggestions ---


def _pair():
    theme = Theme.objects.get(name="Escalation")
    text = "Agencies could not show how they escalate disagreements"
    old = FindingFactory(activity=ActivityFactory(title="Section 11 audit"), themes=[theme], text=text,
                         created_at=AGO)  # fmt: skip
    new = FindingFactory(themes=[theme], text="Escalation of disagreements was still weak")
    return old, new


def test_a_chair_marks_a_suggestion_same_issue_and_the_recurring_themes_page_counts_it(persona_client):
    old, new = _pair()
    chair = persona_client("group_chair")
    response = chair.post(_mark_url(new, old), {"verdict": "same_issue"}, follow=True)
    assert "Suggestion marked same issue" in response.content.decode()
    assert "Marked same issue" in response.content.decode()
    mark = RecurrenceMark.objects.get()
    assert (mark.finding, mark.earlier, mark.verdict) == (new, old, "same_issue")
    page = persona_client("read_only").get(reverse("learning:themes_recurrence")).content.decode()
    assert "1 confirmed so far" in page
    row = page[page.index(">Escalation<") :].split("</tr>")[0]
    assert row.count("govuk-table__cell--numeric") == 3 and row.rstrip().endswith(">1</td>")


def test_not_related_sends_a_suggestion_below_the_others(persona_client):
    old, new = _pair()
    other = FindingFactory(text="Disagreements between agencies were escalated late", created_at=AGO)
    assert _suggested(new)[0] == old
    persona_client("bu_officer").post(_mark_url(new, old), {"verdict": "not_related"})
    assert _suggested(new)[0] == other and _suggested(new)[-1] == old
    assert RecurrenceMark.objects.get().verdict == "not_related"


def test_changing_a_mark_keeps_one_mark_per_suggestion(persona_client):
    old, new = _pair()
    chair = persona_client("group_chair")
    chair.post(_mark_url(new, old), {"verdict": "not_related"})
    chair.post(_mark_url(new, old), {"verdict": "same_issue"})
    assert list(RecurrenceMark.objects.values_list("verdict", flat=True)) == ["same_issue"]


@pytest.mark.parametrize("data", [{}, {"verdict": "maybe"}, {"verdict": ""}])
def test_a_bad_mark_is_explained_and_nothing_saved(persona_client, data):
    old, new = _pair()
    response = persona_client("group_chair").post(_mark_url(new, old), data)
    assert response.status_code == 200
    body = response.content.decode()
    assert "govuk-error-summary" in body and "Select same issue or not related" in body
    assert not RecurrenceMark.objects.exists()


def test_only_an_earlier_finding_of_another_activity_can_be_marked(persona_client):
    old, new = _pair()
    response = persona_client("group_chair").post(_mark_url(old, new), {"verdict": "same_issue"})
    assert response.status_code == 200
    assert "Only an earlier finding from another activity can be marked" in response.content.decode()
    assert not RecurrenceMark.objects.exists()


def test_agency_users_see_suggestions_but_cannot_mark_them(persona_client):
    old, new = _pair()
    lead = persona_client("agency_lead")
    body = lead.get(_detail(new)).content.decode()
    assert "Section 11 audit" in body and "Same issue<" not in body
    assert lead.post(_mark_url(new, old), {"verdict": "same_issue"}).status_code == 403
    assert not RecurrenceMark.objects.exists()


# --- Cost and quality ---


def test_finding_page_queries_do_not_grow_with_findings_that_read_alike(officer_client):
    new = FindingFactory(text="Chronologies were not shared between agencies")
    for _ in range(3):
        FindingFactory(text="Chronologies were not kept up to date", created_at=AGO)
    with CaptureQueriesContext(connection) as few:
        assert officer_client.get(_detail(new)).status_code == 200
    for _ in range(60):
        FindingFactory(text="Chronologies were not kept up to date", created_at=AGO)
    with CaptureQueriesContext(connection) as many:
        assert officer_client.get(_detail(new)).status_code == 200
    assert len(many) == len(few)


def _distractors(count, rng):
    """Findings worded like the large partnership generator's (devdata/large), spread over ten years."""
    themes = list(Theme.objects.order_by("pk"))
    activity = ActivityFactory(title="Distractors")
    rows = [
        Finding(activity=activity, kind="improvement",
                text=f"{rng.choice(FINDING_SUBJECTS)} {rng.choice(FINDING_GAPS + FINDING_STRENGTHS)} "
                     f"({rng.choice(TOPICS)}).",
                created_at=timezone.now() - datetime.timedelta(days=rng.randint(30, 3650)))
        for _ in range(count)
    ]  # fmt: skip
    Finding.objects.bulk_create(rows)
    through = Finding.themes.through
    through.objects.bulk_create(
        [through(finding_id=f.pk, theme_id=t.pk) for f in rows for t in rng.sample(themes, rng.randint(1, 3))]
    )


def _recall(pairs, *, tagged):
    themes = {t.name: t for t in Theme.objects.all()}
    hits = 0
    for number, pair in enumerate(pairs):
        chosen = [themes[n] for n in pair["themes"]] if tagged else []
        old = FindingFactory(
            text=pair["earlier"], themes=chosen, created_at=AGO - datetime.timedelta(days=number)
        )
        new = FindingFactory(text=pair["later"], themes=chosen)
        hits += old in _suggested(new)[:5]
        new.activity.delete()
        old.activity.delete()
    return hits / len(pairs)


def test_recall_floor_on_part_of_the_labelled_set():
    """A regression guard, not the measure: docs/performance.md records `make bench-recurrence` on the
    whole set among ten years of findings. Here every third of the first pairs and every second of the
    fresh ones (written later, in other styles) among 300 generated findings. Today, on both databases:
    first 15 of 19 text-only and 19 of 19 with themes; fresh 3 of 14 and 12 of 14."""
    _distractors(300, random.Random(7))
    first = [p for p in PAIRS if p.get("set", "first") == "first"][::3]
    fresh = [p for p in PAIRS if p.get("set") == "fresh"][::2]
    assert len(first) >= 18 and len(fresh) >= 14
    assert _recall(first, tagged=False) >= 0.7
    assert _recall(first, tagged=True) >= 0.94
    assert _recall(fresh, tagged=True) >= 0.78
