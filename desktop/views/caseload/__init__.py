"""The caseload: list of young people and their records."""
