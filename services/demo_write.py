"""Writing a generated demo shop: chunked inserts with progress and cancel."""
from __future__ import annotations

import json
from datetime import timedelta

from models import (CLOSED, COMPLETED, ContactLog, CustomField, Customer, CustomerSearch,
                    CustomerTag, Order, OrderLine, PointsEntry, Product, Tag, Tier)

from .demo_data import BUYER_NOTES, SKIN, SOURCES, STATUS_TEXT, TAGS
from .pinyin_keys import search_text
from .tasks import Cancelled

_CHUNK = 500


class Writer:
    """insert_many in chunks, reporting progress and honouring cancel between chunks."""

    def __init__(self, total: int, progress, cancelled):
        self.done, self.total, self.progress, self.cancelled = 0, total, progress, cancelled

    def insert(self, model, fields: list, rows: list) -> None:
        for i in range(0, len(rows), _CHUNK):
            if self.cancelled and self.cancelled():
                raise Cancelled()
            chunk = rows[i:i + _CHUNK]
            model.insert_many(chunk, fields=fields).execute()
            self.done += len(chunk)
            if self.progress:
                self.progress(self.done, self.total)


def _get_or_create(model, name: str, **values) -> int:
    row = model.get_or_none(model.name == name)
    return row.id if row else model.create(name=name, **values).id


def _fields(model, names: str) -> list:
    return [getattr(model, n) for n in names.split()]


def write_shop(shop, people: list[dict], orders: list, w: Writer) -> None:
    r, end = shop.r, shop.end
    _get_or_create(CustomField, '肤质', kind='choice', choices='\n'.join(SKIN), position=1)
    _get_or_create(CustomField, '宝宝生日', kind='date', position=2)
    tag_ids = {name: _get_or_create(Tag, name, color=color, group=group)
               for name, color, group in TAGS}
    Product.insert_many([{k: v for k, v in p.items() if k != 'skus'}
                         for p in shop.products]).execute()
    product_ids = dict(Product.select(Product.code, Product.id).tuples())
    w.insert(Customer, _fields(Customer, 'platform nick name phone phone2 wechat gender '
                                         'birth_kind birth_year birth_month birth_day birth_leap '
                                         'province city address source note extra tier_locked '
                                         'created_at updated_at deleted_at'),
             [(c['platform'], c['nick'], c['name'], c['phone'], c['phone2'], c['wechat'],
               c['gender'], *c['birth'], c['province'], c['city'], c['address'],
               SOURCES[c['platform']], c['note'],
               json.dumps(c['extra'], ensure_ascii=False, sort_keys=True) if c['extra'] else '',
               c['locked'], c['orders'][0]['t'] - timedelta(minutes=30), c['orders'][-1]['t'],
               c['deleted_at']) for c in people])
    ids = {(p, n): i for p, n, i in
           Customer.select(Customer.platform, Customer.nick, Customer.id).tuples()}
    for c in people:
        c['id'] = ids[(c['platform'], c['nick'])]
    w.insert(CustomerSearch, _fields(CustomerSearch, 'customer text'),
             [(c['id'], search_text(c['nick'], c['name'], c['phone'], c['phone2'], c['wechat']))
              for c in people])
    w.insert(Order, _fields(Order, 'platform order_no customer status status_text completed '
                                   'amount item_count created_at paid_at receiver phone address '
                                   'buyer_note seller_note imported_at'),
             [(c['platform'], o['no'], c['id'], o['status'], STATUS_TEXT[o['status']],
               o['status'] == COMPLETED, o['amount'], sum(q for *_, q, _ in o['lines']),
               o['t'] - timedelta(minutes=r.randint(1, 20)),
               None if o['status'] == CLOSED else o['t'], c['name'], c['phone'], c['address'],
               r.choice(BUYER_NOTES) if r.random() < 0.05 else '',
               '老客，已送小样' if len(c['orders']) >= 5 and r.random() < 0.1 else '', end)
              for c, o in orders])
    order_ids = {(p, n): i for p, n, i in
                 Order.select(Order.platform, Order.order_no, Order.id).tuples()}
    w.insert(OrderLine, _fields(OrderLine, 'order product title sku quantity price amount'),
             [(order_ids[(c['platform'], o['no'])], product_ids[p['code']], p['title'], sku,
               q, price, q * price) for c, o in orders for p, sku, q, price in o['lines']])
    w.insert(PointsEntry, _fields(PointsEntry, 'customer created_at kind points reason source '
                                               'order'),
             [(c['id'], *e[:5], order_ids[(c['platform'], e[5])] if e[5] else None)
              for c in people for e in c['points']])
    w.insert(CustomerTag, _fields(CustomerTag, 'customer tag added_at'),
             [(c['id'], tag_ids[t], min(c['orders'][0]['t'] + timedelta(days=1), end))
              for c in people for t in c['tags']])
    w.insert(ContactLog, _fields(ContactLog, 'customer at channel purpose result'),
             [(c['id'], *x) for c in people for x in c['contacts']])
    vip = Tier.select(Tier.id).where(Tier.name == 'VIP会员').scalar()
    if vip:
        Customer.update(tier=vip).where(Customer.tier_locked == True).execute()  # noqa: E712
    w.done += 1
