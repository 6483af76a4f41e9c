"""Date recognition (part of stage 4): absolute, partial and relative dates.

Mentions are found on normalised text (Arabic-Indic digits already folded) and
resolved against the article's reference date when they are relative.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from .lexicon import load

WEEKDAYS = {"الاثنين": 0, "الثلاثاء": 1, "الاربعاء": 2, "الخميس": 3, "الجمعه": 4, "السبت": 5, "الاحد": 6}
PAST, FUTURE, CURRENT = "past", "future", "current"
DAY_RELATIVES = ("today", "yesterday", "tomorrow", "weekday", "next_weekday", "coming_weekday")
_FOUR_DIGITS = re.compile(r"\d{4}")
_RELATIVE_WORDS = {"الماضي": PAST, "المنصرم": PAST, "الفايت": PAST, "المقبل": FUTURE, "القادم": FUTURE,
                   "الجاري": CURRENT, "الحالي": CURRENT}


@dataclass(frozen=True)
class DateMention:
    start: int  # offsets in the normalised text it was found in
    end: int
    year: int | None = None
    month: int | None = None
    day: int | None = None
    # past / future / current for a month; or today / yesterday / tomorrow / weekday (the last one, today's
    # included) / next_weekday (the coming one, after today) / coming_weekday (the coming one, today's included)
    relative: str | None = None
    year_shift: int | None = None  # "العام الماضي" → -1
    weekday: int | None = None
    text: str = ""

    @property
    def is_absolute(self) -> bool:
        return self.year is not None and self.relative is None and self.year_shift is None

    @property
    def precision(self) -> str:
        if self.relative and self.relative.startswith("month_"):
            return "month"
        if self.day is not None or self.relative in (*DAY_RELATIVES, "day_of_current_month"):
            return "day"
        if self.month is not None:
            return "month"
        return "year"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    lex = load()
    months = "|".join(sorted(lex.months, key=len, reverse=True))
    hijri = "|".join(sorted(lex.hijri_months, key=len, reverse=True))
    rel = "|".join(_RELATIVE_WORDS)
    wd = "|".join(WEEKDAYS)
    return {
        "ymd": re.compile(r"(?<!\d)(\d{4})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{1,2})(?!\d)"),
        "dmy": re.compile(r"(?<!\d)(\d{1,2})\s*[/\-.]\s*(\d{1,2})\s*[/\-.]\s*(\d{4})(?!\d)"),
        "hijri": re.compile(rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?({hijri})\s+(?:عام\s+|سنه\s+)?(\d{{4}})\s*(?:ه|هـ|للهجره)?(?!\w)"),
        "text": re.compile(
            rf"(?<!\w)(?:(?:يوم\s+)?(?P<wd>{wd})\s+)?"
            rf"(?:(?P<day>\d{{1,2}})(?:\s*(?:و|-|–|الي|حتي)\s*\d{{1,2}})?\s+(?:من\s+)?)?"  # a range: its first day
            rf"(?:شهر\s+)?(?P<month>{months})(?![^\W\d])"  # "فروری2018" may glue the year on
            rf"(?:\s*(?:/|\(|،|-|–)\s*(?:{months})(?:\s*\))?)?"
            rf"(?:(?:\s*،?\s+(?:من\s+)?(?:عام|سنه|العام)?\s*|(?=\d))(?P<year>\d{{4}})(?!\d)\s*(?:م(?!\w))?"
            rf"|\s+(?P<yshift>العام|السنه)\s+(?P<yrel>{rel})"
            rf"|\s+(?P<rel>{rel}))?"),
        "year": re.compile(r"(?<!\w)(?P<pre>(?:في|خلال|منذ|حتي|مطلع|بدايه|نهايه)\s+)?(?:عام|سنه|العام)\s+(?P<year>\d{4})(?!\d)"
                           r"|(?<!\w)(?P<bare>في|خلال|بدايه|مطلع|اوايل|منتصف|نهايه|اواخر)\s+(?P<byear>(?:19|20)\d\d)(?![\d\s]*[\d/\-]|\s*\.\d)"),
        "year_rel": re.compile(rf"(?<!\w)(?:العام|السنه)\s+(?P<yrel>{rel})"),
        "month_rel": re.compile(rf"(?<!\w)الشهر\s+(?P<mrel>{rel})"),
        "ordinal_day": re.compile(rf"(?<!\w)(?P<ord>(?:ال\w+)(?:\s+(?:عشر|والعشرين|والعشرون|والثلاثين))?)\s+من\s+"
                                  rf"(?:الشهر\s+(?P<cur>الجاري|الحالي)|(?:شهر\s+)?(?P<month>{months})(?:\s+(?P<year>\d{{4}}))?)"),
        "today_word": re.compile(rf"اليوم|امس|البارحه|غدا|{wd}"),  # what every "today" match needs
        "today": re.compile(rf"(?<!\w)(?:(?P<word>اليوم|امس|البارحه|غدا)(?!\s+(?:الدولي|الوطني|العالمي))(?:\s*\(?\s*(?P<wd1>{wd})\s*\)?)?|(?:يوم\s+)?(?P<wd3>{wd})\s+(?P<wdrel>الماضي|المقبل|القادم)|(?:يومي?\s+)(?P<wd2>{wd})"
                            rf"|(?:(?<=[،,(])|(?<=[،,(]\s))(?P<wd4>{wd})(?=\s*[،,.)])"  # "وقع البلدان، الاربعاء، …"
                            rf"|(?:صباح|صبيحه|مساء|عصر|ظهر|فجر|ليله)\s+(?:يوم\s+)?(?P<wd5>{wd}))(?!\w)"),  # "بعد عصر السبت"
    }


def _ordinal_day(words: str) -> int | None:
    """"الخامس عشر" → 15; feminine and compound forms from the ordinal lexicon."""
    lex = load()
    value = lex.ordinals.get(words) or lex.ordinals.get(words.replace(" عشر", " عشره"))
    if value is None and words.endswith(" عشر"):
        unit = lex.ordinals.get(words[:-4])
        value = 10 + unit if unit and unit < 10 else None
    return value if value and 1 <= value <= 31 else None


def _valid(y: int | None, m: int | None, d: int | None) -> bool:
    try:
        date(y or 2000, m or 1, d or 1)
    except ValueError:
        return False
    return y is None or 1900 <= y <= 2100


def hijri_to_gregorian(year: int, month: int, day: int) -> date:
    """Convert a Hijri date with the tabular (civil) Islamic calendar."""
    jd = day + math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + (3 + 11 * year) // 30 + 1948439
    return date.fromordinal(jd - 1721425)


def find_dates(text: str) -> list[DateMention]:
    """All date mentions in normalised `text`, left to right, without overlaps."""
    return list(_dates_in(text))


@lru_cache(maxsize=64)  # an article's sentences are read for the reference year, then annotated
def _dates_in(text: str) -> tuple[DateMention, ...]:
    lex = load()
    p = _patterns()
    found: list[DateMention] = []

    def add(m: DateMention) -> None:
        if not any(m.start < f.end and f.start < m.end for f in found):
            found.append(m)

    numbered = bool(_FOUR_DIGITS.search(text))  # what every ymd, dmy, hijri and year match needs
    for m in p["ymd"].finditer(text) if numbered else ():
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(y, mo, d):
            add(DateMention(m.start(), m.end(), y, mo, d, text=m.group()))
    for m in p["hijri"].finditer(text) if numbered else ():
        if re.match(r"\s*(?:،\s*)?(?:الموافق|الموافقه|الموافقة|ما يوافق)", text[m.end():]):
            found.append(DateMention(m.start(), m.end(), text=m.group(), relative="hijri_with_gregorian"))
            continue
        g = hijri_to_gregorian(int(m.group(3)), lex.hijri_months[m.group(2)], int(m.group(1)))
        add(DateMention(m.start(), m.end(), g.year, g.month, g.day, text=m.group()))
    for m in p["dmy"].finditer(text) if numbered else ():
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if _valid(y, mo, d):
            add(DateMention(m.start(), m.end(), y, mo, d, text=m.group()))
    for m in p["text"].finditer(text):
        month, needs_number = lex.months[m.group("month")]
        day = int(m.group("day")) if m.group("day") else None
        year = int(m.group("year")) if m.group("year") else None
        if needs_number and day is None and year is None:
            continue
        if not _valid(year, month, day):
            continue
        rel = _RELATIVE_WORDS.get(m.group("rel") or "")
        yshift = None
        if m.group("yshift"):
            yshift = {PAST: -1, FUTURE: 1, CURRENT: 0}[_RELATIVE_WORDS[m.group("yrel")]]
        add(DateMention(m.start(), m.end(), year, month, day, relative=rel, year_shift=yshift, text=m.group()))
    for m in p["year"].finditer(text) if numbered else ():
        if (m.group("pre") or "").strip() == "حتي" or text[max(0, m.start() - 4):m.start()].strip() == "حتي":
            continue
        add(DateMention(m.start(), m.end(), int(m.group("year") or m.group("byear")), text=m.group()))
    for m in p["year_rel"].finditer(text) if "العام" in text or "السنه" in text else ():
        add(DateMention(m.start(), m.end(), year_shift={PAST: -1, FUTURE: 1, CURRENT: 0}[_RELATIVE_WORDS[m.group("yrel")]],
                        text=m.group()))
    for m in p["ordinal_day"].finditer(text):  # "في الخامس عشر من الشهر الجاري"
        day = _ordinal_day(m.group("ord"))
        if day is None:
            continue
        if m.group("cur"):
            add(DateMention(m.start(), m.end(), day=day, relative="day_of_current_month", text=m.group()))
        else:
            year = int(m.group("year")) if m.group("year") else None
            month = lex.months[m.group("month")][0]
            if _valid(year, month, day):
                add(DateMention(m.start(), m.end(), year, month, day, text=m.group()))
    for m in p["month_rel"].finditer(text) if "الشهر" in text else ():
        add(DateMention(m.start(), m.end(), relative="month_" + _RELATIVE_WORDS[m.group("mrel")], text=m.group()))
    for m in p["today"].finditer(text) if p["today_word"].search(text) else ():
        word = m.group("word")
        wd = next((m.group(g) for g in ("wd1", "wd2", "wd3", "wd4", "wd5") if m.group(g)), None)
        # "اليوم الجمعة 10 يونيو 2022": the explicit date that follows says it all.
        after = text[m.end():m.end() + 4]
        if re.match(r"\s*\(?\s*\d", after) and any(f.start >= m.end() and f.start - m.end() <= 4 for f in found):
            continue
        kind = {"اليوم": "today", "امس": "yesterday", "البارحه": "yesterday", "غدا": "tomorrow"}.get(word or "", "weekday")
        if m.group("wdrel") in ("المقبل", "القادم"):
            kind = "next_weekday"
        add(DateMention(m.start(), m.end(), relative=kind, weekday=WEEKDAYS.get(wd) if wd else None, text=m.group()))
    return tuple(sorted((f for f in found if f.relative != "hijri_with_gregorian"), key=lambda f: f.start))


def resolve(mention: DateMention, reference: date | None) -> str | None:
    """`YYYY-MM-DD`, `YYYY-MM` or `YYYY` for a mention, or None when it cannot be known."""
    y, m, d = mention.year, mention.month, mention.day
    rel = mention.relative
    if rel == "day_of_current_month":
        return f"{reference.year:04d}-{reference.month:02d}-{d:02d}" if reference and _valid(reference.year, reference.month, d) else None
    if rel and rel.startswith("month_"):
        if reference is None:
            return None
        shift = {PAST: -1, FUTURE: 1, CURRENT: 0}[rel[6:]]
        months = reference.year * 12 + reference.month - 1 + shift
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if rel in DAY_RELATIVES:
        if reference is None:
            return None
        if rel in ("next_weekday", "coming_weekday"):
            ahead = (mention.weekday - reference.weekday()) % 7
            return (reference + timedelta(days=ahead or (7 if rel == "next_weekday" else 0))).isoformat()
        if rel == "weekday" and mention.weekday is not None:
            back = (reference.weekday() - mention.weekday) % 7
            return (reference - timedelta(days=back)).isoformat()
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}.get(rel, 0)
        return (reference + timedelta(days=shift)).isoformat()
    if y is None:
        if reference is None:
            return None
        if mention.year_shift is not None:
            y = reference.year + mention.year_shift
        elif m is not None and rel == PAST:
            y = reference.year if m < reference.month else reference.year - 1
        elif m is not None and rel == FUTURE:
            y = reference.year if m > reference.month else reference.year + 1
        else:
            y = reference.year
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def to_date(value: str | None) -> date | None:
    """A full `YYYY-MM-DD` string as a date; None for partial or missing values."""
    if value and len(value) == 10:
        return date.fromisoformat(value)
    return None


def with_month_of_year(mentions: list[DateMention], text: str) -> list[DateMention]:
    """Join a month and the relative year that follows it ("في مارس من العام الحالي" → March of the reference
    year, "أيار من العام الماضي" → May of the year before) into one mention; other mentions unchanged."""
    out: list[DateMention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and prev.month is not None and prev.year is None and prev.relative is None \
                and m.year_shift is not None and m.month is None and re.fullmatch(r"\s*من\s*", text[prev.end:m.start]):
            out[-1] = DateMention(prev.start, m.end, None, prev.month, prev.day, year_shift=m.year_shift,
                                  text=text[prev.start:m.end])
            continue
        out.append(m)
    return out
