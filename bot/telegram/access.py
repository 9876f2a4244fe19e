"""Who may use the bot: one gate in front of every handler, applications, members, groups, the claim code.

`telegram.access: members` (the default): admins, approved members and allowed groups get answers. A
stranger who writes in private gets one short note with a 申请使用 button; the application goes to every
admin with 同意 / 拒绝; the applicant is told the decision. A group is allowed when an admin adds the bot
or sends /allowchat there; any other group hears once that the bot is not enabled, then nothing.
`open`: everyone is answered (the gate is not installed).

Members, allowed groups and claimed admins live in the bot's store (data/telegram.sqlite) next to the
subscriptions; `telegram.members` and `telegram.member_chats` approve ids in advance. With no admin at
all, a one-time claim code is logged at start: the first user to send `/claim CODE` becomes admin.
"""

from __future__ import annotations

import logging
import secrets

from telegram import ChatMemberUpdated, InlineQueryResultsButton, Update, User
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop

from bot.telegram import admin
from bot.telegram import keyboards as kb
from bot.telegram import messages as msg
from bot.telegram.service import BotContext, BotService, Verdict

log = logging.getLogger("policybot.telegram")

MEMBER, CHAT, ADMIN = "member", "chat", "admin"  # kinds of grant in the store
CLAIM_TRIES = 10  # wrong codes before the claim code is voided (a restart prints a new one)
PRESENT = (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


# ---------------------------------------------------------------- who is who


def setup(svc: BotService) -> None:
    """At start: claimed admins join the configured ones; with none at all, a claim code is logged."""
    svc.admins |= {g.ident for g in svc.store.grants(ADMIN)}
    if svc.admins:
        return
    svc.claim_code = f"{secrets.randbelow(10**8):08d}"
    # A warning, so it shows at the default log level; the token is never printed.
    log.warning("no admin yet: claim the bot by sending it /claim %s in a private chat (one-time claim code)",
                svc.claim_code)


def is_admin(svc: BotService, user_id: int) -> bool:
    return user_id in svc.admins


def is_member(svc: BotService, user_id: int) -> bool:
    return (is_admin(svc, user_id) or user_id in svc.config.telegram.members
            or svc.store.has_grant(MEMBER, user_id))


def chat_allowed(svc: BotService, chat_id: int) -> bool:
    return chat_id in svc.config.telegram.member_chats or svc.store.has_grant(CHAT, chat_id)


def display_name(user: User) -> str:
    return user.full_name + (f" @{user.username}" if user.username else "")


# ---------------------------------------------------------------- the gate


async def gate(update: Update, context: BotContext) -> None:
    """Ahead of every handler (an early group): lets through admins, members and allowed groups, and the
    few updates a stranger needs to apply or claim; everything else ends here (ApplicationHandlerStop)."""
    svc = context.service
    user, chat = update.effective_user, update.effective_chat
    if update.my_chat_member is not None:
        return  # the bot added to or removed from a chat: on_bot_added decides
    if user is None:
        raise ApplicationHandlerStop  # channel posts and the like: not questions
    if is_admin(svc, user.id):
        return
    if update.callback_query is not None:
        if _button_allowed(update, svc):
            return
        await update.callback_query.answer(msg.MEMBERS_ONLY_ALERT, show_alert=True)
    elif update.inline_query is not None:
        if is_member(svc, user.id):
            return
        await update.inline_query.answer([], cache_time=0, is_personal=True, button=InlineQueryResultsButton(
            msg.INLINE_APPLY, start_parameter=msg.INLINE_APPLY_START))
    elif update.chosen_inline_result is not None:
        if is_member(svc, user.id):
            return
    elif chat is not None and chat.type == ChatType.PRIVATE:
        if is_member(svc, user.id) or _is_claim(update):
            return
        await _tell_stranger(update, svc)
    elif chat is not None:
        if chat_allowed(svc, chat.id) or _moved_from_allowed(update, svc):
            return
        if update.message is not None and svc.store.tell_once(chat.id):
            await _quiet_reply(update, msg.GROUP_NOT_ENABLED)
    raise ApplicationHandlerStop


def _button_allowed(update: Update, svc: BotService) -> bool:
    """申请使用 for anyone; other buttons for members, and for anyone under an answer in an allowed group."""
    query = update.callback_query
    if isinstance(kb.decode(query.data), kb.Apply) or is_member(svc, query.from_user.id):
        return True
    message = query.message
    return message is not None and message.chat.type != ChatType.PRIVATE and chat_allowed(svc, message.chat.id)


def _moved_from_allowed(update: Update, svc: BotService) -> bool:
    """A group that became a supergroup gets a new id: an allowed group stays allowed."""
    old = update.message.migrate_from_chat_id if update.message is not None else None
    if old is None or not chat_allowed(svc, old):
        return False
    chat = update.effective_chat
    svc.store.grant(CHAT, chat.id, chat.title or str(chat.id))
    log.info("access: allowed chat %s moved to %s", old, chat.id)
    return True


def _is_claim(update: Update) -> bool:
    text = update.message.text if update.message is not None else None
    return bool(text) and text.split()[0] == "/claim"


async def _tell_stranger(update: Update, svc: BotService) -> None:
    """One short note a message (at most the question rate), with the button while nothing is pending."""
    if update.message is None or svc.questions.check(update.effective_user.id) is not Verdict.ALLOW:
        return
    if svc.store.application(update.effective_user.id) is not None:
        await _quiet_reply(update, msg.APPLICATION_PENDING)
    else:
        await _quiet_reply(update, msg.STRANGER, kb.apply_keyboard())


async def _quiet_reply(update: Update, text: str, markup=None) -> None:
    try:
        await update.effective_message.reply_text(text, reply_markup=markup)
    except TelegramError as exc:
        log.warning("access: could not reply in chat %s: %s", update.effective_chat.id, exc)


# ---------------------------------------------------------------- applications


async def on_apply(update: Update, context: BotContext) -> None:
    """申请使用: the application goes to every admin with 同意 / 拒绝."""
    svc = context.service
    query = update.callback_query
    user = query.from_user
    if is_member(svc, user.id):
        await query.answer(msg.ALREADY_MEMBER, show_alert=True)
        return
    if not svc.store.apply(user.id, display_name(user)):
        await query.answer(msg.APPLICATION_PENDING, show_alert=True)
        return
    sent = 0
    for admin_id in sorted(svc.admins):
        try:
            await context.bot.send_message(admin_id, msg.application_text(user.full_name, user.username, user.id),
                                           reply_markup=kb.decision_keyboard(user.id))
            sent += 1
        except TelegramError as exc:  # an admin who never opened the chat: "chat not found"
            log.warning("access: could not send the application to admin %s: %s", admin_id, exc)
    if not sent:
        svc.store.close_application(user.id)
        await query.answer(msg.NO_ADMIN_TO_ASK, show_alert=True)
        return
    await query.answer()
    log.info("access: user %s applied (sent to %d admin(s))", user.id, sent)
    if query.message is not None:
        try:
            await query.edit_message_text(msg.APPLIED)  # the note loses its button: one application is enough
        except TelegramError:
            pass


async def on_decide(update: Update, context: BotContext) -> None:
    """同意 / 拒绝 under an application: the applicant becomes a member (or not) and is told."""
    svc = context.service
    query = update.callback_query
    action = kb.decode(query.data)
    if not is_admin(svc, query.from_user.id):
        await query.answer(msg.ADMIN_ONLY, show_alert=True)
        return
    name = svc.store.application(action.user)
    if name is None or not svc.store.close_application(action.user):
        await query.answer(msg.APPLICATION_DONE, show_alert=True)  # another admin was quicker
        return
    approve = action.approve == 1
    if approve:
        svc.store.grant(MEMBER, action.user, name, by=query.from_user.id)
    await query.answer()
    log.info("access: admin %s %s user %s", query.from_user.id, "approved" if approve else "rejected", action.user)
    try:
        await query.edit_message_text(msg.decided(name, action.user, approve, query.from_user.full_name))
    except TelegramError:
        pass
    try:
        await context.bot.send_message(action.user, msg.approved(svc.examples()) if approve else msg.REJECTED)
    except TelegramError as exc:
        log.warning("access: could not tell user %s the decision: %s", action.user, exc)


# ---------------------------------------------------------------- admin commands


async def on_members(update: Update, context: BotContext) -> None:
    """/members — admins, members and allowed groups, with the ids /revoke takes."""
    svc = context.service
    if not is_admin(svc, update.effective_user.id):
        await update.effective_message.reply_text(msg.ADMIN_ONLY)
        return
    tg = svc.config.telegram

    def rows(kind: str, configured) -> list[tuple[int, str]]:
        stored = [(g.ident, g.name) for g in svc.store.grants(kind)]
        seen = {i for i, _ in stored}
        return [(i, "（配置文件）") for i in configured if i not in seen] + stored

    pending = svc.store.pending_applications()
    text = msg.members_text(rows(ADMIN, tg.admins), rows(MEMBER, tg.members), rows(CHAT, tg.member_chats), pending)
    await update.effective_message.reply_text(text)


async def on_revoke(update: Update, context: BotContext) -> None:
    """/revoke ID — a member or a group can no longer use the bot."""
    svc = context.service
    message = update.effective_message
    if not is_admin(svc, update.effective_user.id):
        await message.reply_text(msg.ADMIN_ONLY)
        return
    try:
        (ident,) = [int(a) for a in context.args or []]
    except ValueError:
        await message.reply_text(msg.REVOKE_USAGE)
        return
    if ident in svc.config.telegram.members or ident in svc.config.telegram.member_chats:
        await message.reply_text(msg.in_config(ident))
        return
    if svc.store.revoke(MEMBER, ident) or svc.store.revoke(CHAT, ident):
        log.info("access: admin %s revoked %s", update.effective_user.id, ident)
        await message.reply_text(msg.revoked(ident))
    else:
        await message.reply_text(msg.not_a_member(ident))


async def on_allowchat(update: Update, context: BotContext) -> None:
    """/allowchat — in a group, by an admin: the group gets answers from now on."""
    svc = context.service
    chat, message = update.effective_chat, update.effective_message
    if not is_admin(svc, update.effective_user.id):
        await message.reply_text(msg.ADMIN_ONLY)
        return
    if chat.type == ChatType.PRIVATE:
        await message.reply_text(msg.ALLOWCHAT_IN_GROUP)
        return
    fresh = svc.store.grant(CHAT, chat.id, chat.title or str(chat.id), by=update.effective_user.id)
    log.info("access: admin %s allowed chat %s", update.effective_user.id, chat.id)
    await message.reply_text(msg.GROUP_ENABLED if fresh else msg.GROUP_ALREADY_ENABLED)


async def on_bot_added(update: Update, context: BotContext) -> None:
    """The bot added to a group: allowed when an admin added it; otherwise the group's one notice."""
    svc = context.service
    change: ChatMemberUpdated = update.my_chat_member
    chat = change.chat
    if chat.type == ChatType.PRIVATE or change.old_chat_member.status in PRESENT \
            or change.new_chat_member.status not in PRESENT:
        return  # not an arrival in a group (a promotion, a removal, a private chat blocked/unblocked)
    if is_admin(svc, change.from_user.id):
        svc.store.grant(CHAT, chat.id, chat.title or str(chat.id), by=change.from_user.id)
        log.info("access: admin %s added the bot to chat %s", change.from_user.id, chat.id)
        text = msg.GROUP_ENABLED
    elif svc.config.telegram.access == "members" and not chat_allowed(svc, chat.id) and svc.store.tell_once(chat.id):
        text = msg.GROUP_NOT_ENABLED
    else:
        return
    try:
        await context.bot.send_message(chat.id, text)
    except TelegramError as exc:
        log.warning("access: could not greet chat %s: %s", chat.id, exc)


async def on_claim(update: Update, context: BotContext) -> None:
    """/claim CODE — the first admin, with the code logged at start."""
    svc = context.service
    user, message = update.effective_user, update.effective_message
    if svc.claim_code is None:
        await message.reply_text(msg.CLAIM_CLOSED if svc.admins else msg.CLAIM_WRONG)
        return
    if not secrets.compare_digest(" ".join(context.args or []), svc.claim_code):
        svc.claim_tries += 1
        if svc.claim_tries >= CLAIM_TRIES:
            svc.claim_code = None
            log.warning("claim code voided after %d wrong tries; restart the bot for a new one", CLAIM_TRIES)
        await message.reply_text(msg.CLAIM_WRONG)
        return
    svc.claim_code = None
    svc.store.grant(ADMIN, user.id, display_name(user))
    svc.admins.add(user.id)
    log.warning("claim: user %s (%s) is now an admin of the bot", user.id, display_name(user))
    await message.reply_text(msg.CLAIMED)
    await admin.on_admin_seen(update, context)  # the admin menu, now that they are one
