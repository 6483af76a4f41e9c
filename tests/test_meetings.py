"""Meeting extraction rules (issue 9), each on sentences written for the tests."""
from pipelines.extract import extract_article
from pipelines.extract.clean import clean
from pipelines.extract.dates import find_dates, resolve
from pipelines.extract.normalise import norm
from pipelines.extract.segment import segment


def facts(text: str, published: str | None = None) -> dict:
    return extract_article(text, "t.txt", published)


def only(out: dict, kind: str) -> dict:
    (meeting,) = [m for m in out["meetings"] if m["type"] == kind]
    return meeting


# ---- dates and datelines --------------------------------------------------------------------------
def test_a_range_of_days_or_months_gives_its_start():
    assert [resolve(d, None) for d in find_dates(norm("خلال الفترة من 3 إلى 5 تموز 2021"))] == ["2021-07-03"]
    assert [resolve(d, None) for d in find_dates(norm("يومي 8 – 9 مارس 2019"))] == ["2019-03-08"]
    assert [resolve(d, None) for d in find_dates(norm("بين أبريل – مايو 2016"))] == ["2016-04"]
    assert [resolve(d, None) for d in find_dates(norm("زار الوزير باكو في 2012"))] == ["2012"]


def test_a_visit_over_several_days_is_dated_by_its_first_day():
    out = facts("قام رئيس وزراء باكستان بزيارة رسمية إلى أذربيجان في الفترة من 11 إلى 13 شباط 2020.")
    visit = only(out, "visit")
    assert (visit["date"], visit["countries"]) == ("2020-02-11", ["AZE", "PAK"])


def test_numeric_and_labelled_datelines_are_the_article_date():
    for top in ("date 2023-04-02", "10:45 / 2023-04-02", "2023.04.02"):
        seg = segment(clean(f"{top}\nاستقبل رئيس أوزبكستان اليوم سفير الهند."))
        assert seg.published_date == "2023-04-02", top
    out = facts("date 2023-04-02 وأفاد بيان أن الرئيس الإيراني التقى رئيس أذربيجان.")
    assert out["published_date"] == "2023-04-02"
    assert out["meetings"][0]["date"] is None  # the dateline is no date of the meeting


def test_a_city_dateline_beats_a_page_date_label():
    seg = segment(clean("التاريخ: 2023-05-11 المصدر: وكالة\nطشقند 10 مايو 2023 (وكالة) – استقبل الرئيس اليوم الوفد."))
    assert seg.published_date == "2023-05-10" and seg.dateline_city == ("Tashkent", "UZB")


# ---- trigger morphology -----------------------------------------------------------------------------
def test_triggers_with_attached_pronouns():
    out = facts("قام رئيس تركيا بزيارته الأولى إلى ماليزيا في أيلول 2019.")
    assert (only(out, "visit")["countries"], only(out, "visit")["date"]) == (["MYS", "TUR"], "2019-09")
    out = facts("وكان رئيس وزراء اليابان قد استقبلها في طوكيو يوم 4 آذار 2022 بحضور وزيرة خارجية السويد.")
    assert only(out, "talks")["countries"] == ["JPN", "SWE"]
    out = facts("عقد وزراء خارجية مصر والأردن والعراق اجتماعهم في القاهرة يوم 2 تموز 2023.")
    assert only(out, "talks")["countries"] == ["EGY", "IRQ", "JOR"]


def test_a_ministry_is_no_visit():
    out = facts("وأعلنت وزارة الخارجية الكويتية أن الوزير بحث مع سفير كندا التعاون. وأكدت وزارته أهمية العلاقات مع كندا.")
    assert [m["type"] for m in out["meetings"]] == ["talks"]


def test_a_surname_that_looks_like_a_nationality():
    out = facts("وقع رئيس الوزراء العراقي محمد شياع السوداني اتفاقية مع فرنسا. وذكر بيان أن السوداني التقى "
                "الرئيس الفرنسي في باريس يوم 2 حزيران 2023.")
    assert only(out, "talks")["countries"] == ["FRA", "IRQ"]


def test_a_definite_mention_with_nothing_before_it_opens_an_event():
    out = facts("وخلال اللقاء مع وزير خارجية البرازيل، أكد وزير الخارجية الهندي أهمية التعاون.")
    assert only(out, "talks")["countries"] == ["BRA", "IND"]


# ---- one event, one row ---------------------------------------------------------------------------
def test_mentions_of_one_event_across_sentences_are_one_row():
    out = facts("أكد الرئيس الكيني أن المحادثات مع الجانب الإثيوبي أمس كانت مثمرة. وقال الرئيس الكيني، بعد استقباله "
                "رئيس وزراء إثيوبيا في نيروبي، إن البلدين سيعززان التعاون.")
    assert [(m["type"], m["countries"]) for m in out["meetings"]] == [("talks", ["ETH", "KEN"])]


