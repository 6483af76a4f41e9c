"""Meeting triggers given once in the data and conjugated by the loader; status and dates of the events they open."""
from pipelines.extract import extract_article
from pipelines.extract.lexicon import load, tokenize
from pipelines.extract.verbs import conjugate
from pipelines.extract.normalise import norm


def meetings(text: str, published: str | None = None) -> list[tuple]:
    out = extract_article(text, "t.txt", published)
    return [(m["type"], m["status"], m["date"], m["countries"]) for m in out["meetings"]]


# ---- conjugation ------------------------------------------------------------------------------------
def test_a_verb_is_conjugated_from_its_past_and_present():
    forms = conjugate("بحث", "يبحث")
    for form in ("بحثت", "بحثا", "بحثوا", "تبحث", "يبحثان", "يبحثون", "سيبحث", "ستبحثان"):
        assert form in forms
    weak = conjugate("التقى", "يلتقي")  # a final ى/ي is weak
    assert {"التقت", "التقيا", "التقوا", "يلتقيان", "يلتقون", "سيلتقي"} <= set(weak) and "التقىوا" not in weak


def test_the_loader_expands_verb_entries_and_keeps_look_alike_nouns_out():
    section = load().triggers["meeting"]
    assert not any("/" in w for w in section["discussion_verbs"] + section["holding_verbs"])
    assert {"ناقشوا", "تباحثوا", "بحثت"} <= {norm(w) for w in section["discussion_verbs"]}
    visit_forms = {norm(w) for w in section["verb_forms"]["visit"]}
    assert "زاروا" in visit_forms and not visit_forms & {norm(w) for w in section["not_trigger_words"]}
    assert meetings("وأصدرت وزارتا الخارجية في قطر وكازاخستان بيانا عن التعاون.") == []
    lex = load()  # no generated form, with or without و / ف, is the name of a state, a city or an organisation
    for form in {norm(f) for forms in section["verb_forms"].values() for f in forms}:
        for word in (form, "و" + form, "ف" + form):
            tokens = tokenize(word)
            assert not (lex.countries.find(tokens) or lex.cities.find(tokens) or lex.organizations.find(tokens)), word


def test_conjugated_forms_open_meetings():
    assert meetings("تحادث الرئيس الجزائري مع ولي العهد السعودي في الرياض.") == [
        ("talks", "held", None, ["DZA", "SAU"])]
    assert meetings("اجتمعت وزيرة خارجية السويد بنظيرها الفنلندي في هلسنكي.") == [
        ("talks", "held", None, ["FIN", "SWE"])]
    assert meetings("زاروا رؤساء وزراء النرويج والدنمارك أيسلندا في 3 أيار 2021.")[0][0] == "visit"


def test_the_object_of_a_plural_discussion_verb_is_the_topic():
    assert meetings("اجتمع وزراء خارجية مصر والأردن والعراق في القاهرة يوم 2 تموز 2023، وناقشوا الأوضاع الليبية.") == [
        ("talks", "held", "2023-07-02", ["EGY", "IRQ", "JOR"])]
    assert meetings("التقى الوزير المصري نظيره التونسي في القاهرة يوم 2 تموز 2023، وبحثوا الأزمة السورية.") == [
        ("talks", "held", "2023-07-02", ["EGY", "TUN"])]


def test_calls_named_by_a_bare_or_possessed_noun_and_contact_verbs():
    assert meetings("جاء الاتصال بعد مكالمة مماثلة أجريت بين وزير الخارجية العراقي ونظيره التركي السبت الماضي.",
                    "2025-09-18") == [("phone_call", "held", "2025-09-13", ["IRQ", "TUR"])]
    assert meetings("تواصل نائب وزير الخارجية الكويتي مع نظيرته البلجيكية.") == [("talks", "held", None, ["BEL", "KWT"])]
    assert meetings("تواصل القصف في المدينة مع اشتداد المعارك.") == []


