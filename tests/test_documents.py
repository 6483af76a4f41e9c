"""The document phrase grammar (relate/documents): heads, counts, lists, status, parties, dates.
Every sentence here was written for the tests."""
from pipelines.extract import extract_article
from pipelines.extract.clean import clean
from pipelines.extract.segment import segment


def documents(text: str, published: str | None = None) -> list[dict]:
    return extract_article(text, "t.txt", published)["agreements"]


def rows(text: str, published: str | None = None) -> list[tuple]:
    return sorted((a["type"], a["status"], tuple(a["sectors"])) for a in documents(text, published))


# ---- heads: plural with a list of fields, counts, duals -------------------------------
def test_plural_head_with_a_list_of_fields_is_one_document_per_field():
    out = documents("ووقعت مصر والأردن مذكرات تفاهم في مجالات السياحة، والنقل البحري، والتعليم العالي.")
    assert sorted(tuple(a["sectors"]) for a in out) == [("education",), ("tourism",), ("transport",)]
    assert {(a["type"], a["status"], tuple(a["parties"])) for a in out} == {
        ("memorandum_of_understanding", "signed", ("EGY", "JOR"))}
    assert all(a["title_ar"] for a in out)


def test_adjectives_coordinated_inside_one_field_do_not_split_it():
    out = documents("ووقعت مصر والأردن مذكرات تفاهم في مجالات التعاون التجاري والاقتصادي، والتعليم.")
    assert sorted(tuple(a["sectors"]) for a in out) == [("education",), ("trade",)]


def test_fields_outside_the_sector_codes_are_documents_of_their_own():
    """Mining, industry, insurance have no sector code: each still opens an item of the list."""
    out = documents("وقع الجانبان الأردني والقطري ثلاث مذكرات تفاهم في مجالات النقل والتعدين والجمارك.")
    assert sorted(a["title_ar"].split(": ")[-1] for a in out) == ["التعدين", "الجمارك", "النقل"]
    out = documents("ووقعت قطر والأردن مذكرات تفاهم شملت الزراعة والصناعة والتأمين.")
    assert sorted(tuple(a["sectors"]) for a in out) == [(), (), ("agriculture",)]
    out = documents("ووقع الوزيران مذكرتي تفاهم في مجالي الصحة والإعلام.")
    assert sorted(tuple(a["sectors"]) for a in out) == [(), ("health",)]


def test_a_definite_head_followed_by_a_comma_refers_back_rather_than_naming_a_new_document():
    out = documents("وقعت روسيا ومصر اتفاقا للتعاون النووي. وبموجب الاتفاق، ستبني روسيا محطة كهرباء في مصر.")
    assert [(a["type"], a["status"]) for a in out] == [("agreement", "signed")]


def test_a_head_split_by_a_run_of_spaces_or_dropped_quotes_is_still_found():
    assert rows("وقع البلدان « مذكرة  تفاهم » في مجال الطاقة بين مصر والأردن.") == [
        ("memorandum_of_understanding", "signed", ("energy",))]


def test_a_signing_participle_ends_the_title_and_dates_an_earlier_document():
    out = documents("وأشار الوزير إلى اتفاقية التعاون الموقعة بين مصر والأردن عام 2019.", "2024-05-01")
    assert [(a["type"], a["status"], a["date"], a["title_ar"]) for a in out] == [
        ("agreement", "referenced", "2019", "اتفاقية التعاون")]


def test_documents_applied_or_entering_into_force_are_cited_not_signed():
    assert rows("وجاءت الخطوة تطبيقا لاتفاقية النقل البري بين مصر والأردن.")[0][:2] == ("agreement", "referenced")
    assert rows("ودخلت اتفاقية التجارة الحرة بين مصر والأردن حيز التنفيذ.")[0][:2] == ("agreement", "referenced")


def test_a_declaration_qualified_after_an_adjective():
    out = documents("وأصدر الرئيسان المصري والأردني إعلانا سياسيا مشتركا في ختام المحادثات.")
    assert [(a["type"], a["status"], tuple(a["parties"])) for a in out] == [("declaration", "signed", ("EGY", "JOR"))]


