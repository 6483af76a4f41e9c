"""Which states and places a sentence names: a city spelt as a state (Amman / Oman, Algiers / Algeria),
a known leader's surname that is a state's adjective, regions and entities that are no state, and the
gazetteer's spelling variants. Sentences are written for the tests."""
from pipelines.extract import extract_article
from pipelines.extract.clean import clean
from pipelines.extract.recognise import annotate, article_context
from pipelines.extract.segment import segment


def meetings(text: str) -> list[tuple[list[str], str | None]]:
    return [(m["countries"], m["location_city"]) for m in extract_article(text, "t.txt", "2024-05-01")["meetings"]]


def places(text: str) -> tuple[set[str], set[str]]:
    """States and cities the first sentence names, read alone."""
    ann = annotate(segment(clean(text)).sentences[0], 2024)
    return {i for c in ann.countries for i in c.iso3}, {c.city for c in ann.cities}


# ---- Amman or Oman ------------------------------------------------------------------
def test_amman_in_a_jordanian_article_is_the_city_not_oman():
    for text in ("وصل وزير الخارجية اللبناني إلى عمان في زيارة يلتقي خلالها نظيره الأردني.",
                 "بدأ وزير الخارجية اللبناني زيارته لعمان بلقاء نظيره الأردني.",
                 "التقى وزير الخارجية الأردني بعمان نظيره المغربي."):
        (countries, city), = meetings(text)
        assert "OMN" not in countries and city == "Amman", text


def test_the_words_around_it_decide_amman_or_oman_in_one_sentence():
    assert places("وصل الوفد إلى العاصمة الأردنية عمان") == ({"JOR"}, {"Amman"})
    assert places("تجول الوفد في مدينة عمان") == ({"JOR"}, {"Amman"})
    assert places("وصل الوفد إلى عمّان صباحا") == ({"JOR"}, {"Amman"})  # the shadda of the city
    assert places("عمان – استقبل الوزير الوفد") == ({"JOR"}, {"Amman"})  # a dateline names a city
    assert places("زار الوفد سلطنة عمان") == ({"OMN"}, set())
    assert places("وصل الوفد إلى عُمان صباحا") == ({"OMN"}, set())
    assert places("تعد مسقط عاصمة عمان") == ({"OMN"}, {"Muscat"})  # "the capital of Oman", not "the capital Amman"


def test_a_states_government_or_envoy_is_of_oman_even_in_a_jordanian_article():
    text = "استقبل وزير الخارجية الأردني في مكتبه سفير عمان لدى الأردن."
    ann = annotate(segment(clean(text)).sentences[0])
    ann = annotate(ann.sentence, None, article_context([ann]))
    assert {i for c in ann.countries for i in c.iso3} == {"JOR", "OMN"} and not ann.cities


def test_oman_in_a_list_of_states_is_the_state_even_in_a_jordanian_article():
    ann = annotate(segment(clean("أكد وزير الخارجية الأردني أهمية التعاون مع السعودية وعمان والبحرين.")).sentences[0])
    ann = annotate(ann.sentence, None, article_context([ann]))
    assert {i for c in ann.countries for i in c.iso3} == {"JOR", "SAU", "OMN", "BHR"} and not ann.cities


def test_oman_stays_oman_where_the_article_names_oman_or_no_jordan():
    (countries, city), = meetings("التقى وزير الخارجية العماني نظيره الإيراني بعمان.")
    assert countries == ["IRN", "OMN"] and city is None
    (countries, city), = meetings("وصل وزير الخارجية الإيراني إلى عمان في زيارة رسمية.")
    assert countries == ["IRN", "OMN"] and city is None


def test_a_capital_spelt_as_its_state_is_the_city_only_where_the_text_says_so():
    assert places("وصل الرئيس إلى الجزائر العاصمة") == ({"DZA"}, {"Algiers"})
    assert places("قال الرئيس إن الجزائر شريك موثوق") == ({"DZA"}, set())
    assert places("وصل الوفد إلى تونس العاصمة") == ({"TUN"}, {"Tunis"})


