"""The Community section: partners, engagement activities and their insight reports."""