def test_items_after_an_opener_and_a_colon_are_the_counted_documents():
    out = documents("وقع وزيرا خارجية مصر والأردن ثلاث مذكرات تفاهم، وهي: مذكرة في مجال الزراعة، ومذكرة في مجال "
                    "السياحة، ومذكرة في مجال التعليم.")
    assert sorted(tuple(a["sectors"]) for a in out) == [("agriculture",), ("education",), ("tourism",)]
    assert len(documents("وقع وزيرا خارجية مصر والأردن ثلاث مذكرات تفاهم تشمل: الزراعة، والسياحة، والتعليم.")) == 3


def test_count_with_no_items_is_one_row_per_type_named_with_no_title():
    out = documents("وقعت تونس والجزائر 4 اتفاقيات ومذكرتي تفاهم في ختام الزيارة.")
    assert sorted((a["type"], a["status"], a["title_ar"]) for a in out) == [
        ("agreement", "signed", None), ("memorandum_of_understanding", "signed", None)]


def test_a_number_over_ten_with_a_singular_noun_is_a_count():
    out = documents("الكويت وماليزيا توقعان 12 اتفاقية للتعاون\nوقع وزيرا خارجية الكويت وماليزيا اليوم 12 اتفاقية.")
    assert [(a["type"], a["status"], a["title_ar"]) for a in out] == [("agreement", "signed", None)]


def test_generic_plurals_stay_out():
    assert documents("وأكد الوزيران أهمية تنفيذ الاتفاقيات ومذكرات التفاهم الموقعة سابقا بين تونس والجزائر.") == []


# ---- status from the predicate --------------------------------------------------------
def test_signing_verbs_in_any_person_and_tense():
    assert rows("الكويت وماليزيا توقعان اتفاقية للتعاون في مجال الطاقة\nنص الخبر.") == [
        ("agreement", "signed", ("energy",))]
    assert rows("وأبرمتا مع البرتغال واليونان اتفاقية للنقل البحري.")[0][1] == "signed"


def test_relative_clause_after_the_document_signs_it():
    out = documents("وأشاد الوزيران بمذكرة التفاهم في مجال الصحة التي وقعها البلدان تونس والجزائر اليوم.")
    assert [(a["type"], a["status"]) for a in out] == [("memorandum_of_understanding", "signed")]


def test_discussed_or_drafted_documents_are_planned():
    out = documents("ناقش وزيرا خارجية الكويت وتونس مسودة اتفاقية التجارة الحرة بين البلدين.")
    assert [(a["type"], a["status"]) for a in out] == [("agreement", "planned")]
    out = documents("وأكد الرئيسان المضي نحو إبرام معاهدة صداقة بين الكويت وتونس.")
    assert [(a["type"], a["status"]) for a in out] == [("treaty", "planned")]


def test_framework_reference_is_referenced():
    out = documents("ودعا الجانبان إلى تفعيل اتفاقية النقل الموقعة بين الكويت وتونس.")
    assert [(a["type"], a["status"]) for a in out] == [("agreement", "referenced")]


def test_a_date_before_the_reported_event_makes_the_document_referenced():
    out = documents("وفي يناير الماضي وقعت الكويت وتونس اتفاقية للتعاون في مجال النقل.", "2024-05-01")
    assert [(a["status"], a["date"]) for a in out] == [("referenced", "2024-01")]
    out = documents("وقعت الكويت وتونس اليوم اتفاقية للتعاون في مجال النقل.", "2024-05-01")
    assert [(a["status"], a["date"]) for a in out] == [("signed", "2024-05-01")]


def test_document_signed_at_an_event_the_article_recalls_is_referenced():
    out = documents("زار رئيس تونس الكويت في العام الماضي. وخلال تلك الزيارة، تم توقيع 5 مذكرات تفاهم بين البلدين.")
    assert [(a["type"], a["status"]) for a in out] == [("memorandum_of_understanding", "referenced")]


def test_parties_speaking_in_a_joint_statement_issue_it():
    out = documents("واتفقت الكويت وتونس، في بيان مشترك، على تعزيز التعاون في مجال الطاقة.")
    assert [(a["type"], a["status"], a["parties"]) for a in out] == [("joint_statement", "signed", ["KWT", "TUN"])]


# ---- lists across clauses, ordinals, bullets --------------------------------------------
def test_ordinal_item_takes_the_type_it_is_linked_to():
    out = documents("وقعت الكويت وتونس ثلاث اتفاقيات. وتتعلق الاتفاقية الأولى بمذكرة تفاهم في مجال الصحة.")
    assert ("memorandum_of_understanding", "signed", ("health",)) in rows(
        "وقعت الكويت وتونس ثلاث اتفاقيات. وتتعلق الاتفاقية الأولى بمذكرة تفاهم في مجال الصحة.")
    assert len(out) == 2


