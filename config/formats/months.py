"""The month names our date formats write after a day (Django's ``E``, message context
"alt. month"), listed so that ``make messages`` carries them into the project's catalogues.

Django's own catalogues give these as nominative, capitalised names for Armenian, Azerbaijani
and Romanian ("Դեկտեմբեր", "Dekabr", "Decembrie"), where a date needs the Armenian genitive
("դեկտեմբերի") and the lower case of running text ("10 dekabr 2026", "10 decembrie 2026");
the project's catalogues come first in LOCALE_PATHS, so their forms win. The nominative names
(``F``, a month heading such as "Декабрь 2026") stay Django's.
"""

from django.utils.translation import pgettext_lazy

DATE_MONTHS = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)
