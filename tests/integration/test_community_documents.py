"""The insight report of an engagement activity and the strategy progress report as Word files:
what each holds, in order, with no empty heading, audited by field names only, and
password-protectable."""

from __future__ import annotations

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import docx
import pytest
from sqlalchemy import select

from desktop.exports.document_base import MARKING
from desktop.exports.password_protect import decrypt_docx, is_encrypted
from desktop.models.audit import AuditEntry
from desktop.models.choices import (
    ActionStatus,
    ActivityKind,
    AudienceKind,
    PartnerKind,
    StrategyOutcome,
)
from desktop.services import actions
from desktop.services.community_common import ActionInput
from desktop.services.community_document_service import (
    INSIGHT_REPORT,
    PROGRESS_REPORT,
    CommunityDocumentService,
)
from desktop.services.engagement_records import ActivityInput
from desktop.services.engagement_service import EngagementService
from desktop.services.partner_service import PartnerInput, PartnerService
from desktop.services.training_service import TrainingService
from tests.docx_reading import body_text, empty_headings, every_part, headings
from tests.meeting_fixtures import Unit

FINDING = "Isolation is common among women who arrived as adults."
RECOMMENDATION = "Offer parenting support in Sorani through the association."


def _documents(unit: Unit) -> CommunityDocumentService:
    return CommunityDocumentService(unit.signed_in.vault.sessions, unit.coordinator, unit.clock)


@pytest.fixture
def activity(unit: Unit) -> int:
    """A lunch with Kurdish women: attendance by audience, two partners (the report shared with
    one), findings, recommendations, and an action plan (one done)."""
    partners = PartnerService(unit.signed_in.vault.sessions, unit.coordinator, unit.clock)
    group = partners.create_partner(
        PartnerInput("Kurdish Women's Association", PartnerKind.COMMUNITY_GROUP)
    )
    gp = partners.create_partner(PartnerInput("Lisson Grove Health Centre", PartnerKind.HEALTH))
    engagement = EngagementService(unit.signed_in.vault.sessions, unit.coordinator, unit.clock)
    activity_id = engagement.create_activity(
        ActivityInput(
            ActivityKind.COMMUNITY_EVENT,
            "Lunch and conversation with Kurdish women",
            date(2025, 2, 20),
            "Community hall, Church Street",
            languages=("Kurdish (Sorani)", "English"),
            communities=("Iraqi Kurdish",),
            themes="Family life and parenting.",
            concerns="Mothers worry their sons are drawn into crime.",
            findings=FINDING,
            recommendations=RECOMMENDATION,
        )
    )
    engagement.set_attendance(activity_id, {AudienceKind.WOMEN: 18, AudienceKind.VOLUNTEERS: 3})
    engagement.set_partners(activity_id, [group, gp])
    engagement.set_outcomes(activity_id, [StrategyOutcome.TRUST])
    done = engagement.add_action(
        activity_id,
        ActionInput("Translate the leaflet into Sorani", owner_id=unit.worker.account_id),
        [StrategyOutcome.PARTICIPATION],
    )
    engagement.add_action(
        activity_id,
        ActionInput("Arrange a health drop-in", "Safeguarding GP", due_on=date(2025, 4, 1)),
        [StrategyOutcome.SERVICES],
    )
    engagement.set_action_status(done, ActionStatus.DONE)
    engagement.record_shares(activity_id, [group], date(2025, 3, 1))
    return activity_id


