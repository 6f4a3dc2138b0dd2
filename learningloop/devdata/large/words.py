"""Word lists for the large partnership: invented place and personal names, topics and phrases.
No real child, family member or member of staff."""

from learningloop.core.policy import Role
from learningloop.partnership.models import Sector


def _words(text):
    return text.split()


PLACE_STARTS = _words(
    "Ash Bram Brook Cald Elm Fair Fern Green Hazel Holm Kings Lark Marsh Mill North Oak Pen Rook Stone "
    "Thorn Wil Wold Yew Alder"
)
PLACE_ENDS = _words(
    "bridge by combe dale field ford gate ham hurst ley mere stead thorpe ton well wick worth brook"
)
PLACES = [a + b for a in PLACE_STARTS for b in PLACE_ENDS]

FIRST_NAMES = _words(
    "Aisha Alfie Amara Arjun Bella Callum Chloe Dev Eden Elena Ethan Faye Finn Freya Gemma Harvey Hana "
    "Imran Isla Jade Jonah Kai Keira Layla Leo Lina Luca Maya Mina Nathan Niamh Noor Olu Orla Owen Petra "
    "Quinn Ravi Rosa Rowan Sami Sana Seren Theo Tilly Umar Vera Wren Yara Zane Zoe Abel Bryony Cormac "
    "Dina Esme Farid Gwen Hugo Ines"
)
LAST_NAMES = _words(
    "Abbot Bexley Carrow Dunmore Ellery Fenwick Garside Holloway Iveson Jessop Kettley Lomax Marlow "
    "Nettleton Oakes Pannell Quarrie Redfern Stannard Tolley Upton Varley Wardle Yardley Ashdown Birtles "
    "Colley Dainty Eckford Fairlie Gosling Hartigan Ingle Jarrow Kinsella Lightfoot Mellor Nuttall "
    "Ormerod Pilling Rainford Sowerby Thistle Uttley Verity Whitlock Youles Allport Brierley Cottam "
    "Dimmock Eastwood Fothergill Greaves Haworth Illing Jowett Kershaw Lund Moxon"
)

AGENCY_KINDS = [
    ("Community Health NHS Trust", Sector.HEALTH),
    ("Hospitals NHS Foundation Trust", Sector.HEALTH),
    ("Mental Health Partnership", Sector.HEALTH),
    ("GP Federation", Sector.HEALTH),
    ("Ambulance Service Division", Sector.HEALTH),
    ("Dental Network", Sector.HEALTH),
    ("Police Neighbourhood Command", Sector.POLICING),
    ("Youth Justice Service", Sector.JUSTICE),
    ("Probation Delivery Unit", Sector.JUSTICE),
    ("Housing Association", Sector.HOUSING),
    ("Homes Trust", Sector.HOUSING),
    ("Family Support Charity", Sector.VOLUNTARY),
    ("Young People's Project", Sector.VOLUNTARY),
    ("Women's Aid Refuge", Sector.VOLUNTARY),
    ("Faith Network", Sector.VOLUNTARY),
    ("Sports Foundation", Sector.VOLUNTARY),
    ("Further Education College", Sector.EDUCATION),
    ("Early Years Alliance", Sector.EDUCATION),
    ("Fire and Rescue Station", Sector.OTHER),
    ("Leisure Trust", Sector.OTHER),
    ("Adult Social Care", Sector.LOCAL_GOVERNMENT),
    ("Early Help Hub", Sector.LOCAL_GOVERNMENT),
]
SCHOOL_KINDS = [
    "Primary School",
    "Infant School",
    "Junior School",
    "Academy",
    "High School",
    "Church of England Primary School",
    "Catholic Primary School",
    "Nursery School",
    "Special School",
    "Community College",
]

JOB_TITLES = [
    "Safeguarding Lead",
    "Named Nurse",
    "Designated Safeguarding Lead",
    "Team Manager",
    "Social Worker",
    "Health Visitor",
    "School Nurse",
    "Detective Sergeant",
    "Service Manager",
    "Practice Educator",
    "Head of Safeguarding",
    "Early Help Practitioner",
    "Youth Worker",
    "Housing Officer",
    "Training Coordinator",
    "Quality Assurance Officer",
    "Headteacher",
    "Deputy Headteacher",
    "Family Support Worker",
    "Probation Officer",
]

TOPICS = [
    "neglect and its cumulative impact",
    "information sharing at the front door",
    "the voice of the child",
    "fathers and significant adults",
    "child exploitation",
    "safer sleep",
    "domestic abuse and the child's experience",
    "parental mental health",
    "children missing education",
    "escalation and professional challenge",
    "strategy discussions",
    "early help step-down",
    "adolescent self-harm",
    "bruising in non-mobile babies",
    "disabled children",
    "private fostering",
    "online harm",
    "home education",
    "transition to adult services",
    "parental substance misuse",
    "injuries in infants",
    "children in temporary accommodation",
    "the child protection conference",
    "out-of-area placements",
    "serious youth violence",
]
FINDING_SUBJECTS = [
    "Practitioners",
    "Health visitors",
    "Schools",
    "Police officers",
    "Social workers",
    "GPs",
    "Housing officers",
    "Early help workers",
    "Hospital staff",
    "Youth workers",
]
FINDING_GAPS = [
    "did not always check what parents told them",
    "shared information late or only on request",
    "rarely recorded what the child said in the child's own words",
    "did not use the escalation policy when plans drifted",
    "focused on the mother and not on other adults in the household",
    "did not see the cumulative impact of repeated concerns",
    "were unsure of the thresholds for a referral",
    "did not invite all agencies to the strategy discussion",
]
FINDING_STRENGTHS = [
    "knew the children well and acted quickly",
    "used the chronology template well",
    "challenged each other constructively",
    "kept the child at the centre of the plan",
    "shared information promptly and fully",
]
MESSAGES = [
    "Check and corroborate what you are told about {t}.",
    "Share a single chronology when {t} is a concern.",
    "Record the child's own words when you see {t}.",
    "Escalate within five working days when a plan about {t} drifts.",
    "Ask who else lives in or visits the home when {t} is a concern.",
    "Use the partnership's practice guidance on {t}.",
]
ACTIONS = [
    "Brief all team managers on {t}.",
    "Update the practice guidance on {t}.",
    "Audit 20 case records for {t}.",
    "Add {t} to the supervision template.",
    "Deliver a learning event on {t}.",
    "Publish a 7-minute briefing on {t}.",
    "Add {t} to the induction for new staff.",
]
MEETINGS = [
    "Executive Group meeting",
    "LDG meeting",
    "Assurance and Review Group meeting",
    "Audit Group meeting",
]

# Source types that are case reviews: their activities are made with the reviews, not as plain activities.
CASE_REVIEW_TYPES = {
    "rapid review",
    "local child safeguarding practice review",
    "safeguarding adult review",
    "domestic homicide review",
}
ROLE_SHARES = [
    (Role.BU_ADMIN, 3),
    (Role.BU_OFFICER, 8),
    (Role.GROUP_CHAIR, 12),
    (Role.AGENCY_LEAD, 50),
    (Role.AGENCY_MEMBER, 65),
    (Role.SCRUTINEER, 2),
    (Role.READ_ONLY, 10),
]
PRIORITIES = [
    "Tackling neglect",
    "Safer adolescents",
    "Domestic abuse and the child's experience",
    "Think family",
    "Safer babies",
    "Early help that works",
]
