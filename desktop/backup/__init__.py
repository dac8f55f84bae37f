"""Encrypted backups: a local snapshot, a manifest, a verified copy, rotation and restore."""
