"""Cell normalisers: exact money, ids as text, dates in every export style."""
from datetime import date, datetime

import pytest

from services.files import cells


@pytest.mark.parametrize('raw, want', [
    ('="1930123456789012345"', '1930123456789012345'),
    ("'18612345678", '18612345678'),
    ('\t4912345678901234567', '4912345678901234567'),
    ('  "abc"  ', 'abc'),
    ('=""', ''),
    ('plain', 'plain'),
    (None, ''),
    (12.0, '12'),
])
def test_unwrap(raw, want):
    assert cells.unwrap(raw) == want


@pytest.mark.parametrize('raw, fen', [
    ('598.00', 59800), ('598.00元', 59800), ('¥1,234.5', 123450), (' 12 ', 1200),
    ('12.5', 1250), ('0.01', 1), ('-12.30', -1230), ('￥ 99', 9900), ('1，299.00 元', 129900),
    ('="45.60"', 4560), (598, 59800), (598.0, 59800), (0.1 + 0.2, 30), (19.99, 1999),
    (1234567.89, 123456789), ('12.345', 1235), ('RMB 8.8', 880),
])
def test_money_is_exact_fen(raw, fen):
    assert cells.money(raw) == fen


@pytest.mark.parametrize('raw', ['', None, '-', '  ', 'null'])
def test_money_blank_is_none(raw):
    assert cells.money(raw) is None


@pytest.mark.parametrize('raw', ['abc', '12元5角', '1.2.3', float('nan')])
def test_money_garbage_is_a_chinese_reason(raw):
    with pytest.raises(ValueError, match='金额'):
        cells.money(raw)


@pytest.mark.parametrize('raw, want', [
    ('2024-01-02 03:04:05', datetime(2024, 1, 2, 3, 4, 5)),
    ('2024/1/2 3:04', datetime(2024, 1, 2, 3, 4)),
    ('2024/01/02 03:04:05', datetime(2024, 1, 2, 3, 4, 5)),
    ('2024-01-02', datetime(2024, 1, 2)),
    ('2024/1/2', datetime(2024, 1, 2)),
    ('2024年1月2日 3:04', datetime(2024, 1, 2, 3, 4)),
    ('2024年1月2日', datetime(2024, 1, 2)),
    ('2024.1.2 13:14', datetime(2024, 1, 2, 13, 14)),
    ('2024-01-02T03:04:05', datetime(2024, 1, 2, 3, 4, 5)),
    ('\t2024-01-02 03:04:05', datetime(2024, 1, 2, 3, 4, 5)),
    (datetime(2024, 1, 2, 3, 4, 5), datetime(2024, 1, 2, 3, 4, 5)),
    (date(2024, 1, 2), datetime(2024, 1, 2)),
    (45293.5, datetime(2024, 1, 2, 12, 0)),          # an unformatted Excel date cell
])
def test_when(raw, want):
    assert cells.when(raw) == want


@pytest.mark.parametrize('raw, reason', [('昨天', '日期'), ('2024-02-30 10:00:00', '没有这一天'),
                                         ('2024/13/1', '没有这一天')])
def test_when_garbage(raw, reason):
    with pytest.raises(ValueError, match=reason):
        cells.when(raw)


def test_when_blank():
    assert cells.when('') is None and cells.when(None) is None and cells.when('-') is None


@pytest.mark.parametrize('raw, want', [
    ('13800001234', '13800001234'), ("'13800001234", '13800001234'),
    ('138****1234', '138****1234'), ('+86 138 0000 1234', '+8613800001234'),
    ('0571-88886666', '0571-88886666'), (13800001234.0, '13800001234'),
    (13800001234, '13800001234'), ('="13800001234"', '13800001234'), ('', None), (None, None),
])
def test_phone(raw, want):
    assert cells.phone(raw) == want


def test_phone_garbage():
    with pytest.raises(ValueError, match='电话'):
        cells.phone('没有电话')


@pytest.mark.parametrize('raw, want', [
    ('="1930123456789012345"', '1930123456789012345'), ('240520-123456789012345',
                                                        '240520-123456789012345'),
    (123456789012345.0, '123456789012345'), (42, '42'), ('007', '007'), ('', None),
])
def test_ident(raw, want):
    assert cells.ident(raw) == want


@pytest.mark.parametrize('raw, reason', [
    (1.9301234567890123e18, '超过15位'), ('1.93012345678901E+18', '科学计数法'),
    (12.5, '不是整数')])
def test_ident_refuses_numbers_excel_has_mangled(raw, reason):
    with pytest.raises(ValueError, match=reason):
        cells.ident(raw)


@pytest.mark.parametrize('raw, want', [('2', 2), ('2件', 2), (2.0, 2), ('3.00', 3), (' 4 ', 4),
                                       ('', None)])
def test_integer(raw, want):
    assert cells.integer(raw) == want


def test_integer_refuses_fractions():
    with pytest.raises(ValueError, match='整数'):
        cells.integer('2.5')


def test_columns_report_positions_of_bad_cells():
    values, errors = cells.convert_column(cells.money, ['1.00', 'x', '2', 'y'])
    assert values == [100, None, 200, None]
    assert set(errors) == {1, 3} and '金额' in errors[1]
    many = ['1'] * 50 + ['坏'] + ['2'] * 50        # few distinct values: the memo path
    values, errors = cells.convert_column(cells.integer, many)
    assert values[0] == 1 and values[50] is None and values[-1] == 2 and list(errors) == [50]
    assert cells.text_column([' a ', '="b"', None, '-', 3.0]) == ['a', 'b', '', '', '3']
