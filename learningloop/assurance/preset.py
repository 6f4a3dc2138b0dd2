"""The assurance part of the framework preset: the common eight Section 11 standards and the schools'
Section 175/157 standards (seed 2.1). Loaded by `manage.py load_framework` (through
AssuranceConfig.load_preset); adds only what is missing, never changes a standard the partnership edited."""

from django.db import transaction

from .models import Standard, StandardSet, StandardSetKind

SECTION_11 = (
    "Section 11 self-assessment",
    "The common standards for Section 11 of the Children Act 2004: each agency's arrangements to "
    "safeguard and promote the welfare of children.",
    [
        (
            "Senior management commitment",
            "Senior management commitment to the importance of safeguarding "
            "and promoting children's welfare.",
        ),
        (
            "Clear statement of responsibilities",
            "A clear statement of the agency's responsibilities towards children, available to all staff.",
        ),
        (
            "Clear lines of accountability",
            "A clear line of accountability within the organisation for "
            "work on safeguarding and promoting the welfare of children.",
        ),
        (
            "Service development informed by children's views",
            "Service development takes account of the "
            "need to safeguard and promote welfare, and is informed by the views of children and families.",
        ),
        (
            "Training",
            "Effective training on safeguarding and promoting the welfare of children for all "
            "staff working with or in contact with children and families.",
        ),
        (
            "Safer recruitment",
            "Safer recruitment procedures, including vetting, for all staff and "
            "volunteers working with children.",
        ),
        (
            "Inter-agency working",
            "Effective inter-agency working to safeguard and promote the welfare of children.",
        ),
        ("Information sharing", "Effective information sharing, in line with the partnership's procedures."),
    ],
)

SECTION_175 = (
    "Section 175/157 schools' safeguarding audit",
    "The annual safeguarding self-assessment for schools and education settings under Section 175 and "
    "Section 157 of the Education Act 2002 and Keeping Children Safe in Education.",
    [
        (
            "Leadership and governance",
            "The governing body or proprietor makes sure safeguarding "
            "arrangements are effective, with a named governor for safeguarding.",
        ),
        (
            "Designated safeguarding lead",
            "A designated safeguarding lead and deputies with the time, training and authority for the role.",
        ),
        (
            "Policies and procedures",
            "A child protection policy and staff behaviour policy, reviewed annually and known to all staff.",
        ),
        ("Safer recruitment", "Safer recruitment and the single central record."),
        (
            "Training and induction",
            "Safeguarding induction and regular training for all staff and governors.",
        ),
        (
            "Allegations against staff",
            "Arrangements for managing allegations and low-level concerns, with referral to the LADO.",
        ),
        ("Early help and referrals", "Early help is identified and referrals are made promptly."),
        ("Online safety", "Filtering, monitoring and teaching about online safety."),
        (
            "Teaching children to keep safe",
            "The curriculum teaches children how to keep themselves safe, and their voice is heard.",
        ),
        (
            "Records and information sharing",
            "Child protection records are kept, shared and transferred securely.",
        ),
    ],
)

SETS = {StandardSetKind.SECTION_11: SECTION_11, StandardSetKind.SECTION_175: SECTION_175}


def preset_load(report=None) -> str:
    """Add the standard sets and their standards where missing; counts each standard in `report` (the
    framework preset's PresetReport, when load_framework runs it through core.presets) and returns a line."""
    added = 0
    with transaction.atomic():
        for kind, (name, description, standards) in SETS.items():
            standard_set = StandardSet.objects.filter(kind=kind).first()
            if (
                standard_set is not None
            ):  # the partnership owns the list once it exists (it may have edited it)
                for _ in standard_set.standards.all() if report is not None else ():
                    report.count("self-assessment standards", False)
                continue
            standard_set = StandardSet(kind=kind, name=name, description=description)
            standard_set.full_clean()
            standard_set.save()
            for position, (title, text) in enumerate(standards, start=1):
                standard = Standard(
                    standard_set=standard_set, position=position, title=title, description=text
                )
                standard.full_clean()
                standard.save()
                added += 1
                if report is not None:
                    report.count("self-assessment standards", True)
    total = Standard.objects.count()
    return (
        f"Assurance preset: {StandardSet.objects.count()} standard sets, {total} standards ({added} added)."
    )