def test_meetings_told_apart_by_date_place_or_host_stay_apart():
    out = facts("التقى وزير خارجية المغرب نظيره الإسباني أمس في مدريد. وكان الوزيران قد عقدا اجتماعا في أكتوبر الماضي "
                "في نيويورك.")
    assert len([m for m in out["meetings"] if m["type"] == "talks"]) == 2
    out = facts("استقبل رئيس الوزراء الماليزي أنور إبراهيم وزير خارجية تايلاند. كما بحث وزير الخارجية الماليزي محمد حسن "
                "مع وزير خارجية تايلاند التعاون.")
    assert len([m for m in out["meetings"] if m["type"] == "talks"]) == 2


def test_a_later_mention_with_a_future_relative_clause_is_the_planned_event():
    out = facts("قال الرئيس إن اللجنة المشتركة بين تونس والجزائر المنتظر عقدها في تونس نهاية الشهر ستدفع التعاون. "
                "وأكد الوزير الجزائري الاستعداد الجيد للجنة المشتركة التي ستعقد في نهاية الشهر.")
    assert [(m["type"], m["status"]) for m in out["meetings"]] == [("joint_commission", "planned")]


# ---- types -------------------------------------------------------------------------------------------
def test_a_ministerial_meeting_is_a_conference_whatever_follows():
    out = facts("شارك وزير خارجية الأردن في الاجتماع الوزاري الخامس للحوار بين الدول العربية ودول الشمال الأوروبي "
                "يوم 4 أيار 2022.")
    assert only(out, "conference")["countries"] == ["JOR"]


def test_a_meeting_of_leaders_is_a_summit():
    out = facts("بدأ اليوم اجتماع رؤساء حكومات دول الاتحاد في مينسك بمشاركة رئيس وزراء بيلاروس.", published="2023-06-08")
    assert only(out, "summit")["date"] == "2023-06-08"
    out = facts("عقد قادة الدول الأعضاء اجتماعهم في الرياض يوم 3 آذار 2021 برئاسة ولي العهد السعودي.")
    assert only(out, "summit")["countries"] == ["SAU"]


# ---- purpose phrases ---------------------------------------------------------------------------------
def test_a_purpose_phrase_names_a_second_event_with_the_travellers_subject():
    out = facts("وصل رئيس وزراء الهند إلى جنوب أفريقيا يوم 22 آب 2023 للمشاركة في القمة الخامسة عشرة لمجموعة بريكس.")
    visit, summit = only(out, "visit"), only(out, "summit")
    assert visit["countries"] == ["IND", "ZAF"] and "IND" in summit["countries"]


# ---- clauses and subjects ----------------------------------------------------------------------------
def test_the_object_of_a_discussion_verb_is_its_topic_not_a_participant():
    out = facts("وأفاد البيان أن زعيمي تركيا وقطر بحثا آفاق التعاون والأوضاع في ليبيا والسودان.")
    assert only(out, "talks")["countries"] == ["QAT", "TUR"]


def test_an_arrival_needs_a_place_and_reached_relations_are_no_arrival():
    assert facts("ووصلت العلاقات بين مصر والهند إلى مستوى غير مسبوق.")["meetings"] == []
    assert facts("وصل المنتخب السعودي إلى الدوحة للمشاركة في البطولة.")["meetings"] == []  # nobody arrives
    out = facts("شارك وزير التجارة المصري في الاجتماع، وهو الذي وصل إلى روسيا في زيارة عمل يوم 3 آب 2021.")
    assert only(out, "visit")["countries"] == ["EGY", "RUS"]


def test_an_arrival_in_a_visit_is_one_visit_to_the_dateline_city():
    out = facts("باكو 2 آذار 2020 (وكالة) وصل رئيس وزراء باكستان إلى هنا اليوم (الإثنين) في زيارة رسمية لأذربيجان.")
    (visit,) = out["meetings"]
    assert (visit["type"], visit["countries"], visit["date"], visit["location_city"]) == (
        "visit", ["AZE", "PAK"], "2020-03-02", "Baku")


def test_two_visits_to_different_states_are_two_events():
    out = facts("أكد الوزير أن زيارة رئيس إندونيسيا إلى الهند اليوم تاريخية. ويذكر أن رئيس الوزراء الهندي زار "
                "إندونيسيا في آذار من العام الماضي.")
    assert sorted(m["location_country"] for m in out["meetings"] if m["type"] == "visit") == ["IDN", "IND"]


def test_a_date_after_since_is_not_the_meetings_date():
    out = facts("وعقدت جلسة مباحثات رسمية بين رئيس بلغاريا ورئيس فيتنام، أكدا خلالها متانة العلاقات منذ 5 أيار 1950.")
    assert only(out, "talks")["date"] is None


