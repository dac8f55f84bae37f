"""The case-conference report: a title page, then each chosen section that has something in it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from docx.document import Document
from docx.enum.text import WD_BREAK
from docx.shared import Mm, Pt

from desktop.exports.document_base import (
    MARKING,
    TEXT_WIDTH,
    DocumentInfo,
    add_details_table,
    add_grid,
    add_label,
    add_notice,
    add_text,
    add_title,
    long_date,
    new_document,
    percent,
)
from desktop.exports.document_control import DocumentControl, add_document_control
from desktop.exports.rtl_text import add_script_runs
from desktop.services.conference_records import ConferencePack, PackSection, SeenLine

TITLE = "Case conference report"
NONE = "–"
SHARING_HEADING = "Basis for sharing"
NO_BASIS = (
    "No consent or decision to share is recorded on this young person's record. Record the "
    "lawful basis for sharing before this report goes to any other agency."
)


def build_conference_pack(
    pack: ConferencePack, section_done: Callable[[int], None] | None = None
) -> Document:
    """The document; section_done(n) is called after the n-th section (it may raise to stop)."""
    document = new_document(DocumentInfo(TITLE, pack.author, pack.made_at))
    _title_page(document, pack)
    _basis_for_sharing(document, pack)
    for number, section in enumerate(pack.sections, start=1):
        document.add_heading(f"{number}. {section.heading}", 1)
        WRITERS[section](document, pack)
        if section_done is not None:
            section_done(number)
    return document


def _title_page(document: Document, pack: ConferencePack) -> None:
    add_title(document, TITLE, "Integrated Gangs and Exploitation Unit")
    # Not a heading style: the name would then lead the navigation pane and the contents.
    # Script runs: an Arabic name is laid out right to left in a font that has its glyphs.
    for run in add_script_runs(document.add_paragraph(), pack.person_name, bold=True):
        run.font.size = Pt(16)
    add_details_table(
        document,
        [
            ("Young person", pack.person_name),
            ("Date of birth", long_date(pack.date_of_birth)),
            ("Case reference", pack.case_reference),
            ("Meeting date", long_date(pack.meeting_date, missing="To be confirmed")),
            ("Period covered", _period(pack.start, pack.end)),
            ("Prepared by", f"{pack.author}, {pack.author_role}"),
            ("Prepared on", long_date(pack.made_at.astimezone().date())),
        ],
    )
    document.add_paragraph("Document control", style="Heading 2")
    add_document_control(
        document,
        DocumentControl(
            version=pack.version,
            author=f"{pack.author}, {pack.author_role}",
            issued_on=pack.made_at.astimezone().date(),
            distribution=pack.distribution,
        ),
    )
    add_notice(
        document,
        f"{MARKING}. This report is for the case conference and the agencies invited to it. "
        "Do not share it further without the agreement of the Integrated Gangs and "
        "Exploitation Unit.",
    )
    document.add_paragraph("Contents", style="Heading 2")
    document.add_paragraph(SHARING_HEADING)
    for number, section in enumerate(pack.sections, start=1):
        document.add_paragraph(f"{number}. {section.heading}")
    document.paragraphs[-1].add_run().add_break(WD_BREAK.PAGE)


def _basis_for_sharing(document: Document, pack: ConferencePack) -> None:
    """Handling material, first after the title page whatever sections are chosen (unnumbered):
    on what basis each agency may receive the report, and plainly when no basis is recorded."""
    document.add_heading(SHARING_HEADING, 1)
    if not pack.sharing:
        add_notice(document, NO_BASIS)
        return
    add_grid(
        document,
        ("Agency", "Lawful basis", "Given or made by", "Date", "What may be shared"),
        [
            (
                line.agency,
                f"{line.basis}\n({line.kind.lower()})" if line.kind != line.basis else line.basis,
                line.given_by or NONE,
                _given_on(line.decided_on, line.review_on),
                line.scope or NONE,
            )
            for line in pack.sharing
        ],
        (Mm(30), Mm(27), Mm(32), Mm(29), TEXT_WIDTH - Mm(118)),
    )
    if pack.unshared_agencies:
        add_text(
            document,
            "No consent or decision to share is recorded for: "
            + ", ".join(pack.unshared_agencies)
            + ". Do not share this report with them until a basis is recorded.",
        )


def _given_on(decided_on: date, review_on: date | None) -> str:
    given = long_date(decided_on)
    return f"{given}\nreview by {long_date(review_on)}" if review_on is not None else given


def _period(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "The whole record"
    if start is None:
        return f"Up to {long_date(end)}"
    if end is None:
        return f"From {long_date(start)}"
    return f"{long_date(start)} to {long_date(end)}"


def _when(moment: datetime) -> str:
    return f"{long_date(moment.date())}\n{moment:%H:%M}"


def _contact(line: SeenLine) -> str:
    return f"{long_date(line.when.date())} at {line.when:%H:%M} ({line.kind.lower()}), by {line.by}"


# ---- sections ------------------------------------------------------------------------------
def _profile(document: Document, pack: ConferencePack) -> None:
    add_details_table(document, list(pack.profile))
    if pack.network:
        document.add_heading("Family and professional network", 2)
        add_grid(
            document,
            ("Name", "Relationship or role", "Agency", "Notes"),
            [(n.name, n.relationship, n.agency or NONE, n.notes or NONE) for n in pack.network],
            (Mm(42), Mm(38), Mm(40), TEXT_WIDTH - Mm(120)),
        )


def _last_seen(document: Document, pack: ConferencePack) -> None:
    seen = [line for line in pack.last_seen if line.in_person]
    if seen:
        add_label(document, "Last seen", _contact(seen[0]))
    if not pack.last_seen[0].in_person:
        add_label(document, "Last contact", _contact(pack.last_seen[0]))
    add_grid(
        document,
        ("Date", "Contact", "By", "What happened"),
        [(_when(s.when), s.kind, s.by, s.summary) for s in pack.last_seen],
        (Mm(34), Mm(26), Mm(30), TEXT_WIDTH - Mm(90)),
    )


def _referral(document: Document, pack: ConferencePack) -> None:
    for referral in pack.referrals:
        document.add_heading(f"Referral received {long_date(referral.received_on)}", 2)
        rows = [
            ("Source", referral.source),
            ("Referred by", referral.referrer or NONE),
            ("Reason", referral.reason or NONE),
            ("Concerns", referral.concerns or NONE),
            ("Decision", referral.decision),
        ]
        add_details_table(document, rows)


def _risk(document: Document, pack: ConferencePack) -> None:
    if pack.current_rag:
        add_label(document, "Current RAG rating", pack.current_rag)
    if pack.ratings:
        document.add_heading("RAG rating history", 2)
        add_grid(
            document,
            ("Date", "Rating", "Rationale", "Rated by"),
            [(long_date(r.rated_on), r.rating, r.rationale, r.by) for r in pack.ratings],
            (Mm(34), Mm(20), TEXT_WIDTH - Mm(86), Mm(32)),
        )
    if pack.flags:
        document.add_heading("Flags", 2)
        add_grid(
            document,
            ("Flag", "From – to", "Source", "Detail"),
            [
                (
                    f.label,
                    f"{long_date(f.started_on)} –\n{long_date(f.ended_on, missing='current')}",
                    f.source or NONE,
                    f.detail or NONE,
                )
                for f in pack.flags
            ],
            (Mm(40), Mm(37), Mm(34), TEXT_WIDTH - Mm(111)),
        )


def _events(document: Document, pack: ConferencePack) -> None:
    add_text(
        document,
        f"{len(pack.events)} significant event{'s' if len(pack.events) != 1 else ''}, oldest "
        "first. The analysis column is for the author's analysis of each event.",
    )
    add_grid(
        document,
        ("Date", "Type", "What happened", "By", "Analysis"),
        [(_when(e.when), e.kind, e.summary, e.by, e.analysis) for e in pack.events],
        (Mm(36), Mm(20), Mm(48), Mm(22), TEXT_WIDTH - Mm(126)),
    )


def _involvement(document: Document, pack: ConferencePack) -> None:
    disciplines: dict[str, list[tuple[str, str, str, str]]] = {}
    for line in pack.interventions:
        ended = long_date(line.ended_on, missing="ongoing")
        disciplines.setdefault(line.discipline, []).append(
            (
                line.kind,
                f"{long_date(line.started_on)} –\n{ended}",
                line.worker or NONE,
                "\n\n".join(part for part in (line.description, line.outcome) if part) or NONE,
            )
        )
    for discipline, rows in disciplines.items():
        document.add_heading(discipline, 2)
        add_grid(
            document,
            ("Intervention", "From – to", "Worker", "What and outcome"),
            rows,
            (Mm(36), Mm(37), Mm(30), TEXT_WIDTH - Mm(103)),
        )
    if pack.therapy:
        document.add_heading("Family therapy (shareable summaries)", 2)
        add_grid(
            document,
            ("Session", "Attendance", "Therapist", "Summary"),
            [(long_date(t.held_on), t.outcome, t.therapist, t.summary) for t in pack.therapy],
            (Mm(34), Mm(26), Mm(30), TEXT_WIDTH - Mm(90)),
        )
    if pack.coaching is not None:
        _coaching(document, pack)


def _coaching(document: Document, pack: ConferencePack) -> None:
    coaching = pack.coaching
    assert coaching is not None
    document.add_heading("Employment coaching progress", 2)
    attended = coaching.sessions_attended
    offered = coaching.sessions_offered
    add_details_table(
        document,
        [
            ("Employment coach", coaching.coach),
            ("Plan started", long_date(coaching.started_on)),
            ("Doing now", coaching.doing_now),
            (
                "Sessions in the period",
                f"{offered} offered, {attended} attended ({percent(attended, offered)})"
                if offered
                else "None in the period",
            ),
        ],
    )
    if coaching.goals:
        add_grid(
            document,
            ("Goal", "Status"),
            list(coaching.goals),
            (TEXT_WIDTH - Mm(50), Mm(50)),
        )
    if coaching.milestones:
        add_grid(
            document,
            ("Date", "Milestone"),
            [(long_date(day), kind) for day, kind in coaching.milestones],
            (Mm(40), TEXT_WIDTH - Mm(40)),
        )


def _views(document: Document, pack: ConferencePack) -> None:
    for view in pack.views:
        document.add_heading(view.whose, 2)
        add_text(document, view.words)


def _worries(document: Document, pack: ConferencePack) -> None:
    for heading, text in (
        ("What we are worried about", pack.worries),
        ("What is working well", pack.working_well),
        ("What needs to happen", pack.needs_to_happen),
    ):
        if text:
            document.add_heading(heading, 2)
            add_text(document, text)


def _recommendations(document: Document, pack: ConferencePack) -> None:
    add_text(document, pack.recommendations)


def _action_plan(document: Document, pack: ConferencePack) -> None:
    add_grid(
        document,
        ("", "Action", "Who", "By when"),
        [
            (str(number), row.action.strip(), row.who.strip() or NONE, row.by_when.strip() or NONE)
            for number, row in enumerate(pack.action_plan, start=1)
        ],
        (Mm(10), TEXT_WIDTH - Mm(90), Mm(45), Mm(35)),
    )


WRITERS: dict[PackSection, Callable[[Document, ConferencePack], None]] = {
    PackSection.PROFILE: _profile,
    PackSection.LAST_SEEN: _last_seen,
    PackSection.REFERRAL: _referral,
    PackSection.RISK: _risk,
    PackSection.EVENTS: _events,
    PackSection.INVOLVEMENT: _involvement,
    PackSection.VIEWS: _views,
    PackSection.WORRIES: _worries,
    PackSection.RECOMMENDATIONS: _recommendations,
    PackSection.ACTION_PLAN: _action_plan,
}
