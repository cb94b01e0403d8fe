"""A member sheet into the shop: add new buyers, update the columns the sheet has.

Columns the sheet lacks are left alone; a row equal to what the shop holds is
skipped, so importing an unedited export changes nothing. Runs inside the
caller's transaction.
"""
from __future__ import annotations

import json
from dataclasses import asdict, fields

from peewee import EXCLUDED

from models import Customer, CustomerSearch, CustomerTag, ImportChange, Tag, Tier

from .. import customer_stats, quality_marks
from ..tiers import BY_IMPORT, record_tier_moves
from ..customer_profile import CustomerProfile
from ..customers import profile_of, profile_search_text
from ..errors import ValidationError
from ..privacy import keeps_stored
from ..tasks import check
from .orders_import import Counts
from .records import MemberRecord, Problem
from .sqlbulk import chunks, insert_rows, update_rows

PROFILE_COLUMNS = tuple(f.name for f in fields(CustomerProfile) if f.name != 'extra')
_MASKABLE = ('phone', 'phone2', 'address', 'wechat', 'note')


def import_members(records: list[MemberRecord], batch_id: int, now, file_label: str,
                   problems: list[Problem], cancelled=None, progress=None) -> Counts:
    counts = Counts()
    existing = _existing(records)
    tag_ids = {name: tid for tid, name in Tag.select(Tag.id, Tag.name).tuples()}
    tier_ids = {name: tid for tid, name in Tier.select(Tier.id, Tier.name).tuples()}
    overrides: list[tuple[int, int]] = []
    current_tags = _tags_of([c.id for c in existing.values()])
    marks = (quality_marks.marks_for([c.id for c in existing.values()])
             if any(r.marks is not None for r in records) else {})
    mark_sets, new_marks = [], []
    new_rows, new_keys, updates, changes, tag_sets = [], [], [], [], []
    updated_profiles: list[tuple[int, CustomerProfile]] = []
    seen = set()
    for i, r in enumerate(records):
        if i % 2000 == 0:
            check(cancelled)
            if progress:
                progress(i, len(records))
        key = (r.platform, r.nick)
        if key in seen:
            problems.append(Problem(file_label, r.row, '买家会员名', '与前面的行重复，已跳过'))
            continue
        seen.add(key)
        old = existing.get(key)
        if old is not None and old.deleted_at is not None:
            # Updating a merged-away or binned record would bring it silently back to life.
            why = ('已合并到其他顾客' if old.merged_into_id else '在回收站中，请先恢复')
            problems.append(Problem(file_label, r.row, '买家会员名',
                                    f'{r.nick} {why}，这一行没有导入'))
            continue
        base = profile_of(old) if old else CustomerProfile(platform=r.platform, nick=r.nick)
        try:
            profile = _overlay(base, r.values).cleaned()
        except ValidationError as e:
            problems.append(Problem(file_label, r.row, '', str(e)))
            continue
        wanted_tags = sorted({t.strip() for t in r.tags if t.strip()}) if r.tags is not None else None
        bad_tag = next((t for t in wanted_tags or () if len(t) > 32), None)
        if bad_tag:
            problems.append(Problem(file_label, r.row, '标签', f'标签太长（最多32个字）：{bad_tag}'))
            continue
        old_mark = marks.get(old.id) if old else None
        if r.marks is not None:
            problem = _mark_problem(old_mark, r.marks)
            if problem:
                problems.append(Problem(file_label, r.row, *problem))
                continue
        mark_changed = r.marks is not None and quality_marks.changes_mark(old_mark, r.marks)
        if old is None:
            new_rows.append(_row(profile) + (batch_id, now, now))
            new_keys.append((key, profile, wanted_tags))
            if mark_changed:
                new_marks.append((key, r.marks))
            counts.added += 1
            continue
        tags_before = sorted(current_tags.get(old.id, []))
        tags_after = wanted_tags if wanted_tags is not None else tags_before
        # 会员等级 is computed; a sheet that names another tier pins it by hand.
        tier = tier_ids.get(r.tier) if r.tier else old.tier_id
        if tier is None:
            problems.append(Problem(file_label, r.row, '会员等级', f'没有叫“{r.tier}”的会员等级'))
            continue
        if mark_changed:
            mark_sets.append((old.id, r.marks))
        if (asdict(profile) == asdict(base) and tags_after == tags_before
                and tier == old.tier_id):
            if mark_changed:
                counts.updated += 1         # the mark alone: the customer row stays
            else:
                counts.skipped += 1
            continue
        if tier != old.tier_id:
            overrides.append((tier, old.id))
        before = {**asdict(base), 'tags': tags_before, 'tier_id': old.tier_id,
                  'tier_locked': bool(old.tier_locked)}
        changes.append((batch_id, 'customer', old.id, json.dumps(before, ensure_ascii=False)))
        updates.append(_row(profile) + (now, old.id))
        updated_profiles.append((old.id, profile))
        if tags_after != tags_before:
            tag_sets.append((old.id, tags_after))
        counts.updated += 1
    check(cancelled)
    if new_rows:
        insert_rows(Customer, PROFILE_COLUMNS + ('extra', 'batch_id', 'created_at',
                                                   'updated_at'), new_rows)
        ids = {(p, n): i for i, p, n in Customer.select(Customer.id, Customer.platform,
                                                         Customer.nick)
               .where(Customer.batch == batch_id).tuples()}
        insert_rows(CustomerSearch, ('customer_id', 'text'),
                    [(ids[k], profile_search_text(p)) for k, p, _ in new_keys])
        tag_sets += [(ids[k], t) for k, _, t in new_keys if t]
        mark_sets += [(ids[k], m) for k, m in new_marks]
        counts.customers_added = len(new_rows)
    if updates:
        update_rows(Customer, PROFILE_COLUMNS + ('extra', 'updated_at'), updates)
        save_searches(updated_profiles)
    if changes:
        insert_rows(ImportChange, ('batch_id', 'table', 'row_id', 'before'), changes)
    set_many_manual_tags(tag_sets, tag_ids, batch_id)
    if mark_sets:
        quality_marks.import_marks(mark_sets, batch_id, now)
    if overrides:
        record_tier_moves(overrides, BY_IMPORT)
        update_rows(Customer, ('tier_id', 'tier_locked'), [(t, True, cid) for t, cid in overrides])
    affected = {cid for cid, _ in tag_sets} | {u[-1] for u in updates}
    if new_rows:
        affected |= set(ids.values())
    customer_stats.refresh(affected)
    return counts


