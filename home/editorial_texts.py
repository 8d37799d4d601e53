"""The editorial pages' titles and introductions in every interface language (demo content).

Keyed by the page's address below the home page ("" is the home page itself); each language
gives the page's title and the text fields its page type has. ``home.demo_editorial`` writes
them into each language's page tree. Written as the secretariat's translators would, in the
terminology of the IOM Glossary on Migration.
"""

from __future__ import annotations

HOME = "home"
LIBRARY = "library"
COUNTRIES = "countries"
EVENTS = "events"
STANDARD = "standard"

# address below the home page → (kind, {language: {field: text}})
EDITORIAL: dict[str, tuple[str, dict[str, dict[str, str]]]] = {
    "": (
        HOME,
        {
            "en": {
                "title": "Migration Partnership Platform",
                "introduction": (
                    "The regional consultation platform of the Eastern Partnership Panel on "
                    "Migration and Asylum: governments and experts from Armenia, Azerbaijan, "
                    "Georgia, Moldova, Ukraine and partner countries share what works in "
                    "migration governance."
                ),
                "welcome": (
                    "<p>Find what other countries did, register for regional meetings and take "
                    "part in written consultations.</p>"
                ),
            },
            "ru": {
                "title": "Платформа миграционного партнёрства",
                "introduction": (
                    "Региональная консультационная платформа Панели Восточного партнёрства по "
                    "миграции и убежищу: представители государственных органов и эксперты из "
                    "Армении, Азербайджана, Грузии, Молдовы, Украины и стран-партнёров "
                    "обмениваются эффективной практикой в сфере управления миграцией."
                ),
                "welcome": (
                    "<p>Знакомьтесь с опытом других стран, регистрируйтесь на региональные "
                    "встречи и участвуйте в письменных консультациях.</p>"
                ),
            },
            "hy": {
                "title": "Միգրացիոն գործընկերության հարթակ",
                "introduction": (
                    "Միգրացիայի և ապաստանի հարցերով Արևելյան գործընկերության պանելի "
                    "տարածաշրջանային խորհրդակցական հարթակ․ Հայաստանի, Ադրբեջանի, Վրաստանի, "
                    "Մոլդովայի, Ուկրաինայի և գործընկեր երկրների պետական մարմինների "
                    "ներկայացուցիչներն ու փորձագետները կիսվում են միգրացիայի կառավարման "
                    "արդյունավետ փորձով։"
                ),
                "welcome": (
                    "<p>Ծանոթացեք այլ երկրների փորձին, գրանցվեք տարածաշրջանային "
                    "հանդիպումներին և մասնակցեք գրավոր խորհրդակցություններին։</p>"
                ),
            },
            "az": {
                "title": "Miqrasiya Tərəfdaşlığı Platforması",
                "introduction": (
                    "Şərq Tərəfdaşlığının Miqrasiya və Sığınacaq üzrə Panelinin regional "
                    "məsləhətləşmə platforması: Ermənistan, Azərbaycan, Gürcüstan, Moldova, "
                    "Ukrayna və tərəfdaş ölkələrin dövlət qurumlarının nümayəndələri və "
                    "ekspertlər miqrasiya idarəçiliyində uğurlu təcrübələri bölüşürlər."
                ),
                "welcome": (
                    "<p>Digər ölkələrin təcrübəsi ilə tanış olun, regional görüşlərə qeydiyyatdan "
                    "keçin və yazılı məsləhətləşmələrdə iştirak edin.</p>"
                ),
            },
            "ka": {
                "title": "მიგრაციული პარტნიორობის პლატფორმა",
                "introduction": (
                    "აღმოსავლეთ პარტნიორობის მიგრაციისა და თავშესაფრის პანელის რეგიონული "
                    "საკონსულტაციო პლატფორმა: სომხეთის, აზერბაიჯანის, საქართველოს, მოლდოვის, "
                    "უკრაინისა და პარტნიორი ქვეყნების სახელმწიფო უწყებების წარმომადგენლები და "
                    "ექსპერტები ერთმანეთს უზიარებენ მიგრაციის მართვის წარმატებულ პრაქტიკას."
                ),
                "welcome": (
                    "<p>გაეცანით სხვა ქვეყნების გამოცდილებას, დარეგისტრირდით რეგიონულ "
                    "შეხვედრებზე და მიიღეთ მონაწილეობა წერილობით კონსულტაციებში.</p>"
                ),
            },
            "ro": {
                "title": "Platforma Parteneriatului pentru Migrație",
                "introduction": (
                    "Platforma regională de consultare a Panelului Parteneriatului Estic privind "
                    "migrația și azilul: reprezentanți ai autorităților publice și experți din "
                    "Armenia, Azerbaidjan, Georgia, Republica Moldova, Ucraina și din țările "
                    "partenere fac schimb de bune practici în domeniul guvernanței migrației."
                ),
                "welcome": (
                    "<p>Aflați ce au întreprins alte țări, înscrieți-vă la reuniunile regionale "
                    "și participați la consultările scrise.</p>"
                ),
            },
            "uk": {
                "title": "Платформа міграційного партнерства",
                "introduction": (
                    "Регіональна консультаційна платформа Панелі Східного партнерства з питань "
                    "міграції та притулку: представники державних органів і експерти з "
                    "Вірменії, Азербайджану, Грузії, Молдови, України та країн-партнерів "
                    "обмінюються дієвими практиками у сфері управління міграцією."
                ),
                "welcome": (
                    "<p>Ознайомлюйтеся з досвідом інших країн, реєструйтеся на регіональні "
                    "зустрічі та беріть участь у письмових консультаціях.</p>"
                ),
            },
        },
    ),
    "library": (
        LIBRARY,
        {
            "en": {
                "title": "Library of practices",
                "introduction": "<p>What governments in the region did, and what they learned.</p>",
            },
            "ru": {
                "title": "Библиотека практик",
                "introduction": (
                    "<p>Что сделали правительства стран региона и какие уроки они извлекли.</p>"
                ),
            },
            "hy": {
                "title": "Փորձի գրադարան",
                "introduction": (
                    "<p>Ինչ են արել տարածաշրջանի երկրների կառավարությունները և ինչ դասեր են "
                    "քաղել։</p>"
                ),
            },
            "az": {
                "title": "Təcrübələr kitabxanası",
                "introduction": (
                    "<p>Regionun hökumətlərinin gördüyü işlər və onlardan çıxardıqları dərslər.</p>"
                ),
            },
            "ka": {
                "title": "პრაქტიკების ბიბლიოთეკა",
                "introduction": (
                    "<p>რა გააკეთეს რეგიონის ქვეყნების მთავრობებმა და რა გაკვეთილები მიიღეს.</p>"
                ),
            },
            "ro": {
                "title": "Biblioteca de practici",
                "introduction": (
                    "<p>Ce au întreprins guvernele din regiune și ce lecții au învățat.</p>"
                ),
            },
            "uk": {
                "title": "Бібліотека практик",
                "introduction": "<p>Що зробили уряди країн регіону і які уроки вони винесли.</p>",
            },
        },
    ),
    "library/countries": (
        COUNTRIES,
        {
            "en": {
                "title": "Country profiles",
                "introduction": (
                    "<p>Each country's migration governance in brief, with its focal points, "
                    "practices and events.</p>"
                ),
            },
            "ru": {
                "title": "Профили стран",
                "introduction": (
                    "<p>Кратко об управлении миграцией в каждой стране: национальные "
                    "координаторы, практики и мероприятия.</p>"
                ),
            },
            "hy": {
                "title": "Երկրների պրոֆիլներ",
                "introduction": (
                    "<p>Համառոտ՝ յուրաքանչյուր երկրի միգրացիայի կառավարման մասին. ազգային "
                    "համակարգողներ, փորձ և միջոցառումներ։</p>"
                ),
            },
            "az": {
                "title": "Ölkə profilləri",
                "introduction": (
                    "<p>Hər bir ölkədə miqrasiya idarəçiliyi haqqında qısa məlumat: milli "
                    "əlaqələndiricilər, təcrübələr və tədbirlər.</p>"
                ),
            },
            "ka": {
                "title": "ქვეყნების პროფილები",
                "introduction": (
                    "<p>მოკლედ თითოეული ქვეყნის მიგრაციის მართვის შესახებ: ეროვნული "
                    "საკონტაქტო პირები, პრაქტიკები და ღონისძიებები.</p>"
                ),
            },
            "ro": {
                "title": "Profiluri de țară",
                "introduction": (
                    "<p>Pe scurt despre guvernanța migrației în fiecare țară: punctele focale "
                    "naționale, practicile și evenimentele.</p>"
                ),
            },
            "uk": {
                "title": "Профілі країн",
                "introduction": (
                    "<p>Коротко про управління міграцією в кожній країні: національні "
                    "координатори, практики та заходи.</p>"
                ),
            },
        },
    ),
    "events": (
        EVENTS,
        {
            "en": {
                "title": "Events and consultations",
                "intro": (
                    "<p>Regional meetings, webinars, trainings and study visits, and the written "
                    "consultations between them.</p>"
                ),
            },
            "ru": {
                "title": "Мероприятия и консультации",
                "intro": (
                    "<p>Региональные встречи, вебинары, тренинги и ознакомительные визиты, а "
                    "также письменные консультации между ними.</p>"
                ),
            },
            "hy": {
                "title": "Միջոցառումներ և խորհրդակցություններ",
                "intro": (
                    "<p>Տարածաշրջանային հանդիպումներ, վեբինարներ, դասընթացներ և ուսումնական "
                    "այցեր, ինչպես նաև դրանց միջև անցկացվող գրավոր խորհրդակցություններ։</p>"
                ),
            },
            "az": {
                "title": "Tədbirlər və məsləhətləşmələr",
                "intro": (
                    "<p>Regional görüşlər, vebinarlar, təlimlər və tədris səfərləri, eləcə də "
                    "onların arasında keçirilən yazılı məsləhətləşmələr.</p>"
                ),
            },
            "ka": {
                "title": "ღონისძიებები და კონსულტაციები",
                "intro": (
                    "<p>რეგიონული შეხვედრები, ვებინარები, ტრენინგები და სასწავლო ვიზიტები, "
                    "ასევე მათ შორის გამართული წერილობითი კონსულტაციები.</p>"
                ),
            },
            "ro": {
                "title": "Evenimente și consultări",
                "intro": (
                    "<p>Reuniuni regionale, webinare, instruiri și vizite de studiu, precum și "
                    "consultările scrise dintre acestea.</p>"
                ),
            },
            "uk": {
                "title": "Заходи та консультації",
                "intro": (
                    "<p>Регіональні зустрічі, вебінари, тренінги та ознайомчі візити, а також "
                    "письмові консультації між ними.</p>"
                ),
            },
        },
    ),
    "about": (
        STANDARD,
        {
            "en": {
                "title": "About the platform",
                "summary": "Who runs the platform and how consultations work.",
            },
            "ru": {
                "title": "О платформе",
                "summary": "Кто управляет платформой и как проводятся консультации.",
            },
            "hy": {
                "title": "Հարթակի մասին",
                "summary": "Ով է կառավարում հարթակը և ինչպես են անցկացվում խորհրդակցությունները։",
            },
            "az": {
                "title": "Platforma haqqında",
                "summary": "Platformanı kim idarə edir və məsləhətləşmələr necə aparılır.",
            },
            "ka": {
                "title": "პლატფორმის შესახებ",
                "summary": "ვინ მართავს პლატფორმას და როგორ მიმდინარეობს კონსულტაციები.",
            },
            "ro": {
                "title": "Despre platformă",
                "summary": "Cine administrează platforma și cum se desfășoară consultările.",
            },
            "uk": {
                "title": "Про платформу",
                "summary": "Хто адмініструє платформу і як проводяться консультації.",
            },
        },
    ),
    "privacy": (
        STANDARD,
        {
            "en": {
                "title": "Privacy notice",
                "summary": "What personal data the platform keeps, and why.",
            },
            "ru": {
                "title": "Уведомление о конфиденциальности",
                "summary": "Какие персональные данные хранит платформа и с какой целью.",
            },
            "hy": {
                "title": "Գաղտնիության ծանուցում",
                "summary": "Ինչ անձնական տվյալներ է պահում հարթակը և ինչ նպատակով։",
            },
            "az": {
                "title": "Məxfilik bildirişi",
                "summary": "Platforma hansı şəxsi məlumatları saxlayır və hansı məqsədlə.",
            },
            "ka": {
                "title": "კონფიდენციალურობის შეტყობინება",
                "summary": "რა პერსონალურ მონაცემებს ინახავს პლატფორმა და რა მიზნით.",
            },
            "ro": {
                "title": "Informare privind protecția datelor",
                "summary": "Ce date cu caracter personal păstrează platforma și în ce scop.",
            },
            "uk": {
                "title": "Повідомлення про конфіденційність",
                "summary": "Які персональні дані зберігає платформа і з якою метою.",
            },
        },
    ),
    "help": (
        STANDARD,
        {
            "en": {
                "title": "Help",
                "summary": "How to find practices, register for events and take part.",
            },
            "ru": {
                "title": "Справка",
                "summary": (
                    "Как находить практики, регистрироваться на мероприятия и участвовать в "
                    "обсуждениях."
                ),
            },
            "hy": {
                "title": "Օգնություն",
                "summary": "Ինչպես գտնել փորձ, գրանցվել միջոցառումների և մասնակցել քննարկումներին։",
            },
            "az": {
                "title": "Kömək",
                "summary": (
                    "Təcrübələri necə tapmaq, tədbirlərdə iştirak üçün necə qeydiyyatdan keçmək "
                    "və müzakirələrə necə qoşulmaq."
                ),
            },
            "ka": {
                "title": "დახმარება",
                "summary": (
                    "როგორ მოვძებნოთ პრაქტიკები, დავრეგისტრირდეთ ღონისძიებებზე და მივიღოთ "
                    "მონაწილეობა განხილვებში."
                ),
            },
            "ro": {
                "title": "Ajutor",
                "summary": (
                    "Cum găsiți practici, cum vă înscrieți la evenimente și cum participați la "
                    "discuții."
                ),
            },
            "uk": {
                "title": "Довідка",
                "summary": (
                    "Як знаходити практики, реєструватися на заходи та брати участь в обговореннях."
                ),
            },
        },
    ),
}
