"""Campaigns: saved audiences, message templates, sheets to send, and who came back.

    from services import campaigns
    campaigns.save_audience(AudienceInfo(name='高价值沉睡', filter=MemberFilter(...)))
    campaigns.render(body, recipient, profile, signature=True, opt_out=True)
    cid = campaigns.create_campaign(campaigns.winback_campaign(promotion, coupon='满199减30元券'))
    campaigns.export_stage(stage_id, 'sms.xlsx')      # + sms-无法发送.xlsx when needed
    campaigns.mark_stage_sent(stage_id)
    campaigns.campaign_results(cid)

Parts: profile (shop name, signature, opt-out), templates (placeholders, rendering,
SMS length), template_store, audiences, recipients (buyer facts, usable phones),
store (campaigns and stages), sending (sheets, marks), results, winback.
The app never sends a message itself. Names load on first use.
"""
from importlib import import_module

_WHERE = {
    'ShopProfile': 'profile', 'load_profile': 'profile', 'save_profile': 'profile',
    'Offer': 'templates', 'Rendered': 'templates', 'PLACEHOLDERS': 'templates',
    'CHANNELS': 'templates', 'CHANNEL_NAMES': 'templates', 'render': 'templates',
    'sms_length': 'templates', 'sms_parts': 'templates', 'check_body': 'templates',
    'TemplateInfo': 'template_store', 'list_templates': 'template_store',
    'get_template': 'template_store', 'save_template': 'template_store',
    'delete_template': 'template_store', 'add_starters': 'template_store',
    'AudienceInfo': 'audiences', 'list_audiences': 'audiences', 'get_audience': 'audiences',
    'save_audience': 'audiences', 'rename_audience': 'audiences',
    'delete_audience': 'audiences', 'audience_size': 'audiences',
    'audience_sizes': 'audiences', 'count_filter': 'audiences', 'customer_ids': 'audiences',
    'describe': 'audiences', 'count_opted_out': 'audiences', 'audience_reach': 'audiences',
    'audience_reaches': 'audiences',
    'Recipient': 'recipients', 'get_recipient': 'recipients',
    'sample_recipient': 'recipients', 'mobile_of': 'recipients', 'find_buyers': 'recipients',
    'preview': 'template_store',
    'CampaignInfo': 'store', 'NewCampaign': 'store', 'StageInfo': 'store',
    'STATE_NAMES': 'store', 'create_campaign': 'store', 'list_campaigns': 'store',
    'get_campaign': 'store', 'update_campaign': 'store', 'delete_campaign': 'store',
    'draw_control': 'store', 'target_ids': 'store',
    'ExportResult': 'sending', 'export_sms': 'sending', 'export_chat': 'sending',
    'export_stage': 'sending', 'mark_stage_sent': 'sending',
    'unmark_stage_sent': 'sending', 'skipped_path_for': 'sending',
    'StageResult': 'results', 'GroupResult': 'results', 'campaign_results': 'results',
    'returned_buyers': 'results', 'held_in_campaign': 'holds',
    'Promotion': 'winback', 'upcoming_promotions': 'winback',
    'winback_campaign': 'winback', 'winback_audience': 'winback', 'winback_days': 'winback',
}
__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
    value = getattr(import_module(f'.{_WHERE[name]}', __name__), name)
    globals()[name] = value
    return value