def test_bulleted_documents_take_the_status_of_the_opening_sentence():
    text = ("وقعت الكويت وتونس الاتفاقيات التالية:\n- اتفاقية للتعاون في مجال الطاقة\n"
            "- مذكرة تفاهم في مجال السياحة\n- برنامج تنفيذي للتعاون الثقافي")
    assert rows(text) == [("agreement", "signed", ("energy",)), ("memorandum_of_understanding", "signed", ("tourism",)),
                          ("programme", "signed", ("culture",))]


# ---- segmenting: wrapped lines ----------------------------------------------------------
def test_a_line_ending_in_a_comma_or_a_connective_goes_on_in_the_next_line():
    text = "عنوان الخبر عن زيارة الوزير اليوم\nوصدر في ختام الزيارة،\nالتي دامت يومين، بيان مشترك بين الكويت و\nتونس."
    sentences = [s.text for s in segment(clean(text)).sentences]
    assert sentences[-1].startswith("وصدر في ختام الزيارة،") and sentences[-1].endswith("تونس.")
    assert [(a["type"], a["status"], a["parties"]) for a in documents(text)] == [
        ("joint_statement", "signed", ["KWT", "TUN"])]


def test_fields_given_as_examples_do_not_split_a_count():
    out = documents("ووقعت الكويت وتونس 6 مذكرات تفاهم في مجالات مختلفة أبرزها النفط والغاز والصحة.")
    assert [(a["type"], a["title_ar"], a["sectors"]) for a in out] == [
        ("memorandum_of_understanding", None, ["energy", "health"])]


def test_an_ambiguous_dual_needs_a_signing_cue():
    assert documents("وأكد الرئيسان التعاون بين الكويت وتونس لمدة عقدين في مجال الطاقة.") == []
    assert [a["type"] for a in documents("ووقعت الكويت وتونس عقدين في مجال الطاقة.")] == ["contract"]


def test_a_field_in_the_complement_qualifies_an_ambiguous_head():
    out = documents("وتضمن جدول أعمال الاجتماع مفهوم التحول الرقمي للصناعة بين الكويت وتونس.")
    assert [(a["type"], a["status"]) for a in out] == [("concept", "planned")]


def test_documents_on_the_agenda_after_a_colon_are_planned():
    out = documents("وناقش الجانبان الكويتي والتونسي عددا من القضايا مثل: إنشاء منطقة صناعية وتوقيع اتفاقية تجارة حرة.")
    assert [(a["type"], a["status"]) for a in out] == [("agreement", "planned")]


def test_the_venue_is_no_signatory():
    out = documents("ووقعت الكويت وتونس في فيينا اتفاقية للتعاون في مجال الطاقة.")
    assert [a["parties"] for a in out] == [["KWT", "TUN"]]


def test_a_citing_word_in_the_previous_item_does_not_reach_the_next_document():
    out = documents("وسيناقش الجانبان الكويتي والتونسي اتفاقية النقل وتنفيذ المشاريع، واتفاقية الصحة العامة.")
    assert [(a["status"], a["sectors"]) for a in out] == [("planned", ["transport"]), ("planned", ["health"])]


def test_a_date_in_the_signing_relative_clause_is_the_documents_own():
    out = documents("وبحث الوزيران تقدم خارطة الطريق المشتركة التي وقعتها الكويت وتونس في أبريل 2022.")
    assert [(a["type"], a["status"], a["date"]) for a in out] == [("roadmap", "referenced", "2022-04")]


def test_the_clause_main_signing_verb_reaches_its_object_far_away():
    out = documents("وقع رئيس وزراء الكويت ورئيس تونس في قصر الضيافة بالعاصمة مساء أمس الأول الخميس، "
                    "اتفاقية الشراكة الاستراتيجية بين البلدين.")
    assert [(a["type"], a["status"]) for a in out] == [("agreement", "signed")]


def test_the_subject_of_a_describing_clause_is_the_same_document_and_gives_its_fields():
    out = documents("ووقعت الكويت وتونس اتفاقية الشراكة الاستراتيجية، وتتضمن الاتفاقية التعاون في مجالات الطاقة والتعليم.")
    assert [(a["type"], a["sectors"]) for a in out] == [("agreement", ["education", "energy"])]


