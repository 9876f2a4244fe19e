"""The callback-data codec: every button fits Telegram's 64 bytes and decodes to what it encoded."""

from __future__ import annotations

import pytest

from bot.telegram import keyboards as kb

LIST_ID = "0123456789abcdef:L12"  # an article id (16 hex) and the list's number, as bot.passages makes them


@pytest.mark.parametrize("action", [
    kb.ShowResult(123456789, 4),
    kb.ShowOutline(LIST_ID, 123456789, 4),
    kb.ShowOutline(LIST_ID),
    kb.ShowPoint(LIST_ID, 12, 123456789, 4),
    kb.Feedback(987654321, -1),
    kb.ReadList(LIST_ID),
    kb.FullText("0123456789abcdef"),
])
def test_every_action_round_trips_within_64_bytes(action):
    data = kb.encode(action)
    assert len(data.encode()) <= 64
    assert kb.decode(data) == action
    assert kb.matches(type(action))(data)
    assert not any(kb.matches(other)(data) for other in kb.PREFIXES if other is not type(action))


@pytest.mark.parametrize("data", ["", None, "r:deadbeef:1", "r|x|1", "r|1", "z|1|2", "p|a:L0|three|0|0"])
def test_foreign_or_old_data_decodes_to_nothing(data):
    assert kb.decode(data) is None


def test_oversized_or_ambiguous_fields_are_refused_when_encoding():
    with pytest.raises(ValueError):
        kb.encode(kb.ReadList("x" * 70))
    with pytest.raises(ValueError):
        kb.encode(kb.FullText("a|b"))


def test_outline_keyboard_keeps_the_way_back_and_feedback():
    markup = kb.outline_keyboard(LIST_ID, 8, "0123456789abcdef", answer=5, index=1, log_id=9)
    texts = [b.text for row in markup.inline_keyboard for b in row]
    assert texts[:8] == ["第一条", "第二条", "第三条", "第四条", "第五条", "第六条", "第七条", "第八条"]
    assert {"↩ 返回结果", "原文", "👍", "👎"} <= set(texts)
    without_answer = kb.outline_keyboard(LIST_ID, 3, "0123456789abcdef")
    assert "↩ 返回结果" not in [b.text for row in without_answer.inline_keyboard for b in row]