# ---- countries, leaders, venues ------------------------------------------------------------------------
def test_a_city_name_inside_a_word_with_the_article_is_no_city():
    out = facts("التقى وزير الخارجية المغربي نظيره الإسباني خوسيه مانويل ألباريس في مدريد يوم 3 كانون الثاني 2023.")
    talks = only(out, "talks")
    assert (talks["countries"], talks["location_city"]) == (["ESP", "MAR"], "Madrid")


def test_monarchs_with_regnal_numbers_and_ministers_from_the_leaders_file():
    out = facts("استقبل الملك عبدالله الثاني في قصر الحسينية وزير خارجية إيطاليا يوم 4 نيسان 2022.")
    assert only(out, "talks")["countries"] == ["ITA", "JOR"]
    out = facts("التقى بدر البوسعيدي وزير الخارجية مع وزير خارجية اليابان يوم 9 أيار 2023.")
    assert only(out, "talks")["countries"] == ["JPN", "OMN"]


def test_a_ligature_is_folded_with_its_offsets():
    out = facts("استقبل الملك عبدﷲ الثاني رئيس وزراء اليونان في عمان يوم 2 آب 2021.")
    talks = only(out, "talks")
    assert "JOR" in talks["countries"] and "GRC" in talks["countries"]


def test_the_nationality_of_the_venue_city_is_no_participant_in_talks():
    out = facts("التقى وزير الخارجية الأردني مع وزير خارجية كينيا على هامش مشاركته في الاجتماع الذي تعقد أعماله في "
                "العاصمة البلجيكية بروكسل يوم 3 آذار 2022.")
    assert only(out, "talks")["countries"] == ["JOR", "KEN"]


def test_joint_commissions_and_councils_with_any_chain_of_adjectives():
    out = facts("عقدت اللجنة المصرية البرتغالية المشتركة دورتها الخامسة في لشبونة يوم 6 حزيران 2022.")
    assert only(out, "joint_commission")["round"] == 5
    out = facts("عقد الاجتماع الثالث لمجلس التعاون الاستراتيجي رفيع المستوى بين تركيا وماليزيا يوم 5 آب 2022.")
    assert only(out, "joint_commission")["countries"] == ["MYS", "TUR"]


# ---- dates from the clause ------------------------------------------------------------------------------
def test_a_date_in_what_was_said_is_not_the_meetings_date():
    out = facts("وعقد رئيس كوبا ورئيس فيتنام جلسة مباحثات، أكدا خلالها أهمية اتفاق 12 آذار 2010.")
    assert only(out, "talks")["date"] is None


def test_a_meeting_set_as_the_scene_of_a_datelined_statement_takes_the_report_date():
    out = facts("طوكيو 4 أيار 2023 (وكالة) قال رئيس وزراء اليابان إن العلاقات ممتازة. وأدلى بهذه التصريحات خلال "
                "اجتماعه مع رئيس الفلبين في طوكيو.")
    assert only(out, "talks")["date"] == "2023-05-04"


def test_a_weekday_with_an_imperfect_verb_is_the_coming_one():
    out = facts("ويجري الرئيس يوم الأربعاء مباحثات مع رئيس وزراء كندا ورئيس البرتغال.", published="2024-03-04")
    talks = only(out, "talks")
    assert (talks["date"], talks["status"]) == ("2024-03-06", "planned")


def test_a_city_outside_the_curated_gazetteer_comes_from_cldr():
    out = facts("التقى وزير خارجية الهند نظيره الأرجنتيني في جوهانسبرغ يوم 5 أيار 2022.")
    assert only(out, "talks")["location_city"] == "Johannesburg"


def test_the_subject_carries_over_from_the_previous_sentence():
    out = facts("قال رئيس وزراء فنلندا إن التعاون سيتوسع. وأدلى بهذا التصريح خلال لقائه مع رئيس وزراء إستونيا في "
                "هلسنكي يوم 1 آذار 2023.")
    assert only(out, "talks")["countries"] == ["EST", "FIN"]


def test_a_series_of_talks_listed_one_counterpart_a_sentence_gives_one_row_each():
    out = facts("أجرى وزير الخارجية الأردني أيمن الصفدي اليوم سلسلة من المحادثات الثنائية مع نظرائه. وشملت هذه "
                "اللقاءات كلا من وزير خارجية النرويج. ووزير خارجية تشيلي. إضافة إلى وزيرة الخارجية والتعاون لجمهورية "
                "غانا.", published="2024-02-02")
    rows = sorted(tuple(m["countries"]) for m in out["meetings"])
    assert rows == [("CHL", "JOR"), ("GHA", "JOR"), ("JOR", "NOR")]
    assert {m["date"] for m in out["meetings"]} == {"2024-02-02"}