def test_a_count_is_no_repeat_of_a_named_document():
    out = documents("ووقعت الكويت وتونس اتفاقية النقل البحري. وفي العام الماضي وقع البلدان 20 اتفاقية.", "2024-05-01")
    assert sorted((a["status"], a["title_ar"] is None) for a in out) == [("referenced", True), ("signed", False)]


def test_a_title_naming_an_organisation_as_signatory_keeps_the_parties_it_names():
    out = documents("وبحث الرئيسان المصري والروسي توقيع اتفاقية تجارة حرة بين الاتحاد الاقتصادي الأوراسي ومصر.")
    assert [(a["status"], a["parties"]) for a in out] == [("planned", ["EGY"])]


def test_a_document_far_after_the_previous_one_does_not_inherit_its_status():
    out = documents("ووقعت الكويت وتونس اتفاقية النقل، والتي تعد الأولى من نوعها منذ سنوات وهي أشمل اتفاق بين البلدين.")
    assert len(out) == 1


def test_broadcasting_and_theatre_are_fields():
    out = documents("ووقعت الكويت وتونس مذكرة تفاهم للتعاون بين هيئتي الإذاعة والتلفزيون، وبروتوكولا حول ترميم المسرح الوطني.")
    assert sorted((a["type"], tuple(a["sectors"])) for a in out) == [
        ("memorandum_of_understanding", ("media",)), ("protocol", ("culture",))]


def test_a_second_plural_shares_the_count_of_the_first():
    out = documents("ووقع البلدان الكويت وتونس حزمة من الاتفاقيات ومذكرات التفاهم في مجالات متنوعة.")
    assert sorted(a["type"] for a in out) == ["agreement", "memorandum_of_understanding"]


def test_fields_of_a_mixed_count_are_not_its_documents():
    out = documents("ووقعت الكويت وتونس 6 اتفاقيات ومذكرات تفاهم في مجالات التجارة والنقل والصحة.")
    assert sorted((a["type"], a["title_ar"]) for a in out) == [("agreement", None), ("memorandum_of_understanding", None)]


def test_a_dual_with_two_complements_is_two_documents():
    out = documents("ووقعت الكويت وتونس مذكرتي تفاهم بشأن المشاورات السياسية، وفي مجال التعليم العالي.")
    assert [(a["type"], a["sectors"]) for a in out] == [("memorandum_of_understanding", []),
                                                        ("memorandum_of_understanding", ["education"])]


def test_another_names_one_more_document_of_the_type_before():
    out = documents("ووقعت الكويت وتونس مذكرة تفاهم في مجال الصحة، وأخرى في مجال الزراعة.")
    assert sorted((a["type"], tuple(a["sectors"])) for a in out) == [
        ("memorandum_of_understanding", ("agriculture",)), ("memorandum_of_understanding", ("health",))]


def test_documents_a_signed_set_includes_take_its_status():
    out = documents("ووقعت الكويت وتونس سلسلة اتفاقيات. وتضمنت الاتفاقيات مذكرة تفاهم في مجال الصحة، وأخرى في مجال النقل.")
    assert sorted((a["type"], a["status"], tuple(a["sectors"])) for a in out if a["title_ar"]) == [
        ("memorandum_of_understanding", "signed", ("health",)), ("memorandum_of_understanding", "signed", ("transport",))]


def test_unbulleted_lines_under_a_list_of_signed_documents():
    text = ("ووقعت الكويت وتونس عددا من الوثائق.\nومن أبرز الاتفاقيات الموقعة:\nبرنامج تنفيذي للتعاون الثقافي\n"
            "مذكرة تفاهم في مجال الزراعة\nبروتوكول في مجال الصحة")
    assert rows(text) == [("memorandum_of_understanding", "signed", ("agriculture",)),
                          ("programme", "signed", ("culture",)), ("protocol", "signed", ("health",))]


def test_listed_documents_after_a_colon_take_the_signed_set_status():
    out = documents("وقالت الحكومة إن الوثائق الموقعة بين الكويت وتونس هي: مذكرة تفاهم في مجال الصحة، واتفاقية للنقل البري.")
    assert sorted((a["type"], a["status"]) for a in out) == [("agreement", "signed"),
                                                             ("memorandum_of_understanding", "signed")]


def test_a_document_named_inside_another_title_is_part_of_it():
    out = documents("ووقعت الكويت وتونس بروتوكول تعديل اتفاق الصندوق المشترك.")
    assert [a["type"] for a in out] == ["protocol"]


