"""`policybot bench`: answer latency, indexing throughput, cold start, memory and index size, each
set against the bare model measured in the same run, at the bundled corpus and at scale.

Each measurement runs in its own subprocess so its peak memory and cold start are its own.
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import yaml

from bot.config import Config, load_config

COLD_QUESTION = "第三个聚力是什么"
DEFAULT_EVAL = Path(__file__).resolve().parents[1] / "eval" / "dev_eval.yaml"


def _peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _dir_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


# ---------------------------------------------------------------- phases (run in subprocesses)


def phase_index(config: Config, bare_sample: int) -> dict:
    """Rebuild with a cold embedding cache; then encode the same passages with the bare model."""
    from bot.embed import Embedder
    from bot.index import SEARCHABLE_KINDS, current_generation, embedding_text, open_snapshot
    from bot.ingest import sync

    shutil.rmtree(config.index, ignore_errors=True)
    embedder = Embedder(config.model)
    embedder.encode(["预热"])  # model load is cold start, not indexing
    # nor is the first load of jieba's part-of-speech tables (about 0.7 s, once a process: bot/speakers.py reads the
    # names it tags), which at the bundled size (39 passages, 3 s) was a quarter of the time measured as indexing
    import jieba.posseg

    jieba.posseg.lcut("预热")
    started = time.perf_counter()
    report = sync(config, embedder, rebuild=True)
    seconds = time.perf_counter() - started
    # The peak of indexing itself (model loaded); what the bench does next adds its own memory.
    index_peak = _peak_rss_mb()
    snap = open_snapshot(config.index)
    ids = [r[0] for r in snap.db.execute(f"SELECT id FROM passages WHERE kind IN {SEARCHABLE_KINDS} ORDER BY id")]
    if bare_sample and len(ids) > bare_sample:
        # Only the sample is read: reading every passage would add the bench's own memory to the
        # peak RSS reported for indexing.
        step = len(ids) / bare_sample
        ids = [ids[int(i * step)] for i in range(bare_sample)]
    texts = [embedding_text(p) for p in snap.passages_by_ids(ids).values()]
    started = time.perf_counter()
    embedder.model.encode(texts, batch_size=config.model.batch_size, normalize_embeddings=True)
    bare_seconds = time.perf_counter() - started
    index_pps = report.manifest.passages / seconds
    bare_pps = len(texts) / bare_seconds
    from bot import lexical, vectors

    # The lexical matrix is rebuilt at every publish (IDF and lengths change): time it alone.
    folder = config.index / current_generation(config.index)
    scratch = config.index / "matrix-timing"
    scratch.mkdir()
    started = time.perf_counter()
    keys = lexical.term_keys(snap.db.execute("SELECT term_id, term FROM terms"))
    lexical.build(snap.db.execute("SELECT id, length, postings FROM passage_terms ORDER BY id"), keys, scratch)
    matrix_seconds = time.perf_counter() - started
    shutil.rmtree(scratch)
    return {
        "passages": report.manifest.passages,
        "articles": report.manifest.articles,
        "index_seconds": round(seconds, 2),
        "index_passages_per_s": round(index_pps, 2),
        "bare_encode_passages": len(texts),
        "bare_encode_passages_per_s": round(bare_pps, 2),
        "index_to_bare_ratio": round(index_pps / bare_pps, 3),
        # Identical passages are embedded once (the embedding cache is keyed by text): this ratio
        # counts only the texts the model actually encoded.
        "embedded": report.embedded,
        "embedded_to_bare_ratio": round(report.embedded / seconds / bare_pps, 3),
        "approximate": vectors.is_approximate(snap.vectors),
        "index_bytes": _dir_bytes(folder),
        "sqlite_bytes": (folder / "index.sqlite").stat().st_size,
        "vectors_bytes": (folder / "vectors.faiss").stat().st_size,
        "matrix_bytes": sum(f.stat().st_size for f in lexical.files_of(folder)),
        "matrix_build_seconds": round(matrix_seconds, 2),
        "embedding_cache_bytes": (config.index / "embeddings.sqlite").stat().st_size,
        "index_peak_rss_mb": round(index_peak, 1),
        "phase_peak_rss_mb": round(_peak_rss_mb(), 1),  # with the bench's bare encode and matrix timing
    }


def _ms(call) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def _against_bare(searcher, model, questions: list[str], rounds: int, forget,
                  alone=None) -> tuple[list[float], list[float], list[float]]:
    """Each answer (after `forget()`), then the bare model embedding the same question, then
    `alone(question)` if given: milliseconds of each, interleaved so that load falls on all alike."""
    answers, bare, others = [], [], []
    for _ in range(rounds):
        for q in questions:
            forget()
            answers.append(_ms(lambda: searcher.search(q)))
            bare.append(_ms(lambda: model.encode([q], normalize_embeddings=True)))
            if alone is not None:
                others.append(_ms(lambda: alone(q)))
    return answers, bare, others


def phase_query(config: Config, eval_file: Path, rounds: int) -> dict:
    """Warm answer latency vs bare question embedding, lexical search alone, and ANN recall."""
    import numpy as np

    from bot import vectors
    from bot.evaluate import load_cases
    from bot.search import Searcher
    from bot.analysis import query_terms
    from bot.textutil import normalize_text

    cases = load_cases(eval_file)
    questions = [c.q for c in cases]
    searcher = Searcher(config)
    model = searcher.embedder.model
    for q in questions:  # warm-up: model, jieba, OpenCC, SQLite pages
        searcher.search(q)
        model.encode([q])
    snap = searcher.snapshot
    cap = config.search.lexical_postings
    terms_of = {q: searcher.lexical_terms(snap, normalize_text(q), query_terms(normalize_text(q))) for q in questions}
    postings = [sum(snap.posting_counts(terms_of[q]).values()) for q in questions]
    # Every answer embeds its question (a fair comparison with the bare model): the question-embedding
    # cache is cleared, the passages the warm-up read stay cached, as a running bot's popular ones do.
    answer_ms, embed_ms, lexical_ms = _against_bare(
        searcher, model, questions, rounds, searcher.embedder.clear_cache,
        lambda q: snap.lexical(terms_of[q], config.search.candidates, cap))
    # Each question as if nothing had been read before (no passage, article, list or token cached):
    # what a new question about passages nobody asked about yet costs.
    uncached_ms, uncached_embed_ms, _ = _against_bare(searcher, model, questions, rounds, searcher.clear_caches)
    result = {
        "questions": len(questions),
        "rounds": rounds,
        "answer_ms_p50": round(statistics.median(answer_ms), 2),
        "answer_ms_p95": round(_percentile(answer_ms, 0.95), 2),
        "embed_ms_p50": round(statistics.median(embed_ms), 2),
        "embed_ms_p95": round(_percentile(embed_ms, 0.95), 2),
        "answer_to_embed_ratio": round(statistics.median(answer_ms) / statistics.median(embed_ms), 3),
        "uncached_answer_ms_p50": round(statistics.median(uncached_ms), 2),
        "uncached_to_embed_ratio": round(statistics.median(uncached_ms) / statistics.median(uncached_embed_ms), 3),
        "lexical_ms_p50": round(statistics.median(lexical_ms), 2),
        "lexical_ms_p95": round(_percentile(lexical_ms, 0.95), 2),
        "lexical_ms_max": round(max(lexical_ms), 2),
        # Postings a question's terms hold: what lexical scoring costs, against the safety cap.
        "postings_p50": int(statistics.median(postings)),
        "postings_max": max(postings),
        "postings_cap": cap,
        "answer_ms": [round(x, 2) for x in answer_ms],
    }
    # Quality at this size: every added passage is a distractor in the same register (made of the
    # pool's sentences and lists: the bundled bulletin's own by default, twins of its answers).
    from bot.evaluate import evaluate, meets, scored

    result["answer_peak_rss_mb"] = round(_peak_rss_mb(), 1)  # before the recall check below loads every vector
    quality = evaluate(cases, searcher.search_many(questions), 5).summary()
    result["quality"] = {k: quality[k] for k in ("hit@1", "hit@3", "hit@5", "mrr", "offtopic_rejected",
                                                 "offtopic_questions")}
    # The lexical ranking alone (no list choice, fusion or answerability), over the questions the
    # whole search's hit@1 counts: what the rest of the search adds or loses at this size.
    asked = [c for c in cases if scored(c)]
    firsts = []
    for c in asked:
        ranked = [doc for doc, _ in snap.lexical(terms_of[c.q], 3, cap)]
        texts = snap.passages_by_ids(ranked)
        firsts.append([doc in texts and meets(c, texts[doc].text) for doc in ranked])
    if asked:
        result["lexical_quality"] = {"hit@1": round(sum(bool(f[:1] and f[0]) for f in firsts) / len(asked), 4),
                                     "hit@3": round(sum(any(f) for f in firsts) / len(asked), 4)}
    if vectors.is_approximate(snap.vectors):
        ids, vecs = vectors.all_vectors(snap.vectors)
        import faiss

        exact = faiss.IndexIDMap2(faiss.IndexFlatIP(vecs.shape[1]))
        exact.add_with_ids(vecs, ids)
        rng = np.random.default_rng(0)
        probes = np.concatenate([model.encode(questions, normalize_embeddings=True).astype("float32"),
                                 vecs[rng.choice(len(vecs), 200, replace=False)]])
        _, exact_ids = exact.search(probes, 10)
        ivf = faiss.extract_index_ivf(snap.vectors)
        sweep = []
        for nprobe in sorted({4, 8, 16, config.vectors.nprobe, 32, 48, 64}):
            ivf.nprobe = nprobe
            t = time.perf_counter()
            _, approx_ids = vectors.search(snap.vectors, probes, 10)
            ms = (time.perf_counter() - t) * 1000 / len(probes)
            hits = sum(len(set(a) & set(e)) for a, e in zip(approx_ids.tolist(), exact_ids.tolist()))
            sweep.append({"nprobe": nprobe, "recall_at_10": round(hits / exact_ids.size, 4), "ms_per_query": round(ms, 3)})
        ivf.nprobe = config.vectors.nprobe
        t = time.perf_counter()
        exact.search(probes, 10)
        result["exact_ms_per_query"] = round((time.perf_counter() - t) * 1000 / len(probes), 3)
        result["ann_sweep"] = sweep
        result["ann_recall_at_10"] = next(x["recall_at_10"] for x in sweep if x["nprobe"] == config.vectors.nprobe)
        result["ann_nprobe"] = config.vectors.nprobe
        result["ann_nlist"] = ivf.nlist
    result["query_peak_rss_mb"] = round(_peak_rss_mb(), 1)
    return result


# ---------------------------------------------------------------- orchestration


def _site(base: Config, folder: Path, size: str, pool: Path) -> Path:
    """A folder with its own config.yaml, corpus/ and index/ for one corpus size: the corpus's own
    bulletins plus, at a passage count, a scale corpus made from the bulletins in `pool`."""
    from bot.scale_corpus import GENERATOR_VERSION, make_scale_corpus

    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus"
    # What the corpus was made of. One made otherwise (another pool, another generator, a build that
    # did not finish, an older bench that kept no record) is made again, its index with it.
    record = folder / "corpus-made-of.txt"
    wanted = "bundled" if size == "bundled" else f"scale corpus v{GENERATOR_VERSION} from {pool.resolve()}"
    if corpus.exists() and (not record.exists() or record.read_text(encoding="utf-8") != wanted):
        shutil.rmtree(corpus)
        shutil.rmtree(folder / "index", ignore_errors=True)
    if not corpus.exists():
        record.unlink(missing_ok=True)
        corpus.mkdir()
        for f in base.corpus.iterdir():
            if f.is_file():
                shutil.copy(f, corpus / f.name)
        if size != "bundled":
            make_scale_corpus(int(size), corpus, pool, default_year=base.ingest.default_year)
        record.write_text(wanted, encoding="utf-8")
    raw = yaml.safe_load(base.path.read_text(encoding="utf-8"))
    raw.update({"corpus": "corpus", "index": "index", "data": "data"})
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


def _run_phase(args: list[str]) -> dict:
    proc = subprocess.run([sys.executable, "-m", "bot.bench", *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"bench phase {args[0]} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _cold_start(config_path: Path) -> float:
    """Process start to the first answer line printed."""
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "bot", "--config", str(config_path), "query", "-k", "1",
                             COLD_QUESTION], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    proc.stdout.readline()
    seconds = time.perf_counter() - started
    proc.wait()
    return round(seconds, 2)


def _bare_model_load(config: Config) -> float:
    """Process start to the bare model loaded: the floor under any cold start with this model."""
    from bot.embed import resolve_model

    code = ("import os, sys; os.environ.setdefault('HF_HUB_OFFLINE', '1');"
            "from sentence_transformers import SentenceTransformer;"
            "SentenceTransformer(sys.argv[1], device='cpu').encode(['x']); print('ok', flush=True)")
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, resolve_model(config.model.name)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return round(time.perf_counter() - started, 2)


def run_bench(config: Config, sizes: list[str], out: Path, eval_file: Path, rounds: int, bare_sample: int,
              reuse: bool, cold_rounds: int = 3, pool: Path | None = None) -> dict:
    pool = pool or config.corpus
    results = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} CPU cores, no GPU, Python {sys.version.split()[0]}",
        "model": config.model.name,
        "scale_pool": str(pool),
        "sizes": [],
    }
    for size in sizes:
        print(f"[bench] {size}: preparing corpus …", file=sys.stderr, flush=True)
        cfg_path = _site(config, out / f"size-{size}", size, pool)
        row: dict = {"size": size}
        if reuse and _reusable(out / f"size-{size}"):
            row["index"] = json.loads((out / f"size-{size}" / "index-result.json").read_text())
        else:
            if reuse:
                print(f"[bench] {size}: no index of this version to reuse, building it", file=sys.stderr, flush=True)
            print(f"[bench] {size}: indexing …", file=sys.stderr, flush=True)
            row["index"] = _run_phase(["_index", str(cfg_path), str(bare_sample)])
            (out / f"size-{size}" / "index-result.json").write_text(json.dumps(row["index"]))
        print(f"[bench] {size}: answering …", file=sys.stderr, flush=True)
        row["query"] = _run_phase(["_query", str(cfg_path), str(eval_file.resolve()), str(rounds)])
        # Interleaved, so that load from other processes on the machine falls on both alike.
        cold, bare = [], []
        for _ in range(cold_rounds):
            bare.append(_bare_model_load(config))
            cold.append(_cold_start(cfg_path))
        row["cold_start_s"] = round(statistics.median(cold), 2)
        row["bare_model_load_s"] = round(statistics.median(bare), 2)
        row["cold_to_bare_ratio"] = round(statistics.median(cold) / statistics.median(bare), 3)
        row["cold_start_runs"] = {"policybot": cold, "bare": bare}
        results["sizes"].append(row)
        print(format_table(results), file=sys.stderr, flush=True)
    return results


def _reusable(site: Path) -> bool:
    """An earlier run's index there, written by this version of policybot, with its indexing figures."""
    from bot.index import INDEX_VERSION, stored_version

    return stored_version(site / "index") == INDEX_VERSION and (site / "index-result.json").exists()


