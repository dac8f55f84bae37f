"""Use cases the views and the CLI call: permission checks and audit entries live here."""