def test_a_singular_joined_to_a_count_shares_it():
    out = documents("وتم توقيع 16 اتفاقية ومذكرة تفاهم بين الكويت وتونس في قصر الضيافة.")
    assert sorted((a["type"], a["title_ar"]) for a in out) == [("agreement", None), ("memorandum_of_understanding", None)]


def test_definite_plural_governed_by_a_signing_verb_is_signed_not_generic():
    out = documents("ووقع رئيسا الكويت وتونس اليوم مذكرات التعاون بين البلدين.")
    assert [(a["type"], a["status"]) for a in out] == [("memorandum_of_understanding", "signed")]
    assert documents("وشدد رئيسا الكويت وتونس على تنفيذ مذكرات التعاون بين البلدين.") == []


def test_fields_given_to_a_set_of_documents_reach_its_counted_rows():
    out = documents("ووقعت الكويت وتونس عددا من الوثائق. وتنص هذه الاتفاقيات على التعاون في مجالات النقل والزراعة. "
                    "وتم التوقيع على 9 مذكرات للتعاون الثنائي.")
    assert [(a["type"], a["sectors"]) for a in out] == [("memorandum_of_understanding", ["agriculture", "transport"])]


def test_a_heading_that_names_the_document_gives_it_the_fields_of_its_text():
    text = ("الكويت وتونس تصدران بيانا مشتركا في ختام الزيارة\nبيان مشترك حول الشراكة بين الكويت وتونس\n"
            "الكويت\nاتفق الجانبان على تعزيز التعاون في مجال الطاقة.\nوأكدا أهمية التعاون في مجال الصحة.")
    assert [(a["type"], a["status"], a["sectors"]) for a in documents(text)] == [
        ("joint_statement", "signed", ["energy", "health"])]


def test_list_connectives_carry_the_status_on():
    out = documents("ووقعت الكويت وتونس 3 اتفاقيات، وشملت مذكرة تفاهم بين وزارتي الاستثمار في البلدين بهدف تفعيل الصندوق "
                    "المشترك للاستثمار، بالإضافة إلى اتفاقية أخرى للتعاون في مجال البيئة، وأخيرا بروتوكول في مجال الصحة.")
    assert sorted((a["type"], a["status"]) for a in out if a["title_ar"]) == [
        ("agreement", "signed"), ("memorandum_of_understanding", "signed"), ("protocol", "signed")]


def test_a_plural_bullet_under_a_list_of_documents_is_a_document():
    text = "ووقعت الكويت وتونس عددا من الوثائق.\nومن أبرز الاتفاقيات الموقعة:\nبروتوكولات في الإعلام والتعليم العالي"
    assert [(a["type"], a["status"]) for a in documents(text) if a["type"] == "protocol"] == [("protocol", "signed")]


def test_joint_statement_with_adjectives_between_and_issued_by_default():
    out = documents("وجاء ذلك في بيان كويتي - تونسي مشترك في ختام زيارة الوزير.")
    assert [(a["type"], a["status"], a["parties"]) for a in out] == [("joint_statement", "signed", ["KWT", "TUN"])]
    out = documents("ودعا الوزيران إلى إصدار بيان مشترك بين الكويت وتونس الشهر المقبل.")
    assert [(a["type"], a["status"]) for a in out] == [("joint_statement", "planned")]


def test_signed_between_the_two_sides_does_not_name_a_new_document():
    text = ("ووقع رئيسا الكويت وتونس إعلانا بشأن الشراكة الاستراتيجية. وجاء في البيان الموقع بين الجانبين أن "
            "البلدين يعززان التعاون في مجال الطاقة.")
    assert [a["type"] for a in documents(text)] == ["declaration"]


def test_parties_are_the_signatories_not_sponsors_or_states_named_after_the_clause():
    out = documents("ووقعت الكويت في جنيف، برعاية الرئيس الفرنسي، اتفاقية سلام مع تونس، ما جعلها الأولى بعد مصر.",
                    "2024-05-01")
    assert [a["parties"] for a in out] == [["KWT", "TUN"]]
    out = documents("وكانت الكويت وتونس قد وقعتا في مارس الماضي اتفاق النقل، بعد وساطة فرنسية.", "2024-05-01")
    assert [(a["status"], a["date"], a["parties"]) for a in out] == [("referenced", "2024-03", ["KWT", "TUN"])]


