"""Person names after a title: what can be a name, and the titles that give a person's role.
Sentences written for the tests."""
import pytest

from pipelines.extract.clean import clean
from pipelines.extract.recognise import annotate
from pipelines.extract.segment import segment


def persons(text: str) -> list[tuple[str, str | None, str | None]]:
    """(role, country, name) of every person the first sentence names."""
    ann = annotate(segment(clean(text)).sentences[0])
    return [(p.role, p.country, p.name) for p in ann.persons]


def names(text: str) -> set[str | None]:
    return {name for _, _, name in persons(text)}


@pytest.mark.parametrize("text, word", [
    ("ولي العهد السعودي يبدأ اليوم جولة في آسيا", "يبدأ"),  # an imperfect verb
    ("الرئيس الفرنسي متوجها إلى الرياض في زيارة رسمية", "متوجها"),  # a participle
    ("أجرى الرئيس مباحثات مع رئيس جمهورية تركيا تتمحور حول التجارة", "تتمحور"),
    ("قال إن زيارة ولي العهد ستستمر ثلاثة أيام", "ستستمر"),  # the future
    ("وتلقى الملك اتصالا من رئيس الولايات المتحدة اطمأن فيه على صحته", "اطمأن"),
    ("وغادر الرئيس اللبناني ووفده العاصمة بعد الزيارة", "ووفده"),  # و + a stop noun + pronoun
    ("وجاءت زيارة الرئيس البرازيلي بدعوة من نظيره", "بدعوة"),  # ب + a stop noun
    ("وأعلن المتحدث الرسمي باسم وزارة الخارجية أن الاجتماع سيعقد", "باسم"),
    ("وتوجه الرئيس الكيني برفقة الوفد إلى مقر القمة", "برفقة"),
    ("وقام الرئيس الغاني بأداء الصلاة في المسجد", "بأداء"),  # ب + a verbal noun
    ("قام وزير الخارجية بإجراء اتصال هاتفي مع نظيره", "بإجراء"),
    ("وسيقوم الرئيس الكوري بتقديم التعازي إلى الملك", "بتقديم"),
    ("قام الرئيس الإندونيسي بأول زيارة رسمية إلى المنامة", "بأول"),  # ب + an ordinal
    ("وأكد رئيس الجمهورية الغانية ارتياحهما لتطور العلاقات", "ارتياحهما"),  # a dual pronoun
    ("وتأتي زيارة وزير الدفاع البريطاني ضمن جولة في المنطقة", "ضمن"),  # a particle
    ("ترأس الجانب الكويتي وزير الخارجية، فيما ترأس الجانب القطري وزير الدولة", "فيما"),
    ("اتصل وزير الخارجية والهجرة وشئون المصريين بالخارج بنظيره الأردني", "وشئون"),  # an office noun
])
def test_a_word_the_lexicons_know_is_no_name(text, word):
    assert not any(name and word in name.split() for name in names(text))


def test_a_real_name_after_a_title_is_still_taken():
    assert ("head_of_state", "FRA", "إيمانويل ماكرون") in persons("استقبل الرئيس الفرنسي إيمانويل ماكرون ضيفه")
    # a name that only looks like ب + a word: a known leader's name word
    assert "بشار الأسد" in names("التقى الرئيس السوري بشار الأسد نظيره")
    assert "فيصل بن فرحان" in names("بحث وزير الخارجية السعودي فيصل بن فرحان مع نظيره")
    # a transliterated given name that is also a particle is left to the name: "دون" (Don)
    assert "دون براماتويناي" in names("التقى وزير الخارجية التايلاندي دون براماتويناي نظيره")
    # a known leader's name word that reads as ل + "ولا": "لولا دا سيلفا"
    assert any(n and n.startswith("لولا") for n in names("استقبل الرئيس البرازيلي لولا دا سيلفا ضيفه"))


def test_a_name_ends_before_a_time_word_or_a_verb():
    assert "ياسين العلي" in names("وسيعقد الرئيس ياسين العلي غد الجمعة لقاء مع الجالية")
    assert not any(n and "ويقيم" in n for n in names("وصل الوفد إلى بحري ويقيم الرئيس السوداني مأدبة غداء"))


