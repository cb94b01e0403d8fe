"""Generate a big, realistic shop database for benchmarks.

    python bench/generate_shop.py OUT.db --customers 1000000 --orders 1200000

The schema comes from models.database.open_database (so it is exactly the
app's); rows are then written with raw sqlite3 executemany in big
transactions with the secondary indexes dropped and rebuilt at the end,
which is several times faster than inserting into indexed tables.
Derived columns (order_count, total_spent, first/last order, tier, points,
segment) agree with the generated orders and points ledger. Deterministic
for a given --seed.
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import time
from bisect import bisect_right
from datetime import datetime, timedelta
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from services.pinyin_keys import pinyin_variants, search_text  # noqa: E402

END = datetime(2025, 11, 20, 22, 0, 0)   # fixed "today" so runs are reproducible
START = datetime(2019, 1, 1)
DAY0 = START.date()

# Surname weights roughly follow the national frequency table (per mille);
# the compound ones are rare on purpose (the benchmark searches one of them).
SURNAMES = (
    ('王', 71), ('李', 70), ('张', 67), ('刘', 54), ('陈', 45), ('杨', 31), ('黄', 22),
    ('赵', 20), ('吴', 20), ('周', 19), ('徐', 15), ('孙', 15), ('马', 12), ('朱', 12),
    ('胡', 11), ('郭', 10), ('何', 10), ('高', 9), ('林', 9), ('罗', 9), ('郑', 8),
    ('梁', 7), ('谢', 6), ('宋', 5), ('唐', 5), ('许', 5), ('韩', 5), ('冯', 4), ('邓', 4),
    ('曹', 4), ('彭', 4), ('曾', 4), ('肖', 4), ('田', 3), ('董', 3), ('袁', 3), ('潘', 3),
    ('于', 3), ('蒋', 3), ('蔡', 3), ('余', 3), ('杜', 3), ('叶', 3), ('程', 3), ('苏', 2),
    ('魏', 2), ('吕', 2), ('丁', 2), ('任', 2), ('沈', 2), ('姚', 2), ('卢', 2), ('姜', 2),
    ('崔', 2), ('钟', 2), ('谭', 2), ('陆', 2), ('汪', 2), ('范', 2), ('金', 2), ('石', 2),
    ('廖', 2), ('贾', 2), ('夏', 2), ('韦', 2), ('付', 2), ('方', 2), ('白', 2), ('邹', 2),
    ('孟', 2), ('熊', 2), ('秦', 2), ('邱', 2), ('江', 2), ('尹', 2), ('薛', 1), ('闫', 1),
    ('段', 1), ('雷', 1), ('侯', 1), ('龙', 1), ('史', 1), ('陶', 1), ('黎', 1), ('贺', 1),
    ('顾', 1), ('毛', 1), ('郝', 1), ('龚', 1), ('邵', 1), ('万', 1), ('钱', 1), ('严', 1),
    ('覃', 1), ('武', 1), ('戴', 1), ('莫', 1), ('孔', 1), ('向', 1), ('汤', 1), ('单', 0.5),
    ('欧阳', 0.2), ('诸葛', 0.05), ('司马', 0.05), ('上官', 0.05),
)
GIVEN = (
    ('伟', 30), ('芳', 22), ('娜', 20), ('敏', 18), ('静', 18), ('丽', 16), ('强', 16),
    ('磊', 15), ('军', 15), ('洋', 14), ('勇', 14), ('艳', 13), ('杰', 13), ('娟', 12),
    ('涛', 12), ('明', 12), ('超', 11), ('秀', 11), ('霞', 11), ('平', 10), ('刚', 10),
    ('桂', 8), ('英', 10), ('华', 10), ('玉', 9), ('兰', 9), ('红', 9), ('建', 9), ('文', 9),
    ('辉', 9), ('玲', 8), ('鹏', 8), ('飞', 8), ('宇', 8), ('浩', 8), ('婷', 8), ('雪', 7),
    ('琳', 7), ('晨', 7), ('欣', 7), ('怡', 7), ('子', 7), ('梓', 6), ('涵', 6), ('轩', 6),
    ('睿', 5), ('博', 5), ('思', 6), ('雨', 6), ('佳', 7), ('嘉', 5), ('俊', 6), ('晓', 7),
    ('海', 6), ('春', 6), ('燕', 7), ('丹', 6), ('波', 5), ('斌', 5), ('云', 5), ('慧', 6),
    ('凤', 4), ('国', 6), ('志', 6), ('成', 5), ('亮', 5), ('鑫', 4), ('倩', 5), ('颖', 5),
    ('淑', 3), ('萍', 4), ('坤', 3), ('峰', 4), ('林', 4), ('宁', 4), ('瑶', 4), ('蕾', 3),
    ('莉', 4), ('彤', 4), ('萱', 3), ('然', 3), ('诗', 3), ('梦', 4), ('晶', 4), ('璐', 3),
    ('薇', 4), ('维', 3), ('东', 4), ('欢', 3), ('新', 3), ('立', 3), ('阳', 4), ('天', 3),
)
PLATFORMS = (('taobao', 45), ('tmall', 10), ('pdd', 20), ('douyin', 15), ('store', 7),
             ('other', 3))
PROVINCES = (
    ('广东省', ('广州市', '深圳市', '东莞市', '佛山市'), 12), ('浙江省', ('杭州市', '宁波市', '温州市'), 9),
    ('江苏省', ('南京市', '苏州市', '无锡市'), 9), ('山东省', ('济南市', '青岛市', '烟台市'), 7),
    ('河南省', ('郑州市', '洛阳市'), 6), ('四川省', ('成都市', '绵阳市'), 6),
    ('湖北省', ('武汉市', '宜昌市'), 5), ('湖南省', ('长沙市', '株洲市'), 5),
    ('福建省', ('福州市', '厦门市', '泉州市'), 5), ('上海市', ('上海市',), 5),
    ('北京市', ('北京市',), 5), ('河北省', ('石家庄市', '保定市'), 4), ('安徽省', ('合肥市', '芜湖市'), 4),
    ('陕西省', ('西安市',), 3), ('辽宁省', ('沈阳市', '大连市'), 3), ('重庆市', ('重庆市',), 3),
    ('江西省', ('南昌市',), 3), ('广西壮族自治区', ('南宁市', '桂林市'), 3), ('云南省', ('昆明市',), 2),
    ('天津市', ('天津市',), 2), ('山西省', ('太原市',), 2), ('黑龙江省', ('哈尔滨市',), 2),
    ('吉林省', ('长春市',), 1), ('贵州省', ('贵阳市',), 1), ('甘肃省', ('兰州市',), 1),
    ('新疆维吾尔自治区', ('乌鲁木齐市',), 1), ('海南省', ('海口市',), 1), ('内蒙古自治区', ('呼和浩特市',), 1),
)
ROADS = ('人民路', '解放路', '中山路', '建设路', '和平路', '长江路', '新华路', '文化路', '青年路',
         '胜利路', '朝阳路', '幸福路', '光明路', '学府路', '滨江路', '东风路')
DISTRICTS = ('中心区', '新区', '高新区', '开发区', '老城区', '东城区', '西城区', '南湖区')
EN_WORDS = ('sunny', 'lucky', 'happy', 'lily', 'coco', 'momo', 'xiaoyu', 'tina', 'amy', 'angel',
            'baby', 'candy', 'kitty', 'dream', 'echo', 'fish', 'grace', 'honey', 'ivy', 'jenny',
            'kiki', 'lemon', 'mia', 'nana', 'orange', 'peach', 'queen', 'rain', 'star', 'tiger')
CN_ADJ = ('快乐的', '可爱的', '安静的', '小', '大', '阿', '爱吃', '想飞的', '胖胖的', '微笑的', '懒懒的',
          '甜甜的')
CN_NOUN = ('小鱼', '猫咪', '兔子', '星星', '月亮', '宝宝', '妈妈', '公主', '米粒', '橙子', '桃子', '小熊',
           '土豆', '向日葵', '奶茶', '布丁')
MOBILE = ('138', '139', '135', '136', '137', '150', '151', '152', '158', '159', '188', '187',
          '186', '130', '131', '132', '155', '156', '185', '133', '153', '180', '181', '189',
          '177', '173', '199', '166', '176', '182', '183', '157', '198')
PRODUCTS = (  # title, price (fen), cycle days, category
    ('婴儿配方奶粉3段 800g', 22800, 10, '母婴'), ('婴儿纸尿裤L码 52片', 8900, 7, '母婴'),
    ('宝宝湿巾 80抽x6包', 3990, 20, '母婴'), ('儿童益生菌 30袋', 12800, 30, '母婴'),
    ('补水保湿面膜 10片', 6900, 20, '美妆'), ('氨基酸洗面奶 120g', 5900, 45, '美妆'),
    ('玻尿酸精华液 30ml', 15900, 40, '美妆'), ('防晒霜SPF50 50ml', 9900, 60, '美妆'),
    ('云南小粒咖啡豆 500g', 6800, 25, '食品'), ('新疆灰枣 2.5kg', 5990, 30, '食品'),
    ('坚果礼盒 1.2kg', 12900, None, '食品'), ('西湖龙井 250g', 26800, 60, '食品'),
    ('五常大米 10kg', 8900, 30, '食品'), ('低脂牛奶 250mlx24', 6590, 12, '食品'),
    ('纯棉短袖T恤', 7900, None, '服饰'), ('高腰牛仔裤', 15900, None, '服饰'),
    ('羊毛针织开衫', 29900, None, '服饰'), ('运动休闲鞋', 25900, None, '服饰'),
    ('猫粮成猫 10kg', 19900, 40, '宠物'), ('狗粮全价 15kg', 23900, 45, '宠物'),
    ('猫砂豆腐砂 6L x4', 8900, 20, '宠物'), ('洗衣凝珠 60颗', 4990, 40, '日用'),
    ('抽纸 3层x24包', 4590, 30, '日用'), ('电动牙刷刷头 4支', 6900, 90, '日用'),
    ('保温杯 500ml', 8900, None, '日用'), ('真丝枕套', 19900, None, '家纺'),
    ('四件套 纯棉', 39900, None, '家纺'), ('蓝牙耳机', 29900, None, '数码'),
    ('手机壳', 2990, None, '数码'), ('充电宝 20000mAh', 12900, None, '数码'),
)
TAGS = (  # name, colour, share of customers
    ('老客户', '#e67e22', 0.08), ('宝妈', '#e91e63', 0.06), ('直播间粉丝', '#9c27b0', 0.05),
    ('学生党', '#3f51b5', 0.03), ('送礼', '#f44336', 0.025), ('敏感肌', '#009688', 0.02),
    ('大码', '#795548', 0.015), ('VIP群', '#ffc107', 0.008), ('高退货', '#607d8b', 0.005),
    ('差评风险', '#000000', 0.002),
)
RFM = {  # (r_high, f_high, m_high) -> segment
    (1, 1, 1): '重要价值客户', (1, 0, 1): '重要发展客户', (0, 1, 1): '重要保持客户',
    (0, 0, 1): '重要挽留客户', (1, 1, 0): '一般价值客户', (1, 0, 0): '一般发展客户',
    (0, 1, 0): '一般保持客户', (0, 0, 0): '一般挽留客户',
}
ORDER_STATUS_TEXT = {'completed': '交易成功', 'closed': '交易关闭', 'refunded': '退款成功',
                     'shipped': '卖家已发货，等待买家确认', 'paid': '买家已付款，等待卖家发货'}
CHUNK = 50_000


class Chooser:
    """Weighted choice by bisect over cumulative weights: cheaper than random.choices per call."""

    def __init__(self, rng: random.Random, items, weights):
        self.items, self.rng = list(items), rng.random
        self.cum = list(accumulate(weights))
        self.total = self.cum[-1]

    def __call__(self):
        return self.items[bisect_right(self.cum, self.rng() * self.total)]


def _clock():
    # Every second of a day and every day as text: formatting 3M datetimes costs ~10 s.
    times = [f'{h:02d}:{m:02d}:{s:02d}' for h in range(24) for m in range(60) for s in range(60)]
    ndays = (END.date() - DAY0).days + 2
    days = [(DAY0 + timedelta(d)).isoformat() for d in range(ndays)]

    def fmt(ts: int) -> str:          # ts = seconds since START
        d, s = divmod(ts, 86400)
        return days[d] + ' ' + times[s]
    return fmt


def _open_schema(path: Path) -> list[str]:
    """Create the app schema, then return its secondary index DDL (dropped during the load)."""
    from models.database import close_database, open_database
    if path.exists():
        path.unlink()
    for suffix in ('-wal', '-shm'):
        Path(str(path) + suffix).unlink(missing_ok=True)
    open_database(path, backup_dir=path.parent / 'backups')
    close_database()
    con = sqlite3.connect(path)
    ddl = [sql for (sql,) in con.execute(
        "select sql from sqlite_master where type='index' and sql is not null")]
    con.close()
    return ddl


def generate(path: Path, n_customers: int, n_orders: int, seed: int,
             extra_indexes: list[str], analyze: bool = False) -> None:
    t0 = time.perf_counter()
    rng = random.Random(seed)
    rand, randint, getrandbits = rng.random, rng.randint, rng.getrandbits
    fmt = _clock()
    index_ddl = _open_schema(path)

    con = sqlite3.connect(path, isolation_level=None)
    con.execute('pragma journal_mode=off')
    con.execute('pragma synchronous=off')
    con.execute('pragma cache_size=-262144')
    con.execute('pragma temp_store=memory')
    con.execute('pragma locking_mode=exclusive')
    for (name,) in con.execute("select name from sqlite_master where type='index' "
                               "and sql is not null").fetchall():
        con.execute(f'drop index "{name}"')
    con.execute('begin')

    tiers = con.execute('select id, rank, min_spent, min_orders from tier '
                        'order by rank desc').fetchall()

    def tier_of(spent: int, orders: int) -> int:
        for tid, rank, min_spent, min_orders in tiers:
            if rank == tiers[-1][1]:
                return tid
            if (min_spent > 0 and spent >= min_spent) or (min_orders > 0 and orders >= min_orders):
                return tid
        return tiers[-1][0]

    con.executemany('insert into product (code, title, price, cycle_days, category) '
                    'values (?, ?, ?, ?, ?)',
                    [(f'SP{i + 1:05d}', t, p, c, cat) for i, (t, p, c, cat) in enumerate(PRODUCTS)])
    products = con.execute('select id, title, price from product order by id').fetchall()
    stamp = fmt(int((END - START).total_seconds()))
    batch_id = con.execute(
        "insert into import_batch (file_name, file_hash, kind, created_at, rows_read, added, "
        "updated, skipped, problems) values ('generate_shop.py', '', 'bench', ?, ?, ?, 0, 0, '')",
        (stamp, n_orders, n_orders)).lastrowid
    con.executemany('insert into tag (name, color, "group", auto, rule) values (?, ?, ?, 0, ?)',
                    [(n, c, '', '') for n, c, _ in TAGS])
    tag_ids = [i for (i,) in con.execute('select id from tag order by id')]

    surname = Chooser(rng, *zip(*SURNAMES))
    given = Chooser(rng, *zip(*GIVEN))
    platform_of = Chooser(rng, *zip(*PLATFORMS))
    province_of = Chooser(rng, [(p, c) for p, c, _ in PROVINCES], [w for *_, w in PROVINCES])
    product_of = Chooser(rng, products, [6, 5, 4, 2, 5, 4, 3, 3, 3, 2, 2, 1, 3, 3, 4, 3, 1, 2,
                                         3, 2, 3, 4, 5, 2, 2, 1, 1, 1, 4, 2])
    qty_of = Chooser(rng, (1, 2, 3, 4, 6), (70, 18, 7, 3, 2))
    hour_of = Chooser(rng, range(24), (3, 2, 1, 1, 1, 1, 1, 2, 4, 6, 7, 7, 6, 6, 6, 6, 6, 6,
                                       6, 7, 9, 11, 10, 6))

    # Orders per customer: most buy once, ~8% never completed anything, a
    # Pareto tail of repeat buyers; then trimmed to exactly n_orders.
    buyers = min(int(n_customers * 0.92), int(n_orders * 0.77))
    k = [1] * buyers + [0] * (n_customers - buyers)
    rng.shuffle(k)
    extra = n_orders - buyers
    if extra > 0:
        repeaters = rng.sample(range(n_customers), min(n_customers, max(1, int(extra / 2.3))))
        for i in repeaters:
            k[i] += min(60, int(rng.paretovariate(1.5)))
        total = sum(k)
        while total < n_orders:
            k[rng.choice(repeaters)] += 1
            total += 1
        while total > n_orders:
            i = rng.choice(repeaters)
            if k[i] > 1:
                k[i] -= 1
                total -= 1
    span = int((END - START).total_seconds())
    r_cut = span - 180 * 86400          # bought in the last 180 days = recent
    m_cut = 300_00                      # spent 300 yuan or more = high value

    seen_nicks: set = set()
    cust_rows, search_rows, order_rows, points_rows = [], [], [], []
    order_seq = 0
    cust_sql = ('insert into customer (id, platform, nick, name, phone, phone2, wechat, gender, '
                'birth_kind, birth_year, birth_month, birth_day, birth_leap, province, city, '
                'address, source, note, extra, tier_id, tier_locked, created_at, updated_at, '
                'deleted_at, merged_into_id, order_count, total_spent, first_order_at, '
                'last_order_at, points, segment) values '
                '(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)')
    # Orders go to a stage table first and are copied over in time order
    # below, so order ids grow with time as they do in a real import history.
    con.execute('create temp table stage (ts integer, platform text, order_no text, '
                'customer_id integer, status text, completed integer, amount integer, '
                'qty integer, product integer, receiver text, phone text, address text)')
    stage_sql = 'insert into stage values (?,?,?,?,?,?,?,?,?,?,?,?)'

    def flush():
        con.executemany(cust_sql, cust_rows)
        con.executemany('insert into customer_search (customer_id, text) values (?, ?)',
                        search_rows)
        con.executemany(stage_sql, order_rows)
        con.executemany('insert into points_entry (customer_id, kind, points, reason, source, '
                        'created_at) values (?, ?, ?, ?, ?, ?)', points_rows)
        for rows in (cust_rows, search_rows, order_rows, points_rows):
            rows.clear()

    for cid in range(1, n_customers + 1):
        platform = platform_of()
        has_name = rand() < 0.85 or platform == 'store'
        if has_name:
            name = surname() + given() + (given() if rand() < 0.7 else '')
        else:
            name = ''
        # Nick: platform default ids, pinyin+year, English words, cute Chinese phrases.
        while True:
            u = rand()
            if platform in ('taobao', 'tmall') and u < 0.3:
                nick = f'tb{getrandbits(40) % 10**10:010d}'
            elif platform == 'pdd' and u < 0.4:
                nick = f'pdd{getrandbits(34) % 10**10:010d}'
            elif platform == 'douyin' and u < 0.4:
                nick = f'用户{getrandbits(34) % 10**10:010d}'
            elif u < 0.6 and name:
                nick = pinyin_variants(name)[0].split(' ')[0] + str(randint(60, 2010))
            elif u < 0.8:
                nick = rng.choice(EN_WORDS) + rng.choice(('', '_', '.')) + str(randint(1, 99999))
            else:
                nick = rng.choice(CN_ADJ) + rng.choice(CN_NOUN) + (str(randint(1, 9999))
                                                                   if rand() < 0.7 else '')
            if (platform, nick) not in seen_nicks:
                seen_nicks.add((platform, nick))
                break
        u = rand()
        if u < 0.1:
            phone = ''
        else:
            prefix, tail = rng.choice(MOBILE), f'{getrandbits(27) % 10**8:08d}'
            phone = prefix + ('****' + tail[4:] if u < 0.3 else tail)
        phone2 = f'1{rng.choice(MOBILE)[1:]}{getrandbits(27) % 10**8:08d}' if rand() < 0.03 else ''
        u = rand()
        wechat = ('' if u < 0.7 else f'wxid_{getrandbits(48):012x}' if u < 0.85
                  else nick + '_wx' if u < 0.95 else phone)
        gender = 'F' if rand() < 0.62 else 'M' if rand() < 0.7 else ''
        if rand() < 0.35:
            birth_kind = 'lunar' if rand() < 0.2 else 'solar'
            birth_year = randint(1960, 2006) if rand() < 0.7 else None
            birth_month, birth_day = randint(1, 12), randint(1, 28)
        else:
            birth_kind, birth_year, birth_month, birth_day = '', None, None, None
        province, cities = province_of()
        city = cities[0] if len(cities) == 1 else rng.choice(cities)
        address = (f'{province}{city}{rng.choice(DISTRICTS)}{rng.choice(ROADS)}'
                   f'{randint(1, 999)}号{randint(1, 30)}栋{randint(1, 30)}{randint(1, 4):02d}室')

        # Customers arrive faster as the shop grows (sqrt), orders follow.
        first = int(span * (rand() ** 0.5)) - 86400 * 3
        first = max(0, first)
        n = k[cid - 1]
        spent = count = earned = 0
        first_done = last_done = None
        receiver = name or nick[:8]
        times = []
        for ts in ([first] + [randint(first, span) for _ in range(n - 1)]) if n else ():
            ts = ts - ts % 86400 + hour_of() * 3600 + randint(0, 3599)   # shoppers' hours
            times.append(ts if ts <= span else span - randint(0, 3600))
        times.sort()
        for ts in times:
            product_id, _, price = product_of()
            qty = qty_of()
            amount = price * qty - (randint(0, price // 10) // 100 * 100 if rand() < 0.4 else 0)
            age = span - ts
            if age < 3 * 86400 and rand() < 0.6:
                status = 'paid' if age < 86400 else 'shipped'
            else:
                u = rand()
                status = 'completed' if u < 0.9 else 'closed' if u < 0.95 else 'refunded'
            done = status == 'completed'
            if done:
                spent += amount
                earned += amount // 100           # each order earns on its own, floored
                count += 1
                if first_done is None:
                    first_done = ts
                last_done = ts
            order_seq += 1
            if platform in ('taobao', 'tmall'):
                order_no = f'{2 * 10**18 + order_seq * 7919 + cid % 7919:019d}'
            elif platform == 'pdd':
                order_no = f'{fmt(ts)[2:10].replace("-", "")}-{order_seq:015d}'
            elif platform == 'douyin':
                order_no = f'6{order_seq * 104729:018d}'
            else:
                order_no = f'MD{order_seq:012d}'
            order_rows.append((ts, platform, order_no, cid, status, int(done), amount, qty,
                               product_id, receiver, phone, address))
        created = max(0, (times[0] if times else first) - randint(0, 86400 * 2))
        deleted = fmt(min(span, created + randint(86400, 86400 * 400))) if rand() < 0.03 else None
        points = earned                       # earn entries are written per order below
        if points:
            if rand() < 0.08:
                used = min(points, randint(1, 20) * 100)
                points -= used
                points_rows.append((cid, 'redeem', -used, '兑换优惠券', 'coupon', fmt(last_done)))
        tier_locked = rand() < 0.005
        tier = tiers[randint(0, len(tiers) - 1)][0] if tier_locked else tier_of(spent, count)
        segment = (RFM[(int(last_done >= r_cut), int(count >= 2), int(spent >= m_cut))]
                   if count else '')
        cust_rows.append((
            cid, platform, nick, name, phone, phone2, wechat, gender, birth_kind, birth_year,
            birth_month, birth_day, 0, province, city, address, '订单导入', '', '', tier,
            int(tier_locked), fmt(created),
            fmt(last_done if last_done is not None else created), deleted,
            None, count, spent, fmt(first_done) if count else None,
            fmt(last_done) if count else None, points, segment))
        search_rows.append((cid, search_text(nick, name, phone, phone2, wechat)))
        if len(cust_rows) >= CHUNK:
            flush()
    flush()
    t_rows = time.perf_counter()

    # Orders in time order; one order line each.
    con.execute("""
        insert into "order" (id, platform, order_no, customer_id, status, status_text, completed,
            amount, item_count, created_at, paid_at, receiver, phone, address, buyer_note,
            seller_note, batch_id, imported_at)
        select row_number() over (order by ts, rowid), platform, order_no, customer_id, status,
            case status when 'completed' then ? when 'closed' then ? when 'refunded' then ?
                        when 'shipped' then ? else ? end,
            completed, amount, qty,
            datetime(?, '+' || (ts - 60 - (rowid % 600)) || ' seconds'),
            case when status = 'closed' then null else datetime(?, '+' || ts || ' seconds') end,
            receiver, phone, address, '', '', ?, ?
        from stage""",
        (ORDER_STATUS_TEXT['completed'], ORDER_STATUS_TEXT['closed'],
         ORDER_STATUS_TEXT['refunded'], ORDER_STATUS_TEXT['shipped'], ORDER_STATUS_TEXT['paid'],
         str(START), str(START), batch_id, stamp))
    con.execute("""
        insert into order_line (order_id, product_id, title, sku, quantity, price, amount)
        select row_number() over (order by s.ts, s.rowid), s.product, p.title, '', s.qty,
               p.price, s.amount
        from stage s join product p on p.id = s.product""")
    con.execute('drop table stage')
    # One earn entry per completed order, linked to it, as services.points writes them.
    con.execute("""
        insert into points_entry (customer_id, kind, points, reason, source, created_at, order_id)
        select customer_id, 'earn', amount / 100, '订单 ' || order_no || ' 消费',
               'order:' || platform || ':' || order_no, paid_at, id
        from "order" where completed = 1 and amount >= 100""")
    t_orders = time.perf_counter()

    # Tags on random subsets.
    tag_rows = []
    for tag_id, (_, _, share) in zip(tag_ids, TAGS):
        for cid in rng.sample(range(1, n_customers + 1), int(n_customers * share)):
            tag_rows.append((cid, tag_id, fmt(randint(0, span))))
    con.executemany('insert into customer_tag (customer_id, tag_id, added_at) values (?, ?, ?)',
                    tag_rows)
    con.execute('commit')
    t_tags = time.perf_counter()

    for sql in index_ddl + extra_indexes:
        con.execute(sql)
    if analyze:
        con.execute('analyze')
    con.close()
    # Back to the app's journal mode (WAL) so the file opens as the app leaves it.
    con = sqlite3.connect(path)
    con.execute('pragma journal_mode=wal')
    con.close()
    t_end = time.perf_counter()
    print(f'{n_customers:,} customers, {n_orders:,} orders, {len(tag_rows):,} tags -> {path}')
    print(f'rows {t_rows - t0:.1f} s, orders sorted {t_orders - t_rows:.1f} s, '
          f'tags {t_tags - t_orders:.1f} s, indexes {t_end - t_tags:.1f} s; '
          f'total {t_end - t0:.1f} s')


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('out', type=Path)
    ap.add_argument('--customers', type=int, default=1_000_000)
    ap.add_argument('--orders', type=int, default=1_200_000)
    ap.add_argument('--seed', type=int, default=20251120)
    ap.add_argument('--index', action='append', default=[], metavar='SQL',
                    help='extra CREATE INDEX statement to add (for experiments)')
    ap.add_argument('--analyze', action='store_true',
                    help='run ANALYZE at the end (the app itself does not, so off by default)')
    args = ap.parse_args(argv)
    generate(args.out, args.customers, args.orders, args.seed, args.index, args.analyze)


if __name__ == '__main__':
    main()
