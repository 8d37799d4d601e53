# Eastern Armenian (CLDR hy): 2026 թ. դեկտեմբերի 10, the year first and the month in the
# genitive (E). Django ships no format module for Armenian, and its catalogue's alt. month names
# are nominative: the genitive forms come from the project's catalogue (config/formats/months.py).
# Django's named formats (https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date):
# templates write |date:"DATE_FORMAT", never a pattern of their own.
DATE_FORMAT = "Y թ. E j"
DATETIME_FORMAT = "Y թ. E j, H:i"
SHORT_DATE_FORMAT = "d.m.Y"
SHORT_DATETIME_FORMAT = "d.m.Y, H:i"
MONTH_DAY_FORMAT = "E j"
YEAR_MONTH_FORMAT = "F Y"
TIME_FORMAT = "H:i"
FIRST_DAY_OF_WEEK = 1  # Monday
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\xa0"  # a no-break space, so a number never breaks across lines
NUMBER_GROUPING = 3