def test_a_definite_mention_with_nothing_new_refers_back_and_adds_its_fields():
    out = documents("وأبرمت الكويت مع تونس اتفاقا في جنيف، ذلك أن الاتفاق النووي يرفع العقوبات.")
    assert [(a["type"], a["sectors"]) for a in out] == [("agreement", ["security"])]


def test_visas_and_medicines_are_fields():
    out = documents("ووقعت الكويت وتونس مذكرة تفاهم لإلغاء التأشيرات، وأخرى في مجال الصناعات الدوائية.")
    assert sorted(tuple(a["sectors"]) for a in out) == [("health",), ("migration",)]


def test_a_declaration_named_after_a_city_and_a_launched_plan():
    out = documents("واختتمت القمة في الكويت باعتماد إعلان الكويت، وتوجت بإطلاق خطة عمل مشتركة مع تونس للفترة 2024-2028.")
    assert sorted((a["type"], a["status"]) for a in out) == [("declaration", "signed"), ("plan", "signed")]


def test_a_month_of_the_current_year_dates_an_earlier_signing():
    out = documents("وزار رئيس الكويت تونس اليوم.\nوفي مارس من العام الحالي وقع البلدان 20 اتفاقية", "2024-05-07")
    assert [(a["status"], a["date"], a["parties"]) for a in out] == [("referenced", "2024-03", ["KWT", "TUN"])]


def test_minutes_memoranda_of_cooperation_and_duals_with_ordinals():
    out = documents("وفي الختام وقع رئيسا وزراء الكويت وتونس على محضر اجتماعات اللجنة، وتم توقيع مذكرتين تفاهم. "
                    "وتضمنت مذكرة التفاهم الأولى التعاون في مجال النقل، بينما تضمنت مذكرة التفاهم الثانية التعاون في مجال "
                    "الزراعة. كما وقعا مذكرة تعاون في مجال الصحة.")
    assert sorted((a["type"], tuple(a["sectors"])) for a in out) == [
        ("memorandum_of_understanding", ("agriculture",)), ("memorandum_of_understanding", ("health",)),
        ("memorandum_of_understanding", ("transport",)), ("protocol", ())]
    assert documents("وناقشت المحكمة محضر الجلسة في الكويت.") == []


def test_documents_ready_to_be_signed_are_planned_and_general_activation_is_no_document():
    out = documents("وتشمل الاتفاقيات الجاهزة للتوقيع في ختام اجتماعات اللجنة بين الكويت وتونس برنامجا تنفيذيا للتعاون الثقافي.")
    assert [(a["type"], a["status"]) for a in out] == [("programme", "planned")]
    assert documents("واتفق الجانبان الكويتي والتونسي على تفعيل عدد من مذكرات التفاهم.") == []


def test_coordinated_counts_with_a_conjoined_number_share_their_fields():
    out = documents("وخلال تلك الزيارة تم توقيع 8 مذكرات تفاهم و4 برامج تعاون بين الكويت وتونس في مجالات مختلفة أبرزها النفط.")
    assert sorted((a["type"], a["status"], tuple(a["sectors"])) for a in out) == [
        ("memorandum_of_understanding", "referenced", ("energy",)), ("programme", "referenced", ("energy",))]


def test_a_document_signed_at_a_visit_of_someone_else_is_referenced():
    text = ("وصل رئيس الكويت نواف الأحمد إلى تونس اليوم في زيارة رسمية.\n"
            "وشملت الاتفاقية الإطارية التي تم توقيعها خلال زيارة رئيس وزراء الكويت أحمد النواف لتونس مجالات النقل.")
    out = documents(text, "2024-05-07")
    assert [(a["status"], a["date"]) for a in out] == [("referenced", None)]


def test_starred_bullets_under_a_clause_that_includes_the_signed_set():
    text = ("وقع رئيسا الكويت وتونس اليوم عدة اتفاقيات شراكة.\nوتضمنت الاتفاقيات عدة قطاعات من بينها :\n"
            "*مذكرة تفاهم بين الكويت وتونس في مجال النقل.\n* إعلان نوايا لتعزيز التعاون الثنائي.\n"
            "*مذكرة تفاهم بين الكويت وتونس حول المؤسسات الناشئة.")
    out = documents(text)
    assert sorted((a["type"], a["status"]) for a in out if a["title_ar"]) == [
        ("declaration", "signed"), ("memorandum_of_understanding", "signed"), ("memorandum_of_understanding", "signed")]


