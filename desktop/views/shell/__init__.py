"""The main window: navigation, status bar, lock and unlock."""