def target_checks(results: dict) -> list[str]:
    """Each size's figures against bot.targets.SPEED, one line a size."""
    from bot.targets import SPEED

    out = []
    for row in results["sizes"]:
        i, q = row["index"], row["query"]
        figures = {
            "answer_to_embed_ratio": q["answer_to_embed_ratio"],
            "cold_start_ratio": row.get("cold_to_bare_ratio"),
            "peak_rss_mb": max(i["index_peak_rss_mb"], q["query_peak_rss_mb"]),
            "index_to_bare_ratio": i["index_to_bare_ratio"],
        }
        if i["passages"] >= 90_000:  # the 100k targets
            figures["lexical_ms_p50_100k"] = q["lexical_ms_p50"]
            figures["dev_hit1_100k"] = q.get("quality", {}).get("hit@1")
        verdicts = [f"{SPEED[k].label} {v} ({'met' if SPEED[k].met(v) else 'NOT met'}: {SPEED[k].text})"
                    for k, v in figures.items() if v is not None]
        out.append(f"{row['size']}: " + "; ".join(verdicts))
    return out


def format_table(results: dict) -> str:
    head = ("size", "passages", "p50 ms", "p95 ms", "embed p50", "ratio", "lexical p50", "index p/s",
            "bare p/s", "ratio", "cold s", "model load s", "ratio", "RSS MB", "index MB", "recall@10", "dev hit@1/3",
            "lexical alone hit@1")
    lines = [" | ".join(head), " | ".join("---" for _ in head)]
    for row in results["sizes"]:
        i, q = row["index"], row["query"]
        lines.append(" | ".join(str(x) for x in (
            row["size"], i["passages"], q["answer_ms_p50"], q["answer_ms_p95"], q["embed_ms_p50"],
            q["answer_to_embed_ratio"], q["lexical_ms_p50"], i["index_passages_per_s"],
            i["bare_encode_passages_per_s"], i["index_to_bare_ratio"], row["cold_start_s"], row.get("bare_model_load_s", "-"),
            row.get("cold_to_bare_ratio", "-"),
            max(i["index_peak_rss_mb"], q["query_peak_rss_mb"]), round(i["index_bytes"] / 1048576, 1),
            q.get("ann_recall_at_10", "exact"),
            "{}/{}".format(q["quality"]["hit@1"], q["quality"]["hit@3"]) if "quality" in q else "-",
            q.get("lexical_quality", {}).get("hit@1", "-"),
        )))
    return "\n".join("| " + line + " |" for line in lines)


