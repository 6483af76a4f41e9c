"""Unit tests per extraction stage, on small Arabic sentences written for the tests."""
from datetime import date

import pytest

from pipelines.extract import extract_article
from pipelines.extract.clean import clean
from pipelines.extract.dates import find_dates, hijri_to_gregorian, resolve
from pipelines.extract.normalise import norm, normalise_with_offsets
from pipelines.extract.recognise import annotate, ordinal_after
from pipelines.extract.segment import HEADLINE, segment


def facts(text: str, published: str | None = None) -> dict:
    return extract_article(text, "test.txt", published)


def sentence(text: str):
    return annotate(segment(clean(text)).sentences[0])


# ---- clean ------------------------------------------------------------------------
def test_clean_drops_read_more_menus_credits_and_comment_forms():
    text = ("Ru En\nاستقبل الرئيس التركمانستاني سفير اليابان.\nاقرأ أيضا: الرئيس الفرنسي يزور الجزائر\n"
            "الصورة: وكالة الأنباء\nLeave a Reply\nزر الذهاب إلى الأعلى")
    cleaned = clean(text)
    assert [line.text for line in cleaned.kept] == ["استقبل الرئيس التركمانستاني سفير اليابان."]
    reasons = {why for _, why in cleaned.dropped}
    assert {"language switcher", "read-more or related link", "photo credit or source", "comment form"} <= reasons
    kept = cleaned.kept[0]
    assert text[kept.start:kept.end] == kept.text  # offsets point into the original


def test_read_more_link_countries_never_reach_the_facts():
    text = ("بحث وزير الخارجية التركمانستاني رشيد ميريدوف مع نظيره الأذربيجاني في باكو سبل تطوير النقل.\n"
            "لمعرفة المزيد: الرئيس الفرنسي يلتقي نظيره الجزائري في باريس")
    out = facts(text)
    countries = {c for m in out["meetings"] for c in m["countries"]}
    assert countries == {"AZE", "TKM"}
    assert "FRA" not in str(out) and "DZA" not in str(out)


def test_repeated_headline_is_dropped():
    text = "تركمانستان وقطر تبحثان التعاون\n\nتركمانستان وقطر تبحثان التعاون\n\nنص الخبر هنا."
    assert [why for _, why in clean(text).dropped] == ["repeated line"]


# ---- normalise ----------------------------------------------------------------------
def test_normalise_folds_digits_diacritics_and_letter_variants_with_offsets():
    original = "وقّعت في ١٠ يونيو ۲۰۲۲ إتفاقيةً"
    nt = normalise_with_offsets(original)
    assert nt.text == "وقعت في 10 يونيو 2022 اتفاقيه"
    start = nt.text.index("اتفاقيه")
    s, e = nt.span_to_original(start, start + len("اتفاقيه"))
    assert original[s:e] == "إتفاقيةً"[:-1] + "ً" or original[s:e].startswith("إتفاقية")


def test_dropped_and_expanding_characters_keep_every_offset():
    original = "«ﷺ» قالَ\u200cها"  # quotes, a diacritic and a joiner dropped; a ligature that becomes 18 characters
    nt = normalise_with_offsets(original, base=10)
    assert nt.text == "صلي الله عليه وسلم قالها"
    assert len(nt.offsets) == len(nt.text)
    assert nt.offsets[:18] == (11,) * 18 and nt.offsets[18:] == (13, 14, 15, 16, 19, 20)
    assert nt.span_to_original(nt.text.index("قالها"), len(nt.text)) == (14, 21)


def test_a_slice_of_the_article_normalisation_is_the_normalised_slice():
    original = "وقّع الوزيرُ «اتفاقية» في ١٠ يونيو\nﷲ أكبر  \tختام"
    whole = normalise_with_offsets(original)
    for start in range(len(original) + 1):
        for end in range(start, len(original) + 1):
            cut, alone = whole.slice(start, end), normalise_with_offsets(original[start:end], base=start)
            if not original[start - 1:start + 1].isspace() and not original[end - 1:end + 1].isspace():
                assert cut == alone  # the cut falls in no run of spaces
            assert cut.text.strip() == alone.text.strip()


