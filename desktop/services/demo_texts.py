"""The words a demo vault is written with: plausible, invented, about no real person or place."""

from __future__ import annotations

from desktop.models.choices import ClosureOutcome, ClosureReason

KURDISH_NAMES = {
    "male": ("Karwan", "Hiwa", "Rebwar", "Aram", "Dilshad", "Shvan", "هيوا", "كاروان", "ئارام"),
    "female": ("Shilan", "Nasrin", "Dilan", "Zhyan", "Avin", "شيلان", "نەسرین", "ڤین"),
    "family": ("Ahmadi", "Karimi", "Rahimi", "Mohammadi", "Rashid", "أحمدي", "كريمي", "رشيد"),
}
STREET_NAMES = (
    "Ghost",
    "Tiny",
    "K",
    "Lil Man",
    "Shadow",
    "Blade",
    "Youngs",
    "Smokey",
    "Trigga",
    "Zee",
    "Bugsy",
    "Flex",
)
REFERRAL_REASONS = (
    "Referred by school after repeated exclusions; concerns about older peers.",
    "Missing at weekends; possible county lines involvement.",
    "Sibling known to the unit; family asking for support.",
    "Victim of a robbery; worried about travelling through the estate.",
    "Wants an apprenticeship; linked to a peer group involved in violence.",
    "Found carrying a knife near the station; says it was for protection.",
    "Seen with adults known to police in a car late at night.",
    "Mother worried about new clothes, phones and cash she cannot explain.",
)
CHRONOLOGY = (
    (
        "visit",
        "Home visit with mum",
        "Talked about school and who he spends time with. Mum "
        "worried about late nights; agreed weekly visits.",
    ),
    (
        "phone",
        "Phone call with the young person",
        "Checked in after the weekend; quieter, said things were calm at home.",
    ),
    (
        "online_session",
        "Online mentoring session",
        "Worked on the CV and talked about the college open day.",
    ),
    (
        "ride_out_contact",
        "Seen on the ride-out",
        "Seen near the café on the high street with "
        "two older males; short chat, he said he was fine.",
    ),
    (
        "incident",
        "Reported assault near the canal",
        "Police report of an assault involving "
        "the young person as a victim; injuries minor. Return-home conversation planned.",
    ),
    (
        "meeting",
        "Professionals' meeting",
        "School, social care and YOT attended; plan reviewed, safety plan updated.",
    ),
    (
        "note",
        "Information from school",
        "Attendance down to 60 per cent this half term; head of year asked for a joint meeting.",
    ),
    (
        "incident",
        "Missing overnight",
        "Reported missing by carer at 23:00, returned at 09:30 "
        "with a new phone. Return-home interview to follow.",
    ),
)
CLOSING_OUTCOMES = (
    "Goals met: in college and no longer associating with the group.",
    "Moved out of the borough; case handed to the new local authority.",
    "Declined further support; no current safeguarding concerns.",
)
# Each closing outcome above as the categories the analyst counts, in the same order.
CLOSING_CATEGORIES = (
    (ClosureReason.GOALS_MET, ClosureOutcome.RISK_REDUCED),
    (ClosureReason.MOVED_AWAY, ClosureOutcome.SOME_PROGRESS),
    (ClosureReason.DECLINED, ClosureOutcome.NO_CHANGE),
)
GROUPS = (
    ("Northside Youngers", "Loose group of 14 to 17 year olds around the north estates."),
    ("Canal Crew", "Older group selling along the canal; recruits younger children."),
    ("Block C boys", "Peer group based on one block of the estate; rivalry with Canal Crew."),
    ("The Avenue", "Mixed group meeting after school at the shopping parade."),
)
PLACES = (
    ("Canal towpath by the lock", "park", "W2 6NB", "Poorly lit; reports of dealing."),
    ("Estate stairwell, Block C", "estate", "W9 3RS", "Groups gather late at night."),
    ("Number 18 bus route", "transport", "", "Fights on the top deck after school."),
    ("Chicken shop on the high street", "shop_or_takeaway", "W2 5TH", "After-school hangout."),
    ("Recreation ground", "park", "W10 4SB", "Reports of knife carrying at weekends."),
    ("Shopping parade", "shop_or_takeaway", "NW8 8NL", "Older males approaching pupils."),
)
PROFESSIONALS = (
    ("Social worker", "Children's social care"),
    ("YOT officer", "Youth justice service"),
    ("Head of year", "Secondary school"),
    ("School nurse", "Health"),
    ("Housing officer", "ASB housing team"),
    ("PC, safer schools", "Police"),
)
TASKS = (
    "Arrange a return-home interview",
    "Book the college open day visit",
    "Chase the school for the attendance report",
    "Review the safety plan with mum",
    "Send the MACE referral",
)


# The author's analysis of a demo incident (chosen by the summary, so the demo's random choices
# stay as they were).
INCIDENT_ANALYSES = (
    "Fits the pattern of late nights away from home; the risk of exploitation is rising.",
    "Seen with older peers already known to police: possible grooming into dealing.",
    "Unexplained cash and a second phone are indicators of criminal exploitation.",
    "Retaliation between the two groups is likely; consider a safety plan for travel.",
    "Isolated incident so far; mum is protective and engaged with the unit.",
)
