"""Agreements: document mentions, their titles, status, parties and dates; repeated mentions merged."""
from __future__ import annotations

import re
from functools import lru_cache

from ..dates import resolve
from ..lexicon import compile_words, load
from ..normalise import norm
from ..recognise import Annotated
from ..sectors import sectors_in
from ..segment import HEADING
from .arguments import Arguments
from .clauses import FUTURE_VERB, bare, cues, overlap, reporting_end, typed_triggers, words_after, words_before
from .frames import AgreementFrame, MeetingFrame


@lru_cache(maxsize=1)
def _agreement_rx() -> dict:
    a = load().triggers["agreement"]
    prefix = r"(?<!\w)(?:[وف]?(?:[بلك]|لل)?)"
    return {
        **cues(),
        "agreement": typed_triggers(a, ["memorandum_of_understanding", "agreement", "treaty", "declaration",
                                        "joint_statement", "roadmap", "plan", "programme", "concept", "protocol",
                                        "contract"]),
        "ag_plural": re.compile(rf"{prefix}(?:{'|'.join(norm(w) for w in a['plural'])})(?!\w)"),
        "not_documents": compile_words(a["not_documents"]),
        "qualified": {k: [norm(w) for w in v] for k, v in a["qualified"].items()},
        "ag_anaphora": {norm(w) for w in a["anaphora"]},
        "signed": compile_words(a["signed_cues"]),
        "planned": compile_words(a["planned_cues"]),
        "referenced": compile_words(a["referenced_cues"]),
        "document_anaphor": re.compile(r"(?<!\w)(?:[وف]?(?:[بلك]|لل)?)(?:الوثيقه|الوثيقه الثنائيه)(?!\w)"),
    }


