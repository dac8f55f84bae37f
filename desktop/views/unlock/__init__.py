"""The unlock screen and the first-run wizard."""
