#!/usr/bin/env python3
"""Inputs for bench/store.sh.

replicate CODED N   coded lines (parley code --json --articles) repeated to N articles, each copy
                    with new doc ids and text hashes (so nothing is skipped as a duplicate)
synthetic N         N articles of 10 generated events each (distinct dates, dyads and codes
                    drawn at random, seed 1), as coded lines: 10*N events for a large database
"""
import json
import random
import sys


def replicate(path, n):
    lines = open(path, encoding="utf-8").read().splitlines()
    starts = [i for i, line in enumerate(lines) if line.startswith('{"type":"article"')]
    articles = len(starts)
    out = sys.stdout
    for k in range((n + articles - 1) // articles):
        done = k * articles
        stop = len(lines) if done + articles <= n else starts[n - done]
        for line in lines[:stop]:
            line = line.replace('"doc":"', '"doc":"r%d-' % k, 1)
            line = line.replace('"text_hash":"', '"text_hash":"%06x' % k, 1)
            out.write(line + "\n")


COUNTRIES = ("RUS UKR USA CHN IRN ISR PSE LBN SYR TUR DEU FRA GBR IND PAK AFG IRQ SAU EGY JPN "
             "KOR PRK BRA MEX VEN COL NGA ETH KEN SDN SOM ZAF POL BLR GEO ARM AZE KAZ IDN PHL").split()
ROLES = ["", "GOV", "MIL", "REB", "OPP", "JUD", "BUS", "MED"]
CODES = [("036", 1, 4.0, "CONSULT"), ("040", 1, 1.0, "CONSULT"), ("042", 2, 1.9, "CONSULT"),
         ("051", 1, 3.4, "SUPPORT"), ("057", 2, 8.0, "AGREE"), ("070", 2, 7.0, "AID"),
         ("111", 3, -2.0, "ACCUSE"), ("112", 3, -2.0, "ACCUSE"), ("120", 3, -4.0, "REJECT"),
         ("130", 3, -4.4, "THREATEN"), ("141", 3, -6.5, "PROTEST"), ("173", 4, -5.0, "COERCE"),
         ("190", 4, -10.0, "ASSAULT"), ("193", 4, -10.0, "ASSAULT"), ("195", 4, -10.0, "ASSAULT")]


def synthetic(n):
    rnd = random.Random(1)
    out = sys.stdout
    for a in range(n):
        day = rnd.randrange(3653)  # 2015-01-01 .. 2024-12-31
        y, rest = 2015 + day // 366, day % 366
        date = "%04d-%02d-%02d" % (y, 1 + rest // 31 % 12, 1 + rest % 28)
        doc = "syn-%d" % a
        out.write(json.dumps({"type": "article", "doc": doc, "date": date, "title": "t",
                              "source": "outlet-%d" % (a % 50), "text_hash": "%016x" % a,
                              "text_len": 2000}, separators=(",", ":")) + "\n")
        for s in range(10):
            code, quad, gold, plover = rnd.choice(CODES)
            src = rnd.choice(COUNTRIES) + rnd.choice(ROLES)
            tgt = rnd.choice(COUNTRIES) + rnd.choice(ROLES)
            ev = {"type": "event", "doc": doc, "sentence": s, "date": date,
                  "date_source": "article", "source": src, "target": tgt, "code": code,
                  "root": code[:2], "quad_class": quad, "goldstein": gold, "plover": plover,
                  "source_text": src, "target_text": tgt, "verb_text": "met",
                  "source_span": [0, 5], "verb_span": [6, 9], "target_span": [10, 15],
                  "evidence": "%s met %s on the %d%s." % (src, tgt, s, "th"),
                  "pattern": "- * [%s]" % code, "negated": False, "modality": "",
                  "reported_by": ""}
            out.write(json.dumps(ev, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    if sys.argv[1] == "replicate":
        replicate(sys.argv[2], int(sys.argv[3]))
    else:
        synthetic(int(sys.argv[2]))
