#!/usr/bin/env python3
"""Add N made-up members to a Shangliang SQLite database, for benchmarks.

    python3 bench/gen_members.py DB_PATH N [--seed S] [--committee NAME]

The database must already hold the demo data (`shangliang serve --demo` once), and the
server must NOT be running on it: the rows are written straight into the file, bypassing the
API (creating a member through the API hashes a password, ~60 ms each).

Members go to the demo district committee (武汉市汉江区政协 by default). Each row gets a
plausible Chinese name, a unique mobile (11 digits, 13x-19x, unique within the committee),
one of the committee's sectors, a party matching party sectors (and some 中共 members in the
other sectors), an employer and a title. No login accounts (user_id stays NULL) and no
special-committee links are created. The same seed gives the same rows.
"""

import argparse
import random
import sqlite3
import sys

SURNAMES = list(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
) + ["欧阳", "司马", "诸葛", "上官"]

GIVEN_MALE = list("伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳建国志峰亮成东文博")
GIVEN_FEMALE = list("芳娜敏静丽艳娟霞秀英慧巧美淑惠珠翠雅芝玉萍红娥玲芬燕彩春菊兰凤洁梅琳素云莲真环雪荣爱妹")
GIVEN_ANY = list("晓思嘉子梓雨欣一可若佳文诗俊明海晨立新卫红春")

EMPLOYER_PLACES = ["汉江区", "武汉市", "湖北省", "武汉", "汉正街", "江汉路", "解放大道", "长江"]
EMPLOYER_KINDS = [
    ("第{n}中学", ["校长", "副校长", "教师", "教研组长"]),
    ("实验小学", ["校长", "教师", "德育主任"]),
    ("第{n}人民医院", ["院长", "主任医师", "副主任医师", "护士长"]),
    ("中医医院", ["院长", "主任医师", "药剂科主任"]),
    ("社区卫生服务中心", ["主任", "全科医生"]),
    ("某律师事务所", ["主任", "合伙人", "律师"]),
    ("某会计师事务所", ["合伙人", "注册会计师"]),
    ("某科技有限公司", ["董事长", "总经理", "副总经理", "总工程师"]),
    ("某建筑设计院", ["院长", "总建筑师", "高级工程师"]),
    ("某食品有限公司", ["董事长", "总经理"]),
    ("某物流集团", ["董事长", "副总裁"]),
    ("商会", ["会长", "副会长", "秘书长"]),
    ("某街道办事处", ["主任", "副主任"]),
    ("某社区居委会", ["书记", "主任"]),
    ("文化馆", ["馆长", "副馆长"]),
    ("图书馆", ["馆长", "研究馆员"]),
    ("某幼儿园", ["园长"]),
    ("某大学", ["教授", "副教授", "院长", "研究员"]),
    ("某研究所", ["所长", "研究员"]),
    ("某报社", ["总编辑", "记者"]),
    ("某农业合作社", ["理事长"]),
    ("某银行支行", ["行长", "副行长"]),
    ("工商联", ["副主席", "执委"]),
    ("妇联", ["副主席"]),
]
STATUSES = ["active"] * 97 + ["suspended"] * 2 + ["left"]
MOBILE_PREFIXES = ["130", "131", "132", "133", "135", "136", "137", "138", "139", "147", "150", "151", "152",
                   "153", "155", "156", "157", "158", "159", "166", "170", "173", "176", "177", "178", "180",
                   "181", "182", "183", "185", "186", "187", "188", "189", "191", "198", "199"]


def person_name(rng, gender):
    surname = rng.choice(SURNAMES)
    pool = GIVEN_MALE if gender == "male" else GIVEN_FEMALE
    if rng.random() < 0.35:
        given = rng.choice(pool)
    else:
        given = rng.choice(pool + GIVEN_ANY) + rng.choice(pool)
    return surname + given


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", help="path of the SQLite database file (server stopped)")
    ap.add_argument("n", type=int, help="number of members to add")
    ap.add_argument("--seed", type=int, default=20241129, help="random seed (default: %(default)s)")
    ap.add_argument("--committee", default="武汉市汉江区政协", help="committee name (default: %(default)s)")
    args = ap.parse_args()
    if args.n < 0:
        ap.error("N must be >= 0")

    rng = random.Random(args.seed)
    db = sqlite3.connect(args.db, timeout=5)
    try:
        row = db.execute("SELECT id FROM committees WHERE name = ?", (args.committee,)).fetchone()
        if row is None:
            sys.exit(f"gen_members: no committee named {args.committee} in {args.db} (run `serve --demo` first)")
        cid = row[0]
        sectors = db.execute("SELECT id, name FROM sectors WHERE committee_id = ? ORDER BY sort, id", (cid,)).fetchall()
        if not sectors:
            sys.exit(f"gen_members: committee {args.committee} has no sectors")
        parties = {name: pid for pid, name in
                   db.execute("SELECT id, name FROM parties WHERE committee_id = ?", (cid,)).fetchall()}
        party_short = {short: pid for pid, short in
                       db.execute("SELECT id, short_name FROM parties WHERE committee_id = ?", (cid,)).fetchall()}
        cpc = parties.get("中国共产党")
        used = {m for (m,) in db.execute("SELECT mobile FROM members WHERE committee_id = ?", (cid,))}

        rows = []
        for _ in range(args.n):
            gender = "female" if rng.random() < 0.38 else "male"
            name = person_name(rng, gender)
            while True:
                mobile = rng.choice(MOBILE_PREFIXES) + f"{rng.randrange(10 ** 8):08d}"
                if mobile not in used:
                    used.add(mobile)
                    break
            sector_id, sector_name = rng.choice(sectors)
            # Party sectors (中共, 民革, ...) hold that party's members; elsewhere some are 中共 members.
            party_id = parties.get(sector_name) or party_short.get(sector_name)
            if party_id is None and cpc is not None and rng.random() < 0.3:
                party_id = cpc
            kind, titles = rng.choice(EMPLOYER_KINDS)
            employer = rng.choice(EMPLOYER_PLACES) + kind.format(n=rng.choice("一二三四五六七八九十"))
            rows.append((cid, name, gender, mobile, sector_id, party_id, 1 if rng.random() < 0.12 else 0,
                         employer, rng.choice(titles), rng.choice(STATUSES)))

        with db:
            db.executemany(
                "INSERT INTO members (committee_id, name, gender, mobile, sector_id, party_id, is_standing, "
                "employer, title, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows,
            )
        total = db.execute("SELECT COUNT(*) FROM members WHERE committee_id = ?", (cid,)).fetchone()[0]
        print(f"gen_members: added {args.n} members to committee {cid} ({args.committee}); it now has {total}")
    finally:
        db.close()


if __name__ == "__main__":
    main()
