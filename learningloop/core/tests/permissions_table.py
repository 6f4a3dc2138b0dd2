"""What every persona gets from every URL, written out by hand from the product rules.

The authorisation walk (test_authorisation_walk.py) compares the running app with this table, not with
core.policy.POLICY, so a wrong entry in POLICY (or a view that forgets to ask it) makes the walk fail.
Sources: docs/adr/0002-roles-and-policy.md, docs/adr/0012-restricted-change-and-state-rules.md,
docs/user-guide/*.md and the comments in core/policy.py. Do NOT fill a row by running the app and pasting
what it answers: work the row out from who the page is for. If the app then disagrees, that is a finding.

ADDING A URL: add one row `"<namespace:url_name>": ("<GET codes>", "<POST codes>"),` in its app's block.
A row whose walk_rules Rule has `states` needs one more row per state: `"<url_name> [<state>]"`.

Each codes string has one code per persona, in this order (the walk checks the order against PERSONAS):

    bu_admin  bu_officer  group_chair  agency_lead  agency_member  other_agency_lead  scrutineer  read_only
    anonymous

Codes:
    A  allowed. GET answers 200. POST sends the URL's valid body (walk_rules VALID) and answers a redirect
       (302, not to sign-in) after making the change that body asks for; nothing else is accepted.
    2  POST answers 200: the form comes back with an error summary and nothing is saved (the walk has no
       valid body for this URL yet, or the body names records this persona may not touch).
    4  403 Forbidden (the persona may see the record but not do this).
    N  404 Not Found (the record is not visible to the persona, or the page's existence is hidden).
    M  405 Method Not Allowed.
    L  302 redirect to the sign-in page.
    C  409 Conflict: refused because of the record's state (core.policy STATE_RULES); nothing changes.
Every POST that does not answer A (or 2) must leave the database exactly as it was.

The walk's records (core/tests/walk_objects.py and each app's tests/walk_builders*.py) belong to the home
agency (Northshire Police: group_chair, agency_lead, agency_member, read_only); other_agency_lead is the
health trust's lead; bu_admin, bu_officer and scrutineer belong to the partnership business unit. None of
the personas sits on the CSPR Panel (see learning/tests/test_restricted_change.py for Panel members).
"""

PERSONA_ORDER = (
    "bu_admin",
    "bu_officer",
    "group_chair",
    "agency_lead",
    "agency_member",
    "other_agency_lead",
    "scrutineer",
    "read_only",
    "anonymous",
)

