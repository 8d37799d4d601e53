"""Demo discussions: topics, lively threads in English, Russian (a third of them) and the other
languages of the region, threads on pages."""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import override_settings
from django.utils import timezone

from core.roles import Role

TOPICS = [
    {
        "slug": "labour-migration",
        "name": "Labour migration",
        "name_translations": {
            "ru": "Трудовая миграция",
            "hy": "Աշխատանքային միգրացիա",
            "az": "Əmək miqrasiyası",
            "ka": "შრომითი მიგრაცია",
            "ro": "Migrația forței de muncă",
            "uk": "Трудова міграція",
        },
        "description": "Seasonal schemes, recruitment, skills partnerships and social security.",
        "description_translations": {
            "ru": "Программы сезонной занятости, набор работников, партнёрства в области навыков и социальное обеспечение.",
            "hy": "Սեզոնային աշխատանքի ծրագրեր, աշխատողների հավաքագրում, հմտությունների գործընկերություններ և սոցիալական ապահովություն։",
            "az": "Mövsümi məşğulluq proqramları, işçilərin işə götürülməsi, bacarıq tərəfdaşlıqları və sosial təminat.",
            "ka": "სეზონური დასაქმების პროგრამები, მუშაკთა დაქირავება, უნარების პარტნიორობა და სოციალური უზრუნველყოფა.",
            "ro": "Programe de muncă sezonieră, recrutare, parteneriate pentru competențe și securitate socială.",
            "uk": "Програми сезонної зайнятості, наймання працівників, партнерства у сфері навичок і соціальне забезпечення.",
        },
        "groups": [],
    },
    {
        "slug": "return-reintegration",
        "name": "Return and reintegration",
        "name_translations": {
            "ru": "Возвращение и реинтеграция",
            "hy": "Վերադարձ և վերաինտեգրում",
            "az": "Geri qayıdış və reinteqrasiya",
            "ka": "დაბრუნება და რეინტეგრაცია",
            "ro": "Returnare și reintegrare",
            "uk": "Повернення та реінтеграція",
        },
        "description": "Assisted voluntary return, reintegration support and local partners.",
        "description_translations": {
            "ru": "Содействие добровольному возвращению, поддержка реинтеграции и местные партнёры.",
            "hy": "Աջակցված կամավոր վերադարձ, վերաինտեգրման աջակցություն և տեղական գործընկերներ։",
            "az": "Könüllü geri qayıdışa yardım, reinteqrasiyaya dəstək və yerli tərəfdaşlar.",
            "ka": "ნებაყოფლობითი დაბრუნების ხელშეწყობა, რეინტეგრაციის მხარდაჭერა და ადგილობრივი პარტნიორები.",
            "ro": "Returnare voluntară asistată, sprijin pentru reintegrare și parteneri locali.",
            "uk": "Сприяння добровільному поверненню, підтримка реінтеграції та місцеві партнери.",
        },
        "groups": [],
    },
    {
        "slug": "governments-working-group",
        "name": "Governments' working group on readmission",
        "name_translations": {
            "ru": "Рабочая группа правительств по реадмиссии",
            "hy": "Հետընդունման հարցերով կառավարությունների աշխատանքային խումբ",
            "az": "Readmissiya üzrə hökumətlərin işçi qrupu",
            "ka": "მთავრობების სამუშაო ჯგუფი რეადმისიის საკითხებზე",
            "ro": "Grupul de lucru al guvernelor privind readmisia",
            "uk": "Робоча група урядів з питань реадмісії",
        },
        "description": "For government officials only: preparing positions before regional meetings.",
        "description_translations": {
            "ru": "Только для представителей правительств: подготовка позиций к региональным встречам.",
            "hy": "Միայն պետական պաշտոնյաների համար. դիրքորոշումների նախապատրաստում տարածաշրջանային հանդիպումներից առաջ։",
            "az": "Yalnız dövlət qulluqçuları üçün: regional görüşlərdən əvvəl mövqelərin hazırlanması.",
            "ka": "მხოლოდ სახელმწიფო მოხელეებისთვის: პოზიციების მომზადება რეგიონული შეხვედრების წინ.",
            "ro": "Doar pentru funcționarii guvernamentali: pregătirea pozițiilor înaintea reuniunilor regionale.",
            "uk": "Лише для представників урядів: підготовка позицій до регіональних зустрічей.",
        },
        "groups": [Role.GOVERNMENT],
    },
    {
        "slug": "migration-data",
        "name": "Migration data",
        "name_translations": {
            "ru": "Миграционные данные",
            "hy": "Միգրացիոն տվյալներ",
            "az": "Miqrasiya məlumatları",
            "ka": "მიგრაციის მონაცემები",
            "ro": "Date privind migrația",
            "uk": "Міграційні дані",
        },
        "description": "Statistics, registers and sharing data across borders.",
        "description_translations": {
            "ru": "Статистика, регистры и трансграничный обмен данными.",
            "hy": "Վիճակագրություն, ռեգիստրներ և տվյալների միջսահմանային փոխանակում։",
            "az": "Statistika, reyestrlər və sərhədlərarası məlumat mübadiləsi.",
            "ka": "სტატისტიკა, რეესტრები და მონაცემთა ტრანსსასაზღვრო გაცვლა.",
            "ro": "Statistici, registre și schimbul transfrontalier de date.",
            "uk": "Статистика, реєстри та транскордонний обмін даними.",
        },
        "groups": [],
    },
]

