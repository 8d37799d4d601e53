"""Demo: practice notes read in several languages, one version of each marked authoritative.

- a Russian original (Azerbaijan's ASAN Visa) in the Russian library, with an English
  translation that is not authoritative;
- an English original (Georgia's seasonal pilot with Germany and Poland, from
  ``knowledge.demo_data``) translated into Georgian and Ukrainian, in those languages' libraries.

Runs after the editorial pages exist in every language (``home.demo_editorial``). Idempotent.
"""

from __future__ import annotations

from typing import NamedTuple

from django.utils.html import escape
from wagtail.models import Locale

from knowledge.models import LibraryIndexPage, PracticeNotePage
from taxonomy.models import Country, GCMObjective, ResourceType, TargetGroup, Theme


class Version(NamedTuple):
    language: str
    title: str
    summary: str
    headings: tuple[str, str, str]  # context, what was done, key figures
    context: str
    approach: str
    figures: tuple[tuple[str, str], ...]
    lessons: tuple[str, ...]
    results: str
    quote: tuple[str, str] | None = None


ASAN_VISA_RU = Version(
    "ru",
    "Азербайджан: электронная виза «ASAN Visa» за три рабочих дня",
    "С 2017 года иностранные граждане получают электронную визу в Азербайджан через единый "
    "портал, не обращаясь в консульство; решение принимается в течение трёх рабочих дней.",
    ("Контекст", "Что было сделано", "Ключевые цифры"),
    "До реформы иностранные граждане, в том числе приглашённые специалисты и участники деловых "
    "поездок, подавали документы в консульство лично, а рассмотрение могло занимать несколько "
    "недель.",
    "Государственная миграционная служба совместно с агентством ASAN создала портал, на котором "
    "заявитель заполняет анкету, прикрепляет скан паспорта и оплачивает сбор онлайн. Проверка "
    "по базам данных проводится автоматически, а сотрудник принимает решение только по "
    "заявлениям, которые система отметила для ручной проверки.",
    (("3", "рабочих дня на рассмотрение"), ("24/7", "подача заявления онлайн")),
    (
        "Автоматическую проверку по базам данных нужно настроить до запуска портала, иначе "
        "сроки рассмотрения не выдержать.",
        "Портал на нескольких языках и понятные требования к фотографии сокращают число отказов.",
    ),
    "Число выданных электронных виз выросло в несколько раз, а доля заявлений, требующих "
    "ручной проверки, снизилась.",
)

ASAN_VISA_EN = Version(
    "en",
    "Azerbaijan: the ASAN Visa electronic visa in three working days",
    "Since 2017 foreign nationals obtain an electronic visa for Azerbaijan through a single "
    "portal, without going to a consulate; the decision is taken within three working days.",
    ("Context", "What was done", "Key figures"),
    "Before the reform, foreign nationals, including invited specialists and business travellers, "
    "submitted their documents in person at a consulate, and processing could take several "
    "weeks.",
    "The State Migration Service and the ASAN service agency built a portal where applicants fill "
    "in the form, upload a scan of their passport and pay the fee online. Checks against the "
    "databases run automatically; an officer decides only on the applications the system flags "
    "for a manual check.",
    (("3", "working days to process an application"), ("24/7", "online applications")),
    (
        "Set up the automatic database checks before the portal opens, or the processing time "
        "cannot be kept.",
        "A portal in several languages and clear photo requirements reduce refusals.",
    ),
    "The number of electronic visas issued grew several times over, and the share of "
    "applications needing a manual check fell.",
)