def register_cli(sub) -> None:
    from bot.clihelp import examples

    p = sub.add_parser(
        "bench", help="measure latency, throughput, cold start, memory, index size",
        description="Time answers, indexing and cold starts against the bare model in the same run, on the bundled "
                    "corpus (a minute or two) and, opt-in, on scale corpora of N passages (10000: about 10 minutes; "
                    "100000: over an hour). Each size is checked against the targets in bot/targets.py.",
        epilog=examples("policybot bench                                   # the bundled corpus only",
                        "policybot bench --sizes bundled,10000 --out bench/results.json",
                        "policybot bench --sizes 100000 --pool eval/archive/corpus --bare-sample 2000"))
    p.add_argument("--sizes", default="bundled", help="comma-separated: bundled and/or passage counts")
    p.add_argument("--work", default="bench", help="working folder for the scale corpora and indexes")
    p.add_argument("--out", help="also write the results as JSON to this file")
    p.add_argument("--json", action="store_true", help="print the results as JSON instead of the table")
    p.add_argument("--eval", default=str(DEFAULT_EVAL), help="questions to time (dev_eval.yaml format; default: the project's eval/dev_eval.yaml)")
    p.add_argument("--rounds", type=int, default=3, help="times each question is answered")
    p.add_argument("--bare-sample", type=int, default=0,
                   help="encode only this many of the indexed passages for the bare-model figure (0 = all)")
    p.add_argument("--reuse", action="store_true", help="reuse indexes built by an earlier run")
    p.add_argument("--pool", help="bulletins whose sentences and lists the scale corpus is made of (default: the "
                                  "corpus itself; another district's bulletins keep the questions' answers unique)")
    p.add_argument("--cold-rounds", type=int, default=3,
                   help="cold starts timed, each right after a bare model load (medians reported)")
    p.set_defaults(func=_cmd_bench)


