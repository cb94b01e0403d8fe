"""Survey definitions: a name, active or not, and a few questions.

Every survey asks an overall satisfaction score (1-5) first; its questions come
after. A question is a score (1-5), a choice among a few answers, or free text, and
may fill one of the owner's custom fields (肤质, 风格 ...) with its answer.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from peewee import IntegrityError, fn

from models import db, now
from models.care import Survey, SurveyResponse

from ..custom_fields import list_fields
from ..errors import UserError, ValidationError

SCORE, CHOICE, TEXT = 'score', 'choice', 'text'
QUESTION_KINDS = (SCORE, CHOICE, TEXT)
MAX_QUESTIONS = 20
MAX_QUESTION = 100          # characters of a question
MAX_CHOICE = 32
MAX_CHOICES = 12
# Which custom field kinds a question kind can fill.
_FILLS = {SCORE: ('number', 'text'), CHOICE: ('choice', 'text'), TEXT: ('text', 'number', 'date')}


@dataclass
class Question:
    text: str = ''
    kind: str = CHOICE
    choices: list = field(default_factory=list)
    field: str = ''             # custom field name it fills, '' for none
    id: str = ''                # stable key, given when the survey is saved


@dataclass
class SurveyInfo:
    id: int | None = None
    name: str = ''
    active: bool = True
    questions: list = field(default_factory=list)   # [Question]
    responses: int = 0                              # answers recorded so far


def split_choices(text: str) -> list[str]:
    """Choices typed in one box: commas (either width) and 、 separate them."""
    return [c.strip() for c in text.replace('，', ',').replace('、', ',').split(',') if c.strip()]


def _questions(text: str) -> list[Question]:
    try:
        raw = json.loads(text or '[]')
    except ValueError:
        return []
    return [Question(str(q.get('text', '')), q.get('kind', CHOICE),
                     [str(c) for c in q.get('choices') or []], q.get('field') or '',
                     str(q.get('id', '')))
            for q in raw if isinstance(q, dict)]


def _info(s: Survey, responses: int = 0) -> SurveyInfo:
    return SurveyInfo(s.id, s.name, bool(s.active), _questions(s.questions), responses)


def list_surveys(active_only: bool = False) -> list[SurveyInfo]:
    """Every survey by name, with how many answers each has."""
    counts = dict(SurveyResponse.select(SurveyResponse.survey, fn.COUNT(SurveyResponse.id))
                  .group_by(SurveyResponse.survey).tuples())
    q = Survey.select().order_by(Survey.name)
    if active_only:
        q = q.where(Survey.active == True)  # noqa: E712
    return [_info(s, counts.get(s.id, 0)) for s in q]


def get_survey(survey_id: int) -> SurveyInfo:
    s = Survey.get_or_none(Survey.id == survey_id)
    if s is None:
        raise UserError('这份问卷已不存在')
    n = SurveyResponse.select().where(SurveyResponse.survey == survey_id).count()
    return _info(s, n)


def validate(info: SurveyInfo) -> SurveyInfo:
    """A cleaned copy with every question keyed; ValidationError names what is wrong."""
    name = (info.name or '').strip()
    if not name:
        raise ValidationError('name', '请填写问卷名称')
    if len(name) > 64:
        raise ValidationError('name', '问卷名称太长（最多64个字）')
    if len(info.questions) > MAX_QUESTIONS:
        raise ValidationError('questions', f'一份问卷最多 {MAX_QUESTIONS} 个问题')
    fields_ = {f.name: f for f in list_fields()}
    used_ids = {q.id for q in info.questions if q.id}
    next_id = 1 + max((int(i[1:]) for i in used_ids if i[:1] == 'q' and i[1:].isdigit()),
                      default=0)
    out, texts, filled, ids = [], set(), {}, set()
    for n, q in enumerate(info.questions, 1):
        text = (q.text or '').strip()
        where = f'第{n}个问题'
        if not text:
            raise ValidationError('questions', f'{where}没有写内容')
        if len(text) > MAX_QUESTION:
            raise ValidationError('questions', f'{where}太长（最多{MAX_QUESTION}个字）')
        if text in texts:
            raise ValidationError('questions', f'{where}与前面的问题重复：{text}')
        if text in ('买家会员名', '平台', '日期', '满意度', '备注'):
            # Imported sheets have one column per question next to these.
            raise ValidationError('questions', f'{where}不能叫“{text}”（导入表里已有这一列）')
        texts.add(text)
        if q.kind not in QUESTION_KINDS:
            raise ValidationError('questions', f'{where}的类型不对：{q.kind}')
        choices = []
        if q.kind == CHOICE:
            for c in q.choices:
                c = str(c).strip()
                if c and c not in choices:
                    choices.append(c)
            if len(choices) < 2:
                raise ValidationError('questions', f'{where}是选择题，至少要有两个选项')
            if len(choices) > MAX_CHOICES:
                raise ValidationError('questions', f'{where}最多 {MAX_CHOICES} 个选项')
            long = next((c for c in choices if len(c) > MAX_CHOICE), None)
            if long:
                raise ValidationError('questions', f'{where}的选项太长（最多{MAX_CHOICE}个字）：{long}')
        target = (q.field or '').strip()
        if target:
            f = fields_.get(target)
            if f is None:
                raise ValidationError('questions', f'{where}要填写的自定义字段“{target}”不存在')
            if target in filled:
                raise ValidationError('questions', f'{where}和第{filled[target]}个问题都填写“{target}”')
            if f.kind not in _FILLS[q.kind]:
                raise ValidationError('questions', f'{where}的答案不能填进“{target}”（字段类型不合）')
            if q.kind == CHOICE and f.kind == 'choice':
                odd = [c for c in choices if c not in f.choices]
                if odd:
                    raise ValidationError('questions', f'{where}的选项“{odd[0]}”不在字段'
                                          f'“{target}”的选项里（{"、".join(f.choices)}）')
            filled[target] = n
        qid = q.id if q.id and q.id not in ids else ''
        if not qid:
            qid = f'q{next_id}'
            next_id += 1
        ids.add(qid)
        out.append(Question(text, q.kind, choices, target, qid))
    return SurveyInfo(info.id, name, bool(info.active), out, info.responses)


def _json(questions: list[Question]) -> str:
    return json.dumps([{'id': q.id, 'text': q.text, 'kind': q.kind, 'choices': q.choices,
                        'field': q.field} for q in questions], ensure_ascii=False)


def save_survey(info: SurveyInfo) -> int:
    """Create (id None) or update a survey; returns its id."""
    s = validate(info)
    try:
        with db.atomic():
            if s.id is None:
                return Survey.create(name=s.name, active=s.active,
                                     questions=_json(s.questions)).id
            n = (Survey.update(name=s.name, active=s.active, questions=_json(s.questions),
                               updated_at=now()).where(Survey.id == s.id).execute())
            if not n:
                raise UserError('这份问卷已不存在')
            return s.id
    except IntegrityError:
        raise ValidationError('name', f'已有名为“{s.name}”的问卷') from None


def set_active(survey_id: int, active: bool) -> None:
    with db.atomic():
        Survey.update(active=active, updated_at=now()).where(Survey.id == survey_id).execute()


def delete_survey(survey_id: int) -> None:
    """Only a survey nobody has answered goes; one with answers can be made inactive."""
    with db.atomic():
        n = SurveyResponse.select().where(SurveyResponse.survey == survey_id).count()
        if n:
            raise UserError(f'这份问卷已有 {n} 份答卷，不能删除；不再使用可以把它停用。')
        Survey.delete().where(Survey.id == survey_id).execute()
