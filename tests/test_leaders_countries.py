"""States and their people: nationality adjectives, leaders' terms of office, names inside institution names.
Sentences are written for the tests."""
from pipelines.extract import extract_article
from pipelines.extract.clean import clean
from pipelines.extract.lexicon import derived_nisba
from pipelines.extract.recognise import annotate
from pipelines.extract.segment import segment


def sentence(text: str):
    return annotate(segment(clean(text)).sentences[0])


def states(text: str) -> set[str]:
    return {i for c in sentence(text).countries for i in c.iso3}


# ---- nationality adjectives ---------------------------------------------------------
def test_a_hamzated_alef_is_part_of_the_name_not_its_article():
    assert derived_nisba("ألمانيا") == "ألماني" and derived_nisba("ألبانيا") == "ألباني"
    assert derived_nisba("الأردن") == "أردني" and derived_nisba("اليابان") == "ياباني"
    assert derived_nisba("المملكة المتحدة") is None


def test_common_words_left_after_a_hamzated_alef_are_no_state():
    assert states("وصفه الخطيب بأنه باني النهضة الحديثة في مدينته") == set()
    assert states("سجل اللاعب ماني هدفين في المباراة") == set()
    assert states("وصل الوفد الألماني إلى العاصمة الألبانية") == {"DEU", "ALB"}
    assert states("زار الوزير ألمانيا ثم توجه إلى ألبانيا") == {"DEU", "ALB"}
