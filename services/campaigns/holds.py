"""Buyers a campaign sheet leaves out on purpose: opted out of the channel, or already at
the frequency cap (services.consent). Unreachable ones (no usable phone) are the
recipients module's business.

An SMS sheet checks the SMS list, a 旺旺/WeChat sheet the WeChat list (旺旺 counts as
chat). An opt-out wins over the cap as the reason given. Both are found in SQL over
the campaign's live targets; only the few held back come back to Python.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from models import Customer
from models.campaign import CampaignMember

from ..chunking import chunks
from ..consent import caps as consent_caps
from ..consent.query import opted_out
from .recipients import CAPPED, OPTED_OUT

SMS_CHANNEL, CHAT_CHANNEL = 'sms', 'wechat'


def optout_channel(kind_or_channel: str) -> str:
    """The do-not-contact list that governs a sheet kind or template channel."""
    return SMS_CHANNEL if kind_or_channel == 'sms' else CHAT_CHANNEL


def _targets(campaign_id: int):
    return (CampaignMember.select(CampaignMember.customer)
            .join(Customer, on=(Customer.id == CampaignMember.customer))
            .where(CampaignMember.campaign == campaign_id,
                   CampaignMember.in_control == False,  # noqa: E712
                   Customer.deleted_at.is_null()))


def held_in_campaign(campaign_id: int, kind: str, day: date,
                     exclude_stage: int | None = None) -> dict[int, str]:
    """customer id -> OPTED_OUT or CAPPED for the campaign's live targets on `day`."""
    held = {cid: CAPPED for cid in consent_caps.sent_counts(
        _targets(campaign_id), day, exclude_stage=exclude_stage)}
    q = _targets(campaign_id).where(opted_out(optout_channel(kind)))
    held.update((cid, OPTED_OUT) for (cid,) in q.tuples())
    return held


def held_among(ids: Sequence[int], kind: str, day: date) -> dict[int, str]:
    """The same for a plain list of customer ids."""
    held: dict[int, str] = {}
    caps = consent_caps.load_caps()
    for chunk in chunks(list(ids)):
        held.update((cid, CAPPED) for cid in consent_caps.sent_counts(chunk, day, caps))
        q = Customer.select(Customer.id).where(Customer.id.in_(chunk),
                                               opted_out(optout_channel(kind)))
        held.update((cid, OPTED_OUT) for (cid,) in q.tuples())
    return held