# (topic slug, title, [(author role index, text)]) — "{h0}", "{h1}"... are members' handles.
THREADS = [
    (
        "labour-migration",
        "How did you keep recruitment fees at zero in seasonal schemes?",
        [
            (
                "government",
                0,
                "Our ministry is preparing a seasonal work agreement. How did others make sure workers pay **no recruitment fees**? @{expert0}, your practice note mentions a licensing step.",
            ),
            (
                "expert",
                0,
                "> How did others make sure workers pay no recruitment fees?\n\nTwo things worked: only licensed agencies could recruit, and the employer paid the fee directly to the agency. The licence was withdrawn after one complaint.",
            ),
            (
                "government",
                1,
                "In Georgia we publish the list of licensed agencies each month. Happy to share the template.",
            ),
            (
                "secretariat",
                0,
                "Thank you both. I have added this to the agenda of the regional meeting. @{government1}, could you bring the template?",
            ),
        ],
    ),
    (
        "labour-migration",
        "Социальное обеспечение сезонных работников",
        [
            (
                "government",
                1,
                "Коллеги, как у вас решён вопрос пенсионных взносов сезонных работников? Есть ли двусторонние соглашения?",
            ),
            (
                "expert",
                1,
                "В Молдове действуют соглашения о социальном обеспечении с рядом стран ЕС. Стаж суммируется, взносы переводятся. Могу прислать обзор — @{government1}, интересно?",
            ),
            ("government", 1, "Да, спасибо! Особенно интересует порядок подтверждения стажа."),
        ],
    ),
    (
        "return-reintegration",
        "Reintegration grants: cash or in kind?",
        [
            (
                "expert",
                0,
                "Evaluations of our programme show that in-kind support for small businesses lasted longer than cash grants. What is your experience?",
            ),
            (
                "government",
                0,
                "We mix both: a small cash amount on arrival and in-kind support after a business plan is approved.",
            ),
        ],
    ),
    (
        "return-reintegration",
        "Психосоциальная поддержка вернувшихся мигрантов",
        [
            (
                "expert",
                1,
                "Делимся опытом: консультации психолога в первые три месяца после возвращения заметно снижают риск повторной нерегулярной миграции.",
            ),
            ("government", 0, "Как вы организовали консультации в сельских районах? @{expert1}"),
            (
                "expert",
                1,
                "Через мобильные команды и онлайн-консультации; подробности в нашей практической записке.",
            ),
        ],
    ),
    (
        "governments-working-group",
        "Common position on readmission statistics before the ministerial",
        [
            (
                "government",
                0,
                "Draft position attached in the meeting folder. Please comment by Friday.",
            ),
            (
                "government",
                1,
                "We support the draft, with one change: report returns by quarter, not by year.",
            ),
        ],
    ),
    (
        "migration-data",
        "Linking border crossing data with population registers",
        [
            (
                "expert",
                0,
                "Has anyone linked border-crossing records with the population register to estimate emigration? We are looking at privacy safeguards.",
            ),
            (
                "secretariat",
                0,
                "See the Armenian practice note on this — and @{expert1} worked on the safeguards.",
            ),
        ],
    ),
]

