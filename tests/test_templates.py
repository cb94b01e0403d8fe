"""Message templates: placeholders, missing values, 【签名】 and opt-out, SMS length as billed."""
from datetime import date, datetime

import pytest

from services import settings
from services.campaigns import templates as t
from services.campaigns.profile import ShopProfile, load_profile, save_profile
from services.campaigns.recipients import Recipient, mobile_of
from services.campaigns.template_store import (TemplateInfo, add_starters, delete_template,
                                               list_templates, save_template)
from services.errors import UserError, ValidationError

TODAY = date(2026, 3, 5)
SHOP = ShopProfile('小鹿母婴', '小鹿母婴', '拒收请回复R')


def buyer(**kw) -> Recipient:
    base = dict(id=1, platform='taobao', nick='tb_8823771', name='王芳', tier='VIP会员',
                points=1280, total_spent=3560_50, birth_kind='solar', birth_month=8,
                birth_day=15, last_order_at=datetime(2025, 9, 1, 20, 0))
    base.update(kw)
    return Recipient(**base)


# --- length -------------------------------------------------------------------------------

@pytest.mark.parametrize('n, parts', [(0, 0), (1, 1), (70, 1), (71, 2), (134, 2), (135, 3),
                                      (201, 3), (202, 4)])
def test_parts_as_platforms_bill(n, parts):
    assert t.sms_parts(n) == parts


def test_length_counts_every_character_and_emoji_twice():
    assert t.sms_length('abc') == 3
    assert t.sms_length('你好，R') == 4
    assert t.sms_length('🎁') == 2                  # outside the BMP: a surrogate pair
    assert t.sms_length('生日快乐🎂🎉') == 8
    assert t.sms_length('☺') == 1                   # U+263A is in the BMP


@pytest.mark.parametrize('body_len, parts', [(70, 1), (71, 2), (134, 2), (135, 3)])
def test_whole_message_counted_with_signature_and_opt_out(body_len, parts):
    # 【小鹿母婴】 is 6, '，' + 拒收请回复R is 7: the body makes up the rest.
    body = '好' * (body_len - 13)
    m = t.render(body, buyer(), SHOP, signature=True, opt_out=True, today=TODAY)
    assert m.text.startswith('【小鹿母婴】') and m.text.endswith('，拒收请回复R')
    assert (m.length, m.parts) == (body_len, parts)


def test_an_emoji_can_tip_a_message_into_two_parts():
    body = '好' * 68
    assert t.render(body + '!', buyer(), SHOP, today=TODAY).parts == 1     # 69
    one_more = t.render(body + '🎉', buyer(), SHOP, today=TODAY)
    assert (one_more.length, one_more.parts) == (70, 1)
    two = t.render(body + '🎉🎉', buyer(), SHOP, today=TODAY)
    assert (two.length, two.parts) == (72, 2)


# --- placeholders -------------------------------------------------------------------------

def test_every_placeholder_renders_for_a_full_buyer():
    body = ''.join('{' + name + '}|' for name in t.PLACEHOLDERS)
    m = t.render(body, buyer(), SHOP, offer=t.Offer('满199减30元券', 200), today=TODAY)
    assert m.text.split('|')[:-1] == [
        '王芳', 'tb_8823771', 'VIP会员', '1280', '3560.50元', '小鹿母婴', '满199减30元券', '200',
        '8月15日', '2025年9月1日', '185']
    assert m.missing == []


def test_missing_values_fall_back_and_are_reported():
    bare = buyer(name='', nick='tb_8823771', tier='', points=0, total_spent=0, birth_kind='',
                 birth_month=None, birth_day=None, last_order_at=None)
    m = t.render('{姓名}，{会员等级}有{积分}分，{店铺名}送{优惠券}，生日{生日}',
                 bare, ShopProfile(), today=TODAY)
    assert m.text == '亲，会员有0分，本店送，生日'
    assert m.missing == ['店铺名', '优惠券', '生日']


def test_name_falls_back_to_a_chinese_nick_then_to_qin():
    assert t.render('{姓名}', buyer(name='', nick='小鹿妈妈'), SHOP).text == '小鹿妈妈'
    assert t.render('{姓名}', buyer(name='', nick='tb_99'), SHOP).text == '亲'
    assert t.render('{姓名}', buyer(name='  '), SHOP).text == '亲'