def test_states_inside_the_title_are_subject_matter_not_signatories():
    out = documents("وقعت الكويت مع تونس اتفاقية خط أنابيب يمر بأربع دول هي مصر وليبيا والجزائر والمغرب.")
    assert [a["parties"] for a in out] == [["KWT", "TUN"]]


def test_signed_relative_clauses_beat_words_of_importance():
    out = documents("وأشاد الرئيسان الكويتي والتونسي بالاتفاق الذي أبرم اليوم في مجال الطاقة.", "2024-03-10")
    assert [(a["status"], a["date"]) for a in out] == [("signed", "2024-03-10")]
    out = documents("وأكد الجانبان الكويتي والتونسي أهمية الاتفاقية التي وقعت أمس في مجال النقل.", "2024-03-10")
    assert [(a["status"], a["date"]) for a in out] == [("signed", "2024-03-09")]
    out = documents("وأكد الجانبان الكويتي والتونسي أهمية توقيع اتفاقية في مجال النقل.", "2024-03-10")
    assert [a["status"] for a in out] == ["planned"]


def test_a_document_signed_at_a_recalled_visit_takes_its_date():
    text = ("استقبل أمير الكويت اليوم رئيس تونس.\nوكان أمير الكويت قد زار تونس في مارس 2021.\n"
            "وخلال تلك الزيارة، تم توقيع اتفاقية للتعاون في مجال النقل بين البلدين.")
    out = documents(text, "2024-05-07")
    assert [(a["status"], a["date"]) for a in out] == [("referenced", "2021-03")]


def test_named_examples_of_a_count_in_its_sentence_are_its_documents():
    out = documents("ووقع الوزيران الكويتي والتونسي عددا من الاتفاقيات أبرزها اتفاقية لتجنب الازدواج الضريبي "
                    "واتفاقية لحماية الاستثمارات.")
    assert sorted(a["title_ar"] for a in out) == ["اتفاقية لتجنب الازدواج الضريبي", "واتفاقية لحماية الاستثمارات"]


def test_a_signing_year_before_the_document_dates_it():
    out = documents("ووقع البلدان الكويت وتونس عام 2015 اتفاقية للتعاون الجمركي.", "2024-03-10")
    assert [(a["status"], a["date"], a["sectors"]) for a in out] == [("referenced", "2015", ["trade"])]


def test_a_region_names_no_signatory():
    out = documents("وأكد البيان المشترك الذي صدر عن قمة دول آسيا الوسطى أهمية التعاون في مجال الطاقة.")
    assert [(a["type"], a["status"], a["parties"]) for a in out] == [("joint_statement", "signed", [])]


def test_lines_numbered_in_words_under_a_list_of_signed_documents():
    text = ("ووقع الجانبان الكويتي والتونسي الوثائق التالية:\nأولاً: مذكرة تفاهم في مجال الزراعة\n"
            "ثانياً: برنامج تنفيذي للتعاون الثقافي")
    assert rows(text) == [("memorandum_of_understanding", "signed", ("agriculture",)), ("programme", "signed", ("culture",))]


def test_previously_and_expected_signings():
    out = documents("وسبق أن وقع البلدان الكويت وتونس اتفاقية للنقل البحري.", "2024-03-10")
    assert [a["status"] for a in out] == ["referenced"]
    out = documents("وينتظر أن يوقع البلدان الكويت وتونس اتفاقية للنقل البحري.", "2024-03-10")
    assert [a["status"] for a in out] == ["planned"]


def test_documents_of_an_event_still_to_come_are_planned():
    text = "يزور رئيس الكويت تونس غدا في زيارة رسمية تستمر يومين، ويشهد الرئيسان توقيع مذكرة تفاهم في مجال الصحة."
    assert [a["status"] for a in documents(text, "2024-03-10")] == ["planned"]
    text = "يصل رئيس الكويت إلى تونس الأسبوع المقبل. ويتضمن برنامج الزيارة توقيع اتفاقية للتعاون في مجال النقل."
    assert [(a["type"], a["status"]) for a in documents(text, "2024-03-10")] == [("agreement", "planned")]


def test_numbered_items_of_one_list_stay_apart():
    text = ("وقعت الكويت وتونس أربع مذكرات تفاهم. وتتعلق مذكرة التفاهم الأولى بالتعاون في مجال التجارة. "
            "وتشمل مذكرة التفاهم الثانية التعاون في مجال العمل. أما مذكرة التفاهم الثالثة فتتعلق بالتعاون العلمي. "
            "فيما تعنى مذكرة التفاهم الرابعة، بالتعاون بين وكالتي الأنباء.")
    assert len(documents(text)) == 4


