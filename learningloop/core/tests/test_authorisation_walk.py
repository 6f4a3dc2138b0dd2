"""Every URL pattern × every persona × GET and POST, compared with the hand-written permissions table.

The expected answers come from core/tests/permissions_table.py (written from the product rules, not from
core.policy.POLICY). A new URL with no walk rule or no table row makes this test fail. Every refused POST
must leave the database exactly as it was; every allowed POST with a valid body (walk_rules VALID) must
make its change. Third-party pages (django-allauth's account pages, Django's admin) are walked too."""

import hashlib
import importlib
import pkgutil

import pytest
from django.db import connection, transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

import learningloop
from learningloop.conftest import PERSONAS
from learningloop.core.tests.permissions_table import ACCOUNT_PAGES, PERSONA_ORDER, PRACTITIONER, TABLE

LOGIN_PATH = "/accounts/login/"


def _collect(attribute):
    found = {}
    for module in pkgutil.walk_packages(learningloop.__path__, "learningloop."):
        if module.name.endswith(".tests.walk_rules"):
            more = getattr(importlib.import_module(module.name), attribute, {})
            overlap = set(found) & set(more)
            assert not overlap, f"{attribute} covered twice: {overlap}"
            found.update(more)
    return found


RULES = _collect("RULES")
VALID = _collect("VALID")


def _walk(resolver, namespace="", prefix=""):
    for p in resolver.url_patterns:
        if isinstance(p, URLResolver):
            ns = f"{namespace}{p.namespace}:" if p.namespace else namespace
            yield from _walk(p, ns, prefix + str(p.pattern))
        elif isinstance(p, URLPattern):
            module = getattr(p.callback, "__module__", "")
            yield (f"{namespace}{p.name}" if p.name else None), prefix + str(p.pattern), module


ALL_PATTERNS = list(_walk(get_resolver()))
OURS = [(name, route) for name, route, module in ALL_PATTERNS if module.startswith("learningloop")]
ALLAUTH = [
    (name, route)
    for name, route, module in ALL_PATTERNS
    if module.startswith("allauth")
    or (route.startswith("accounts/") and not module.startswith("learningloop"))
]
ADMIN = [(name, route) for name, route, module in ALL_PATTERNS if route.startswith("django-admin/")]


def _rows():
    """(table row, url name, kwargs builder) for every URL and each extra state its rule names."""
    for name, _ in OURS:
        rule = RULES[name]
        yield name, name, rule.kwargs
        for state, kwargs in rule.states.items():
            yield f"{name} [{state}]", name, kwargs


ROWS = list(_rows()) if all(name in RULES for name, _ in OURS) else []
CODES = set("A24NMLC")
CODES = CODES | {"U"}  # 401: the data feed answers a session (or none) so; it needs a bearer token


def _row_template(row):
    return f'    "{row}": ("? ? ? ? ? ? ? ? ?", "? ? ? ? ? ? ? ? ?"),'


def test_every_url_of_ours_has_a_rule():
    missing = sorted(f"{name} ({route})" for name, route in OURS if name not in RULES)
    assert not missing, "Add these URL names to a walk_rules.py: " + ", ".join(missing)
    stale = sorted(set(RULES) - {name for name, _ in OURS})
    assert not stale, f"Rules for URL names that no longer exist: {stale}"


def test_every_url_has_a_row_in_the_permissions_table():
    rows = {row for row, _, _ in ROWS}
    missing = sorted(rows - set(TABLE))
    assert not missing, (
        "These URLs have no row in core/tests/permissions_table.py TABLE; work out who may use them from the "
        "product rules and add:\n" + "\n".join(_row_template(row) for row in missing)
    )
    stale = sorted(set(TABLE) - rows)
    assert not stale, f"permissions_table.py rows for URLs (or states) the walk does not visit: {stale}"
    stale_valid = sorted(set(VALID) - rows)
    assert not stale_valid, f"walk_rules VALID bodies for rows that do not exist: {stale_valid}"