def test_lunar_birthday_and_full_width_braces():
    m = t.render('｛生日｝快乐', buyer(birth_kind='lunar', birth_month=8, birth_day=15), SHOP)
    assert m.text == '农历八月十五快乐'


def test_opt_out_follows_punctuation_directly():
    assert t.render('欢迎回来！', buyer(), SHOP, opt_out=True).text == '欢迎回来！拒收请回复R'
    assert t.render('欢迎回来', buyer(), SHOP, opt_out=True).text == '欢迎回来，拒收请回复R'


def test_signature_on_without_a_signature_is_reported():
    m = t.render('你好', buyer(), ShopProfile(shop_name='店'), signature=True)
    assert m.text == '你好' and '签名' in m.missing


def test_unknown_placeholder_is_refused_at_save(database):
    with pytest.raises(ValidationError, match=r'\{昵称\}'):
        save_template(TemplateInfo(name='错', body='{昵称}你好'))
    with pytest.raises(ValidationError, match='【】'):
        save_template(TemplateInfo(name='双签名', body='【小鹿】你好', signature=True))
    # Without automatic signature the owner may write brackets; literal braces pass.
    tid = save_template(TemplateInfo(name='好', body='【小鹿】{姓名}你好 {', signature=False))
    assert [x.id for x in list_templates()] == [tid]


def test_template_names_are_unique_and_starters_fit_one_sms(database):
    save_template(TemplateInfo(name='A', body='你好'))
    with pytest.raises(ValidationError, match='已有名为'):
        save_template(TemplateInfo(name=' A ', body='再见'))
    assert add_starters() == 4 and add_starters() == 0
    for tpl in list_templates():
        if tpl.channel == 'sms' and tpl.name != 'A':
            m = t.render(tpl.body, buyer(), SHOP, signature=tpl.signature, opt_out=tpl.opt_out,
                         offer=t.Offer('满199减30元券'))
            assert m.parts == 1, (tpl.name, m.length)


def test_deleting_a_template_in_use_is_refused(database, make_customer):
    from services.campaigns.store import NewCampaign, StageInfo, create_campaign
    make_customer('tb_a')
    tid = save_template(TemplateInfo(name='A', body='你好'))
    create_campaign(NewCampaign('活动', [StageInfo(name='一', date=TODAY, template_id=tid)]))
    with pytest.raises(UserError, match='活动'):
        delete_template(tid)


# --- shop profile ---------------------------------------------------------------------------

def test_profile_stores_a_bare_signature_and_validates(database):
    assert load_profile().opt_out == '拒收请回复R'
    p = save_profile(ShopProfile(' 小鹿母婴 ', '【小鹿母婴】', '回T退订'))
    assert (p.signature, load_profile().signature_text()) == ('小鹿母婴', '【小鹿母婴】')
    assert settings.get('shop.profile')['signature'] == '小鹿母婴'
    with pytest.raises(ValidationError, match='签名'):
        save_profile(ShopProfile(signature='鹿'))
    with pytest.raises(ValidationError, match='括号'):
        save_profile(ShopProfile(signature='小鹿【母婴'))


# --- phones -------------------------------------------------------------------------------

@pytest.mark.parametrize('text, expected', [
    ('13800001111', ('13800001111', '')), ('+86 138-0000-1111', ('13800001111', '')),
    ('8613800001111', ('13800001111', '')), ('138****1111', ('', 'masked')),
    ('138xxxx1111', ('', 'masked')), ('', ('', 'no_phone')),
    ('0571-88886666', ('', 'not_mobile')), ('1380000111', ('', 'not_mobile'))])
def test_usable_mobiles(text, expected):
    assert mobile_of(text) == expected


def test_spaces_inside_braces_and_an_unsaved_unknown_name():
    # Typed by hand: { 姓名 } still works; a name that slipped past the save check stays visible.
    assert t.render('{ 姓名 }好，{昵称}', buyer(), SHOP).text == '王芳好，{昵称}'