def test_the_words_of_a_long_honorific_are_no_name():
    found = persons("وأكد خلالها حضرة صاحب الجلالة ملك مملكة البحرين المعظم دعم بلاده")
    assert ("head_of_state", "BHR", None) in found
    assert not any(n and "صاحب" in n for n in names("واستقبل صاحب السمو ولي العهد السعودي ضيفه"))


def test_a_military_rank_is_no_part_of_the_name():
    assert "عبد الرحيم حمدان" in names("وصل رئيس المجلس العسكري في السودان الفريق أول ركن عبد الرحيم حمدان إلى القاهرة")


def test_a_woman_heading_a_state_or_a_government():
    assert ("head_of_state", "GHA", "أمينة داود") in persons("وحلت رئيسة جمهورية غانا، أمينة داود، اليوم بالرباط")
    assert ("head_of_government", "NZL", None) in persons("التقت رئيسة وزراء نيوزيلندا نظيرها")


def test_a_vice_president_is_no_head_of_state():
    found = persons("وصل نائب رئيس جمهورية البرازيل جواو سيلفا إلى الرياض")
    assert ("official", "BRA", "جواو سيلفا") in found
    assert not any(role == "head_of_state" for role, _, _ in found)


def test_the_maghreb_first_minister_and_a_caretaker_government_head_governments():
    assert ("head_of_government", "DZA", None) in persons("استقبل الوزير الأول الجزائري وفدا تونسيا")
    assert ("head_of_government", "LBN", "سمير داود") in persons("والتقى رئيس حكومة تصريف الأعمال اللبنانية سمير داود بالوزير")


def test_the_head_of_a_company_or_a_fund_is_no_head_of_state():
    found = persons("ورافقه كريم نصار رئيس شركة النفط الوطنية، وحضر اللقاء السفير")
    assert ("official", None, "كريم نصار") in found
    assert not any(role == "head_of_state" for role, _, _ in found)
    assert ("official", "KWT", None) in persons("وشارك رئيس الصندوق الكويتي في الاجتماع")


def test_the_chair_of_a_side_takes_the_role_of_his_other_title():
    assert persons("وشارك رئيس الجانب المصري من اللجنة في الجلسة") == []


def test_a_compound_name_is_not_cut_after_its_first_word():
    assert "عبد الله بن راشد" in names("وحضر الاجتماع وزير الطاقة الإماراتي عبد الله بن راشد")
    assert not any(n in ("عبد", "بن") for n in names("وتذكر الجميع الملك عبد. وحضر الوزير بن"))


def test_ali_spelt_with_ya_is_a_name_but_the_preposition_is_not():
    assert "علي حسن" in names("وصل نائب رئيس الوزراء العراقي علي حسن إلى أنقرة")
    assert not any(n and "على" in n for n in names("وأكد رئيس الوزراء العراقي على ضرورة التعاون"))


def test_a_leaders_name_under_a_preposition_is_quoted_without_it():
    assert "محمد بن سلمان" in names("وتعد هذه الزيارة الأولى لمحمد بن سلمان إلى القاهرة")


def test_a_place_named_after_a_leader_names_no_person():
    ann = annotate(segment(clean("وتوجه الوفد إلى مركز حيدر علييف للمؤتمرات")).sentences[0])
    assert ann.persons == [] and ann.countries == []


def test_an_ambassadors_rank_before_his_office_takes_the_offices_role_and_state():
    found = persons("وترأس الجولة السفير خالد يونس نائب وزير الخارجية المصري، والسفير أحمد تان نائب وزير الخارجية التركي")
    assert found == [("deputy_foreign_minister", "EGY", "خالد يونس"), ("deputy_foreign_minister", "TUR", "أحمد تان")]


def test_a_word_in_quotes_after_a_title_is_no_name():
    assert names("وقال السفير المزين لوكالة الأنباء الكويتية «كونا» إن الاجتماع مهم") == {None}


@pytest.mark.parametrize("text", [
    "استقبل وزير الخارجية والهجرة المصري نظيره الأردني في القاهرة.",  # no name
    "استقبل بدر عبد العاطي، وزير الخارجية والهجرة، نظيره الأردني في القاهرة.",  # a known name before the title
    "أجرى وزير الخارجية وشئون المصريين بالخارج اتصالا هاتفيا مع نظيره الأردني.",  # the portfolio goes on after و + an office noun
])
def test_a_ministers_portfolio_is_no_sector(text):
    from pipelines.extract import extract_article
    out = extract_article(text, "t.txt")
    assert out["meetings"] and "migration" not in out["sectors"]