def test_the_table_is_well_formed():
    assert tuple(PERSONAS) == PERSONA_ORDER, "permissions_table.PERSONA_ORDER must match conftest.PERSONAS"
    bad = []
    for row, codes in TABLE.items():
        for method, text in zip(("GET", "POST"), codes, strict=True):
            parts = text.split()
            if len(parts) != len(PERSONA_ORDER) or not set(parts) <= CODES:
                bad.append(f"{row} {method}: {text!r}")
            if method == "GET" and "2" in parts:
                bad.append(f"{row} GET: use A for 200")
        if "A" in codes[1].split() and row not in VALID:
            bad.append(f"{row}: POST allowed (A) but no walk_rules VALID body; use 2 or add one")
    assert not bad, "Malformed permissions_table.py rows:\n" + "\n".join(bad)


def test_every_url_pattern_is_classified():
    classified = {route for _, route in OURS + ALLAUTH + ADMIN}
    unclassified = [route for _, route, _ in ALL_PATTERNS if route not in classified]
    assert not unclassified, f"URL patterns outside our apps, allauth and the admin: {unclassified}"


# Tables a refused POST may still write to, and why. Nothing else may change.
FINGERPRINT_IGNORES = {
    "django_session",  # the signed-in session itself (a refused request may touch its expiry)
}


def fingerprint():
    """Every row of every table, hashed per table: equal fingerprints mean nothing changed."""
    if connection.vendor == "postgresql":
        return _fingerprint_in_one_round_trip()
    prints = {}
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            if table in FINGERPRINT_IGNORES:
                continue
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names come from the database)
            rows = sorted(repr(row) for row in cursor.fetchall())
            prints[table] = (len(rows), hashlib.sha1("\n".join(rows).encode()).hexdigest())
    return prints


def _fingerprint_in_one_round_trip():
    """The same fingerprint on PostgreSQL, with every table's SELECT sent in one go and the result sets read
    one after the other: a walk takes two fingerprints for each refused POST, and a round trip per table
    each time was half of the walk's time on PostgreSQL."""
    tables = [t for t in connection.introspection.table_names() if t not in FINGERPRINT_IGNORES]
    prints = {}
    with connection.cursor() as cursor:
        cursor.execute("; ".join(f'SELECT * FROM "{table}"' for table in tables))  # noqa: S608 (see above)
        for table in tables:
            rows = sorted(repr(row) for row in cursor.fetchall())
            prints[table] = (len(rows), hashlib.sha1("\n".join(rows).encode()).hexdigest())
            cursor.nextset()
    return prints


class Fingerprints:
    """The fingerprint, taken again only when the database has counted a changed row since the last one.

    Each refused POST needs a fingerprint before and after (two full reads of every table); most POSTs of a
    walk are refused and change nothing, so most of those reads would find what the last one found. The
    database counts every row inserted, updated or deleted in the fingerprinted tables: SQLite through
    temporary triggers on each table (part of the test's transaction, gone with it; a write undone by a
    rolled-back savepoint is undone in the count too), PostgreSQL in its own per-transaction statistics
    (`pg_stat_xact_user_tables`, which can only count more than happened, never less). An unchanged count
    means no row changed, so the last fingerprint still stands; any change, even one the fingerprint then
    finds in an ignored table only, reads every table again. `test_the_fingerprint_sees_every_change`
    checks that the count moves with each kind of change."""

    def __init__(self):
        self.tables = [t for t in connection.introspection.table_names() if t not in FINGERPRINT_IGNORES]
        self.last = None  # (count, fingerprint)
        if connection.vendor == "sqlite":
            with connection.cursor() as cursor:
                cursor.execute("CREATE TEMP TABLE IF NOT EXISTS walk_changes (n INTEGER NOT NULL)")
                cursor.execute("DELETE FROM walk_changes")
                cursor.execute("INSERT INTO walk_changes VALUES (0)")
                # A full-text index (the findings') and its shadow tables take no trigger (SQLite refuses
                # one on the virtual table and crashes on writes through one on a shadow table); they change
                # only through the triggers of the table they index, which are counted.
                cursor.execute("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL TABLE%'")
                indexes = [name for (name,) in cursor.fetchall()]
                for table in self.tables:
                    if any(table == name or table.startswith(name + "_") for name in indexes):
                        continue
                    for event in ("INSERT", "UPDATE", "DELETE"):
                        cursor.execute(
                            f'CREATE TEMP TRIGGER IF NOT EXISTS "walk_{event}_{table}" AFTER {event} '
                            f'ON main."{table}" BEGIN UPDATE walk_changes SET n = n + 1; END'
                        )

    def count(self):
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("SELECT n FROM walk_changes")
            else:
                cursor.execute(
                    "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) "
                    "FROM pg_stat_xact_user_tables WHERE relname <> ALL(%s)",
                    [sorted(FINGERPRINT_IGNORES)],
                )
            return cursor.fetchone()[0]

    def now(self):
        count = self.count()
        if self.last is None or self.last[0] != count:
            self.last = (count, fingerprint())
        return self.last[1]


