"""Agreements: one row per document a sentence names (read with the phrase grammar of `documents`),
its status from the clause's predicate, its parties and date from the clause and the event it belongs to;
repeated mentions of one document merged."""
from __future__ import annotations

import re
from dataclasses import replace

from ..dates import resolve, to_date, with_month_of_year
from ..normalise import norm
from ..names import original
from ..recognise import Annotated
from ..segment import HEADING, HEADLINE
from .clauses import cues, overlap, reporting_end, words_before
from .documents import (Head, counted_parts, described_set_fields, described_set_items, document_sectors,
                        document_set, earlier_than, find_heads, included, opening_status, past_signing, recalled,
                        relative_clause, sectors_in, status_of, title_end, vocabulary)
from .documents.parties import Signatories
from .frames import AgreementFrame, MeetingFrame

_ANAPHOR = re.compile(r"(?<!\w)(?:[وف]?(?:[بلك]|لل)?)(?:الوثيقه|الوثيقه الثناييه)(?!\w)")
_CONTINUATION = re.compile(r"\s*[وف](?:ال\w|(?:في|من|علي|الي|عن|مع|قد|كان|كانت|تم|لم|لا)(?!\w))")
_DURING_VISIT = re.compile(r"(?<!\w)(?:خلال|اثناء|في|ابان)\s+زياره(?!\w)")
_BULLET = re.compile(r"^\s*(?:[-–—•*▪●]|\(?[0-9٠-٩]{1,2}\s*[-).]|[اأبجد]\s*[-)]"
                     r"|(?:أولا|ثانيا|ثالثا|رابعا|خامسا|سادسا|سابعا|ثامنا|تاسعا|عاشرا)ً?\s*[:\-–])\s*")


