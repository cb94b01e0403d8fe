"""Survey answers out to a sheet and back in.

Columns: 买家会员名, 平台 (optional), 日期, 满意度, then one column per question,
headed by the question's text. The sheet `export_responses` writes (with no answers
yet it is the blank template) is a sheet `import_responses` reads back.

Import rules:
- A buyer is found by 平台 + 买家会员名, never by phone. Without 平台 the nick must
  belong to one live buyer only.
- 满意度 is 1-5 ('5', '5分', '★★★★★', or 非常满意/满意/一般/不满意/非常不满意).
- Bad cells, unknown buyers and repeated rows are row problems (row number and
  reason); the good rows go in one transaction.
- The same buyer, survey and date is the same answer: importing a sheet again
  updates those answers and adds nothing.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime

from models import Customer, db
from models.care import IMPORT, SurveyResponse

from ..chunking import chunks
from ..errors import UserError, ValidationError
from ..files import cells
from ..files.member_sheet import PLATFORM_NAMES, parse_platform
from ..files.table_reader import clean_header, read_table
from ..files.writers import plain_text, unneutralise, write_table
from ..importing.records import Problem
from ..tasks import IsCancelled, Progress, check
from .responses import (answers_json, bonus_given, check_answers, fill_fields,
                        give_survey_bonus, save_answer)
from .surveys import SCORE, SurveyInfo, get_survey

BASE_HEADERS = ['买家会员名', '平台', '日期', '满意度']
_SCORE_WORDS = {'非常满意': 5, '很满意': 5, '满意': 4, '比较满意': 4, '一般': 3, '还行': 3,
                '不满意': 2, '不太满意': 2, '很不满意': 1, '非常不满意': 1}


def headers(survey: SurveyInfo) -> list[str]:
    return BASE_HEADERS + [q.text for q in survey.questions]


# --- export ---------------------------------------------------------------------------

def export_responses(path, survey_id: int, progress: Progress | None = None,
                     cancelled: IsCancelled | None = None) -> int:
    """Write the survey's answers by live buyers, oldest first; returns the rows written."""
    survey = get_survey(survey_id)
    q = (SurveyResponse.select(Customer.nick, Customer.platform, SurveyResponse.answered_at,
                               SurveyResponse.score, SurveyResponse.answers)
         .join(Customer).where(SurveyResponse.survey == survey_id,
                               Customer.deleted_at.is_null())
         .order_by(SurveyResponse.answered_at, SurveyResponse.id))
    rows = []
    for nick, platform, day, score, answers in q.tuples():
        given = {a.get('id'): a.get('a') for a in (json.loads(answers) if answers else [])}
        rows.append([nick, PLATFORM_NAMES.get(platform, platform), _as_date(day), score]
                    + [given.get(qn.id, '') for qn in survey.questions])
    kinds = ['text', 'text', 'date', 'int'] + [
        'int' if qn.kind == SCORE else 'text' for qn in survey.questions]
    # A score question left blank is written as an empty cell, not 0.
    rows = [[None if v == '' and k == 'int' else v for v, k in zip(r, kinds)] for r in rows]
    return write_table(path, headers(survey), rows, kinds, sheet_name='问卷答卷',
                       progress=progress, cancelled=cancelled, total=len(rows))


def _as_date(v) -> date:
    if isinstance(v, datetime):
        return v.date()
    return date.fromisoformat(v) if isinstance(v, str) else v


# --- import ---------------------------------------------------------------------------

@dataclass
class ResponseImport:
    file: str
    rows_read: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    fields_filled: int = 0          # buyers whose custom fields an answer filled
    bonuses: int = 0                # buyers given the survey points
    problems: list = field(default_factory=list)
    notes: list = field(default_factory=list)


@dataclass
class _Row:
    number: int
    nick: str
    platform: str
    day: date
    score: int
    answers: dict


