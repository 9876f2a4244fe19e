"""The vector index switches to IVF above the configured size threshold and keeps supporting add and remove."""

import faiss
import numpy as np

from bot import vectors


def unit(n: int, d: int = 32, seed: int = 0) -> np.ndarray:
    v = np.random.default_rng(seed).standard_normal((n, d)).astype("float32")
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def finalize(index):
    """A threshold of 400 vectors (config `vectors.approximate_from`), nprobe as configured."""
    return vectors.finalize(index, approximate_from=400, nprobe=16)


def test_exact_below_the_threshold_and_ivf_above():
    index = vectors.new_index(32)
    data = unit(300)
    index.add_with_ids(data, np.arange(1000, 1300))
    assert not vectors.is_approximate(finalize(index))
    index.add_with_ids(unit(300, seed=1), np.arange(2000, 2300))
    ivf = finalize(index)
    assert vectors.is_approximate(ivf) and ivf.ntotal == 600
    assert faiss.extract_index_ivf(ivf).nprobe == 16  # the configured nprobe is written with the index
    ids, vecs = vectors.all_vectors(ivf)
    assert sorted(ids.tolist()) == list(range(1000, 1300)) + list(range(2000, 2300))
    # the nearest neighbour of a stored vector is itself
    _, found = vectors.search(vectors.prepare(ivf, 32), data[:20], 1)
    assert (found[:, 0] == np.arange(1000, 1020)).mean() >= 0.95


def test_ivf_supports_remove_and_add_and_returns_to_exact_when_small():
    index = vectors.new_index(32)
    index.add_with_ids(unit(800), np.arange(800))
    ivf = finalize(index)
    assert vectors.is_approximate(ivf)
    ivf.remove_ids(np.arange(100, dtype=np.int64))
    ivf.add_with_ids(unit(10, seed=3), np.arange(5000, 5010))
    assert ivf.ntotal == 710
    ids, _ = vectors.all_vectors(ivf)
    assert 50 not in set(ids.tolist()) and 5005 in set(ids.tolist())
    ivf.remove_ids(np.arange(100, 800, dtype=np.int64))
    back = finalize(ivf)
    assert not vectors.is_approximate(back) and back.ntotal == 10


def test_an_exact_index_becomes_the_same_ivf_through_a_scratch_file(tmp_path, monkeypatch):
    """Publishing spills the exact index's vectors to a file and frees it before the IVF index is
    filled from the file a slice at a time (the two are never held at once; 410 MB at 100k passages):
    the IVF index is the one built in memory, and no scratch file is left behind."""
    monkeypatch.setattr(vectors, "SPILL_ROWS", 700)  # several slices, the last one short
    data = unit(3000, seed=3)

    def exact():
        index = vectors.new_index(32)
        index.add_with_ids(data, np.arange(3000) * 7)
        return index

    in_memory = vectors.finalize(exact(), approximate_from=400, nprobe=16)
    spilled = vectors.finalize(exact(), 400, 16, tmp_path)
    assert vectors.is_approximate(spilled) and spilled.ntotal == 3000
    queries = data[:50] + 0.01
    assert np.array_equal(in_memory.search(queries, 10)[1], spilled.search(queries, 10)[1])
    assert sorted(vectors.all_vectors(spilled)[0].tolist()) == list(range(0, 21000, 7))
    assert list(tmp_path.iterdir()) == []
    # An IVF index grown past twice what it was trained for is retrained the same way.
    more = unit(4000, seed=4)
    for index in (in_memory, spilled):
        index.add_with_ids(more, np.arange(4000) + 100_000)
    regrown = vectors.finalize(in_memory, 400, 16)
    respilled = vectors.finalize(spilled, 400, 16, tmp_path)
    assert faiss.extract_index_ivf(respilled).nlist > faiss.extract_index_ivf(spilled).nlist  # retrained
    assert respilled.ntotal == 7000 and list(tmp_path.iterdir()) == []
    assert np.array_equal(regrown.search(queries, 10)[1], respilled.search(queries, 10)[1])
    respilled.add_with_ids(unit(500, seed=6), np.arange(500) + 200_000)  # grown by far less than half
    assert vectors.finalize(respilled, 400, 16, tmp_path) is respilled  # kept, not retrained


