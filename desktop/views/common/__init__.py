"""Widgets and helpers shared by every area."""
