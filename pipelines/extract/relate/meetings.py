"""Meetings: one frame per event mention, with its arguments from the clause and its neighbours."""
from __future__ import annotations

import re
from dataclasses import replace

from ..dates import DateMention, resolve
from ..normalise import norm
from ..recognise import Annotated, ordinal_after
from .clauses import FUTURE_VERB, NEW_CLAUSE, evidence_span, reporting_end, words_before
from .lists import Lists
from .frames import MeetingFrame, Mention, Subject, add_participants
from .mentions import meeting_rx

DUALS = re.compile(r"(?<!\w)(?:[وف]?(?:ل|ب)?(?:ال)?(?:بلدين|جانبين|طرفين|رييسين|وزيرين|دولتين|بلدان|جانبان|طرفان|رييسان|وزيران|شعبين|زعيمان|زعيمين|قايدان|قايدين"
                   r"|عاهلان|عاهلين|مسوولان|مسوولين)"
                   r"|رييسا|وزيرا|رييسي|وزيري)(?!\w)")
HOSTED_TYPES = {"visit", "summit"}  # the host of these takes part; the venue of talks or a conference need not
THEREBY = re.compile(r"(?:،\s*)?(?<!\w)وذلك(?!\w)")
# Events that hold others: "في زيارة رسمية التقى خلالها بالرئيس" is talks during the visit, not its content
# ("يلتقي خلالها …" only says what the visit holds).
SETTINGS = ("visit", "conference", "summit", "joint_commission")
SIDELINES = re.compile(r"(?<!\w)(?:علي|في)\s+هامش(?:\s+(?:اعمال|اشغال|مشاركته|مشاركتها|مشاركتهما)(?:\s+في)?)?\s*$")
DURING_IT = re.compile(r"(?:\s+\S+){0,3}?\s+خلال(?:ه|ها|هما)(?!\w)")
ASIDE = re.compile(r"،\s*(?:الذي|التي)\s+(?!(?:يزور|تزور|وصل|وصلت|حل|حلت)(?!\w)|(?:يقوم|تقوم)\s+بزياره)")  # "، الذي يقوم بوساطة بين …": an aside
PARTICIPATION = re.compile(r"مشارك(?:ته|تها|تهم|تهما)\s+(?:في\s+)?(?:\S+\s+)?$")  # "على هامش مشاركته في …"
DELEGATION_HEAD = re.compile(r"(?<!\w)[وف]?(?:تراس|يتراس|راس|تراسه|تراسها|برياسه)\s+(?:ال)?(?:جانب|وفد)")  # normalised: ترأس


