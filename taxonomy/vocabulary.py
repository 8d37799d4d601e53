"""The initial vocabulary, loaded by data migrations (``taxonomy/0003`` into a new database,
``taxonomy/0004`` into the gaps of an existing one) and kept editable as snippets.

Each theme, GCM objective, target group and resource type is a row of its key (the slug, or the
objective's number) and its name in every interface language (``settings.LANGUAGES``): "en"
becomes ``Term.name``, the others ``Term.translations``.

Sources of the names: the GCM objectives follow the UN text of the Global Compact
(A/RES/73/195) in Russian, shortened as the English short titles are, and elsewhere the wording
of the country's migration authorities and IOM office, or a careful rendering of the English
short title; the themes and groups follow the project's glossaries (``glossary-<lang>.md``) and
catalogues, so a filter reads as the interface around it does.

Countries are named from CLDR in the interface language; their rows keep the English and
Russian names the first databases were loaded with.
"""

from typing import NamedTuple


class Row(NamedTuple):
    """One term of the initial vocabulary: its key and its name in each interface language."""

    key: str | int
    names: dict[str, str]

    @property
    def name(self) -> str:
        """The English name (``Term.name``)."""
        return self.names["en"]

    @property
    def translations(self) -> dict[str, str]:
        """The names in the other languages (``Term.translations``)."""
        return {language: name for language, name in self.names.items() if language != "en"}


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
    Row(
        "labour-migration",
        {
            "en": "Labour migration",
            "ru": "Трудовая миграция",
            "hy": "Աշխատանքային միգրացիա",
            "az": "Əmək miqrasiyası",
            "ka": "შრომითი მიგრაცია",
            "ro": "Migrație de muncă",
            "uk": "Трудова міграція",
        },
    ),
    Row(
        "return-reintegration",
        {
            "en": "Return and reintegration",
            "ru": "Возвращение и реинтеграция",
            "hy": "Վերադարձ և վերաինտեգրում",
            "az": "Geri qayıtma və reinteqrasiya",
            "ka": "დაბრუნება და რეინტეგრაცია",
            "ro": "Returnare și reintegrare",
            "uk": "Повернення та реінтеграція",
        },
    ),
    Row(
        "migrants-rights",
        {
            "en": "Migrants' rights",
            "ru": "Права мигрантов",
            "hy": "Միգրանտների իրավունքներ",
            "az": "Miqrantların hüquqları",
            "ka": "მიგრანტთა უფლებები",
            "ro": "Drepturile migranților",
            "uk": "Права мігрантів",
        },
    ),
    Row(
        "integration",
        {
            "en": "Integration",
            "ru": "Интеграция",
            "hy": "Ինտեգրում",
            "az": "İnteqrasiya",
            "ka": "ინტეგრაცია",
            "ro": "Integrare",
            "uk": "Інтеграція",
        },
    ),
    Row(
        "diaspora",
        {
            "en": "Diaspora engagement",
            "ru": "Взаимодействие с диаспорой",
            "hy": "Սփյուռքի ներգրավում",
            "az": "Diasporla iş",
            "ka": "დიასპორის ჩართულობა",
            "ro": "Implicarea diasporei",
            "uk": "Залучення діаспори",
        },
    ),
    Row(
        "border-management",
        {
            "en": "Border management",
            "ru": "Управление границами",
            "hy": "Սահմանների կառավարում",
            "az": "Sərhədlərin idarə edilməsi",
            "ka": "საზღვრის მართვა",
            "ro": "Gestionarea frontierelor",
            "uk": "Управління кордонами",
        },
    ),
    Row(
        "counter-trafficking",
        {
            "en": "Counter-trafficking",
            "ru": "Противодействие торговле людьми",
            "hy": "Մարդկանց թրաֆիքինգի դեմ պայքար",
            "az": "İnsan alverinə qarşı mübarizə",
            "ka": "ტრეფიკინგის წინააღმდეგ ბრძოლა",
            "ro": "Combaterea traficului de ființe umane",
            "uk": "Протидія торгівлі людьми",
        },
    ),
    Row(
        "migration-data",
        {
            "en": "Migration data",
            "ru": "Миграционные данные",
            "hy": "Միգրացիոն տվյալներ",
            "az": "Miqrasiya məlumatları",
            "ka": "მიგრაციის მონაცემები",
            "ro": "Date privind migrația",
            "uk": "Дані про міграцію",
        },
    ),
    Row(
        "asylum",
        {
            "en": "Asylum and international protection",
            "ru": "Убежище и международная защита",
            "hy": "Ապաստան և միջազգային պաշտպանություն",
            "az": "Sığınacaq və beynəlxalq müdafiə",
            "ka": "თავშესაფარი და საერთაშორისო დაცვა",
            "ro": "Azil și protecție internațională",
            "uk": "Притулок і міжнародний захист",
        },
    ),
    Row(
        "visa-policy",
        {
            "en": "Visa policy and mobility",
            "ru": "Визовая политика и мобильность",
            "hy": "Վիզային քաղաքականություն և շարժունություն",
            "az": "Viza siyasəti və mobillik",
            "ka": "სავიზო პოლიტიკა და მობილობა",
            "ro": "Politica de vize și mobilitate",
            "uk": "Візова політика та мобільність",
        },
    ),
    Row(
        "remittances",
        {
            "en": "Remittances and development",
            "ru": "Денежные переводы и развитие",
            "hy": "Դրամական փոխանցումներ և զարգացում",
            "az": "Pul köçürmələri və inkişaf",
            "ka": "ფულადი გზავნილები და განვითარება",
            "ro": "Remitențe și dezvoltare",
            "uk": "Грошові перекази та розвиток",
        },
    ),
    Row(
        "irregular-migration",
        {
            "en": "Irregular migration",
            "ru": "Нерегулярная миграция",
            "hy": "Անկանոն միգրացիա",
            "az": "Qeyri-nizami miqrasiya",
            "ka": "არარეგულარული მიგრაცია",
            "ro": "Migrație neregulamentară",
            "uk": "Нерегулярна міграція",
        },
    ),
]

