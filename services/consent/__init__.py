"""Consent: who said "do not contact me" on which channel, and how often buyers hear from us.

    from services import consent
    consent.add_optout(customer_id, 'sms', reason='电话里说不要发短信')
    consent.import_report('退订回复.xlsx')          # the SMS platform's R/TD replies
    Customer.select().where(~consent.opted_out('sms'))    # inside any query
    consent.load_caps()                           # at most N marketing messages per M days

Parts: query (the one SQL condition every audience, export and reminder uses),
optouts (add, remove, list by hand), report (the SMS platform's opt-out report),
caps (the frequency cap and the message counts it reads).
"""
from .caps import ContactCaps, load_caps, messages_in_window, save_caps
from .optouts import (CHANNEL_NAMES, SOURCE_NAMES, OptOutInfo, add_optout, add_phone_optout,
                      channels_for, channels_of, count_opted_out, entry_counts, list_optouts,
                      remove_optout, remove_optout_ids)
from .query import opted_out, opted_out_ids
from .report import ReportResult, import_report

__all__ = ['CHANNEL_NAMES', 'SOURCE_NAMES', 'ContactCaps', 'OptOutInfo', 'ReportResult',
           'add_optout', 'add_phone_optout', 'channels_for', 'channels_of', 'count_opted_out',
           'entry_counts', 'import_report', 'list_optouts', 'load_caps', 'messages_in_window',
           'opted_out', 'opted_out_ids', 'remove_optout', 'remove_optout_ids', 'save_caps']
