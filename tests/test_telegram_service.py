"""Per-user limits: a flood of questions gets one "please wait" per window, then silence."""

from __future__ import annotations

from bot.telegram.service import RateLimit, Verdict


def test_one_warning_per_window_then_quiet_until_asking_works_again():
    limit = RateLimit(per_minute=3)
    verdicts = [limit.check(1, now=0.01 * i) for i in range(30)]
    assert verdicts[:3] == [Verdict.ALLOW] * 3
    assert verdicts[3] is Verdict.WARN
    assert set(verdicts[4:]) == {Verdict.QUIET}
    assert limit.check(2, now=0.5) is Verdict.ALLOW  # other users are not affected
    assert limit.check(1, now=60.5) is Verdict.ALLOW  # the window moved on
    assert [limit.check(1, now=60.6 + i * 0.01) for i in range(3)][-1] is Verdict.WARN
