"""CustomerProfile.cleaned(): stripping and validation, no database needed."""
from datetime import date

import pytest

from services.customer_profile import PLATFORMS, CustomerProfile
from services.errors import ValidationError


def clean(**fields) -> CustomerProfile:
    fields.setdefault('nick', 'buyer')
    return CustomerProfile(**fields).cleaned()


def refused(field: str, **fields) -> ValidationError:
    with pytest.raises(ValidationError) as info:
        clean(**fields)
    assert info.value.field == field
    assert str(info.value)          # a sentence for the owner, never empty
    return info.value


@pytest.mark.parametrize('nick', ['', '   ', '\t\n'])
def test_nick_is_required(nick):
    refused('nick', nick=nick)


def test_text_fields_are_stripped():
    p = clean(nick='  小王 ', name=' 王五 ', phone=' 13812345678 ', wechat=' wx ',
              province=' 浙江 ', city=' 杭州 ', address=' 文一路 ', source=' 直播 ',
              note='\n备注\n')
    assert (p.nick, p.name, p.phone, p.wechat) == ('小王', '王五', '13812345678', 'wx')
    assert (p.province, p.city, p.address, p.source, p.note) == (
        '浙江', '杭州', '文一路', '直播', '备注')


def test_cleaned_leaves_the_original_untouched():
    original = CustomerProfile(nick=' a ', extra={'k': ''})
    original.cleaned()
    assert original.nick == ' a ' and original.extra == {'k': ''}


def test_nick_length_limit():
    assert clean(nick='买' * 128).nick == '买' * 128
    refused('nick', nick='买' * 129)


def test_name_length_limit():
    assert clean(name='王' * 64).name == '王' * 64
    refused('name', name='王' * 65)


@pytest.mark.parametrize('field,limit', [('wechat', 64), ('province', 32), ('city', 32),
                                         ('source', 64)])
def test_column_width_limits(field, limit):
    assert getattr(clean(**{field: 'x' * limit}), field) == 'x' * limit
    refused(field, **{field: 'x' * (limit + 1)})


@pytest.mark.parametrize('platform', PLATFORMS)
def test_known_platforms_accepted(platform):
    assert clean(platform=platform).platform == platform


@pytest.mark.parametrize('platform', ['', 'jd', 'Taobao'])
def test_unknown_platform_refused(platform):
    refused('platform', platform=platform)


@pytest.mark.parametrize('phone', ['13812345678', '138****1234', '+86 138 1234 5678',
                                   '0571-88886666', '12345'])
def test_phone_forms_accepted(phone):
    p = clean(phone=phone, phone2=phone)
    assert p.phone == p.phone2 == phone


@pytest.mark.parametrize('phone', ['138abc45678', 'phone', '1234', '1' * 22, '++8613812345678',
                                   '138 1234 567a'])
def test_bad_phones_refused(phone):
    refused('phone', phone=phone)
    refused('phone2', phone2=phone)


def test_blank_phone_allowed():
    assert clean(phone='  ').phone == ''


@pytest.mark.parametrize('gender', ['', 'M', 'F'])
def test_genders(gender):
    assert clean(gender=gender).gender == gender


def test_unknown_gender_refused():
    refused('gender', gender='X')


# Birthdays

def test_feb_29_without_year_accepted():
    p = clean(birth_kind='solar', birth_month=2, birth_day=29)
    assert (p.birth_year, p.birth_month, p.birth_day) == (None, 2, 29)


def test_feb_29_checked_against_the_given_year():
    assert clean(birth_kind='solar', birth_year=2000, birth_month=2, birth_day=29).birth_day == 29
    refused('birthday', birth_kind='solar', birth_year=2001, birth_month=2, birth_day=29)


@pytest.mark.parametrize('month,day', [(2, 30), (4, 31), (13, 1), (0, 5), (1, 0), (1, 32)])
def test_impossible_solar_dates_refused(month, day):
    refused('birthday', birth_kind='solar', birth_month=month, birth_day=day)


def test_lunar_day_30_accepted_day_31_refused():
    assert clean(birth_kind='lunar', birth_month=12, birth_day=30).birth_day == 30
    refused('birthday', birth_kind='lunar', birth_month=12, birth_day=31)


@pytest.mark.parametrize('month', [0, 13])
def test_lunar_month_range(month):
    refused('birthday', birth_kind='lunar', birth_month=month, birth_day=1)


def test_lunar_keeps_leap_month_solar_drops_it():
    assert clean(birth_kind='lunar', birth_month=4, birth_day=2, birth_leap=True).birth_leap
    assert not clean(birth_kind='solar', birth_month=4, birth_day=2, birth_leap=True).birth_leap


@pytest.mark.parametrize('missing', ['birth_month', 'birth_day'])
def test_birthday_needs_month_and_day(missing):
    fields = dict(birth_kind='solar', birth_month=5, birth_day=6)
    fields[missing] = None
    refused('birthday', **fields)


def test_birth_year_range():
    this_year = date.today().year
    assert clean(birth_kind='solar', birth_year=1900, birth_month=1, birth_day=1).birth_year == 1900
    assert clean(birth_kind='lunar', birth_year=this_year, birth_month=1,
                 birth_day=1).birth_year == this_year
    refused('birthday', birth_kind='solar', birth_year=1899, birth_month=1, birth_day=1)
    refused('birthday', birth_kind='lunar', birth_year=this_year + 1, birth_month=1, birth_day=1)


def test_no_birth_kind_clears_the_date():
    p = clean(birth_kind='', birth_year=1990, birth_month=2, birth_day=30, birth_leap=True)
    assert (p.birth_year, p.birth_month, p.birth_day, p.birth_leap) == (None, None, None, False)


def test_unknown_birth_kind_refused():
    refused('birth_kind', birth_kind='moon', birth_month=1, birth_day=1)


# Owner-defined fields

def test_extra_drops_blank_values_and_stringifies_keys():
    p = clean(extra={'肤质': '干性', '风格': '', 'x': None, 3: 0})
    assert p.extra == {'肤质': '干性', '3': 0}


def test_extra_json():
    assert clean().extra_json() == ''
    assert clean(extra={'b': 1, '肤质': '干'}).extra_json() == '{"b": 1, "肤质": "干"}'


@pytest.mark.parametrize('phone', ['(0571)88886666', '138xxxx1234', '0571-8888 6666'])
def test_phones_that_imports_accept_are_accepted_here_too(phone):
    from services.files.cells import phone as read_phone
    assert read_phone(phone) is not None
    assert clean(phone=phone).phone == phone