class MeetingStage(Lists):
    """Meeting frames of the article's sentences, in reading order."""

    def _clauses(self, ann: Annotated, events: list[Mention]) -> list[tuple[int, int]]:
        """Each event's clause: split the sentence between consecutive events."""
        text = ann.text
        spans = []
        lead_in = [m.end() for m in THEREBY.finditer(text, 0, events[0].head_start)] if events else []
        starts = [max(lead_in, default=0)]  # "أعلن … أن الحجر الأساس … سيوضع …، وذلك في ختام زيارة …": a new clause
        for prev, cur in zip(events, events[1:]):
            gap_start = prev.end
            breaks = [gap_start + m.start() for m in re.finditer(r"،|(?<!\w)و(?=[سيتاأ]\w{2,})",
                                                                 text[gap_start:cur.head_start])
                      if not _closes_apposition(ann, gap_start + m.start())]
            breaks += [m.start() for m in meeting_rx()["purpose"].finditer(text, gap_start, cur.head_start)]
            boundary = max(breaks, default=cur.head_start)  # the last comma, new verb or purpose phrase
            relative = re.search(r"(?<!\w)(?:الذي|التي)\s+(?:\S+\s+)?$", text[gap_start:cur.head_start])
            if relative:  # "استقبل أ، نظيره ب الذي يزور القاهرة": the object stays with the first clause
                boundary = gap_start + relative.start()
            starts.append(boundary)
        ends = starts[1:] + [len(text)]
        for i in range(len(events) - 2, -1, -1):
            if starts[i + 1] == events[i + 1].head_start and SIDELINES.search(text, events[i].end, events[i + 1].head_start):
                # "التقى الوزير على هامش القمة نظيره …": the talks' object follows the setting's phrase
                ends[i], ends[i + 1] = ends[i + 1], self._setting_end(ann, events[i + 1], ends[i + 1])
        for s, e in zip(starts, ends):
            spans.append((s, e))
        return spans

    @staticmethod
    def _setting_end(ann: Annotated, setting: Mention, limit: int) -> int:
        """Where the phrase of a setting named mid-clause ends: at the first person or counterpart after it,
        or at "مع" / "كلا من" (the talks' object)."""
        persons = [p.start for p in ann.persons if setting.end <= p.start < limit]
        objects = [m.start() for m in re.finditer(r"(?<!\w)(?:مع|كلا من|كل من|بكل من)(?!\w)", ann.text[:limit])
                   if m.start() >= setting.end]
        return min(persons + objects, default=limit)

    @staticmethod
    def _imperfect_verb(text: str, start: int, end: int) -> bool:
        """The holding verb nearest before the trigger is imperfect ("يقوم الرئيس … بزيارة")."""
        holding = meeting_rx()["holding"]
        verbs = [w for w in re.findall(r"\w+", text[start:end]) if w in holding or w[1:] in holding]
        return bool(verbs) and bool(re.match(r"[وف]?[يت]", verbs[-1]))

    @staticmethod
    def _imperfect(text: str, start: int, end: int) -> bool:
        """An imperfect (present or future) holding verb leads the clause ("ويجري", "يلتقي", "سيعقد")."""
        holding = meeting_rx()["holding"]
        return any(re.match(r"[وف]?[يتس]", w) and (w in holding or w[1:] in holding)
                   for w in re.findall(r"\w+", text[start:end])[:4])

    def _reported_setting(self, ann: Annotated, m: Mention, start: int, status: str) -> bool:
        """A held meeting that is the setting of statements the dated, placed report quotes."""
        if status != "held" or not (self.published and self.dateline_city):
            return False
        before = ann.text[start:m.head_start]
        return bool(re.search(r"(?<!\w)(?:خلال|في|اثناء|لدي)\s*$", before)) and bool(
            meeting_rx()["statement"].search(ann.text, 0, m.head_start))

    def _antecedent(self, ann: Annotated, m: Mention) -> list[dict]:
        """The person a relative pronoun right before the trigger stands for ("… الذي وصل")."""
        if not re.search(r"(?<!\w)(?:الذي|التي)\s*$", ann.text[max(0, m.start - 8):m.start]):
            return []
        before = [p for p in ann.persons if p.end <= m.start and not p.counterpart]
        if not before or re.search(r"[.:؛]", ann.text[before[-1].end:m.start]):
            return []
        return self._resolve_persons(ann, before[-1].start, before[-1].start + 1, set())

    @staticmethod
    def _object_start(ann: Annotated, m: Mention, cut: int) -> int:
        """After a discussion verb, the participants end with the people and states named right after it."""
        text = ann.text
        first = m.word.split()[0]
        verb = first[1:] if first[:1] in "وف" and first[1:] in meeting_rx()["discussion"] else first
        if verb not in meeting_rx()["discussion"]:
            return cut
        if m.word.endswith(" مع"):  # "بحث أ مع ب تطورات الأوضاع في …": the topic follows the counterpart
            return min(cut, _phrase_end(ann, m.end))
        if re.match(r"(?:\s+\S+){0,6}?\s+مع\s", text[m.end:cut]):
            return cut
        return min(cut, _phrase_end(ann, m.end, m.end))  # "بحث ولي عهد البحرين والرئيس القبرصي سبل …"

    def _cut(self, text: str, end: int, after: int, ann: Annotated | None = None) -> int:
        """Where the participants' part of a clause ends: before the topic, the source or a new clause
        ("، وأكد …" — but "، وتركيا ومصر" goes on listing states)."""
        rx = meeting_rx()
        names = {c.start for c in ann.countries} | {p.start for p in ann.persons} if ann else set()
        for pattern in (rx["reporting_cut"], rx["topic_cut"], NEW_CLAUSE, ASIDE):
            for m in pattern.finditer(text, after, end):
                if pattern is NEW_CLAUSE and text.index("و", m.start()) in names:
                    continue
                end = min(end, m.start())
                break
        return end

    def _relate_meetings(self, ann: Annotated) -> None:
        text = ann.text
        if self._distribute(ann):
            return
        classified = [(m, how) for m in self._mentions(ann) if (how := self._classify(ann, m, is_title=False))
                      and not (how == "anaphor" and _in_brackets(text, m.start))]  # "(المستضيفان للمؤتمر)": an aside
        if not classified and self.meetings and DELEGATION_HEAD.search(text):
            last = self.meetings[-1]  # "ترأس الجانب العراقي وكيل وزارة الخارجية …"
            add_participants(last, self._resolve_persons(ann, 0, len(text), last.countries))
        last = self.meetings[-1] if self.meetings else None
        if last and last.present and last.status == "held" and last.sentence == ann.sentence.index - 1 \
                and meeting_rx()["future_lead"].match(text.lstrip()):
            last.status = "planned"  # "يستقبل الرئيس اليوم …. ومن المنتظر أن تتناول المباحثات …"
        clauses = self._clauses(ann, [m for m, _ in classified])
        subject = Subject(set(), [])
        sentence_frames: list[MeetingFrame] = []
        for (m, how), (start, end) in zip(classified, clauses):
            if how == "event" and m.type == "talks" and sentence_frames and DURING_IT.match(text, m.end) and (
                    sentence_frames[-1].type not in SETTINGS or m.word.strip().lstrip("وف").startswith(("ي", "ت", "س"))):
                how = "anaphor"  # "أجرى … اتصالا هاتفيا …، تباحث الوزيران خلاله …": the call's content
            if how == "anaphor" and (self.meetings or sentence_frames):
                self._merge_anaphor(ann, m, start, self._cut(text, end, m.end), sentence_frames)
                continue
            frame, subject = self._event_frame(ann, m, start, end, subject, sentence_frames)
            for one in self._split(ann, m, frame, start):
                target = self._same_event(one)
                if target:
                    self._absorb(target, one)
                else:
                    self.meetings.append(one)
                sentence_frames.append(target or one)

    def _event_frame(self, ann: Annotated, m: Mention, start: int, end: int, previous: Subject,
                     sentence_frames: list[MeetingFrame]) -> tuple[MeetingFrame, Subject]:
        """The frame of one event mention, and the subject ("who") of its clause for the next clause."""
        text = ann.text
        cut = self._cut(text, end, m.end, ann)  # who took part: before the topic ("لبحث …") and the source
        cut = self._object_start(ann, m, cut)  # "بحثا آفاق التعاون … والوضع في سوريا": the object is the topic
        reported = reporting_end(text, start, end)  # when: anything before "وفقا لما أفادته …"
        countries, continues = self._who(ann, m, start, cut, previous, sentence_frames)
        when, said, status = self._when(ann, m, start, end, reported, sentence_frames)
        participants = self._resolve_persons(ann, start, reported, countries)
        if continues and not any(start <= p.start < m.start for p in ann.persons):
            participants = previous.people + participants
        antecedent = self._antecedent(ann, m)
        if antecedent:  # "… أمير قطر تميم بن حمد الذي وصل إلى روسيا": the relative clause's subject
            participants = antecedent + participants
            countries |= {p["country"] for p in antecedent if p["country"]}
        city, where = self._location(ann, start, cut, m)
        if not city and not where and self.dateline_city and status == "held" and when and when == self.published:
            city, where = self.dateline_city  # "عشق آباد، 15 يناير (…) – استقبل … اليوم"
        if m.type == "visit" and where:
            countries.add(where)  # the visited state takes part ("وصل … إلى هنا", "زار سلطنة عمان")
        host = next((f for f in sentence_frames if f.type == "visit" and f.location_city), None)
        if host and not city and m.type != "visit":
            city, where = host.location_city, host.location_country
        evidence, ev_start, ev_end = evidence_span(ann, start, cut)
        kind = "joint_commission" if m.type in ("talks", "conference") and _two_states_committee(ann, start, cut) \
            else m.type  # "عقدت اللجنة القطرية المصرية اجتماعها الخامس"
        frame = MeetingFrame(kind, status, when, set(countries), set(countries),
                             {o.code for o in ann.organizations if start <= o.start < cut}, city, where, participants,
                             ordinal_after(text, m.head_start) or self._own_round(text, start, end),
                             evidence, ev_start, ev_end, ann.sentence.index,
                             person_names={p["name_ar"] for p in participants if p["name_ar"]}, when_said=said,
                             tenseless=status == "held" and said is None and self._imperfect_verb(text, start, m.head_start),
                             present=status == "held" and self.present_tense(text, start, m.end))
        subject_end = m.start if m.start > start + 3 else cut
        with_ = re.search(r"(?<!\w)مع(?!\w)", text[start:cut])
        if with_:
            subject_end = min(subject_end, start + with_.start())
        subject = Subject(self._countries_in(ann, start, subject_end) | self._person_countries(ann, start, subject_end),
                           self._resolve_persons(ann, start, subject_end, countries))
        return frame, subject

    def _who(self, ann: Annotated, m: Mention, start: int, cut: int, previous: Subject,
             sentence_frames: list[MeetingFrame]) -> tuple[set[str], bool]:
        """The states taking part, from the clause and its neighbours; and whether the clause continues the
        previous one's subject."""
        text = ann.text
        countries = self._countries_in(ann, start, cut, venues_count=m.type in HOSTED_TYPES) \
            | self._person_countries(ann, start, cut)
        dual = DUALS.search(text[start:cut]) or m.word.endswith("هما")  # "مكالمتهما السابقة": theirs
        if dual and len(countries) < 2:  # "البلدين", "الرئيسين": the pair in question
            pair = next((f.countries for f in (sentence_frames[-1:] or self.meetings[-1:]) if len(f.countries) >= 2),
                        self.salient)
            countries |= pair if len(pair) >= 2 else set()
        own_part = bool(PARTICIPATION.search(text, 0, m.head_start))
        verb_first = not re.search(r"\w", re.sub(r"(?<!\w)(?:كما|ثم|قد|وقد)(?!\w)", "", text[start:m.start]))  # VSO
        first = re.search(r"\w+", text[start:m.end])
        continues = m.conjoined if first and start + first.start() >= m.start else bool(
            first and first.group().startswith("و"))  # "… بزيارة …، والتقى مع …" ("وصل" is no و + صل)
        purpose = bool(meeting_rx()["purpose"].match(text, start))  # "وصل … للمشاركة في القمة"
        if purpose and sentence_frames:
            countries |= sentence_frames[-1].countries  # the traveller (and the host) take part
        continues = continues or purpose
        where_then = bool(re.search(r"(?<!\w)حيث\s*$", text[start:m.head_start])) or bool(
            DURING_IT.match(text, m.end))  # "قام بزيارة …، حيث التقى", "في زيارة رسمية التقى خلالها"
        if where_then and sentence_frames and sentence_frames[-1].type == "visit" and len(countries) < 2:
            countries |= sentence_frames[-1].countries  # the visit's states
        continues = continues or where_then
        if continues and len(countries) < 2:
            countries |= previous.countries
        if len(countries) < 2 and sentence_frames and m.type == "conference" and "هامش" in words_before(
                text, m.head_start, 2) and not own_part:
            countries |= sentence_frames[-1].countries  # the conference on whose sidelines the meeting was held
        if len(countries) < 2 and not DUALS.search(text[start:cut]) and not any(
                start <= p.start < m.start or verb_first and m.end <= p.start <= m.end + 12 and not p.counterpart
                for p in ann.persons) and not any(
                start <= c.start < m.start for c in ann.countries) and m.start - start < 60 and start == 0:
            countries |= self.speaker  # "قال الوزير …. وأدلى بهذه التصريحات خلال لقائه مع …": the subject carries over
        if len(countries) < 2 and self.meetings and meeting_rx()["pronoun_titles"].search(text, start, cut):
            countries |= self.meetings[-1].countries  # "ويجري جلالته …": the one the article is about
        if own_part:  # "على هامش مشاركته في …": his participation, the sentence's subject takes part
            countries |= next(({p.country} for p in ann.persons if p.country and p.start < m.start), self.speaker)
        if len(countries) < 2 and sentence_frames and start == m.head_start and not own_part:
            countries |= sentence_frames[-1].countries  # "تتضمن الزيارة عقد جولة مباحثات مع …": the visit's sides
        if len(countries) < 2 and sentence_frames and self._prepared(text, m):
            countries |= sentence_frames[-1].countries  # "اللقاء بين أ وب يأتي تحضيرا للاجتماع …": its sides prepare it
        if len(countries) < 2 and sentence_frames and m.type == "visit":
            countries |= sentence_frames[-1].countries  # "مباحثات مع الرئيس …، الذي يقوم بزيارة دولة للصين"
        return countries, continues

    def _when(self, ann: Annotated, m: Mention, start: int, end: int, reported: int,
              sentence_frames: list[MeetingFrame]) -> tuple[str | None, DateMention | None, str]:
        """The event's date (resolved, and as the text says it) and its status."""
        text = ann.text
        content = meeting_rx()["content"].search(text, m.end, reported)  # "…، أكد خلالها … منذ 9 فبراير 1996"
        when, said = self._date_for(ann, start, content.start() if content else reported, m.start)
        if when is None and sentence_frames and sentence_frames[-1].type == "visit" and re.search(
                r"(?<!\w)حيث\s*$", text[start:m.head_start]):
            when, said = sentence_frames[-1].date, sentence_frames[-1].when_said  # "…، حيث التقى": the visit's date
        if said and said.relative == "weekday" and self._imperfect(text, start, m.start):
            said = replace(said, relative=_coming(text, start, m.start))  # "ويجري يوم الثلاثاء مباحثات": the coming Tuesday
            when = resolve(said, self.reference)
        if self._past_of_a_later_month(ann, m, start, end, when, said):
            said = replace(said, year=self.reference.year - 1)  # "استقبل … في 20 نوفمبر" in a January report
            when = resolve(said, self.reference)
        status = self._status(ann, m, start, end, when)
        if sentence_frames and sentence_frames[-1].status == "planned" and (
                start == m.head_start or meeting_rx()["purpose"].match(text, start)):
            status = "planned"  # "من المنتظر أن تتضمن الزيارة عقد جولة مباحثات": the object of a planned event;
            # "يصل الرئيس … خلال أيام للمشاركة في القمة": the purpose of a planned journey
        if said and said.relative == "weekday" and (status == "planned" or self._imperfect(
                text, max(0, said.start - 12), said.start)):
            said = replace(said, relative="next_weekday" if status == "planned" else _coming(
                text, max(0, said.start - 12), said.start))  # "الاجتماع الذي يعقد، الأحد،": the coming Sunday
            when = resolve(said, self.reference)
            status = self._status(ann, m, start, end, when)
        if when is None and self._reported_setting(ann, m, start, status):
            when = self.published  # "(dateline) … أدلى الرئيس بهذه التصريحات خلال اجتماعه مع …"
        return when, said, status

    def _past_of_a_later_month(self, ann: Annotated, m: Mention, start: int, end: int, when: str | None,
                               said: DateMention | None) -> bool:
        """A day or month with no year, later in the year than the report, in a clause told in the past tense
        with no future cue: it was last year's."""
        if not (said and when and self.reference and said.year is None and said.month and not said.relative
                and said.year_shift is None and when[:7] > self.reference.isoformat()[:7]):
            return False
        word = m.word.strip().lstrip("وف")
        return not word.startswith(("ي", "ت", "س")) and not self._imperfect(ann.text, start, m.end) \
            and self._status(ann, m, start, end, None) == "held"

    @staticmethod
    def _own_round(text: str, start: int, end: int) -> int | None:
        """"عقدت اللجنة … اجتماعها العاشر": the ordinal of the body's own session."""
        m = re.search(r"(?<!\w)(?:اجتماعها|اجتماعه|دورتها|دورته|جولتها|جولته|جلستها|جلسته)(?!\w)", text[start:end])
        return ordinal_after(text, start + m.start()) if m else None