_MARK_COLUMNS = {'quality': '客户质量', 'reason': '质量原因', 'credit': '买家信用'}


def _mark_problem(old, values: dict) -> tuple[str, str] | None:
    """(sheet column, reason) when the row's mark cannot be stored."""
    m = quality_marks.merged_mark(old or quality_marks.MarkInfo(0), values)
    problem = quality_marks.mark_problem(m.quality, m.reason, m.credit)
    return (_MARK_COLUMNS[problem[0]], problem[1]) if problem else None


def _overlay(base: CustomerProfile, values: dict) -> CustomerProfile:
    merged = asdict(base)
    for k, v in values.items():
        if k == 'extra':
            extra = dict(merged['extra'])
            for name, value in v.items():
                if value in ('', None):
                    extra.pop(name, None)
                else:
                    extra[name] = value
            merged['extra'] = extra
        elif k in _MASKABLE and keeps_stored(merged[k], v, k):
            continue            # a masked export read back: 138****1234 means "as it is"
        else:
            merged[k] = v
    return CustomerProfile(**merged)


def _row(p: CustomerProfile) -> tuple:
    return tuple(getattr(p, c) for c in PROFILE_COLUMNS) + (p.extra_json(),)


def _existing(records: list[MemberRecord]) -> dict:
    found = {}
    by_platform: dict[str, list[str]] = {}
    for r in records:
        by_platform.setdefault(r.platform, []).append(r.nick)
    for platform, nicks in by_platform.items():
        for chunk in chunks(nicks):
            for c in Customer.select().where(Customer.platform == platform,
                                             Customer.nick.in_(chunk)):
                found[(c.platform, c.nick)] = c
    return found


def _tags_of(ids: list[int]) -> dict[int, list[str]]:
    out: dict[int, list[str]] = {}
    for chunk in chunks(ids):
        for cid, name in (CustomerTag.select(CustomerTag.customer, Tag.name).join(Tag)
                          .where(CustomerTag.customer.in_(chunk), Tag.auto == False)  # noqa: E712
                          .tuples()):
            out.setdefault(cid, []).append(name)
    return out


def set_manual_tags(customer_id: int, names: list[str], tag_ids: dict[str, int],
                    batch_id: int | None = None) -> None:
    """The customer's hand-set tags become exactly `names`; rule-made tags are kept."""
    set_many_manual_tags([(customer_id, names)], tag_ids, batch_id)


def set_many_manual_tags(tag_sets: list[tuple[int, list[str]]], tag_ids: dict[str, int],
                         batch_id: int | None = None) -> None:
    """set_manual_tags for many customers in a few statements (a round trip per buyer
    costs seconds on a shop server)."""
    wanted = dict(tag_sets)
    for names in wanted.values():
        for name in names:
            if name not in tag_ids:
                tag_ids[name] = Tag.create(name=name, batch=batch_id).id
    manual = Tag.select(Tag.id).where(Tag.auto == False)  # noqa: E712
    for chunk in chunks(list(wanted)):
        CustomerTag.delete().where(CustomerTag.customer.in_(chunk),
                                   CustomerTag.tag.in_(manual)).execute()
    rows = [{'customer': cid, 'tag': tag_ids[n]} for cid, names in wanted.items() for n in names]
    for chunk in chunks(rows, 500):
        CustomerTag.insert_many(chunk).execute()


def save_searches(profiles: list[tuple[int, CustomerProfile]]) -> None:
    """save_search for many customers: their search keys, inserted or replaced."""
    rows = [{'customer': cid, 'text': profile_search_text(p)} for cid, p in profiles]
    for chunk in chunks(rows, 500):
        (CustomerSearch.insert_many(chunk)
         .on_conflict(conflict_target=[CustomerSearch.customer],
                      update={CustomerSearch.text: EXCLUDED.text}).execute())
