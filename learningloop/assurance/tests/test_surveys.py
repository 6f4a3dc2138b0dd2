"""Surveys: results per question from a small hand-counted table (counts and percentages, filtered by
respondent group), the public answer form (no sign-in, GOV.UK errors, nothing half-saved, rate-limited,
closed and draft surveys refused with a clear page), the signed-in form, and free text never shown
publicly, on the results page or in an export to anyone without "surveys.free_text"."""

import csv
import io

import pytest
from django.urls import reverse

from learningloop.assurance.models import Survey, SurveyAnswer, SurveyResponse

from .factories_surveys import FREE_TEXT_SECRET, answer, questions, survey
from .test_selfassessment import _table

pytestmark = pytest.mark.django_db

SAFE, WORRIES, LISTEN = (
    "How safe do you feel at school?",
    "What worries you?",
    "How well do adults listen to you?",
)


@pytest.fixture
def children():
    made = survey()
    # The hand-counted table the expected results below come from:
    #      year     safe      worries             listen  free text
    # R1   Year 8   Safe      Online, Bullying    5       the secret
    # R2   Year 8   Unsafe    Online              2
    # R3   Year 10  Safe      (none ticked)       4
    # R4   Year 10  Safe      Home                4
    # R5   Year 10  Not sure  (not answered)      1
    rows = [
        ("Year 8", "Safe", ["Online", "Bullying"], 5, FREE_TEXT_SECRET),
        ("Year 8", "Unsafe", ["Online"], 2, None),
        ("Year 10", "Safe", [], 4, None),
        ("Year 10", "Safe", ["Home"], 4, None),
        ("Year 10", "Not sure", None, 1, None),
    ]
    for year, safe, worries, listen, text in rows:
        given = {"which_school": year, "how_safe": safe, "how_well": listen}
        if worries is not None:
            given["what_worries"] = worries
        if text:
            given["anything_else"] = text
        answer(made, **given)
    return made


def _results(client, survey, **params):
    response = client.get(reverse("assurance:survey_results", args=[survey.pk]), params)
    assert response.status_code == 200
    return response.text


def test_results_are_counts_and_percentages_of_those_who_answered(children, lead_client):
    qs = questions(children)
    page = _results(lead_client, children)
    assert "5 responses." in page
    assert _table(page, f"results-{qs[SAFE].pk}") == [
        ["Safe", "3", "60.0%"],
        ["Unsafe", "1", "20.0%"],
        ["Not sure", "1", "20.0%"],
    ]
    # Three people ticked at least one worry: percentages are of them, and may add up to more than 100.
    assert _table(page, f"results-{qs[WORRIES].pk}") == [
        ["Online", "2", "66.7%"],
        ["Bullying", "1", "33.3%"],
        ["Home", "1", "33.3%"],
    ]
    assert _table(page, f"results-{qs[LISTEN].pk}") == [
        ["1 (Not at all)", "1", "20.0%"],
        ["2", "1", "20.0%"],
        ["3", "0", "0.0%"],
        ["4", "2", "40.0%"],
        ["5 (Very well)", "1", "20.0%"],
    ]
    assert f"{SAFE}: a bar chart" in page  # each choice question's chart, with its text alternative


def test_results_filter_by_respondent_group(children, lead_client):
    qs = questions(children)
    page = _results(lead_client, children, group="Year 10")
    assert "3 responses from Year 10." in page
    assert _table(page, f"results-{qs[SAFE].pk}") == [
        ["Safe", "2", "66.7%"],
        ["Unsafe", "0", "0.0%"],
        ["Not sure", "1", "33.3%"],
    ]
    bad = _results(lead_client, children, group="Year 99")  # not one of the groups: reported, ignored
    assert "There is a problem" in bad and "5 responses." in bad


