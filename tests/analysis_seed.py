"""Young people referred for the analyst's tests: counts of a chosen make-up, with names and a
date of birth that tests can look for (and must never find) in what the analyst sees."""

from __future__ import annotations

from datetime import date

from desktop.models.choices import Ethnicity, Gender, ReferralSource
from desktop.services.people_service import PeopleService, PersonDetails
from desktop.services.referral_service import ReferralInput, ReferralService
from desktop.services.sign_in_service import SignedIn
from tests.conftest import FakeClock

GIVEN, FAMILY, BORN = "Canary", "Zebedee", date(2009, 5, 1)


def add_referred(
    signed_in: SignedIn,
    clock: FakeClock,
    ethnicity: Ethnicity,
    how_many: int,
    source: ReferralSource = ReferralSource.SCHOOL,
    on: date = date(2025, 2, 1),
) -> None:
    """`how_many` boys born 1 May 2009 of one ethnicity, each referred once on `on`."""
    people = PeopleService(signed_in.vault.sessions, signed_in.user, clock)
    referrals = ReferralService(signed_in.vault.sessions, signed_in.user, clock)
    for number in range(how_many):
        person_id = people.create(
            PersonDetails(
                given_name=f"{GIVEN}{number}",
                family_name=FAMILY,
                date_of_birth=BORN,
                gender=Gender.MALE,
                ethnicity=ethnicity,
            )
        )
        referrals.add_referral(person_id, ReferralInput(on, source, reason="Seen with a knife."))
