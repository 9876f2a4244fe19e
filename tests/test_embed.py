"""Questions are embedded through the model's modules directly (faster than `encode`): the vectors
must be the ones `encode` gives, for one question and for a batch of different lengths."""

import numpy as np


def test_question_vectors_are_the_models_own(embedder):
    questions = ["招商方面有什么要求？", "第三个聚力是什么", "八个聚力分别是什么？请逐条列出，并说明各自的牵头单位和完成时限"]
    fast = embedder._encode_few(questions)
    plain = embedder.encode(questions)
    assert fast.shape == plain.shape and fast.dtype == np.float32
    assert np.allclose(fast, plain, atol=1e-5)
    assert np.allclose(np.linalg.norm(fast, axis=1), 1.0, atol=1e-5)
    one = embedder.encode_queries(["招商方面有什么要求？"])
    assert np.allclose(one[0], plain[0], atol=1e-5)