def test_a_run_of_spaces_is_one_space_whatever_made_it():
    original = "اللجنة السورية ـ الإيرانية  المشتركة « مذكرة »"
    nt = normalise_with_offsets(original)
    assert nt.text == "اللجنه السوريه الايرانيه المشتركه مذكره "
    assert len(nt.offsets) == len(nt.text) and original[nt.offsets[nt.text.index("المشتركه")]] == "ا"


def test_a_phrase_added_after_a_lookup_is_found():
    from pipelines.extract.lexicon import PhraseMatcher, tokenize
    matcher = PhraseMatcher()
    matcher.add("مجلس الشورى", "shura")
    tokens = tokenize(norm("التقى رئيس مجلس الشورى والبرلمان"))
    assert [m.payload for m in matcher.find(tokens)] == ["shura"]
    matcher.add("البرلمان", "parliament")  # what may match from a token is cached: adding must reset it
    assert [(m.payload, m.start, m.end) for m in matcher.find(tokens)] == [("shura", 2, 4), ("parliament", 4, 5)]


def test_one_pass_gives_each_pattern_the_matches_of_its_own_finditer():
    import re

    from pipelines.extract.scan import OnePass
    patterns = [re.compile(r"(?<!\w)و?(?:وزير|وزير الخارجيه)(?!\w)"), re.compile(r"(?<!\w)(?P<w>الخارجيه|وزير \w+)(?!\w)"),
                re.compile(r"(?<!\w)(?:ال)?وزير(?:ان|ين)?(?!\w)")]
    text = "التقى وزير الخارجيه والوزيران ووزير الخارجيه، ثم الوزيرين"
    each = OnePass(patterns).finditer_each(text)
    assert [[(h.start, h.end, h.text) for h in hits] for hits in each] == \
        [[(m.start(), m.end(), m.group()) for m in p.finditer(text)] for p in patterns]
    assert [h.groups["w"] for h in each[1]] == [m.span("w") for m in patterns[1].finditer(text)]
    with pytest.raises(ValueError):
        OnePass([re.compile(r"وزير")])


def test_proclitics_and_nisba_suffixes_match_the_gazetteer():
    ann = sentence("التقى وفد العراقيين بالوزير الروسية وللعراق ولتركمانستان علاقات.")
    assert {c for m in ann.countries for c in m.iso3} == {"IRQ", "RUS", "TKM"}


# ---- segment ------------------------------------------------------------------------
def test_headline_and_dateline_are_recognised():
    text = "الرئيس يستقبل وزير خارجية تركيا\nأنقرة، 3 مارس 2024 / استقبل الرئيس التركمانستاني وزير الخارجية التركي.\n"
    seg = segment(clean(text))
    assert seg.sentences[0].kind == HEADLINE
    assert seg.published_date == "2024-03-03"
    assert seg.dateline_city == ("Ankara", "TUR")


# ---- recognise: dates ---------------------------------------------------------------------
@pytest.mark.parametrize("text,expected", [
    ("وذلك يوم 3 ديسمبر 2025 في العاصمة", "2025-12-03"),
    ("بتاريخ ١٠ يونيو ٢٠٢٢", "2022-06-10"),
    ("في 10 يونيو/حزيران 2022", "2022-06-10"),
    ("المؤرخة في 1 ابريل (نيسان) 2021", "2021-04-01"),
    ("في 24 أب عام 2008", "2008-08-24"),
    ("في 2025/12/03", "2025-12-03"),
    ("في 7 جويلية 2023", "2023-07-07"),
    ("خلال تشرين الثاني 2019", "2019-11"),
    ("في عام 2017", "2017"),
])
def test_absolute_dates(text, expected):
    found = find_dates(norm(text))
    assert [resolve(d, None) for d in found] == [expected]


