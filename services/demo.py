"""A realistic demo shop: a baby, beauty and food store with two years of trade.

Everything is generated in memory from one seeded Random (deterministic for a
seed and a `now`), then written with insert_many in one transaction, so a
cancel or an error leaves the database as it was. Only honest trade is
simulated: real-looking buyers and orders, no brushing, no fake reviews.
"""
from __future__ import annotations

import random
import re
from datetime import date, datetime, time, timedelta
from itertools import accumulate

from models import CLOSED, COMPLETED, PAID, REFUNDED, SHIPPED, Customer, Order, db

from . import customer_stats
from .errors import UserError
from .points import PointsRules, expire, load_rules, sync_order_points
from .pinyin_keys import pinyin_variants
from .demo_social import seed_groups
from .demo_write import Writer, write_shop
from .tasks import Cancelled
from .demo_data import (SURNAMES, GIVEN_F, GIVEN_M, NAMES_F, NAMES_M, PHRASES, ADJS, NOUNS,
                         BABIES, MOMS, DADS, ENGLISH, PREFIXES, PHONE_PREFIXES, STREETS,
                         ESTATES, REGIONS, PRODUCTS, GROUP_OF, PLATFORMS, HOURS,
                         LEAP_MONTHS, SKIN, REDEEMS, CALL_RESULTS, NOTES, QUANTITIES,
                         PROMO_WEIGHTS)


def _weighted(spec: str) -> tuple[list[str], list[float]]:
    pairs = re.findall(r'(\D+?)([\d.]+)', spec.replace(' ', ''))
    return [p[0] for p in pairs], [float(p[1]) for p in pairs]


def _pinyin(name: str) -> str:
    # The last variant carries the surname reading (曾 -> zeng), as people spell their names.
    return pinyin_variants(name)[0].split(' ')[-1]


def _records(table: str) -> list[str]:
    return table.replace('\n', ';').split(';')


def _fen(yuan: str) -> int:
    return round(float(yuan) * 100)


def _money(fen: int) -> str:
    return f'¥{fen // 100}.{fen % 100:02d}'


