"""Campaigns: create from an audience (with a held-out control group), list, edit, delete.

Who a campaign targets is fixed when it is created (CampaignMember), so editing
the saved audience later moves no one. The control group is a random share of
the audience drawn with a stored seed: the same audience and seed always give
the same split. Buyers moved to the recycle bin drop out of exports and results.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime

from peewee import fn

from models import Customer, db
from models.campaign import (Campaign, CampaignMember, CampaignSend, CampaignStage,
                             MessageTemplate)

from ..chunking import chunks
from ..errors import UserError, ValidationError
from ..importing.sqlbulk import insert_rows
from ..member_query import MemberFilter
from ..tasks import IsCancelled, Progress, check
from . import audiences

MAX_STAGES = 6
MAX_CONTROL = 50            # percent; more held out than targeted measures nothing useful
MAX_WINDOW = 90
MAX_POINTS = 1_000_000
DRAFT, RUNNING, DONE = 'draft', 'running', 'done'
STATE_NAMES = {DRAFT: '未发送', RUNNING: '进行中', DONE: '已全部发送'}


@dataclass
class StageInfo:
    id: int | None = None
    name: str = ''
    date: date | None = None
    template_id: int | None = None
    offer: bool = False
    seq: int = 0
    sent_at: datetime | None = None
    sent_count: int = 0                 # buyers recorded as sent
    template_name: str = ''
    channel: str = ''


@dataclass
class CampaignInfo:
    id: int | None = None
    name: str = ''
    kind: str = 'custom'                # custom, winback
    audience_id: int | None = None
    audience_name: str = ''
    audience_filter: str = ''
    coupon: str = ''
    points: int = 0
    control_percent: int = 0
    window_days: int = 7
    state: str = DRAFT
    note: str = ''
    created_at: datetime | None = None
    stages: list = field(default_factory=list)
    targets: int = 0                    # live buyers targeted
    control: int = 0                    # live buyers held out


@dataclass
class NewCampaign:
    """What the create wizard hands in. The audience is a saved one (audience_id) or a
    filter given here (filter, asleep_days, audience_name)."""
    name: str
    stages: list
    audience_id: int | None = None
    filter: MemberFilter | None = None
    asleep_days: int | None = None
    audience_name: str = ''
    coupon: str = ''
    points: int = 0
    control_percent: int = 0
    window_days: int = 7
    kind: str = 'custom'
    note: str = ''
    seed: int | None = None             # tests pin it; otherwise drawn at random


def _is_int(v) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _check_common(name: str, coupon: str, points, window_days, stages: list) -> str:
    name = (name or '').strip()
    if not name:
        raise ValidationError('name', '请填写活动名称。')
    if len(name) > 32:
        raise ValidationError('name', '活动名称最多 32 个字。')
    if len((coupon or '').strip()) > 64:
        raise ValidationError('coupon', '优惠券说明最多 64 个字。')
    if not _is_int(points) or not 0 <= points <= MAX_POINTS:
        raise ValidationError('points', f'赠送积分须在 0 到 {MAX_POINTS:,} 之间。')
    if not _is_int(window_days) or not 1 <= window_days <= MAX_WINDOW:
        raise ValidationError('window_days', f'统计天数须在 1 到 {MAX_WINDOW} 之间。')
    if not stages:
        raise ValidationError('stages', '活动至少要有一个阶段。')
    if len(stages) > MAX_STAGES:
        raise ValidationError('stages', f'一个活动最多 {MAX_STAGES} 个阶段。')
    for i, s in enumerate(stages, 1):
        s.name = (s.name or '').strip() or f'第{i}阶段'
        if len(s.name) > 32:
            raise ValidationError('stages', '阶段名称最多 32 个字。')
        if not isinstance(s.date, date):
            raise ValidationError('stages', f'请为“{s.name}”选择日期。')
        if s.template_id is not None and not MessageTemplate.select().where(
                MessageTemplate.id == s.template_id).exists():
            raise ValidationError('stages', f'“{s.name}”选的模板已被删除。')
        if s.offer and not (coupon or '').strip() and not points:
            raise ValidationError('coupon', f'“{s.name}”要发优惠，请填写优惠券或赠送积分。')
    return name


def draw_control(ids: list[int], percent: int, seed: int) -> set[int]:
    """The held-out buyers: round(n * percent / 100) of `ids`, the same for the same seed."""
    if percent <= 0 or not ids:
        return set()
    pool = sorted(ids)
    random.Random(seed).shuffle(pool)
    return set(pool[:round(len(pool) * percent / 100)])


def create_campaign(new: NewCampaign, today: date | None = None,
                    progress: Progress | None = None,
                    cancelled: IsCancelled | None = None) -> int:
    """Snapshot the audience, draw the control group, store it all in one transaction."""
    name = _check_common(new.name, new.coupon, new.points, new.window_days, new.stages)
    if not _is_int(new.control_percent) or not 0 <= new.control_percent <= MAX_CONTROL:
        raise ValidationError('control_percent', f'对照组比例须在 0 到 {MAX_CONTROL}% 之间。')
    if new.audience_id is not None:
        a = audiences.get_audience(new.audience_id)
        f, asleep, audience_name = a.filter, a.asleep_days, a.name
    else:
        f, asleep = new.filter or MemberFilter(), new.asleep_days
        audience_name = (new.audience_name or '').strip()[:32] or '自定义人群'
    ids = audiences.customer_ids(f, asleep, today)
    check(cancelled)
    if not ids:
        raise UserError('这个人群目前没有顾客，换一个人群再建活动。')
    seed = new.seed if new.seed is not None else random.SystemRandom().randrange(1, 2 ** 31)
    control = draw_control(ids, new.control_percent, seed)
    stages = sorted(new.stages, key=lambda s: s.date)
    with db.atomic():
        c = Campaign.create(
            name=name, kind=new.kind, audience=new.audience_id, audience_name=audience_name,
            audience_filter=audiences.to_json(f, asleep), coupon=(new.coupon or '').strip(),
            points=new.points, control_percent=new.control_percent, seed=seed,
            window_days=new.window_days, note=(new.note or '').strip())
        for seq, s in enumerate(stages, 1):
            CampaignStage.create(campaign=c.id, seq=seq, name=s.name, date=s.date,
                                 template=s.template_id, offer=bool(s.offer))
        done = 0
        for chunk in chunks(ids, 20_000):
            check(cancelled)
            insert_rows(CampaignMember, ('campaign_id', 'customer_id', 'in_control'),
                        [(c.id, cid, cid in control) for cid in chunk])
            done += len(chunk)
            if progress:
                progress(done, len(ids))
    return c.id


def _member_counts(campaign_ids=None) -> dict[int, tuple[int, int]]:
    """campaign id -> (live targets, live control)."""
    q = (CampaignMember.select(CampaignMember.campaign, CampaignMember.in_control,
                               fn.COUNT(CampaignMember.id))
         .join(Customer, on=(Customer.id == CampaignMember.customer))
         .where(Customer.deleted_at.is_null())
         .group_by(CampaignMember.campaign, CampaignMember.in_control))
    if campaign_ids is not None:
        q = q.where(CampaignMember.campaign.in_(campaign_ids))
    out: dict[int, list] = {}
    for cid, in_control, n in q.tuples():
        out.setdefault(cid, [0, 0])[1 if in_control else 0] = n
    return {k: (v[0], v[1]) for k, v in out.items()}


def _stages(campaign_ids) -> dict[int, list[StageInfo]]:
    sent = dict(CampaignSend.select(CampaignSend.stage, fn.COUNT(CampaignSend.id))
                .join(CampaignStage).where(CampaignStage.campaign.in_(campaign_ids))
                .group_by(CampaignSend.stage).tuples())
    templates = {i: (n, ch) for i, n, ch in MessageTemplate.select(
        MessageTemplate.id, MessageTemplate.name, MessageTemplate.channel).tuples()}
    out: dict[int, list[StageInfo]] = {}
    q = (CampaignStage.select().where(CampaignStage.campaign.in_(campaign_ids))
         .order_by(CampaignStage.campaign, CampaignStage.seq))
    for s in q:
        d = s.date if isinstance(s.date, date) else date.fromisoformat(str(s.date))
        tname, channel = templates.get(s.template_id, ('', ''))
        out.setdefault(s.campaign_id, []).append(StageInfo(
            s.id, s.name, d, s.template_id, bool(s.offer), s.seq, s.sent_at,
            sent.get(s.id, 0), tname, channel))
    return out


def _info(c: Campaign, stages, counts) -> CampaignInfo:
    targets, control = counts.get(c.id, (0, 0))
    return CampaignInfo(c.id, c.name, c.kind, c.audience_id, c.audience_name,
                        c.audience_filter, c.coupon, c.points, c.control_percent,
                        c.window_days, c.state, c.note, c.created_at,
                        stages.get(c.id, []), targets, control)


def list_campaigns() -> list[CampaignInfo]:
    """Newest first, with stages and live member counts."""
    rows = list(Campaign.select().order_by(Campaign.id.desc()))
    ids = [c.id for c in rows]
    if not ids:
        return []
    stages, counts = _stages(ids), _member_counts(ids)
    return [_info(c, stages, counts) for c in rows]


def get_campaign(campaign_id: int) -> CampaignInfo:
    c = Campaign.get_or_none(Campaign.id == campaign_id)
    if c is None:
        raise UserError('这个活动已被删除。')
    return _info(c, _stages([c.id]), _member_counts([c.id]))


def update_campaign(info: CampaignInfo) -> None:
    """Edit name, offer, results window and the stages. Stages already sent keep their
    date and template; unsent ones may change, be added or removed."""
    old = get_campaign(info.id)
    name = _check_common(info.name, info.coupon, info.points, info.window_days, info.stages)
    sent = {s.id: s for s in old.stages if s.sent_at is not None}
    kept_ids = {s.id for s in info.stages if s.id is not None}
    for sid, s in sent.items():
        if sid not in kept_ids:
            raise UserError(f'“{s.name}”已发送，不能删除。')
    for s in info.stages:
        was = sent.get(s.id)
        if was is not None and (s.date != was.date or s.template_id != was.template_id):
            raise UserError(f'“{was.name}”已发送，不能再改日期或模板。')
    stages = sorted(info.stages, key=lambda s: s.date)
    with db.atomic():
        Campaign.update(name=name, coupon=(info.coupon or '').strip(), points=info.points,
                        window_days=info.window_days, note=(info.note or '').strip()
                        ).where(Campaign.id == info.id).execute()
        (CampaignStage.delete().where(CampaignStage.campaign == info.id,
                                      CampaignStage.id.not_in(kept_ids or {0})).execute())
        # Renumber through negatives: the (campaign, seq) index is unique.
        CampaignStage.update(seq=0 - CampaignStage.seq).where(
            CampaignStage.campaign == info.id).execute()
        for seq, s in enumerate(stages, 1):
            values = dict(seq=seq, name=s.name, date=s.date, template=s.template_id,
                          offer=bool(s.offer))
            if s.id is None:
                CampaignStage.create(campaign=info.id, **values)
            else:
                CampaignStage.update(**values).where(CampaignStage.id == s.id).execute()
        refresh_state(info.id)


def delete_campaign(campaign_id: int) -> None:
    with db.atomic():
        Campaign.delete().where(Campaign.id == campaign_id).execute()


def refresh_state(campaign_id: int) -> str:
    sent = [s is not None for (s,) in CampaignStage.select(CampaignStage.sent_at)
            .where(CampaignStage.campaign == campaign_id).tuples()]
    state = DONE if sent and all(sent) else RUNNING if any(sent) else DRAFT
    Campaign.update(state=state).where(Campaign.id == campaign_id).execute()
    return state


def _targets(campaign_id: int, control: bool):
    return (CampaignMember.select(CampaignMember.customer)
            .join(Customer, on=(Customer.id == CampaignMember.customer))
            .where(CampaignMember.campaign == campaign_id, CampaignMember.in_control == control,
                   Customer.deleted_at.is_null()))


def target_ids(campaign_id: int, control: bool = False) -> list[int]:
    """Live buyers targeted (or held out), in id order."""
    # Cursor rows: peewee's row wrapping costs more than the query for 200,000 ids.
    q = _targets(campaign_id, control).order_by(CampaignMember.customer)
    return [cid for (cid,) in db.execute(q).fetchall()]


def count_targets(campaign_id: int, control: bool = False) -> int:
    return _targets(campaign_id, control).count()


def stage_of(stage_id: int) -> tuple[CampaignStage, Campaign]:
    s = CampaignStage.get_or_none(CampaignStage.id == stage_id)
    if s is None:
        raise UserError('这个活动阶段已被删除。')
    return s, Campaign.get_by_id(s.campaign_id)