def test_relative_dates_resolve_against_the_reference_date_else_null():
    reference = date(2024, 11, 2)
    cases = {"في أغسطس الماضي": "2024-08", "في يناير المقبل": "2025-01", "اليوم": "2024-11-02",
             "أمس": "2024-11-01", "في سبتمبر العام الماضي": "2023-09", "يوم 5 نوفمبر الجاري": "2024-11-05",
             "يوم الأربعاء": "2024-10-30"}
    for text, expected in cases.items():
        (mention,) = find_dates(norm(text))
        assert resolve(mention, reference) == expected, text
        assert resolve(mention, None) is None, text


def test_hijri_dates_prefer_the_stated_gregorian_equivalent():
    found = find_dates(norm("في 8 ربيع الأول 1446 هـ الموافق 11 / 9 / 2024"))
    assert [resolve(d, None) for d in found] == ["2024-09-11"]
    assert hijri_to_gregorian(1445, 9, 1).isoformat() in ("2024-03-10", "2024-03-11", "2024-03-12")


def test_international_day_is_not_today():
    assert find_dates(norm("بمناسبة اليوم الدولي للحياد")) == []


# ---- recognise: ordinals, persons, places -------------------------------------------------
def test_ordinals():
    text = norm("الجولة الرابعة من المشاورات والدورة التاسعة والعشرين")
    assert ordinal_after(text, 0) == 4
    assert ordinal_after(text, text.index("والدوره")) == 29


def test_person_title_name_and_country():
    ann = sentence("التقى وزير الخارجية الكويتي عبدالله اليحيا مع سفير تركمانستان لدى الكويت.")
    people = [(p.role, p.country, p.name) for p in ann.persons]
    assert ("foreign_minister", "KWT", "عبدالله اليحيا") in people
    assert any(role == "ambassador" and country == "TKM" for role, country, _ in people)


def test_capital_as_metonym_and_venue_city():
    out = facts("اتفقت أنقرة وعشق آباد على تعزيز التعاون، وعقد الجانبان اجتماعا في مدينة تركمانباشي يوم 4 مايو 2023.")
    (meeting,) = out["meetings"]
    assert meeting["countries"] == ["TKM", "TUR"]
    assert meeting["location_city"] == "Turkmenbashi" and meeting["location_country"] == "TKM"


# ---- relate ---------------------------------------------------------------------------------------
def test_unnamed_counterpart_gives_only_the_named_country():
    out = facts("بحث وزير الخارجية مع نظيره التركمانستاني سبل تعزيز العلاقات الثنائية بين البلدين.")
    (meeting,) = out["meetings"]
    assert meeting["countries"] == ["TKM"]
    assert meeting["type"] == "talks"
    roles = {(p["role"], p["country"]) for p in meeting["participants"]}
    assert ("foreign_minister", "TKM") in roles


def test_phone_call():
    out = facts("أجرى الرئيس الأذربيجاني إلهام علييف اتصالاً هاتفياً مع رئيس تركمانستان سردار بيردي محمدوف، "
                "بحثا خلاله التعاون في مجال الطاقة.")
    (meeting,) = out["meetings"]
    assert meeting["type"] == "phone_call" and meeting["status"] == "held"
    assert meeting["countries"] == ["AZE", "TKM"]
    assert {p["name_ar"] for p in meeting["participants"]} >= {"إلهام علييف", "سردار بيردي محمدوف"}


def test_planned_forum_with_date_resolved_from_publication():
    out = facts("ومن المقرر أن ينعقد منتدى الأعمال التركمانستاني الإماراتي في دبي يوم 20 أكتوبر المقبل.",
                published="2025-06-01")
    (meeting,) = out["meetings"]
    assert (meeting["type"], meeting["status"], meeting["date"]) == ("conference", "planned", "2025-10-20")
    assert meeting["countries"] == ["ARE", "TKM"] and meeting["location_city"] == "Dubai"


