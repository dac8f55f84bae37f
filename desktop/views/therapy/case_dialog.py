"""The dialog to start or edit a therapy case: the household from the caseload, the therapist,
the model of work, the referral and consent, goals, and when the work began and ended."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from desktop.models.choices import TherapyModel
from desktop.services.bundle import Services
from desktop.services.therapy_records import CaseInput, HouseholdChoice
from desktop.views.caseload.tabs.dialog_fields import date_field, date_of, text_area
from desktop.views.caseload.tabs.tab_parts import hint
from desktop.views.therapy.therapy_case_parts import TherapySavingDialog, local_today

ID = Qt.ItemDataRole.UserRole


def checkable(text: str, item_id: int, checked: bool) -> QListWidgetItem:
    item = QListWidgetItem(text)
    item.setData(ID, item_id)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
    return item


def checked_ids(widget: QListWidget) -> tuple[int, ...]:
    return tuple(
        int(widget.item(row).data(ID))
        for row in range(widget.count())
        if widget.item(row).checkState() == Qt.CheckState.Checked
    )


def person_text(choice: HouseholdChoice) -> str:
    age = f"{choice.age}" if choice.age is not None else "age not known"
    return f"{choice.name} · {age} · {choice.case_reference}"


class CaseDialog(TherapySavingDialog):
    def __init__(
        self,
        choices: list[HouseholdChoice],
        therapists: list[tuple[int, str]],
        me: int,
        today: date,
        current: CaseInput | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__("New therapy case" if current is None else "Edit therapy case", parent)
        details = current or CaseInput(therapist_id=me, started_on=today)
        self._choices = {choice.young_person_id: choice for choice in choices}

        self.young_people = QListWidget()
        self.young_people.setAccessibleName("Young people")
        for choice in choices:
            self.young_people.addItem(
                checkable(
                    person_text(choice),
                    choice.young_person_id,
                    choice.young_person_id in details.young_person_ids,
                )
            )
        self.contacts = QListWidget()
        self.contacts.setAccessibleName("Family members")
        self.contacts.setWordWrap(True)
        self.contacts.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._chosen_contacts = set(details.contact_ids)
        self.no_contacts = hint("Family contacts on the chosen young people's records.", True)
        self.therapist = QComboBox()
        self.therapist.setAccessibleName("Therapist")
        for account_id, name in therapists:
            self.therapist.addItem(name, account_id)
        found = self.therapist.findData(details.therapist_id)
        self.therapist.setCurrentIndex(max(found, 0))
        # A therapist's cases are their own: the one name is shown, not offered.
        self.therapist.setEnabled(len(therapists) > 1)
        self.model_of_work = QComboBox()
        self.model_of_work.setAccessibleName("Model of work")
        for model in TherapyModel:
            self.model_of_work.addItem(model.label, model.value)
        self.model_of_work.setCurrentIndex(self.model_of_work.findData(details.model_of_work.value))

        self.referred_on = date_field(details.referred_on, empty_text="Not recorded", latest=today)
        self.referred_on.setAccessibleName("Referred on")
        self.referral_reason = text_area("Why the family was referred, and by whom", 2)
        self.referral_reason.setAccessibleName("Referral reason")
        self.referral_reason.setPlainText(details.referral_reason)
        self.consent_given = QCheckBox("The family consented to family therapy")
        self.consent_given.setChecked(details.consent_given)
        self.consent_on = date_field(
            details.consent_recorded_on, empty_text="Date not recorded", latest=today
        )
        self.consent_on.setAccessibleName("Consent recorded on")
        self.goals = text_area("What the family wants to change", 2)
        self.goals.setAccessibleName("Goals")
        self.goals.setPlainText(details.goals)
        self.started_on = date_field(details.started_on, empty_text="Not started")
        self.started_on.setAccessibleName("Started")
        self.ended_on = date_field(details.ended_on, empty_text="Still open")
        self.ended_on.setAccessibleName("Ended")
        self.closing_summary = text_area("How the work ended and what changed", 2)
        self.closing_summary.setAccessibleName("Closing summary")
        self.closing_summary.setPlainText(details.closing_summary)

        household = QGroupBox("Family")
        left = QFormLayout(household)
        left.addRow("&Young people", self.young_people)
        left.addRow("Family &members", self.contacts)
        left.addRow("", self.no_contacts)
        left.addRow("&Therapist", self.therapist)
        left.addRow("Model of &work", self.model_of_work)
        work = QGroupBox("Referral and work")
        right = QFormLayout(work)
        right.addRow("&Referred on", self.referred_on)
        right.addRow("Referral r&eason", self.referral_reason)
        right.addRow("", self.consent_given)
        right.addRow("Consent &date", self.consent_on)
        right.addRow("&Goals", self.goals)
        right.addRow("&Started", self.started_on)
        right.addRow("E&nded", self.ended_on)
        right.addRow("&Closing summary", self.closing_summary)
        columns = QWidget()
        row = QHBoxLayout(columns)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(household, 1)
        row.addWidget(work, 1)
        self.form.addRow(columns)
        self.setMinimumWidth(900)
        if not choices:
            self.show_error("No young people on your caseload to choose from.")
        if not therapists:
            self.show_error("There is no active family therapist to give the case to.")

        self.young_people.itemChanged.connect(self._people_changed)
        self.contacts.itemChanged.connect(self._contacts_changed)
        self.consent_given.toggled.connect(self._consent_changed)
        self._people_changed()
        self._consent_changed()
        self.young_people.setFocus()

    # ---- what the form says --------------------------------------------------------------
    def details(self) -> CaseInput:
        model = TherapyModel(self.model_of_work.currentData())  # Qt keeps the code as a str
        consent = self.consent_given.isChecked()
        return CaseInput(
            therapist_id=int(self.therapist.currentData() or 0),
            model_of_work=model,
            young_person_ids=checked_ids(self.young_people),
            contact_ids=checked_ids(self.contacts),
            referred_on=date_of(self.referred_on),
            referral_reason=self.referral_reason.toPlainText(),
            consent_given=consent,
            consent_recorded_on=date_of(self.consent_on) if consent else None,
            goals=self.goals.toPlainText(),
            started_on=date_of(self.started_on),
            ended_on=date_of(self.ended_on),
            closing_summary=self.closing_summary.toPlainText(),
        )

    def problems(self) -> list[str]:
        found = []
        if self.therapist.currentData() is None:
            found.append("Choose the family therapist.")
        details = self.details()
        found.extend(details.problems())
        if details.ended_on and not details.started_on:
            found.append("Give the start date as well as the end date.")
        return found

    # ---- keeping the form consistent ------------------------------------------------------
    def _people_changed(self) -> None:
        """The family members offered are those on the chosen young people's records."""
        self.contacts.blockSignals(True)
        self.contacts.clear()
        offered = 0
        for person_id in checked_ids(self.young_people):
            choice = self._choices[person_id]
            first_name = choice.name.split()[0]
            for contact in choice.contacts:
                relation = contact.relationship or "Family"
                home = ", lives with them" if contact.lives_with else ""
                text = f"{contact.name} · {relation} of {first_name}{home}"
                self.contacts.addItem(
                    checkable(text, contact.id, contact.id in self._chosen_contacts)
                )
                offered += 1
        self.contacts.blockSignals(False)
        self.no_contacts.setText(
            "Family contacts on the chosen young people's records."
            if offered
            else "Choose a young person to see the family contacts on their record."
            if not checked_ids(self.young_people)
            else "No family contacts on their records: add them in the record's People tab."
        )

    def _contacts_changed(self, item: QListWidgetItem) -> None:
        # Remembered across changes to the young people, so unticking one and ticking them
        # again keeps their family as it was.
        contact_id = int(item.data(ID))
        if item.checkState() == Qt.CheckState.Checked:
            self._chosen_contacts.add(contact_id)
        else:
            self._chosen_contacts.discard(contact_id)

    def _consent_changed(self) -> None:
        self.consent_on.setEnabled(self.consent_given.isChecked())


def case_dialog(
    services: Services, current: CaseInput | None = None, parent: QWidget | None = None
) -> CaseDialog:
    """The dialog for a new case (current None) or for editing one, with this user's choices."""
    therapy = services.therapy
    return CaseDialog(
        therapy.household_choices(),
        therapy.therapist_choices(),
        services.user.account_id,
        local_today(services.clock.now()),
        current,
        parent,
    )
