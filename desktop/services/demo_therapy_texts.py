"""The words demo family-therapy records are written with: plausible, invented, non-graphic."""

from __future__ import annotations

from desktop.models.choices import TherapyModel

# Placeholders filled per family: {name} the young person, {carer} the parent or carer as the
# family calls them, {he}/{his}/{him} (and capitalised) the young person's pronouns.

REFERRALS: dict[TherapyModel, tuple[str, str]] = {
    TherapyModel.SYSTEMIC: (
        "Key worker asked for family work: arguments at home have escalated since {name} began "
        "staying out late, and {carer} feels the family has stopped talking.",
        "Help the family talk about worries without rows; agree evening routines; {carer} and "
        "{name} to feel heard by each other.",
    ),
    TherapyModel.FUNCTIONAL: (
        "Referred after a fixed-term exclusion and two missing episodes; {carer} asked for "
        "help with boundaries and is worried about older peers.",
        "Reduce blame and conflict at home; a shared plan for curfew and phone use; "
        "{name} back into full-time education.",
    ),
    TherapyModel.MULTISYSTEMIC: (
        "Multi-agency plan (MACE) recommended intensive family work alongside the key worker; "
        "concerns about exploitation and school attendance.",
        "Strengthen {carer}'s monitoring and links with school; {name} spending time with "
        "safer peers; a safety plan the whole family knows.",
    ),
    TherapyModel.PARENTING: (
        "{carer} asked for support with parenting a teenager after {name} was stopped by "
        "police with older young people.",
        "{carer} to feel more confident setting limits calmly; repair the relationship after "
        "recent conflict; agree who {carer} can call for support.",
    ),
    TherapyModel.OTHER: (
        "Family asked for help after a bereavement in the extended family; {name} has become "
        "withdrawn and is spending more time away from home.",
        "Space to talk about the loss together; {carer} and {name} to find ways to check in.",
    ),
}

PHASES = ("early", "middle", "late")

