"""The courses demo employment-coaching plans follow (ARCS), and their plain, invented words."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.models.choices import ActionOwner, BarrierStatus, EetActivity, MilestoneKind

# {name} is filled with the young person's first name; providers and employers are invented.

ASPIRATIONS = (
    "I want a proper job with a payslip so I can help my mum with the bills.",
    "I like working with my hands. Building or fixing cars, something like that.",
    "I want to go back to college and get my maths and English done, then see.",
    "Be a chef one day. For now any kitchen job would do.",
    "Get my CSCS card and get on a site. My uncle says there is good money in it.",
    "I want to do something where I am not just sitting down all day.",
    "Work in a gym, maybe be a personal trainer.",
    "Anything that gets me out of the area in the day and pays proper.",
    "I want my own flat in a couple of years, so I need steady work.",
    "I would like to be a mechanic. I used to fix bikes with my cousin.",
)
STRENGTHS = (
    "Reliable once engaged; good with people; practical problem solver.",
    "Keen to work; good at football and keeps fit; listens when things are explained.",
    "Polite and calm in new places; good with younger siblings; quick learner.",
    "Good sense of humour; works hard when interested; some experience helping a relative.",
    "Determined; good timekeeping when the routine suits; confident speaking up.",
)

PROVIDERS: dict[str, str] = {
    "alt_provision": "Westbourne Learning Centre (alternative provision)",
    "construction_course": "Harrow Road Training Hub: construction skills course",
    "groundworks": "Canal Side Civils Ltd: groundworks apprenticeship",
    "warehouse": "Northbank Logistics: warehouse operative",
    "college": "Paddington Green Further Education College: Level 1 sport and maths",
    "kitchen_volunteer": "Queens Park Community Kitchen",
    "kitchen_job": "Little Venice Cafe: kitchen assistant",
    "fitness_course": "Active Futures: fitness instructor Level 2 course",
    "retail": "Edgware Road Supermarket: customer assistant",
    "hospitality": "Maida Hotel: housekeeping team",
    "motor_vehicle": "Westway Motors: motor vehicle apprenticeship",
}

EET_REASONS: dict[EetActivity, tuple[str, ...]] = {
    EetActivity.NEET: ("Coaching plan started; not in education, employment or training.",),
    EetActivity.EDUCATION: ("Place offered after application and interview.",),
    EetActivity.TRAINING: ("Enrolled on a short course to build skills and a routine.",),
    EetActivity.APPRENTICESHIP: ("Apprenticeship offered after interview.",),
    EetActivity.EMPLOYMENT: ("Job offered after interview.",),
    EetActivity.VOLUNTEERING: ("Started volunteering to build confidence and a reference.",),
}
DROPPED_OUT = (
    "Stopped attending the course: the route to the centre passes through an area where "
    "{name} is not safe, and the alternative bus route takes over an hour."
)

# Per standard barrier code: what it is, and what is being done about it.
BARRIERS: dict[str, tuple[str, str]] = {
    "no_id": (
        "No passport or driving licence; birth certificate lost in a house move.",
        "Coach paid for a replacement birth certificate and a provisional licence application.",
    ),
    "no_bank_account": (
        "No bank account: employers need one to pay wages.",
        "Coach wrote a letter confirming address; appointment booked at a local bank branch.",
    ),
    "criminal_record": (
        "Unspent conviction; worried about what to say to employers.",
        "Worked on a disclosure letter together; checked with a disclosure advice line.",
    ),
    "literacy_numeracy": (
        "Reading is slow and maths confidence is low; avoids forms.",
        "Functional skills assessment booked; coach helps with forms in sessions.",
    ),
    "housing": (
        "Sofa surfing between relatives; no fixed address for letters.",
        "Referred to housing options; letters sent care of the unit for now.",
    ),
    "travel_safety": (
        "Cannot travel safely through a rival group's area, which rules out the nearest centres.",
        "Routes planned around the area with the key worker; travel pass from the bursary.",
    ),
    "health": (
        "Anxiety in new places and crowded spaces; sleep is poor.",
        "GP appointment made with support; first visits to new places done with the coach.",
    ),
    "no_phone_internet": (
        "Phone often out of credit; no internet at home.",
        "Data top-ups from the unit's fund; library computer used for applications.",
    ),
}

# Goal themes: description, how progress is measured, the milestone that achieves it (None for a
# goal no milestone closes), and actions (description, owner, agency when another agency owns it).
Action = tuple[str, ActionOwner, str]
GOALS: dict[str, tuple[str, str, MilestoneKind | None, tuple[Action, ...]]] = {
    "documents": (
        "Get photo ID",
        "Provisional driving licence received",
        MilestoneKind.ID_OBTAINED,
        (
            ("Find birth certificate or ask family for it", ActionOwner.YOUNG_PERSON, ""),
            ("Pay for replacement certificate from the ID fund", ActionOwner.COACH, ""),
            ("Send the licence application with the coach", ActionOwner.YOUNG_PERSON, ""),
        ),
    ),
    "bank": (
        "Open a bank account",
        "Account open and bank card received",
        MilestoneKind.BANK_ACCOUNT,
        (
            ("Write a letter confirming address", ActionOwner.COACH, ""),
            ("Go to the bank appointment with ID", ActionOwner.YOUNG_PERSON, ""),
        ),
    ),
    "cv": (
        "Write a CV",
        "CV finished and saved on phone and email",
        MilestoneKind.CV_WRITTEN,
        (
            ("List past jobs, volunteering and things done well", ActionOwner.YOUNG_PERSON, ""),
            ("Type up the CV together in a session", ActionOwner.COACH, ""),
        ),
    ),
    "cscs": (
        "Get a CSCS card",
        "Health and safety test passed and card received",
        MilestoneKind.CSCS_CARD,
        (
            ("Revise for the health and safety test", ActionOwner.YOUNG_PERSON, ""),
            ("Book and pay for the test", ActionOwner.COACH, ""),
        ),
    ),
    "card": (
        "Get a food hygiene certificate",
        "Level 2 certificate received",
        MilestoneKind.OTHER_CARD,
        (
            ("Finish the online food hygiene course", ActionOwner.YOUNG_PERSON, ""),
            ("Arrange the course login", ActionOwner.OTHER_AGENCY, "Queens Park Community Kitchen"),
        ),
    ),
    "course": (
        "Start a course",
        "Enrolled and attending the first week",
        MilestoneKind.COURSE_START,
        (
            ("Fill in the application form", ActionOwner.YOUNG_PERSON, ""),
            ("Send a reference to the provider", ActionOwner.COACH, ""),
            ("Confirm start date and bursary", ActionOwner.OTHER_AGENCY, "Course provider"),
        ),
    ),
    "apprenticeship": (
        "Start an apprenticeship",
        "Contract signed and first day attended",
        MilestoneKind.APPRENTICESHIP_START,
        (
            ("Apply for three apprenticeships", ActionOwner.YOUNG_PERSON, ""),
            ("Practise interview questions", ActionOwner.COACH, ""),
            ("Confirm travel support for the first month", ActionOwner.OTHER_AGENCY, "Jobcentre"),
        ),
    ),
    "job": (
        "Find paid work",
        "Job offer accepted and first shift worked",
        MilestoneKind.JOB_START,
        (
            ("Apply for two jobs a week", ActionOwner.YOUNG_PERSON, ""),
            ("Look for employers open to people with convictions", ActionOwner.COACH, ""),
            ("Book a work coach appointment", ActionOwner.OTHER_AGENCY, "Jobcentre"),
        ),
    ),
    "sustain": (
        "Stay in work or training for 13 weeks",
        "Still attending after 13 weeks, checked with the employer or provider",
        MilestoneKind.SUSTAINED_13,
        (
            ("Check in with the coach every two weeks", ActionOwner.YOUNG_PERSON, ""),
            ("Agree a plan with the supervisor for late shifts", ActionOwner.COACH, ""),
        ),
    ),
    "route": (
        "Find a course {name} can reach safely",
        "A course on a safe route, agreed with the key worker",
        None,
        (
            ("Map safe routes with the key worker", ActionOwner.OTHER_AGENCY, "IGXU gangs worker"),
            ("Ask two providers about online or nearby starts", ActionOwner.COACH, ""),
            ("Visit one centre with the coach", ActionOwner.YOUNG_PERSON, ""),
        ),
    ),
}

SESSION_DONE: dict[str, tuple[str, ...]] = {
    "early": (
        "Talked about what {name} wants from work and what has got in the way before.",
        "Went through the plan together; {name} chose which goal to start with.",
        "Looked at job and course websites together; {name} picked out three to read about.",
        "Worked on documents: checked what ID {name} has and what is missing.",
        "Wrote the first half of a CV; {name} remembered more work experience than expected.",
    ),
    "searching": (
        "Went through applications sent this week; one reply so far.",
        "Practised interview questions; {name} answered more fully by the end.",
        "Checked the route to the provider on a map and agreed a safe way to travel.",
        "Filled in an application form together at the library.",
        "Talked through how to explain the gap in the CV and the conviction, if asked.",
    ),
    "started": (
        "Check-in about the first weeks: {name} is getting on with the team and likes the work.",
        "Talked about a difficult shift; agreed how to raise it with the supervisor.",
        "Looked at pay slip and budget together; set up a savings pot.",
        "{name} said the early starts are hard but is managing; reviewed the alarm plan.",
        "Spoke about next steps after the course and what a reference could lead to.",
    ),
}
NEXT_STEPS: dict[str, tuple[str, ...]] = {
    "early": (
        "{name} to bring any documents to the next session.",
        "Coach to find two short courses with starts this month.",
        "Meet again next week at the same time.",
    ),
    "searching": (
        "{name} to send two applications before the next session.",
        "Coach to chase the provider about the interview date.",
        "Practise interview again next week.",
    ),
    "started": (
        "Check in again in two weeks; {name} to message if anything changes.",
        "Coach to speak to the supervisor about the rota, with {name}'s agreement.",
        "Keep going; next check-in after pay day.",
    ),
}
MISSED_NEXT = (
    "No answer at the time; text sent to rebook.",
    "Message sent through the key worker; rebooked for next week.",
    "{name} replied later that they overslept; rebooked.",
)

MILESTONE_EVIDENCE: dict[MilestoneKind, tuple[str, str]] = {
    MilestoneKind.CV_WRITTEN: ("CV finished in session", "Copy on file"),
    MilestoneKind.ID_OBTAINED: ("Provisional driving licence", "Seen by the coach"),
    MilestoneKind.BANK_ACCOUNT: ("Basic bank account", "Bank card seen by the coach"),
    MilestoneKind.CSCS_CARD: ("CSCS green labourer card", "Card seen by the coach"),
    MilestoneKind.OTHER_CARD: ("Food hygiene Level 2 certificate", "Certificate copy on file"),
    MilestoneKind.APPLICATION: ("", "Confirmation email seen"),
    MilestoneKind.INTERVIEW: ("", "Invitation letter seen"),
    MilestoneKind.OFFER: ("", "Offer email seen"),
    MilestoneKind.COURSE_START: ("", "Enrolment confirmed by the provider"),
    MilestoneKind.APPRENTICESHIP_START: ("", "Apprenticeship agreement seen"),
    MilestoneKind.JOB_START: ("", "Contract seen; start confirmed by the employer"),
    MilestoneKind.SUSTAINED_4: ("", "Attendance confirmed by phone with the supervisor"),
    MilestoneKind.SUSTAINED_13: ("", "Payslips seen for the period"),
    MilestoneKind.SUSTAINED_26: ("", "Employer confirmed still employed; payslip seen"),
}

REVIEWS: dict[str, tuple[str, ...]] = {
    "early": (
        "Plan reviewed with {name}. Good engagement; documents still the main task.",
        "Reviewed goals: CV done, applications next. Barriers discussed and updated.",
    ),
    "searching": (
        "Reviewed with {name}: applications going out, one interview so far. Goals kept.",
        "Progress slower than hoped after missed sessions; agreed a fixed weekly slot.",
    ),
    "started": (
        "Reviewed with {name} after the start: settling in well. Focus now on keeping it going.",
        "Review: attendance good, supervisor positive. Check-ins every two weeks from now.",
    ),
}
CLOSING_REASON = (
    "Settled in work for over 13 weeks and no longer needs regular coaching. {name} knows how "
    "to get back in touch; the key worker will keep the coach informed."
)


@dataclass(frozen=True)
class Move:
    """A change of activity `at` days after the plan's start, and the start milestone it makes."""

    at: int
    activity: EetActivity
    provider: str = ""  # a key of PROVIDERS
    hours: int | None = None
    start: MilestoneKind | None = None
    interviewed: bool = False  # an interview and an offer came before the start