def test_insight_report_reads_back_in_order_with_counts_and_texts(
    unit: Unit, activity: int, tmp_path: Path
) -> None:
    path = _documents(unit).insight_report(activity, tmp_path / "insight")
    assert path.suffix == ".docx"
    document = docx.Document(str(path))
    assert headings(document, 1) == [
        "Who came",
        "Themes discussed",
        "Concerns raised",
        "Findings",
        "Recommendations",
        "Action plan",
    ]
    assert empty_headings(document) == []
    text = body_text(document)
    for expected in (
        "Lunch and conversation with Kurdish women",
        "20 February 2025",
        "Kurdish (Sorani), English",
        "Kurdish Women's Association (1 March 2025)",  # the distribution: shared with
        FINDING,
        RECOMMENDATION,
        "Translate the leaflet into Sorani",
        "Test Gangs worker",
        "Safeguarding GP",
        "1 April 2025",
        "Done\n14 March 2025",
    ):
        assert expected in text
    who_came = next(t for t in document.tables if t.rows[0].cells[0].text == "Audience")
    assert [[c.text for c in row.cells] for row in who_came.rows] == [
        ["Audience", "Number"],
        ["Women", "18"],
        ["Volunteers", "3"],
        ["Total", "21"],
    ]
    assert MARKING in every_part(path)

    with unit.signed_in.vault.sessions.begin() as session:
        (entry,) = session.execute(
            select(AuditEntry).where(AuditEntry.action == actions.DOCUMENT_EXPORTED)
        ).scalars()
        assert (entry.actor, entry.entity_type, entry.entity_id) == (
            unit.coordinator.username,
            "activity",
            str(activity),
        )
        assert entry.fields == ",".join(
            sorted(
                [
                    INSIGHT_REPORT,
                    "attendance",
                    "themes",
                    "concerns",
                    "findings",
                    "recommendations",
                    "action_plan",
                ]
            )
        )
        # Field names only: no text of the report, no path, in the audit log.
        audit = "\n".join(
            f"{e.entity_id} {e.fields} {e.outcome}"
            for e in session.execute(select(AuditEntry)).scalars()
        )
    for secret in ("Isolation", "Sorani", "insight.docx", str(tmp_path), "Kurdish"):
        assert secret not in audit


def test_insight_report_leaves_out_empty_parts_and_shows_training_ratings(
    unit: Unit, tmp_path: Path
) -> None:
    engagement = EngagementService(unit.signed_in.vault.sessions, unit.coordinator, unit.clock)
    session = engagement.create_activity(
        ActivityInput(ActivityKind.TRAINING, "RAGE training", date(2025, 3, 5))
    )
    TrainingService(unit.signed_in.vault.sessions, unit.coordinator, unit.clock).set_ratings(
        session, {2: 4, 3: 2}, {4: 5, 5: 1}
    )
    document = docx.Document(str(_documents(unit).insight_report(session, tmp_path / "rage")))
    assert headings(document, 1) == ["Confidence before and after"]
    assert empty_headings(document) == []
    text = body_text(document)
    assert "Average confidence rose by 1.8 on the scale of 5." in text
    assert "Not counted" in text  # no attendance recorded


def test_insight_report_can_be_password_protected(
    unit: Unit, activity: int, tmp_path: Path
) -> None:
    path = _documents(unit).insight_report(activity, tmp_path / "locked.docx", password="s3cret!")
    assert is_encrypted(path.read_bytes())
    opened = tmp_path / "opened.docx"
    opened.write_bytes(decrypt_docx(path.read_bytes(), "s3cret!"))
    assert FINDING in body_text(opened)
    (entry,) = unit.audit(actions.DOCUMENT_EXPORTED)
    assert "password_protected" in entry.fields.split(",")


def test_progress_report_lists_each_outcome(unit: Unit, activity: int, tmp_path: Path) -> None:
    path = _documents(unit).progress_report(
        date(2025, 1, 1), date(2025, 3, 31), tmp_path / "progress"
    )
    document = docx.Document(str(path))
    assert empty_headings(document) == []
    assert headings(document, 1) == ["Summary"] + [o.label for o in StrategyOutcome]
    text = body_text(document)
    assert "No activities or actions serving this outcome in the period." in text  # resilience
    assert "Lunch and conversation with Kurdish women" in text
    (entry,) = unit.audit(actions.DOCUMENT_EXPORTED)
    assert (entry.entity_type, entry.fields) == ("strategy", PROGRESS_REPORT)


if os.environ.get("CASEBOOK_RENDER_TESTS"):

    def test_insight_and_progress_reports_convert_to_pdf_with_libreoffice(
        unit: Unit, activity: int, tmp_path: Path
    ) -> None:
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            pytest.fail("CASEBOOK_RENDER_TESTS is set but LibreOffice (soffice) is not installed")
        out = Path(os.environ.get("CASEBOOK_RENDER_DIR") or tmp_path)
        written = [
            _documents(unit).insight_report(activity, out / "insight.docx"),
            _documents(unit).progress_report(
                date(2025, 1, 1), date(2025, 3, 31), out / "progress.docx"
            ),
        ]
        for document in written:
            result = subprocess.run(
                [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(out), str(document)],
                capture_output=True,
                text=True,
                timeout=180,
                check=False,
            )
            assert result.returncode == 0, result.stderr
            assert document.with_suffix(".pdf").stat().st_size > 10_000
