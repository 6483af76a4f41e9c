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


def test_a_name_ends_before_a_time_word_or_a_verb():
    assert "ياسين العلي" in names("وسيعقد الرئيس ياسين العلي غد الجمعة لقاء مع الجالية")
    assert not any(n and "ويقيم" in n for n in names("وصل الوفد إلى بحري ويقيم الرئيس السوداني مأدبة غداء"))


def test_the_words_of_a_long_honorific_are_no_name():
    found = persons("وأكد خلالها حضرة صاحب الجلالة ملك مملكة البحرين المعظم دعم بلاده")
    assert ("head_of_state", "BHR", None) in found
    assert not any(n and "صاحب" in n for n in names("واستقبل صاحب السمو ولي العهد السعودي ضيفه"))


def test_a_military_rank_is_no_part_of_the_name():
    assert "عبد الرحيم حمدان" in names("وصل رئيس المجلس العسكري في السودان الفريق أول ركن عبد الرحيم حمدان إلى القاهرة")