def test_results_and_the_list_take_the_same_queries_whatever_the_responses(
    children, lead_client, django_assert_max_num_queries
):
    url = reverse("assurance:survey_results", args=[children.pk])
    with django_assert_max_num_queries(20) as few:
        lead_client.get(url)
    for n in range(30):
        answer(children, which_school="Year 8", how_safe="Safe", what_worries=["Home"], how_well=3)
        survey(title=f"Another survey {n}", slug=f"another-{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        lead_client.get(url)
    list_url = reverse("assurance:survey_list")
    with django_assert_max_num_queries(20) as first:
        lead_client.get(list_url)
    for n in range(5):
        survey(title=f"More {n}", slug=f"more-{n}")
    with django_assert_max_num_queries(len(first.captured_queries)):
        lead_client.get(list_url)


def test_the_list_searches_and_filters(children, lead_client):
    survey(title="Practitioners on supervision", slug="supervision", status="draft")
    page = lead_client.get(reverse("assurance:survey_list"), {"q": "supervision"}).text
    assert "Practitioners on supervision" in page and "Growing up in Northshire" not in page
    page = lead_client.get(reverse("assurance:survey_list"), {"status": "open"}).text
    assert "Growing up in Northshire" in page and "Practitioners on supervision" not in page
    bad = lead_client.get(reverse("assurance:survey_list"), {"status": "nonsense"})
    assert bad.status_code == 200 and "There is a problem" in bad.text


# --- The public form -------------------------------------------------------------------------------------


def _form_values(survey, **overrides):
    qs = questions(survey)
    year, safe, worries, listen = (qs[t] for t in ("Which school year are you in?", SAFE, WORRIES, LISTEN))
    data = {
        f"q{year.pk}": year.options.get(label="Year 8").pk,
        f"q{safe.pk}": safe.options.get(label="Safe").pk,
        f"q{worries.pk}": [worries.options.get(label="Online").pk],
        f"q{listen.pk}": 4,
    }
    data.update(overrides)
    return data


def test_anyone_answers_a_public_survey_without_signing_in(client):
    made = survey()
    url = reverse("have_your_say:answer", args=[made.slug])
    page = client.get(url)
    assert page.status_code == 200
    assert "This survey is anonymous" in page.text
    assert "Your name" not in page.text and "email" not in page.text.lower()  # no personal data asked
    sent = client.post(url, _form_values(made))
    assert sent.status_code == 302 and sent.url == reverse("have_your_say:thanks", args=[made.slug])
    response = SurveyResponse.objects.get(survey=made)
    assert (response.channel, response.respondent_group) == ("public", "Year 8")
    assert response.answers.count() == 4
    assert "Thank you" in client.get(sent.url).text


def test_bad_input_on_the_public_form_is_explained_and_nothing_is_saved(client):
    made = survey()
    url = reverse("have_your_say:answer", args=[made.slug])
    qs = questions(made)
    page = client.post(url, _form_values(made, **{f"q{qs[SAFE].pk}": ""}))
    assert page.status_code == 200
    assert "There is a problem" in page.text and f"Select an answer to ‘{SAFE}’" in page.text
    assert page.text.count('data-module="govuk-error-summary"') == 1
    junk = client.post(
        url, _form_values(made, **{f"q{qs[LISTEN].pk}": "9", f"q{qs[WORRIES].pk}": ["999999", "x"]})
    )
    assert junk.status_code == 200
    assert "Pick a number on the scale, 1 to 5" in junk.text
    assert "Select from the answers to ‘What worries you?’" in junk.text
    too_long = client.post(
        url, _form_values(made, **{f"q{qs['Anything else you want to tell us?'].pk}": "x" * 2001})
    )
    assert "Your answer must be 2,000 characters or fewer" in too_long.text
    assert not SurveyResponse.objects.exists() and not SurveyAnswer.objects.exists()


def test_a_survey_that_asks_personal_data_shows_its_privacy_statement(client):
    made = survey(asks_personal_data=True, privacy_statement="We keep your name for a year to reply to you.")
    page = client.get(reverse("have_your_say:answer", args=[made.slug])).text
    assert "We keep your name for a year to reply to you." in page and "Your email address" in page
    bad = client.post(
        reverse("have_your_say:answer", args=[made.slug]), _form_values(made, contact_email="nope")
    )
    assert "Enter an email address in the correct format" in bad.text
    assert not SurveyResponse.objects.exists()


def test_the_public_form_is_rate_limited_per_address(client, settings):
    settings.ACCOUNT_RATE_LIMITS = {**settings.ACCOUNT_RATE_LIMITS, "survey_response": "3/10m/ip"}
    made = survey()
    url = reverse("have_your_say:answer", args=[made.slug])
    for _ in range(3):
        assert client.post(url, _form_values(made)).status_code == 302
    refused = client.post(url, _form_values(made))
    assert refused.status_code == 429
    assert "Too many answers have been sent from your network" in refused.text
    assert "Your answers have not been sent" in refused.text
    assert SurveyResponse.objects.count() == 3
    # Another address is not held back by the first.
    assert client.post(url, _form_values(made), REMOTE_ADDR="192.0.2.10").status_code == 302


def test_the_default_rate_limit_is_the_documented_one(settings):
    assert settings.ACCOUNT_RATE_LIMITS["survey_response"] == "30/10m/ip"


@pytest.mark.parametrize(
    ("fields", "status", "says"),
    [
        ({"status": "closed"}, 410, "This survey has closed"),
        ({"status": "open", "closes_on": "2000-01-31"}, 410, "This survey has closed"),
        ({"status": "open", "opens_on": "2999-01-31"}, 404, "This survey is not open yet"),
        ({"status": "draft"}, 404, "Survey not found"),
        ({"answered_by": "import"}, 404, "Survey not found"),
    ],
)
def test_a_survey_not_taking_answers_says_so(client, fields, status, says):
    made = survey()
    Survey.objects.filter(pk=made.pk).update(**fields)
    url = reverse("have_your_say:answer", args=[made.slug])
    for response in (client.get(url), client.post(url, _form_values(made))):
        assert response.status_code == status
        assert says in response.text
    assert not SurveyResponse.objects.exists()
    assert client.get(reverse("have_your_say:answer", args=["no-such-survey"])).status_code == 404


def test_a_signed_in_survey_asks_for_sign_in_and_records_how_it_was_answered(client, lead_client):
    made = survey(title="Managers' survey", slug="managers", answered_by="signed_in")
    url = reverse("have_your_say:answer", args=[made.slug])
    anonymous = client.get(url)
    assert anonymous.status_code == 302 and "/accounts/login/" in anonymous.url
    assert lead_client.post(url, _form_values(made)).status_code == 302
    assert SurveyResponse.objects.get().channel == "signed_in"


# --- Free text is never public ---------------------------------------------------------------------------


def test_free_text_is_never_on_a_public_page(children, client):
    slug = children.slug
    for url in (
        reverse("have_your_say:answer", args=[slug]),
        reverse("have_your_say:thanks", args=[slug]),
    ):
        page = client.get(url)
        assert page.status_code == 200 and FREE_TEXT_SECRET not in page.text
    # The service's pages need signing in: an anonymous visitor is sent to sign in, and sees nothing.
    for name in ("survey_results", "survey_export", "survey_detail"):
        page = client.get(reverse(f"assurance:{name}", args=[children.pk]))
        assert page.status_code == 302 and FREE_TEXT_SECRET.encode() not in page.content


def test_free_text_only_for_those_who_may_read_it(children, lead_client, officer_client):
    free = questions(children)["Anything else you want to tell us?"]
    results = _results(lead_client, children)
    assert FREE_TEXT_SECRET not in results and "read by the partnership business unit only" in results
    assert lead_client.get(reverse("assurance:survey_free_text", args=[free.pk])).status_code == 403
    assert FREE_TEXT_SECRET not in _results(officer_client, children)  # counted, shown on its own page
    page = officer_client.get(reverse("assurance:survey_free_text", args=[free.pk]))
    assert page.status_code == 200 and FREE_TEXT_SECRET in page.text


def _csv(client, survey):
    response = client.get(reverse("assurance:survey_export", args=[survey.pk]), {"format": "csv"})
    assert response.status_code == 200
    return list(csv.reader(io.StringIO(response.getvalue().decode("utf-8-sig"))))


def test_the_export_has_free_text_only_for_those_who_may_read_it(children, lead_client, officer_client):
    lead_rows = _csv(lead_client, children)
    assert "Anything else you want to tell us?" not in lead_rows[0]
    assert FREE_TEXT_SECRET not in str(lead_rows)
    assert len(lead_rows) == 6  # the headings and the five responses
    officer_rows = _csv(officer_client, children)
    assert "Anything else you want to tell us?" in officer_rows[0]
    assert FREE_TEXT_SECRET in str(officer_rows)
    first = dict(zip(officer_rows[0], officer_rows[1], strict=True))
    assert first["Which school year are you in?"] == "Year 8"
    assert first[WORRIES] == "Online; Bullying"
    assert first[LISTEN] == "5"
    grouped = lead_client.get(
        reverse("assurance:survey_export", args=[children.pk]), {"format": "csv", "group": "Year 10"}
    )
    assert len(list(csv.reader(io.StringIO(grouped.getvalue().decode("utf-8-sig"))))) == 4


# --- Building a survey -----------------------------------------------------------------------------------


def test_the_business_unit_builds_a_survey_and_bad_input_saves_nothing(officer_client):
    url = reverse("assurance:survey_create")
    bad = officer_client.post(
        url,
        {
            "title": "",
            "slug": "has spaces",
            "audience": "children",
            "answered_by": "public",
            "status": "open",
            "asks_personal_data": "on",
            "privacy_statement": "",
        },
    )
    assert bad.status_code == 200
    assert "Enter the title" in bad.text
    assert "The web address can only have letters, numbers, hyphens and underscores" in bad.text
    assert not Survey.objects.exists()
    missing_statement = officer_client.post(
        url,
        {
            "title": "Families' survey",
            "slug": "families",
            "audience": "families",
            "answered_by": "public",
            "status": "draft",
            "asks_personal_data": "on",
        },
    )
    assert "Enter the privacy statement people see before they answer" in missing_statement.text
    assert not Survey.objects.exists()
    made = officer_client.post(
        url,
        {
            "title": "Families' survey",
            "slug": "families",
            "audience": "families",
            "answered_by": "public",
            "status": "draft",
        },
    )
    assert made.status_code == 302
    made_survey = Survey.objects.get()
    q_url = reverse("assurance:survey_question_create", args=[made_survey.pk])
    one_option = officer_client.post(
        q_url, {"text": "Did we help?", "kind": "single", "options": "Yes", "required": "on"}
    )
    assert "Enter at least 2 options, one on each line" in one_option.text
    bad_scale = officer_client.post(
        q_url, {"text": "How much?", "kind": "scale", "scale_min": "5", "scale_max": "1"}
    )
    assert "The highest number must be more than the lowest" in bad_scale.text
    free_group = officer_client.post(
        q_url, {"text": "Where?", "kind": "free_text", "is_respondent_group": "on"}
    )
    assert "Only a single choice question can be the respondent group" in free_group.text
    assert not made_survey.questions.exists()
    ok = officer_client.post(
        q_url,
        {"text": "Did we help?", "kind": "single", "options": "Yes\nNo\n", "required": "on", "position": ""},
    )
    assert ok.status_code == 302
    assert [o.label for o in made_survey.questions.get().options.all()] == ["Yes", "No"]
    second = officer_client.post(q_url, {"text": "Anything else?", "kind": "free_text", "position": ""})
    assert second.status_code == 302
    assert list(made_survey.questions.values_list("position", flat=True)) == [1, 2]  # in the order added


def test_an_answered_option_cannot_be_removed(children, officer_client):
    safe = questions(children)[SAFE]
    page = officer_client.get(reverse("assurance:survey_question_edit", args=[safe.pk]))
    assert "Safe\nUnsafe\nNot sure" in page.text
    refused = officer_client.post(
        reverse("assurance:survey_question_edit", args=[safe.pk]),
        {
            "text": SAFE,
            "kind": "single",
            "options": "Safe\nUnsafe",
            "required": "on",
            "version": safe.version,
            "position": safe.position,
        },
    )
    assert refused.status_code == 200
    assert "These options already have answers and cannot be removed: Not sure" in refused.text
    assert safe.options.count() == 3


def test_only_the_business_unit_builds_surveys(children, lead_client):
    assert lead_client.get(reverse("assurance:survey_create")).status_code == 403
    assert lead_client.get(reverse("assurance:survey_edit", args=[children.pk])).status_code == 403
    assert lead_client.get(reverse("assurance:survey_import", args=[children.pk])).status_code == 403


def test_a_school_year_question_made_the_group_later_fills_in_every_response(children):
    from learningloop.assurance.surveys import services

    year = questions(children)["Which school year are you in?"]
    year.is_respondent_group = False
    services.question_save(
        question=year, options=[o.label for o in year.options.all()], expected_version=year.version
    )
    assert set(SurveyResponse.objects.values_list("respondent_group", flat=True)) == {""}
    year.is_respondent_group = True
    services.question_save(
        question=year, options=[o.label for o in year.options.all()], expected_version=year.version
    )
    assert sorted(SurveyResponse.objects.values_list("respondent_group", flat=True)) == [
        "Year 10",
        "Year 10",
        "Year 10",
        "Year 8",
        "Year 8",
    ]