# The 23 objectives of the Global Compact for Safe, Orderly and Regular Migration, each by its
# short title (the official title up to its first qualifier).
GCM_OBJECTIVES = [
    Row(
        1,
        {
            "en": "Collect and utilize accurate and disaggregated data",
            "ru": "Сбор и использование точных и дезагрегированных данных",
            "hy": "Ճշգրիտ և տարանջատված տվյալների հավաքում և օգտագործում",
            "az": "Dəqiq və təsnifləşdirilmiş məlumatların toplanması və istifadəsi",
            "ka": "ზუსტი და დეზაგრეგირებული მონაცემების შეგროვება და გამოყენება",
            "ro": "Colectarea și utilizarea unor date exacte și dezagregate",
            "uk": "Збирання та використання точних і дезагрегованих даних",
        },
    ),
    Row(
        2,
        {
            "en": "Minimize the adverse drivers of migration",
            "ru": "Сведение к минимуму неблагоприятных факторов, вызывающих миграцию",
            "hy": "Միգրացիայի բացասական պատճառների նվազեցում",
            "az": "Miqrasiyaya səbəb olan mənfi amillərin minimuma endirilməsi",
            "ka": "მიგრაციის უარყოფითი გამომწვევი ფაქტორების შემცირება",
            "ro": "Reducerea la minimum a factorilor negativi care determină migrația",
            "uk": "Мінімізація несприятливих чинників, що спонукають до міграції",
        },
    ),
    Row(
        3,
        {
            "en": "Provide accurate and timely information at all stages of migration",
            "ru": "Предоставление точной и своевременной информации на всех этапах миграции",
            "hy": "Միգրացիայի բոլոր փուլերում ճշգրիտ և ժամանակին տեղեկատվության տրամադրում",
            "az": "Miqrasiyanın bütün mərhələlərində dəqiq və vaxtında məlumat verilməsi",
            "ka": "მიგრაციის ყველა ეტაპზე ზუსტი და დროული ინფორმაციის მიწოდება",
            "ro": "Furnizarea de informații exacte și oportune în toate etapele migrației",
            "uk": "Надання точної та своєчасної інформації на всіх етапах міграції",
        },
    ),
    Row(
        4,
        {
            "en": "Ensure that all migrants have proof of legal identity",
            "ru": "Обеспечение наличия у всех мигрантов законных удостоверений личности",
            "hy": "Բոլոր միգրանտներին ինքնությունը հավաստող փաստաթղթերով ապահովում",
            "az": "Bütün miqrantların şəxsiyyəti təsdiq edən sənədlərlə təmin edilməsi",
            "ka": "ყველა მიგრანტისთვის პირადობის დამადასტურებელი დოკუმენტის უზრუნველყოფა",
            "ro": "Asigurarea faptului că toți migranții dețin dovada identității legale",
            "uk": "Забезпечення всіх мігрантів документами, що посвідчують особу",
        },
    ),
    Row(
        5,
        {
            "en": "Enhance availability and flexibility of pathways for regular migration",
            "ru": "Повышение доступности и гибкости каналов легальной миграции",
            "hy": "Կանոնավոր միգրացիայի ուղիների մատչելիության և ճկունության ընդլայնում",
            "az": "Qanuni miqrasiya yollarının əlçatanlığının və çevikliyinin artırılması",
            "ka": "რეგულარული მიგრაციის გზების ხელმისაწვდომობისა და მოქნილობის გაზრდა",
            "ro": "Extinderea disponibilității și flexibilității căilor de migrație regulamentară",
            "uk": "Розширення доступності та гнучкості шляхів легальної міграції",
        },
    ),
    Row(
        6,
        {
            "en": "Facilitate fair and ethical recruitment and safeguard decent work",
            "ru": "Содействие справедливому и этичному найму и обеспечение условий достойного труда",
            "hy": "Արդար և էթիկական հավաքագրման խթանում և արժանապատիվ աշխատանքի ապահովում",
            "az": "Ədalətli və etik işə götürülmənin təşviqi və layiqli əməyin təmin edilməsi",
            "ka": "სამართლიანი და ეთიკური რეკრუტირების ხელშეწყობა და ღირსეული შრომის დაცვა",
            "ro": "Facilitarea recrutării echitabile și etice și garantarea muncii decente",
            "uk": "Сприяння справедливому й етичному найму та забезпечення гідної праці",
        },
    ),
    Row(
        7,
        {
            "en": "Address and reduce vulnerabilities in migration",
            "ru": "Устранение и уменьшение факторов уязвимости в процессе миграции",
            "hy": "Միգրացիայի ընթացքում խոցելիության հաղթահարում և նվազեցում",
            "az": "Miqrasiya prosesində həssaslığın aradan qaldırılması və azaldılması",
            "ka": "მიგრაციის პროცესში მოწყვლადობის დაძლევა და შემცირება",
            "ro": "Abordarea și reducerea vulnerabilităților în procesul de migrație",
            "uk": "Подолання та зменшення вразливості в процесі міграції",
        },
    ),
    Row(
        8,
        {
            "en": "Save lives and establish coordinated efforts on missing migrants",
            "ru": "Спасение жизней и координация усилий в связи с пропавшими без вести мигрантами",
            "hy": "Կյանքերի փրկություն և անհետ կորած միգրանտների հարցով համակարգված ջանքեր",
            "az": "İnsan həyatının xilası və itkin düşmüş miqrantlarla bağlı səylərin əlaqələndirilməsi",
            "ka": "სიცოცხლის გადარჩენა და უგზო-უკვლოდ დაკარგულ მიგრანტებზე ძალისხმევის კოორდინაცია",
            "ro": "Salvarea de vieți și coordonarea eforturilor privind migranții dispăruți",
            "uk": "Порятунок життів і координація зусиль щодо зниклих безвісти мігрантів",
        },
    ),
    Row(
        9,
        {
            "en": "Strengthen the transnational response to smuggling of migrants",
            "ru": "Укрепление транснациональных мер противодействия незаконному ввозу мигрантов",
            "hy": "Միգրանտների ապօրինի տեղափոխման դեմ անդրազգային արձագանքի ուժեղացում",
            "az": "Miqrantların qaçaqmalçılığına qarşı transmilli mübarizənin gücləndirilməsi",
            "ka": "მიგრანტთა უკანონო გადაყვანის წინააღმდეგ ტრანსნაციონალური რეაგირების გაძლიერება",
            "ro": "Consolidarea răspunsului transnațional la traficul ilegal de migranți",
            "uk": "Посилення транснаціональної протидії незаконному переправленню мігрантів",
        },
    ),
    Row(
        10,
        {
            "en": "Prevent, combat and eradicate trafficking in persons",
            "ru": "Предотвращение торговли людьми, борьба с ней и её искоренение",
            "hy": "Մարդկանց թրաֆիքինգի կանխարգելում, դրա դեմ պայքար և դրա վերացում",
            "az": "İnsan alverinin qarşısının alınması, ona qarşı mübarizə və onun kökünün kəsilməsi",
            "ka": "ადამიანით ვაჭრობის (ტრეფიკინგის) პრევენცია, მის წინააღმდეგ ბრძოლა და აღმოფხვრა",
            "ro": "Prevenirea, combaterea și eradicarea traficului de ființe umane",
            "uk": "Запобігання торгівлі людьми, протидія їй та її викорінення",
        },
    ),
    Row(
        11,
        {
            "en": "Manage borders in an integrated, secure and coordinated manner",
            "ru": "Комплексное, безопасное и скоординированное управление границами",
            "hy": "Սահմանների ինտեգրված, անվտանգ և համակարգված կառավարում",
            "az": "Sərhədlərin inteqrasiyalı, təhlükəsiz və əlaqələndirilmiş idarə edilməsi",
            "ka": "საზღვრების ინტეგრირებული, უსაფრთხო და კოორდინირებული მართვა",
            "ro": "Gestionarea frontierelor în mod integrat, sigur și coordonat",
            "uk": "Інтегроване, безпечне та скоординоване управління кордонами",
        },
    ),
    Row(
        12,
        {
            "en": "Strengthen certainty and predictability in migration procedures",
            "ru": "Повышение определённости и предсказуемости миграционных процедур",
            "hy": "Միգրացիոն ընթացակարգերի որոշակիության և կանխատեսելիության ամրապնդում",
            "az": "Miqrasiya prosedurlarının müəyyənliyinin və proqnozlaşdırıla bilənliyinin artırılması",
            "ka": "მიგრაციული პროცედურების განსაზღვრულობისა და პროგნოზირებადობის გაძლიერება",
            "ro": "Consolidarea certitudinii și a previzibilității procedurilor de migrație",
            "uk": "Підвищення визначеності та передбачуваності міграційних процедур",
        },
    ),
    Row(
        13,
        {
            "en": "Use migration detention only as a measure of last resort",
            "ru": "Применение задержания мигрантов исключительно в качестве крайней меры",
            "hy": "Միգրանտների կալանքի կիրառում միայն որպես ծայրահեղ միջոց",
            "az": "Miqrantların saxlanılmasından yalnız son çarə kimi istifadə edilməsi",
            "ka": "მიგრანტთა დაკავების მხოლოდ უკიდურეს ზომად გამოყენება",
            "ro": "Recurgerea la detenția migranților numai ca măsură de ultimă instanță",
            "uk": "Застосування затримання мігрантів лише як крайнього заходу",
        },
    ),
    Row(
        14,
        {
            "en": "Enhance consular protection, assistance and cooperation",
            "ru": "Усиление консульской защиты, помощи и сотрудничества",
            "hy": "Հյուպատոսական պաշտպանության, աջակցության և համագործակցության ընդլայնում",
            "az": "Konsul müdafiəsinin, yardımının və əməkdaşlığının gücləndirilməsi",
            "ka": "საკონსულო დაცვის, დახმარებისა და თანამშრომლობის გაძლიერება",
            "ro": "Consolidarea protecției, asistenței și cooperării consulare",
            "uk": "Посилення консульського захисту, допомоги та співпраці",
        },
    ),
    Row(
        15,
        {
            "en": "Provide access to basic services for migrants",
            "ru": "Обеспечение доступа мигрантов к базовым услугам",
            "hy": "Միգրանտների համար հիմնական ծառայությունների հասանելիության ապահովում",
            "az": "Miqrantların əsas xidmətlərə çıxışının təmin edilməsi",
            "ka": "მიგრანტებისთვის ძირითად სერვისებზე ხელმისაწვდომობის უზრუნველყოფა",
            "ro": "Asigurarea accesului migranților la serviciile de bază",
            "uk": "Забезпечення доступу мігрантів до базових послуг",
        },
    ),
    Row(
        16,
        {
            "en": "Empower migrants and societies to realize full inclusion and social cohesion",
            "ru": "Создание для мигрантов и общества условий для полной интеграции и социальной сплочённости",
            "hy": "Միգրանտների և հասարակությունների հզորացում՝ լիարժեք ներառման և սոցիալական համախմբվածության համար",
            "az": "Tam inteqrasiya və sosial həmrəylik üçün miqrantların və cəmiyyətlərin imkanlarının genişləndirilməsi",
            "ka": "მიგრანტთა და საზოგადოებების გაძლიერება სრული ინკლუზიისა და სოციალური ერთიანობისთვის",
            "ro": "Abilitarea migranților și a societăților pentru incluziune deplină și coeziune socială",
            "uk": "Розширення можливостей мігрантів і суспільств для повної інклюзії та соціальної згуртованості",
        },
    ),
    Row(
        17,
        {
            "en": "Eliminate discrimination and promote evidence-based public discourse",
            "ru": "Искоренение дискриминации и поощрение основанного на фактах общественного обсуждения",
            "hy": "Խտրականության վերացում և փաստերի վրա հիմնված հանրային խոսույթի խթանում",
            "az": "Ayrı-seçkiliyin aradan qaldırılması və faktlara əsaslanan ictimai diskursun təşviqi",
            "ka": "დისკრიმინაციის აღმოფხვრა და ფაქტებზე დაფუძნებული საჯარო დისკურსის ხელშეწყობა",
            "ro": "Eliminarea discriminării și promovarea unui discurs public bazat pe dovezi",
            "uk": "Подолання дискримінації та сприяння публічному дискурсу, що ґрунтується на фактах",
        },
    ),
    Row(
        18,
        {
            "en": "Invest in skills development and facilitate recognition of skills",
            "ru": "Инвестирование в развитие навыков и содействие признанию навыков",
            "hy": "Ներդրումներ հմտությունների զարգացման մեջ և հմտությունների ճանաչման դյուրացում",
            "az": "Bacarıqların inkişafına investisiya və bacarıqların tanınmasının asanlaşdırılması",
            "ka": "უნარების განვითარებაში ინვესტირება და უნარების აღიარების ხელშეწყობა",
            "ro": "Investiții în dezvoltarea competențelor și facilitarea recunoașterii acestora",
            "uk": "Інвестування в розвиток навичок і сприяння їх визнанню",
        },
    ),
    Row(
        19,
        {
            "en": "Create conditions for migrants and diasporas to contribute to development",
            "ru": "Создание условий, позволяющих мигрантам и диаспорам вносить вклад в развитие",
            "hy": "Զարգացմանը միգրանտների և սփյուռքների ներդրման համար պայմանների ստեղծում",
            "az": "Miqrantların və diasporların inkişafa töhfə verməsi üçün şəraitin yaradılması",
            "ka": "პირობების შექმნა მიგრანტებისა და დიასპორების მიერ განვითარებაში წვლილის შესატანად",
            "ro": "Crearea condițiilor pentru ca migranții și diasporele să contribuie la dezvoltare",
            "uk": "Створення умов для внеску мігрантів і діаспор у розвиток",
        },
    ),
    Row(
        20,
        {
            "en": "Promote faster, safer and cheaper transfer of remittances",
            "ru": "Содействие более быстрому, безопасному и дешёвому переводу денежных средств",
            "hy": "Դրամական փոխանցումների ավելի արագ, անվտանգ և մատչելի իրականացման խթանում",
            "az": "Pul köçürmələrinin daha sürətli, təhlükəsiz və ucuz həyata keçirilməsinin təşviqi",
            "ka": "ფულადი გზავნილების უფრო სწრაფი, უსაფრთხო და იაფი გადარიცხვის ხელშეწყობა",
            "ro": "Promovarea unor transferuri de remitențe mai rapide, mai sigure și mai ieftine",
            "uk": "Сприяння швидшим, безпечнішим і дешевшим грошовим переказам",
        },
    ),
    Row(
        21,
        {
            "en": "Cooperate in facilitating safe and dignified return and readmission",
            "ru": "Сотрудничество в содействии безопасному и достойному возвращению и реадмиссии",
            "hy": "Համագործակցություն անվտանգ և արժանապատիվ վերադարձի և հետընդունման դյուրացման համար",
            "az": "Təhlükəsiz və ləyaqətli geri qayıtmanın və readmissiyanın asanlaşdırılmasında əməkdaşlıq",
            "ka": "თანამშრომლობა უსაფრთხო და ღირსეული დაბრუნებისა და რეადმისიის ხელშესაწყობად",
            "ro": "Cooperarea pentru facilitarea returnării în condiții de siguranță și demnitate și a readmisiei",
            "uk": "Співпраця задля безпечного й гідного повернення та реадмісії",
        },
    ),
    Row(
        22,
        {
            "en": "Establish mechanisms for the portability of social security entitlements",
            "ru": "Создание механизмов переноса прав на социальное обеспечение",
            "hy": "Սոցիալական ապահովության իրավունքների փոխադրելիության մեխանիզմների ստեղծում",
            "az": "Sosial təminat hüquqlarının ötürülməsi mexanizmlərinin yaradılması",
            "ka": "სოციალური უზრუნველყოფის უფლებების გადატანის მექანიზმების შექმნა",
            "ro": "Instituirea de mecanisme pentru portabilitatea drepturilor de securitate socială",
            "uk": "Створення механізмів перенесення прав на соціальне забезпечення",
        },
    ),
    Row(
        23,
        {
            "en": "Strengthen international cooperation and global partnerships",
            "ru": "Укрепление международного сотрудничества и глобальных партнёрств",
            "hy": "Միջազգային համագործակցության և գլոբալ գործընկերությունների ամրապնդում",
            "az": "Beynəlxalq əməkdaşlığın və qlobal tərəfdaşlıqların gücləndirilməsi",
            "ka": "საერთაშორისო თანამშრომლობისა და გლობალური პარტნიორობების გაძლიერება",
            "ro": "Consolidarea cooperării internaționale și a parteneriatelor globale",
            "uk": "Зміцнення міжнародної співпраці та глобальних партнерств",
        },
    ),
]

