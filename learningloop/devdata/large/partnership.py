"""The large partnership's structure: agencies and schools, people, users and group memberships."""

import datetime
import itertools

from dateutil.relativedelta import relativedelta
from django.contrib.auth.hashers import make_password

from learningloop.accounts.models import User
from learningloop.core.policy import Role
from learningloop.partnership.models import (
    Agency,
    Group,
    Membership,
    MembershipRole,
    Person,
    Sector,
    StatutoryRole,
)

from .common import (
    ADMIN_EMAIL,
    BATCH,
    EMAIL_DOMAIN,
    Context,
    bulk,
)
from .words import (
    AGENCY_KINDS,
    FIRST_NAMES,
    JOB_TITLES,
    LAST_NAMES,
    PLACES,
    ROLE_SHARES,
    SCHOOL_KINDS,
)


def build_agencies(ctx: Context) -> int:
    rng = ctx.rng
    taken = {n.lower() for n in Agency.objects.values_list("name", flat=True)}
    ctx.bu = Agency.objects.filter(statutory_role=StatutoryRole.BUSINESS_UNIT).order_by("pk").first()
    rows = []
    combos = [(p, k) for p in PLACES for k in AGENCY_KINDS]
    rng.shuffle(combos)
    wanted = ctx.n(70) - Agency.objects.filter(is_school=False).count()
    for place, (kind, sector) in combos:
        if len(rows) >= max(wanted, 1):
            break
        name = f"{place} {kind}"
        if name.lower() not in taken:
            taken.add(name.lower())
            rows.append(Agency(name=name, short_name=f"{place} {kind.split()[0]}", sector=sector))
    schools = []
    combos = [(p, k) for p in PLACES for k in SCHOOL_KINDS]
    rng.shuffle(combos)
    for place, kind in combos[: ctx.n(500)]:
        name = f"{place} {kind}"
        if name.lower() not in taken:
            taken.add(name.lower())
            schools.append(Agency(name=name, sector=Sector.EDUCATION, is_school=True))
    bulk(Agency, rows + schools)
    everyone = list(Agency.objects.order_by("pk"))
    ctx.agencies = [a for a in everyone if not a.is_school and a != ctx.bu]
    ctx.schools = [a for a in everyone if a.is_school]
    return len(rows) + len(schools)


def build_people(ctx: Context) -> int:
    rng = ctx.rng
    names = [f"{f} {s}" for f in FIRST_NAMES for s in LAST_NAMES]
    rng.shuffle(names)
    wanted = ctx.n(3000, minimum=30)
    initials = itertools.cycle("ABCDEFGHJKLMNPRSTW")
    while len(names) < wanted:
        names += [f"{n.split()[0]} {next(initials)}. {n.split()[1]}" for n in names[:wanted]]
    # Everyone in a non-school agency first (2 to 3 times as many as a school), schools get 1 to 3 each.
    homes = [a for a in ctx.agencies for _ in range(3)] + ([ctx.bu] * 16 if ctx.bu else []) + ctx.schools
    rows = []
    for index, full_name in enumerate(names[:wanted]):
        agency = homes[index] if index < len(homes) else rng.choice(ctx.agencies + ctx.schools)
        email = full_name.lower().replace(". ", ".").replace(" ", ".") + f".{index}@{EMAIL_DOMAIN}"
        rows.append(
            Person(
                full_name=full_name,
                job_title=rng.choice(JOB_TITLES),
                email=email,
                agency=agency,
                is_active=rng.random() > 0.08,
            )
        )
    bulk(Person, rows)
    ctx.people = list(Person.objects.filter(is_active=True).order_by("pk"))
    for person in ctx.people:
        ctx.people_by_agency.setdefault(person.agency_id, []).append(person)
    return len(rows)


def build_users(ctx: Context) -> int:
    """About 150 users across the roles; each is one of the people (a business unit person for the
    business unit roles). The first business unit administrator is ADMIN_EMAIL."""
    rng = ctx.rng
    password = make_password(ctx.password)  # hashed once; None gives an unusable password
    total = ctx.n(150, minimum=len(ROLE_SHARES))
    plan = []
    for role, share in ROLE_SHARES:
        plan += [role] * max(1, round(total * share / 150))
    bu_people = [p for p in ctx.people if ctx.bu and p.agency_id == ctx.bu.pk]
    others = [p for p in ctx.people if p.agency_id != (ctx.bu.pk if ctx.bu else None)]
    rng.shuffle(others)
    chosen, users = [], []
    offset = User.objects.filter(email__iendswith="@" + EMAIL_DOMAIN).count()  # a second run (--force)
    for index, role in enumerate(plan):
        business_unit = role in (Role.BU_ADMIN, Role.BU_OFFICER, Role.SCRUTINEER)
        pool = bu_people if business_unit and bu_people else others
        person = pool.pop(0) if pool else None
        if person is None:
            continue
        email = ADMIN_EMAIL if not users and not offset else f"user{offset + index}@{EMAIL_DOMAIN}"
        users.append(
            User(
                email=email,
                full_name=person.full_name,
                agency_id=person.agency_id,
                roles=[role],
                password=password,
                date_joined=ctx.moment(ctx.start),
            )
        )
        chosen.append(person)
    bulk(User, users)
    by_email = {u.email: u for u in User.objects.filter(email__in=[u.email for u in users])}
    for person, user in zip(chosen, users, strict=True):
        person.user, person.email = by_email[user.email], user.email
        ctx.users.setdefault(user.roles[0], []).append(by_email[user.email])
    Person.objects.bulk_update(chosen, ["user", "email"], batch_size=BATCH)
    return len(users)


def build_memberships(ctx: Context) -> int:
    """Each active group keeps 6 to 20 seats over the years; each seat passes between holders every one to
    five years, so every group has a history of ended memberships as well as its current members."""
    rng = ctx.rng
    ctx.groups = list(Group.objects.filter(is_active=True).order_by("pk"))
    rows, deputies = [], []
    for group in ctx.groups:
        seats = max(3, round(rng.randint(6, 20) * min(1.0, ctx.scale * 5)))
        for seat in range(seats):
            role = (
                MembershipRole.CHAIR
                if seat == 0
                else (MembershipRole.DEPUTY_CHAIR if seat == 1 else MembershipRole.MEMBER)
            )
            begin = ctx.start
            while begin <= ctx.today:
                end = begin + relativedelta(years=rng.randint(1, 5)) - datetime.timedelta(days=1)
                person = rng.choice(ctx.people)
                rows.append(
                    Membership(
                        person=person,
                        group=group,
                        role=role,
                        representing_id=person.agency_id,
                        start_date=begin,
                        end_date=end if end < ctx.today else None,
                    )
                )
                begin = end + datetime.timedelta(days=1)
    bulk(Membership, rows)
    through = Membership.deputies.through
    for membership in rows:
        if membership.end_date is None and rng.random() < 0.2:
            deputies.append(through(membership_id=membership.pk, person_id=rng.choice(ctx.people).pk))
    bulk(through, deputies)
    return len(rows)
