"""Calibration: constants fitted on several sets together, each set measured with constants fitted without it.

The scorer here is a table (no model): set "a" and "b" answer best with a low threshold, "odd" with a high one,
so a set's left-out figure differs from its fitted-on-all figure exactly when the fit leaks it."""

from __future__ import annotations

from bot.calibrate import SetScore, cached, fit, leave_one_set_out, params_of, worst

GRID = {"min_dense": (0.7, 0.8, 0.9), "min_coverage": (0.1, 0.2)}
START = {"min_dense": 0.8, "min_coverage": 0.2}
BEST = {"a": 0.7, "b": 0.7, "odd": 0.9}  # the threshold each set likes best


def table(params):
    p = dict(params)
    out = {}
    for name, best in BEST.items():
        off = round(abs(p["min_dense"] - best) * 10)  # each step away from its best costs a hit and a rejection
        extra = 1 if p["min_coverage"] == 0.1 else 0  # every set gains a little from the lower coverage
        out[name] = SetScore(hits=8 - 2 * off + extra, answerable=10, rejected=4 - off, negatives=4, refused=off)
    return out


def test_a_fit_finds_the_constants_the_sets_share():
    assert fit(cached(table), ["a", "b"], START, GRID) == {"min_dense": 0.7, "min_coverage": 0.1}
    assert fit(cached(table), ["odd"], START, GRID) == {"min_dense": 0.9, "min_coverage": 0.1}


def test_each_set_is_measured_with_constants_fitted_without_it():
    calls = []

    def counting(params):
        calls.append(params)
        return table(params)

    folds = {f.held_out: f for f in leave_one_set_out(cached(counting), ["a", "b", "odd"], START, GRID)}
    # Without "odd" the others pull the threshold down, and "odd" pays for it: the figure it would get from
    # constants it helped choose (0.8 with all three) is better than its honest one.
    assert folds["odd"].params["min_dense"] == 0.7
    assert folds["odd"].score == table(params_of(folds["odd"].params))["odd"]
    assert folds["odd"].score.hit1 < table(params_of({"min_dense": 0.9, "min_coverage": 0.1}))["odd"].hit1
    assert folds["odd"].configured == table(params_of(START))["odd"]
    assert folds["a"].params["min_dense"] in (0.7, 0.8)  # fitted on b and odd
    assert worst(folds.values()).held_out == "odd"
    assert len(calls) == len(set(calls))  # each setting scored once, however many folds try it


def test_a_tie_keeps_the_configured_value():
    flat = cached(lambda params: {"a": SetScore(5, 10, 2, 4, 0)})
    assert fit(flat, ["a"], START, GRID) == START


def test_a_set_without_near_misses_counts_its_hits_alone():
    s = SetScore(hits=9, answerable=10, rejected=0, negatives=0, refused=1)
    assert s.rejected_share == 1.0 and s.objective == (0.9 + 1.0) / 2


def test_the_search_scorer_answers_under_the_settings_tried_and_restores_the_configured_ones(searcher):
    """On the real index: a setting that demands everything refuses what the configured one answers, and the
    searcher is left as it was (calibration must not change what the bot answers)."""
    from bot.calibrate import configured_values, search_scorer
    from bot.evaluate import Case

    cases = [Case("q1", "ordinal", "第三个聚力是什么", (("三要聚力项目招引",),)),
             Case("n1", "negative", "明天会下雨吗", ())]
    score = search_scorer({"dev": (searcher, cases)}, 5)
    configured = configured_values(searcher.config.search)
    before = searcher.config
    assert score(params_of(configured))["dev"] == SetScore(1, 1, 1, 1, 0)
    strict = {**configured, "min_dense": 1.01, "min_dense_with_lexical": 1.01, "min_topic_coverage": 1.01,
              "min_context_coverage": 1.01}  # beyond any share: nothing can pass
    assert score(params_of(strict))["dev"].refused == 1
    assert searcher.config is before
