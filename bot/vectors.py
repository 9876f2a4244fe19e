"""Vector index: which FAISS structure holds the passage vectors, and how it is searched.

Exact inner-product search (IndexFlatIP) wrapped in IndexIDMap2 so passages can be removed by id.
"""

from __future__ import annotations

import faiss
import numpy as np


def new_index(dimension: int) -> faiss.Index:
    """An empty index that accepts ids (add_with_ids) and removals (remove_ids)."""
    return faiss.IndexIDMap2(faiss.IndexFlatIP(dimension))


def finalize(index: faiss.Index) -> faiss.Index:
    """Called before a generation is written: the place to switch structure by size."""
    return index


def search(index: faiss.Index, queries: np.ndarray, limit: int) -> tuple[np.ndarray, np.ndarray]:
    return index.search(np.ascontiguousarray(queries, dtype=np.float32), limit)