def parse_score(value) -> int:
    """1-5 from a cell; ValueError with the reason."""
    if value.__class__ in (int, float) and not isinstance(value, bool):
        if value == int(value) and 1 <= value <= 5:
            return int(value)
        raise ValueError(f'满意度应为 1 到 5 分，这里是“{plain_text(value)}”')
    s = cells.text(value)
    if not s:
        raise ValueError('满意度为空')
    if s in _SCORE_WORDS:
        return _SCORE_WORDS[s]
    stars = s.count('★')
    if stars and set(s) <= {'★', '☆'}:
        return stars
    s = s.rstrip('分').strip()
    if s.isdigit() and 1 <= int(s) <= 5:
        return int(s)
    try:
        f = float(s)
    except ValueError:
        f = 0
    if f == int(f) and 1 <= f <= 5:
        return int(f)
    raise ValueError(f'满意度应为 1 到 5 分，这里是“{s}”')


def import_responses(path, survey_id: int, *, give_bonus: bool = False,
                     progress: Progress | None = None,
                     cancelled: IsCancelled | None = None) -> ResponseImport:
    survey = get_survey(survey_id)
    table = read_table(path, progress=progress, cancelled=cancelled)
    label = str(path).replace('\\', '/').rsplit('/', 1)[-1]
    result = ResponseImport(file=label)
    rows = _parse(table, label, survey, result)
    with db.atomic():
        buyers = _resolve_buyers(rows, result)
        check(cancelled)
        _write(survey, rows, buyers, give_bonus, result, cancelled)
    result.problems.sort(key=lambda p: p.row)
    return result


def _parse(table, label: str, survey: SurveyInfo, result: ResponseImport) -> list[_Row]:
    col = {h: table.column(h) for h in BASE_HEADERS}
    missing = [h for h in ('买家会员名', '日期', '满意度') if col[h] is None]
    if missing:
        raise UserError(f'「{label}」缺少「{"」「".join(missing)}」列：问卷答卷按平台和买家会员名'
                        '找顾客，每行要有日期和满意度（1-5分）。')
    questions = {}
    for q in survey.questions:
        i = table.column(clean_header(q.text))
        if i is not None:
            questions[q.id] = (q, i)
    used = {i for i in col.values() if i is not None} | {i for _, i in questions.values()}
    ignored = [raw for i, raw in enumerate(table.raw_headers)
               if i not in used and str(raw or '').strip()]
    if ignored:
        result.notes.append(f'这些列不是问卷「{survey.name}」的问题，已忽略：{"、".join(ignored)}')
    absent = [q.text for q in survey.questions if q.id not in questions]
    if absent:
        result.notes.append(f'表里没有这些问题的列：{"、".join(absent)}')
    csv_quoted = label.lower().endswith('.csv')
    today = date.today()
    out: list[_Row] = []
    for values, number in zip(table.rows, table.row_numbers):
        def get(i):
            return None if i is None or i >= len(values) else values[i]
        if all(cells.blank(v) for v in values):
            continue
        result.rows_read += 1
        bad = len(result.problems)

        def problem(column: str, message: str) -> None:
            result.problems.append(Problem(label, number, column, message))
        nick = _text(get(col['买家会员名']), csv_quoted)
        if not nick:
            problem('买家会员名', '买家会员名为空（按平台和买家会员名找顾客，不按手机号）')
        platform = ''
        platform_text = _text(get(col['平台']), csv_quoted)
        if platform_text:
            try:
                platform = parse_platform(platform_text, '')
            except ValueError as e:
                problem('平台', str(e))
        day = None
        try:
            when = cells.when(get(col['日期']))
        except ValueError as e:
            problem('日期', str(e))
        else:
            day = when.date() if when else None
            if day is None:
                problem('日期', '日期为空')
            elif day > today:
                problem('日期', f'日期晚于今天：{day.isoformat()}')
        score = 0
        try:
            score = parse_score(get(col['满意度']))
        except ValueError as e:
            problem('满意度', str(e))
        answers = {}
        for qid, (q, i) in questions.items():
            cell = get(i)
            value = cell if q.kind == SCORE and cell.__class__ in (int, float) else \
                _text(cell, csv_quoted)
            if value.__class__ is float and value == int(value):
                value = int(value)
            if value.__class__ is str and q.kind == SCORE:
                value = value.rstrip('分').strip()
            try:
                answers.update(check_answers(survey, {qid: value}))
            except ValidationError as e:
                problem(table.raw_headers[i] or q.text, str(e))
        if len(result.problems) == bad:
            out.append(_Row(number, nick, platform, day, score, answers))
    return out