def test_a_title_before_a_leaders_longer_name_gives_the_whole_name():
    found = persons("التقى وزير الطاقة الأمير عبدالعزيز بن سلمان بن عبدالعزيز بوزير الطاقة الأوزبكي")
    assert ("minister", "SAU", "عبدالعزيز بن سلمان بن عبدالعزيز") in found


def test_another_title_ends_a_name_before_a_title():
    assert "وولي العهد" not in names("نقل له تحيات الملك سلمان بن عبدالعزيز، وولي العهد نائب رئيس مجلس الوزراء")


def test_a_name_ends_before_a_quantifier_or_a_superlative():
    assert "ماهر الحسن" in names("ويستقبل الأمين العام للحركة ماهر الحسن وعدد من قادة الأحزاب")
    assert "جون سميث" in names("بحث الوزير مع مستشار وزير الخارجية الأمريكي جون سميث أبرز القضايا")


def test_a_title_after_a_kinship_noun_is_the_relatives():
    found = persons("التقى الرئيس بولي العهد الأردني نجل الملك حسين بن عبدالله")
    assert not any(role == "head_of_state" and name == "حسين بن عبدالله" for role, _, name in found)
    # a courtesy: "his brother President ..." names the president
    assert ("head_of_state", "TUN", "قيس سعيد") in persons("بتوجيهات الرئيس الجزائري وأخيه الرئيس التونسي قيس سعيد")


def test_the_vice_president_of_a_state_named_after_the_title():
    assert ("official", "PSE", None) in persons("اتصل الوزير مع نائب رئيس دولة فلسطين")


def test_a_title_after_the_preposition_b_names_a_participant_of_a_known_state():
    assert ("minister", "UZB", "جورابك محمودوف") in persons("التقى وزير الطاقة السعودي بوزير الطاقة الأوزبكي جورابك محمودوف")
    assert ("head_of_state", "FRA", "إيمانويل ماكرون") in persons("واجتمع الوزير بالرئيس الفرنسي إيمانويل ماكرون")
    # with no state to tell, "بالرئيس فلان" is too weak a sign to name someone
    assert persons("ومن المقرر أن يلتقي الوزير بالرئيس زيدان اليوم")[1:] == []


def test_a_commissioner_is_an_organisations_official():
    assert ("org_official", None, "كمال صديق") in persons("والتقى كمال صديق مفوض السلم والأمن بالاتحاد")


def test_a_person_only_greeted_or_quoted_as_sender_is_no_participant():
    assert "سلمان بن عبدالعزيز" not in names("ونقل الوزير للرئيس تحيات خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز")
    assert "عبدالله الثاني" not in names("وسلمه رسالة من جلالة الملك عبدالله الثاني تتعلق بالعلاقات")
    assert "مراد حسن" not in names("منذ عزل الرئيس مراد حسن في يوليو")
    # the same names taking part are kept
    assert "عبدالله الثاني" in names("واستقبل جلالة الملك عبدالله الثاني الوزير")


def test_two_titles_of_one_person_give_one_participant_with_the_higher_role():
    found = persons("واستقبل ولي العهد رئيس مجلس الوزراء الأمير سالم الحمد، رئيس الوزراء الهندي")
    assert found[0] == ("head_of_government", None, "سالم الحمد") and len(found) == 2
    # a second title with a state of its own is another person
    assert len(persons("واستقبل ولي العهد رئيس الوزراء الهندي ناريندرا مودي")) == 2


def test_a_stray_comma_inside_a_known_name_is_not_quoted():
    assert "ناصر بوريطة" in names("عقد وزير الخارجية المغربي، ناصر، بوريطة، مباحثات")


def test_a_preposition_before_a_comma_is_the_last_word_of_a_name():
    assert "ليو بين" in names("أعلن مساعد وزير الخارجية الصيني، ليو بين، أن القمة ستعقد")
    assert "ليو" in names("قال مساعد وزير الخارجية الصيني ليو بين البلدين علاقات قوية")
