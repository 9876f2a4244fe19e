"""A fake Telegram Bot API server on 127.0.0.1 for tests: real HTTP, so the real PTB Application
runs against it through `base_url` / `base_file_url`. Tests inject updates and inspect the calls."""

from __future__ import annotations

import json
import threading
import time
from email.parser import BytesParser
from email.policy import default as default_policy
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable
from urllib.parse import parse_qs, unquote, urlparse

BOT_ID = 7000000001


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
            self.updates.append(update)
            self._lock.notify_all()
            return update["update_id"]

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
                "can_join_groups": True, "can_read_all_group_messages": False, "supports_inline_queries": False}

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
                result = fake._call(method, params)
                self._reply(200, {"ok": True, "result": result})

        return Handler

    def _call(self, method: str, params: dict) -> Any:
        if method == "getUpdates":
            return self._get_updates(params)
        with self._lock:
            self.calls.append((method, params))
            self._lock.notify_all()
            if method == "getMe":
                return self.bot_user()
            if method in ("sendMessage", "sendDocument"):
                chat_id = int(params["chat_id"])
                message = {
                    "message_id": self._message_id(chat_id), "date": int(time.time()),
                    "chat": self._chat(chat_id, "private" if chat_id > 0 else "supergroup"),
                    "from": self.bot_user(), "text": params.get("text", ""),
                }
                if params.get("reply_markup"):
                    message["reply_markup"] = params["reply_markup"]
                self.messages.setdefault(chat_id, {})[message["message_id"]] = message
                params["_message_id"] = message["message_id"]
                return message
            if method in ("editMessageText", "editMessageReplyMarkup"):
                chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
                message = dict(self.messages[chat_id][message_id])
                if "text" in params:
                    message["text"] = params["text"]
                message["edit_date"] = int(time.time())
                if params.get("reply_markup"):
                    message["reply_markup"] = params["reply_markup"]
                else:
                    message.pop("reply_markup", None)
                self.messages[chat_id][message_id] = message
                return message
            if method == "getFile":
                file_id = params["file_id"]
                return {"file_id": file_id, "file_unique_id": file_id + "u", "file_size": len(self.files[file_id]),
                        "file_path": file_id}
            if method == "getMyCommands":
                return []
            return True

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
