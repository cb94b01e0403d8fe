"""Survey answers per buyer: record (by hand, after a callback, or from a sheet), list,
delete.

A buyer answers a survey at most once a day: recording again for the same day (or
importing the same sheet again) updates that answer. Answers to questions that fill
a custom field write the buyer's field in the same transaction, unless the buyer
has a newer answer to the same survey (an old sheet never overwrites a newer answer).
The survey bonus (points, kind 'bonus', source 'survey:<id>') is given at most once
per survey per buyer.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime

from models import ContactLog, Customer, db, now
from models.care import MANUAL, RESPONSE_SOURCES, Survey, SurveyResponse

from ..errors import UserError, ValidationError
from .surveys import CHOICE, SCORE, SurveyInfo, get_survey

MAX_TEXT_ANSWER = 500
CALLBACK_PURPOSE = '满意度回访'


@dataclass
class ResponseInput:
    survey_id: int
    customer_id: int
    score: int                                    # 1-5
    answers: dict = field(default_factory=dict)   # question id -> answer
    answered_at: date | None = None               # None: today
    source: str = MANUAL
    contact_id: int | None = None


@dataclass
class Recorded:
    id: int
    created: bool                 # False: that day's answer was updated
    fields_written: list          # custom field names filled
    bonus_points: int = 0         # 0: no bonus given this time
    contact_id: int | None = None


@dataclass
class ResponseLine:
    id: int
    survey_id: int
    survey_name: str
    answered_at: date
    score: int
    answers: list                 # [(question, answer)] in the survey's order
    source: str
    contact_id: int | None


def check_score(value) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
        raise ValidationError('score', '满意度请打 1 到 5 分')
    return value


def check_answers(survey: SurveyInfo, answers: dict) -> dict:
    """question id -> cleaned answer (int for a score question, text otherwise); empty
    answers are left out. ValidationError names the question."""
    by_id = {q.id: q for q in survey.questions}
    custom = _custom_kinds()
    out = {}
    for qid, value in (answers or {}).items():
        q = by_id.get(qid)
        if q is None:
            raise ValidationError('answers', '问卷已修改过，请重新打开后再填写')
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        if q.kind == SCORE:
            if isinstance(value, str) and value.strip().isdigit():
                value = int(value.strip())
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                raise ValidationError('answers', f'“{q.text}”请打 1 到 5 分')
            out[qid] = value
            continue
        text = str(value).strip()
        if q.kind == CHOICE and text not in q.choices:
            raise ValidationError('answers', f'“{q.text}”只能选 {"、".join(q.choices)}')
        if len(text) > MAX_TEXT_ANSWER:
            raise ValidationError('answers', f'“{q.text}”的回答太长（最多{MAX_TEXT_ANSWER}个字）')
        kind = custom.get(q.field)
        if kind == 'number':
            try:
                float(text)
            except ValueError:
                raise ValidationError('answers', f'“{q.text}”要填进数字字段“{q.field}”，请填数字') from None
        elif kind == 'date':
            text = _date_text(text, q.text, q.field)
        out[qid] = text
    return out


def _date_text(text: str, question: str, field_name: str) -> str:
    m = re.fullmatch(r'(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?', text)
    try:
        day = date(*map(int, m.groups())) if m else date.fromisoformat(text)
    except ValueError:
        raise ValidationError('answers', f'“{question}”要填进日期字段“{field_name}”，'
                              '请写成 2024-05-06') from None
    return day.isoformat()


def _custom_kinds() -> dict:
    from ..custom_fields import list_fields
    return {f.name: f.kind for f in list_fields()}


def answers_json(survey: SurveyInfo, answers: dict) -> str:
    rows = [{'id': q.id, 'q': q.text, 'a': answers[q.id]} for q in survey.questions
            if q.id in answers]
    return json.dumps(rows, ensure_ascii=False) if rows else ''


def bonus_given(survey_id: int, customer_id: int) -> bool:
    from models import PointsEntry
    return PointsEntry.select().where(PointsEntry.customer == customer_id,
                                      PointsEntry.source == bonus_source(survey_id)).exists()


def bonus_source(survey_id: int) -> str:
    return f'survey:{survey_id}'


def record_response(r: ResponseInput, *, give_bonus: bool = False,
                    bonus_points: int | None = None, log_contact: str = '') -> Recorded:
    """Store one answer (one transaction). give_bonus: the survey points, once per survey
    per buyer (bonus_points None takes the points rules' default). log_contact: a
    channel code ('phone', 'wangwang' ...) to also write a 满意度回访 contact record."""
    survey = get_survey(r.survey_id)
    score = check_score(r.score)
    answers = check_answers(survey, r.answers)
    if r.source not in RESPONSE_SOURCES:
        raise ValidationError('source', f'未知的答卷来源：{r.source}')
    day = r.answered_at or date.today()
    if day > date.today():
        raise ValidationError('answered_at', '答卷日期不能晚于今天')
    with db.atomic():
        _check_live(r.customer_id)
        contact_id = r.contact_id
        if log_contact and contact_id is None:
            contact_id = ContactLog.create(
                customer=r.customer_id, channel=log_contact, purpose=CALLBACK_PURPOSE,
                result=f'满意度 {score} 分', at=now()).id
        rid, created = save_answer(survey, r.customer_id, day, score, answers, r.source,
                                   contact_id)
        written = fill_fields(survey, r.customer_id, day, answers)
        points = 0
        if give_bonus and not bonus_given(survey.id, r.customer_id):
            points = give_survey_bonus(survey, r.customer_id, bonus_points)
    return Recorded(rid, created, written, points, contact_id)


def _check_live(customer_id: int) -> None:
    row = Customer.select(Customer.deleted_at).where(Customer.id == customer_id).tuples().first()
    if row is None:
        raise UserError('这位顾客已不存在')
    if row[0] is not None:
        raise UserError('这位顾客在回收站里，恢复后才能记录问卷。')


def save_answer(survey: SurveyInfo, customer_id: int, day: date, score: int, answers: dict,
                source: str, contact_id: int | None = None) -> tuple[int, bool]:
    """Insert or update the buyer's answer of that day; (id, created). Inside a transaction."""
    text = answers_json(survey, answers)
    old = SurveyResponse.get_or_none(SurveyResponse.survey == survey.id,
                                     SurveyResponse.customer == customer_id,
                                     SurveyResponse.answered_at == day)
    if old is None:
        return SurveyResponse.create(survey=survey.id, customer=customer_id, answered_at=day,
                                     score=score, answers=text, source=source,
                                     contact=contact_id).id, True
    values = {SurveyResponse.score: score, SurveyResponse.answers: text,
              SurveyResponse.source: source}
    if contact_id is not None:
        values[SurveyResponse.contact] = contact_id
    SurveyResponse.update(values).where(SurveyResponse.id == old.id).execute()
    return old.id, False


def fill_fields(survey: SurveyInfo, customer_id: int, day: date, answers: dict) -> list[str]:
    """Write answers into the custom fields their questions fill, unless the buyer has a
    newer answer to this survey or the profile was edited after the answer's day (an
    old sheet must not undo what the owner typed since). Returns the fields changed."""
    targets = {q.field: answers[q.id] for q in survey.questions if q.field and q.id in answers}
    if not targets:
        return []
    newer = SurveyResponse.select().where(SurveyResponse.survey == survey.id,
                                          SurveyResponse.customer == customer_id,
                                          SurveyResponse.answered_at > day).exists()
    if newer:
        return []
    c = Customer.get_by_id(customer_id)
    edited, made = (datetime.fromisoformat(v) if isinstance(v, str) else v
                    for v in (c.updated_at, c.created_at))
    if edited is not None and edited.date() > day and (made is None or edited > made):
        return []                       # edited (not just created) after that day
    extra = json.loads(c.extra) if c.extra else {}
    changed = [name for name, value in targets.items() if extra.get(name) != str(value)]
    if not changed:
        return []
    for name in changed:
        extra[name] = str(targets[name])
    Customer.update(extra=json.dumps(extra, ensure_ascii=False, sort_keys=True),
                    updated_at=now()).where(Customer.id == customer_id).execute()
    return sorted(changed)


def give_survey_bonus(survey: SurveyInfo, customer_id: int, points: int | None) -> int:
    from ..points import MAX_POINTS, load_rules
    from ..points.ledger import write_entry
    if points is None:
        points = load_rules().bonus_default('survey') or 0
        if not points:
            return 0
    if isinstance(points, bool) or not isinstance(points, int) or not 1 <= points <= MAX_POINTS:
        raise ValidationError('points', f'问卷奖励的积分须是 1 到 {MAX_POINTS:,} 之间的整数。')
    write_entry(customer_id, 'bonus', points, f'问卷调研奖励：{survey.name}'[:128],
                bonus_source(survey.id), None, once='这位顾客已经领过这份问卷的积分了。')
    return points


def responses_of(customer_id: int, survey_id: int | None = None) -> list[ResponseLine]:
    """The buyer's answers, newest first."""
    q = (SurveyResponse.select(SurveyResponse, Survey.name).join(Survey)
         .where(SurveyResponse.customer == customer_id))
    if survey_id is not None:
        q = q.where(SurveyResponse.survey == survey_id)
    out = []
    for r in q.order_by(SurveyResponse.answered_at.desc(), SurveyResponse.id.desc()):
        try:
            rows = json.loads(r.answers) if r.answers else []
        except ValueError:
            rows = []
        out.append(ResponseLine(r.id, r.survey_id, r.survey.name, _day(r.answered_at), r.score,
                                [(str(a.get('q', '')), str(a.get('a', ''))) for a in rows],
                                r.source, r.contact_id))
    return out


def _day(v) -> date:
    if isinstance(v, datetime):
        return v.date()
    return date.fromisoformat(v) if isinstance(v, str) else v


def delete_response(response_id: int) -> None:
    """The answer goes; points already given and fields already filled stay."""
    with db.atomic():
        SurveyResponse.delete().where(SurveyResponse.id == response_id).execute()


def fold_into(source_ids: list[int], target_id: int) -> None:
    """For a merge of duplicates: the sources' answers move to the target, except where
    the target answered the same survey on the same day (its own answer stays)."""
    source_ids = [i for i in source_ids if i != target_id]
    if not source_ids:
        return
    with db.atomic():
        taken = {(s, _day(d)) for s, d in SurveyResponse.select(
            SurveyResponse.survey, SurveyResponse.answered_at)
            .where(SurveyResponse.customer == target_id).tuples()}
        for rid, s, d in (SurveyResponse.select(SurveyResponse.id, SurveyResponse.survey,
                                                SurveyResponse.answered_at)
                          .where(SurveyResponse.customer.in_(source_ids))
                          .order_by(SurveyResponse.id).tuples()):
            key = (s, _day(d))
            if key in taken:
                SurveyResponse.delete().where(SurveyResponse.id == rid).execute()
            else:
                taken.add(key)
                SurveyResponse.update(customer=target_id).where(SurveyResponse.id == rid).execute()
