"""A fake Telegram Bot API server on 127.0.0.1 for tests: real HTTP, so the real PTB Application
runs against it through `base_url` / `base_file_url`. Tests inject updates and inspect the calls.

It is strict where Telegram is: HTML parse mode is validated (known tags only, balanced, escaped
&, <, >), messages are at most 4096 characters after parsing, callback data at most 64 bytes, an
edit that changes nothing is "message is not modified", chats nobody wrote from are "chat not
found", a user who blocked the bot gets 403. Inline queries (answerInlineQuery) and webhooks
(setWebhook; updates are then POSTed to the bot with the secret token header, loopback only)
behave as on Telegram."""

from __future__ import annotations

import html
import json
import queue
import re
import threading
import time
import urllib.error
import urllib.request
from email.parser import BytesParser
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qs, unquote, urlparse

BOT_ID = 7000000001
LIMIT = 4096
CALLBACK_DATA_BYTES = 64
ANSWER_TEXT_LIMIT = 200
# Telegram's HTML parse mode: these tags (and their attributes) and nothing else.
ALLOWED_TAGS = {"b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a",
                "tg-emoji", "code", "pre", "blockquote"}
ALLOWED_ENTITIES = {"&lt;", "&gt;", "&amp;", "&quot;"}
_HTML_TOKEN = re.compile(r"<[^<>]*>|&[^&;\s<>]*;?|[<>]|[^<>&]+")
_TAG = re.compile(r"^<(/?)([a-z][a-z0-9-]*)(\s[^<>]*)?>$")


class ApiError(Exception):
    """A Bot API error reply: HTTP status = error_code, as Telegram sends it."""

    def __init__(self, code: int, description: str):
        super().__init__(description)
        self.code = code
        self.description = description


def parse_html(text: str) -> str:
    """The plain text Telegram shows for an HTML message; ApiError 400 where Telegram refuses it."""
    stack: list[str] = []
    out: list[str] = []
    for token in _HTML_TOKEN.findall(text):
        if token.startswith("<") and len(token) > 1:
            m = _TAG.match(token)
            if not m or m.group(2) not in ALLOWED_TAGS:
                raise ApiError(400, f"Bad Request: can't parse entities: unsupported start tag {token[:20]!r}")
            if m.group(1):
                if not stack or stack[-1] != m.group(2):
                    raise ApiError(400, f"Bad Request: can't parse entities: can't find end tag corresponding "
                                        f"to start tag {m.group(2)!r}")
                stack.pop()
            else:
                stack.append(m.group(2))
        elif token in ("<", ">"):
            raise ApiError(400, f"Bad Request: can't parse entities: unescaped {token!r}")
        elif token.startswith("&"):
            if token in ALLOWED_ENTITIES or re.fullmatch(r"&#(\d+|x[0-9a-fA-F]+);", token):
                out.append(html.unescape(token))
            else:
                raise ApiError(400, f"Bad Request: can't parse entities: unsupported HTML entity {token[:12]!r}")
        else:
            out.append(token)
    if stack:
        raise ApiError(400, f"Bad Request: can't parse entities: can't find end tag corresponding to start tag "
                            f"{stack[-1]!r}")
    return "".join(out)


def _inline(markup: Any) -> bool:
    return isinstance(markup, dict) and "inline_keyboard" in markup


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def check_text(text: str, parse_mode: str | None) -> str:
    """A message text as Telegram checks it; returns what the reader sees."""
    shown = parse_html(text) if (parse_mode or "").upper() == "HTML" else text
    if not shown.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if utf16_len(shown) > LIMIT:
        raise ApiError(400, "Bad Request: message is too long")
    return shown


def check_markup(markup: Any) -> None:
    for row in (markup or {}).get("inline_keyboard", []) if isinstance(markup, dict) else []:
        for button in row:
            if not button.get("text"):
                raise ApiError(400, "Bad Request: BUTTON_TEXT_INVALID")
            data = button.get("callback_data")
            if data is not None and not (1 <= len(data.encode()) <= CALLBACK_DATA_BYTES):
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")


