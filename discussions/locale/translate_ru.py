# ruff: noqa: E501
"""Fill discussions/locale/ru/LC_MESSAGES/django.po from the table below, then compile.

Run after makemessages: ``../.venv/bin/python locale/translate_ru.py`` inside discussions/.
Kept beside the catalogue so re-extracting never loses a translation.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

PO = Path(__file__).parent / "ru" / "LC_MESSAGES" / "django.po"

T = {
    "The post is hidden.": "Сообщение скрыто.",
    "The post is restored.": "Сообщение восстановлено.",
    "The flags are dismissed.": "Жалобы отклонены.",
    "The thread is locked.": "Тема закрыта.",
    "Give a reason for the suspension.": "Укажите причину блокировки.",
    "The member is suspended from posting.": "Участнику запрещено публиковать сообщения.",
    "Unknown action.": "Неизвестное действие.",
    "The suspension is lifted.": "Блокировка снята.",
    "Discussions": "Обсуждения",
    "A member": "Участник",
    "%(actor)s mentioned you in “%(thread)s”": "%(actor)s упомянул(а) вас в теме «%(thread)s»",
    "%(actor)s replied in “%(thread)s”": "%(actor)s ответил(а) в теме «%(thread)s»",
    "%(actor)s started “%(thread)s”": "%(actor)s начал(а) тему «%(thread)s»",
    "Your weekly discussion digest: %(count)d new": "Еженедельная сводка обсуждений: новых — %(count)d",
    "Your daily discussion digest: %(count)d new": "Ежедневная сводка обсуждений: новых — %(count)d",
    "Your message": "Ваше сообщение",
    "Markdown: **bold**, *italic*, > quote, - list, [link](https://…). Type @ and a name to mention a member.": "Markdown: **жирный**, *курсив*, > цитата, - список, [ссылка](https://…). Чтобы упомянуть участника, наберите @ и имя.",
    "Title": "Заголовок",
    "What is wrong with this post?": "Что не так с этим сообщением?",
    "Details for the secretariat": "Подробности для секретариата",
    "Required when you choose “Something else”.": "Обязательно, если выбрано «Другое».",
    "Reason": "Причина",
    "Days (leave empty for no end date)": "Дней (оставьте пустым для бессрочной блокировки)",
    "name": "название",
    "name in Russian": "название на русском",
    "slug": "адрес (slug)",
    "description": "описание",
    "description in Russian": "описание на русском",
    "restricted to groups": "только для групп",
    "Leave empty for all members. The secretariat always sees every topic.": "Оставьте пустым, чтобы раздел видели все участники. Секретариат видит все разделы.",
    "position": "порядок",
    "discussion topic": "раздел обсуждений",
    "discussion topics": "разделы обсуждений",
    "topic": "раздел",
    "page": "страница",
    "title": "заголовок",
    "author": "автор",
    "pinned": "закреплена",
    "locked": "закрыта",
    "thread": "тема",
    "threads": "темы",
    "text": "текст",
    "post": "сообщение",
    "posts": "сообщения",
    "Watching": "Отслеживается",
    "Muted": "Без уведомлений",
    "Daily": "Ежедневно",
    "Weekly": "Еженедельно",
    "mentioned you": "упомянул(а) вас",
    "replied": "ответил(а)",
    "started a thread": "начал(а) тему",
    "Spam or advertising": "Спам или реклама",
    "Abusive or disrespectful": "Оскорбительное или неуважительное",
    "Shares confidential information": "Раскрывает конфиденциальную информацию",
    "Off topic": "Не по теме",
    "Something else": "Другое",
    "reason": "причина",
    "details": "подробности",
    "Hid a post": "Скрыл(а) сообщение",
    "Restored a post": "Восстановил(а) сообщение",
    "Locked a thread": "Закрыл(а) тему",
    "Unlocked a thread": "Открыл(а) тему",
    "Pinned a thread": "Закрепил(а) тему",
    "Unpinned a thread": "Открепил(а) тему",
    "Suspended a member from posting": "Запретил(а) участнику публиковать сообщения",
    "Lifted a suspension": "Снял(а) блокировку",
    "Dismissed flags": "Отклонил(а) жалобы",
    "moderation action": "действие модератора",
    "moderation actions": "действия модераторов",
    "until": "до",
    "Write something before posting: the message is empty.": "Сообщение пустое: напишите что-нибудь перед отправкой.",
    "The message is too long: %(length)d characters; at most %(limit)d are allowed.": "Сообщение слишком длинное: %(length)d знаков; допускается не более %(limit)d.",
    "Give the thread a title.": "Укажите заголовок темы.",
    "The title is too long: at most 200 characters.": "Заголовок слишком длинный: не более 200 знаков.",
    "You are posting too quickly. Wait a minute, then post again; your text is kept.": "Вы публикуете слишком часто. Подождите минуту и отправьте снова; ваш текст сохранён.",
    "You are suspended from posting.": "Вам запрещено публиковать сообщения.",
    "This thread is locked.": "Эта тема закрыта.",
    "Unknown subscription level.": "Неизвестный режим подписки.",
    "Choose a reason.": "Выберите причину.",
    "Say what is wrong with this post.": "Опишите, что не так с этим сообщением.",
    "Secretariat staff cannot be suspended.": "Сотрудников секретариата нельзя заблокировать.",
    "Previous": "Назад",
    "Next": "Далее",
    "A former member": "Бывший участник",
    "New": "Новое",
    "edited — see history": "изменено — см. историю",
    "This post was deleted by its author.": "Это сообщение удалено автором.",
    "This post was hidden by the secretariat.": "Это сообщение скрыто секретариатом.",
    "Hidden by the secretariat: only you and the secretariat see this text.": "Скрыто секретариатом: этот текст видите только вы и секретариат.",
    "In reply to post %(number)s": "В ответ на сообщение %(number)s",
    "Quote and reply": "Ответить с цитатой",
    "Edit": "Изменить",
    "Delete": "Удалить",
    "Flag": "Пожаловаться",
    "Restore": "Восстановить",
    "Hide": "Скрыть",
    "You are watching.": "Вы отслеживаете.",
    "Stop watching": "Не отслеживать",
    "Mute": "Отключить уведомления",
    "Muted.": "Уведомления отключены.",
    "Unmute": "Включить уведомления",
    "Watch": "Отслеживать",
    "Pinned": "Закреплена",
    "Locked": "Закрыта",
    "last activity": "последняя активность",
    "by %(name)s": "— %(name)s",
    "No threads yet.": "Тем пока нет.",
    "Moderation log": "Журнал модерации",
    "When": "Когда",
    "Who": "Кто",
    "Action": "Действие",
    "Concerning": "Касается",
    "Nothing recorded yet.": "Записей пока нет.",
    "Flagged posts": "Жалобы на сообщения",
    "hidden": "скрыто",
    "Reason (recorded in the log)": "Причина (записывается в журнал)",
    "Dismiss flags": "Отклонить жалобы",
    "Lock thread": "Закрыть тему",
    "Suspend %(name)s from posting": "Запретить %(name)s публиковать сообщения",
    "Suspend": "Заблокировать",
    "No flagged posts waiting for review.": "Нет сообщений, ожидающих проверки.",
    "Members suspended from posting": "Участники, которым запрещено публиковать",
    "Lift": "Снять",
    "Nobody is suspended.": "Заблокированных нет.",
    "Active discussions": "Активные обсуждения",
    "All discussions": "Все обсуждения",
    "Hello %(name)s,": "Здравствуйте, %(name)s!",
    "Stop all e-mail about discussions": "Отписаться от всех писем об обсуждениях",
    "Read:": "Читать:",
    "Stop all e-mail about discussions:": "Отписаться от всех писем об обсуждениях:",
    "%(actor)s mentioned you in “%(title)s”:": "%(actor)s упомянул(а) вас в теме «%(title)s»:",
    "%(actor)s started “%(title)s”:": "%(actor)s начал(а) тему «%(title)s»:",
    "%(actor)s replied in “%(title)s”:": "%(actor)s ответил(а) в теме «%(title)s»:",
    "Read and reply": "Читать и ответить",
    "You receive this because you follow this thread or were mentioned.": "Вы получили это письмо, потому что отслеживаете тему или были упомянуты.",
    "Stop e-mail about this thread": "Отписаться от писем по этой теме",
    "Read and reply:": "Читать и ответить:",
    "Stop e-mail about this thread:": "Отписаться от писем по этой теме:",
    "Ask other countries how a practice worked, prepare a consultation, follow up on a meeting.": "Узнайте у коллег из других стран, как сработала практика, подготовьте консультацию, обсудите итоги встречи.",
    "Your notifications": "Ваши уведомления",
    "Topics": "Разделы",
    "Restricted": "Ограниченный доступ",
    "No topics yet.": "Разделов пока нет.",
    "Recent threads": "Последние темы",
    "More threads": "Другие темы",
    "Notifications": "Уведомления",
    "Mark all as read": "Отметить все как прочитанные",
    "Unread": "Не прочитано",
    "%(actor)s mentioned you in “%(title)s”": "%(actor)s упомянул(а) вас в теме «%(title)s»",
    "%(actor)s started “%(title)s”": "%(actor)s начал(а) тему «%(title)s»",
    "%(actor)s replied in “%(title)s”": "%(actor)s ответил(а) в теме «%(title)s»",
    "More notifications": "Другие уведомления",
    "Nothing yet. You will be notified here when someone mentions you or replies in a thread you follow.": "Пока ничего нет. Здесь появятся уведомления, когда вас упомянут или ответят в теме, которую вы отслеживаете.",
    "Discussion": "Обсуждение",
    "All discussions on this page": "Все обсуждения этой страницы",
    "Discuss this": "Обсудить",
    "Discussions on %(title)s": "Обсуждения: %(title)s",
    "Breadcrumb": "Навигационная цепочка",
    "Start a discussion": "Начать обсуждение",
    "Delete your post": "Удалить ваше сообщение",
    "Its text and history will be removed. A marker stays in the thread so that replies keep their place.": "Текст и история изменений будут удалены. В теме останется отметка, чтобы ответы не потеряли контекст.",
    "Cancel": "Отмена",
    "Edit your post": "Изменить ваше сообщение",
    "Earlier versions stay visible in the post's history.": "Прежние версии остаются доступны в истории сообщения.",
    "Members to mention": "Участники для упоминания",
    "suggestions; use the up and down arrows and Enter to choose": "вариантов; выбирайте стрелками вверх и вниз и клавишей Enter",
    "Save changes": "Сохранить изменения",
    "Flag a post": "Пожаловаться на сообщение",
    "Flag a post for the secretariat": "Сообщить секретариату о сообщении",
    "Send to the secretariat": "Отправить в секретариат",
    "Edit history": "История изменений",
    "Current version": "Текущая версия",
    "Version of %(date)s": "Версия от %(date)s",
    "This post has not been edited.": "Это сообщение не изменялось.",
    "Jump to the first unread post": "Перейти к первому непрочитанному",
    "Unlock thread": "Открыть тему",
    "Unpin": "Открепить",
    "Pin": "Закрепить",
    "Pages of this thread": "Страницы темы",
    "Reply": "Ответ",
    "Post reply": "Ответить",
    "You are suspended from posting. Contact the secretariat if you think this is a mistake.": "Вам запрещено публиковать сообщения. Если это ошибка, свяжитесь с секретариатом.",
    "This thread is locked: no new replies.": "Тема закрыта: новые ответы не принимаются.",
    "Start a thread": "Начать тему",
    "Start a thread in %(name)s": "Новая тема в разделе «%(name)s»",
    "Discuss “%(title)s”": "Обсудить «%(title)s»",
    "Post the thread": "Опубликовать тему",
    "Restricted topic: only its groups and the secretariat can read it.": "Раздел с ограниченным доступом: его видят только участники его групп и секретариат.",
    "Unsubscribe": "Отписаться",
    "This unsubscribe link is not valid. Sign in and change your notification settings instead.": "Ссылка для отписки недействительна. Войдите и измените настройки уведомлений.",
    "Done: the thread is muted and you will receive no more e-mail about it.": "Готово: уведомления по теме отключены, писем о ней больше не будет.",
    "Done: you will receive no more e-mail about discussions. Notifications stay in the platform.": "Готово: писем об обсуждениях больше не будет. Уведомления остаются на платформе.",
    "There was nothing left to unsubscribe from.": "Подписок для отмены не осталось.",
    "Stop e-mail about this thread?": "Отписаться от писем по этой теме?",
    "Stop all e-mail about discussions?": "Отписаться от всех писем об обсуждениях?",
    "Your thread is started.": "Тема создана.",
    "Your changes are saved.": "Изменения сохранены.",
    "Your post is deleted.": "Сообщение удалено.",
    "Thank you. The secretariat will review this post.": "Спасибо. Секретариат рассмотрит это сообщение.",
    "You are watching: you will be notified of every new post.": "Вы отслеживаете: вы будете получать уведомления о каждом новом сообщении.",
    "Muted: you will not be notified, even when mentioned.": "Уведомления отключены: вы не получите их, даже если вас упомянут.",
    "Back to normal notifications.": "Обычный режим уведомлений восстановлен.",
    "Done. The action is recorded in the moderation log.": "Готово. Действие записано в журнал модерации.",
    "All notifications are marked as read.": "Все уведомления отмечены как прочитанные.",
    "Discussion topics": "Разделы обсуждений",
    "Members": "Участники",
}

# Plurals: Russian has one/few/many (+ the fourth form Django's catalogue declares).
P = {
    '%(counter)s new<span class="visually-hidden"> post</span>': [
        '%(counter)s новое<span class="visually-hidden"> сообщение</span>',
        '%(counter)s новых<span class="visually-hidden"> сообщения</span>',
        '%(counter)s новых<span class="visually-hidden"> сообщений</span>',
        '%(counter)s новых<span class="visually-hidden"> сообщений</span>',
    ],
    "%(counter)s reply": [
        "%(counter)s ответ",
        "%(counter)s ответа",
        "%(counter)s ответов",
        "%(counter)s ответов",
    ],
    "%(counter)s unread notification": [
        "%(counter)s непрочитанное уведомление",
        "%(counter)s непрочитанных уведомления",
        "%(counter)s непрочитанных уведомлений",
        "%(counter)s непрочитанных уведомлений",
    ],
    "%(counter)s new": [
        "%(counter)s новое",
        "%(counter)s новых",
        "%(counter)s новых",
        "%(counter)s новых",
    ],
    "%(counter)s new notification in discussions:": [
        "%(counter)s новое уведомление в обсуждениях:",
        "%(counter)s новых уведомления в обсуждениях:",
        "%(counter)s новых уведомлений в обсуждениях:",
        "%(counter)s новых уведомлений в обсуждениях:",
    ],
    '%(counter)s<span class="visually-hidden"> unread notification</span>': [
        '%(counter)s<span class="visually-hidden"> непрочитанное уведомление</span>',
        '%(counter)s<span class="visually-hidden"> непрочитанных уведомления</span>',
        '%(counter)s<span class="visually-hidden"> непрочитанных уведомлений</span>',
        '%(counter)s<span class="visually-hidden"> непрочитанных уведомлений</span>',
    ],
}


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def _unquote(lines: list[str]) -> str:
    out = ""
    for line in lines:
        body = line.strip()[1:-1]
        out += body.replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")
    return out


def main() -> int:
    text = PO.read_text()
    header, *entries = re.split(r"\n\n(?=(?:#|msgid))", text)
    header = header.replace("#, fuzzy\n", "").replace('"Language: \\n"', '"Language: ru\\n"')
    missing = []
    result = [header]
    for entry in entries:
        lines = [ln for ln in entry.splitlines() if ln.strip()]
        comments = [ln for ln in lines if ln.startswith("#") and ln != "#, fuzzy"]
        comments = [ln.replace("#, fuzzy, ", "#, ") for ln in comments]
        comments = [ln for ln in comments if not ln.startswith("#|")]
        fields: dict[str, list[str]] = {}
        current = None
        for ln in lines:
            if ln.startswith("#"):
                continue
            m = re.match(r"^(msgid_plural|msgid|msgstr(?:\[\d\])?) (.*)$", ln)
            if m:
                current = m.group(1)
                fields[current] = [m.group(2)]
            elif current:
                fields[current].append(ln)
        msgid = _unquote(fields["msgid"])
        out = [*comments, f"msgid {_quote(msgid)}"]
        if "msgid_plural" in fields:
            plural = _unquote(fields["msgid_plural"])
            out.append(f"msgid_plural {_quote(plural)}")
            forms = P.get(msgid)
            if forms is None:
                missing.append(msgid)
                forms = [""] * 4
            out += [f"msgstr[{i}] {_quote(form)}" for i, form in enumerate(forms)]
        else:
            translation = T.get(msgid)
            if translation is None:
                missing.append(msgid)
                translation = ""
            out.append(f"msgstr {_quote(translation)}")
        result.append("\n".join(out))
    PO.write_text("\n\n".join(result).rstrip() + "\n")
    if missing:
        print("untranslated:", *missing, sep="\n  ")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