def test_what_was_discussed_in_a_call_is_the_call():
    assert meetings("وكان الرئيسان الأمريكي والصيني قد بحثا في مكالمتهما يوم 3 مارس 2025 الملف التجاري.") == [
        ("phone_call", "held", "2025-03-03", ["CHN", "USA"])]
    assert meetings("بحث وزير الخارجية المصري ونظيره الأردني خلال اتصال هاتفي الملف التجاري.") == [
        ("phone_call", "held", None, ["EGY", "JOR"])]


def test_present_opening_verbs_hold_a_session():
    assert meetings("تنطلق غدا في الرباط أعمال اللجنة المغربية الموريتانية المشتركة.", "2025-09-18") == [
        ("joint_commission", "planned", "2025-09-19", ["MAR", "MRT"])]


# ---- dates ------------------------------------------------------------------------------------------
def test_a_present_tense_weekday_of_the_report_is_that_day_and_a_future_one_next_week():
    tuesday = "2025-11-18"
    assert meetings("يبدأ ولي العهد السعودي، الثلاثاء، زيارة رسمية إلى الولايات المتحدة.", tuesday) == [
        ("visit", "held", "2025-11-18", ["SAU", "USA"])]
    assert meetings("سيبدأ ولي العهد السعودي، الثلاثاء، زيارة رسمية إلى الولايات المتحدة.", tuesday) == [
        ("visit", "planned", "2025-11-25", ["SAU", "USA"])]
    assert meetings("يجري الرئيس المصري يوم الخميس مباحثات مع نظيره الفرنسي.", tuesday) == [
        ("talks", "planned", "2025-11-20", ["EGY", "FRA"])]


def test_a_weekday_after_a_time_of_day_word():
    assert meetings("التقى وزير الخارجية الجزائري صبيحة الإثنين بالدوحة نظيره القطري.", "2025-09-17") == [
        ("talks", "held", "2025-09-15", ["DZA", "QAT"])]


def test_the_start_of_a_period_is_no_reference_date():
    text = ("تستضيف السعودية غدا الأحد القمة العربية في الرياض. وعقدت الجامعة العربية إحدى وأربعين قمة "
            "منذ تأسيسها في 22 مارس 1945.")
    assert [m[2] for m in meetings(text) if m[0] == "summit"][0] is None


# ---- planned, held, or no meeting -----------------------------------------------------------------
def test_a_present_tense_event_with_the_future_stated_elsewhere_is_planned():
    assert meetings("يزور الرئيس المصري الرياض خلال أيام للمشاركة في القمة العربية.") == [
        ("visit", "planned", None, ["EGY", "SAU"]), ("summit", "planned", None, ["EGY", "SAU"])]
    text = "يستقبل الرئيس المصري اليوم الخميس رئيس وزراء النرويج في القاهرة. ومن المنتظر أن تتناول المباحثات التعاون."
    assert meetings(text, "2025-09-18") == [("talks", "planned", "2025-09-18", ["EGY", "NOR"])]
    text = "استقبل الرئيس المصري اليوم الخميس رئيس وزراء النرويج في القاهرة. ومن المنتظر أن تتناول المباحثات التعاون."
    assert meetings(text, "2025-09-18") == [("talks", "held", "2025-09-18", ["EGY", "NOR"])]  # the past stays held
    assert meetings("يلتقي وزير الخارجية المصري اليوم نظيره الفنلندي في القاهرة، ومن المنتظر أن يبحثا العلاقات.",
                    "2025-09-18") == [("talks", "planned", "2025-09-18", ["EGY", "FIN"])]


def test_agreeing_to_hold_a_meeting_is_planned_when_placed_else_no_meeting():
    assert meetings("اتفق وزيرا خارجية مصر وتركيا على عقد جولة مشاورات سياسية في القاهرة.") == [
        ("consultations", "planned", None, ["EGY", "TUR"])]
    assert meetings("اتفق الرئيسان الروسي والتركي على عقد لقاء ثنائي في أقرب وقت ممكن.") == []


def test_an_announced_event_is_planned_and_a_title_naming_it_is_no_second_event():
    text = ("أعلنت وزارة الخارجية المصرية، اليوم، عقد مشاورات سياسية مع وفد تركي يومي الأربعاء والخميس في القاهرة. "
            "وجاء ذلك في بيان تحت عنوان «المشاورات السياسية بين مصر وتركيا».")
    assert meetings(text) == [("consultations", "planned", None, ["EGY", "TUR"])]


