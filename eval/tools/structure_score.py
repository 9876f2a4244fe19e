#!/usr/bin/env python3
"""Hold `policybot inspect --json` against a truth.yaml of articles and lists (e.g. eval/archive/truth.yaml).

usage: structure_score.py TRUTH.yaml INSPECT.json [--min-f1 X --min-dates X --min-lists X --min-size X
                          --max-swallowed N --min-speakers X]
Metrics: article F1 (matched by file + normalised title), dates right among matched, truth lists found (matched
by the start of their first point), sizes right among found, lists whose last point runs into the text after it
(`ends_before`), list speakers right among found. Prints misses, then one summary line; exit 1 when short.
"""
import argparse, glob, json, os, re, sys, unicodedata


def _t2s():
    """Traditional -> simplified with opencc (from this python or the project's .venv); identity without it."""
    try:
        import opencc
    except ImportError:
        for sp in glob.glob(os.path.join(os.getcwd(), ".venv", "lib", "python3*", "site-packages")):
            sys.path.append(sp)
        try:
            import opencc
        except ImportError:
            return lambda s: s
    return opencc.OpenCC("t2s").convert


_T2S = _t2s()
_PINYIN = re.compile(r"\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


def norm(s):
    """NFKC, pinyin glosses such as 会(huì) dropped, traditional -> simplified, whitespace removed."""
    s = _PINYIN.sub("", unicodedata.normalize("NFKC", str(s)))
    return re.sub(r"\s+", "", _T2S(s))

PUNCT = re.compile(r"[\s\"'“”‘’《》〈〉「」『』()（）【】\[\]、，,。.:：;；!！?？·—\-…]")
MARK = re.compile(r"^(?:[-•·*]\s*)?(?:第?[一二三四五六七八九十]+(?:是|要有|要|、|，|,|条|点)|[（(][一二三四五六七八九十\d]+[)）]"
                  r"|\d+[.、．]|首先|其次|再次|然后|最后)")


def key(s):
    return PUNCT.sub("", norm(s or ""))


def text_of(point):
    """A point is its text, or an object holding it (with e.g. its tasks)."""
    return point.get("text", "") if isinstance(point, dict) else (point or "")


def body(point):
    """A point's start without its ordinal marker, normalised."""
    p = norm(text_of(point))
    return key(MARK.sub("", p, count=1))


def same_point(truth_first, point, strict=False):
    a, b = body(truth_first), body(point)
    n = min(5, len(a), len(b))
    return n >= 2 and (a[:n] == b[:n] or (not strict and a[:n] in b[:40]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("truth"); ap.add_argument("inspect")
    for name, d in (("min-f1", 0), ("min-dates", 0), ("min-lists", 0), ("min-size", 0), ("min-speakers", 0)):
        ap.add_argument("--" + name, type=float, default=d)
    ap.add_argument("--max-swallowed", type=int, default=10 ** 6)
    a = ap.parse_args()
    import yaml
    truth = yaml.safe_load(open(a.truth, encoding="utf-8"))
    data = json.load(open(a.inspect, encoding="utf-8"))
    files = data["files"] if isinstance(data, dict) else data
    got = {}  # file name -> articles
    for f in files:
        got.setdefault(os.path.basename(f.get("file", "")), []).extend(f.get("articles") or [])
    n_got = sum(len(v) for v in got.values())
    used, matched, misses = set(), [], []
    for t in truth:
        cands = [(i, art) for i, art in enumerate(got.get(t["file"], [])) if (t["file"], i) not in used]
        tk = key(t["title"])
        hit = None
        for i, art in cands:
            ak = key(art.get("title"))
            if ak and tk and (ak == tk or (len(ak) >= 6 and ak in tk) or (len(tk) >= 6 and tk in ak)):
                hit = (i, art); break
        if hit is None:
            misses.append(f"article not found: {t['file']} 《{t['title']}》 (got: {[x.get('title') for x in got.get(t['file'], [])]})")
            continue
        used.add((t["file"], hit[0])); matched.append((t, hit[1]))
    rec = len(matched) / max(1, len(truth)); prec = len(matched) / max(1, n_got)
    f1 = 2 * rec * prec / max(1e-9, rec + prec)
    dates_ok = 0
    lists_n = lists_found = size_ok = swallowed = spk_ok = 0
    for t, art in matched:
        if (art.get("date") or None) == (t.get("date") or None):
            dates_ok += 1
        else:
            misses.append(f"date: 《{t['title']}》 truth {t.get('date')} got {art.get('date')} ({art.get('date_source')})")
        pls = art.get("lists") or []
        for tl in t.get("lists") or []:
            lists_n += 1
            # a list whose first point starts the same way beats one whose opening merely mentions it
            pl = next((p for p in pls if p.get("points") and same_point(tl["first"], p["points"][0], strict=True)),
                      None) or next((p for p in pls if p.get("points") and same_point(tl["first"], p["points"][0])), None)
            if pl is None:
                misses.append(f"list not found: 《{t['title']}》 {tl['first']}… ({tl['size']} points)")
                continue
            lists_found += 1
            if int(pl.get("size") or len(pl["points"])) == int(tl["size"]):
                size_ok += 1
            else:
                misses.append(f"size: 《{t['title']}》 {tl['first']}… truth {tl['size']} got {pl.get('size')}")
            eb = tl.get("ends_before")
            if eb and key(eb)[:8] and key(eb)[:8] in key(text_of(pl["points"][-1])):
                swallowed += 1
                misses.append(f"swallowed: 《{t['title']}》 last point of {tl['first']}… runs into {eb}")
            ts, ps = key(tl.get("speaker")), key(pl.get("speaker"))
            if ts == ps:
                spk_ok += 1
            else:
                misses.append(f"speaker: 《{t['title']}》 {tl['first']}… truth {tl.get('speaker')} got {pl.get('speaker')}")
    m = max(1, len(matched))
    r = {"f1": f1, "dates": dates_ok / m, "lists": lists_found / max(1, lists_n),
         "size": size_ok / max(1, lists_found), "swallowed": swallowed, "speakers": spk_ok / max(1, lists_found)}
    for line in misses:
        print("  " + line)
    ok = (r["f1"] >= a.min_f1 and r["dates"] >= a.min_dates and r["lists"] >= a.min_lists and r["size"] >= a.min_size
          and r["swallowed"] <= a.max_swallowed and r["speakers"] >= a.min_speakers)
    print(("OK " if ok else "SHORT ") + "articles F1 %.2f (%d/%d found, %d reported); dates %.2f; lists found %.2f (%d/%d); "
          "size right %.2f; swallowed %d; list speakers %.2f" % (
              r["f1"], len(matched), len(truth), n_got, r["dates"], r["lists"], lists_found, lists_n, r["size"],
              r["swallowed"], r["speakers"]))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
