# Ukrainian (CLDR uk): 10 грудня 2026 р. (a narrow no-break space before "р.", as CLDR has it),
# the genitive month after a day (E), the nominative in a month heading (F): Грудень 2026.
# Django's named formats (https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date):
# templates write |date:"DATE_FORMAT", never a pattern of their own.
DATE_FORMAT = "j E Y\u202fр."
DATETIME_FORMAT = "j E Y\u202fр., H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y, H:i"
MONTH_DAY_FORMAT = "j E"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # a no-break space, so a number never breaks across lines
NUMBER_GROUPING = 3
