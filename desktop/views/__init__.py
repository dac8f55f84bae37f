"""Qt widgets, dialogs and item models, one folder per area."""
