"""The Employment coaching section: plans, barriers, goals, sessions, milestones, documents."""