TARGET_GROUPS = [
    Row(
        "labour-migrants",
        {
            "en": "Labour migrants",
            "ru": "Трудовые мигранты",
            "hy": "Աշխատանքային միգրանտներ",
            "az": "Əmək miqrantları",
            "ka": "შრომითი მიგრანტები",
            "ro": "Lucrători migranți",
            "uk": "Трудові мігранти",
        },
    ),
    Row(
        "returnees",
        {
            "en": "Returnees",
            "ru": "Вернувшиеся мигранты",
            "hy": "Վերադարձած միգրանտներ",
            "az": "Geri qayıtmış miqrantlar",
            "ka": "დაბრუნებული მიგრანტები",
            "ro": "Persoane returnate",
            "uk": "Мігранти, які повернулися",
        },
    ),
    Row(
        "refugees-asylum-seekers",
        {
            "en": "Refugees and asylum seekers",
            "ru": "Беженцы и лица, ищущие убежища",
            "hy": "Փախստականներ և ապաստան հայցողներ",
            "az": "Qaçqınlar və sığınacaq axtaran şəxslər",
            "ka": "ლტოლვილები და თავშესაფრის მაძიებლები",
            "ro": "Refugiați și solicitanți de azil",
            "uk": "Біженці та шукачі притулку",
        },
    ),
    Row(
        "trafficking-victims",
        {
            "en": "Victims of trafficking",
            "ru": "Жертвы торговли людьми",
            "hy": "Թրաֆիքինգի ենթարկված անձինք",
            "az": "İnsan alverinin qurbanları",
            "ka": "ტრეფიკინგის მსხვერპლები",
            "ro": "Victime ale traficului de ființe umane",
            "uk": "Особи, які постраждали від торгівлі людьми",
        },
    ),
    Row(
        "diaspora",
        {
            "en": "Diaspora",
            "ru": "Диаспора",
            "hy": "Սփյուռք",
            "az": "Diaspor",
            "ka": "დიასპორა",
            "ro": "Diaspora",
            "uk": "Діаспора",
        },
    ),
    Row(
        "students",
        {
            "en": "Students",
            "ru": "Студенты",
            "hy": "Ուսանողներ",
            "az": "Tələbələr",
            "ka": "სტუდენტები",
            "ro": "Studenți",
            "uk": "Студенти",
        },
    ),
    Row(
        "idps",
        {
            "en": "Internally displaced persons",
            "ru": "Внутренне перемещённые лица",
            "hy": "Ներքին տեղահանված անձինք",
            "az": "Məcburi köçkünlər",
            "ka": "იძულებით გადაადგილებული პირები",
            "ro": "Persoane strămutate intern",
            "uk": "Внутрішньо переміщені особи",
        },
    ),
    Row(
        "families",
        {
            "en": "Migrants' families",
            "ru": "Семьи мигрантов",
            "hy": "Միգրանտների ընտանիքներ",
            "az": "Miqrantların ailələri",
            "ka": "მიგრანტთა ოჯახები",
            "ro": "Familiile migranților",
            "uk": "Сім’ї мігрантів",
        },
    ),
    Row(
        "officials",
        {
            "en": "Public officials",
            "ru": "Государственные служащие",
            "hy": "Պետական պաշտոնյաներ",
            "az": "Dövlət qulluqçuları",
            "ka": "საჯარო მოხელეები",
            "ro": "Funcționari publici",
            "uk": "Державні службовці",
        },
    ),
]