# ---- found in a recall audit of real reports ------------------------------------------------------------
def test_political_is_no_future_verb():
    out = facts("أجرى وزير خارجية تونس مشاورات سياسية مع نظيره المالطي في فاليتا.")
    assert only(out, "consultations")["status"] == "held"


def test_a_labelled_date_of_a_meeting_and_a_venue_state_that_does_not_take_part():
    out = facts("التقى وزير خارجية الكويت وزير خارجية الأردن بتاريخ 2023/6/3، على هامش الاجتماع الوزاري في "
                "جمهورية مصر العربية.")
    talks = only(out, "talks")
    assert (talks["date"], talks["countries"]) == ("2023-06-03", ["JOR", "KWT"])


def test_the_topic_after_the_counterpart_of_a_discussion_is_not_a_participant():
    out = facts("بحث وزير خارجية الجزائر في روما مع وزير الخارجية الإيطالي تطورات الأوضاع في ليبيا ومالي.")
    assert only(out, "talks")["countries"] == ["DZA", "ITA"]


def test_a_relative_clause_leaves_the_object_with_the_first_event():
    out = facts("استقبل وزير خارجية قطر مساء اليوم، نظيره الكندي الذي يزور الدوحة حاليا.")
    assert only(out, "talks")["countries"] == ["CAN", "QAT"]


def test_the_sides_of_a_second_event_are_the_first_events_states():
    out = facts("يتوجه وزير خارجية البرازيل اليوم إلى لشبونة في زيارة رسمية، حيث ستعقد مشاورات سياسية بين الجانبين.",
                published="2024-05-05")
    assert only(out, "consultations")["countries"] == ["BRA", "PRT"]


def test_a_future_cue_leading_the_clause_makes_the_event_planned():
    out = facts("من المقرر أن يجري رئيس وزراء كندا، الخميس، اتصالا هاتفيا مع رئيس المكسيك. وكان الزعيمان قد "
                "تحادثا هاتفيا الشهر الماضي.")
    assert sorted(m["status"] for m in out["meetings"] if m["type"] == "phone_call") == ["held", "planned"]
    out = facts("ويزور رئيس فنزويلا الصين، على أن يتم عقد قمة فنزويلية صينية.")
    assert only(out, "summit")["status"] == "planned"


def test_an_event_named_as_the_object_of_a_planned_one_is_planned():
    out = facts("وصل رئيس وزراء العراق إلى عمان، ومن المنتظر أن تتضمن الزيارة عقد جولة مباحثات مع ملك الأردن.")
    assert only(out, "talks")["status"] == "planned"


def test_a_capital_that_spells_like_a_state_after_the_capital_of_phrase():
    out = facts("وصل رئيس وزراء مصر والوفد المرافق له إلى العاصمة الأردنية عمان صباح اليوم في زيارة رسمية.")
    assert only(out, "visit")["countries"] == ["EGY", "JOR"]


def test_a_verb_starting_with_ba_anchors_the_event():
    out = facts("بدأت أعمال اللجنة التونسية الليبية المشتركة برئاسة وزيري خارجية البلدين.")
    assert only(out, "joint_commission")["countries"] == ["LBY", "TUN"]


def test_one_meeting_verb_over_a_sequence_of_places_is_one_meeting_per_place():
    out = facts("وأشار إلى أن رئيس وزراء اليابان التقى رئيس إندونيسيا مرتين العام الماضي في طوكيو وجاكرتا على التوالي.",
                published="2024-01-10")
    assert sorted(m["location_city"] for m in out["meetings"]) == ["Jakarta", "Tokyo"]
    assert {m["date"] for m in out["meetings"]} == {"2023"}


def test_taking_part_in_a_named_event_anchors_it_and_the_venue_state_of_a_conference_is_no_participant():
    out = facts("وصل رئيس وزراء ماليزيا إلى الرياض للمشاركة في القمة العربية الإسلامية المشتركة.")
    assert "MYS" in only(out, "summit")["countries"]
    out = facts("التقى وزير خارجية العراق نظيره الياباني على هامش مشاركته في اجتماع مجلس وزراء خارجية منظمة التعاون "
                "الإسلامي في العاصمة النيجرية نيامي.")
    assert only(out, "conference")["countries"] == ["IRQ"]


def test_a_group_of_states_takes_part_through_its_leaders_not_through_a_title():
    out = facts("انعقد الاجتماع التشاوري الثالث لرؤساء دول آسيا الوسطى في دوشنبه يوم 6 آب 2021.")
    assert only(out, "summit")["countries"] == ["KAZ", "KGZ", "TJK", "TKM", "UZB"]
    out = facts("شارك وزير خارجية الأردن في الاجتماع الوزاري الثالث للحوار بين الاتحاد الأوروبي ودول آسيا الوسطى "
                "يوم 2 آذار 2023.")
    assert only(out, "conference")["countries"] == ["JOR"]