class _Shop:
    """The generator: plain lists of rows, keyed by (platform, nick) / order number."""

    def __init__(self, rng: random.Random, end: datetime):
        self.r, self.end = rng, end
        self.surnames, self.surname_w = _weighted(SURNAMES)
        self.regions = []
        for region in _records(REGIONS):
            province, cities, weight = region.split(':')
            self.regions.append((province, [c.split() for c in cities.split('|')], float(weight)))
        self.region_cum = list(accumulate(w for *_, w in self.regions))
        self.products = []
        for line in _records(PRODUCTS):
            code, cat, title, price, cycle, skus = line.split('|')
            self.products.append(dict(code=code, category=cat, title=title, price=_fen(price),
                                      cycle_days=int(cycle) if cycle else None,
                                      skus=skus.split(',') if skus else ['']))
        by_group = {g: [p for p in self.products if GROUP_OF[p['category']] == g]
                    for g in ('baby', 'beauty', 'food')}
        self.choice_of = {**by_group, 'mixed': self.products}
        self.mains = {g: [p for p in ps if p['cycle_days']] for g, ps in self.choice_of.items()}
        start = end.date() - timedelta(days=730)
        self.days = [start + timedelta(days=i) for i in range(731)]
        self.promos = [d for d in self.days if (d.month, d.day) in ((6, 18), (11, 11), (12, 12))]
        # The shop grows over two years; trade peaks before 618 and 双11.
        weights = [(1 + 0.3 * i / 730) * self._promo_weight(d) for i, d in enumerate(self.days)]
        self.day_cum = list(accumulate(weights))
        self.hour_cum = list(accumulate(HOURS))
        self.used_nicks, self.used_phones, self.used_orders = set(), set(), set()
        self.store_seq: dict[date, int] = {}

    @staticmethod
    def _promo_weight(d: date) -> float:
        md = (d.month, d.day)
        return next((w for first, last, w in PROMO_WEIGHTS if first <= md <= last), 1)

    def at(self, day: date, platform: str) -> datetime:
        r = self.r
        hour = r.randint(10, 20) if platform == 'store' else \
            r.choices(range(24), cum_weights=self.hour_cum)[0]
        return datetime.combine(day, time(hour, r.randrange(60), r.randrange(60)))

    # --- people ---------------------------------------------------------------
    def name(self, gender: str) -> str:
        r = self.r
        surname = r.choices(self.surnames, self.surname_w)[0]
        chars, fixed = (GIVEN_F, NAMES_F) if gender == 'F' else (GIVEN_M, NAMES_M)
        k = r.random()               # one-character, common, or any two-character given name
        return surname + (r.choice(chars) if k < 0.3 else r.choice(fixed) if k < 0.55
                          else r.choice(chars) + r.choice(chars))

    def phone(self) -> str:
        while True:
            p = self.r.choice(PHONE_PREFIXES) + f'{self.r.randrange(10**8):08d}'
            if p not in self.used_phones:
                self.used_phones.add(p)
                return p

    def nick(self, platform: str, name: str, gender: str, phone: str, birth_year) -> str:
        r = self.r
        for attempt in range(50):
            digits = r.choice(['', '', '520', '1314', '88', str(birth_year or 2019),
                               str(r.randint(1, 999))])
            style = r.choices(range(7), (12, 16, 18, 18, 10, 12, 6))[0]
            if platform == 'store':
                nick = f'{name}{phone[-4:]}' if attempt == 0 else f'{name}{r.randint(100, 9999)}'
            elif platform == 'pdd' and r.random() < 0.45:
                nick = f'pdd用户{r.randint(1000, 99999)}'
            elif platform == 'douyin' and r.random() < 0.4:
                nick = f'用户{r.randrange(10**9, 10**10)}'
            elif style == 0:
                nick = ('tb_' if platform == 'taobao' and r.random() < 0.4 else '') + \
                    r.choice(PHRASES) + digits
            elif style == 1:
                nick = r.choice(ADJS) + r.choice(NOUNS) + digits
            elif style == 2:
                nick = r.choice(BABIES) + r.choice(MOMS if gender == 'F' else DADS) + digits
            elif style == 3 and name:
                nick = (_pinyin(name) + r.choice(['', '_'])
                        + (digits or str(r.randint(10, 99))))
            elif style == 4:
                nick = r.choice(ENGLISH) + (digits or str(r.randint(100, 9999)))
            elif style == 5 and platform in ('taobao', 'tmall'):
                nick = f'tb{r.randrange(10**9, 10**10)}'
            else:
                nick = r.choice(PREFIXES) + r.choice(NOUNS) + str(r.randint(2008, 2023))
            if attempt >= 30:
                nick += str(r.randint(10, 99999))
            if (platform, nick) not in self.used_nicks:
                self.used_nicks.add((platform, nick))
                return nick
        raise RuntimeError('could not find a free nick')  # 50 misses never happen in practice

    def birthday(self, group: str) -> tuple:
        r = self.r
        year = r.randint(1985, 2000) if group == 'baby' else r.randint(1972, 2003)
        if r.random() < 0.25:
            if r.random() < 0.04:
                year, month = r.choice(LEAP_MONTHS)
                return 'lunar', year, month, r.randint(1, 29), True
            day = 30 if r.random() < 0.05 else r.randint(1, 29)
            return 'lunar', year if r.random() < 0.8 else None, r.randint(1, 12), day, False
        d = date(2000, 1, 1) + timedelta(days=r.randrange(366))      # 2000 has a Feb 29
        if (d.month, d.day) == (2, 29):
            year = r.choice((1988, 1992, 1996, 2000))                 # born in a leap year
        return 'solar', year if r.random() < 0.75 else None, d.month, d.day, False

    def customer(self) -> dict:
        r = self.r
        platform = r.choices([p for p, _ in PLATFORMS], [w for _, w in PLATFORMS])[0]
        group = r.choices(('baby', 'beauty', 'food', 'mixed'), (40, 35, 15, 10))[0]
        gender = 'F' if r.random() < (0.92 if group == 'baby' else 0.75) else 'M'
        name = self.name(gender) if r.random() < 0.96 or platform == 'store' else ''
        birth = self.birthday(group) if r.random() < 0.6 else ('', None, None, None, False)
        phone = self.phone()
        shown = f'{phone[:3]}****{phone[-4:]}' if platform in ('pdd', 'douyin') else phone
        if platform == 'store':
            province, (city, *districts) = '浙江省', self.regions[1][1][0]
        else:
            province, cities, _ = self.regions[r.choices(range(len(self.regions)),
                                                         cum_weights=self.region_cum)[0]]
            city, *districts = r.choice(cities)
        address = (f'{province} {city} {r.choice(districts)} {r.choice(STREETS)}'
                   f'{r.randint(1, 399)}号 {r.choice(ESTATES)}{r.randint(1, 30)}栋'
                   f'{r.randint(1, 4)}单元{r.randint(1, 28)}0{r.randint(1, 4)}室')
        wechat = ''
        if r.random() < (0.6 if platform == 'store' else 0.22):
            wechat = r.choice((f'wxid_{r.getrandbits(56):014x}', phone,
                               (_pinyin(name) or 'wx') + str(r.randint(10, 9999))))
        extra = {}
        if group in ('beauty', 'mixed') and gender == 'F' and r.random() < 0.35:
            extra['肤质'] = r.choice(SKIN)
        if group == 'baby' and r.random() < 0.35:
            extra['宝宝生日'] = (self.end.date() - timedelta(days=r.randint(90, 1400))).isoformat()
        return dict(platform=platform, group=group, gender=gender, name=name, birth=birth,
                    phone=shown, phone2=self.phone() if r.random() < 0.04 else '',
                    wechat=wechat, province=province, city=city, address=address, extra=extra,
                    nick=self.nick(platform, name, gender, phone, birth[1]), orders=[])

    # --- trade ----------------------------------------------------------------
    def order_no(self, platform: str, t: datetime) -> str:
        r = self.r
        while True:
            if platform == 'pdd':
                no = f'{t:%y%m%d}-{r.randrange(10**14, 10**15)}'
            elif platform == 'douyin':
                no = f'69{r.randrange(10**16, 10**17)}'
            elif platform == 'store':
                seq = self.store_seq[t.date()] = self.store_seq.get(t.date(), 0) + 1
                no = f'MD{t:%Y%m%d}{seq:04d}'
            else:
                no = str(r.randrange(10**18, 4 * 10**18))
            if (platform, no) not in self.used_orders:
                self.used_orders.add((platform, no))
                return no

    def lines(self, c: dict, main: dict, t: datetime, repeat: bool) -> list:
        r = self.r
        pool = self.choice_of[c['group']]
        picked = [main] if r.random() < (0.85 if repeat else 0.6) else [r.choice(pool)]
        for _ in range(r.choices((0, 1, 2), (6, 3, 1))[0]):
            p = r.choice(pool if r.random() < 0.85 else self.products)
            if p not in picked:
                picked.append(p)
        promo = self._promo_weight(t.date()) > 1
        out = []
        for p in picked:
            qty = r.choices(*QUANTITIES.get(p['category'], ((1, 2, 3), (8, 3, 1))))[0]
            # Festival prices are 10% off, rounded to the jiao as shops price them.
            price = round(p['price'] * 0.9, -1) if promo else p['price']
            out.append((p, r.choice(p['skus']), qty, int(price)))
        return out

    def status(self, t: datetime) -> str:
        k, age = self.r.random(), (self.end - t).days
        if k < 0.07:
            return CLOSED if k < 0.04 else REFUNDED
        # Recent orders are still on their way; older ones the buyer has confirmed.
        return PAID if age < 2 else SHIPPED if age < 10 and k < 0.75 else COMPLETED

    def trade(self, c: dict) -> None:
        """Orders of one buyer: many buy once, some come back, a few buy on a cycle."""
        r = self.r
        k = r.random()
        most = 1 if k < 0.55 else r.randint(2, 5) if k < 0.87 else r.randint(6, 40)
        loyal = most >= 6
        day = r.choices(self.days, cum_weights=self.day_cum)[0]
        t = min(self.at(day, c['platform']), self.end - timedelta(minutes=r.randint(1, 300)))
        main = r.choice(self.mains[c['group']])
        while len(c['orders']) < most and t <= self.end:
            lines = self.lines(c, main, t, repeat=bool(c['orders']))
            status = self.status(t)
            c['orders'].append(dict(no=self.order_no(c['platform'], t), t=t, lines=lines,
                                    status=status, amount=sum(q * p for *_, q, p in lines)))
            qty = sum(q for p, _, q, _ in lines if p is main)
            if main['cycle_days'] and qty:
                gap = qty * main['cycle_days'] * r.uniform(0.9, 1.3 if loyal else 2.5)
            else:
                gap = r.uniform(20, 80) if loyal else r.uniform(30, 300)
            day = (t + timedelta(days=gap)).date()
            soon = [p for p in self.promos if day < p <= day + timedelta(days=12)]
            if soon and r.random() < 0.5:
                day = soon[0]                     # buyers wait for the festival price
            t = self.at(day, c['platform'])

    def points(self, c: dict, rules: PointsRules) -> list:
        """Ledger events in time order, as sync_order_points and the owner would write them:
        (at, kind, points, reason, source, order no). Orders earn at payment; some refunds
        come after the buyer had confirmed, and take the points back. A redeem only
        follows enough points, counting reversals still to come."""
        r, end, events = self.r, self.end, []
        since = rules.since()
        for o in c['orders']:
            late_refund = (o['status'] == REFUNDED and (end - o['t']).days > 20
                           and r.random() < 0.4)
            pts = rules.earned_for(o['amount'])
            if not (o['status'] == COMPLETED or late_refund) or not pts \
                    or (since and o['t'] < since):
                continue
            source = f"order:{c['platform']}:{o['no']}"[:64]
            events.append((o['t'], 'earn', pts, f"订单 {o['no']} 消费 {_money(o['amount'])}",
                           source, o['no']))
            if late_refund:
                at = o['t'] + timedelta(days=r.randint(7, 15), minutes=r.randint(0, 600))
                events.append((at, 'reverse', -pts, f"订单 {o['no']} 已退款，冲回积分",
                               source, o['no']))
        # Bonuses come once someone is a member: between the first earn and now.
        joined = events[0][0] if events else end
        if events and c['birth'][0] and r.random() < 0.35:
            at = (joined + (end - joined) * r.random()).replace(microsecond=0)
            events.append((at, 'bonus', rules.birthday_points, '生日积分', f'birthday:{at.year}',
                           None))
        if events and r.random() < 0.15:
            at = (joined + (end - joined) * r.random()).replace(microsecond=0)
            events.append((at, 'bonus', rules.survey_points, '问卷调研奖励', 'survey', None))
        events = [e for e in events if e[2]]
        events.sort(key=lambda e: e[0])
        out, balance = [], 0
        for i, e in enumerate(events):
            out.append(e)
            balance += e[2]
            cost, reason = r.choice(REDEEMS)
            at = e[0] + timedelta(minutes=r.randint(5, 600))
            later = events[i + 1][0] if i + 1 < len(events) else end
            owed = -sum(x[2] for x in events[i + 1:] if x[1] == 'reverse'
                        and any(y[5] == x[5] for y in events[:i + 1]))
            if balance - owed >= cost and at <= later and r.random() < 0.12:
                out.append((at, 'redeem', -cost, reason, 'coupon' if '券' in reason else 'gift',
                            None))
                balance -= cost
        return out