# Threads in the languages of the region, as officials and experts of each country write them.
THREADS += [
    (
        "labour-migration",
        "ცირკულარული მიგრაცია: როგორ ვამოწმებთ დამსაქმებლებს?",
        [
            (
                "government",
                1,
                "კოლეგებო, სეზონური დასაქმების სქემაში დამსაქმებლების წინასწარ შემოწმებას პარტნიორ სააგენტოსთან ერთად ვატარებთ. როგორ აკეთებთ ამას თქვენს ქვეყნებში?",
            ),
            (
                "expert",
                0,
                "ჩვენს კვლევაში ყველაზე ეფექტური აღმოჩნდა საცხოვრებელი პირობების შემოწმება ადგილზე და ცხელი ხაზი მიგრანტებისთვის.",
            ),
        ],
    ),
    (
        "return-reintegration",
        "Վերադարձողների անհատական վերաինտեգրման ծրագիր",
        [
            (
                "government",
                0,
                "Հարգելի գործընկերներ, մեր կենտրոնը յուրաքանչյուր վերադարձողի համար կազմում է անհատական ծրագիր։ Ինչպե՞ս եք դուք համակարգում աշխատանքը համայնքային ծառայությունների հետ։",
            ),
            (
                "expert",
                1,
                "Մեր փորձով համագործակցությունը պետք է ամրագրել փոխըմբռնման հուշագրով, այլապես այն կախված է առանձին աշխատակիցներից։",
            ),
        ],
    ),
    (
        "return-reintegration",
        "Підтримка громадян, які повертаються: досвід громад",
        [
            (
                "government",
                1,
                "Шановні колеги, наші громади запровадили єдиний маршрут для тих, хто повертається з-за кордону. Чи маєте ви досвід дистанційних консультацій ще до повернення?",
            ),
            (
                "expert",
                0,
                "Так, консультації через консульства та онлайн суттєво скорочують час на відновлення документів після повернення.",
            ),
            (
                "secretariat",
                0,
                "Дякуємо! Пропоную обговорити цю тему на наступній регіональній зустрічі.",
            ),
        ],
    ),
    (
        "labour-migration",
        "Implicarea diasporei în dezvoltarea locală",
        [
            (
                "government",
                0,
                "Stimați colegi, programul «DAR 1+3» cofinanțează proiectele asociațiilor de baștină. Cum implicați diaspora în planificarea proiectelor locale?",
            ),
            (
                "expert",
                1,
                "Experiența noastră arată că proiectele reușesc atunci când primăria și asociația diasporei le pregătesc împreună, de la început.",
            ),
        ],
    ),
    (
        "migration-data",
        "«Bir pəncərə» prinsipi: qurumlararası məlumat mübadiləsi",
        [
            (
                "government",
                1,
                "Hörmətli həmkarlar, Dövlət Miqrasiya Xidmətində yaşamaq və iş icazələri bir müraciətlə verilir. Qurumlararası elektron məlumat mübadiləsini necə təşkil etmisiniz?",
            ),
            (
                "expert",
                0,
                "Bizim təcrübəmizdə əsas məsələ fərdi məlumatların qorunmasıdır: mübadilənin formatı əvvəlcədən razılaşdırılmalıdır.",
            ),
        ],
    ),
    (
        "labour-migration",
        "Лицензирование частных агентств по трудоустройству за рубежом",
        [
            (
                "government",
                0,
                "Коллеги, мы вводим реестр агентств, направляющих граждан на работу за рубеж. Как у вас проверяются договоры агентств с работниками?",
            ),
            (
                "expert",
                1,
                "В Грузии инспекция труда проверяет договоры и рассматривает жалобы; реестр публикуется и регулярно обновляется.",
            ),
            ("government", 1, "Спасибо, поделитесь, пожалуйста, формой договора."),
        ],
    ),
    (
        "return-reintegration",
        "Реинтеграция детей вернувшихся мигрантов в школах",
        [
            (
                "expert",
                0,
                "Дети, вернувшиеся из-за рубежа, часто отстают по языку обучения. Какие программы поддержки действуют в ваших школах?",
            ),
            (
                "government",
                1,
                "У нас составляется индивидуальный план на каждого ребёнка и проводятся дополнительные занятия в течение двух семестров.",
            ),
        ],
    ),
    (
        "migration-data",
        "Обмен данными о пересечении границы для статистики миграции",
        [
            (
                "government",
                0,
                "Передаёт ли ваша пограничная служба обезличенные данные статистическому ведомству? Какой формат вы согласовали?",
            ),
            (
                "expert",
                1,
                "Да, ежемесячно и только обобщённые данные; формат согласован межведомственной рабочей группой.",
            ),
        ],
    ),
]

