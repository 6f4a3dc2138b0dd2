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
    U  401 Unauthorized: the data feed (/api/), which only a bearer token opens, never a session.
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

    # --- Workforce development (training). Everyone in the partnership reads the programme, its sessions,
    # results and the training pool; the business unit runs it and marks attendance (a session's own
    # trainers may too: none of the personas is one); the annual training review is for the business unit,
    # chairs and the scrutineer. The practitioner's own pages (their bookings, evaluations, certificates,
    # published briefings) are for practitioners only: partnership staff are refused (403) — see
    # PRACTITIONER below for the practitioner's answers.
    "workforce:course_list":                 ("A A A A A A A A L",               "M M M M M M M M L"),
    "workforce:course_create":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "workforce:course_detail":               ("A A A A A A A A L",               "M M M M M M M M L"),
    "workforce:course_edit":                 ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "workforce:session_create":              ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "workforce:session_detail":              ("A A A A A A A A L",               "M M M M M M M M L"),
    "workforce:session_edit":                ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    # Cancelling a session is a button on its page: POST only.
    "workforce:session_cancel":              ("M M M M M M M M L",               "A A 4 4 4 4 4 4 L"),
    "workforce:session_attendance":          ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "workforce:trainer_list":                ("A A A A A A A A L",               "M M M M M M M M L"),
    "workforce:trainer_create":              ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "workforce:trainer_edit":                ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    # The business unit approves the email domains practitioners register with.
    "workforce:domain_list":                 ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "workforce:settings_edit":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "workforce:review":                      ("A A A 4 4 4 A 4 L",               "M M M M M M M M L"),
    "workforce:review_docx":                 ("A A A 4 4 4 A 4 L",               "M M M M M M M M L"),
    "workforce:review_pdf":                  ("A A A 4 4 4 A 4 L",               "M M M M M M M M L"),
    "workforce:my_training":                 ("4 4 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "workforce:booking_create":              ("M M M M M M M M L",               "4 4 4 4 4 4 4 4 L"),
    "workforce:booking_detail":              ("4 4 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "workforce:booking_cancel":              ("M M M M M M M M L",               "4 4 4 4 4 4 4 4 L"),
    "workforce:booking_accept":              ("M M M M M M M M L",               "4 4 4 4 4 4 4 4 L"),
    "workforce:evaluation":                  ("4 4 4 4 4 4 4 4 L",               "4 4 4 4 4 4 4 4 L"),
    "workforce:certificate":                 ("4 4 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "workforce:published_briefings":         ("4 4 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "workforce:published_briefing":          ("4 4 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    # --- The public learning hub (docs/user-guide/publication.md, ADR 0030): its public pages, feed and files
    # need no sign-in and take no POST; business unit administrators and officers follow what is online and
    # the website statistics; only business unit administrators (and the publisher role) publish, retire and
    # record the statistics in the learning register.
    "website:index":                         ("A A A A A A A A A",               "M M M M M M M M M"),
    "website:feed":                          ("A A A A A A A A A",               "M M M M M M M M M"),
    "website:theme":                         ("A A A A A A A A A",               "M M M M M M M M M"),
    "website:publication":                   ("A A A A A A A A A",               "M M M M M M M M M"),
    "website:publication_pdf":               ("A A A A A A A A A",               "M M M M M M M M M"),
    "website:publication_file":              ("A A A A A A A A A",               "M M M M M M M M M"),
    "website:manage_list":                   ("A A 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "website:candidates":                    ("A 4 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "website:publish":                       ("A 4 4 4 4 4 4 4 L",               "A 4 4 4 4 4 4 4 L"),
    "website:retire":                        ("A 4 4 4 4 4 4 4 L",               "A 4 4 4 4 4 4 4 L"),
    "website:statistics":                    ("A A 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "website:statistics_export":             ("A A 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "website:statistics_record":             ("M M M M M M M M L",               "A 4 4 4 4 4 4 4 L"),
    # --- Governance (Appendix A): everyone signed in reads meetings, the work plan, risks, highlight reports,
    # policies and learning events. The business unit runs meetings (schedule, agenda and papers, attendance,
    # minutes, decisions, actions), the policies register and learning events; chairs also keep the work plan,
    # the risk and barrier log and the highlight report to the Executive. The chair's attendance report by
    # exception goes to the Executive: the business unit, chairs and the independent scrutineer.
    "governance:meeting_list":               ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:meeting_schedule":           ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:meeting_create":             ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:attendance_report":          ("A A A 4 4 4 A 4 L",               "M M M M M M M M L"),
    "governance:meeting_detail":             ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:meeting_edit":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:meeting_cancel":             ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    # Send out the agenda and papers: a button on the meeting's page.
    "governance:meeting_publish":            ("M M M M M M M M L",               "A A 4 4 4 4 4 4 L"),
    "governance:agenda_item_create":         ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:agenda_item_edit":           ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:paper_upload":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:paper_download":             ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:meeting_attendance":         ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:meeting_minutes":            ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:decision_create":            ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:decisions_ratify":           ("M M M M M M M M L",               "A A 4 4 4 4 4 4 L"),
    "governance:meeting_action_create":      ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    # Each person's own calendar page and the reset of its secret address; the feed itself answers anyone
    # holding the secret address (calendar programs cannot sign in), GET only.
    "governance:calendar":                   ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:calendar_reset":             ("M M M M M M M M L",               "A A A A A A A A L"),
    "governance:calendar_feed":              ("A A A A A A A A A",               "M M M M M M M M M"),
    "governance:workplan":                   ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:workplan_item_create":       ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "governance:workplan_item_edit":         ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "governance:risk_list":                  ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:risk_create":                ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "governance:risk_edit":                  ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "governance:highlight_list":             ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:highlight_create":           ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "governance:highlight_detail":           ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:highlight_edit":             ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    # An issued highlight report is frozen: its edit page says why (200) and a save is refused (409).
    "governance:highlight_edit [issued]":    ("A A A 4 4 4 4 4 L",               "C C C 4 4 4 4 4 L"),
    "governance:highlight_issue":            ("M M M M M M M M L",               "A A A 4 4 4 4 4 L"),
    "governance:highlight_issue [issued]":   ("M M M M M M M M L",               "C C C 4 4 4 4 4 L"),
    "governance:highlight_docx":             ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:highlight_pdf":              ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:policy_list":                ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:policy_create":              ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:policy_detail":              ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:policy_edit":                ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:policy_change_create":       ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:event_list":                 ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:event_create":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:event_detail":               ("A A A A A A A A L",               "M M M M M M M M L"),
    "governance:event_edit":                 ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:event_attendance":           ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:event_import":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "governance:event_import_template":      ("A A 4 4 4 4 4 4 L",               "M M M M M M M M L"),

    # --- Assurance: self-assessment (Section 11 / 175) and multi-agency audits. Everyone signed in reads
    # the cycles, standards and audits (pseudonymised); a return is its agency's: partnership-wide roles
    # (business unit, chairs, scrutineer) and the agency's own users read it, another agency's lead gets
    # 404. The agency's lead (and the business unit) completes it while open; a submitted or locked return
    # refuses changes (409)
    # until the business unit reopens it; the business unit runs cycles, audits, moderation and reopening.
    # Restricted case details: hidden (404) from anyone without restricted.view. An agency's lead grades audit
    # cases for their own agency only (another agency's lead: 403).
    #                                   GET:  BA BO GC AL AM OL SC RO AN      POST: BA BO GC AL AM OL SC RO AN
    "assurance:cycle_list":                  ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:cycle_create":                ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:cycle_detail":                ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:standard_set_list":           ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:standard_create":             ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:standard_edit":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:return_detail":               ("A A A A A N A A L",               "M M M M M M M M L"),
    "assurance:answer_edit":                 ("A A 4 A 4 N 4 4 L",               "A A 4 A 4 N 4 4 L"),
    "assurance:answer_edit [submitted]":     ("A A 4 A 4 N 4 4 L",               "C C 4 C 4 N 4 4 L"),
    "assurance:answer_edit [locked]":        ("A A 4 A 4 N 4 4 L",               "C C 4 C 4 N 4 4 L"),
    "assurance:return_start":                ("M M M M M M M M L",               "A A 4 A 4 N 4 4 L"),
    "assurance:return_evidence_upload":      ("A A 4 A 4 N 4 4 L",               "A A 4 A 4 N 4 4 L"),
    "assurance:moderation_create":           ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:moderation_create [open]":    ("A A 4 4 4 4 4 4 L",               "C C 4 4 4 4 4 4 L"),
    "assurance:return_submit":               ("M M M M M M M M L",               "A A 4 A 4 N 4 4 L"),
    "assurance:return_reopen":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:return_reopen [open]":        ("A A 4 4 4 4 4 4 L",               "C C 4 4 4 4 4 4 L"),
    "assurance:return_evidence_download":    ("A A A A A N A A L",               "M M M M M M M M L"),
    "assurance:audit_list":                  ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:audit_create":                ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:audit_detail":                ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:audit_milestone_create":      ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:audit_case_create":           ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:audit_finding_create":        ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:audit_case_details":          ("A N N N N N N N L",               "A N N N N N N N L"),
    "assurance:audit_case_grade":            ("A A 4 A 4 4 4 4 L",               "A A 4 A 4 4 4 4 L"),
    "assurance:audit_case_moderate":         ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    # Agencies' own learning: the agency's users see their own agency's (drafts too); the business unit sees
    # every one and may record on an agency's behalf; chairs and the scrutineer see them once submitted.
    "assurance:contribution_list":           ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:contribution_create":         ("A A 4 A 4 A 4 4 L",               "A A 4 A 4 A 4 4 L"),
    "assurance:contribution_detail":         ("A A A A A N N A L",               "M M M M M M M M L"),
    "assurance:contribution_edit":           ("A A 4 A 4 N 4 4 L",               "A A 4 A 4 N 4 4 L"),
    "assurance:contribution_edit [submitted]": ("A A 4 A 4 N 4 4 L",             "C C 4 C 4 N 4 4 L"),
    "assurance:contribution_submit":         ("M M M M M M M M L",               "A A 4 A 4 N 4 4 L"),
    "assurance:contribution_review":         ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:contribution_review [accepted]": ("A A 4 4 4 4 4 4 L",            "C C 4 4 4 4 4 4 L"),
    # Complaints and compliments counts (numbers only): everyone reads; the business unit and an agency's
    # lead (for their own agency) record them.
    "assurance:feedback_list":               ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:feedback_create":             ("A A 4 A 4 A 4 4 L",               "A A 4 A 4 A 4 4 L"),

    # --- Recurrence (ADR 0024): marking a suggested earlier finding "same issue" or "not related" is for
    # whoever records findings: the business unit and group chairs. POST only, from the finding's page.
    "learning:suggestion_mark":              ("M M M M M M M M L",               "A A A 4 4 4 4 4 L"),

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
    # --- Evidence of impact from audits and survey questions (ADR 0033): named and removed on a key
    # message's trail by the business unit and chairs, as the indicator evidence is (impact.story). Removing
    # is a button (POST only). "You said, we did": everyone signed in reads the list, an entry and the
    # export (the "said" text is the business unit's own words); the business unit records and edits.
    "assurance:audit_evidence_add":          ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "assurance:survey_evidence_add":         ("A A A 4 4 4 4 4 L",               "A A A 4 4 4 4 4 L"),
    "assurance:assurance_evidence_remove":   ("M M M M M M M M L",               "A A A 4 4 4 4 4 L"),
    "assurance:yswd_list":                   ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:yswd_export":                 ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:yswd_detail":                 ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:yswd_create":                 ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:yswd_edit":                   ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),

    # --- The data feed for analysts (ADR 0036). Personal access tokens: every member of partnership staff
    # keeps their own (practitioners have none); creating one shows the token on a 200 page, never a
    # redirect, so the walk posts no valid body (2: the form's errors). Only business unit administrators
    # see everyone's tokens and may revoke another person's; the walk's token belongs to someone who is
    # none of the personas, so it is hidden (404) from everyone else.
    "api:token_list":                        ("A A A A A A A A L",               "M M M M M M M M L"),
    "api:token_create":                      ("A A A A A A A A L",               "2 2 2 2 2 2 2 2 L"),
    "api:token_admin_list":                  ("A 4 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "api:token_revoke":                      ("A N N N N N N N L",               "A N N N N N N N L"),
    # The feed itself answers only a bearer token: a session (or none) is 401 for everyone, POST included
    # (authentication is checked before the method).
    "api:schema":                            ("U U U U U U U U U",               "U U U U U U U U U"),
    "api:feed_indicators-list":              ("U U U U U U U U U",               "U U U U U U U U U"),
    "api:feed_indicators-detail":            ("U U U U U U U U U",               "U U U U U U U U U"),
    "api:feed_periods-list":                 ("U U U U U U U U U",               "U U U U U U U U U"),
    "api:feed_providers-list":               ("U U U U U U U U U",               "U U U U U U U U U"),
    "api:feed_values-list":                  ("U U U U U U U U U",               "U U U U U U U U U"),
    "api:feed_values-detail":                ("U U U U U U U U U",               "U U U U U U U U U"),
    "api:feed_actions-list":                 ("U U U U U U U U U",               "U U U U U U U U U"),
    "api:feed_actions-detail":               ("U U U U U U U U U",               "U U U U U U U U U"),
    "api:feed_key_messages-list":            ("U U U U U U U U U",               "U U U U U U U U U"),
    "api:feed_key_messages-detail":          ("U U U U U U U U U",               "U U U U U U U U U"),
    "api:feed_deadlines-list":               ("U U U U U U U U U",               "U U U U U U U U U"),
    # CSV downloads of the pages' data: who may download is who may see the page (the actions list's CSV,
    # like its Excel, is for the business unit, chairs, scrutineers and agency leads).
    "improvement:action_export_csv":         ("A A A A 4 A A 4 L",               "M M M M M M M M L"),
    "performance:indicator_values_export":   ("A A A A A A A A L",               "M M M M M M M M L"),
    "reports:trail_export":                  ("A A A A A A A A L",               "M M M M M M M M L"),
    "learning:statutory_deadlines_export":   ("A A A A A A A A L",               "M M M M M M M M L"),

    # --- Complaints and compliments from a file, and requests to agencies for information (issue 9). The
    # business unit imports for any agency; an agency's lead for their own agency only, so the other
    # agency's lead's file naming the home agency comes back with its row's error (2). An import's page is
    # its uploader's only: the walk's run has none, so everyone allowed to upload is told it is not found.
    "assurance:feedback_import":             ("A A 4 A 4 A 4 4 L",               "A A 4 A 4 2 4 4 L"),
    "assurance:feedback_import_template":    ("A A 4 A 4 A 4 4 L",               "M M M M M M M M L"),
    "assurance:feedback_import_run":         ("N N 4 N 4 N 4 4 L",               "M M M M M M M M L"),
    # A request for information is sent by the business unit, as a request to embed learning is; the home
    # agency's response to one is answered by its lead (and the business unit), as every response is.
    "dissemination:information_request_create": ("A A 4 4 4 4 4 4 L",           "A A 4 4 4 4 4 4 L"),
    "dissemination:response_edit [information]": ("A A 4 A 4 N 4 4 L",          "A A 4 A 4 N 4 4 L"),

    # --- Surveys (docs/user-guide/surveys.md): everyone signed in reads the surveys, their questions and
    # their results as counts and percentages, and downloads the responses (without free text). The
    # business unit builds surveys and their questions and imports responses from a file. Free-text answers
    # are the business unit's only. An import's page is its uploader's: the walk's run has none, so the
    # business unit is told it is not found. The answer form and its thank-you page at /have-your-say/ are
    # for anyone, signed in or not (the walk's survey is a public one).
    "assurance:survey_list":                 ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:survey_create":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:survey_detail":               ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:survey_edit":                 ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:survey_question_create":      ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:survey_question_edit":        ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:survey_free_text":            ("A A 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "assurance:survey_results":              ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:survey_export":               ("A A A A A A A A L",               "M M M M M M M M L"),
    "assurance:survey_import":               ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "assurance:survey_import_template":      ("A A 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "assurance:survey_import_run":           ("N N 4 4 4 4 4 4 L",               "M M M M M M M M L"),
    "have_your_say:answer":                  ("A A A A A A A A A",               "A A A A A A A A A"),
    "have_your_say:thanks":                  ("A A A A A A A A A",               "M M M M M M M M M"),

    # --- The partners' yearly report (docs/user-guide/yearly-report.md, ADR 0035): everyone signed in reads
    # it and its documents; the business unit drafts it and writes its texts. A strategic lead of one of the
    # three statutory safeguarding partners signs off for that partner: the walk's agency lead is the
    # police's, the other agency's lead the health trust's, so both may; nobody else may, the business unit
    # included. A partner that signed may withdraw with a reason; the health lead has not signed the walk's
    # report, so their withdrawal comes back with an error (2). Signed off by all three, it is frozen: an
    # edit, a sign-off or a withdrawal is refused (409); its pages say why.
    "yearly:list":                           ("A A A A A A A A L",               "M M M M M M M M L"),
    "yearly:create":                         ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "yearly:detail":                         ("A A A A A A A A L",               "M M M M M M M M L"),
    "yearly:edit":                           ("A A 4 4 4 4 4 4 L",               "A A 4 4 4 4 4 4 L"),
    "yearly:edit [signed_off]":              ("A A 4 4 4 4 4 4 L",               "C C 4 4 4 4 4 4 L"),
    "yearly:sign_off":                       ("M M M M M M M M L",               "4 4 4 A 4 A 4 4 L"),
    "yearly:sign_off [signed_off]":          ("M M M M M M M M L",               "4 4 4 C 4 C 4 4 L"),
    "yearly:withdraw":                       ("4 4 4 A 4 A 4 4 L",               "4 4 4 A 4 2 4 4 L"),
    "yearly:withdraw [signed_off]":          ("4 4 4 A 4 A 4 4 L",               "4 4 4 C 4 C 4 4 L"),
    "yearly:pdf":                            ("A A A A A A A A L",               "M M M M M M M M L"),
    "yearly:docx":                           ("A A A A A A A A L",               "M M M M M M M M L"),
    # --- Large spreadsheets built in the background (ADR 0038): the progress page and the download hold
    # the rows their requester could see, so they are the requester's only. The walk's export has no
    # requester: everyone signed in is told it is not found. GET only.
    "exports:export_run":                    ("N N N N N N N N L",               "M M M M M M M M L"),
    "exports:export_download":               ("N N N N N N N N L",               "M M M M M M M M L"),
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


# The practitioner persona (ADR 0020): a practitioner of the home agency (Northshire Police) who registered
# to book training; the walk signs in as walk_objects["practitioner"], whose bookings the walk's records
# hold. One (GET, POST) pair per row of TABLE, worked out from what a practitioner is for: they see the
# programme, their own bookings, history and certificates, and published briefings — nothing of the
# partnership's internal records. Every page outside /training/ and their own account pages answers 403
# before any view runs (workforce.practitioners.middleware), whatever the page, record or method: "4".
# The home page sends them to their own training page (3: a redirect not to sign-in). Their own account
# pages under /accounts/ answer as they do for anyone signed in; the user administration pages do not.
# Codes as in TABLE, plus 3. AN AREA ADDING ROWS TO TABLE ADDS THEIR PRACTITIONER ENTRY HERE TOO.
# fmt: off
PRACTITIONER: dict[str, tuple[str, str]] = {
    "home":                                                   ("3", "3"),
    "healthz":                                                ("A", "M"),
    "accessibility":                                          ("A", "M"),
    "core:audit_list":                                        ("4", "4"),
    "partnership:agency_list":                                ("4", "4"),
    "partnership:agency_export":                              ("4", "4"),
    "partnership:agency_create":                              ("4", "4"),
    "partnership:agency_detail":                              ("4", "4"),
    "partnership:agency_edit":                                ("4", "4"),
    "partnership:agency_end":                                 ("4", "4"),
    "partnership:agency_reactivate":                          ("4", "4"),
    "partnership:person_list":                                ("4", "4"),
    "partnership:person_create":                              ("4", "4"),
    "partnership:person_detail":                              ("4", "4"),
    "partnership:person_edit":                                ("4", "4"),
    "partnership:person_end":                                 ("4", "4"),
    "partnership:group_list":                                 ("4", "4"),
    "partnership:group_create":                               ("4", "4"),
    "partnership:group_detail":                               ("4", "4"),
    "partnership:group_edit":                                 ("4", "4"),
    "partnership:group_end":                                  ("4", "4"),
    "partnership:membership_create":                          ("4", "4"),
    "partnership:membership_edit":                            ("4", "4"),
    "partnership:membership_end":                             ("4", "4"),
    "partnership:framework":                                  ("4", "4"),
    "partnership:preset_list":                                ("4", "4"),
    "partnership:preset_create":                              ("4", "4"),
    "partnership:preset_edit":                                ("4", "4"),
    "partnership:preset_end":                                 ("4", "4"),
    "learning:activity_list":                                 ("4", "4"),
    "learning:activity_export_csv":                           ("4", "4"),
    "learning:activity_export_xlsx":                          ("4", "4"),
    "learning:activity_create":                               ("4", "4"),
    "learning:activity_detail":                               ("4", "4"),
    "learning:activity_edit":                                 ("4", "4"),
    "learning:document_upload":                               ("4", "4"),
    "learning:document_download":                             ("4", "4"),
    "learning:document_delete":                               ("4", "4"),
    "learning:finding_create":                                ("4", "4"),
    "learning:finding_detail":                                ("4", "4"),
    "learning:finding_edit":                                  ("4", "4"),
    "learning:finding_delete":                                ("4", "4"),
    "learning:theme_list":                                    ("4", "4"),
    "learning:theme_create":                                  ("4", "4"),
    "learning:theme_edit":                                    ("4", "4"),
    "learning:themes_recurrence":                             ("4", "4"),
    "learning:priority_list":                                 ("4", "4"),
    "learning:priority_create":                               ("4", "4"),
    "learning:priority_edit":                                 ("4", "4"),
    "learning:review_list":                                   ("4", "4"),
    "learning:review_create":                                 ("4", "4"),
    "learning:review_conversions":                            ("4", "4"),
    "learning:review_detail":                                 ("4", "4"),
    "learning:review_edit":                                   ("4", "4"),
    "learning:monitoring_entry_create":                       ("4", "4"),
    "learning:child_details":                                 ("4", "4"),
    "learning:statutory_deadlines":                           ("4", "4"),
    "learning:deadline_rules":                                ("4", "4"),
    "learning:deadline_rule_edit":                            ("4", "4"),
    "learning:summary_list":                                  ("4", "4"),
    "learning:summary_create":                                ("4", "4"),
    "learning:summary_detail":                                ("4", "4"),
    "learning:summary_edit":                                  ("4", "4"),
    "learning:summary_edit [submitted]":                      ("4", "4"),
    "learning:summary_edit [accepted]":                       ("4", "4"),
    "learning:summary_edit [returned]":                       ("4", "4"),
    "learning:key_message_create":                            ("4", "4"),
    "learning:key_message_create [submitted]":                ("4", "4"),
    "learning:key_message_edit":                              ("4", "4"),
    "learning:key_message_edit [accepted]":                   ("4", "4"),
    "learning:key_message_delete":                            ("4", "4"),
    "learning:key_message_delete [submitted]":                ("4", "4"),
    "learning:summary_submit":                                ("4", "4"),
    "learning:summary_submit [submitted]":                    ("4", "4"),
    "learning:summary_submit [returned]":                     ("4", "4"),
    "learning:summary_accept":                                ("4", "4"),
    "learning:summary_accept [draft]":                        ("4", "4"),
    "learning:summary_accept [accepted]":                     ("4", "4"),
    "learning:summary_return":                                ("4", "4"),
    "learning:summary_return [draft]":                        ("4", "4"),
    "learning:summary_docx":                                  ("4", "4"),
    "learning:summary_pdf":                                   ("4", "4"),
    "dissemination:plan_list":                                ("4", "4"),
    "dissemination:plan_create":                              ("4", "4"),
    "dissemination:plan_create [draft]":                      ("4", "4"),
    "dissemination:plan_detail":                              ("4", "4"),
    "dissemination:plan_docx":                                ("4", "4"),
    "dissemination:plan_pdf":                                 ("4", "4"),
    "dissemination:message_plan_edit":                        ("4", "4"),
    "dissemination:communication_create":                     ("4", "4"),
    "dissemination:communication_edit":                       ("4", "4"),
    "dissemination:briefing_list":                            ("4", "4"),
    "dissemination:briefing_create":                          ("4", "4"),
    "dissemination:briefing_detail":                          ("4", "4"),
    "dissemination:briefing_edit":                            ("4", "4"),
    "dissemination:briefing_ready":                           ("4", "4"),
    "dissemination:briefing_unready":                         ("4", "4"),
    "dissemination:briefing_pdf":                             ("4", "4"),
    "dissemination:request_list":                             ("4", "4"),
    "dissemination:request_create":                           ("4", "4"),
    "dissemination:outstanding_responses":                    ("4", "4"),
    "dissemination:request_detail":                           ("4", "4"),
    "dissemination:response_detail":                          ("4", "4"),
    "dissemination:response_edit":                            ("4", "4"),
    "dissemination:response_edit [submitted]":                ("4", "4"),
    "dissemination:response_edit [more_information]":         ("4", "4"),
    "dissemination:evidence_upload":                          ("4", "4"),
    "dissemination:evidence_upload [accepted]":               ("4", "4"),
    "dissemination:evidence_download":                        ("4", "4"),
    "dissemination:response_review":                          ("4", "4"),
    "dissemination:response_review [draft]":                  ("4", "4"),
    "improvement:action_list":                                ("4", "4"),
    "improvement:overdue_actions":                            ("4", "4"),
    "improvement:due_soon_actions":                           ("4", "4"),
    "improvement:my_actions":                                 ("4", "4"),
    "improvement:action_bulk_update":                         ("4", "4"),
    "improvement:action_export":                              ("4", "4"),
    "improvement:plan_list":                                  ("4", "4"),
    "improvement:plan_create":                                ("4", "4"),
    "improvement:plan_detail":                                ("4", "4"),
    "improvement:action_create":                              ("4", "4"),
    "improvement:action_detail":                              ("4", "4"),
    "improvement:action_edit":                                ("4", "4"),
    "improvement:action_update":                              ("4", "4"),
    "improvement:action_edit [completed]":                    ("4", "4"),
    "improvement:action_edit [cancelled]":                    ("4", "4"),
    "improvement:action_update [completed]":                  ("4", "4"),
    "improvement:action_update [cancelled]":                  ("4", "4"),
    "improvement:evidence_upload":                            ("4", "4"),
    "improvement:evidence_download":                          ("4", "4"),
    "improvement:sustainment_check":                          ("4", "4"),
    "improvement:sustainment_check [in_progress]":            ("4", "4"),
    "reports:trail_index":                                    ("4", "4"),
    "reports:key_message_trail":                              ("4", "4"),
    "accounts:user_list":                                     ("4", "4"),
    "accounts:user_create":                                   ("4", "4"),
    "accounts:user_edit":                                     ("4", "4"),
    "accounts:user_deactivate":                               ("4", "4"),
    "account_overview":                                       ("A", "M"),
    "session_keep_alive":                                     ("M", "2"),
    "admin:login":                                            ("4", "4"),
    "account_email":                                          ("A", "M"),
    # --- Workforce: the programme and its sessions are theirs to browse and book; running it is not.
    "workforce:course_list":                                  ("A", "M"),
    "workforce:course_create":                                ("4", "4"),
    "workforce:course_detail":                                ("A", "M"),
    "workforce:course_edit":                                  ("4", "4"),
    "workforce:session_create":                               ("4", "4"),
    "workforce:session_detail":                               ("A", "M"),
    "workforce:session_edit":                                 ("4", "4"),
    "workforce:session_cancel":                               ("M", "4"),
    "workforce:session_attendance":                           ("4", "4"),
    "workforce:trainer_list":                                 ("4", "M"),
    "workforce:trainer_create":                               ("4", "4"),
    "workforce:trainer_edit":                                 ("4", "4"),
    "workforce:domain_list":                                  ("4", "4"),
    "workforce:settings_edit":                                ("4", "4"),
    "workforce:review":                                       ("4", "M"),
    "workforce:review_docx":                                  ("4", "M"),
    "workforce:review_pdf":                                   ("4", "M"),
    # Their own training: bookings, waiting list, offers, evaluations and certificate.
    "workforce:my_training":                                  ("A", "M"),
    "workforce:booking_create":                               ("M", "A"),
    "workforce:booking_detail":                               ("A", "M"),
    "workforce:booking_cancel":                               ("M", "A"),
    "workforce:booking_accept":                               ("M", "A"),
    "workforce:evaluation":                                   ("A", "A"),
    "workforce:certificate":                                  ("A", "M"),
    "workforce:published_briefings":                          ("A", "M"),
    "workforce:published_briefing":                           ("A", "M"),
    # The public learning hub is public: a practitioner reads it like anyone; its publishing pages refuse
    # them.
    "website:index":                                          ("A", "M"),
    "website:feed":                                           ("A", "M"),
    "website:theme":                                          ("A", "M"),
    "website:publication":                                    ("A", "M"),
    "website:publication_pdf":                                ("A", "M"),
    "website:publication_file":                               ("A", "M"),
    "website:manage_list":                                    ("4", "M"),
    "website:candidates":                                     ("4", "M"),
    "website:publish":                                        ("4", "4"),
    "website:retire":                                         ("4", "4"),
    "website:statistics":                                     ("4", "M"),
    "website:statistics_export":                              ("4", "M"),
    "website:statistics_record":                              ("M", "4"),
    # Governance is the partnership's own business: every page under /governance/ is refused before its view
    # runs (the confinement middleware), whatever the method.
    "governance:meeting_list":                                ("4", "4"),
    "governance:meeting_schedule":                            ("4", "4"),
    "governance:meeting_create":                              ("4", "4"),
    "governance:attendance_report":                           ("4", "4"),
    "governance:meeting_detail":                              ("4", "4"),
    "governance:meeting_edit":                                ("4", "4"),
    "governance:meeting_cancel":                              ("4", "4"),
    "governance:meeting_publish":                             ("4", "4"),
    "governance:agenda_item_create":                          ("4", "4"),
    "governance:agenda_item_edit":                            ("4", "4"),
    "governance:paper_upload":                                ("4", "4"),
    "governance:paper_download":                              ("4", "4"),
    "governance:meeting_attendance":                          ("4", "4"),
    "governance:meeting_minutes":                             ("4", "4"),
    "governance:decision_create":                             ("4", "4"),
    "governance:decisions_ratify":                            ("4", "4"),
    "governance:meeting_action_create":                       ("4", "4"),
    "governance:calendar":                                    ("4", "4"),
    "governance:calendar_reset":                              ("4", "4"),
    "governance:calendar_feed":                               ("4", "4"),
    "governance:workplan":                                    ("4", "4"),
    "governance:workplan_item_create":                        ("4", "4"),
    "governance:workplan_item_edit":                          ("4", "4"),
    "governance:risk_list":                                   ("4", "4"),
    "governance:risk_create":                                 ("4", "4"),
    "governance:risk_edit":                                   ("4", "4"),
    "governance:highlight_list":                              ("4", "4"),
    "governance:highlight_create":                            ("4", "4"),
    "governance:highlight_detail":                            ("4", "4"),
    "governance:highlight_edit":                              ("4", "4"),
    "governance:highlight_edit [issued]":                     ("4", "4"),
    "governance:highlight_issue":                             ("4", "4"),
    "governance:highlight_issue [issued]":                    ("4", "4"),
    "governance:highlight_docx":                              ("4", "4"),
    "governance:highlight_pdf":                               ("4", "4"),
    "governance:policy_list":                                 ("4", "4"),
    "governance:policy_create":                               ("4", "4"),
    "governance:policy_detail":                               ("4", "4"),
    "governance:policy_edit":                                 ("4", "4"),
    "governance:policy_change_create":                        ("4", "4"),
    "governance:event_list":                                  ("4", "4"),
    "governance:event_create":                                ("4", "4"),
    "governance:event_detail":                                ("4", "4"),
    "governance:event_edit":                                  ("4", "4"),
    "governance:event_attendance":                            ("4", "4"),
    "governance:event_import":                                ("4", "4"),
    "governance:event_import_template":                       ("4", "4"),
    # Every page under /assurance/ is the partnership's own business: refused before its view runs (the
    # confinement middleware), whatever the method.
    "assurance:cycle_list":                                   ("4", "4"),
    "assurance:cycle_create":                                 ("4", "4"),
    "assurance:cycle_detail":                                 ("4", "4"),
    "assurance:standard_set_list":                            ("4", "4"),
    "assurance:standard_create":                              ("4", "4"),
    "assurance:standard_edit":                                ("4", "4"),
    "assurance:return_detail":                                ("4", "4"),
    "assurance:answer_edit":                                  ("4", "4"),
    "assurance:answer_edit [submitted]":                      ("4", "4"),
    "assurance:answer_edit [locked]":                         ("4", "4"),
    "assurance:return_start":                                 ("4", "4"),
    "assurance:return_evidence_upload":                       ("4", "4"),
    "assurance:moderation_create":                            ("4", "4"),
    "assurance:moderation_create [open]":                     ("4", "4"),
    "assurance:return_submit":                                ("4", "4"),
    "assurance:return_reopen":                                ("4", "4"),
    "assurance:return_reopen [open]":                         ("4", "4"),
    "assurance:return_evidence_download":                     ("4", "4"),
    "assurance:audit_list":                                   ("4", "4"),
    "assurance:audit_create":                                 ("4", "4"),
    "assurance:audit_detail":                                 ("4", "4"),
    "assurance:audit_milestone_create":                       ("4", "4"),
    "assurance:audit_case_create":                            ("4", "4"),
    "assurance:audit_finding_create":                         ("4", "4"),
    "assurance:audit_case_details":                           ("4", "4"),
    "assurance:audit_case_grade":                             ("4", "4"),
    "assurance:audit_case_moderate":                          ("4", "4"),
    "assurance:contribution_list":                            ("4", "4"),
    "assurance:contribution_create":                          ("4", "4"),
    "assurance:contribution_detail":                          ("4", "4"),
    "assurance:contribution_edit":                            ("4", "4"),
    "assurance:contribution_edit [submitted]":                ("4", "4"),
    "assurance:contribution_submit":                          ("4", "4"),
    "assurance:contribution_review":                          ("4", "4"),
    "assurance:contribution_review [accepted]":               ("4", "4"),
    "assurance:feedback_list":                                ("4", "4"),
    "assurance:feedback_create":                              ("4", "4"),
    # Every page under /learning/ is the partnership's own business: refused before its view runs (the
    # confinement middleware), whatever the method.
    "learning:suggestion_mark":                               ("4", "4"),
    # Every page under /impact/ is the partnership's own business: refused before its view runs (the
    # confinement middleware), whatever the method.
    "performance:dashboard":                                  ("4", "4"),
    "performance:dashboard_export":                           ("4", "4"),
    "performance:indicator_list":                             ("4", "4"),
    "performance:indicator_create":                           ("4", "4"),
    "performance:indicator_detail":                           ("4", "4"),
    "performance:indicator_edit":                             ("4", "4"),
    "performance:indicator_story":                            ("4", "4"),
    "performance:indicator_export":                           ("4", "4"),
    "performance:indicator_scorecard":                        ("4", "4"),
    "performance:submission_create":                          ("4", "4"),
    "performance:submission_detail":                          ("4", "4"),
    "performance:submission_correct":                         ("4", "4"),
    "performance:import_upload":                              ("4", "4"),
    "performance:import_template":                            ("4", "4"),
    "performance:import_run":                                 ("4", "4"),
    "performance:late_list":                                  ("4", "4"),
    "performance:evidence_add":                               ("4", "4"),
    "performance:contribution_list":                          ("4", "4"),
    "performance:contribution_detail":                        ("4", "4"),
    # The data feed's pages and the feed live under /api/, the CSV downloads under the partnership's own
    # areas: none is opened to practitioners, so the confinement middleware refuses them all (403).
    "api:token_list":                                         ("4", "4"),
    "api:token_create":                                       ("4", "4"),
    "api:token_admin_list":                                   ("4", "4"),
    "api:token_revoke":                                       ("4", "4"),
    "api:schema":                                             ("4", "4"),
    "api:feed_indicators-list":                               ("4", "4"),
    "api:feed_indicators-detail":                             ("4", "4"),
    "api:feed_periods-list":                                  ("4", "4"),
    "api:feed_providers-list":                                ("4", "4"),
    "api:feed_values-list":                                   ("4", "4"),
    "api:feed_values-detail":                                 ("4", "4"),
    "api:feed_actions-list":                                  ("4", "4"),
    "api:feed_actions-detail":                                ("4", "4"),
    "api:feed_key_messages-list":                             ("4", "4"),
    "api:feed_key_messages-detail":                           ("4", "4"),
    "api:feed_deadlines-list":                                ("4", "4"),
    "improvement:action_export_csv":                          ("4", "4"),
    "performance:indicator_values_export":                    ("4", "4"),
    "reports:trail_export":                                   ("4", "4"),
    "learning:statutory_deadlines_export":                    ("4", "4"),
    # Complaints and compliments imports and requests for information are the partnership's own business.
    "assurance:feedback_import":                              ("4", "4"),
    "assurance:feedback_import_template":                     ("4", "4"),
    "assurance:feedback_import_run":                          ("4", "4"),
    "dissemination:information_request_create":              ("4", "4"),
    "dissemination:response_edit [information]":             ("4", "4"),
    # Every page under /assurance/ is the partnership's own business (evidence of impact, "You said, we did").
    "assurance:audit_evidence_add":                           ("4", "4"),
    "assurance:survey_evidence_add":                          ("4", "4"),
    "assurance:assurance_evidence_remove":                    ("4", "4"),
    "assurance:yswd_list":                                    ("4", "4"),
    "assurance:yswd_export":                                  ("4", "4"),
    "assurance:yswd_detail":                                  ("4", "4"),
    "assurance:yswd_create":                                  ("4", "4"),
    "assurance:yswd_edit":                                    ("4", "4"),
    # Surveys: the pages under /assurance/ are the partnership's own business (refused before the view
    # runs); the answer form at /have-your-say/ is open to practitioners, who answer surveys too.
    "assurance:survey_list":                                  ("4", "4"),
    "assurance:survey_create":                                ("4", "4"),
    "assurance:survey_detail":                                ("4", "4"),
    "assurance:survey_edit":                                  ("4", "4"),
    "assurance:survey_question_create":                       ("4", "4"),
    "assurance:survey_question_edit":                         ("4", "4"),
    "assurance:survey_free_text":                             ("4", "4"),
    "assurance:survey_results":                               ("4", "4"),
    "assurance:survey_export":                                ("4", "4"),
    "assurance:survey_import":                                ("4", "4"),
    "assurance:survey_import_template":                       ("4", "4"),
    "assurance:survey_import_run":                            ("4", "4"),
    "have_your_say:answer":                                   ("A", "A"),
    "have_your_say:thanks":                                   ("A", "M"),
    # Every page under /yearly-reports/ is the partnership's own business: refused before its view runs (the
    # confinement middleware), whatever the method.
    "yearly:list":                                            ("4", "4"),
    "yearly:create":                                          ("4", "4"),
    "yearly:detail":                                          ("4", "4"),
    "yearly:edit":                                            ("4", "4"),
    "yearly:edit [signed_off]":                               ("4", "4"),
    "yearly:sign_off":                                        ("4", "4"),
    "yearly:sign_off [signed_off]":                           ("4", "4"),
    "yearly:withdraw":                                        ("4", "4"),
    "yearly:withdraw [signed_off]":                           ("4", "4"),
    "yearly:pdf":                                             ("4", "4"),
    "yearly:docx":                                            ("4", "4"),
    # A large spreadsheet built in the background: /exports/ is internal (the confinement middleware).
    "exports:export_run":                                     ("4", "4"),
    "exports:export_download":                                ("4", "4"),
}
# fmt: on
