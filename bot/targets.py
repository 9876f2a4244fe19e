"""The project's targets, defined once: `policybot eval`, `policybot bench`, the HTML report and the
docs (docs/quality.md, docs/performance.md) all read them from here.

A target is a bound on one figure; `met` says whether a measured value keeps it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Target:
    key: str
    bound: float
    higher_is_better: bool
    label: str

    def met(self, value: float | None) -> bool | None:
        """True or False, or None when there is nothing to judge."""
        if value is None:
            return None
        return value >= self.bound if self.higher_is_better else value <= self.bound

    @property
    def text(self) -> str:
        bound = f"{self.bound:g}" if float(self.bound).is_integer() else f"{self.bound:.3g}"
        return f"{'≥' if self.higher_is_better else '≤'} {bound}"


# Answer quality (issue 10's bar, set on the campaign archive; docs/quality.md).
QUALITY = {t.key: t for t in (
    Target("hit@1", 0.85, True, "hit@1"),
    Target("hit@3", 0.95, True, "hit@3"),
    Target("offtopic_share", 12 / 14, True, "off-topic questions refused (share)"),
    Target("median_chars_read", 250, False, "median characters read until the answer"),
)}

# Speed and memory (issue 13's bar; docs/performance.md).
SPEED = {t.key: t for t in (
    Target("answer_to_embed_ratio", 1.2, False, "answer p50 / bare question embedding p50"),
    Target("lexical_ms_p50_100k", 2.0, False, "lexical ranking p50 at 100k passages, ms"),
    Target("cold_start_ratio", 1.1, False, "cold start / bare model process"),
    Target("dev_hit1_100k", 0.73, True, "development hit@1 at 100k passages"),
    Target("peak_rss_mb", 2048, False, "peak RSS, MB"),
    Target("index_to_bare_ratio", 0.8, True, "indexing / bare encoding throughput"),
)}


def quality_figures(summary: dict) -> dict[str, float | None]:
    """The figures of an eval summary that QUALITY judges."""
    neg = summary.get("offtopic_questions") or 0
    return {
        "hit@1": summary.get("hit@1"),
        "hit@3": summary.get("hit@3"),
        "offtopic_share": summary["offtopic_rejected"] / neg if neg else None,
        "median_chars_read": summary.get("median_chars_read"),
    }