RESOURCE_TYPES = [
    Row(
        "practice-note",
        {
            "en": "Practice note",
            "ru": "Описание практики",
            "hy": "Փորձի նկարագիր",
            "az": "Təcrübə təsviri",
            "ka": "პრაქტიკის აღწერა",
            "ro": "Notă de practică",
            "uk": "Опис практики",
        },
    ),
    Row(
        "policy-brief",
        {
            "en": "Policy brief",
            "ru": "Аналитическая записка",
            "hy": "Վերլուծական տեղեկանք",
            "az": "Analitik arayış",
            "ka": "ანალიტიკური ცნობა",
            "ro": "Notă de politici",
            "uk": "Аналітична записка",
        },
    ),
    Row(
        "research-report",
        {
            "en": "Research report",
            "ru": "Исследование",
            "hy": "Հետազոտության զեկույց",
            "az": "Tədqiqat hesabatı",
            "ka": "კვლევის ანგარიში",
            "ro": "Raport de cercetare",
            "uk": "Звіт про дослідження",
        },
    ),
    Row(
        "legislation-summary",
        {
            "en": "Legislation summary",
            "ru": "Обзор законодательства",
            "hy": "Օրենսդրության ակնարկ",
            "az": "Qanunvericilik icmalı",
            "ka": "კანონმდებლობის მიმოხილვა",
            "ro": "Sinteză legislativă",
            "uk": "Огляд законодавства",
        },
    ),
    Row(
        "training-material",
        {
            "en": "Training material",
            "ru": "Учебный материал",
            "hy": "Ուսումնական նյութ",
            "az": "Təlim materialı",
            "ka": "სასწავლო მასალა",
            "ro": "Material de instruire",
            "uk": "Навчальний матеріал",
        },
    ),
]