def test_halla_bi_is_an_arrival_and_a_solution_is_not():
    out = facts("حل رئيس وزراء تونس، اليوم الاثنين، بليبيا في إطار زيارة عمل تدوم يومين.")
    assert only(out, "visit")["countries"] == ["LBY", "TUN"]
    assert facts("ودعا الوزيران إلى حل الأزمة بين السودان وتشاد بالطرق السلمية.")["meetings"] == []


def test_an_aside_after_a_participant_names_no_participants():
    out = facts("وغادر رئيس وزراء اليونان قبرص عقب لقائه برئيسها، الذي يقوم بوساطة بين تركيا ومصر والأردن.")
    assert only(out, "talks")["countries"] == ["CYP", "GRC"]


def test_spelling_variants_of_state_names():
    out = facts("التقى وزير خارجية أوزباكستان نظيره القازاقي ورئيس وزراء بيلاروسيا في مينسك يوم 3 أيار 2022.")
    assert only(out, "talks")["countries"] == ["BLR", "KAZ", "UZB"]


def test_an_epithet_stands_for_the_state_of_its_kind_named_last():
    out = facts("استقبل ولي العهد السعودي رئيس وزراء ماليزيا. وكان رئيس الوزراء الماليزي قد وصل إلى المملكة أمس في "
                "زيارة رسمية.")
    assert only(out, "visit")["countries"] == ["MYS", "SAU"]
    out = facts("أشاد رئيس وزراء باكستان بعلاقات بلاده مع عمان. وزار السلطنة يوم 4 آذار 2024.")
    assert only(out, "visit")["countries"] == ["OMN", "PAK"]


def test_talks_with_the_ministers_of_several_states_are_one_row_per_state():
    out = facts("بحث وزير خارجية مصر مع وزراء خارجية بيرو وكينيا وماليزيا التطورات الدولية.")
    assert sorted(tuple(m["countries"]) for m in out["meetings"]) == [("EGY", "KEN"), ("EGY", "MYS"), ("EGY", "PER")]
    out = facts("وعقد وزراء خارجية مصر والأردن والعراق اجتماعا ثلاثيا في بغداد.")
    assert [m["countries"] for m in out["meetings"]] == [["EGY", "IRQ", "JOR"]]


def test_bilateral_talks_with_each_of_a_list_and_a_list_of_states_after_a_series():
    out = facts("كما أجرى وزير خارجية تونس مباحثات ثنائية مع كل من وزير خارجية البيرو، ووزيرة خارجية السويد.")
    assert sorted(tuple(m["countries"]) for m in out["meetings"]) == [("PER", "TUN"), ("SWE", "TUN")]
    out = facts("أجرى وزير خارجية الجزائر أحمد عطاف بنيويورك محادثات مع وزراء خارجية عدد من الدول. ويتعلق الأمر "
                "بكل من كينيا، والنيبال، وكوبا.")
    assert sorted(tuple(m["countries"]) for m in out["meetings"]) == [("CUB", "DZA"), ("DZA", "KEN"), ("DZA", "NPL")]


def test_a_definite_mention_with_its_own_earlier_date_is_its_own_event():
    out = facts("سيقوم رئيس وزراء ماليزيا بزيارة رسمية إلى فيتنام الأسبوع المقبل. وخلال الزيارة الرسمية التي قام بها "
                "رئيس وزراء فيتنام إلى ماليزيا في آب 2015، اتفق البلدان على الشراكة.", published="2023-07-10")
    assert sorted((m["status"], m["date"]) for m in out["meetings"]) == [("held", "2015-08"), ("planned", None)]


def test_a_bare_year_dates_an_event_when_nothing_finer_is_said():
    out = facts("وزار رئيس وزراء الصين المغرب عام 1963 في زيارة تاريخية.")
    assert only(out, "visit")["date"] == "1963"


def test_status_is_decided_once_per_event():
    out = facts("يبدأ رئيس كوبا بعد غد زيارة إلى فيتنام. وقالت الرئاسة في بيان إنه يقوم بزيارة إلى فيتنام تلبية لدعوة.",
                published="2023-09-19")
    assert [(m["type"], m["status"]) for m in out["meetings"]] == [("visit", "planned")]


def test_a_summit_gathers_the_states_of_its_mentions_and_of_the_leaders_arriving_for_it():
    out = facts("توافد قادة الدول إلى الدوحة للمشاركة في القمة الطارئة. ووصل إلى الدوحة الرئيس التركي والرئيس "
                "الإيراني وملك الأردن. كما وصل رئيس وزراء باكستان للمشاركة في القمة.")
    (summit,) = out["meetings"]
    assert summit["type"] == "summit" and summit["countries"] == ["IRN", "JOR", "PAK", "QAT", "TUR"]