SEASONAL_PILOT_KA = Version(
    "ka",
    "საქართველოს სეზონური შრომითი მიგრაციის საპილოტე პროგრამა გერმანიასა და პოლონეთთან",
    "სახელმწიფოთაშორისი სქემის ფარგლებში ქართველი სეზონური მუშაკები გერმანიისა და პოლონეთის "
    "ფერმებში გადამოწმებულ დამსაქმებლებთან იგზავნებოდნენ; წასვლამდე ისინი მომზადებას "
    "გადიოდნენ, შრომის პირობებს კი მონიტორინგი უწევდა.",
    ("კონტექსტი", "რა გაკეთდა", "ძირითადი მაჩვენებლები"),
    "2017 წლიდან, შენგენის ზონაში უვიზო მიმოსვლის დაწყების შემდეგ, ბევრი ქართველი ევროკავშირის "
    "ფერმებში ტურისტად ჩადიოდა და შემდეგ არარეგულარულად მუშაობდა, რასაც თავშესაფრის "
    "მოთხოვნები და ქვეყანაში შესვლაზე უარი მოჰყვა.",
    "დასაქმების ხელშეწყობის სახელმწიფო სააგენტო კანდიდატებს ონლაინ არეგისტრირებდა, "
    "დამსაქმებლებს პარტნიორი უწყებები ამოწმებდნენ, ყოველი მუშაკი კი გადიოდა ორდღიან "
    "საორიენტაციო კურსს შრომითი ხელშეკრულების, საცხოვრებელი პირობების სტანდარტებისა და "
    "საჩივრის წარდგენის წესის შესახებ. საჩივრებს ცხელი ხაზი და თითოეულ დანიშნულების ქვეყანაში "
    "მყოფი საკონტაქტო ოფიცერი განიხილავდნენ.",
    (
        ("4 800", "მუშაკი დასაქმდა პირველი ოთხი სეზონის განმავლობაში"),
        ("94%", "დროულად დაბრუნდა ხელშეკრულების ვადის ამოწურვისას"),
    ),
    (
        "საპილოტე პროგრამას პირველივე დღიდან სჭირდება დანიშნულების ქვეყანაში მყოფი "
        "კონკრეტული საკონტაქტო ოფიცერი.",
        "საორიენტაციო კურსი ყველაზე ეფექტიანია, როცა მას არა მხოლოდ მოხელეები, არამედ "
        "დაბრუნებული სეზონური მუშაკებიც ატარებენ.",
        "დაბრუნების მაჩვენებლები ღიად უნდა აღირიცხოს: სწორედ ისინი არწმუნებენ დანიშნულების "
        "ქვეყნებს, რომ სქემაში დარჩნენ.",
    ),
    "დაბრუნების მაჩვენებელი 90%-ზე მაღალი დარჩა, პარტნიორ ქვეყნებში საქართველოს "
    "მოქალაქეების მიერ ყოფნის ვადის დარღვევის შემთხვევები კი შემცირდა.",
    (
        "წასვლამდე ვიცოდით, როგორი იქნებოდა საცხოვრებელი და ვისთვის უნდა დაგვერეკა. "
        "აქამდე ეს არავის უთქვამს ჩვენთვის.",
        "სეზონური მუშაკი კახეთიდან",
    ),
)

SEASONAL_PILOT_UK = Version(
    "uk",
    "Пілотна програма сезонної трудової міграції Грузії з Німеччиною та Польщею",
    "Міждержавна схема направляла грузинських сезонних працівників на ферми Німеччини та "
    "Польщі до перевірених роботодавців, із підготовкою перед виїздом і моніторингом умов "
    "праці.",
    ("Контекст", "Що було зроблено", "Ключові показники"),
    "Після запровадження безвізового режиму з Шенгенською зоною у 2017 році багато громадян "
    "Грузії приїжджали на ферми ЄС як туристи, а потім працювали без дозволу, що спричиняло "
    "звернення щодо притулку та відмови у вʼїзді.",
    "Державне агентство сприяння зайнятості реєструвало кандидатів онлайн, роботодавців "
    "перевіряли партнерські агенції, а кожен працівник проходив дводенний орієнтаційний курс "
    "щодо трудових договорів, стандартів проживання та порядку подання скарг. Скарги "
    "опрацьовували гаряча лінія та офіцер звʼязку в кожній країні призначення.",
    (
        ("4 800", "працівників працевлаштовано за перші чотири сезони"),
        ("94%", "повернулися вчасно після завершення договору"),
    ),
    (
        "Пілотній програмі з першого дня потрібен визначений офіцер звʼязку в країні призначення.",
        "Орієнтаційні заняття найдієвіші, коли їх проводять не лише посадовці, а й сезонні "
        "працівники, які вже повернулися.",
        "Показники повернення слід відстежувати відкрито: саме вони переконують країни "
        "призначення залишатися в схемі.",
    ),
    "Частка працівників, які повернулися вчасно, трималася вище 90%, а випадків перевищення "
    "строку перебування громадянами Грузії в країнах-партнерах поменшало.",
    (
        "Ще до відʼїзду ми знали, яким буде житло і куди телефонувати. Раніше нам цього ніхто "
        "не казав.",
        "сезонний працівник із Кахетії",
    ),
)

