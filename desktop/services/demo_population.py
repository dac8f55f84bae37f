"""The demo vault's borough youth population table: invented figures of a plausible size and
make-up for an inner-London borough's 10 to 25 year olds, so disproportionality has something to
compare against on a first look. Not census data, and labelled so."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from desktop.clock import Clock
from desktop.services.current_user import CurrentUser
from desktop.services.population_service import PopulationService

DEMO_SOURCE = "Demo figures (invented, not census data)"
DEMO_POPULATION = """category,group,population
ethnicity,white_british,9800
ethnicity,white_irish,300
ethnicity,white_gypsy_traveller,80
ethnicity,white_roma,150
ethnicity,white_other,3100
ethnicity,mixed_white_black_caribbean,1200
ethnicity,mixed_white_black_african,600
ethnicity,mixed_white_asian,700
ethnicity,mixed_other,900
ethnicity,asian_indian,1500
ethnicity,asian_pakistani,1100
ethnicity,asian_bangladeshi,1900
ethnicity,asian_chinese,500
ethnicity,asian_other,900
ethnicity,black_african,3200
ethnicity,black_caribbean,1700
ethnicity,black_other,800
ethnicity,other_arab,400
ethnicity,other_any,1000
gender,female,15200
gender,male,15900
gender,non_binary,120
gender,other,60
age_band,10_13,7900
age_band,14_17,7600
age_band,18_21,7800
age_band,22_25,8100
"""


def add_population(sessions: sessionmaker[Session], analyst: CurrentUser, clock: Clock) -> None:
    PopulationService(sessions, analyst, clock).import_csv(DEMO_POPULATION, DEMO_SOURCE)
