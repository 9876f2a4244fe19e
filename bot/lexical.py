"""Lexical ranking: BM25 from a sparse term–passage matrix stored in each index generation.

Each passage's term frequencies are computed once, when it is added, and kept with it (`pack_terms`),
so adding or removing passages only touches their own rows. At publish the matrix is rebuilt from
those rows (`build`): document frequencies, IDF and length normalisation change with every passage
added, so every posting's BM25 contribution ("impact") is recomputed then, and a question only sums
the impacts of its terms' postings (`LexicalIndex.score`). Each term's largest impact is stored too:
summing rarest term first, a question stops reading the postings of terms that can no longer lift a
passage into the best results (MaxScore) and looks them up in the passages still in reach instead —
the same scores, without reading the postings of characters found in most passages.

The ranking is the one SQLite FTS5's `bm25()` gives over the same columns: a term's frequency in a
passage is summed over its columns with the column weights; the passage length is its token count
over all columns; IDF is log((N − n + 0.5) / (n + 0.5)) with n the passages holding the term in any
column, floored at 1e-6 as FTS5 does; k1 = 1.2, b = 0.75.

The matrix is stored term-major (CSC: one column of passages per term) as plain `.npy` files read
memory-mapped, so opening a generation costs no parsing and the pages a question touches are shared
between processes. The matrix keys terms by a 64-bit hash (blake2b): no vocabulary has to be loaded to
look a term up, and with a few million distinct terms the odds of two colliding are below 1e-6. The
stored per-passage rows name terms by a 32-bit id from the index's vocabulary table instead (4 bytes
a posting less), mapped to their hash at build.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence

import numpy as np

K1 = 1.2
B = 0.75
IDF_FLOOR = 1e-6  # FTS5's floor for terms in more than half of the passages

# One posting of a passage, as stored with it: term id, weighted frequency in tenths (the column
# weights are multiples of 0.1, so this is exact), and whether the term is in the passage's body.
POSTING = np.dtype([("term", "<u4"), ("tf10", "<u2"), ("body", "u1")])
# A posting while the matrix is built: the same plus the passage's row.
_SPILL = np.dtype([("term", "<u8"), ("row", "<i4"), ("tf10", "<u2"), ("body", "u1")])

# Postings sorted at once while building: bounds the memory of a publish whatever the corpus size.
GROUP_POSTINGS = 4_000_000
# While pruning, the passages in reach are narrowed again once the bound of the terms still to come
# has halved (narrowing costs a pass over them; measured at 100k passages, 0.5 was fastest).
NARROW = 0.5

FILES = ("terms", "indptr", "rows", "impacts", "maxes", "body", "body_df", "row_ids")
PREFIX = "lexical-"
META = PREFIX + "meta.json"

# What SQLite's unicode61 tokenizer counts as a token (letters, numbers): a passage's length is
# counted as FTS5 counted it, so lengths, and hence scores, stay those of `bm25()`.
_UNICODE61_TOKEN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=1 << 18)
def term_key(term: str) -> int:
    return int.from_bytes(hashlib.blake2b(term.encode("utf-8"), digest_size=8).digest(), "little")


def pack_terms(columns: Sequence[Sequence[str]], weights: Sequence[float],
               term_id: Callable[[str], int]) -> tuple[int, bytes]:
    """A passage's length and postings, from its token columns (the first is its body); `term_id`
    gives each term's id in the vocabulary."""
    tf10: dict[str, int] = {}
    body: set[str] = set(columns[0]) if columns else set()
    length = 0
    for tokens, w in zip(columns, weights):
        w10 = round(w * 10)
        for t in tokens:
            tf10[t] = tf10.get(t, 0) + w10
        length += len(_UNICODE61_TOKEN.findall(" ".join(tokens)))
    postings = np.empty(len(tf10), dtype=POSTING)
    postings["term"] = [term_id(t) for t in tf10]
    postings["tf10"] = np.minimum(list(tf10.values()), 65535)
    postings["body"] = [t in body for t in tf10]
    return length, postings.tobytes()


