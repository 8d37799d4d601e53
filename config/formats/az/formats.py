# Azerbaijani, Latin script (CLDR az): 10 dekabr 2026, the month in the nominative, in lower
# case in running text (E; the lower-case forms come from the project's catalogue, see
# config/formats/months.py).
# Django's named formats (https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date):
# templates write |date:"DATE_FORMAT", never a pattern of their own.
DATE_FORMAT = "j E Y"
DATETIME_FORMAT = "j E Y H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y H:i"
MONTH_DAY_FORMAT = "j E"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "."
NUMBER_GROUPING = 3