PAGE_THREADS = [
    (
        "Questions about this practice",
        [
            ("government", 0, "Which results would you say are transferable to a smaller country?"),
            (
                "expert",
                0,
                "The licensing of agencies and the complaints line; the subsidy scheme depended on EU funds.",
            ),
        ],
    ),
    (
        "Вопросы к организаторам",
        [
            ("government", 1, "Будет ли синхронный перевод на русский язык?"),
            ("secretariat", 0, "Да, перевод будет обеспечен на всех пленарных сессиях."),
        ],
    ),
]


def _people(ctx) -> dict[str, list]:
    """Members by role: those the members demo made, or a few of our own if it has not run."""
    user_model = get_user_model()
    people: dict[str, list] = {}
    for role in (Role.GOVERNMENT, Role.EXPERT, Role.SECRETARIAT):
        found = list(
            user_model.objects.filter(groups__name=role, is_active=True).order_by("pk")[:2]
        )
        while len(found) < 2:
            n = len(found) + 1
            user, created = user_model.objects.get_or_create(
                email=f"discussions.{role}{n}@demo.example.org",
                defaults={"first_name": role.label.split()[0], "last_name": f"Demo {n}"},
            )
            if created:
                user.set_password(ctx.password)
                user.save()
            user.groups.add(Group.objects.get(name=role))
            found.append(user)
        people[str(role)] = found
    return people


def _discussion_pages():
    from wagtail.models import Page

    from core.access import MEMBERS, page_access_keys

    kinds = ["practicenotepage", "eventpage", "consultationpage"]
    pages = []
    for kind in kinds:
        candidates = Page.objects.live().filter(content_type__model=kind)
        # Discuss pages every member can read, so every demo participant may post there.
        page = next(
            (
                p
                for p in candidates.order_by("-first_published_at")[:20]
                if MEMBERS in page_access_keys(p)
            ),
            None,
        )
        if page is not None:
            pages.append(page)
    return pages


def seed(ctx) -> None:
    from discussions import services
    from discussions.models import Notification, Thread, Topic
    from discussions.rendering import handle_for

    people = _people(ctx)
    handles = {
        f"{role}{i}": handle_for(user)
        for role, users in people.items()
        for i, user in enumerate(users)
    }
    topics = {}
    for data in TOPICS:
        topic, _created = Topic.objects.update_or_create(
            slug=data["slug"],
            defaults={
                k: data[k]
                for k in ("name", "name_translations", "description", "description_translations")
            }
            | {"position": TOPICS.index(data)},
        )
        topic.restricted_groups.set(Group.objects.filter(name__in=data["groups"]))
        topics[data["slug"]] = topic

    def write(posts, **target):
        title = target.pop("title")
        if Thread.objects.filter(title=title, **target).exists():
            return 0
        (role, index, text), *replies = posts
        thread = services.thread_create(
            author=people[role][index], title=title, body=text.format(**handles), **target
        )
        for role, index, text in replies:
            services.post_create(
                author=people[role][index], thread=thread, body=text.format(**handles)
            )
        # Spread activity over the past days so lists look lived in.
        Thread.objects.filter(pk=thread.pk).update(
            last_activity_at=timezone.now() - dt.timedelta(hours=ctx.rng.randint(1, 120))
        )
        return 1

    created = 0
    with override_settings(DISCUSSIONS_POSTS_PER_MINUTE=10**6):
        for slug, title, posts in THREADS:
            created += write(posts, topic=topics[slug], title=title)
        for page, (title, posts) in zip(_discussion_pages(), PAGE_THREADS * 2, strict=False):
            created += write(posts, page=page, title=title)
    # The demo should not mail anyone: its notifications count as already e-mailed.
    Notification.objects.filter(emailed_at__isnull=True).update(emailed_at=timezone.now())
    ctx.say(f"discussions: {len(topics)} topics, {created} new threads")
