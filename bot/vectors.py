"""Vector index: which FAISS structure holds the passage vectors, and how it is searched.

Small indexes are exact (inner product over every vector, wrapped in IndexIDMap2 so passages can be
removed by id). From `vectors.approximate_from` vectors (config.yaml) the index becomes an inverted-file index (IVF): exact
search there costs more than embedding the question, and IVF, unlike HNSW, still supports removing
ids, which every index change relies on. nlist and `vectors.nprobe` were chosen with `policybot bench`
(recall@10 against exact search ≥ 0.98 on the development questions and sampled passages).
"""

from __future__ import annotations

import math
import sys
from pathlib import Path

import faiss
import numpy as np


def new_index(dimension: int) -> faiss.Index:
    """An empty exact index that accepts ids (add_with_ids) and removals (remove_ids)."""
    return faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))


# faiss.read_index and the constructors already return the concrete class. (Never rebind an index to
# faiss.downcast_index(index): the new proxy does not own the C++ object, so dropping the old one frees it.)


def is_approximate(index: faiss.Index) -> bool:
    return isinstance(index, faiss.IndexIVF)


def all_vectors(index: faiss.Index) -> tuple[np.ndarray, np.ndarray]:
    """(ids, vectors) of every passage in the index, whatever its structure."""
    if isinstance(index, faiss.IndexIDMap2):
        ids = faiss.vector_to_array(index.id_map).astype(np.int64)
        if not index.ntotal:
            return ids, np.zeros((0, index.d), "float32")
        # A view of the flat index's own storage, not a copy: valid while `index` lives.
        flat = faiss.downcast_index(index.index)
        return ids, faiss.rev_swig_ptr(flat.get_xb(), index.ntotal * index.d).reshape(index.ntotal, index.d)
    ivf = faiss.extract_index_ivf(index)
    invlists = ivf.invlists
    ids_out, vecs_out = [], []
    for list_no in range(ivf.nlist):
        n = invlists.list_size(list_no)
        if not n:
            continue
        ids = faiss.rev_swig_ptr(invlists.get_ids(list_no), n).copy()
        codes = faiss.rev_swig_ptr(invlists.get_codes(list_no), n * invlists.code_size).copy()
        ids_out.append(ids.astype(np.int64))
        vecs_out.append(codes.view("float32").reshape(n, ivf.d))
    if not ids_out:
        return np.zeros(0, np.int64), np.zeros((0, ivf.d), "float32")
    return np.concatenate(ids_out), np.concatenate(vecs_out)


def approximate_index(ids: np.ndarray, vectors: np.ndarray, nprobe: int) -> faiss.Index:
    """IVF-Flat over inner product, trained on the vectors it will hold; removals still work."""
    sample = _sample_rows(len(vectors), _nlist(len(vectors)))
    return _filled_ivf(ids, vectors.shape[1], vectors if sample is None else vectors[sample],
                       [np.ascontiguousarray(vectors, dtype=np.float32)], nprobe)


