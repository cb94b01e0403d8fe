"""Database handle and base model shared by every table."""
from datetime import datetime

from peewee import DatabaseProxy, Model

# Initialised by models.database.open_database() once the path or URL is known.
db = DatabaseProxy()


def now() -> datetime:
    # Seconds are enough for a shop; microseconds only make exported sheets noisy.
    return datetime.now().replace(microsecond=0)


class BaseModel(Model):
    class Meta:
        database = db
        legacy_table_names = False