def test_referenced_memorandum_keeps_its_own_date():
    out = facts("استقبل رئيس وزراء باكستان شهباز شريف وزير خارجية تركمانستان في إسلام آباد يوم 2 فبراير 2024. "
                "وأشار الجانبان إلى مذكرة التفاهم بشأن التعاون في مجال النقل الموقعة بين البلدين بتاريخ 12 مايو 2019.")
    (agreement,) = out["agreements"]
    assert agreement["type"] == "memorandum_of_understanding"
    assert (agreement["status"], agreement["date"]) == ("referenced", "2019-05-12")
    assert agreement["parties"] == ["PAK", "TKM"] and agreement["sectors"] == ["transport"]
    (meeting,) = out["meetings"]
    assert (meeting["date"], meeting["location_city"]) == ("2024-02-02", "Islamabad")


def test_headline_repeating_the_body_agreement_is_one_agreement():
    out = facts("تركمانستان وأوزبكستان توقعان اتفاقية للتعاون في مجال الطاقة\n"
                "وقّع وزيرا الطاقة في تركمانستان وأوزبكستان اليوم في طشقند اتفاقية للتعاون في مجال الطاقة والكهرباء.")
    (agreement,) = out["agreements"]
    assert (agreement["type"], agreement["status"]) == ("agreement", "signed")
    assert agreement["parties"] == ["TKM", "UZB"] and agreement["sectors"] == ["energy"]


def test_generic_talk_about_meetings_is_not_a_meeting():
    out = facts("وأكد الجانبان أهمية تبادل الزيارات بين المسؤولين وعقد مشاورات دورية بين وزارتي الخارجية، "
                "ودعا الرئيس نظيره الإيراني لزيارة عشق آباد.")
    assert out["meetings"] == []


def test_anaphoric_mentions_enrich_one_meeting():
    out = facts("استقبل الرئيس التركمانستاني سردار بيردي محمدوف وزير الخارجية الهندي في عشق آباد يوم 9 يناير 2024. "
                "وخلال اللقاء، بحث الجانبان التعاون في مجال الأدوية. وفي ختام الاجتماع، أعرب الوزير عن شكره.")
    (meeting,) = out["meetings"]
    assert meeting["countries"] == ["IND", "TKM"] and meeting["date"] == "2024-01-09"
    assert meeting["location_city"] == "Ashgabat"


def test_two_rounds_are_two_meetings_and_one_round_twice_is_one():
    out = facts("عقدت الجولة الخامسة من المشاورات السياسية بين تركمانستان والكويت في الكويت. "
                "وكانت الجولة الرابعة من المشاورات السياسية بين البلدين قد عقدت في عشق آباد عام 2021. "
                "وتناولت الجولة الخامسة من المشاورات السياسية التعاون الاقتصادي.")
    rounds = sorted(m["round"] for m in out["meetings"])
    assert rounds == [4, 5]


def test_facts_carry_provenance():
    text = "عنوان\nأجرى وزير الخارجية التركمانستاني اتصالا هاتفيا مع نظيره العماني يوم 1 مارس 2024."
    out = facts(text)
    (meeting,) = out["meetings"]
    assert text[meeting["evidence_start"]:meeting["evidence_end"]] == meeting["evidence"]
    assert out["extractor_version"]


# ---- sectors ---------------------------------------------------------------------------------------
def test_sectors_from_the_lexicon_not_from_names_or_organisations():
    out = facts("بحث السفير بحر العلوم مع ممثل منظمة الأمن والتعاون في أوروبا التعاون في مجال الأمن الغذائي "
                "والسياحة والتعليم والاستثمار.")
    assert out["sectors"] == ["agriculture", "education", "investment", "tourism"]


def test_last_and_next_weekday():
    reference = date(2025, 2, 3)  # a Monday
    (last,) = find_dates(norm("الخميس الماضي"))
    (following,) = find_dates(norm("يوم الأحد المقبل"))
    assert resolve(last, reference) == "2025-01-30" and resolve(following, reference) == "2025-02-09"