def _changed_tables(before, after):
    return sorted(t for t in set(before) | set(after) if before.get(t) != after.get(t))


def _is_login_redirect(response):
    return response.status_code == 302 and response["Location"].startswith(LOGIN_PATH)


def _check(method, code, response):
    """None when the answer matches the code, else what was expected."""
    status = response.status_code
    if code == "A" and method == "GET":
        return None if status == 200 else "200"
    if code == "A":
        ok = status == 302 and not _is_login_redirect(response)
        return None if ok else "302 (a redirect after the change)"
    if code == "L":
        return None if _is_login_redirect(response) else f"302 to {LOGIN_PATH}"
    if code == "3":
        return None if status == 302 and not _is_login_redirect(response) else "302 (not to sign-in)"
    wanted = {"2": 200, "U": 401, "4": 403, "N": 404, "M": 405, "C": 409}[code]
    return None if status == wanted else str(wanted)


@pytest.mark.django_db
def test_the_fingerprint_sees_every_change(walk_objects):
    """The refused-POST check is only as good as the fingerprint: a new row, a changed value and a deleted
    row in any table each change it."""
    from learningloop.partnership.models import Agency

    prints = Fingerprints()
    start = prints.now()
    counted = prints.count()
    assert prints.count() == counted  # reading changes nothing
    agency = Agency.objects.create(name="Fingerprint Agency", short_name="FA")
    assert prints.count() > counted
    created = prints.now()
    assert "partnership_agency" in _changed_tables(start, created)
    counted = prints.count()
    Agency.objects.filter(pk=agency.pk).update(is_school=True)  # no audit entry: only the value changes
    assert prints.count() > counted
    assert _changed_tables(created, prints.now()) == ["partnership_agency"]
    counted = prints.count()
    agency.delete()
    assert prints.count() > counted
    # The agency is gone again; the audit trail keeps its entries.
    assert _changed_tables(start, prints.now()) == ["auditlog_logentry"]
    assert prints.now() == fingerprint()  # the kept fingerprint is the one read afresh
    # A write undone by a rolled-back savepoint changes nothing, and the fingerprint is unchanged.
    before = prints.now()
    try:
        with transaction.atomic():
            Agency.objects.create(name="Undone Agency", short_name="UA")
            raise RuntimeError
    except RuntimeError:
        pass
    assert prints.now() == before == fingerprint()


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.django_db
def test_walk_our_urls(persona, make_persona, walk_objects, client):
    user = make_persona(persona)
    if user is not None:
        client.force_login(user)
    column = PERSONA_ORDER.index(persona)
    prints = Fingerprints()
    failures = []
    for row, name, kwargs in ROWS:
        get_code, post_code = (codes.split()[column] for codes in TABLE[row])
        url = reverse(name, kwargs=kwargs(walk_objects))
        where = f"{url} (row {row!r}) as {persona}"
        response = client.get(url)
        if (expected := _check("GET", get_code, response)) is not None:
            failures.append(f"GET {where}: got {response.status_code}, expected {expected} ({get_code})")
        valid = VALID.get(row)
        refused = post_code != "A"
        before = prints.now() if refused else None
        response = client.post(url, valid.data(walk_objects) if valid else {})
        changed = _changed_tables(before, prints.now()) if refused else []
        if (expected := _check("POST", post_code, response)) is not None:
            also = f"; it changed tables {changed}" if changed else ""
            got = response.status_code
            failures.append(f"POST {where}: got {got}, expected {expected} ({post_code}){also}")
        elif post_code == "A" and not valid.changed(walk_objects):
            failures.append(f"POST {where}: answered {response.status_code} but did not make its change")
        elif changed:
            failures.append(f"POST {where}: refused ({post_code}) but changed tables {changed}")
    assert not failures, f"{len(failures)} answers differ from permissions_table.py:\n" + "\n".join(failures)