# ---------------------------------------------------------------- building


def term_keys(vocabulary: Iterable[tuple[int, str]]) -> np.ndarray:
    """Each term id's hash, from (term id, term) pairs: the table `build` maps stored ids through."""
    pairs = list(vocabulary)
    keys = np.zeros(max((i for i, _ in pairs), default=-1) + 1, dtype=np.uint64)
    for i, term in pairs:
        keys[i] = term_key(term)
    return keys


def build(rows: Iterable[tuple[int, int, bytes]], keys: np.ndarray, folder: Path,
          spill_dir: Path | None = None) -> dict:
    """Write the matrix of the passages `rows` yields as (row id, length, packed postings), in
    ascending row id, into `folder` (`keys` from `term_keys`); return its metadata.

    Postings are spilled to one temporary file per group of terms (by the hash's top bits), then each
    group is sorted on its own, so memory stays bounded by GROUP_POSTINGS whatever the corpus size."""
    spill_dir = spill_dir or folder
    ids: list[int] = []
    lengths: list[int] = []
    # Enough groups that one holds about GROUP_POSTINGS postings; the count is unknown until the
    # rows are read, so spill to 64 files (top 6 bits) and merge neighbours while sorting.
    shift = 58
    spills = [open(spill_dir / f"{PREFIX}spill-{g:02d}.tmp", "wb") for g in range(64)]
    try:
        buffered: list[np.ndarray] = []
        n_buffered = 0
        for row, (row_id, length, packed) in enumerate(rows):
            ids.append(row_id)
            lengths.append(length)
            p = np.frombuffer(packed, dtype=POSTING)
            s = np.empty(len(p), dtype=_SPILL)
            s["term"], s["tf10"], s["body"], s["row"] = keys[p["term"]], p["tf10"], p["body"], row
            buffered.append(s)
            n_buffered += len(s)
            if n_buffered >= 1_000_000:
                _spill(buffered, spills, shift)
                buffered, n_buffered = [], 0
        _spill(buffered, spills, shift)
    finally:
        for fh in spills:
            fh.close()

    n = len(ids)
    length_arr = np.asarray(lengths, dtype=np.float64)
    avgdl = float(length_arr.sum() / n) if n and length_arr.sum() > 0 else 1.0
    norm = K1 * (1 - B + B * length_arr / avgdl)  # the passage's share of the BM25 denominator
    sizes = [(spill_dir / f"{PREFIX}spill-{g:02d}.tmp").stat().st_size // _SPILL.itemsize for g in range(64)]
    total = int(sum(sizes))

    out_rows = np.lib.format.open_memmap(folder / f"{PREFIX}rows.npy", mode="w+", dtype=np.int32, shape=(total,))
    out_impacts = np.lib.format.open_memmap(folder / f"{PREFIX}impacts.npy", mode="w+", dtype=np.float32,
                                            shape=(total,))
    out_body = np.lib.format.open_memmap(folder / f"{PREFIX}body.npy", mode="w+", dtype=np.uint8, shape=(total,))
    terms, counts, body_dfs, maxes = [], [], [], []
    at = 0
    g = 0
    while g < 64:
        # Merge neighbouring spill files into one group while it stays within the budget.
        group, size = [g], sizes[g]
        while group[-1] + 1 < 64 and size + sizes[group[-1] + 1] <= GROUP_POSTINGS:
            group.append(group[-1] + 1)
            size += sizes[group[-1]]
        g = group[-1] + 1
        if not size:
            continue
        postings = np.concatenate([np.fromfile(spill_dir / f"{PREFIX}spill-{k:02d}.tmp", dtype=_SPILL)
                                   for k in group])
        # Rows were spilled in ascending order, so a stable sort on the term keeps each column sorted.
        postings = postings[np.argsort(postings["term"], kind="stable")]
        keys, starts, df = np.unique(postings["term"], return_index=True, return_counts=True)
        idf = np.log((n - df + 0.5) / (df + 0.5))
        idf[idf <= 0] = IDF_FLOOR
        tf = postings["tf10"].astype(np.float64) / 10
        row = postings["row"]
        impact = (np.repeat(idf, df) * (tf * (K1 + 1)) / (tf + norm[row])).astype(np.float32)
        out_rows[at : at + size] = row
        out_impacts[at : at + size] = impact
        maxes.append(np.maximum.reduceat(impact, starts))  # each term's bound, for pruning
        out_body[at : at + size] = postings["body"]
        terms.append(keys)
        counts.append(df)
        body_dfs.append(np.add.reduceat(postings["body"].astype(np.int64), starts) if size else df[:0])
        at += size
        del postings, tf, row, impact
    for k in range(64):
        (spill_dir / f"{PREFIX}spill-{k:02d}.tmp").unlink()
    out_rows.flush(), out_impacts.flush(), out_body.flush()
    del out_rows, out_impacts, out_body

    all_terms = np.concatenate(terms) if terms else np.zeros(0, dtype=np.uint64)
    df_all = np.concatenate(counts) if counts else np.zeros(0, dtype=np.int64)
    indptr = np.zeros(len(all_terms) + 1, dtype=np.int64)
    np.cumsum(df_all, out=indptr[1:])
    np.save(folder / f"{PREFIX}terms.npy", all_terms.astype(np.uint64))
    np.save(folder / f"{PREFIX}indptr.npy", indptr)
    np.save(folder / f"{PREFIX}maxes.npy", np.concatenate(maxes) if maxes else np.zeros(0, dtype=np.float32))
    np.save(folder / f"{PREFIX}body_df.npy",
            (np.concatenate(body_dfs) if body_dfs else np.zeros(0)).astype(np.int32))
    np.save(folder / f"{PREFIX}row_ids.npy", np.asarray(ids, dtype=np.int64))
    meta = {"passages": n, "terms": int(len(all_terms)), "postings": total, "avgdl": avgdl, "k1": K1, "b": B}
    (folder / META).write_text(json.dumps(meta), encoding="utf-8")
    return meta


def _spill(buffered: list[np.ndarray], spills: list, shift: int) -> None:
    if not buffered:
        return
    chunk = np.concatenate(buffered)
    group = (chunk["term"] >> np.uint64(shift)).astype(np.int64)
    order = np.argsort(group, kind="stable")  # keeps rows ascending within each group
    chunk, group = chunk[order], group[order]
    bounds = np.searchsorted(group, np.arange(len(spills) + 1))
    for g, fh in enumerate(spills):
        if bounds[g + 1] > bounds[g]:
            chunk[bounds[g] : bounds[g + 1]].tofile(fh)


# ---------------------------------------------------------------- reading


class LexicalIndex:
    """A generation's matrix, memory-mapped read-only."""

    def __init__(self, folder: Path):
        try:
            self.meta = json.loads((folder / META).read_text(encoding="utf-8"))
            arrays = {name: np.load(folder / f"{PREFIX}{name}.npy", mmap_mode="r") for name in FILES}
        except (OSError, ValueError) as exc:
            raise ValueError(f"lexical matrix unreadable: {exc}") from exc
        # Plain arrays over the mapped files: slicing a np.memmap costs microseconds of Python each time.
        arrays = {name: np.asarray(a) for name, a in arrays.items()}
        self.terms, self.indptr, self.rows = arrays["terms"], arrays["indptr"], arrays["rows"]
        self.impacts, self.body, self.body_df = arrays["impacts"], arrays["body"], arrays["body_df"]
        self.maxes, self.row_ids = arrays["maxes"], arrays["row_ids"]
        self.passages = len(self.row_ids)
        if (len(self.indptr) != len(self.terms) + 1 or len(self.maxes) != len(self.terms)
                or not len(self.rows) == len(self.impacts) == len(self.body)):
            raise ValueError("lexical matrix files disagree in size")
        if self.passages and len(self.rows) != int(self.indptr[-1]):
            raise ValueError("lexical matrix files disagree in size")

    def _columns(self, terms: Sequence[str]) -> dict[str, tuple[int, int, int]]:
        """Each occurring term's posting range and column number (terms in no passage are left out)."""
        if not terms or not len(self.terms):
            return {}
        keys = np.fromiter((term_key(t) for t in terms), dtype=np.uint64, count=len(terms))
        at = np.searchsorted(self.terms, keys)
        found = {}
        for t, k, i in zip(terms, keys, at.tolist()):
            if i < len(self.terms) and self.terms[i] == k:
                found[t] = (int(self.indptr[i]), int(self.indptr[i + 1]), i)
        return found

    def score(self, terms: Sequence[str], limit: int, max_postings: int = 0) -> list[tuple[int, float]]:
        """The `limit` best passages for the terms as (row id, BM25 score), best first; equal scores
        go to the lower row id. Above `max_postings` postings (0: no cap) the commonest terms are
        left out — a safety cap for pathological questions; the rarest term always stays."""
        columns = self._columns(list(dict.fromkeys(terms)))
        if not columns or limit <= 0:
            return []
        # Rarest first: scores are summed in this order whichever way they are computed, so the
        # pruned and the exhaustive sums are the same numbers.
        spans = sorted(columns.values(), key=lambda s: (s[1] - s[0], s[0]))
        kept, spent = [], 0
        for i, (a, b, col) in enumerate(spans):
            if i and max_postings and spent + (b - a) > max_postings:
                break
            kept.append((a, b, col))
            spent += b - a
        if spent * 8 < self.passages:
            # Few postings: sum per distinct row without touching an array of every passage.
            rows = np.concatenate([self.rows[a:b] for a, b, _ in kept])
            weights = np.concatenate([self.impacts[a:b] for a, b, _ in kept])
            hit, inverse = np.unique(rows, return_inverse=True)
            sums = np.bincount(inverse, weights=weights)
        else:
            hit, sums = self._pruned(kept, limit)
        if len(hit) > limit:
            kth = np.partition(sums, len(sums) - limit)[len(sums) - limit]
            above = sums > kth
            ties = np.flatnonzero(sums == kth)[: limit - int(above.sum())]
            pick = np.sort(np.concatenate([np.flatnonzero(above), ties]))
            hit, sums = hit[pick], sums[pick]
        order = np.lexsort((hit, -sums))
        ids = self.row_ids[hit[order]]
        return [(int(i), float(s)) for i, s in zip(ids.tolist(), sums[order].tolist())]

    def _pruned(self, spans: list[tuple[int, int, int]], limit: int) -> tuple[np.ndarray, np.ndarray]:
        """Rows and exact scores of a superset of the `limit` best passages (MaxScore, by term).

        Terms are added rarest first into a score per passage. Once the most that the terms still to
        come could add to a passage (the sum of their stored maximum impacts) is below the score of
        the `limit`-th best passage so far, no passage that only they hold can enter the best `limit`:
        from there on only passages that can still get there are kept, and a term is looked up in
        them rather than read whole when they are few against its postings. Common words (one or two
        characters found in most passages) are the bulk of a question's postings and add least, so
        they are mostly looked up, not read."""
        bounds = np.asarray([float(self.maxes[col]) for _, _, col in spans])
        rest = np.append(np.cumsum(bounds[::-1])[::-1], 0.0)[1:]  # bound of the terms after each
        rest *= 1 + 1e-9  # float sums in another order may differ in the last bits
        a, b, _ = spans[0]
        acc = np.bincount(self.rows[a:b], weights=self.impacts[a:b], minlength=self.passages)
        added = acc[self.rows[a:b]]  # the scores the last term touched
        hit: np.ndarray | None = None  # the passages still in reach, once the bound allows pruning
        filtered_at = math.inf  # the bound `hit` was last narrowed with
        for j in range(1, len(spans) + 1):
            bound = rest[j - 1]  # of terms j and later
            # The `limit`-th best of any `limit` passages is at most the `limit`-th best of all: the
            # passages the last term touched tell cheaply whether pruning can start.
            if hit is None and len(added) >= limit and bound < np.partition(added, len(added) - limit)[-limit]:
                hit = np.flatnonzero(acc != 0)  # (a mask: four times faster than nonzero on floats)
            # Narrow again when the bound has come down enough to drop some (common words add ~0).
            if hit is not None and len(hit) > limit and bound < NARROW * filtered_at:
                sums = acc[hit]
                kth = np.partition(sums, len(sums) - limit)[len(sums) - limit]
                hit, filtered_at = hit[sums + bound >= kth], bound
            if j == len(spans):
                break
            a, b, _ = spans[j]
            impacts = self.impacts[a:b]
            if hit is not None and len(hit) * 16 < b - a:
                rows = self.rows[a:b]
                at = np.searchsorted(rows, hit.astype(rows.dtype))
                np.minimum(at, b - a - 1, out=at)
                held = rows[at] == hit
                acc[hit[held]] += impacts[at[held]]
            else:
                rows = self.rows[a:b].astype(np.intp)  # (indexing by int32 converts on every use)
                added = acc[rows] + impacts
                acc[rows] = added
        if hit is None:
            hit = np.flatnonzero(acc != 0)
        return hit, acc[hit]

    def posting_counts(self, terms: Sequence[str]) -> dict[str, int]:
        """Passages holding each term in any column."""
        return {t: b - a for t, (a, b, _) in self._columns(list(terms)).items()}

    def document_frequencies(self, terms: Sequence[str]) -> dict[str, int]:
        """Passages holding each term in their body (terms in no body are left out)."""
        if not terms or not len(self.terms):
            return {}
        keys = np.fromiter((term_key(t) for t in terms), dtype=np.uint64, count=len(terms))
        at = np.minimum(np.searchsorted(self.terms, keys), max(0, len(self.terms) - 1))
        found = {}
        for t, k, i in zip(terms, keys, at.tolist()):
            if self.terms[i] == k and self.body_df[i] > 0:
                found[t] = int(self.body_df[i])
        return found

    def body_terms(self, ids: Sequence[int], terms: Sequence[str]) -> dict[int, set[str]]:
        """Which of `terms` each passage's body holds (passages not in the matrix are left out)."""
        wanted = np.asarray(sorted(set(map(int, ids))), dtype=np.int64)
        pos = np.searchsorted(self.row_ids, wanted)
        known = pos < self.passages
        known[known] = self.row_ids[pos[known]] == wanted[known]
        wanted, pos = wanted[known], pos[known].astype(np.int32)
        out: dict[int, set[str]] = {int(i): set() for i in wanted}
        for t, (a, b, _) in self._columns(list(dict.fromkeys(terms))).items():
            col = self.rows[a:b]
            at = np.minimum(np.searchsorted(col, pos), max(0, b - a - 1))
            hit = (col[at] == pos) & (self.body[a:b][at] > 0)
            for i in wanted[hit].tolist():
                out[i].add(t)
        return out


def files_of(folder: Path) -> Iterator[Path]:
    yield folder / META
    for name in FILES:
        yield folder / f"{PREFIX}{name}.npy"


def idf(df: int, n: int) -> float:
    """FTS5's IDF (for reference and tests)."""
    value = math.log((n - df + 0.5) / (df + 0.5))
    return value if value > 0 else IDF_FLOOR
