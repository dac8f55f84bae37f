"""The Family therapy section: cases, sessions, session notes, outcome measures, documents."""