ASAN_VISA_ID = "demo-az-asan-visa"
SEASONAL_PILOT_ID = "demo-ge-germany-poland-pilot"


def _body(version: Version) -> list:
    context, approach, figures = version.headings
    body: list = [
        (
            "text",
            f"<h2>{escape(context)}</h2><p>{escape(version.context)}</p>"
            f"<h2>{escape(approach)}</h2><p>{escape(version.approach)}</p>",
        ),
        (
            "key_figures",
            {
                "heading": figures,
                "figures": [{"value": v, "label": label} for v, label in version.figures],
            },
        ),
    ]
    if version.quote:
        body.append(
            ("testimony", {"quote": version.quote[0], "attribution": version.quote[1], "role": ""})
        )
    body.append(("lessons", {"heading": "", "lessons": list(version.lessons)}))
    return body


def _write(note: PracticeNotePage, version: Version, *, authoritative: bool) -> bool:
    """Give ``note`` the version's text; False when it already has it (nothing published)."""
    if note.live and (note.title, note.summary, note.language, note.authoritative) == (
        version.title,
        version.summary,
        version.language,
        authoritative,
    ):
        return False
    note.title = note.draft_title = version.title
    note.summary = version.summary
    note.body = _body(version)
    note.results = version.results
    note.language = version.language
    note.authoritative = authoritative
    return True


def _publish(note: PracticeNotePage) -> None:
    # The demo stands in for the secretariat's approval.
    note.save_revision(user=note.owner).publish(user=note.owner, skip_permission_checks=True)


def _translation(original: PracticeNotePage, code: str) -> PracticeNotePage:
    locale = Locale.objects.get(language_code=code)
    existing = original.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    # Wagtail's "Translate" action does the same: a copy below the library in that language.
    copy = original.copy_for_translation(locale).specific
    # The copy's own identifier, so the original is still the one found by its identifier.
    copy.external_id = f"{original.external_id}-{code}"
    copy.save(update_fields=["external_id"])
    return copy


def _asan_visa_original(library_ru: LibraryIndexPage) -> PracticeNotePage:
    note = PracticeNotePage.objects.filter(
        external_id=ASAN_VISA_ID, locale=library_ru.locale
    ).first()
    if note is not None:
        return note
    note = PracticeNotePage(
        title=ASAN_VISA_RU.title,
        slug="az-asan-visa",
        # A draft until seed() publishes it, so its first publication is a real one.
        live=False,
        summary=ASAN_VISA_RU.summary,
        external_id=ASAN_VISA_ID,
        language="ru",
        resource_type=ResourceType.objects.filter(slug="practice-note").first(),
        period_start=2017,
        implementing_organisations="Государственная миграционная служба Азербайджанской "
        "Республики\nГосударственное агентство по обслуживанию граждан и социальным "
        "инновациям (ASAN)",
    )
    library_ru.add_child(instance=note)
    note.countries.set(Country.objects.filter(code="AZ"))
    note.themes.set(Theme.objects.filter(slug__in=["visa-policy", "border-management"]))
    note.gcm_objectives.set(GCMObjective.objects.filter(number__in=[5, 12]))
    note.target_groups.set(TargetGroup.objects.filter(slug="labour-migrants"))
    return note


def seed(ctx) -> None:
    default_library = LibraryIndexPage.objects.get(locale=Locale.get_default())
    library_ru = default_library.get_translation(Locale.objects.get(language_code="ru"))
    published = 0

    original = _asan_visa_original(library_ru)
    if _write(original, ASAN_VISA_RU, authoritative=True):
        _publish(original)
        published += 1
    english = _translation(original, "en")
    if _write(english, ASAN_VISA_EN, authoritative=False):
        _publish(english)
        published += 1

    pilot = PracticeNotePage.objects.filter(
        external_id=SEASONAL_PILOT_ID, locale=Locale.get_default()
    ).first()
    if pilot is not None:
        for version in (SEASONAL_PILOT_KA, SEASONAL_PILOT_UK):
            translation = _translation(pilot, version.language)
            if _write(translation, version, authoritative=False):
                _publish(translation)
                published += 1
    ctx.say(f"knowledge: notes in several languages, authoritative versions marked ({published})")
