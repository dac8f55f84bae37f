"""The home screen a user sees first: their own work."""
