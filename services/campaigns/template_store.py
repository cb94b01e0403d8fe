"""Saved message templates: list, save (checked), delete, and the starter set."""
from __future__ import annotations

from dataclasses import dataclass

from models import db, now
from models.campaign import Campaign, CampaignStage, MessageTemplate

from ..errors import UserError, ValidationError
from .templates import check_body

# name, channel, body, signature, opt-out. The win-back pair is what the built-in
# win-back campaign uses (found by name, re-added when missing).
WINBACK_MISS = '唤醒·想念'
WINBACK_OFFER = '唤醒·优惠'
STARTERS = (
    (WINBACK_MISS, 'sms', '{姓名}，好久不见，{店铺名}上了不少新品，也一直记着您的喜好，'
                          '大促前给您留了惊喜，记得来看看哦', True, True),
    (WINBACK_OFFER, 'sms', '{姓名}，{店铺名}送您一张{优惠券}，大促期间下单可用，'
                           '数量有限，期待您回来', True, True),
    ('生日祝福', 'sms', '{姓名}，{店铺名}祝您生日快乐！{会员等级}专享生日礼已备好，'
                    '本月下单送双倍积分', True, True),
    ('旺旺回访', 'wangwang', '亲，我是{店铺名}的客服，看到您是我们的{会员等级}，'
                         '现在有{积分}积分可以抵扣，有需要随时找我哦～', False, False),
)


@dataclass
class TemplateInfo:
    id: int | None = None
    name: str = ''
    channel: str = 'sms'
    body: str = ''
    signature: bool = True
    opt_out: bool = True

    def cleaned(self) -> 'TemplateInfo':
        t = TemplateInfo(self.id, (self.name or '').strip(), self.channel, (self.body or '').strip(),
                         bool(self.signature), bool(self.opt_out))
        if not t.name:
            raise ValidationError('name', '请填写模板名称。')
        if len(t.name) > 32:
            raise ValidationError('name', '模板名称最多 32 个字。')
        check_body(t.body, t.channel, t.signature)
        return t


def _info(t: MessageTemplate) -> TemplateInfo:
    return TemplateInfo(t.id, t.name, t.channel, t.body, bool(t.signature), bool(t.opt_out))


def list_templates() -> list[TemplateInfo]:
    return [_info(t) for t in MessageTemplate.select().order_by(MessageTemplate.id)]


def get_template(template_id: int) -> TemplateInfo:
    t = MessageTemplate.get_or_none(MessageTemplate.id == template_id)
    if t is None:
        raise UserError('这个模板已被删除。')
    return _info(t)


def save_template(info: TemplateInfo) -> int:
    t = info.cleaned()
    with db.atomic():
        clash = MessageTemplate.select().where(MessageTemplate.name == t.name)
        if t.id is not None:
            clash = clash.where(MessageTemplate.id != t.id)
        if clash.exists():
            raise ValidationError('name', f'已有名为“{t.name}”的模板。')
        values = dict(name=t.name, channel=t.channel, body=t.body, signature=t.signature,
                      opt_out=t.opt_out, updated_at=now())
        if t.id is None:
            return MessageTemplate.create(**values).id
        if not MessageTemplate.update(**values).where(MessageTemplate.id == t.id).execute():
            raise UserError('这个模板已被删除。')
        return t.id


def delete_template(template_id: int) -> None:
    """Refused while a stage not yet sent uses it (sent stages keep their text)."""
    with db.atomic():
        user = (Campaign.select(Campaign.name).join(CampaignStage)
                .where(CampaignStage.template == template_id, CampaignStage.sent_at.is_null())
                .first())
        if user is not None:
            raise UserError(f'活动“{user.name}”还要用这个模板，请先在活动里换一个模板。')
        MessageTemplate.delete().where(MessageTemplate.id == template_id).execute()


def add_starters(names=None) -> int:
    """Add the starter templates (or those named) that are missing; returns how many."""
    have = {n for (n,) in MessageTemplate.select(MessageTemplate.name).tuples()}
    rows = [dict(name=n, channel=c, body=b, signature=s, opt_out=o)
            for n, c, b, s, o in STARTERS
            if n not in have and (names is None or n in names)]
    if rows:
        with db.atomic():
            MessageTemplate.insert_many(rows).execute()
    return len(rows)


def template_id_by_name(name: str) -> int | None:
    t = MessageTemplate.get_or_none(MessageTemplate.name == name)
    return t.id if t else None


def preview(body: str, *, signature: bool, opt_out: bool, customer_id: int | None = None,
            offer=None, today=None):
    """The message one buyer would get (a made-up buyer when customer_id is None or gone)."""
    from .profile import load_profile
    from .recipients import get_recipient, sample_recipient
    from .templates import render
    r = get_recipient(customer_id) if customer_id is not None else None
    return render(body, r or sample_recipient(today), load_profile(), signature=signature,
                  opt_out=opt_out, offer=offer, today=today)
