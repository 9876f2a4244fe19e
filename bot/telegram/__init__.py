"""The Telegram bot (python-telegram-bot 22): a thin layer over search, render and ingest.

app (wiring, polling or webhook) · questions (asking in private, groups, /ask) · commands (/start,
/outline, /latest, /subscribe …) · buttons (the buttons under answers) · inline (inline mode) · send
(replies in parts, edits) · admin (admins, digests) · keyboards (buttons and their callback-data
codec) · messages (every text users see) · service (shared state, limits, the handlers' typed
context) · store (answers behind buttons, subscribers).
"""

from bot.telegram.app import build_application, run_bot

__all__ = ["build_application", "run_bot"]