# ---- a leader's surname that is a state's adjective ------------------------------------
def test_a_known_leaders_surname_is_his_state_not_the_adjective():
    text = ("أردوغان يبحث مع السوداني الأوضاع في المنطقة\n"
            "أبلغ الرئيس التركي رجب طيب أردوغان رئيس الوزراء العراقي محمد شياع السوداني بأولويات بلاده.")
    assert [c for c, _ in meetings(text)] == [["IRQ", "TUR"]]
    text = ("استقبل رئيس الوزراء العراقي محمد شياع السوداني في بغداد وزير الخارجية المصري. "
            "وبحث السوداني والوزير المصري العلاقات الثنائية.")
    assert all("SDN" not in c for c, _ in meetings(text))


def test_a_known_leader_named_with_one_more_word_is_still_the_leader():
    ann = annotate(segment(clean("استقبل رئيس مجلس الوزراء محمد شياع صبار السوداني وزير الخارجية التركي.")).sentences[0],
                   2024)
    assert {i for c in ann.countries for i in c.iso3} == {"IRQ", "TUR"}
    assert [(p.name, p.role, p.country) for p in ann.persons if p.name] == [
        ("محمد شياع صبار السوداني", "head_of_government", "IRQ")]


def test_the_adjective_after_a_noun_still_names_the_state():
    text = ("التقى رئيس الوزراء العراقي محمد شياع السوداني في بغداد الرئيس السوداني عبد الفتاح البرهان. "
            "وأكد الوفد السوداني ونظيره العراقي أهمية التعاون.")
    assert {tuple(c) for c, _ in meetings(text)} == {("IRQ", "SDN")}


# ---- no state, and spelling variants ---------------------------------------------------
def test_a_region_or_unrecognised_entity_is_no_state():
    assert places("استقبل الوزير وفدا من أيرلندا الشمالية")[0] == set()
    assert places("زار الوفد جمهورية شمال قبرص التركية")[0] == set()
    assert places("وقع سفير المملكة المتحدة لبريطانيا العظمى وأيرلندا الشمالية المذكرة")[0] == {"GBR"}


def test_spelling_variants_of_states():
    assert places("التقى وزير الخارجية الأردني نظيره البحراني")[0] == {"BHR", "JOR"}
    assert places("وصل الوفد إلى قرجيزستان")[0] == {"KGZ"}
    assert places("وقعت مصر اتفاقا مع ساو تومي وبرنسيب")[0] == {"EGY", "STP"}
    assert places("التقى الوزير نظيره الجنوب سوداني")[0] == {"SSD"}  # not Sudan
    for adjective, state in (("الأوروغواني", "URY"), ("الدومينيكاني", "DOM"), ("التوغولي", "TGO"),
                             ("السيشيلي", "SYC"), ("المالديفي", "MDV"), ("البروناوي", "BRN")):
        assert places(f"استقبل الوزير السفير {adjective}")[0] == {state}, adjective


def test_cities_of_the_gazetteer_in_their_spellings():
    for text, city in (("عقدت القمة في قبالا", "Qabala"), ("عقدت القمة في غابالا", "Qabala"),
                       ("افتتح المنتدى بسان بطرسبورغ", "Saint Petersburg"), ("وصل الوفد إلى تيانجين", "Tianjin"),
                       ("عقد المؤتمر في شرم الشيخ", "Sharm el-Sheikh"), ("استقبل الملك الوفد بالرباط", "Rabat")):
        assert places(text)[1] == {city}, text


def test_an_airport_named_after_a_person_is_in_its_city():
    assert places("استقبل الرئيس ضيفه لدى وصوله إلى مطار هواري بومدين الدولي")[1] == {"Algiers"}
    ann = annotate(segment(clean("ودعه ولي العهد في مطار الملك خالد الدولي")).sentences[0], 2024)
    assert {c.city for c in ann.cities} == {"Riyadh"} and not [p for p in ann.persons if p.name]


def test_a_citys_time_zone_names_no_place():
    assert places("يبدأ الاجتماع في العاشرة صباحا بتوقيت مكة المكرمة")[1] == set()
    assert places("غادر الرئيس العاصمة الأمريكية ظهر اليوم بتوقيت واشنطن")[1] == set()
