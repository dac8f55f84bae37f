"""The `bench` command: timings measured on this machine, reported, never asserted in tests."""
