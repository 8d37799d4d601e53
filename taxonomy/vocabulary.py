"""The initial vocabulary, loaded by a data migration (``taxonomy/0003``) and kept editable as
snippets."""

COUNTRIES = [
    # code, English, Russian, slug, Eastern Partnership
    ("AM", "Armenia", "Армения", "armenia", True),
    ("AZ", "Azerbaijan", "Азербайджан", "azerbaijan", True),
    ("BY", "Belarus", "Беларусь", "belarus", True),
    ("GE", "Georgia", "Грузия", "georgia", True),
    ("MD", "Moldova", "Молдова", "moldova", True),
    ("UA", "Ukraine", "Украина", "ukraine", True),
    ("AT", "Austria", "Австрия", "austria", False),
    ("BG", "Bulgaria", "Болгария", "bulgaria", False),
    ("CZ", "Czechia", "Чехия", "czechia", False),
    ("DE", "Germany", "Германия", "germany", False),
    ("EE", "Estonia", "Эстония", "estonia", False),
    ("FI", "Finland", "Финляндия", "finland", False),
    ("FR", "France", "Франция", "france", False),
    ("IT", "Italy", "Италия", "italy", False),
    ("LT", "Lithuania", "Литва", "lithuania", False),
    ("LV", "Latvia", "Латвия", "latvia", False),
    ("NL", "Netherlands", "Нидерланды", "netherlands", False),
    ("PL", "Poland", "Польша", "poland", False),
    ("RO", "Romania", "Румыния", "romania", False),
    ("SE", "Sweden", "Швеция", "sweden", False),
    ("SK", "Slovakia", "Словакия", "slovakia", False),
    ("TR", "Türkiye", "Турция", "turkiye", False),
    # Added in knowledge/0005: main destinations of the region's labour migrants outside the EU.
    ("IL", "Israel", "Израиль", "israel", False),
    ("KZ", "Kazakhstan", "Казахстан", "kazakhstan", False),
    ("PT", "Portugal", "Португалия", "portugal", False),
    ("RU", "Russia", "Россия", "russia", False),
]

THEMES = [
    ("labour-migration", "Labour migration", "Трудовая миграция"),
    ("return-reintegration", "Return and reintegration", "Возвращение и реинтеграция"),
    ("migrants-rights", "Migrants' rights", "Права мигрантов"),
    ("integration", "Integration", "Интеграция"),
    ("diaspora", "Diaspora engagement", "Взаимодействие с диаспорой"),
    ("border-management", "Border management", "Управление границами"),
    ("counter-trafficking", "Counter-trafficking", "Противодействие торговле людьми"),
    ("migration-data", "Migration data", "Миграционные данные"),
    ("asylum", "Asylum and international protection", "Убежище и международная защита"),
    ("visa-policy", "Visa policy and mobility", "Визовая политика и мобильность"),
    ("remittances", "Remittances and development", "Денежные переводы и развитие"),
    ("irregular-migration", "Irregular migration", "Нерегулярная миграция"),
]

GCM_OBJECTIVES = [
    (
        1,
        "Collect and utilize accurate and disaggregated data",
        "Сбор и использование точных и дезагрегированных данных",
    ),
    (2, "Minimize the adverse drivers of migration", "Минимизация негативных факторов миграции"),
    (
        3,
        "Provide accurate and timely information at all stages of migration",
        "Своевременная и точная информация на всех этапах миграции",
    ),
    (
        4,
        "Ensure that all migrants have proof of legal identity",
        "Документы, удостоверяющие личность, для всех мигрантов",
    ),
    (
        5,
        "Enhance availability and flexibility of pathways for regular migration",
        "Расширение каналов регулярной миграции",
    ),
    (
        6,
        "Facilitate fair and ethical recruitment and safeguard decent work",
        "Справедливый и этичный наём и достойный труд",
    ),
    (
        7,
        "Address and reduce vulnerabilities in migration",
        "Снижение уязвимости в процессе миграции",
    ),
    (
        8,
        "Save lives and establish coordinated efforts on missing migrants",
        "Спасение жизней и поиск пропавших мигрантов",
    ),
    (
        9,
        "Strengthen the transnational response to smuggling of migrants",
        "Противодействие незаконному ввозу мигрантов",
    ),
    (
        10,
        "Prevent, combat and eradicate trafficking in persons",
        "Предупреждение и искоренение торговли людьми",
    ),
    (
        11,
        "Manage borders in an integrated, secure and coordinated manner",
        "Комплексное и скоординированное управление границами",
    ),
    (
        12,
        "Strengthen certainty and predictability in migration procedures",
        "Предсказуемость миграционных процедур",
    ),
    (
        13,
        "Use migration detention only as a measure of last resort",
        "Задержание мигрантов лишь как крайняя мера",
    ),
    (
        14,
        "Enhance consular protection, assistance and cooperation",
        "Консульская защита, помощь и сотрудничество",
    ),
    (15, "Provide access to basic services for migrants", "Доступ мигрантов к базовым услугам"),
    (
        16,
        "Empower migrants and societies to realize full inclusion and social cohesion",
        "Полная интеграция и социальная сплочённость",
    ),
    (
        17,
        "Eliminate discrimination and promote evidence-based public discourse",
        "Искоренение дискриминации и взвешенный публичный дискурс",
    ),
    (
        18,
        "Invest in skills development and facilitate recognition of skills",
        "Развитие и признание навыков и квалификаций",
    ),
    (
        19,
        "Create conditions for migrants and diasporas to contribute to development",
        "Вклад мигрантов и диаспор в развитие",
    ),
    (
        20,
        "Promote faster, safer and cheaper transfer of remittances",
        "Более быстрые, безопасные и дешёвые денежные переводы",
    ),
    (
        21,
        "Cooperate in facilitating safe and dignified return and readmission",
        "Безопасное и достойное возвращение и реадмиссия",
    ),
    (
        22,
        "Establish mechanisms for the portability of social security entitlements",
        "Перенос прав на социальное обеспечение",
    ),
    (
        23,
        "Strengthen international cooperation and global partnerships",
        "Международное сотрудничество и глобальные партнёрства",
    ),
]

TARGET_GROUPS = [
    ("labour-migrants", "Labour migrants", "Трудовые мигранты"),
    ("returnees", "Returnees", "Вернувшиеся мигранты"),
    ("refugees-asylum-seekers", "Refugees and asylum seekers", "Беженцы и лица, ищущие убежища"),
    ("trafficking-victims", "Victims of trafficking", "Жертвы торговли людьми"),
    ("diaspora", "Diaspora", "Диаспора"),
    ("students", "Students", "Студенты"),
    ("idps", "Internally displaced persons", "Внутренне перемещённые лица"),
    ("families", "Migrants' families", "Семьи мигрантов"),
    ("officials", "Public officials", "Государственные служащие"),
]

RESOURCE_TYPES = [
    ("practice-note", "Practice note", "Описание практики"),
    ("policy-brief", "Policy brief", "Аналитическая записка"),
    ("research-report", "Research report", "Исследование"),
    ("legislation-summary", "Legislation summary", "Обзор законодательства"),
    ("training-material", "Training material", "Учебный материал"),
]
