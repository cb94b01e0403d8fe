"""File formats: reading platform exports and sheets, writing safe sheets. No Qt, no DB."""
