"""The Analysis section: figures without names, for the analyst and the coordinator."""