OPENING: dict[str, tuple[str, ...]] = {
    "early": (
        "First meeting with the family. {carer} described the last few months as "
        "'walking on eggshells'; {name} said {he} came because {he} was asked to.",
        "Family came to talk about the arguments about curfew. {carer} worried about who "
        "{name} spends time with; {name} said the worry is 'over the top'.",
        "Agreed how we will work together and what can stay private. {name} was quiet but "
        "stayed for the whole session.",
    ),
    "middle": (
        "Family brought a row about {name} coming home after midnight at the weekend; both "
        "said it ended better than the last one.",
        "{carer} reported that school had called about attendance. {name} said lessons feel "
        "pointless and {he} is behind.",
        "Session focused on phone use and money. {carer} feels shut out; {name} said {he} "
        "needs some things to be {his} own.",
        "{name} talked more than in earlier sessions, mostly about football and a cousin "
        "{he} looks up to.",
        "{carer} described a calmer week; one disagreement about chores that was sorted "
        "without shouting.",
    ),
    "late": (
        "Family reviewed what has changed since we started. {carer} said home feels "
        "'lighter'; {name} agreed, with some jokes.",
        "{name} has kept to the agreed curfew on most nights and has started a course at "
        "the youth centre.",
        "Session used to plan for ending and for what the family will do if things slip.",
    ),
}
REPORTED = (
    "{carer}: 'I just want to know {he} is safe.' {name}: 'You never believe anything I say.'",
    "{carer} said the week had been 'up and down' and that {name} had been helpful with the "
    "younger ones.",
    "{name} said things at home are better when {he} is not questioned as soon as {he} walks in.",
    "{carer} reported fewer late nights and said {he} has been answering {his} phone.",
    "{name} said {he} felt left out of decisions; {carer} said {he} had not realised this.",
)
OBSERVED = (
    "{name} sat apart at first and moved closer during the session; eye contact improved.",
    "{carer} spoke for {name} several times; when invited to wait, {name} answered for {him}self.",
    "Warm moments when the family remembered a holiday; tension rose when school came up.",
    "Both listened without interrupting during the reflecting exercise.",
    "{name} appeared tired but engaged; {carer} was tearful briefly and recovered.",
)
HYPOTHESES = (
    "{carer}'s questioning may be heard by {name} as distrust, and {his} silence heard as "
    "secrecy: a cycle that feeds both worries.",
    "The family's closeness is a strength; fear of losing {name} to the street may be "
    "driving tighter control, which pushes {him} away.",
    "Older peers may be offering {name} belonging and status that {he} does not find at "
    "school or at home.",
    "Changes in the household (a move, a new partner) may have left {name} unsure of "
    "{his} place in the family.",
)
ASSESSMENT = (
    "Family engaging well; communication improving, though conflict returns under stress.",
    "Early stage: trust is building. Goals remain relevant; no change to the plan.",
    "Good progress on the routines goal; school attendance remains the main concern.",
    "{carer} is more confident in setting limits calmly; {name} responding better to "
    "negotiated rules than imposed ones.",
    "Some drift this fortnight after missed sessions; engagement recovered in this session.",
)
INTERVENTIONS: dict[str, tuple[str, ...]] = {
    "early": (
        "Genogram with the family; circular questions about who worries most and how.",
        "Explored each member's hopes for the work; agreed ground rules for sessions.",
        "Mapped the family's week to find calmer and harder times.",
    ),
    "middle": (
        "Circular questions about the last argument; reframed {carer}'s checking as care.",
        "Reflecting conversation: each member described what they heard the other say.",
        "Problem-solving on curfew: the family drafted a plan with a 'check-in' text.",
        "Externalised 'the worry' as something the family faces together.",
        "Explored exceptions: times when disagreements ended well, and what helped.",
    ),
    "late": (
        "Reviewed goals and the family's scaling of progress (from 3 to 7 out of 10).",
        "Relapse-prevention planning: early signs and who the family can call.",
        "Reflected on the work together and prepared the ending letter.",
    ),
}
RESPONSES = (
    "{carer} engaged readily; {name} was guarded at first and joined in by the end.",
    "Both found the exercise useful; {name} said it was 'not as cringe as expected'.",
    "{carer} became defensive when school was raised, then reflected on it later on.",
    "{name} offered ideas for the plan for the first time.",
    "The family agreed the plan and wrote it on the kitchen calendar.",
)
PLANS: dict[str, tuple[str, ...]] = {
    "early": (
        "Next session in a week; whole household invited. Family to notice one calm moment.",
        "Continue engagement; ask {name} to bring something {he} is proud of.",
    ),
    "middle": (
        "Try the check-in text for two weeks and review. Same time next week.",
        "Invite {name}'s older sibling to the next session if they are willing.",
        "Liaise with the key worker about the school meeting (with the family's consent).",
        "Continue work on the routines plan; revisit the genogram.",
    ),
    "late": (
        "Two more sessions, then a review with the key worker; ending to be planned together.",
        "Space the next sessions to fortnightly as agreed with the family.",
    ),
}
RISK_NONE = (
    "Asked about safety at home and outside; no new concerns raised by anyone.",
    "Checked in about the weekend and who {name} was with; nothing of concern reported.",
    "No risk or safeguarding concerns identified in this session.",
    "Asked about missing episodes and unexplained items; none since the last session.",
)
RISK_CONCERN = (
    "{carer} reported that {name} came home with a new phone and cash {he} would not explain, "
    "and has been collected late at night by an older male not known to the family. {name} "
    "did not want to talk about it. Concern about possible criminal exploitation: key worker "
    "informed the same day and the concern passed to the case."
)
SUMMARIES: dict[str, tuple[str, ...]] = {
    "early": (
        "Family attended and agreed how we will work together. Focus: communication at home.",
        "Good first session; the family set goals around routines and talking calmly.",
    ),
    "middle": (
        "Family session on routines and curfew; a plan agreed to try at home.",
        "Session focused on communication; family engaged well and practised listening.",
        "Progress on the routines plan; school attendance remains a focus.",
    ),
    "late": (
        "Family reviewed progress; things are calmer at home. Planning for ending.",
        "Family reports steady progress; relapse-prevention plan agreed.",
    ),
}
PROCESS_NOTES = (
    "Noticed I was aligning with {carer} in the first half; check neutrality next time.",
    "Something about {name}'s silence when the cousin was mentioned. Hold this lightly.",
    "Felt the pull to rescue; take to supervision.",
    "The family's humour may be protective; consider how to stay with the hard bits.",
    "Wonder about the voices not in the room: who speaks for them here?",
)
LATE_ENTRY_BODY = "Late entry: note written on return from annual leave, from session jottings."
DRAFT_BODY = "Draft: finish after speaking to the key worker."
ADDENDUM = (
    "Addendum: {carer} phoned after the session to say the school meeting has been moved to "
    "next week. No change to the plan."
)
CLOSING_SUMMARY = (
    "Family therapy ended by agreement after {sessions} sessions. The family reports fewer "
    "arguments, an agreed routine for evenings and weekends, and {carer} and {name} feel "
    "able to talk about worries without falling out. SCORE-15 scores improved over the "
    "work. The key worker continues to support {name}; the family knows how to ask for "
    "family work again."
)