@pytest.mark.parametrize("persona", ["anonymous", "bu_admin", "agency_lead"])
@pytest.mark.django_db
def test_walk_admin_is_closed_to_non_staff(persona, make_persona, client):
    user = make_persona(persona)
    if user is not None:
        client.force_login(user)
    for name, route in ADMIN:
        if "<" in route or name is None or name in ("admin:login", "admin:logout"):
            continue
        response = client.get(reverse(name))
        assert response.status_code == 302, f"{route} as {persona}: {response.status_code}"
        assert "/login/" in response["Location"]


def test_every_account_page_has_a_row():
    names = {name for name, route in ALLAUTH if "<" not in route and "(?P" not in route and name}
    missing = sorted(names - set(ACCOUNT_PAGES))
    assert not missing, f"Add these allauth pages to permissions_table.ACCOUNT_PAGES: {missing}"


@pytest.mark.parametrize("persona", ["anonymous", "agency_lead"])
@pytest.mark.django_db
def test_walk_account_pages(persona, make_persona, client):
    user = make_persona(persona)
    if user is not None:
        client.force_login(user)
    failures = []
    for name, code in sorted((n, row[persona]) for n, row in ACCOUNT_PAGES.items()):
        response = client.get(reverse(name))
        if (expected := _check("GET", code, response)) is not None:
            failures.append(f"GET {reverse(name)} ({name}) as {persona}: got {response.status_code}, "
                            f"expected {expected} ({code})")  # fmt: skip
    assert not failures, "\n".join(failures)


# --- The practitioner persona (ADR 0020) --------------------------------------------------------------------
# A practitioner who registered to book training: every URL's answer is checked against the hand-written
# permissions_table.PRACTITIONER, which must have an entry for every row of TABLE.
PRACTITIONER_CODES = CODES | {"3"}


def test_every_row_has_a_practitioner_answer():
    missing = [row for row in TABLE if row not in PRACTITIONER]
    assert not missing, (
        "These rows have no entry in permissions_table.PRACTITIONER; work out what a practitioner gets "
        "(a page outside /training/ and their own account pages is 403 by the confinement middleware) "
        "and add:\n" + "\n".join(f'    "{row}": ("?", "?"),' for row in missing)
    )
    stale = sorted(set(PRACTITIONER) - set(TABLE))
    assert not stale, f"PRACTITIONER entries for rows TABLE does not have: {stale}"
    bad = [
        f"{row}: {codes!r}"
        for row, codes in PRACTITIONER.items()
        if len(codes) != 2 or not set(codes) <= PRACTITIONER_CODES or codes[0] == "2"
        or (codes[1] == "A" and row not in VALID)
    ]  # fmt: skip
    assert not bad, "Malformed PRACTITIONER entries (codes A24NMLC3; POST A needs a VALID body):\n" + (
        "\n".join(bad)
    )


@pytest.mark.django_db
def test_walk_our_urls_as_a_practitioner(walk_objects, client):
    client.force_login(walk_objects["practitioner"])
    prints = Fingerprints()
    failures = []
    for row, name, kwargs in ROWS:
        get_code, post_code = PRACTITIONER[row]
        url = reverse(name, kwargs=kwargs(walk_objects))
        where = f"{url} (row {row!r}) as a practitioner"
        response = client.get(url)
        if (expected := _check("GET", get_code, response)) is not None:
            failures.append(f"GET {where}: got {response.status_code}, expected {expected} ({get_code})")
        valid = VALID.get(row)
        refused = post_code != "A"
        before = prints.now() if refused else None
        response = client.post(url, valid.data(walk_objects) if valid else {})
        changed = _changed_tables(before, prints.now()) if refused else []
        if (expected := _check("POST", post_code, response)) is not None:
            also = f"; it changed tables {changed}" if changed else ""
            got = response.status_code
            failures.append(f"POST {where}: got {got}, expected {expected} ({post_code}){also}")
        elif post_code == "A" and not valid.changed(walk_objects):
            failures.append(f"POST {where}: answered {response.status_code} but did not make its change")
        elif changed:
            failures.append(f"POST {where}: refused ({post_code}) but changed tables {changed}")
    assert not failures, f"{len(failures)} answers differ from PRACTITIONER:\n" + "\n".join(failures)
