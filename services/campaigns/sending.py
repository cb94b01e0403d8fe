"""What the owner uploads or pastes, and the record of what was sent.

SMS sheet (for SMS platforms' bulk upload): 手机号 (text) and 内容 first, as the
platforms read them, then 字数 and 条数 for the owner. One row per buyer, at the
first usable mobile of phone / phone2. Buyers without one (none, masked by the
platform, a landline, or the same number as a buyer already on the sheet) go to a
second file beside it, "<name>-无法发送.xlsx/.csv", with the reason and the text,
for 旺旺 or a call. A second file rather than a second sheet: the upload file then
holds nothing but sendable rows whichever sheet a platform reads, and xlsx and CSV
behave the same (CSV has no sheets). That file is written only when someone was
left out.

Chat sheet (旺旺 / WeChat, pasted by hand): 平台, 买家会员名, 姓名, 微信, 内容, every
buyer; no 【signature】 or opt-out text, which belong to SMS.

Both leave out the buyers held back on purpose (holds): those who opted out of the
channel (SMS list for SMS, WeChat list for 旺旺/WeChat), reason 已退订, and those
already at the frequency cap, reason 已达发送上限. They go to the 无法发送 file with
the others, and ExportResult counts them. The upload sheet keeps full numbers (the
platform needs them); the 无法发送 file shows phones masked when asked (masked=True,
what the app's export dialog passes unless the owner ticks 导出完整手机号).

Both go through services.files.writers: atomic, text cells kept text, formula-
looking values neutralised. Marking a stage sent records one CampaignSend row per
buyer reached on the stage's channel: exactly the buyers on the sheet.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from models import db, now
from models.campaign import Campaign, CampaignSend, CampaignStage

from ..chunking import chunks
from ..importing.sqlbulk import insert_rows
from ..errors import UserError
from ..files.member_sheet import PLATFORM_NAMES
from ..files.writers import write_table
from ..privacy import mask_phone
from ..tasks import IsCancelled, Progress, check
from .holds import held_among, held_in_campaign
from .profile import ShopProfile, load_profile
from .recipients import (CAPPED, DUPLICATE, OPTED_OUT, SKIP_REASONS, Recipient,
                         campaign_recipients, load_recipients, sms_phone)
from .store import count_targets, refresh_state, stage_of, target_ids
from .template_store import TemplateInfo, get_template
from .templates import (CHANNEL_NAMES, OFFER_PLACEHOLDERS, Offer, placeholders_in, render)

SMS, CHAT = 'sms', 'chat'
SMS_HEADERS = ['手机号', '内容', '字数', '条数']
SMS_KINDS = ['text', 'text', 'int', 'int']
SKIPPED_HEADERS = ['平台', '买家会员名', '姓名', '手机号', '未能发送的原因', '内容']
SKIPPED_KINDS = ['text'] * 6
CHAT_HEADERS = ['平台', '买家会员名', '姓名', '微信', '内容']
CHAT_KINDS = ['text'] * 5


@dataclass
class ExportResult:
    path: str
    written: int
    skipped: int = 0
    skipped_path: str | None = None
    parts: int = 0                  # SMS parts billed for the whole sheet
    opted_out: int = 0              # of the skipped: on the channel's do-not-contact list
    capped: int = 0                 # of the skipped: at the frequency cap


def _stage_day(stage: CampaignStage, today: date) -> date:
    """The day a stage's messages go out: its date, or today when that has passed."""
    d = stage.date if isinstance(stage.date, date) else date.fromisoformat(str(stage.date))
    return max(d, today)


def skipped_path_for(path) -> Path:
    p = Path(path)
    return p.with_name(f'{p.stem}-无法发送{p.suffix}')