# fmt: off
TABLE: dict[str, tuple[str, str]] = {
    #                                   GET:  BA BO GC AL AM OL SC RO AN      POST: BA BO GC AL AM OL SC RO AN
    # --- Core: the home page needs sign-in; the health check and accessibility statement are public.
    "home":                                  ("A A A A A A A A L",               "M M M M M M M M L"),
    "healthz":                               ("A A A A A A A A A",               "M M M M M M M M M"),
    "accessibility":                         ("A A A A A A A A A",               "M M M M M M M M M"),
    # The audit trail is for business unit administrators only.
    "core:audit_list":                       ("A 4 4 4 4 4 4 4 L",               "M M M M M M M M L"),

    # --- Partnership structure: everyone signed in reads it; the business unit (admin, officer) maintains it.
    "partnership:agency_list":               ("A A A A A A A A L",               "M M M M M M M M L"),
    "partnership:agency_export":             ("A A A A A A A A L",               "M M M M M M M M L"),
    "partnership:agency_create":             ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "partnership:agency_detail":             ("A A A A A A A A L",               "M M M M M M M M L"),
    "partnership:agency_edit":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "partnership:agency_end":                ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    # Reactivate is a button on an ended agency's page: POST only.
    "partnership:agency_reactivate":         ("M M M M M M M M L",               "A A 4 4 4 4 4 4 L"),
    "partnership:person_list":               ("A A A A A A A A L",               "M M M M M M M M L"),
    "partnership:person_create":             ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "partnership:person_detail":             ("A A A A A A A A L",               "M M M M M M M M L"),
    "partnership:person_edit":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "partnership:person_end":                ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "partnership:group_list":                ("A A A A A A A A L",               "M M M M M M M M L"),
    "partnership:group_create":              ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "partnership:group_detail":              ("A A A A A A A A L",               "M M M M M M M M L"),
    "partnership:group_edit":                ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "partnership:group_end":                 ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "partnership:membership_create":         ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "partnership:membership_edit":           ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "partnership:membership_end":            ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    # The framework preset's lists: everyone reads; the business unit changes them.
    "partnership:framework":                 ("A A A A A A A A L",               "M M M M M M M M L"),
    "partnership:preset_list":               ("A A A A A A A A L",               "M M M M M M M M L"),
    "partnership:preset_create":             ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "partnership:preset_edit":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "partnership:preset_end":                ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),

    # --- Learning register: everyone reads; the business unit and subgroup chairs record learning.
    "learning:activity_list":                ("A A A A A A A A L",               "M M M M M M M M L"),
    # Exports of the register: the business unit, chairs and the independent scrutineer.
    "learning:activity_export_csv":          ("A A A 4 4 4 A 4 L",               "M M M M M M M M L"),
    "learning:activity_export_xlsx":         ("A A A 4 4 4 A 4 L",               "M M M M M M M M L"),
    "learning:activity_create":              ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "learning:activity_detail":              ("A A A A A A A A L",               "M M M M M M M M L"),
    "learning:activity_edit":                ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "learning:document_upload":              ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "learning:document_download":            ("A A A A A A A A L",               "M M M M M M M M L"),
    "learning:document_delete":              ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "learning:finding_create":               ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "learning:finding_detail":               ("A A A A A A A A L",               "M M M M M M M M L"),
    "learning:finding_edit":                 ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "learning:finding_delete":               ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    # Themes and priorities are lists the business unit maintains (their pages are maintenance pages).
    "learning:theme_list":                   ("A A 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "learning:theme_create":                 ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "learning:theme_edit":                   ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "learning:themes_recurrence":            ("A A A A A A A A L",               "M M M M M M M M L"),
    "learning:priority_list":                ("A A 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "learning:priority_create":              ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "learning:priority_edit":                ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),

    # --- Case reviews: everyone reads them by pseudonym; the business unit records them.
    "learning:review_list":                  ("A A A A A A A A L",               "M M M M M M M M L"),
    "learning:review_create":                ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "learning:review_conversions":           ("A A A A A A A A L",               "M M M M M M M M L"),
    "learning:review_detail":                ("A A A A A A A A L",               "M M M M M M M M L"),
    "learning:review_edit":                  ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "learning:monitoring_entry_create":      ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    # Restricted details: only business unit administrators and current CSPR Panel members see them (none
    # of the personas is on the Panel); to everyone else the page does not exist. Changing them is for
    # business unit administrators and the Panel's chair and officers (ADR 0012).
    "learning:child_details":                ("A N N N N N N N L",               "A N N N N N N N L"),
    "learning:statutory_deadlines":          ("A A A A A A A A L",               "M M M M M M M M L"),
    "learning:deadline_rules":               ("A A A A A A A A L",               "M M M M M M M M L"),
    # Changing a deadline rule is the business unit's (review.manage); an empty body comes back with errors.
    "learning:deadline_rule_edit":           ("A A 4 4 4 4 4 4 L",               "2 2 4 4 4 4 4 4 L"),

    # --- Summaries of Learning: subgroups (business unit, chairs) draft and submit; the LDG's decision is
    # recorded by the business unit or a chair; everyone reads and downloads.
    "learning:summary_list":                 ("A A A A A A A A L",               "M M M M M M M M L"),
    "learning:summary_create":               ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "learning:summary_detail":               ("A A A A A A A A L",               "M M M M M M M M L"),
    # A draft summary can be edited.
    "learning:summary_edit":                 ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    # "A submitted summary cannot be changed" (nor an accepted one): the edit page explains why (200) and a
    # save is refused (409). A returned summary can be edited again.
    "learning:summary_edit [submitted]":     ("A A A 4 4 4 4 4 L",               "C C C 4 4 4 4 4 L"),
    "learning:summary_edit [accepted]":      ("A A A 4 4 4 4 4 L",               "C C C 4 4 4 4 4 L"),
    "learning:summary_edit [returned]":      ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "learning:key_message_create":           ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "learning:key_message_create [submitted]": ("A A A 4 4 4 4 4 L",             "C C C 4 4 4 4 4 L"),
    "learning:key_message_edit":             ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "learning:key_message_edit [accepted]":  ("A A A 4 4 4 4 4 L",               "C C C 4 4 4 4 4 L"),
    "learning:key_message_delete":           ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "learning:key_message_delete [submitted]": ("A A A 4 4 4 4 4 L",             "C C C 4 4 4 4 4 L"),
    # Workflow buttons (POST only). Submit a draft or returned summary; accept or return a submitted one.
    "learning:summary_submit":               ("M M M M M M M M L",               "A A A 4 4 4 4 4 L"),
    "learning:summary_submit [submitted]":   ("M M M M M M M M L",               "C C C 4 4 4 4 4 L"),
    "learning:summary_submit [returned]":    ("M M M M M M M M L",               "A A A 4 4 4 4 4 L"),
    "learning:summary_accept":               ("M M M M M M M M L",               "A A A 4 4 4 4 4 L"),
    "learning:summary_accept [draft]":       ("M M M M M M M M L",               "C C C 4 4 4 4 4 L"),
    "learning:summary_accept [accepted]":    ("M M M M M M M M L",               "C C C 4 4 4 4 4 L"),
    "learning:summary_return":               ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "learning:summary_return [draft]":       ("A A A 4 4 4 4 4 L",               "C C C 4 4 4 4 4 L"),
    "learning:summary_docx":                 ("A A A A A A A A L",               "M M M M M M M M L"),
    "learning:summary_pdf":                  ("A A A A A A A A L",               "M M M M M M M M L"),

    # --- Dissemination plans: the LDG (business unit, chairs) plans and records; everyone reads.
    "dissemination:plan_list":               ("A A A A A A A A L",               "M M M M M M M M L"),
    # "When the LDG accepts a Summary of Learning ... Create the dissemination plan" (a button).
    "dissemination:plan_create":             ("M M M M M M M M L",               "A A A 4 4 4 4 4 L"),
    "dissemination:plan_create [draft]":     ("M M M M M M M M L",               "C C C 4 4 4 4 4 L"),
    "dissemination:plan_detail":             ("A A A A A A A A L",               "M M M M M M M M L"),
    "dissemination:plan_docx":               ("A A A A A A A A L",               "M M M M M M M M L"),
    "dissemination:plan_pdf":                ("A A A A A A A A L",               "M M M M M M M M L"),
    "dissemination:message_plan_edit":       ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "dissemination:communication_create":    ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "dissemination:communication_edit":      ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    # --- Briefings: the LDG writes them; everyone reads.
    "dissemination:briefing_list":           ("A A A A A A A A L",               "M M M M M M M M L"),
    "dissemination:briefing_create":         ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "dissemination:briefing_detail":         ("A A A A A A A A L",               "M M M M M M M M L"),
    "dissemination:briefing_edit":           ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "dissemination:briefing_ready":          ("M M M M M M M M L",               "A A A 4 4 4 4 4 L"),
    "dissemination:briefing_unready":        ("M M M M M M M M L",               "A A A 4 4 4 4 4 L"),
    "dissemination:briefing_pdf":            ("A A A A A A A A L",               "M M M M M M M M L"),

    # --- Requests to agencies. The business unit sends them and reviews answers; each agency's strategic
    # lead answers for their own agency; agency users see only their own agency's requests and responses;
    # chairs and the scrutineer see all. The walk's request went to both agencies; its response is the home
    # agency's (police), so the health trust's lead cannot see it (404).
    "dissemination:request_list":            ("A A A A A A A A L",               "M M M M M M M M L"),
    "dissemination:request_create":          ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    # Outstanding responses: the business unit, chairs and the scrutineer follow them up.
    "dissemination:outstanding_responses":   ("A A A 4 4 4 A 4 L",               "M M M M M M M M L"),
    "dissemination:request_detail":          ("A A A A A A A A L",               "M M M M M M M M L"),
    "dissemination:response_detail":         ("A A A A A N A A L",               "M M M M M M M M L"),
    # Answering: the business unit or the agency's own lead, while the response is open.
    "dissemination:response_edit":           ("A A 4 A 4 N 4 4 L",               "A A 4 A 4 N 4 4 L"),
    "dissemination:response_edit [submitted]": ("C C 4 C 4 N 4 4 L",             "C C 4 C 4 N 4 4 L"),
    "dissemination:response_edit [more_information]": ("A A 4 A 4 N 4 4 L",      "A A 4 A 4 N 4 4 L"),
    "dissemination:evidence_upload":         ("A A 4 A 4 N 4 4 L",               "A A 4 A 4 N 4 4 L"),
    "dissemination:evidence_upload [accepted]": ("C C 4 C 4 N 4 4 L",            "C C 4 C 4 N 4 4 L"),
    "dissemination:evidence_download":       ("A A A A A N A A L",               "M M M M M M M M L"),
    # Reviewing a submitted answer: the business unit only.
    "dissemination:response_review":         ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "dissemination:response_review [draft]": ("C C 4 4 4 4 4 4 L",               "C C 4 4 4 4 4 4 L"),

    # --- Improvement actions. The business unit plans; an agency's lead and members update their own
    # agency's actions. The walk's plan is multi-agency (everyone sees it); its actions are the home
    # agency's, so the health trust's lead sees them but may not update them (403).
    "improvement:action_list":               ("A A A A A A A A L",               "M M M M M M M M L"),
    "improvement:overdue_actions":           ("A A A A A A A A L",               "M M M M M M M M L"),
    "improvement:due_soon_actions":          ("A A A A A A A A L",               "M M M M M M M M L"),
    "improvement:my_actions":                ("A A A A A A A A L",               "M M M M M M M M L"),
    # Tick several actions and update their status together (a POST from the list). The health trust's
    # lead may bulk-update their own agency's actions, but the walk's body ticks the police's: the form
    # comes back with an error (200) and nothing changes.
    "improvement:action_bulk_update":        ("M M M M M M M M L",               "A A 4 A A 2 4 4 L"),
    # The Excel download: the business unit, chairs, the scrutineer and agency leads (for their agency).
    "improvement:action_export":             ("A A A A 4 A A 4 L",               "M M M M M M M M L"),
    "improvement:plan_list":                 ("A A A A A A A A L",               "M M M M M M M M L"),
    "improvement:plan_create":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "improvement:plan_detail":               ("A A A A A A A A L",               "M M M M M M M M L"),
    "improvement:action_create":             ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "improvement:action_detail":             ("A A A A A A A A L",               "M M M M M M M M L"),
    "improvement:action_edit":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "improvement:action_update":             ("A A 4 A A 4 4 4 L",               "A A 4 A A 4 4 4 L"),
    # A completed or cancelled action is closed: its edit and update pages say why (200) and a save is
    # refused (409) for whoever could otherwise change it; another agency's lead is still refused (403).
    "improvement:action_edit [completed]":   ("A A 4 4 4 4 4 4 L",               "C C 4 4 4 4 4 4 L"),
    "improvement:action_edit [cancelled]":   ("A A 4 4 4 4 4 4 L",               "C C 4 4 4 4 4 4 L"),
    "improvement:action_update [completed]": ("A A 4 A A 4 4 4 L",               "C C 4 C C 4 4 4 L"),
    "improvement:action_update [cancelled]": ("A A 4 A A 4 4 4 L",               "C C 4 C C 4 4 4 L"),
    "improvement:evidence_upload":           ("A A 4 A A 4 4 4 L",               "A A 4 A A 4 4 4 L"),
    "improvement:evidence_download":         ("A A A A A A A A L",               "M M M M M M M M L"),
    # "After completion, plan a sustainment check": only a completed action has one.
    "improvement:sustainment_check":         ("A A 4 A A 4 4 4 L",               "A A 4 A A 4 4 4 L"),
    # The page explains why (200); a POST is refused (409).
    "improvement:sustainment_check [in_progress]": ("A A 4 A A 4 4 4 L",         "C C 4 C C 4 4 4 L"),

    # --- The learning trail: everyone signed in.
    "reports:trail_index":                   ("A A A A A A A A L",               "M M M M M M M M L"),
    "reports:key_message_trail":             ("A A A A A A A A L",               "M M M M M M M M L"),

    # --- User accounts: business unit administrators manage them; everyone has their own account pages.
    "accounts:user_list":                    ("A 4 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "accounts:user_create":                  ("A 4 4 4 4 4 4 4 L",               "A 4 4 4 4 4 4 4 L"),
    "accounts:user_edit":                    ("A 4 4 4 4 4 4 4 L",               "A 4 4 4 4 4 4 4 L"),
    "accounts:user_deactivate":              ("A 4 4 4 4 4 4 4 L",               "A 4 4 4 4 4 4 4 L"),
    "account_overview":                      ("A A A A A A A A L",               "M M M M M M M M L"),
    # "Stay signed in" in the timeout warning: POST only; it answers 200 with the time left and changes only
    # the session (which the walk's fingerprint ignores).
    "session_keep_alive":                    ("M M M M M M M M L",               "2 2 2 2 2 2 2 2 L"),
    # The Django admin's login page sends everyone to allauth's sign-in (ADR 0013): anonymous people are
    # redirected there; signed-in people who are not staff are told the admin is not for them; no POST.
    "admin:login":                           ("A A A A A A A A L",               "M M M M M M M M L"),
    "account_email":                         ("A A A A A A A A L",               "M M M M M M M M L"),

    # --- Impact, the outcomes-based dataset (docs/user-guide/impact.md): everyone signed in reads the
    # indicators, their curves, the dashboard, the downloads and the late returns (an agency user sees their
    # own agency's). The business unit keeps the library. The business unit and chairs record the story
    # behind the curve. The business unit and the providing agency's leads and members submit and correct
    # its values: the walk's indicator is the home agency's, so the other agency's lead is refused (403),
    # and their file naming the home agency comes back with an error (2). An import's page is its
    # uploader's only: the walk's run has none, so everyone allowed to upload is told it is not found.
    "performance:dashboard":                 ("A A A A A A A A L",               "M M M M M M M M L"),
    "performance:dashboard_export":          ("A A A A A A A A L",               "M M M M M M M M L"),
    "performance:indicator_list":            ("A A A A A A A A L",               "M M M M M M M M L"),
    "performance:indicator_create":          ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "performance:indicator_detail":          ("A A A A A A A A L",               "M M M M M M M M L"),
    "performance:indicator_edit":            ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "performance:indicator_story":           ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "performance:indicator_export":          ("A A A A A A A A L",               "M M M M M M M M L"),
    "performance:indicator_scorecard":       ("A A A A A A A A L",               "M M M M M M M M L"),
    "performance:submission_create":         ("A A 4 A A 4 4 4 L",               "A A 4 A A 4 4 4 L"),
    "performance:submission_detail":         ("A A A A A A A A L",               "M M M M M M M M L"),
    "performance:submission_correct":        ("A A 4 A A 4 4 4 L",               "A A 4 A A 4 4 4 L"),
    "performance:import_upload":             ("A A 4 A A A 4 4 L",               "A A 4 A A 2 4 4 L"),
    "performance:import_template":           ("A A 4 A A A 4 4 L",               "M M M M M M M M L"),
    "performance:import_run":                ("N N 4 N N N 4 4 L",               "M M M M M M M M L"),
    "performance:late_list":                 ("A A A A A A A A L",               "M M M M M M M M L"),
    # A key message's evidence of impact: the business unit and chairs, who record the story behind the curve.
    "performance:evidence_add":              ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    # The agency contribution scorecard: partnership figures every signed-in user reads.
    "performance:contribution_list":         ("A A A A A A A A L",               "M M M M M M M M L"),
    "performance:contribution_detail":       ("A A A A A A A A L",               "M M M M M M M M L"),
}
# fmt: on

# django-allauth's account pages (not our views), GET only, as a visitor who is not signed in and as a
# signed-in agency lead. Codes as above, plus 3: a redirect that is not to the sign-in page (for example
# a signed-in user sent on from the sign-in page to the home page, or to re-authenticate before changing
# two-factor settings), and U: 401 (allauth's "third-party sign-in failed" page). Self sign-up is closed
# (accounts.adapters.AccountAdapter), email verification is off, MFA pages need a signed-in user, and a
# code or two-factor step with no sign-in in progress sends a visitor back to the sign-in page.
# fmt: off
ACCOUNT_PAGES: dict[str, dict[str, str]] = {
    #                                          visitor  signed-in agency lead
    "account_login":                          {"anonymous": "A", "agency_lead": "3"},
    "account_logout":                         {"anonymous": "3", "agency_lead": "A"},
    "account_inactive":                       {"anonymous": "A", "agency_lead": "A"},
    "account_signup":                         {"anonymous": "A", "agency_lead": "3"},
    "account_reauthenticate":                 {"anonymous": "L", "agency_lead": "A"},
    "account_request_reauthentication_code":  {"anonymous": "L", "agency_lead": "3"},
    "account_confirm_reauthentication_code":  {"anonymous": "L", "agency_lead": "3"},
    "account_email":                          {"anonymous": "L", "agency_lead": "A"},
    "account_email_verification_sent":        {"anonymous": "A", "agency_lead": "A"},
    "account_change_password":                {"anonymous": "L", "agency_lead": "A"},
    "account_set_password":                   {"anonymous": "L", "agency_lead": "3"},
    "account_reset_password":                 {"anonymous": "A", "agency_lead": "A"},
    "account_confirm_login_code":             {"anonymous": "L", "agency_lead": "3"},
    "account_reset_password_from_key_done":   {"anonymous": "A", "agency_lead": "A"},
    "account_reset_password_done":            {"anonymous": "A", "agency_lead": "A"},
    "mfa_index":                              {"anonymous": "L", "agency_lead": "A"},
    "mfa_authenticate":                       {"anonymous": "L", "agency_lead": "3"},
    "mfa_reauthenticate":                     {"anonymous": "L", "agency_lead": "3"},
    "mfa_activate_totp":                      {"anonymous": "L", "agency_lead": "3"},
    "mfa_deactivate_totp":                    {"anonymous": "L", "agency_lead": "N"},
    "mfa_view_recovery_codes":                {"anonymous": "L", "agency_lead": "N"},
    "mfa_generate_recovery_codes":            {"anonymous": "L", "agency_lead": "3"},
    "mfa_download_recovery_codes":            {"anonymous": "L", "agency_lead": "N"},
    "socialaccount_login_cancelled":          {"anonymous": "A", "agency_lead": "A"},
    "socialaccount_login_error":              {"anonymous": "L", "agency_lead": "U"},
    "socialaccount_signup":                   {"anonymous": "L", "agency_lead": "L"},
    "socialaccount_connections":              {"anonymous": "L", "agency_lead": "A"},
    # Microsoft single sign-on is off unless configured (docs/configuration.md): its pages do not exist.
    "microsoft_login":                        {"anonymous": "N", "agency_lead": "N"},
    "microsoft_callback":                     {"anonymous": "N", "agency_lead": "N"},
}
# fmt: on