def test_talks_during_a_call_are_the_call_and_a_womans_name_is_no_state():
    out = facts("كتبت: هند سمير أجرى وزير خارجية مصر اتصالا هاتفيا مع نظيره الكيني، تباحث الوزيران خلاله العلاقات.")
    assert [(m["type"], m["countries"]) for m in out["meetings"]] == [("phone_call", ["EGY", "KEN"])]


def test_a_thereby_clause_starts_afresh():
    out = facts("أعلنت الحكومة الهندية أن افتتاح خط الأنابيب بين إيران وباكستان والهند سيتم الشهر المقبل، وذلك في بيان "
                "صدر في ختام زيارة لوفد إيراني إلى نيودلهي.")
    visit = only(out, "visit")
    assert (visit["countries"], visit["status"]) == (["IND", "IRN"], "held")


def test_anchors_after_the_noun_coordinated_subjects_and_joint_sessions():
    out = facts("وقال الوزير إن الاجتماع الذي تستضيفه الرباط بين وزيري خارجية المغرب والسنغال ناجح.")
    assert only(out, "talks")["countries"] == ["MAR", "SEN"]
    out = facts("بحث ولي عهد البحرين والرئيس القبرصي سبل تطوير العلاقات.")
    assert only(out, "talks")["countries"] == ["BHR", "CYP"]
    out = facts("وخلال الجلسة المشتركة للوفدين المغربي والكوري، استعرض الجانبان التعاون.")
    assert only(out, "talks")["countries"] == ["KOR", "MAR"]


def test_a_visit_then_where_he_met_gives_talks_with_the_visits_states_and_date():
    out = facts("قام الرئيس الكازاخي بزيارة رسمية إلى الإمارات يوم 3 مايو 2023، حيث التقى رئيس الدولة الشيخ محمد بن زايد.")
    talks = only(out, "talks")
    assert (talks["countries"], talks["date"]) == (["ARE", "KAZ"], "2023-05-03")


def test_a_cabinet_session_is_domestic_whatever_its_medium():
    assert facts("عقد مجلس الوزراء المصري اجتماعا عبر الفيديو برئاسة رئيس الوزراء.")["meetings"] == []
    out = facts("استقبل رئيس مجلس الوزراء الكويتي وزير الخارجية الياباني.")
    assert only(out, "talks")["countries"] == ["JPN", "KWT"]


def test_a_list_of_participating_states_runs_past_asides_and_commas():
    out = facts("وشارك في مؤتمر القاهرة للسلام الذي عقد في مصر 5 دول، وهي مصر والأردن (المستضيفان للمؤتمر)، وفرنسا "
                "(الداعية له)، وتركيا واليونان.")
    assert only(out, "conference")["countries"] == ["EGY", "FRA", "GRC", "JOR", "TUR"]


def test_a_ceremony_attended_by_leaders_of_several_states_is_a_meeting():
    out = facts("ترأس ملك المغرب محمد السادس والعاهل الإسباني فيليبي السادس اليوم بالرباط حفل توقيع اتفاقيات.")
    assert only(out, "talks")["countries"] == ["ESP", "MAR"]
    out = facts("وألقى رئيس وزراء باكستان كلمة في مراسم وضع حجر الأساس بحضور رئيس تركمانستان والرئيس الأفغاني.")
    assert (only(out, "summit")["countries"], only(out, "summit")["status"]) == (["AFG", "PAK", "TKM"], "held")
    assert facts("حضر سفير اليابان حفل الاستقبال الذي أقامته السفارة.")["meetings"] == []


def test_agency_datelines_and_dates_glued_to_their_year():
    seg = segment(clean("إسلام آباد (وكالة الأنباء 23 فروری2018) أكد رئيس الوزراء أن المشروع سيعزز التعاون."))
    assert seg.published_date == "2018-02-23" and seg.dateline_city == ("Islamabad", "PAK")


def test_weekday_and_clock_datelines_and_a_bare_weekday_set_off_by_commas():
    for top in ("الأحد ٩ مارس ٢٠٢٥ الساعة ٤:١٠ مساءً", "الأحد 09-03-2025 14:10 | كتب: محرر",
                "الأحد 9 مارس 2025 | 04:10 مساءً", "2025/03/09 14:10", "xyz (GMT+03:00) 2025-03-09 14:10:05"):
        seg = segment(clean(f"{top}\nاستقبل رئيس أوزبكستان اليوم سفير الهند."))
        assert seg.published_date == "2025-03-09", top
        assert [s.text for s in seg.sentences][-1] == "استقبل رئيس أوزبكستان اليوم سفير الهند."
    out = facts("وقعت تونس والجزائر، الخميس، اتفاقية للتعاون في مجال النقل.", "2025-03-09")
    assert out["agreements"][0]["date"] == "2025-03-06"
    assert facts("وبعد صلاة الجمعة استقبل رئيس تونس سفير الجزائر.", "2025-03-09")["meetings"][0]["date"] is None