def _text(v, csv_quoted: bool) -> str:
    if v is None:
        return ''
    if v.__class__ is str:
        return (unneutralise(v) if csv_quoted else v).strip()
    return plain_text(v).strip()


def _resolve_buyers(rows: list[_Row], result: ResponseImport) -> dict[int, int]:
    """Row number -> live customer id; the rest become problems."""
    by_nick: dict[str, list[tuple[int, str, bool]]] = {}
    for chunk in chunks(sorted({r.nick for r in rows})):
        for cid, nick, platform, deleted in (
                Customer.select(Customer.id, Customer.nick, Customer.platform,
                                Customer.deleted_at).where(Customer.nick.in_(chunk)).tuples()):
            by_nick.setdefault(nick, []).append((cid, platform, deleted is not None))
    out = {}
    for r in rows:
        matches = [m for m in by_nick.get(r.nick, []) if not r.platform or m[1] == r.platform]
        live = [m for m in matches if not m[2]]
        if len(live) == 1:
            out[r.number] = live[0][0]
            continue
        if len(live) > 1:
            message = f'多个平台都有买家会员名“{r.nick}”，请在「平台」列写明是哪个平台'
        elif matches:
            message = f'顾客“{r.nick}”在回收站里，恢复后才能导入答卷'
        else:
            where = f'{PLATFORM_NAMES.get(r.platform, r.platform)} ' if r.platform else ''
            message = f'找不到{where}买家会员名为“{r.nick}”的顾客（不按手机号找人）'
        result.problems.append(Problem(result.file, r.number, '买家会员名', message))
    return out


def _write(survey: SurveyInfo, rows: list[_Row], buyers: dict[int, int], give_bonus: bool,
           result: ResponseImport, cancelled) -> None:
    todo = [(r, buyers[r.number]) for r in rows if r.number in buyers]
    existing = {}
    for chunk in chunks(sorted({cid for _, cid in todo})):
        for cid, day, score, answers in (
                SurveyResponse.select(SurveyResponse.customer, SurveyResponse.answered_at,
                                      SurveyResponse.score, SurveyResponse.answers)
                .where(SurveyResponse.survey == survey.id,
                       SurveyResponse.customer.in_(chunk)).tuples()):
            existing[(cid, _as_date(day))] = (score, answers)
    seen: dict[tuple[int, date], int] = {}
    filled = set()
    # Oldest first: a buyer's newest answer is the one left in their custom fields.
    for i, (r, cid) in enumerate(sorted(todo, key=lambda t: (t[0].day, t[0].number))):
        if i % 500 == 0:
            check(cancelled)
        key = (cid, r.day)
        if key in seen:
            result.problems.append(Problem(result.file, r.number, '买家会员名',
                                           f'与第{seen[key]}行是同一位顾客同一天的答卷'))
            continue
        seen[key] = r.number
        old = existing.get(key)
        if old is not None and old == (r.score, answers_json(survey, r.answers)):
            result.unchanged += 1
            continue
        save_answer(survey, cid, r.day, r.score, r.answers, IMPORT)
        if old is None:
            result.added += 1
        else:
            result.updated += 1
        if fill_fields(survey, cid, r.day, r.answers):
            filled.add(cid)
        if give_bonus and not bonus_given(survey.id, cid):
            if give_survey_bonus(survey, cid, None):
                result.bonuses += 1
    result.fields_filled = len(filled)
