"""Engine and session factory over sqlcipher3, migrations and integrity checks."""