def test_session_of_an_organisation_is_a_conference():
    out = facts("شارك وزير الخارجية التركمانستاني رشيد ميريدوف في الاجتماع الوزاري لمنظمة التعاون الإسلامي الذي عقد "
                "يوم 3 مارس 2024.")
    (meeting,) = out["meetings"]
    assert (meeting["type"], meeting["organizations"], meeting["countries"]) == ("conference", ["OIC"], ["TKM"])


def test_the_round_a_body_gives_its_own_session():
    out = facts("عقدت اللجنة الحكومية المشتركة للتعاون الاقتصادي بين تركمانستان وروسيا اجتماعها العاشر في موسكو "
                "يوم 12 سبتمبر 2024.")
    (meeting,) = out["meetings"]
    assert (meeting["type"], meeting["round"], meeting["location_city"]) == ("joint_commission", 10, "Moscow")


def test_a_third_country_venue_is_not_a_participant():
    out = facts("التقى وزير الخارجية التركمانستاني رشيد ميريدوف نظيره الأذربيجاني في موسكو على هامش اجتماع رابطة "
                "الدول المستقلة.")
    talks = next(m for m in out["meetings"] if m["type"] == "talks")
    assert (talks["countries"], talks["location_city"], talks["location_country"]) == (["AZE", "TKM"], "Moscow", "RUS")


def test_publication_date_label_is_the_published_date():
    seg = segment(clean("تركمانستان والكويت تبحثان التعاون\nنشر في: 12 مارس 2024\nاستقبل وزير الخارجية الكويتي اليوم "
                        "سفير تركمانستان.\nتابعونا على تويتر"))
    assert seg.published_date == "2024-03-12" and seg.dateline_city is None
    out = facts("نشر في: 12 مارس 2024\nاستقبل وزير الخارجية الكويتي اليوم سفير تركمانستان.")
    assert out["meetings"][0]["date"] == "2024-03-12"


def test_abbreviations_do_not_end_sentences():
    sentences = segment(clean("بحث د. أنور قرقاش مع وزير خارجية تركمانستان التعاون. ثم غادر الوفد.")).sentences
    assert [s.text for s in sentences] == ["بحث د. أنور قرقاش مع وزير خارجية تركمانستان التعاون.", "ثم غادر الوفد."]


def test_a_section_label_above_the_headline_is_not_the_headline():
    seg = segment(clean("سياسة\nتركمانستان والصين توقعان اتفاقية للتعاون في مجال الطاقة\nنص الخبر."))
    assert [s.kind for s in seg.sentences] == ["heading", HEADLINE, "body"]


def test_a_national_body_meeting_alone_is_not_a_diplomatic_meeting():
    assert facts("عقد البنك المركزي التركمانستاني اجتماعا لمناقشة أسعار الفائدة.")["meetings"] == []


def test_a_month_joined_to_the_relative_year_after_it():
    from pipelines.extract.dates import with_month_of_year
    text = norm("وقعت في مارس من العام الماضي وفي يناير الماضي")
    joined = with_month_of_year(find_dates(text), text)
    assert [resolve(d, date(2024, 5, 7)) for d in joined] == ["2023-03", "2024-01"]



def test_a_byte_order_mark_or_non_character_inside_the_text_changes_no_fact():
    """U+FEFF inside a text (files joined together) is invisible: dropped for matching; a non-character
    of the presentation-forms block is kept as it is (neither used to crash the normaliser)."""
    text = "استقبل وزير الخارجية العراقي في بغداد نظيره التركمانستاني يوم 3 مارس 2024 وبحثا التعاون في مجال الطاقة."
    plain = [(m["type"], m["countries"], m["date"]) for m in facts(text)["meetings"]]
    assert plain
    for odd in ("\ufeff", "\ufdd0"):
        marked_text = text.replace("وزير", odd + "وزير", 1)
        marked = facts(marked_text)["meetings"]
        assert [(m["type"], m["countries"], m["date"]) for m in marked] == plain
        assert marked_text[marked[0]["evidence_start"]:marked[0]["evidence_end"]] == marked[0]["evidence"]