def test_the_time_of_a_purpose_event_is_not_the_journeys():
    text = "وصل وزير الخارجية السعودي إلى القاهرة اليوم للمشاركة في اجتماعات وزراء الخارجية العرب المقررة بعد غد."
    assert ("visit", "held", "2025-09-18", ["EGY", "SAU"]) in meetings(text, "2025-09-18")


def test_an_arrival_as_a_guest_of_a_state_is_a_visit():
    assert meetings("حلت وزيرة خارجية ألمانيا ضيفة على تونس في 3 مايو 2022.") == [
        ("visit", "held", "2022-05-03", ["DEU", "TUN"])]
    assert meetings("حل وزير خارجية ألمانيا ضيفا على برنامج تلفزيوني.") == []


def test_every_form_of_a_content_verb_ends_the_meetings_date_search():
    text = "التقى الرئيس المصري وزير خارجية تونس في القاهرة، وأشارت الرئاسة إلى أن البلدين وقعا اتفاقا في 3 مايو 2019."
    assert meetings(text) == [("talks", "held", None, ["EGY", "TUN"])]


def test_the_session_preparations_are_for_is_a_planned_event():
    assert meetings("بحث الوزيران التحضيرات لانعقاد اللجنة المصرية العراقية المشتركة.") == [
        ("talks", "held", None, ["EGY", "IRQ"]), ("joint_commission", "planned", None, ["EGY", "IRQ"])]
    text = "التقى وزير الخارجية المصري نظيره العراقي لبحث استعدادات انعقاد الدورة الثانية من اللجنة المشتركة المصرية العراقية."
    assert ("joint_commission", "planned", None, ["EGY", "IRQ"]) in meetings(text)


def test_a_call_with_a_dual_pronoun_is_the_named_pairs():
    text = ("أجرى الرئيس الأمريكي اتصالا هاتفيا مع الرئيس الصيني اليوم. ويعد هذا الاتصال الثاني منذ بداية العام، "
            "بعد مكالمتهما الهاتفية السابقة في 17 كانون الثاني/يناير.")
    assert meetings(text, "2025-09-19") == [("phone_call", "held", "2025-09-19", ["CHN", "USA"]),
                                            ("phone_call", "held", "2025-01-17", ["CHN", "USA"])]
    text = "أجرى الرئيس الأمريكي اتصالا هاتفيا مع الرئيس الصيني اليوم. وفي سياق مباحثاتهما في 5 حزيران، أشار الرئيس إلى دعوة."
    assert ("talks", "held", "2025-06-05", ["CHN", "USA"]) in meetings(text, "2025-09-19")


def test_a_meeting_prepared_by_another_has_its_sides_and_a_year_after_a_time_word():
    text = "التقى وزير الخارجية المغربي نظيره الإسباني تحضيرا للاجتماع رفيع المستوى المقرر بداية 2023."
    assert meetings(text) == [("talks", "held", None, ["ESP", "MAR"]), ("talks", "planned", "2023", ["ESP", "MAR"])]


def test_an_undated_report_announcing_a_dated_present_tense_visit():
    text = "وأعلن الديوان الملكي أن الرئيس الأمريكي يقوم بزيارة رسمية إلى السعودية يومي 15 و16 يوليو 2022."
    assert meetings(text) == [("visit", "planned", "2022-07-15", ["SAU", "USA"])]
    assert meetings("قام الرئيس الأمريكي بزيارة رسمية إلى السعودية يومي 15 و16 يوليو 2022.") == [
        ("visit", "held", "2022-07-15", ["SAU", "USA"])]


def test_efforts_and_proposals_to_host_talks_report_no_talks():
    text = ("وسيعقد وزير الخارجية العراقي اجتماعا مع نظيره الإيراني، حيث سيركز النقاش على المساعي العراقية لاستضافة "
            "مفاوضات مباشرة بين البلدين، وهو مقترح سبق أن طرحه رئيس الوزراء أواخر عام 2025.")
    assert meetings(text) == [("talks", "planned", None, ["IRN", "IRQ"])]
