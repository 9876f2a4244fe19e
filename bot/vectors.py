"""Vector index: which FAISS structure holds the passage vectors, and how it is searched.

Small indexes are exact (inner product over every vector, wrapped in IndexIDMap2 so passages can be
removed by id). From `vectors.approximate_from` vectors (config.yaml) the index becomes an inverted-file index (IVF): exact
search there costs more than embedding the question, and IVF, unlike HNSW, still supports removing
ids, which every index change relies on. nlist and `vectors.nprobe` were chosen with `policybot bench`
(recall@10 against exact search ≥ 0.98 on the development questions and sampled passages).
"""

from __future__ import annotations

import math

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
    d = vectors.shape[1]
    nlist = max(64, int(4 * math.sqrt(len(vectors))))
    quantizer = faiss.IndexFlatIP(d)
    index = faiss.IndexIVFFlat(quantizer, d, nlist, faiss.METRIC_INNER_PRODUCT)
    # Train on a sample: k-means over 100k × 512 floats is slow and no better than 40 points a list.
    rng = np.random.default_rng(0)
    sample = vectors if len(vectors) <= nlist * 40 else vectors[np.sort(rng.choice(len(vectors), nlist * 40, replace=False))]
    index.train(np.ascontiguousarray(sample, dtype=np.float32))
    index.set_direct_map_type(faiss.DirectMap.Hashtable)  # lets remove_ids and reconstruct use any id
    index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids)
    index.nprobe = nprobe
    return index


def finalize(index: faiss.Index, approximate_from: int, nprobe: int) -> faiss.Index:
    """Called before a generation is written: exact below the threshold, IVF above it.

    An IVF index keeps its trained lists as passages come and go; it is retrained when it has
    grown or shrunk by half since training, and turned back into an exact index when small."""
    n = index.ntotal
    if is_approximate(index):
        ivf = faiss.extract_index_ivf(index)
        trained_for = (ivf.nlist / 4) ** 2
        if n < approximate_from or not (0.5 * trained_for <= n <= 2 * trained_for):
            ids, vectors = all_vectors(index)
            return _exact(ids, vectors, index.d) if n < approximate_from else approximate_index(ids, vectors, nprobe)
        ivf.nprobe = nprobe
        return index
    if n >= approximate_from:
        ids, vectors = all_vectors(index)
        return approximate_index(ids, vectors, nprobe)
    return index


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
# stays free for the model. The setting is per calling thread; batches keep every core.
FEW_QUERIES = 8
_ALL_THREADS = faiss.omp_get_max_threads()


def search(index: faiss.Index, queries: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    faiss.omp_set_num_threads(1 if len(queries) <= FEW_QUERIES else _ALL_THREADS)
    return index.search(np.ascontiguousarray(queries, dtype=np.float32), limit)