def test_a_future_verb_before_a_date_and_scheduling_words_after_the_noun_plan_the_event():
    out = facts("رئيس وزراء الهند سيعقد اليوم الخميس 4 مايو 2023، اجتماعا مع رئيس سريلانكا.")
    assert only(out, "talks")["status"] == "planned"
    out = facts("وتجري الاستعدادات لزيارة رئيس كينيا إلى أوغندا.")
    assert only(out, "visit")["status"] == "planned"
    out = facts("وبحث الوزيران اجتماعا يضم وزيري خارجية كينيا وأوغندا، والمقرر عقده في كمبالا.")
    assert only(out, "talks")["status"] == "planned"
    out = facts("وناقش وزير خارجية كينيا مع سفير أوغندا ترتيب زيارة مرتقبة لرئيس أوغندا إلى نيروبي.")
    assert only(out, "visit")["status"] == "planned"


def test_talks_during_a_visit_are_their_own_event_but_the_content_of_a_call_is_not():
    out = facts("وصل رئيس وزراء ماليزيا إلى جاكرتا في زيارة رسمية التقى خلالها بالرئيس الإندونيسي.")
    assert sorted(m["type"] for m in out["meetings"]) == ["talks", "visit"]
    assert only(out, "talks")["countries"] == ["IDN", "MYS"]
    out = facts("أجرى رئيس وزراء ماليزيا اتصالا هاتفيا مع الرئيس الإندونيسي، بحثا خلاله العلاقات.")
    assert [m["type"] for m in out["meetings"]] == ["phone_call"]


def test_an_arrival_subject_first_with_a_date_before_the_capital_it_reached():
    out = facts("وكان رئيس غانا قد وصل يوم الأحد إلى العاصمة الكينية نيروبي في زيارة رسمية.")
    visit = only(out, "visit")
    assert (visit["countries"], visit["location_city"]) == (["GHA", "KEN"], "Nairobi")


def test_a_conjunction_before_a_verb_starting_with_b_is_stripped_as_a_conjunction():
    out = facts("وبحث رئيس البرازيل ووزير خارجية الهند في برازيليا التعاون.")
    assert only(out, "talks")["countries"] == ["BRA", "IND"]


def test_a_dual_subject_with_no_maa_discusses_as_talks():
    out = facts("بحث وزيرا خارجية تونس والمغرب سبل تعزيز التعاون.")
    assert only(out, "talks")["countries"] == ["MAR", "TUN"]
    out = facts("وناقش وزيرا الخارجية التونسي عثمان الجرندي، والمغربي ناصر بوريطة، التعاون الثنائي.")
    assert only(out, "talks")["countries"] == ["MAR", "TUN"]


def test_a_weekday_after_a_time_of_day_and_a_coming_weekday_after_an_imperfect_verb():
    out = facts("استقبل رئيس تونس مساء الخميس وزير خارجية مالطا.", "2025-03-08")  # a Saturday
    assert only(out, "talks")["date"] == "2025-03-06"
    out = facts("ووصل وزير خارجية مالطا اليوم إلى تونس حيث سيشارك في اجتماع وزراء الخارجية الذي يعقد، الاثنين، "
                "بمقر الاتحاد.", "2025-03-08")
    meeting = next(m for m in out["meetings"] if m["type"] != "visit")
    assert (meeting["date"], meeting["status"]) == ("2025-03-10", "planned")


def test_a_line_break_inside_a_name_or_a_date_is_no_line_break():
    text = ("قام رئيس جمهورية كازاخستان قاسم جومارت\nتوكاييف بزيارة دولة إلى طاجيكستان يومي 3 – 4\n"
            "مايو 2022.\n\nهذا نص آخر للخبر.")
    seg = segment(clean(text))
    assert seg.sentences[0].text.startswith("قام") and seg.sentences[0].text.endswith("مايو 2022.")
    visit = only(facts(text), "visit")
    assert (visit["countries"], visit["date"]) == (["KAZ", "TJK"], "2022-05-03")
    seg = segment(clean("زيارة رئيس كازاخستان إلى طاجيكستان\nوصل الرئيس إلى دوشنبه اليوم."))
    assert [s.kind for s in seg.sentences] == ["headline", "body"]  # a headline stays apart