def _coming(text: str, start: int, end: int) -> str:
    """How an imperfect verb's weekday counts: a future ("سيزور الثلاثاء") is after today, a present ("يبدأ الثلاثاء
    زيارة" in a Tuesday report) may be today."""
    future = any(FUTURE_VERB.match(w) for w in re.findall(r"\w+", text[start:end])) or meeting_rx()["future_lead"].search(
        text, start, end)
    return "next_weekday" if future else "coming_weekday"


def _closes_apposition(ann: Annotated, pos: int) -> bool:
    """The comma at `pos` opens or closes a name set off by commas after a title ("وزير الخارجية، عباس عراقجي،
    بالجزائر"): the name is the title's, the clause goes on."""
    text = ann.text
    if text[pos] != "،":
        return False
    names = [(c.start, c.end) for c in ann.countries if c.kind == "leader"] + [
        (p.start, p.end) for p in ann.persons if p.name]
    before, after = text.rfind("،", 0, pos), text.find("،", pos + 1)
    return any(re.fullmatch(r"\s*", text[a:s]) and re.fullmatch(r"\s*", text[e:b])
               for a, b in ((before + 1, pos), (pos + 1, after)) if a > 0 and b > a for s, e in names)


COMMITTEE = re.compile(r"(?<!\w)[وف]?(?:ال|لل)لجن(?:ه|ت)(?!\w)")