def _plan(shop: _Shop, people: list[dict], points_rules: PointsRules) -> None:
    """Decisions that need a buyer's whole history: tags, notes, points, contacts."""
    r, end = shop.r, shop.end
    deleted, locked = len(people) // 500, max(1, len(people) // 1000)
    for c in people:
        done = [o for o in c['orders'] if o['status'] == COMPLETED]
        n, spend = len(done), sum(o['amount'] for o in done)
        rules = (('VIP群', c['wechat'] and (spend >= 1500_00 or n >= 6), 0.7),
                 ('晒单群', n >= 2, 0.12), ('老客', n >= 5, 0.85),
                 ('敏感肌', c['extra'].get('肤质') == '敏感性', 1),
                 ('敏感肌', c['group'] == 'beauty' and '肤质' not in c['extra'], 0.05),
                 ('宝妈', c['group'] == 'baby' and c['gender'] == 'F', 0.65))
        c['tags'] = [tag for tag, fits, p in rules if fits and r.random() < p]
        c['points'] = shop.points(c, points_rules)
        c['contacts'] = [(o['t'] + timedelta(days=15), r.choice(('phone', 'wangwang')),
                          '高额订单回访', r.choice(CALL_RESULTS)) for o in done
                         if o['amount'] >= 500_00 and o['t'] + timedelta(days=15) <= end
                         and r.random() < 0.35]
        if c['wechat'] and c['birth'][0] and r.random() < 0.1:
            at = c['orders'][0]['t'] + (end - c['orders'][0]['t']) * r.random()
            c['contacts'].append((at.replace(microsecond=0), 'wechat', '生日祝福', '已发送'))
        c['note'], c['locked'], c['deleted_at'] = '', False, None
        if r.random() < 0.02:
            c['note'] = r.choice(NOTES)
        if deleted and n == 1 and not c['tags']:
            c['note'], c['deleted_at'] = '重复登记', end - timedelta(days=r.randint(1, 60))
            deleted -= 1
        elif locked and n == 1 and c['wechat']:
            c['note'], c['locked'] = '店主朋友，手动设为VIP会员', True
            locked -= 1


