"""Search keys: pinyin, initials, surname readings, phone digits."""
import pytest

from services.pinyin_keys import (SURNAME_READINGS, normalise_query, pinyin_variants,
                                  search_text)


def test_full_pinyin_and_initials():
    assert pinyin_variants('张伟') == ('zhangwei', 'zw')


def test_empty_name():
    assert pinyin_variants('') == ('', '')


def test_latin_letters_kept_lower_case():
    full, initials = pinyin_variants('Amy张')
    assert full == 'amyzhang'
    assert initials == 'amyz'


@pytest.mark.parametrize('surname,reading', sorted(SURNAME_READINGS.items()))
def test_surname_reading_added_beside_the_common_one(surname, reading):
    full, initials = pinyin_variants(surname + '明')
    assert reading + 'ming' in full.split(' ')
    assert reading[0] + 'm' in initials.split(' ')


def test_zeng_keeps_both_readings():
    full, initials = pinyin_variants('曾伟')
    assert set(full.split(' ')) == {'cengwei', 'zengwei'}
    assert set(initials.split(' ')) == {'cw', 'zw'}


def test_surname_reading_only_for_the_first_character():
    # 曾 inside a given name keeps its ordinary reading.
    full, _ = pinyin_variants('王曾')
    assert full == 'wangceng'


def test_search_text_holds_every_field_lower_cased():
    text = search_text('TaoBaoNick', '张伟', '13812345678', '138****1234', 'WX_Zw')
    for part in ('taobaonick', '张伟', '13812345678', '138****1234', 'wx_zw', 'zhangwei', 'zw'):
        assert part in text


def test_search_text_without_name_or_phones():
    assert search_text('nick', '') == 'nick'


@pytest.mark.parametrize('phone', ['138-1234-5678', '138 1234 5678'])
def test_search_text_has_phone_digits_without_separators(phone):
    text = search_text('n', '', phone)
    assert phone in text
    assert '13812345678' in text


def test_search_text_masked_phone_with_separators():
    assert '138****1234' in search_text('n', '', '', '138-****-1234')


def test_normalise_query():
    assert normalise_query('  ZW \t 138 ') == 'zw 138'
    assert normalise_query('   ') == ''