@dataclass(frozen=True)
class Arc:
    """The course one demo plan follows."""

    started: tuple[int, int]  # days before the demo's today
    ages: tuple[int, int]  # at the plan's start
    first: EetActivity
    moves: tuple[Move, ...]
    prep: tuple[tuple[MilestoneKind, int], ...]  # milestones before any start, days after start
    barriers: tuple[tuple[str, BarrierStatus, MilestoneKind | None], ...]  # resolved by
    goals: tuple[str, ...]  # themes of GOALS
    review: str  # "due" within the week, "overdue" or "later"
    closes_after: int | None = None  # days after the last milestone


N, T, E = EetActivity.NEET, EetActivity.TRAINING, EetActivity.EMPLOYMENT
K = MilestoneKind
OPENED, ADDRESSED, RESOLVED = (
    BarrierStatus.OPEN,
    BarrierStatus.BEING_ADDRESSED,
    BarrierStatus.RESOLVED,
)
ARCS = (
    Arc((330, 345), (16, 23), N, (
        Move(60, T, "construction_course", 16, K.COURSE_START),
        Move(150, EetActivity.APPRENTICESHIP, "groundworks", 37, K.APPRENTICESHIP_START, True),
    ), ((K.CV_WRITTEN, 20), (K.BANK_ACCOUNT, 35), (K.CSCS_CARD, 80)), (
        ("no_bank_account", RESOLVED, K.BANK_ACCOUNT),
        ("criminal_record", RESOLVED, K.APPRENTICESHIP_START),
        ("travel_safety", ADDRESSED, None),
    ), ("cv", "cscs", "apprenticeship", "sustain"), "later"),
    Arc((345, 358), (17, 24), N, (Move(95, E, "warehouse", 30, K.JOB_START, True),), (
        (K.CV_WRITTEN, 15), (K.ID_OBTAINED, 30), (K.BANK_ACCOUNT, 45),
    ), (
        ("no_id", RESOLVED, K.ID_OBTAINED),
        ("no_bank_account", RESOLVED, K.BANK_ACCOUNT),
        ("criminal_record", RESOLVED, K.OFFER),
    ), ("documents", "bank", "job", "sustain"), "due"),
    Arc((300, 320), (15, 16), EetActivity.EDUCATION, (
        Move(120, EetActivity.EDUCATION, "college", 16, K.COURSE_START, True),
    ), (), (
        ("literacy_numeracy", ADDRESSED, None),
        ("travel_safety", RESOLVED, K.COURSE_START),
    ), ("course", "sustain"), "later"),
    Arc((240, 260), (17, 24), N, (
        Move(30, EetActivity.VOLUNTEERING, "kitchen_volunteer", 8),
        Move(170, E, "kitchen_job", 24, K.JOB_START, True),
    ), ((K.CV_WRITTEN, 20), (K.OTHER_CARD, 60), (K.BANK_ACCOUNT, 95)), (
        ("health", ADDRESSED, None),
        ("no_bank_account", RESOLVED, K.BANK_ACCOUNT),
    ), ("cv", "card", "job"), "due"),
    Arc((200, 215), (16, 22), N, (
        Move(45, T, "fitness_course", 16, K.COURSE_START),
        Move(85, N),
    ), ((K.CV_WRITTEN, 14),), (
        ("travel_safety", ADDRESSED, None),
        ("housing", OPENED, None),
    ), ("course", "sustain", "route"), "overdue"),
    Arc((300, 320), (18, 24), N, (Move(60, E, "retail", 25, K.JOB_START, True),), (
        (K.CV_WRITTEN, 12), (K.ID_OBTAINED, 25), (K.BANK_ACCOUNT, 35),
    ), (
        ("no_id", RESOLVED, K.ID_OBTAINED),
        ("no_bank_account", RESOLVED, K.BANK_ACCOUNT),
    ), ("documents", "job", "sustain"), "later", closes_after=6),
    Arc((18, 28), (16, 24), N, (), (), (
        ("no_id", OPENED, None),
        ("no_phone_internet", ADDRESSED, None),
        ("criminal_record", OPENED, None),
    ), ("documents", "cv", "job"), "later"),
    Arc((120, 140), (16, 24), N, (Move(55, T, "construction_course", 30, K.COURSE_START),), (
        (K.CV_WRITTEN, 10), (K.CSCS_CARD, 70),
    ), (
        ("travel_safety", ADDRESSED, None),
        ("criminal_record", OPENED, None),
    ), ("cv", "course", "cscs"), "due"),
    Arc((160, 180), (17, 24), N, (Move(100, E, "hospitality", 20, K.JOB_START, True),), (
        (K.CV_WRITTEN, 14), (K.ID_OBTAINED, 40),
    ), (
        ("housing", ADDRESSED, None),
        ("no_id", RESOLVED, K.ID_OBTAINED),
    ), ("documents", "job", "sustain"), "later"),
    Arc((90, 110), (16, 22), N, (
        Move(60, EetActivity.APPRENTICESHIP, "motor_vehicle", 37, K.APPRENTICESHIP_START, True),
    ), ((K.CV_WRITTEN, 12),), (("literacy_numeracy", ADDRESSED, None),), (
        "cv", "apprenticeship",
    ), "later"),
)  # fmt: skip
