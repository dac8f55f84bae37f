"""Administration: accounts, audit log, vault settings."""