def check_ready(template: TemplateInfo, offer: Offer | None, profile: ShopProfile,
                kind: str = SMS) -> None:
    """Refuse before writing anything: no signature for an SMS that asks for one, or an
    offer placeholder with no offer behind it."""
    if kind == SMS and template.signature and not profile.signature:
        raise UserError('模板要加短信签名，请先在 设置 → 店铺资料 填写签名（如 小鹿母婴）。')
    offer = offer or Offer()
    used = set(n.strip() for n in placeholders_in(template.body))
    if OFFER_PLACEHOLDERS[0] in used and not offer.coupon.strip():
        raise UserError('模板里有 {优惠券}，但活动没有填写优惠券。')
    if OFFER_PLACEHOLDERS[1] in used and offer.points <= 0:
        raise UserError('模板里有 {赠送积分}，但活动没有填写赠送积分。')


def sms_plan(recipients: Iterable[Recipient], held: dict[int, str] | None = None
             ) -> Iterator[tuple[Recipient, str, str]]:
    """(buyer, mobile, '') for each buyer an SMS goes to, else (buyer, '', reason).
    `held`: customer id -> reason for buyers held back on purpose. A number already
    used by an earlier buyer is not texted twice."""
    seen: set[str] = set()
    for r in recipients:
        if held and r.id in held:
            yield r, '', held[r.id]
            continue
        phone, why = sms_phone(r)
        if phone and phone in seen:
            phone, why = '', DUPLICATE
        if phone:
            seen.add(phone)
        yield r, phone, why


def _buyers(ids) -> tuple[Iterable[Recipient], int]:
    """Recipients and how many, from a list of ids or an iterator with its count."""
    if isinstance(ids, tuple):
        return ids
    return load_recipients(ids), len(ids)


class _Skipped(list):
    """The 无法发送 rows of one export, phones masked when asked."""

    def __init__(self, masked: bool):
        super().__init__()
        self.masked = masked
        self.reasons: dict[str, int] = {}

    def add(self, r: Recipient, why: str, text: str) -> None:
        phone = r.phone or r.phone2
        self.reasons[why] = self.reasons.get(why, 0) + 1
        self.append([PLATFORM_NAMES.get(r.platform, r.platform), r.nick, r.name,
                     mask_phone(phone) if self.masked else phone, SKIP_REASONS[why], text])

    def finish(self, path, written: int, parts: int = 0) -> ExportResult:
        result = ExportResult(str(path), written, len(self), None, parts,
                              self.reasons.get(OPTED_OUT, 0), self.reasons.get(CAPPED, 0))
        other = skipped_path_for(path)
        if self:
            write_table(other, SKIPPED_HEADERS, self, SKIPPED_KINDS, sheet_name='无法发送')
            result.skipped_path = str(other)
        else:
            # A list from an earlier export of this sheet would name people who were
            # reached this time.
            other.unlink(missing_ok=True)
        return result


def _held(ids, held, kind: str, today: date) -> dict[int, str]:
    if held is not None:
        return held
    return held_among(ids, kind, today) if not isinstance(ids, tuple) else {}


def export_sms(path, ids, template: TemplateInfo, offer: Offer | None = None,
               profile: ShopProfile | None = None, today: date | None = None,
               progress: Progress | None = None, cancelled: IsCancelled | None = None,
               held: dict[int, str] | None = None, masked: bool = False) -> ExportResult:
    """`ids`: customer ids, or (recipients, count). `held`: customer id -> reason for
    buyers to leave out (default: the opted-out and capped among a list of ids)."""
    buyers, total = _buyers(ids)
    profile = profile or load_profile()
    check_ready(template, offer, profile, SMS)
    today = today or date.today()
    held = _held(ids, held, SMS, today)
    skipped = _Skipped(masked)
    parts = 0

    def rows():
        nonlocal parts
        for r, phone, why in sms_plan(buyers, held):
            m = render(template.body, r, profile, signature=template.signature,
                       opt_out=template.opt_out, offer=offer, today=today)
            if phone:
                parts += m.parts
                yield [phone, m.text, m.length, m.parts]
            else:
                skipped.add(r, why, m.text)
    written = write_table(path, SMS_HEADERS, rows(), SMS_KINDS, sheet_name='短信',
                          progress=progress, cancelled=cancelled, total=total)
    return skipped.finish(path, written, parts)


