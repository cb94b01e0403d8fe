"""Bringing files into the shop: preview, commit as one batch, undo."""