class AgreementStage(Arguments):
    """Agreement frames of the article's sentences; documents take their event from the meetings."""

    meetings: list[MeetingFrame]
    agreements: list[AgreementFrame]

    def _main_meeting(self) -> MeetingFrame | None:
        """The article's first-reported held meeting: the event its documents were signed at."""
        held = [f for f in self.meetings if f.status == "held"]
        return min(held, key=lambda f: f.sentence) if held else None

    def _agreement_mentions(self, ann: Annotated) -> list[tuple[str, int, int, str]]:
        rx = _agreement_rx()
        text = ann.text
        plural = [(m.start(), m.end()) for m in rx["ag_plural"].finditer(text)]
        not_docs = [(m.start(), m.end()) for m in rx["not_documents"].finditer(text)]
        found = []
        for kind, pattern in rx["agreement"]:
            for m in pattern.finditer(text):
                s, e = m.span()
                if any(a <= s < b for a, b in plural + not_docs) or any(f[1] <= s < f[2] for f in found):
                    continue
                if any(o.start <= s < o.end for o in ann.organizations):
                    continue
                qual = rx["qualified"].get(kind)
                if qual is not None:
                    nxt = " ".join(words_after(text, e, 3))
                    signed_before = rx["signed"].search(" ".join(words_before(text, s, 3)))
                    if kind == "contract":
                        if not signed_before or re.match(r"\s*(?:اجتماع|لقاء|جلسه|مباحثات|مشاورات|الاجتماع|اللقاء)", text[e:]):
                            continue
                    elif qual and not (any(nxt.startswith(q) for q in qual) or signed_before):
                        if not (bare(m.group("w")) in rx["ag_anaphora"] or m.group("w") in rx["ag_anaphora"]):
                            continue
                found.append((kind, s, e, m.group("w")))
        for m in rx["document_anaphor"].finditer(text):
            found.append(("document", m.start(), m.end(), m.group()))
        return sorted(found, key=lambda f: f[1])

    def _relate_agreements(self, ann: Annotated, is_title: bool) -> None:
        rx = _agreement_rx()
        text = ann.text
        mentions = self._agreement_mentions(ann)
        list_status = None
        for i, (kind, s, e, word) in enumerate(mentions):
            nxt_start = mentions[i + 1][1] if i + 1 < len(mentions) else len(text)
            title_end = self._title_end(text, e, nxt_start)
            title_norm = text[s:title_end].strip()
            named = len(re.findall(r"\w+", text[e:title_end])) >= 2 and not re.match(
                r"\s*(?:الموقع|الثنايي|المشترك)?\s*(?:بين (?:الجانبين|البلدين|الطرفين))?\s*$", text[e:title_end])
            before = " ".join(words_before(text, s, 12))
            own = rx["own_date"].search(text, title_end, min(len(text), title_end + 20))
            own_date = next((d for d in ann.dates if own and own.start() <= d.start <= own.end() + 3), None)
            status = None
            if own_date and own_date.is_absolute:
                status = "referenced"
            elif rx["planned"].search(" ".join(words_before(text, s, 4))) or rx["future"].search(before) \
                    or any(FUTURE_VERB.match(w) for w in words_before(text, s, 6)):
                status = "planned"  # "ومن المقرر أن يتم خلال الزيارة توقيع اتفاقية", "سيتم التوقيع على …"
            elif rx["referenced"].search(" ".join(words_before(text, s, 3))) or re.match(r"\s*\S*\s*(?:الموقعه|الموقع)?\s*سابقا", text[title_end:]):
                status = "referenced"
            elif rx["signed"].search(before) or re.match(r"\s*(?:الذي|التي)\s+تم\s+توقيع", text[title_end:]) or \
                    re.match(r"\s*(?:الموقع|الموقعه)(?!\s+في)", text[title_end:]):
                status = "signed"
            elif list_status and re.search(r"(?:،|\s)و?$", text[:s]):
                status = list_status
            anaphoric = kind == "document" or (not named and (word in rx["ag_anaphora"] or bare(word) in rx["ag_anaphora"]
                                                              or "هذه" in words_before(text, s, 1) or "هذا" in words_before(text, s, 1)))
            if anaphoric:
                target = self._agreement_antecedent(kind, word)
                if target:
                    target.references += 1
                    target.sectors |= sectors_in(ann) if kind in ("document", "declaration", "joint_statement") else set()
                    continue
                if kind == "document":
                    continue
            if status is None:
                continue
            list_status = status
            parties = self._parties(ann, s, title_end)
            when = None
            if status == "referenced" and own_date:
                when = resolve(own_date, self.reference)
            else:
                when, _ = self._date_for(ann, 0, reporting_end(text, 0, len(text)), s)
                main = self._main_meeting()
                if when is None and status == "signed" and main is not None:
                    when = main.date
            o_s, o_e = ann.sentence.norm.span_to_original(s, title_end)
            title = ann.sentence.text[o_s - ann.sentence.start:o_e - ann.sentence.start].strip(" ،,.:\"“”")
            frame = AgreementFrame(kind, status, when, parties, sectors_in(ann, s, title_end), title, title_norm,
                                   ann.sentence.text, ann.sentence.start, ann.sentence.end, ann.sentence.index,
                                   named, from_headline=is_title)
            target = self._same_agreement(frame)
            if target:
                target.sectors |= frame.sectors
                target.date = target.date or frame.date
                if len(frame.title_ar) > len(target.title_ar) and target.from_headline:
                    target.title_ar = frame.title_ar
                continue
            if is_title and (ann.sentence.kind == HEADING or any(not a.from_headline for a in self.agreements)):
                continue
            self.agreements.append(frame)

    def _title_end(self, text: str, after: int, limit: int) -> int:
        rx = _agreement_rx()
        end = limit
        for pattern in (rx["own_date"], re.compile(r"(?<!\w)(?:الذي|التي|والتي|حيث|وذلك|وكذلك)(?!\w)|[.:؛]|،\s*(?:و|كما)")):
            m = pattern.search(text, after, end)
            if m:
                end = m.start()
        words = list(re.finditer(r"\w+", text[after:end]))
        if len(words) > 18:
            end = after + words[17].end()
        if end > after and text[end - 1:end] == "و":
            end -= 1
        return end

    def _parties(self, ann: Annotated, start: int, end: int) -> set[str]:
        parties = self._countries_in(ann, start, end)
        if len(parties) < 2:
            sentence_end = reporting_end(ann.text, 0, len(ann.text))
            parties |= self._countries_in(ann, 0, sentence_end)
        if len(parties) < 2:
            main = self._main_meeting()
            base = main.core_countries if main else self.salient
            if not parties or parties <= base:
                parties = set(base) | parties
        return parties

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
            if other.type != frame.type or other.sentence == frame.sentence and not frame.from_headline:
                continue
            if other.date and frame.date and other.date != frame.date:
                continue
            if not frame.named or not other.named or overlap(frame.title_norm, other.title_norm) >= 0.5 or (
                    frame.sectors and frame.sectors == other.sectors):
                return other
        return None
