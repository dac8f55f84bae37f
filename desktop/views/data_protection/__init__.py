"""Data protection screens: subject access requests, retention review, restricted records."""