def export_chat(path, ids, template: TemplateInfo, offer: Offer | None = None,
                profile: ShopProfile | None = None, today: date | None = None,
                progress: Progress | None = None, cancelled: IsCancelled | None = None,
                held: dict[int, str] | None = None, masked: bool = False) -> ExportResult:
    """`ids`: customer ids, or (recipients, count); `held` as for export_sms."""
    buyers, total = _buyers(ids)
    profile = profile or load_profile()
    check_ready(template, offer, profile, CHAT)
    today = today or date.today()
    held = _held(ids, held, CHAT, today)
    skipped = _Skipped(masked)

    def rows():
        for r in buyers:
            m = render(template.body, r, profile, offer=offer, today=today)
            if r.id in held:
                skipped.add(r, held[r.id], m.text)
                continue
            yield [PLATFORM_NAMES.get(r.platform, r.platform), r.nick, r.name, r.wechat, m.text]
    written = write_table(path, CHAT_HEADERS, rows(), CHAT_KINDS,
                          sheet_name=CHANNEL_NAMES.get(template.channel, '消息'),
                          progress=progress, cancelled=cancelled, total=total)
    return skipped.finish(path, written)


def _stage_template(stage: CampaignStage) -> TemplateInfo:
    if stage.template_id is None:
        raise UserError(f'“{stage.name}”还没有选消息模板。')
    return get_template(stage.template_id)


def _offer(c: Campaign) -> Offer:
    return Offer(c.coupon or '', c.points or 0)


def export_stage(stage_id: int, path, kind: str = SMS, today: date | None = None,
                 progress: Progress | None = None, cancelled: IsCancelled | None = None,
                 masked: bool = False) -> ExportResult:
    """The sheet for one stage: its template for the campaign's live targets (never
    the control group), less the opted-out and those at the frequency cap on the day
    it goes out (other stages' and campaigns' sends count, this stage's own do not)."""
    stage, c = stage_of(stage_id)
    template = _stage_template(stage)
    export = export_sms if kind == SMS else export_chat
    today = today or date.today()
    held = held_in_campaign(c.id, kind, _stage_day(stage, today), exclude_stage=stage.id)
    buyers = (campaign_recipients(c.id), count_targets(c.id))
    return export(path, buyers, template, _offer(c), today=today, progress=progress,
                  cancelled=cancelled, held=held, masked=masked)


def mark_stage_sent(stage_id: int, when: datetime | None = None,
                    progress: Progress | None = None,
                    cancelled: IsCancelled | None = None) -> int:
    """Record the stage as sent to every live target reachable on its channel and not
    held back (as on its sheet); returns how many buyers were recorded."""
    stage, c = stage_of(stage_id)
    if stage.sent_at is not None:
        raise UserError(f'“{stage.name}”已标记为发送。')
    template = _stage_template(stage)
    at = when or now()
    kind = SMS if template.channel == SMS else CHAT
    held = held_in_campaign(c.id, kind, _stage_day(stage, at.date()), exclude_stage=stage.id)
    if kind == SMS:
        reached = [r.id for r, phone, _ in sms_plan(campaign_recipients(c.id), held) if phone]
    else:
        reached = [cid for cid in target_ids(c.id) if cid not in held]
    check(cancelled)
    with db.atomic():
        for chunk in chunks(reached, 20_000):
            check(cancelled)
            insert_rows(CampaignSend, ('stage_id', 'customer_id', 'channel', 'at'),
                        [(stage.id, cid, template.channel, at) for cid in chunk])
        CampaignStage.update(sent_at=at, sent_text=template.body).where(
            CampaignStage.id == stage.id).execute()
        refresh_state(c.id)
    if progress:
        progress(len(reached), len(reached))
    return len(reached)


def unmark_stage_sent(stage_id: int) -> None:
    """Undo a mark made by mistake: the stage and its per-buyer records go back."""
    stage, c = stage_of(stage_id)
    with db.atomic():
        CampaignSend.delete().where(CampaignSend.stage == stage.id).execute()
        CampaignStage.update(sent_at=None, sent_text='').where(
            CampaignStage.id == stage.id).execute()
        refresh_state(c.id)