def test_a_witnessed_signing_stays_signed_beside_a_planned_meeting():
    text = "شهد رئيسا الكويت وتونس اليوم توقيع اتفاقية للنقل. واتفقا على عقد القمة المقبلة في الرياض في نوفمبر."
    assert [a["status"] for a in documents(text, "2024-03-10")] == ["signed"]


def test_since_the_signing_of_a_document_it_is_referenced():
    (doc,) = documents("وصل رئيس غانا اليوم إلى لومي في زيارة هي الأولى منذ توقيع اتفاقية الحدود بين غانا وتوغو.")
    assert (doc["type"], doc["status"]) == ("agreement", "referenced")
    (doc,) = documents("ووقع وزيرا خارجية غانا وتوغو اليوم اتفاقية للتعاون في مجال النقل.")
    assert doc["status"] == "signed"


def test_in_addition_to_signing_adds_a_signed_document_and_plans_nothing():
    docs = documents("ووقع الجانبان اتفاقية للتعاون في مجال النقل، بالإضافة إلى توقيع محضر اجتماعات اللجنة المشتركة.")
    assert sorted((d["type"], d["status"]) for d in docs) == [("agreement", "signed"), ("protocol", "signed")]
    (doc,) = documents("ودعا الوزيران إلى توقيع اتفاقية للتجارة الحرة.")
    assert doc["status"] == "planned"


def test_a_document_signed_earlier_the_same_day_is_signed():
    text = "وكان رئيس وزراء الأردن قد التقى، في وقت سابق اليوم، وزير خارجية قبرص، حيث وقع الجانبان مذكرة تفاهم."
    (doc,) = documents(text, "2024-06-03")
    assert (doc["status"], doc["date"]) == ("signed", "2024-06-03")
    (doc,) = documents("وكان البلدان قد وقعا مذكرة تفاهم في مجال النقل.", "2024-06-03")
    assert doc["status"] == "referenced"


def test_an_event_noun_in_a_documents_title_is_its_subject_not_a_meeting():
    for text in ("ووقع وزيرا خارجية مصر والأردن مذكرة تفاهم بشأن المشاورات السياسية بين البلدين.",
                 "ووقع وزيرا خارجية مصر والأردن اتفاقية لإجراء مشاورات سياسية منتظمة بين الوزارتين."):
        out = extract_article(text, "t.txt", None)
        assert (len(out["agreements"]), out["meetings"]) == (1, []), text
    out = extract_article("ووقع وزيرا خارجية مصر والأردن مذكرة تفاهم، وعقدا مشاورات سياسية في القاهرة.", "t.txt", None)
    assert [m["type"] for m in out["meetings"]] == ["consultations"]


def test_documents_a_count_announces_are_listed_in_their_own_words():
    """As many comma-separated parts after "وهي" as documents counted: one row each, here or in the next sentence."""
    out = documents("وبعد المحادثات تم التوقيع على ثلاث مذكرات تفاهم بين مصر والصومال، وهي إنشاء آلية للتشاور "
                    "السياسي، وإنشاء لجنة مشتركة، والتعاون بين المعهدين الدبلوماسيين.")
    assert len(out) == 3 and {tuple(a["parties"]) for a in out} == {("EGY", "SOM")}
    out = documents("ووقع الجانبان المصري والأردني ثلاث مذكرات تفاهم. وهي مذكرة للتعاون الزراعي، ومذكرة للتعاون "
                    "السياحي، وثالثة للتعليم العالي.")
    assert sorted(tuple(a["sectors"]) for a in out) == [("agriculture",), ("education",), ("tourism",)]
    out = documents("وقع وزيرا خارجية مصر والأردن ثلاث مذكرات تفاهم. وتشمل المذكرات التعاون في مجالات الزراعة "
                    "والسياحة والتعليم.")
    assert sorted(tuple(a["sectors"]) for a in out) == [("agriculture",), ("education",), ("tourism",)]
    # two counted, three listed: not those documents one by one
    assert len(documents("ووقع الجانبان المصري والأردني مذكرتي تفاهم. وهي مذكرة للتعاون الزراعي، ومذكرة للتعاون "
                         "السياحي، وثالثة للتعليم العالي.")) == 1