def test_a_small_archive_with_a_low_threshold_still_gets_an_ivf_index():
    """`vectors.approximate_from: 10` with 45 passages: fewer vectors than the usual 64 lists."""
    index = vectors.new_index(32)
    data = unit(45, seed=5)
    index.add_with_ids(data, np.arange(45))
    ivf = vectors.finalize(index, approximate_from=10, nprobe=8)
    assert vectors.is_approximate(ivf) and ivf.ntotal == 45
    _, found = vectors.search(ivf, data[:10], 1)
    assert found[:, 0].tolist() == list(range(10))


def test_publishing_frees_the_exact_vectors_before_building_their_ivf_copy(tmp_path, embedder, monkeypatch):
    """An index crossing `vectors.approximate_from` at publish: when the IVF index starts being
    filled, the exact index it comes from is already gone (at 100k passages the two were 410 MB at
    once), and the published index answers."""
    import gc
    import weakref

    from bot.config import load_config
    from bot.ingest import sync
    from bot.search import Searcher

    from tests.conftest import make_config

    config = load_config(make_config(tmp_path / "site", vectors={"approximate_from": 10}))
    exact_indexes, alive_when_filled = [], []
    new_index = vectors.new_index
    monkeypatch.setattr(vectors, "new_index", lambda d: exact_indexes.append(weakref.ref(i := new_index(d))) or i)
    fill = vectors._filled_ivf

    def spy(*args):
        gc.collect()
        alive_when_filled.extend(ref() is not None for ref in exact_indexes)
        return fill(*args)

    monkeypatch.setattr(vectors, "_filled_ivf", spy)
    sync(config, embedder)
    assert exact_indexes and alive_when_filled == [False] * len(exact_indexes)
    searcher = Searcher(config, embedder)
    answer = searcher.search("第三个聚力是什么")
    assert vectors.is_approximate(searcher.snapshot.vectors)
    assert answer.answered and "三要聚力项目招引" in answer.results[0].passage.text


def test_a_question_searched_on_one_core_leaves_the_threads_as_it_found_them():
    # faiss and PyTorch share OpenMP's per-thread setting: a search left on one core would run the next
    # question's embedding on one core too
    import torch

    index = vectors.new_index(32)
    index.add_with_ids(unit(100), np.arange(100))
    before, model_threads = faiss.omp_get_max_threads(), torch.get_num_threads()
    faiss.omp_set_num_threads(2)  # two cores, as the model is given: a one-core search must not keep one
    try:
        model_two = torch.get_num_threads()
        vectors.search(index, unit(1, seed=3), 5)
        assert faiss.omp_get_max_threads() == 2 and torch.get_num_threads() == model_two
        vectors.search(index, unit(20, seed=4), 5)  # a batch uses every core, then the same is put back
        assert faiss.omp_get_max_threads() == 2 and torch.get_num_threads() == model_two
    finally:
        faiss.omp_set_num_threads(before)
        torch.set_num_threads(model_threads)


def test_a_question_against_an_exact_index_gets_what_faiss_finds_by_a_matrix_product():
    # with the model loaded, a few questions are one product over the index's own storage (no copy), on the
    # threads that just embedded them; the same passages in the same order, with the same scores, as FAISS
    import torch  # noqa: F401 - the model's library, loaded as in a process that embeds questions

    index = vectors.new_index(32)
    ids = np.arange(1000, 1500)
    index.add_with_ids(unit(500), ids)
    index.remove_ids(np.arange(1000, 1010))  # a generation's ids need not be dense or ordered
    exact = vectors.exact_matrix(index)
    assert exact is not None and len(exact[0]) == 490
    questions = unit(3, seed=7)
    want_scores, want_ids = index.search(questions, 10)

    class NoScan:  # the product answers alone: FAISS is not asked (its one-core scan is what the product replaces)
        def search(self, *args):
            raise AssertionError("FAISS scanned the vectors")

    scores, found = vectors.search(NoScan(), questions, 10, exact)
    assert (found == want_ids).all() and np.allclose(scores, want_scores, atol=1e-5)
    assert found.min() >= 1010  # removed passages never come back
    # more candidates asked than passages: every passage once, as FAISS's padding would be cut by the caller
    scores, found = vectors.search(NoScan(), questions[:1], 600, exact)
    assert sorted(found[0]) == list(range(1010, 1500))
    assert vectors.exact_matrix(vectors.new_index(32)) is None  # an empty index has nothing to multiply
    # a batch (re-indexing, evaluation) keeps FAISS on every core
    assert (vectors.search(index, unit(20, seed=8), 5, exact)[1] == index.search(unit(20, seed=8), 5)[1]).all()