def _cmd_bench(args, config: Config) -> int:
    from bot.output import document, print_json
    from bot.errors import PolicyBotError, UsageError
    from bot.ingest import corpus_files

    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    for s in sizes:
        if s != "bundled" and not s.isdigit():
            raise UsageError(f"--sizes takes 'bundled' or passage counts, not {s!r}")
    if args.rounds < 1 or args.bare_sample < 0:
        raise UsageError("--rounds takes 1 or more, --bare-sample 0 or more")
    eval_file = Path(args.eval)
    if not eval_file.is_file():
        raise PolicyBotError(f"questions file not found: {eval_file} (use --eval FILE)")
    pool = Path(args.pool) if args.pool else None
    if pool is not None and not corpus_files(pool):
        from bot.load import FORMATS

        raise PolicyBotError(f"--pool {pool}: no bulletins there (a folder of {'/'.join(FORMATS)} files)")
    results = run_bench(config, sizes, Path(args.work), eval_file, args.rounds, args.bare_sample, args.reuse,
                        args.cold_rounds, pool)
    if args.out:
        Path(args.out).write_text(json.dumps(document(results), ensure_ascii=False, indent=2), encoding="utf-8")
    if args.json:
        print_json(results, indent=2)
    else:
        print(format_table(results))
        print("targets (bot/targets.py):")
        for line in target_checks(results):
            print(f"  {line}")
    return 0


if __name__ == "__main__":  # phases, run by run_bench in subprocesses
    phase, cfg = sys.argv[1], load_config(sys.argv[2])
    if phase == "_index":
        print(json.dumps(phase_index(cfg, int(sys.argv[3]))))
    elif phase == "_query":
        print(json.dumps(phase_query(cfg, Path(sys.argv[3]), int(sys.argv[4]))))
    else:
        raise SystemExit(f"unknown phase {phase}")
