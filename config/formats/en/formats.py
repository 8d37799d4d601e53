# English as written in the United Kingdom and by international organisations (CLDR en_GB):
# 10 December 2026, 14:30; Monday first.
# Django's named formats (https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date):
# templates write |date:"DATE_FORMAT", never a pattern of their own.
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = "."
THOUSAND_SEPARATOR = ","
NUMBER_GROUPING = 3