def build_demo_shop(seed: int = 20241111, customers: int = 3000, progress=None,
                    cancelled=None, now: datetime | None = None) -> dict:
    """Fill an empty database with a demo shop and return the row counts written.

    Call it from the one thread that writes to the database. progress(done,
    total) and cancelled() are optional; a cancel raises Cancelled and the
    transaction leaves nothing behind. `now` fixes "today" for repeatable data.
    """
    if Customer.select().exists() or Order.select().exists():
        raise UserError('数据库里已经有顾客或订单，演示数据只能放进空的数据库')
    end = (now or datetime.now()).replace(microsecond=0)
    shop = _Shop(random.Random(seed), end)
    people = []
    for i in range(customers):
        if cancelled and i % 500 == 0 and cancelled():
            raise Cancelled()
        people.append(shop.customer())
        shop.trade(people[-1])
    rules = load_rules()
    _plan(shop, people, rules)
    orders = [(c, o) for c in people for o in c['orders']]
    sizes = dict(customers=len(people), orders=len(orders),
                 lines=sum(len(o['lines']) for _, o in orders),
                 points=sum(len(c['points']) for c in people),
                 tags=sum(len(c['tags']) for c in people),
                 contacts=sum(len(c['contacts']) for c in people))
    w = Writer(sum(sizes.values()) + sizes['customers'] + 1, progress, cancelled)
    with db.atomic():
        write_shop(shop, people, orders, w)
        # The plan already holds every order's points; this finds nothing to add, and
        # records the whole-shop state so the next pass knows it.
        sync_order_points(None, rules, at=end)
        customer_stats.refresh()
        sizes['points'] += expire(end, rules).customers     # none unless the owner set a term
        social = seed_groups(random.Random(seed + 1), end)
        sizes['points'] += social['referral_points']
    if progress:
        progress(w.total, w.total)
    return dict(sizes, **social, products=len(shop.products),
                deleted=sum(1 for c in people if c['deleted_at']),
                completed=sum(1 for _, o in orders if o['status'] == COMPLETED),
                lunar=sum(1 for c in people if c['birth'][0] == 'lunar'))
