"""The days the event service tests are set on."""

import datetime as dt

TODAY = dt.date(2026, 11, 20)
DAY_1, DAY_2, DAY_3 = dt.date(2026, 11, 27), dt.date(2026, 12, 4), dt.date(2026, 12, 11)
