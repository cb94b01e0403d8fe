"""PySide6 windows, pages, dialogs and table models. No SQL here: call services."""