def _decode(value: str) -> Any:
    """PTB sends complex parameters (reply_markup, commands, …) as JSON strings."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


class FakeTelegram:
    """Start with `with FakeTelegram(token) as tg:`; point PTB at `tg.base_url` / `tg.base_file_url`."""

    def __init__(self, token: str, bot_username: str = "policy_test_bot"):
        self.token = token
        self.username = bot_username
        self.calls: list[tuple[str, dict]] = []
        self.updates: list[dict] = []
        self.files: dict[str, bytes] = {}
        self.messages: dict[int, dict[int, dict]] = {}  # chat_id -> message_id -> bot message
        self.known_chats: set[int] = set()  # chats an update came from: the bot may write there
        self.blocked: set[int] = set()  # users who blocked the bot (403 on sending to them)
        self.chat_admins: dict[int, set[int]] = {}  # group -> its administrators (getChatMember)
        self.errors: list[tuple[str, int, str]] = []  # (method, code, description) of refused calls
        self.webhook: dict | None = None  # {"url", "secret_token"} once setWebhook was called
        self._deliveries: queue.Queue[dict | None] = queue.Queue()
        self._deliverer: threading.Thread | None = None
        self.webhook_replies: list[int] = []  # HTTP status of each webhook delivery
        self._next_update = 1
        self._next_message: dict[int, int] = {}
        self._lock = threading.Condition()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    # ------------------------------------------------------------ lifecycle
    @property
    def port(self) -> int:
        return self._server.server_address[1]

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    @property
    def base_file_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/file/bot"

    def __enter__(self) -> "FakeTelegram":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        with self._lock:
            self._lock.notify_all()
        self._deliveries.put(None)
        self._server.shutdown()
        self._server.server_close()

    # ------------------------------------------------------------ injecting updates
    def _message_id(self, chat_id: int) -> int:
        self._next_message[chat_id] = self._next_message.get(chat_id, 0) + 1
        return self._next_message[chat_id]

    def _push(self, update: dict) -> int:
        with self._lock:
            update["update_id"] = self._next_update
            self._next_update += 1
            for kind in ("message", "callback_query"):
                message = update.get(kind, {})
                message = message.get("message", {}) if kind == "callback_query" else message
                if "chat" in message:
                    self.known_chats.add(int(message["chat"]["id"]))
            if self.webhook:
                self._deliveries.put(update)
            else:
                self.updates.append(update)
            self._lock.notify_all()
            return update["update_id"]

    def block(self, user_id: int) -> None:
        """The user blocks the bot: sending to their private chat is 403 from now on."""
        self.blocked.add(user_id)

    def add_bot_to_group(self, chat_id: int, user_id: int) -> None:
        """`user_id` adds the bot to a group: a my_chat_member update, as Telegram sends it."""
        bot = self.bot_user()
        self._push({"my_chat_member": {
            "chat": self._chat(chat_id, "supergroup"), "from": self._user(user_id), "date": int(time.time()),
            "old_chat_member": {"status": "left", "user": bot},
            "new_chat_member": {"status": "member", "user": bot}}})
        self.known_chats.add(chat_id)

    def open_chat(self, chat_id: int) -> None:
        """The chat exists for Telegram (the user pressed Start long ago) without a new update."""
        self.known_chats.add(chat_id)

    def send_inline_query(self, user_id: int, query: str, offset: str = "") -> str:
        query_id = f"iq{self._next_update}"
        self._push({"inline_query": {"id": query_id, "from": self._user(user_id), "query": query,
                                     "offset": offset, "chat_type": "sender"}})
        return query_id

    def choose_inline_result(self, user_id: int, result_id: str, query: str) -> None:
        """The user picked an inline result (sent only with /setinlinefeedback enabled)."""
        self._push({"chosen_inline_result": {"result_id": result_id, "from": self._user(user_id),
                                             "query": query, "inline_message_id": f"im{self._next_update}"}})

    @staticmethod
    def _chat(chat_id: int, chat_type: str) -> dict:
        chat = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat["first_name"] = "官员"
        else:
            chat["title"] = "测试群"
        return chat

    @staticmethod
    def _user(user_id: int) -> dict:
        return {"id": user_id, "is_bot": False, "first_name": f"用户{user_id}"}

    def send_text(self, chat_id: int, user_id: int, text: str, chat_type: str = "private",
                  reply_to_bot_message_id: int | None = None) -> int:
        """A user's text message; /commands and @mentions get their entities like real clients."""
        message_id = self._message_id(chat_id)
        message: dict[str, Any] = {
            "message_id": message_id, "date": int(time.time()), "chat": self._chat(chat_id, chat_type),
            "from": self._user(user_id), "text": text,
        }
        entities = []
        if text.startswith("/"):
            length = len(text.split()[0])
            entities.append({"type": "bot_command", "offset": 0, "length": length})
        mention = f"@{self.username}"
        if mention in text:
            entities.append({"type": "mention", "offset": _utf16_offset(text, text.index(mention)),
                             "length": len(mention)})
        if entities:
            message["entities"] = entities
        if reply_to_bot_message_id is not None:
            original = self.messages.get(chat_id, {}).get(reply_to_bot_message_id)
            message["reply_to_message"] = original or {
                "message_id": reply_to_bot_message_id, "date": int(time.time()),
                "chat": self._chat(chat_id, chat_type), "from": self.bot_user(), "text": "…"}
        self._push({"message": message})
        return message_id

    def send_document(self, chat_id: int, user_id: int, filename: str, content: bytes,
                      mime_type: str = "text/plain", chat_type: str = "private") -> int:
        file_id = f"file{len(self.files) + 1}"
        self.files[file_id] = content
        message_id = self._message_id(chat_id)
        self._push({"message": {
            "message_id": message_id, "date": int(time.time()), "chat": self._chat(chat_id, chat_type),
            "from": self._user(user_id),
            "document": {"file_id": file_id, "file_unique_id": file_id + "u", "file_name": filename,
                         "mime_type": mime_type, "file_size": len(content)},
        }})
        return message_id

    def press_button(self, chat_id: int, user_id: int, message_id: int, data: str) -> str:
        message = self.messages[chat_id][message_id]
        query_id = f"cq{self._next_update}"
        self._push({"callback_query": {"id": query_id, "from": self._user(user_id), "chat_instance": "ci",
                                       "message": message, "data": data}})
        return query_id

    # ------------------------------------------------------------ inspecting
    def bot_user(self) -> dict:
        return {"id": BOT_ID, "is_bot": True, "first_name": "政策问答", "username": self.username,
                "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": True}

    def calls_of(self, method: str) -> list[dict]:
        return [params for m, params in self.calls if m == method]

    def wait_for(self, predicate: Callable[[str, dict], bool], timeout: float = 30, start: int = 0) -> dict:
        """Wait until a call (from index `start` on) matches; return its params."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                for method, params in self.calls[start:]:
                    if predicate(method, params):
                        return params
                self._lock.wait(0.05)
        recent = [(m, str(p)[:200]) for m, p in self.calls[-8:]]
        raise AssertionError(f"no matching Bot API call within {timeout}s; last calls: {recent}")

    def mark(self) -> int:
        """Index to pass as `start` so wait_for only looks at calls made after now."""
        with self._lock:
            return len(self.calls)

    # ------------------------------------------------------------ the HTTP side
    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # keep test output clean
                pass

            def _reply(self, status: int, payload: dict | bytes, content_type: str = "application/json") -> None:
                body = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
                try:
                    self.send_response(status)
                    self.send_header("Content-Type", content_type)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (e.g. a long poll cancelled at shutdown)

            def do_GET(self) -> None:
                self._handle()

            def do_POST(self) -> None:
                self._handle()

            def _file(self) -> bool:
                """File downloads (PTB may use GET or POST for them; the token arrives percent-encoded)."""
                path = unquote(urlparse(self.path).path)
                prefix = f"/file/bot{fake.token}/"
                if not path.startswith("/file/"):
                    return False
                name = path[len(prefix):] if path.startswith(prefix) else None
                if name in fake.files:
                    self._reply(200, fake.files[name], "application/octet-stream")
                else:
                    self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                return True

            def _params(self) -> dict:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                ctype = self.headers.get("Content-Type", "")
                params: dict[str, Any] = {k: v[0] for k, v in parse_qs(urlparse(self.path).query).items()}
                if ctype.startswith("application/json") and raw:
                    params.update(json.loads(raw))
                elif ctype.startswith("multipart/form-data"):
                    message = BytesParser(policy=default_policy).parsebytes(
                        f"Content-Type: {ctype}\r\n\r\n".encode() + raw)
                    for part in message.iter_parts():
                        name = part.get_param("name", header="content-disposition")
                        payload = part.get_payload(decode=True) or b""
                        params[name] = payload if part.get_filename() else payload.decode()
                elif raw:
                    params.update({k: v[0] for k, v in parse_qs(raw.decode(), keep_blank_values=True).items()})
                return {k: _decode(v) for k, v in params.items()}

            def _handle(self) -> None:
                if self._file():
                    return
                path = urlparse(self.path).path
                if not path.startswith("/bot"):
                    self._reply(404, {"ok": False, "error_code": 404, "description": "Not Found"})
                    return
                token, _, method = path[len("/bot"):].partition("/")
                if token != fake.token:
                    self._reply(401, {"ok": False, "error_code": 401, "description": "Unauthorized"})
                    return
                params = self._params()
                try:
                    result = fake._call(method, params)
                except ApiError as exc:
                    self._reply(exc.code, {"ok": False, "error_code": exc.code, "description": exc.description})
                    return
                self._reply(200, {"ok": True, "result": result})

        return Handler

    def _call(self, method: str, params: dict) -> Any:
        if method == "getUpdates":
            if self.webhook:
                raise ApiError(409, "Conflict: can't use getUpdates method while webhook is active; "
                                    "use deleteWebhook to delete the webhook first")
            return self._get_updates(params)
        with self._lock:
            self.calls.append((method, params))
            self._lock.notify_all()
            try:
                return self._answer(method, params)
            except ApiError as exc:
                self.errors.append((method, exc.code, exc.description))
                params["_error"] = exc.description
                raise

    def _writable(self, chat_id: int) -> None:
        if chat_id not in self.known_chats:
            raise ApiError(400, "Bad Request: chat not found")
        if chat_id in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")

    def _answer(self, method: str, params: dict) -> Any:
        if method == "getMe":
            return self.bot_user()
        if method in ("sendMessage", "sendDocument", "sendChatAction"):
            chat_id = int(params["chat_id"])
            self._writable(chat_id)
            if method == "sendChatAction":
                return True
            if method == "sendMessage":
                check_text(params.get("text", ""), params.get("parse_mode"))
            check_markup(params.get("reply_markup"))
            message = {
                "message_id": self._message_id(chat_id), "date": int(time.time()),
                "chat": self._chat(chat_id, "private" if chat_id > 0 else "supergroup"),
                "from": self.bot_user(), "text": params.get("text", ""),
            }
            if _inline(params.get("reply_markup")):  # Telegram echoes inline keyboards only (not ForceReply)
                message["reply_markup"] = params["reply_markup"]
            self.messages.setdefault(chat_id, {})[message["message_id"]] = message
            params["_message_id"] = message["message_id"]
            return message
        if method in ("editMessageText", "editMessageReplyMarkup"):
            chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
            self._writable(chat_id)
            if message_id not in self.messages.get(chat_id, {}):
                raise ApiError(400, "Bad Request: message to edit not found")
            old = self.messages[chat_id][message_id]
            if "text" in params:
                check_text(params["text"], params.get("parse_mode"))
            check_markup(params.get("reply_markup"))
            message = dict(old)
            if "text" in params:
                message["text"] = params["text"]
            if params.get("reply_markup"):
                message["reply_markup"] = params["reply_markup"]
            else:
                message.pop("reply_markup", None)
            if message.get("text") == old.get("text") and message.get("reply_markup") == old.get("reply_markup"):
                raise ApiError(400, "Bad Request: message is not modified: specified new message content and "
                                    "reply markup are exactly the same as a current content and reply markup "
                                    "of the message")
            message["edit_date"] = int(time.time())
            self.messages[chat_id][message_id] = message
            return message
        if method == "answerCallbackQuery":
            if len(params.get("text") or "") > ANSWER_TEXT_LIMIT:
                raise ApiError(400, "Bad Request: MESSAGE_TOO_LONG")
            return True
        if method == "answerInlineQuery":
            results = params.get("results") or []
            if len(results) > 50:
                raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
            ids = [r.get("id", "") for r in results]
            if len(set(ids)) != len(ids) or not all(1 <= len(i.encode()) <= 64 for i in ids):
                raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
            for r in results:
                content = r.get("input_message_content") or {}
                if not r.get("title"):
                    raise ApiError(400, "Bad Request: RESULT_TITLE_EMPTY")
                check_text(content.get("message_text", ""), content.get("parse_mode"))
                check_markup(r.get("reply_markup"))
            return True
        if method == "setMyCommands":
            scope = params.get("scope") or {}
            if scope.get("type") in ("chat", "chat_administrators", "chat_member"):
                if int(scope["chat_id"]) not in self.known_chats:
                    raise ApiError(400, "Bad Request: chat not found")
            return True
        if method == "setWebhook":
            url = params.get("url") or ""
            if url and urlparse(url).hostname not in ("127.0.0.1", "localhost"):
                raise ApiError(400, "Bad Request: bad webhook: this fake only delivers to loopback")
            self.webhook = {"url": url, "secret_token": params.get("secret_token")} if url else None
            if self.webhook and self._deliverer is None:
                self._deliverer = threading.Thread(target=self._deliver, daemon=True)
                self._deliverer.start()
            for update in self.updates:  # pending updates go to the webhook now
                self._deliveries.put(update)
            self.updates = []
            return True
        if method == "deleteWebhook":
            self.webhook = None
            return True
        if method == "getWebhookInfo":
            return {"url": (self.webhook or {}).get("url", ""), "has_custom_certificate": False,
                    "pending_update_count": len(self.updates)}
        if method == "getFile":
            file_id = params["file_id"]
            return {"file_id": file_id, "file_unique_id": file_id + "u", "file_size": len(self.files[file_id]),
                    "file_path": file_id}
        if method == "getChatMember":
            chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
            self._writable(chat_id)
            if user_id in self.chat_admins.get(chat_id, set()):
                return {"status": "creator", "user": self._user(user_id), "is_anonymous": False}
            return {"status": "member", "user": self._user(user_id)}
        if method == "getMyCommands":
            return []
        return True

    def _deliver(self) -> None:
        """POST each update to the webhook, in order, with the secret token header (as Telegram does)."""
        while True:
            update = self._deliveries.get()
            if update is None:
                return
            hook = self.webhook
            if hook is None:
                with self._lock:
                    self.updates.append(update)
                continue
            headers = {"Content-Type": "application/json"}
            if hook.get("secret_token"):
                headers["X-Telegram-Bot-Api-Secret-Token"] = hook["secret_token"]
            request = urllib.request.Request(hook["url"], data=json.dumps(update).encode(), headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=10) as response:
                    status = response.status
            except urllib.error.HTTPError as exc:
                status = exc.code
            except OSError:
                status = 0
            with self._lock:
                self.webhook_replies.append(status)
                self._lock.notify_all()

    def _get_updates(self, params: dict) -> list[dict]:
        offset = int(params.get("offset") or 0)
        timeout = min(float(params.get("timeout") or 0), 1.0)
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                # Confirmed updates (below offset) are dropped, as Telegram does.
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
                if self.updates or time.monotonic() >= deadline:
                    return list(self.updates)
                self._lock.wait(max(0.0, deadline - time.monotonic()))


def _utf16_offset(text: str, index: int) -> int:
    return len(text[:index].encode("utf-16-le")) // 2