class AgreementStage(Signatories):
    """Agreement frames of the article's sentences; documents take their event from the meetings."""

    meetings: list[MeetingFrame]
    agreements: list[AgreementFrame]
    set_fields: frozenset[str] = frozenset()  # what "وتنص هذه الاتفاقيات على …" says the article's documents cover

    def _event_date(self):
        main = self._main_meeting()
        return to_date(main.date) if main and main.date and len(main.date) == 10 else self.reference

    def _list_opener(self, ann: Annotated) -> tuple[str | None, str] | None:
        """For a bullet or heading line under a sentence ending in a colon that names documents ("من أبرز
        الاتفاقيات الموقعة:"), the list's type (None for "الوثائق") and status."""
        if not _BULLET.match(ann.sentence.text) and ann.sentence.kind != HEADING:
            return None
        for prev in reversed(self.annotated[:ann.sentence.index]):
            text = prev.sentence.text.rstrip()
            if _BULLET.match(prev.sentence.text) or (prev.sentence.kind == HEADING and not text.endswith(":")):
                continue
            if not text.endswith(":"):
                return None
            kind = document_set(prev.text)
            status = opening_status(prev.text, len(prev.text))
            if status is None and vocabulary().include.search(prev.text):
                status = self._last_status()  # "وتضمنت الاتفاقيات …:": the set reported just before
            return (kind or None, status) if kind is not None and status else None
        return None

    def _relate_agreements(self, ann: Annotated, is_title: bool) -> None:
        text = ann.text
        v = vocabulary()
        self._list_counted_documents(ann)
        if not (v.any_head.search(text) or v.document_set.search(text) or _ANAPHOR.search(text)
                or _BULLET.match(ann.sentence.text) or ann.sentence.kind == HEADING):
            return  # a sentence that names no document and lists none
        self._refer_to_document(ann)
        self._describe_set(ann)
        if is_title and ann.sentence.kind == HEADING and _CONTINUATION.match(ann.text):
            is_title = False  # "وفي مارس … وقعت …": a cut sentence, not a heading
        opener = self._list_opener(ann)
        heads = find_heads(ann, listed=bool(opener))
        list_status = opener[1] if opener else None
        if opener:
            is_title = False  # an item of the list the sentence before opened
            if not heads and opener[0] and sectors_in(ann):
                heads = [Head(opener[0], "singular", 0, 0, "")]  # a bullet with no head takes the list's type
        previous: tuple[str, int] | None = None  # the status and title end of the document before in the list
        skip: set[int] = set()
        for i, head in enumerate(heads):
            if i in skip:
                continue
            head, end, limit = self._item(heads, i, text, skip)
            status, when = self._status_and_date(ann, head, end)
            if status is None:
                status = self._inherited_status(text, head, previous, list_status)
            if self._refers_back(ann, heads[:i], head, (end, limit), status, previous, opener):
                continue
            if status is None and head.type == "joint_statement" and not head.several:
                status = "signed"  # a joint statement the text speaks of was issued, unless planned or cited
            if status is None or status == "referenced" and head.counted and head.count is None:
                continue  # "تفعيل عدد من مذكرات التفاهم": existing documents in general
            previous = (status, end)
            status, when = self._dated(ann, head, end, status, when)
            for frame in self._frames(ann, head, (end, limit), status, when, is_title):
                row = self._add(frame, is_title)
                if row is not None and i == 0 and ann.sentence.kind == HEADING and head.start <= 2 and not opener:
                    row.sectors |= self._text_below(ann)  # the heading is the document's title, its text follows

    def _item(self, heads: list[Head], i: int, text: str, skip: set[int]) -> tuple[Head, int, int]:
        """The head to read, where its title ends and where the next phrase starts; an ordinal item linked to
        a head of its own type ("الاتفاقية الثانية، بمثابة بروتوكول …") is read as that document."""
        head = heads[i]
        limit = heads[i + 1].start if i + 1 < len(heads) else len(text)
        linked = self._linked_item(heads, i, text)
        if linked is None:
            return head, title_end(text, head.end, limit), limit
        skip.add(linked)
        item = heads[linked]
        limit = heads[linked + 1].start if linked + 1 < len(heads) else len(text)
        return Head(item.type, "singular", item.start, item.end, item.word, ordinal=True), \
            title_end(text, item.end, limit), limit

    def _inherited_status(self, text: str, head: Head, previous: tuple[str, int] | None,
                          list_status: str | None) -> str | None:
        """The status of the list the head belongs to: the document before it, the list's opening, the set
        that includes it."""
        if previous and self._continues_list(text, previous[1], head):
            return previous[0]  # "مذكرة …، ومذكرة …، واتفاقية …"
        if head.ordinal or list_status:
            return list_status or self._last_status()
        if ":" in text[:head.start]:
            status = opening_status(text, text.rindex(":", 0, head.start))
            if status:
                return status
        if included(text, head.start):
            return opening_status(text, head.start) or self._last_status()  # "وتضمنت الاتفاقيات مذكرة …"
        return None

    def _refers_back(self, ann: Annotated, before: list[Head], head: Head, span: tuple[int, int], status: str | None,
                     previous: tuple[str, int] | None, opener) -> bool:
        """Whether the head mentions a document already reported (then the row it refers to takes what it adds)."""
        text, (end, limit) = ann.text, span
        repeated = head.word.startswith("ال") and not head.several and any(
            h.type == head.type and not h.word.startswith("ال") for h in before) and not (
            previous and self._continues_list(text, previous[1], head))  # "… اتفاقا …، ذلك أن الاتفاق …"
        if repeated or self._document_anaphor(head, text, end):
            target = self._agreement_antecedent(head.type, head.word)
            if target:
                target.references += 1
                if head.type in ("declaration", "joint_statement"):
                    target.sectors |= sectors_in(ann)
                target.sectors |= document_sectors(ann, head, end, limit)
                return True
        if status is not None or head.several:
            return False
        same = next((a for a in reversed(self.agreements) if a.type == head.type), None)
        if ann.sentence.kind == HEADING and head.start <= 2 and not opener:
            if same:  # a heading that names a document reported above: its text follows
                same.sectors |= self._text_below(ann)
            return True
        if head.word.startswith("ال") and head.type != "joint_statement":  # a joint statement is issued instead
            if same:  # a definite mention with nothing new to say refers back: "… اتفاقا …، ذلك أن الاتفاق النووي"
                same.references += 1
                same.sectors |= document_sectors(ann, head, end, limit)
            return True
        return False

    def _dated(self, ann: Annotated, head: Head, end: int, status: str, when: str | None) -> tuple[str, str | None]:
        """The document's date, and referenced for one signed before the reported event or at another one."""
        if status == "signed" and self._at_another_visit(ann, end):
            status = "referenced"  # it takes that visit's date, which the clause may give
        if status == "signed" and self._only_planned_events() and not past_signing(ann.text, head.start):
            status = "planned"  # "يزور … غدا، ويشهد الرئيسان توقيع مذكرة …": signed at an event still to come
        if when is None:
            when = self._signing_date(ann, head, status)
        if status == "referenced" and when is None and recalled(ann.text, head.start):
            when = self._recalled_event_date(ann)  # "وخلال تلك الزيارة، تم توقيع …": that visit's date
        if status == "signed" and earlier_than(when, self._event_date()):
            status = "referenced"
        return status, when

    def _status_and_date(self, ann: Annotated, head: Head, end: int) -> tuple[str | None, str | None]:
        """Status from the clause, and the document's own date when the text gives one ("المؤرخة في …")."""
        text = ann.text
        own = cues()["own_date"].search(text, end, min(len(text), end + 20))
        own_date = next((d for d in ann.dates if own and own.start() <= d.start <= own.end() + 3), None)
        clause = relative_clause(text, end)  # "التي وقعتها الدولتان في أبريل 2022"
        if own_date is None and clause:
            own_date = next((d for d in ann.dates if clause[0] <= d.start < clause[1]), None)
        if own_date and own_date.is_absolute:
            when = resolve(own_date, self.reference)
            event = self._event_date()  # an own date is an earlier signing unless it is the reported event's
            return ("referenced" if event is None or earlier_than(when, event) else "signed"), when
        return status_of(text, head, end), None

    def _signing_date(self, ann: Annotated, head: Head, status: str) -> str | None:
        """The date the clause gives the document (nearest to it), else the main event's for a signed one."""
        text = ann.text
        end = reporting_end(text, 0, len(text))
        own_cue = cues()["own_date"]
        near = len(" ".join(words_before(text, head.start, 6)))  # "ووقع البلدان عام 2015 اتفاقية …": a year of its own
        dates = [d for d in with_month_of_year(ann.dates, text) if d.start < end
                 and not own_cue.search(" ".join(words_before(text, d.start, 2)))
                 and not (d.precision == "year" and d.relative is None and d.year_shift is None
                          and not head.start - near <= d.start < head.start)]
        best = min(dates, key=lambda d: abs(d.start - head.start), default=None)
        when = resolve(best, self.reference) if best else None
        main = self._main_meeting()
        if when is None and status == "signed" and main is not None:
            when = main.date
        return when if status != "planned" or when else None

    def _frames(self, ann: Annotated, head: Head, span: tuple[int, int], status: str, when: str | None,
                is_title: bool) -> list[AgreementFrame]:
        """One frame per document the phrase names: each listed item, or one for a count, or the document.
        `span` = (where its title ends, where the next document phrase starts)."""
        text, sentence = ann.text, ann.sentence
        end, limit = span

        list_row = self.agreements[-1] if head.ordinal and self.agreements else None
        parties = set(list_row.parties) if list_row and len(list_row.parties) >= 2 else None  # an item of that list

        def frame(s: int, e: int, title: str, named: bool, sectors: set[str]) -> AgreementFrame:
            return AgreementFrame(head.type, status, when, parties or self._parties(ann, head.start, e), sectors, title,
                                  _title_core(text[max(s, head.end):e]), sentence.text, sentence.start, sentence.end, sentence.index,
                                  named, from_headline=is_title)

        if head.items:
            return [frame(s, e, f"{_quoted(ann, head.start, head.end)}: {_quoted(ann, s, e).removeprefix('و')}", True,
                          sectors_in(ann, s, e)) for s, e in head.items]
        if head.several:
            fields = sectors_in(ann, head.start, end) | (sectors_in(ann, *head.shared) if head.shared else set())
            row = frame(head.start, end, "", False, fields or set(self.set_fields))
            row.count = head.count
            return [row]
        return [frame(head.start, end, _quoted(ann, head.start, end), _named(text[head.end:end]) or head.ordinal,
                      document_sectors(ann, head, end, limit))]

    def _add(self, frame: AgreementFrame, is_title: bool) -> AgreementFrame | None:
        """Add a frame, or merge it into the row of the same document; the row it ends in (None if dropped)."""
        target = self._same_agreement(frame)
        if target:
            if frame.named and not target.named:  # a count row meets one of its documents
                target.named, target.title_ar, target.title_norm = True, frame.title_ar, frame.title_norm
                target.sectors = set(frame.sectors)
                if len(frame.parties) > len(target.parties):
                    target.parties = set(frame.parties)
                return target
            target.sectors |= frame.sectors
            target.references += 1  # a repeated mention is a reference to it
            target.date = target.date or frame.date
            if len(frame.title_ar) > len(target.title_ar) and target.from_headline:
                target.title_ar = frame.title_ar
            return target
        if is_title and (self.annotated[frame.sentence].sentence.kind == HEADING
                         or any(not a.from_headline and a.status == frame.status for a in self.agreements)):
            return None
        self.agreements.append(frame)
        return frame

    def _only_planned_events(self) -> bool:
        return bool(self.meetings) and all(f.status == "planned" for f in self.meetings)

    def _recalled_event_date(self, ann: Annotated) -> str | None:
        """The date of the latest event reported before this sentence, other than the article's main one."""
        main = self._main_meeting()
        earlier = [f for f in self.meetings if f.sentence < ann.sentence.index and f is not main]
        return max(earlier, key=lambda f: f.sentence).date if earlier else None

    def _at_another_visit(self, ann: Annotated, end: int) -> bool:
        """"… التي تم توقيعها خلال زيارة رئيس الوزراء فلان": signed at a visit of someone the reported
        event does not include, so at an earlier one."""
        main = self._main_meeting()
        visit = _DURING_VISIT.search(ann.text, end, min(len(ann.text), end + 60))
        if main is None or not visit:
            return False
        names = {n for p in main.participants if p["name_ar"] for n in norm(p["name_ar"]).split()}
        return any(p.name_norm and visit.end() <= p.start < visit.end() + 60 and not set(p.name_norm.split()) & names
                   for p in ann.persons)

    def _text_below(self, ann: Annotated) -> set[str]:
        """Fields of the body under a heading, up to the next heading."""
        found: set[str] = set()
        for below in self.annotated[ann.sentence.index + 1:]:
            heading = below.sentence.kind == HEADING and len(below.sentence.tokens) > 4 and not re.match(
                r"\s*[وف]\w", below.sentence.text)  # a place or date line, or a cut line "وفي …", ends nothing
            if below.sentence.kind == HEADLINE or heading:
                break
            found |= sectors_in(below)
        return found

    def _linked_item(self, heads: list[Head], i: int, text: str) -> int | None:
        """For an ordinal item head ("الاتفاقية الأولى"), the head of its own type right after it ("بمذكرة تفاهم")."""
        head = heads[i]
        if not head.ordinal or i + 1 >= len(heads):
            return None
        gap = text[head.end:heads[i + 1].start]
        gap = re.sub(r"^\s*\w+\s*[،,]?", "", gap)  # the ordinal word
        if len(gap.split()) <= 2 and vocabulary().item_type_link.match(gap + text[heads[i + 1].start:heads[i + 1].end]):
            return i + 1
        return None

    def _describe_set(self, ann: Annotated) -> None:
        """"وتنص هذه الاتفاقيات على التعاون في مجالات …": the fields of the set go to its documents that name none."""
        fields = described_set_fields(ann)
        if not fields:
            return
        self.set_fields = frozenset(self.set_fields | fields)
        for row in self.agreements:
            if row.status == "signed" and not row.sectors:
                row.sectors = set(fields)

    def _list_counted_documents(self, ann: Annotated) -> None:
        """"وقع الجانبان ثلاث مذكرات تفاهم. وتشمل المذكرات التعاون في مجالات الزراعة والسياحة والتعليم" (or "وهي:
        …، …، …"): the count row of the sentence before becomes one row per document listed."""
        counted = [r for r in self.agreements if r.count and not r.named and r.sentence == ann.sentence.index - 1]
        if len(counted) != 1:
            return
        row = counted[0]
        word, items = described_set_items(ann)
        if not items and vocabulary().list_opener.match(ann.text):
            items = counted_parts(ann, 0, len(ann.text), row.count)
        if len(items) != row.count:
            return
        at = self.agreements.index(row)

        prefix = f"{_quoted(ann, ann.text.index(word), ann.text.index(word) + len(word))}: " if word else ""
        self.agreements[at:at + 1] = [
            replace(row, sectors=sectors_in(ann, s, e), named=True, count=None, title_norm=ann.text[s:e].strip(),
                    title_ar=prefix + _quoted(ann, s, e).removeprefix("و")) for s, e in items]

    def _refer_to_document(self, ann: Annotated) -> None:
        """"الوثيقة" refers back to the article's last signed document and adds its sentence's sectors."""
        for _ in _ANAPHOR.finditer(ann.text):
            target = self._agreement_antecedent("document", "")
            if target:
                target.references += 1
                target.sectors |= sectors_in(ann)

    def _last_status(self) -> str | None:
        return self.agreements[-1].status if self.agreements else None

    @staticmethod
    def _continues_list(text: str, previous_end: int, head: Head) -> bool:
        """The head goes on the list the previous document opened: joined by "و" or a comma, a few words on."""
        gap = text[previous_end:head.start]
        if vocabulary().list_connective.search(gap):
            return len(gap.split()) <= 16  # "…، بالإضافة إلى اتفاقية …"
        return len(gap.split()) <= 8 and bool(text[head.start] == "و" or re.search(r"(?:[،,:]|\sو)\s*$", gap))

    def _document_anaphor(self, head: Head, text: str, end: int) -> bool:
        """A definite document that refers back: "هذه الاتفاقية", "المذكرة", "وتتضمن الاتفاقية …"."""
        if head.several or head.ordinal:
            return False
        v = vocabulary()
        before = words_before(text, head.start, 2)
        if head.word.startswith("ال") and v.describing.fullmatch(before[-1] if before else ""):
            return bool(self.agreements)  # the subject of a clause that says what the document contains
        if len(before) == 2 and before[0] in v.describing_copula and before[1] in v.describing_grade:
            return bool(self.agreements)  # "…، وهي أشمل اتفاق بين البلدين": a predicate about the one just named
        return not _named(text[head.end:end]) and (head.word in v.anaphora or "هذه" in before[-1:] or "هذا" in before[-1:])

    def _agreement_antecedent(self, kind: str, word: str) -> AgreementFrame | None:
        generic = kind in ("document", "declaration", "joint_statement")
        for a in reversed(self.agreements):
            if a.type == kind or generic and a.status == "signed" or ("هذه" in word or "هذا" in word):
                return a
        if generic:
            return next((a for a in reversed(self.agreements) if a.status == "signed"), None)
        return self.agreements[-1] if self.agreements and kind == "agreement" else None

    def _same_agreement(self, frame: AgreementFrame) -> AgreementFrame | None:
        for other in reversed(self.agreements):
            counted_here = not other.title_ar and frame.named  # "عددا من الاتفاقيات أبرزها اتفاقية …"
            if other.type != frame.type or other.sentence == frame.sentence and not frame.from_headline \
                    and not counted_here:
                continue
            if not frame.title_ar and other.title_ar and not other.from_headline:
                continue  # a count ("33 اتفاقية") is no repeat of one document
            if other.date and frame.date and other.date != frame.date:
                continue
            if frame.named and other.named and frame.sectors and other.sectors and not frame.sectors & other.sectors:
                continue  # two documents of one type in different fields
            if _ordinal_of(frame) and _ordinal_of(other) and _ordinal_of(frame) != _ordinal_of(other):
                continue  # "مذكرة التفاهم الثالثة" and "… الرابعة": two items of one list
            if not frame.named or not other.named or overlap(frame.title_norm, other.title_norm) >= 0.5 or (
                    frame.sectors and frame.sectors == other.sectors):
                return other
        return None


def _quoted(ann: Annotated, start: int, end: int) -> str:
    """The original words of a span of the sentence's normalised text, without the punctuation around them."""
    return original(ann, start, end).strip(" ،,.:\"“”")


def _named(complement: str) -> bool:
    """Whether a title's words after the head name the document ("الموقع بين الجانبين" does not)."""
    return len(re.findall(r"\w+", complement)) >= 2 and not re.match(
        r"\s*(?:الموقع|الموقعه|الثنايي|المشترك)?\s*(?:بين (?:الجانبين|البلدين|الطرفين|الدولتين))?\s*$", complement)


def _title_core(complement: str) -> str:
    """What tells one document of a type from another: its complement without the signatories ("بين … و…")."""
    return re.sub(r"(?<!\w)بين\s.*?(?=(?<!\w)(?:في|حول|بشان|لل|ل)\w*|$)", " ", complement).strip()


def _ordinal_of(frame: AgreementFrame) -> str | None:
    """The ordinal an item's title opens with ("الثانيه" of "مذكرة التفاهم الثانية …"), if any."""
    first = re.match(r"\w+", frame.title_norm)
    return first.group() if first and vocabulary().item_ordinal.fullmatch(first.group()) else None