def _two_states_committee(ann: Annotated, start: int, end: int) -> bool:
    """A committee named by the adjectives of two states, one right after the other: a joint commission."""
    for m in COMMITTEE.finditer(ann.text, start, end):
        nisbas = [c for c in ann.countries if c.kind == "nisba" and m.end() < c.start <= m.end() + 30]
        if len(nisbas) >= 2 and nisbas[0].start - m.end() <= 2 and nisbas[1].start - nisbas[0].end <= 3 \
                and nisbas[0].iso3 != nisbas[1].iso3:
            return True
    return False


def _in_brackets(text: str, pos: int) -> bool:
    """Whether `pos` lies inside a parenthesis or between dashes that the text opened before it."""
    before = text[:pos]
    return before.rfind("(") > before.rfind(")") or bool(re.search(r"\s[-–—][^-–—]{1,80}$", before))


def _phrase_end(ann: Annotated, pos: int, none: int | None = None) -> int:
    """The end of the people and states named from `pos` on, joined by و or a comma ("مع وزير الخارجية الروسي
    سيرغي لافروف ونظيره …"), allowing an honorific or two between them; `none` when nobody is named there."""
    spans = sorted([(p.start, p.end) for p in ann.persons] + [(c.start, c.end) for c in ann.countries])
    end = pos
    for s, e in spans:
        if e <= end:
            continue
        gap = ann.text[end:s]
        if re.search(r"[.:؛()]", gap) or len(re.findall(r"\w+", gap)) > 2:
            break
        end = max(end, e)
    return end if end > pos else (len(ann.text) if none is None else none)


def domestic(frame: MeetingFrame) -> bool:
    """Talks among one state's own bodies or officials (a cabinet or bank session, in person or by video):
    no foreign party is present or implied (an unnamed minister or a counterpart "نظيره" would be)."""
    if frame.type not in ("talks", "phone_call", "video_call") or len(frame.countries) != 1 or frame.organizations:
        return False
    text = norm(frame.evidence)
    if any(not re.search(r"(?:رييس|لرييس|نايب|وزير|امين|الامين)\s+$", text[:b.start()])
           for b in meeting_rx()["domestic_body"].finditer(text)):
        return True  # "عقد مجلس الوزراء المصري اجتماعا عبر الفيديو" (not "رئيس مجلس الوزراء")
    return all(p["country"] in frame.countries for p in frame.participants)  # also: nobody named at all
