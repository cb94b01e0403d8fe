"""Care (schema v3): satisfaction surveys, their answers, and quality marks on buyers.

MODELS lists this module's tables in creation order; models/__init__ adds them to
ALL_MODELS and the v3 migration creates them.

Quality marks live in a table of their own so the customer table stays as it is;
a customer has at most one mark row (gone again when quality and credit are empty).
"""
from peewee import (BooleanField, CharField, DateField, DateTimeField, ForeignKeyField,
                    IntegerField, TextField)

from .base import BaseModel, now
from .contact import ContactLog
from .customer import Customer

# SurveyResponse.source
CALLBACK, IMPORT, MANUAL = 'callback', 'import', 'manual'
RESPONSE_SOURCES = (CALLBACK, IMPORT, MANUAL)
# CustomerMark.quality ('' = not marked)
GOOD, NORMAL, BAD = 'good', 'normal', 'bad'
QUALITIES = (GOOD, NORMAL, BAD)


class Survey(BaseModel):
    """A short survey the owner defines: an overall score 1-5 plus a few questions.

    `questions` is a JSON list of {"id", "text", "kind" (score/choice/text),
    "choices": [...], "field": custom field name or ""}; ids stay when a survey is
    edited, so answers keep pointing at their question.
    """
    name = CharField(max_length=64, unique=True)
    active = BooleanField(default=True)
    questions = TextField(default='[]')
    created_at = DateTimeField(default=now)
    updated_at = DateTimeField(default=now)


class SurveyResponse(BaseModel):
    """One buyer's answers to one survey on one day (a re-import updates it)."""
    survey = ForeignKeyField(Survey, on_delete='CASCADE', index=False)   # composite below
    customer = ForeignKeyField(Customer, on_delete='CASCADE', index=False)
    answered_at = DateField()
    score = IntegerField()                                 # 1-5, overall satisfaction
    # JSON list of {"id", "q", "a"}: the question's text is kept with the answer, so a
    # response still reads right after its survey was edited.
    answers = TextField(default='')
    source = CharField(max_length=8, default=MANUAL)
    contact = ForeignKeyField(ContactLog, null=True, on_delete='SET NULL')
    created_at = DateTimeField(default=now)

    class Meta:
        indexes = (
            (('customer', 'survey', 'answered_at'), True),
            # Satisfaction over time: monthly averages read the date and score only.
            (('answered_at', 'score'), False),
            (('survey', 'answered_at'), False),
        )


class CustomerMark(BaseModel):
    """The owner's quality mark (优质/一般/劣质, with a reason) and the buyer's platform
    credit level (e.g. 'heart3' = 3心, 'goldcrown1' = 1金冠), either may be empty."""
    customer = ForeignKeyField(Customer, unique=True, on_delete='CASCADE')
    quality = CharField(max_length=8, default='')
    reason = CharField(max_length=200, default='')
    credit = CharField(max_length=12, default='')
    updated_at = DateTimeField(default=now)

    class Meta:
        # The member filters select customer ids by quality or by credit level.
        indexes = ((('quality', 'customer'), False), (('credit', 'customer'), False))


MODELS: tuple = (Survey, SurveyResponse, CustomerMark)
