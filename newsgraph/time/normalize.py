"""TIMEX3 values for the expressions the tagger found, against a reference day."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .calendar import WEEKDAYS, add_months, add_years, holiday, quarter_of, week_value
from .formats import MONTHS
from .tagger import NUMBERS, Found

SEASON_CODES = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASON_OF_MONTH = {12: "WI", 1: "WI", 2: "WI", 3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU",
                   8: "SU", 9: "FA", 10: "FA", 11: "FA"}
PART_CODES = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
              "overnight": "NI", "tonight": "NI"}
UNIT_CODES = {"second": "S", "minute": "M", "hour": "H", "day": "D", "week": "W",
              "weekend": "WE", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
              "century": "CE", "centurie": "CE"}
TIME_UNITS = ("second", "minute", "hour")
REF_VALUES = {"now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
              "these days": "PRESENT_REF", "at the moment": "PRESENT_REF",
              "at present": "PRESENT_REF", "the present": "PRESENT_REF",
              "recently": "PAST_REF", "recent": "PAST_REF", "the past": "PAST_REF",
              "in the past": "PAST_REF", "formerly": "PAST_REF", "lately": "PAST_REF",
              "so far": "PRESENT_REF", "to date": "PRESENT_REF",
              "the future": "FUTURE_REF", "future": "FUTURE_REF", "soon": "FUTURE_REF",
              "the near future": "FUTURE_REF", "the near term": "FUTURE_REF",
              "the short term": "FUTURE_REF", "the long term": "FUTURE_REF"}


@dataclass(frozen=True)
class Context:
    """What one expression is resolved against. `ref` is the anchor day (publication,
    dateline or inferred); `narrative` the last exact day the story mentioned before
    the expression; `tense` "past", "future" or None; `story_year` and `story_month` the
    year and month of the last expression before it that named them ("in June 1998 ...
    later that year", "in March ... the following month")."""

    ref: date | None
    narrative: date | None = None
    tense: str | None = None
    story_year: int | None = None
    story_month: date | None = None


@dataclass(frozen=True)
class Value:
    type: str
    value: str | None
    anchor: str  # absolute | published | narrative


def _num(word: str | None) -> float | None:
    if word is None:
        return None
    w = word.lower().strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", w):
        return float(w)
    if w in NUMBERS:
        return NUMBERS[w]
    if re.fullmatch(r"\d+ 1/2", w):
        return int(w.split()[0]) + 0.5
    half = re.fullmatch(r"(.+) and a half", w)
    if half:
        whole = _num(half[1])
        return whole + 0.5 if whole is not None else None
    parts = re.split(r"[- ]", w)
    if len(parts) == 2 and parts[0] in NUMBERS and parts[1] in NUMBERS:
        a, b = NUMBERS[parts[0]], NUMBERS[parts[1]]
        if a is not None and b is not None:
            return a + b
    if "half" in w:
        return 1.5 if "one and" in w else 0.5
    if "dozen" in w:
        return 12 if w.startswith("a ") else None
    return None


def _fmt_num(n: float | None) -> str:
    if n is None:
        return "X"
    return str(int(n)) if float(n).is_integer() else str(n)


# A fractional amount in the next smaller unit: "2 1/2 years" P2Y6M, "5 1/2 hours" PT5H30M.
_SMALLER = {"Y": ("M", 12), "H": ("M", 60), "M": ("S", 60), "D": ("H", 24), "W": ("D", 7)}


def _amount(n: float | None, code: str) -> str:
    if n is None or float(n).is_integer() or code not in _SMALLER:
        return f"{_fmt_num(n)}{code}"
    whole, frac = int(n), n - int(n)
    small, per = _SMALLER[code]
    rest = f"{_fmt_num(round(frac * per, 2))}{small}"
    return f"{whole}{code}{rest}" if whole else rest


def _year(text: str | None) -> int | None:
    if not text:
        return None
    y = int(text)
    return y + (1900 if y >= 50 else 2000) if y < 100 else y


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _day(text: str) -> int:
    return int(re.match(r"\d+", text)[0])  # type: ignore[index]


def guess_year(month: int, ref: date, tense: str | None) -> int:
    """The year of a month mentioned without one: the reference year, or the year before
    when the month lies well ahead of the reference and no future tense points there
    (news mostly reports the past), the year after when a future tense puts a month
    well behind the reference in the coming year."""
    if tense != "future" and month > ref.month + 1:
        return ref.year - 1
    if tense == "future" and month < ref.month - 1:
        return ref.year + 1
    return ref.year


def weekday_date(weekday: int, ref: date, tense: str | None, rel: str | None) -> date:
    """"Thursday" in a Thursday article is that day; otherwise the past one in a
    report, the coming one in an announcement or with "next"."""
    delta = (weekday - ref.weekday()) % 7
    if rel in ("next", "coming"):
        return ref + timedelta(days=delta or 7)
    if rel in ("last", "past", "previous", "this past"):
        return ref - timedelta(days=(ref.weekday() - weekday) % 7 or 7)
    if delta == 0:
        return ref
    if tense == "future" or rel == "this" and tense != "past":
        return ref + timedelta(days=delta)
    return ref - timedelta(days=7 - delta)


def _shift(ref: date, unit: str, n: int) -> str | None:
    if unit in ("day",):
        return (ref + timedelta(days=n)).isoformat()
    if unit in ("week", "weekend"):
        v = week_value(ref + timedelta(weeks=n))
        return v + "-WE" if unit == "weekend" else v
    if unit == "month":
        return add_months(ref, n).isoformat()[:7]
    if unit == "quarter":
        d = add_months(ref, 3 * n)
        return f"{d.year}-Q{quarter_of(d)}"
    if unit in ("year", "fiscal year"):
        return str(ref.year + n)
    if unit == "decade":
        return str((ref.year + 10 * n) // 10)
    if unit == "century":
        return str((ref.year + 100 * n) // 100 + 0)[:2]
    if unit in SEASON_CODES:
        code = SEASON_CODES[unit]
        cur = SEASON_OF_MONTH[ref.month]
        year = ref.year - (1 if ref.month in (1, 2) else 0)
        order = ["WI", "SP", "SU", "FA"]
        if n == 0:
            return f"{year}-{code}"
        if n < 0:  # TimeBank: "last fall", "last spring" lie in the previous year
            return f"{ref.year - 1}-{code}"
        return f"{year + (1 if order.index(code) <= order.index(cur) else 0)}-{code}"
    return None


def normalize(found: Found, ctx: Context) -> list[tuple[int, int, Value]]:
    """(start, end, value) for one found expression: usually one, two for a range."""
    p = found.parts
    rule = found.rule
    ref = ctx.ref
    whole = (found.start, found.end)
    low = found.text.lower()

    def one(type_: str, value: str | None, anchor: str) -> list[tuple[int, int, Value]]:
        return [(whole[0], whole[1], Value(type_, value, anchor))]

    if rule == "iso":
        v = f"{p['y']}-{p['m']}-{p['d']}"
        if p.get("hh"):
            return one("TIME", f"{v}T{p['hh']}:{p['mm']}", "absolute")
        return one("DATE", v, "absolute")
    if rule == "numeric":
        y = _year(p["y"])
        return one("DATE", f"{y:04d}-{int(p['m']):02d}-{int(p['d']):02d}", "absolute")
    if rule in ("mdy", "dmy", "range"):
        month, day = _month(p["mon"]), _day(p["d"])  # type: ignore[arg-type]
        pieces = [(found.start, found.end, day)]
        if rule == "range":
            m2 = re.search(r"(\d+)(?:st|nd|rd|th)?(?:,?\s+\d{4})?$", found.text)
            first = re.match(r"\S+\s+\d+(?:st|nd|rd|th)?", found.text)
            pieces = [(found.start, found.start + len(first[0]), day),  # type: ignore[index]
                      (found.start + m2.start(1), found.end, int(m2[1]))]  # type: ignore[union-attr,index]
        if p.get("y"):
            year: int | None = int(p["y"])  # type: ignore[arg-type]
            anchor = "absolute"
        elif ref is not None and (p.get("rel") or "").lower() in ("last", "next"):
            ahead = (month, day) > (ref.month, ref.day)  # "last Oct. 23", "next March 1"
            last = p["rel"].lower() == "last"  # type: ignore[union-attr]
            year = ref.year - (1 if ahead else 0) if last else ref.year + (0 if ahead else 1)
            anchor = "published"
        else:
            year = guess_year(month, ref, ctx.tense) if ref is not None else None
            anchor = "published"
        out = []
        for start, end, d in pieces:
            try:
                v = date(year, month, d).isoformat() if year is not None else None
            except ValueError:
                v = None
            out.append((start, end, Value("DATE", v, anchor)))
        return out
    if rule == "month_year":
        return one("DATE", f"{int(p['y']):04d}-{_month(p['mon']):02d}", "absolute")  # type: ignore[arg-type]
    if rule == "month":
        if ref is None:
            return one("DATE", None, "published")
        month = _month(p["mon"])  # type: ignore[arg-type]
        rel = (p.get("rel") or "").lower()
        if rel == "last":
            year = ref.year - 1 if month >= ref.month else ref.year
        elif rel == "next":
            year = ref.year + 1 if month <= ref.month else ref.year
        elif rel == "this":
            year = ref.year
        else:
            year = guess_year(month, ref, ctx.tense)
        return one("DATE", f"{year:04d}-{month:02d}", "published")
    if rule == "year":
        if p.get("s"):
            return one("DATE", p["y"][:3], "absolute")  # type: ignore[index]
        return one("DATE", p["y"], "absolute")
    if rule == "decade":
        return one("DATE", p["y"][:3], "absolute")  # type: ignore[index]
    if rule == "weekday":
        wd = WEEKDAYS.index(p["wd"].lower())  # type: ignore[union-attr]
        part = p.get("part")
        type_ = "TIME" if part else "DATE"
        if ref is None:
            return one(type_, None, "published")
        rel = (p.get("rel") or "").lower() or None
        if rel == "following" and ctx.narrative:
            d = weekday_date(wd, ctx.narrative, "future", "next")
            return one(type_, d.isoformat() + (f"T{PART_CODES[part.lower()]}" if part else ""),
                       "narrative")
        if rel == "previous" and ctx.narrative:  # "down from the previous Friday"
            d = weekday_date(wd, ctx.narrative, "past", "last")
            return one(type_, d.isoformat() + (f"T{PART_CODES[part.lower()]}" if part else ""),
                       "narrative")
        d = weekday_date(wd, ref, ctx.tense, rel)
        return one(type_, d.isoformat() + (f"T{PART_CODES[part.lower()]}" if part else ""),
                   "published")
    if rule == "deictic":
        w = p["w"].lower()  # type: ignore[union-attr]
        if ref is None:
            return one("DATE", None, "published")
        offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1,
                  "the day before yesterday": -2, "the day after tomorrow": 2}[w]
        v = (ref + timedelta(days=offset)).isoformat()
        part = p.get("part") or ("night" if w == "tonight" else None)
        if part:
            return one("TIME", f"{v}T{PART_CODES[part.lower()]}", "published")
        return one("DATE", v, "published")
    if rule == "part_of_day":
        if ref is None:
            return one("TIME", None, "published")
        w = p["w"].lower()  # type: ignore[union-attr]
        d = ref + timedelta(days={"yesterday": -1, "tomorrow": 1, "last": -1}.get(w, 0))
        return one("TIME", f"{d.isoformat()}T{PART_CODES[p['part'].lower()]}", "published")  # type: ignore[union-attr]
    if rule == "bare_plural":
        unit = p["unit"].lower().rstrip("s")  # type: ignore[union-attr]
        code = "Y" if unit == "decade" else UNIT_CODES[unit]
        return one("DURATION", f"PX{code}", "absolute")
    if rule == "spelled_year":
        words = re.split(r"[\s-]+", p["w"].lower())  # type: ignore[union-attr]
        if words[:2] == ["two", "thousand"]:
            rest = _num(words[-1]) if "and" in words else 0
            return one("DATE", str(2000 + int(rest or 0)), "absolute")
        tail = sum(int(NUMBERS.get(w) or 0) for w in words[1:])
        if p.get("mon"):
            return one("DATE", f"{1900 + tail}-{_month(p['mon']):02d}", "absolute")  # type: ignore[arg-type]
        if p.get("season"):
            return one("DATE", f"{1900 + tail}-{SEASON_CODES[p['season'].lower()]}", "absolute")  # type: ignore[union-attr]
        return one("DATE", str(1900 + tail), "absolute")
    if rule == "month_relyear":
        if ref is None:
            return one("DATE", None, "published")
        year = ref.year + {"last": -1, "this": 0, "next": 1}[p["rel"]]  # type: ignore[index]
        return one("DATE", f"{year:04d}-{_month(p['mon']):02d}", "published")  # type: ignore[arg-type]
    if rule == "current":
        return one("DATE", "PRESENT_REF", "published")
    if rule == "weekend":
        if ref is None:
            return one("DATE", None, "published")
        # The weekend just past in a report, the coming one otherwise.
        sat = ref + timedelta(days=(5 - ref.weekday()) % 7)
        if ctx.tense == "past" or ref.weekday() >= 5:
            sat = ref - timedelta(days=(ref.weekday() - 5) % 7)
        return one("DATE", week_value(sat) + "-WE", "published")
    if rule == "full_year":  # "sales for the full year": the current year as a whole
        return one("DATE", str(ref.year) if ref is not None else None, "published")
    if rule == "holiday":
        if ref is None:
            return one("DATE", None, "published")
        days = [d for d in (holiday(p["h"], ref.year + k) for k in (-1, 0, 1)) if d]  # type: ignore[arg-type]
        rel = (p.get("rel") or "").lower()
        if rel == "last" or ctx.tense == "past" and rel != "next":
            days = [d for d in days if d <= ref] or days
        elif rel == "next" or ctx.tense == "future":
            days = [d for d in days if d >= ref] or days
        return one("DATE", min(days, key=lambda d: abs(d - ref)).isoformat(), "published")
    if rule == "year_end":  # "by year-end": the current year's end, TimeBank gives the year
        if ref is None:
            return one("DATE", None, "published")
        return one("DATE", str(ref.year - (1 if ctx.tense == "past" else 0)), "published")
    if rule == "ref":
        return one("DATE", REF_VALUES.get(low, "PRESENT_REF"), "published")
    if rule == "noon":
        if ref is None:
            return one("TIME", None, "published")
        return one("TIME", f"{ref.isoformat()}T{'24:00' if low == 'midnight' else '12:00'}",
                   "published")
    if rule in ("clock", "clock24"):
        hh = int(p["hh"])  # type: ignore[arg-type]
        ap = (p.get("ap") or "").lower()
        if ap.startswith("p") and hh < 12:
            hh += 12
        if ap.startswith("a") and hh == 12:
            hh = 0
        mm = p.get("mm") or "00"
        base = ctx.narrative or ref  # "On Oct. 23 ... shot at 10 p.m.": the story's day
        day = base.isoformat() if base else "XXXX-XX-XX"
        zone = "Z" if (p.get("tz") or "").upper() in ("UTC", "GMT") else ""  # TIMEX3: UTC is "Z"
        return one("TIME", f"{day}T{hh:02d}:{mm}{zone}", "published")
    if rule == "relunit":
        unit = p["unit"].lower()  # type: ignore[union-attr]
        rel = re.sub(r"^this\s+past$", "past", p["rel"].lower())  # type: ignore[union-attr]
        if ref is None:
            return one("DATE", None, "published")
        n = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
             "following": 1}.get(rel, 0)
        if unit == "season":
            return one("DATE", None, "published")
        if unit in SEASON_CODES and rel == "past":  # "this past spring": the latest one
            code, order = SEASON_CODES[unit], ["WI", "SP", "SU", "FA"]
            year = ref.year - (1 if ref.month in (1, 2) else 0)
            later = order.index(code) >= order.index(SEASON_OF_MONTH[ref.month])
            return one("DATE", f"{year - (1 if later else 0)}-{code}", "published")
        if rel == "that" and unit == "year" and ctx.story_year:
            return one("DATE", str(ctx.story_year), "narrative")
        if unit == "month" and rel in ("following", "previous", "same", "that") and ctx.story_month:
            # "In March ... The following month": the month the story last named
            return one("DATE", add_months(ctx.story_month, n).isoformat()[:7], "narrative")
        base, anchor = ref, "published"
        if rel in ("following", "previous", "same", "that") and ctx.narrative:
            base, anchor = ctx.narrative, "narrative"
        if rel == "past" and unit not in SEASON_CODES and not p.get("mod"):
            # "the past week" is a duration ending now; TimeBank gives "the past year"
            # the previous calendar year
            if low.startswith("the ") and unit != "year":
                code = {"decade": "10Y", "century": "100Y"}.get(unit) \
                        or f"1{UNIT_CODES.get(unit, 'Y')}"
                return one("DURATION", f"P{code}", anchor)
        return one("DATE", _shift(base, unit, n), anchor)
    if rule == "season":
        code = SEASON_CODES[p["season"].lower()]  # type: ignore[union-attr]
        if p.get("y"):
            return one("DATE", f"{p['y']}-{code}", "absolute")
        if ref is None:
            return one("DATE", None, "published")
        return one("DATE", f"{ref.year}-{code}", "published")
    if rule == "quarter":
        q = ORD.get(p["ord"].lower(), 1)  # type: ignore[union-attr]
        unit = p["unit"].lower()  # type: ignore[union-attr]
        letter = "Q" if unit == "quarter" else "H"
        y = p.get("y") or p.get("y2")
        if y:
            return one("DATE", f"{y}-{letter}{q}", "absolute")
        if ref is None:
            return one("DATE", None, "published")
        year = ref.year
        rel = (p.get("rel") or "").lower()
        yrel = p.get("yrel") or p.get("yrel2")
        if yrel:  # "next year's first quarter", "the first quarter of last year"
            year += {"last": -1, "this": 0, "next": 1}[yrel.lower()]
            return one("DATE", f"{year}-{letter}{q}", "published")
        cur = quarter_of(ref) if letter == "Q" else (1 if ref.month <= 6 else 2)
        if rel in ("year-earlier", "year-ago", "last", "previous") or q >= cur \
                and ctx.tense != "future":
            year -= 1 if (rel in ("year-earlier", "year-ago", "last", "previous") or q > cur) else 0
        return one("DATE", f"{year}-{letter}{q}", "published")
    if rule == "the_unit":
        unit = p["unit"].lower()  # type: ignore[union-attr]
        if p.get("ended") is not None and unit in ("year", "fiscal year"):
            return one("DURATION", "P1Y", "absolute")  # "the year ended March 31"
        if ref is None:
            return one("DATE", None, "published")
        rel = (p.get("rel") or "").strip().lower()
        back = 1 if rel in ("year-earlier", "year-ago", "corresponding", "comparable") else 0
        if unit == "quarter":
            prev = add_months(ref, -3 - 12 * back)
            return one("DATE", f"{prev.year}-Q{quarter_of(prev)}", "published")
        if unit in ("year", "fiscal year"):
            return one("DATE", str(ref.year - back), "published")
        if unit == "month":
            return one("DATE", ref.isoformat()[:7], "published")
        if unit == "week":
            return one("DATE", week_value(ref), "published")
        return one("DURATION", "PXX", "published")
    if rule == "year_period":
        if p.get("ord"):
            return one("DATE", f"{p['y']}-Q{ORD[p['ord'].lower()]}", "absolute")  # type: ignore[union-attr]
        return one("DATE", p["y"], "absolute")
    if rule == "yearago_adj":
        return one("DATE", str(ref.year - 1) if ref else None, "published")
    if rule == "ago":
        unit = p["unit"].lower()  # type: ignore[union-attr]
        n = _num(p["n"])
        direction = p["dir"].lower()  # type: ignore[union-attr]
        sign = -1 if direction in ("ago", "earlier", "before") else 1
        base, anchor = ref, "published"
        if direction not in ("ago", "from now", "hence") and ctx.narrative:
            base, anchor = ctx.narrative, "narrative"
        code = UNIT_CODES.get(unit, "X")
        if n is None and direction == "ago":  # "several years ago"
            return one("DATE", "PAST_REF", "published")
        if n is None or unit in TIME_UNITS:
            # "a few days later", "an hour later": TimeBank keeps the duration
            prefix = "PT" if unit in TIME_UNITS else "P"
            return one("DURATION", prefix + _amount(n, code), "absolute")
        if base is None or not float(n).is_integer():
            return one("DATE", None, anchor)
        if unit == "day":
            return one("DATE", (base + timedelta(days=sign * int(n))).isoformat(), anchor)
        if unit == "year":
            return one("DATE", str(add_years(base, sign * int(n)).year), anchor)
        return one("DATE", _shift(base, unit, sign * int(n)), anchor)
    if rule == "following_day":
        unit = p["unit"].lower()  # type: ignore[union-attr]
        rel = p["rel"].lower()  # type: ignore[union-attr]
        base, anchor = (ctx.narrative, "narrative") if ctx.narrative else (ref, "published")
        if base is None:
            return one("DATE", None, anchor)
        n = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(rel, 0)
        if unit == "month" and ctx.story_month and rel != "next":
            return one("DATE", add_months(ctx.story_month, n).isoformat()[:7], "narrative")
        if unit in PART_CODES:
            d = base + timedelta(days=n)
            return one("TIME", f"{d.isoformat()}T{PART_CODES[unit]}", anchor)
        return one("DATE", _shift(base, unit, n), anchor)
    if rule in ("duration", "duration_bare"):
        unit = p["unit"].lower()  # type: ignore[union-attr]
        # TimeBank: "recent months" PXM, "recent weeks" PXW, but "recent years" PAST_REF
        if rule == "duration_bare" and (p["lead"].lower() == "past"  # type: ignore[union-attr]
                                        or p["lead"].lower() == "recent" and unit == "year"):  # type: ignore[union-attr]
            return one("DATE", "PAST_REF", "published")
        if rule == "duration_bare" and p["lead"].lower() == "coming":  # type: ignore[union-attr]
            return one("DATE", "FUTURE_REF", "published")
        n = _num(p.get("n")) if rule == "duration" else None
        code = UNIT_CODES[unit]
        if code == "DE":
            code, n = "Y", (n * 10 if n is not None else None)
        elif code == "CE":
            code, n = "Y", (n * 100 if n is not None else None)
        elif code == "WE":
            code, n = "D", (n * 2 if n is not None else None)
        if p.get("half"):
            n = n + 0.5 if n is not None else None
        prefix = "PT" if unit in TIME_UNITS else "P"
        return one("DURATION", prefix + _amount(n, code), "absolute")
    if rule == "nth_day":
        return one("DATE", ref.isoformat() if ref else None, "published")
    if rule == "ago_bare":  # "just months ago": TimeBank gives the vague duration
        code = "Y" if p["unit"].lower() == "decades" else UNIT_CODES[p["unit"].lower()[:-1]]  # type: ignore[union-attr]
        return one("DURATION", f"PX{code}", "absolute")
    if rule == "weekday_set":
        wd = WEEKDAYS.index(p["wd"].lower()) + 1  # type: ignore[union-attr]
        part = PART_CODES[p["part"].lower()[:-1]] if p.get("part") else ""
        return one("SET", f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), "absolute")
    if rule == "set":
        unit = p["unit"].lower()  # type: ignore[union-attr]
        if unit in WEEKDAYS:
            return one("SET", f"XXXX-WXX-{WEEKDAYS.index(unit) + 1}", "absolute")
        if unit in PART_CODES:
            return one("SET", f"TXX{PART_CODES[unit]}", "absolute")
        if unit.rstrip(".") in MONTHS:  # "each July"
            return one("SET", f"XXXX-{_month(unit):02d}", "absolute")
        return one("SET", f"P1{UNIT_CODES[unit][0]}", "absolute")
    if rule == "set_adv":
        code = {"daily": "D", "weekly": "W", "monthly": "M", "annually": "Y", "yearly": "Y",
                "quarterly": "Q", "hourly": "H", "nightly": "D"}[low]
        return one("SET", "PT1H" if code == "H" else f"P1{'M' if code == 'Q' else code}",
                   "absolute")
    return one("DATE", None, "published")


ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