def _nlist(n: int) -> int:
    """4·√n lists (at least 64), but never fewer than 39 vectors a list: k-means needs at least one
    point a centroid, and FAISS asks for 39 (a low `vectors.approximate_from` on a small archive)."""
    return max(1, min(max(64, int(4 * math.sqrt(n))), n // 39))


def _filled_ivf(ids: np.ndarray, d: int, train: np.ndarray, slices, nprobe: int) -> faiss.Index:
    """An IVF index trained on `train` (freed once trained, when passed without another reference)
    and filled with `slices`: consecutive blocks of the vectors, in the order of `ids`."""
    ivf = _untrained_ivf(d, len(ids))
    ivf.train(np.ascontiguousarray(train, dtype=np.float32))
    del train
    start = 0
    for part in slices:
        ivf.add_with_ids(part, ids[start : start + len(part)])
        start += len(part)
    ivf.nprobe = nprobe
    return ivf


def _untrained_ivf(d: int, n: int) -> faiss.Index:
    quantizer = faiss.IndexFlatIP(d)
    index = faiss.IndexIVFFlat(quantizer, d, _nlist(n), faiss.METRIC_INNER_PRODUCT)
    index.set_direct_map_type(faiss.DirectMap.Hashtable)  # lets remove_ids and reconstruct use any id
    return index


def _sample_rows(n: int, nlist: int) -> np.ndarray | None:
    """Rows to train on (None: all): k-means over 100k × 512 floats is slow and no better than 40
    points a list."""
    if n <= nlist * 40:
        return None
    return np.sort(np.random.default_rng(0).choice(n, nlist * 40, replace=False))


SPILL_ROWS = 8192  # vectors read back at a time when an exact index becomes an IVF one


def _spill(index: faiss.Index, path: Path) -> np.ndarray:
    """Write an index's vectors to `path`; return their ids."""
    ids, view = all_vectors(index)
    view.tofile(path)
    return ids.copy()


def _approximate_from_file(ids: np.ndarray, path: Path, d: int, nprobe: int) -> faiss.Index:
    """The IVF index of the vectors spilled to `path`, read a slice at a time (`fromfile`: each slice
    is freed as the next is read, where a memory map would keep every page it touched)."""
    n = len(ids)

    def slices():
        with open(path, "rb") as fh:
            for start in range(0, n, SPILL_ROWS):
                yield np.fromfile(fh, dtype=np.float32, count=min(SPILL_ROWS, n - start) * d).reshape(-1, d)

    def training_rows() -> np.ndarray:
        sample = _sample_rows(n, _nlist(n))
        if sample is None:
            return np.concatenate(list(slices()))
        bounds = np.searchsorted(sample, np.arange(0, n + SPILL_ROWS, SPILL_ROWS))
        return np.concatenate([part[sample[bounds[i] : bounds[i + 1]] - i * SPILL_ROWS]
                               for i, part in enumerate(slices())])

    # (passed straight in, the training rows are freed once trained, before the index is filled)
    return _filled_ivf(ids, d, training_rows(), slices(), nprobe)


def finalize(index: faiss.Index, approximate_from: int, nprobe: int, scratch: Path | None = None) -> faiss.Index:
    """Called before a generation is written: exact below the threshold, IVF above it.

    An IVF index keeps its trained lists as passages come and go; it is retrained when it has
    grown or shrunk by half since training, and turned back into an exact index when small.

    With a `scratch` folder, an index (exact, or IVF to be retrained) is spilled there and freed
    before the new IVF index is filled from the file — when the caller hands over its only reference
    (as `GenerationWriter.publish` does), the two are never held at once (410 MB together at 100k
    passages)."""
    n = index.ntotal
    if is_approximate(index):
        ivf = faiss.extract_index_ivf(index)
        # The size it was trained for, from its nlist (see _nlist: 4·√n lists, or n // 39 when fewer).
        trained_for = max((ivf.nlist / 4) ** 2, 39 * ivf.nlist)
        if n < approximate_from:
            ids, vectors = all_vectors(index)
            return _exact(ids, vectors, index.d)
        if 0.5 * trained_for <= n <= 2 * trained_for:
            ivf.nprobe = nprobe
            return index
    elif n < approximate_from:
        return index
    # A new IVF index: from an exact one grown past the threshold, or retrained on its own vectors.
    if scratch is None:
        ids, vectors = all_vectors(index)
        return approximate_index(ids, vectors, nprobe)
    d, path = index.d, scratch / "vectors-spill.tmp"
    try:
        ids = _spill(index, path)
        del index  # the old index's storage is freed here if this was the last reference
        return _approximate_from_file(ids, path, d, nprobe)
    finally:
        path.unlink(missing_ok=True)


def _exact(ids: np.ndarray, vectors: np.ndarray, d: int) -> faiss.Index:
    index = new_index(d)
    if len(ids):
        index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids)
    return index


def prepare(index: faiss.Index, nprobe: int | None = None) -> faiss.Index:
    """After loading: the configured nprobe (None keeps the one written with the index)."""
    if is_approximate(index) and nprobe is not None:
        faiss.extract_index_ivf(index).nprobe = nprobe
    return index


# A question or a few are searched on one core: OpenMP's fork and join over both cores cost more than
# they save (measured at 10k passages on 2 busy cores: answer p50 41.7 → 30.5 ms), and the other core
# stays free for the model. The setting is per calling thread and shared with PyTorch's OpenMP (the same
# libgomp): it is put back after the search, or the thread's next question embedding runs on one core too
# (measured: 14.8 → 17.3 ms a question). Batches keep every core.
FEW_QUERIES = 8
_ALL_THREADS = faiss.omp_get_max_threads()


def exact_matrix(index: faiss.Index) -> tuple[np.ndarray, np.ndarray] | None:
    """(ids, vectors) of an exact index — the vectors a view of its own storage, valid while it lives —
    for `search`'s matrix product; None for an IVF or an empty index."""
    if not isinstance(index, faiss.IndexIDMap2) or not index.ntotal:
        return None
    return all_vectors(index)


def search(index: faiss.Index, queries: np.ndarray, limit: int,
           exact: tuple[np.ndarray, np.ndarray] | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The `limit` best (scores, ids) of each query. A few queries against an exact index (`exact`, from
    `exact_matrix`) are one matrix product in PyTorch when the model has loaded it: its threads are the
    ones that just embedded the question, awake and sharing its cache, where FAISS scans every vector on
    one core (at 10,000 passages after a question's embedding: 0.75 against 1.5 ms). Without PyTorch
    (a process that embeds nothing) FAISS answers, with the same scores."""
    queries = np.ascontiguousarray(queries, dtype=np.float32)
    torch = sys.modules.get("torch")
    if exact is not None and torch is not None and len(queries) <= FEW_QUERIES:
        ids, matrix = exact
        with torch.inference_mode():
            top = torch.topk(torch.from_numpy(queries) @ torch.from_numpy(matrix).T, min(limit, len(ids)), dim=1)
        return top.values.numpy(), ids[top.indices.numpy()]
    before = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1 if len(queries) <= FEW_QUERIES else _ALL_THREADS)
    try:
        return index.search(queries, limit)
    finally:
        faiss.omp_set_num_threads(before)