def test_a_past_meeting_on_a_month_later_than_the_report_was_last_year():
    out = facts("واستقبل رئيس الوزراء الهندي رئيس سريلانكا في 12 نوفمبر.", "2024-02-03")
    assert (only(out, "talks")["date"], only(out, "talks")["status"]) == ("2023-11-12", "held")
    out = facts("ويستقبل رئيس الوزراء الهندي رئيس سريلانكا في 12 نوفمبر.", "2024-02-03")
    assert (only(out, "talks")["date"], only(out, "talks")["status"]) == ("2024-11-12", "planned")


def test_calls_with_several_counterparts_are_one_call_each_unless_joint():
    out = facts("أجرى رئيس الأرجنتين اتصالا هاتفيا مع رئيس تشيلي ورئيس البيرو ورئيس كولومبيا.")
    assert sorted(m["countries"] for m in out["meetings"]) == [["ARG", "CHL"], ["ARG", "COL"], ["ARG", "PER"]]
    out = facts("أجرى رئيس الأرجنتين اتصالا هاتفيا ثلاثيا مع رئيس تشيلي ورئيس البيرو.")
    assert [m["countries"] for m in out["meetings"]] == [["ARG", "CHL", "PER"]]


def test_states_named_as_examples_of_the_topic_take_no_part():
    out = facts("استقبل رئيس البرازيل وزير خارجية الهند، وبحثا خلال لقائهما الأزمات الدولية وعلى رأسها السودان وليبيا.")
    assert only(out, "talks")["countries"] == ["BRA", "IND"]


def test_a_person_named_in_full_before_counts_by_surname_after_a_conjunction():
    text = "قال وزير خارجية الهند راجيف كومارسينغ إن العلاقات ممتازة. والتقى رئيس البرازيل وكومارسينغ في برازيليا."
    assert [m["countries"] for m in facts(text)["meetings"]] == [["BRA", "IND"]]


def test_what_a_visit_will_hold_is_no_talks_of_its_own():
    out = facts("وصل وزير خارجية الكويت اليوم إلى مسقط في زيارة رسمية يلتقي خلالها عددا من كبار المسؤولين.")
    assert [m["type"] for m in out["meetings"]] == ["visit"]


def test_a_committee_named_by_two_states_adjectives_is_a_joint_commission():
    out = facts("وعقدت اللجنة الكويتية الأردنية اجتماعها السابع في عمان أمس.")
    commission = only(out, "joint_commission")
    assert (commission["countries"], commission["round"]) == (["JOR", "KWT"], 7)
    out = facts("واستقبل أمير الكويت رئيس لجنة الصداقة الأردنية في مجلس النواب.")
    assert "joint_commission" not in [m["type"] for m in out["meetings"]]


def test_commas_between_month_and_year_and_amid_clauses_and_scheduled_visits():
    assert [resolve(d, None) for d in find_dates(norm("يوم الأحد، 3 آذار، 2019، في الرباط"))][-1] == "2019-03-03"
    out = facts("ووصل وزير خارجية تونس إلى القاهرة اليوم في زيارة رسمية، وسط توتر بين الجزائر وفرنسا.", "2024-05-02")
    assert only(out, "visit")["countries"] == ["EGY", "TUN"]
    out = facts("وأعلن الديوان عن زيارة مقررة لرئيس تونس إلى القاهرة.")
    assert only(out, "visit")["status"] == "planned"


def test_someone_named_before_by_surname_arrives():
    text = "التقى رئيس وزراء تونس اليوم وزير النقل المغربي كريم الودغيري. ووصل الودغيري صباح اليوم إلى العاصمة التونسية في زيارة رسمية."
    assert sorted(m["type"] for m in facts(text, "2024-05-02")["meetings"]) == ["talks", "visit"]


def test_a_name_set_off_by_commas_keeps_the_clause_going():
    out = facts("حل وزير خارجية ماليزيا، أحمد زاهد، بجاكرتا في زيارة رسمية التقى خلالها بالرئيس الإندونيسي.")
    assert sorted((m["type"], tuple(m["countries"])) for m in out["meetings"]) == [
        ("talks", ("IDN", "MYS")), ("visit", ("IDN", "MYS"))]


def test_talks_named_across_the_setting_on_whose_sidelines_they_were_held():
    """"التقى A على هامش X B": B is the talks' object, after the setting's phrase, not the setting's."""
    out = facts("والتقى الرئيس المصري على هامش قمة مجموعة العشرين في الهند رئيس وزراء اليابان.")
    assert only(out, "talks")["countries"] == ["EGY", "JPN"]
    out = facts("والتقى وزير الخارجية المصري على هامش الاجتماع كلا من وزير خارجية الأردن، ووزير خارجية العراق.")
    assert sorted(m["countries"] for m in out["meetings"] if m["type"] == "talks") == [["EGY", "IRQ"], ["EGY", "JOR"]]
