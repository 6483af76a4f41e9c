"""Short articles in the styles of other outlets (written for the tests): whole-article behaviour."""
from pipelines.extract import extract_article


def run(text: str, published: str | None = None) -> dict:
    return extract_article(text, "t.txt", published)


def test_news_agency_dateline_reception_and_signed_programme():
    out = run("عشق آباد، 15 يناير 2025 (تي دي إتش) – استقبل رئيس تركمانستان سردار بيردي محمدوف اليوم وزير الخارجية "
              "الهنغاري بيتر سيارتو الذي يزور البلاد في زيارة عمل. وخلال اللقاء، ناقش الجانبان آفاق التعاون في مجالات "
              "الطاقة والنقل والزراعة. كما جرى التوقيع على برنامج التعاون بين وزارتي خارجية البلدين للفترة 2025-2026.")
    assert out["published_date"] == "2025-01-15"
    talks = [m for m in out["meetings"] if m["type"] == "talks"]
    assert len(talks) == 1
    assert (talks[0]["countries"], talks[0]["date"], talks[0]["location_city"]) == (["HUN", "TKM"], "2025-01-15", "Ashgabat")
    (programme,) = out["agreements"]
    assert (programme["type"], programme["status"], programme["parties"]) == ("programme", "signed", ["HUN", "TKM"])
    assert out["sectors"] == ["agriculture", "energy", "transport"]


def test_crown_prince_receives_a_foreign_minister():
    out = run("التقى سمو ولي العهد الشيخ صباح خالد الحمد الصباح في قصر بيان اليوم الثلاثاء نائب رئيس مجلس الوزراء "
              "وزير خارجية تركمانستان رشيد ميريدوف والوفد المرافق له بمناسبة زيارته للبلاد.")
    (meeting,) = [m for m in out["meetings"] if m["type"] == "talks"]
    assert meeting["countries"] == ["KWT", "TKM"] and meeting["date"] is None


def test_messages_and_cables_are_not_meetings():
    out = run("تلقى رئيس تركمانستان رسالة خطية من أمير دولة قطر. وبعث الرئيس برقية تهنئة إلى رئيس أذربيجان "
              "بمناسبة العيد الوطني.")
    assert out["meetings"] == []


def test_summit_of_an_organisation_with_a_guest():
    out = run("شارك رئيس تركمانستان سردار بيردي محمدوف في قمة منظمة شنغهاي للتعاون التي عقدت في أستانا يوم 4 يوليو 2024 "
              "بصفة ضيف.")
    (summit,) = out["meetings"]
    assert (summit["type"], summit["date"], summit["location_city"]) == ("summit", "2024-07-04", "Astana")
    assert "TKM" in summit["countries"] and "SCO" in summit["organizations"]


def test_video_call():
    out = run("عقد وزير خارجية تركمانستان رشيد ميريدوف ونظيره الماليزي اجتماعا عبر تقنية الاتصال المرئي يوم 2 مارس 2021.")
    (call,) = out["meetings"]
    assert (call["type"], call["countries"], call["date"]) == ("video_call", ["MYS", "TKM"], "2021-03-02")


def test_joint_commission_session():
    out = run("انطلقت في عشق آباد اليوم أعمال الدورة السابعة للجنة الحكومية المشتركة التركمانستانية التركية للتعاون "
              "الاقتصادي برئاسة نائب رئيس الوزراء.", published="2023-10-11")
    (commission,) = out["meetings"]
    assert (commission["type"], commission["round"], commission["countries"]) == ("joint_commission", 7, ["TKM", "TUR"])
    assert (commission["date"], commission["location_city"]) == ("2023-10-11", "Ashgabat")


def test_planned_visit_next_month():
    out = run("ومن المقرر أن يقوم رئيس تركمانستان بزيارة رسمية إلى اليابان الشهر المقبل.", published="2024-05-20")
    (visit,) = out["meetings"]
    assert (visit["type"], visit["status"], visit["date"]) == ("visit", "planned", "2024-06")
    assert visit["countries"] == ["JPN", "TKM"] and visit["location_country"] == "JPN"


def test_hijri_dated_gulf_meeting():
    out = run("الرياض في 7 شعبان 1445 هـ الموافق 17 فبراير 2024 م — استقبل صاحب السمو الملكي الأمير فيصل بن فرحان "
              "وزير الخارجية، في مقر الوزارة بالرياض، نائب وزير الخارجية التركمانستاني، وجرى خلال الاستقبال "
              "استعراض العلاقات الثنائية.")
    assert out["published_date"] == "2024-02-17"  # the dateline, through its Gregorian equivalent
    (meeting,) = out["meetings"]
    # the text gives the event no date of its own ("اليوم" would have anchored it): none is invented
    assert (meeting["countries"], meeting["date"], meeting["location_city"]) == (["SAU", "TKM"], None, "Riyadh")


def test_interviews_are_not_meetings_but_trilateral_meetings_are():
    assert run("وقال وزير الخارجية التركمانستاني في لقاء مع قناة روسيا اليوم إن بلاده تدعم الحوار.")["meetings"] == []
    (meeting,) = run("وعقد الرئيس التركمانستاني اجتماعا ثلاثيا مع رئيسي أذربيجان وتركيا في مدينة أوازا.")["meetings"]
    assert (meeting["countries"], meeting["location_city"]) == (["AZE", "TKM", "TUR"], "Awaza")


def test_planned_visit_on_an_ordinal_day_of_the_current_month():
    (visit,) = run("وسيزور الرئيس الكازاخستاني عشق آباد في الخامس عشر من الشهر الجاري.", published="2024-03-05")["meetings"]
    assert (visit["status"], visit["date"], visit["countries"]) == ("planned", "2024-03-15", ["KAZ", "TKM"])


def test_ratified_agreement_signed_earlier_is_referenced_with_its_year():
    (agreement,) = run("صادق البرلمان التركمانستاني على اتفاقية التعاون العسكري مع روسيا الموقعة في عام 2022.")["agreements"]
    assert (agreement["status"], agreement["date"], agreement["parties"]) == ("referenced", "2022", ["RUS", "TKM"])


def test_phone_talks():
    (call,) = run("أجرى وزير الخارجية التركمانستاني رشيد ميريدوف مباحثات هاتفية مع نظيره السعودي الأمير فيصل بن فرحان.")["meetings"]
    assert (call["type"], call["countries"]) == ("phone_call", ["SAU", "TKM"])


def test_domestic_cabinet_meetings_are_not_diplomatic_meetings():
    assert run("عقد رئيس تركمانستان سردار بيردي محمدوف اليوم اجتماعا موسعا لمجلس الوزراء ناقش خلاله نتائج عمل "
               "الحكومة.", published="2024-01-10")["meetings"] == []
    assert run("استقبل رئيس تركمانستان السفراء الجدد لعدد من الدول الذين قدموا أوراق اعتمادهم.")["meetings"] == []


def test_visit_next_week_and_agreement_to_be_signed_are_planned():
    out = run("يصل رئيس وزراء ماليزيا إلى عشق آباد الأسبوع المقبل، ومن المقرر أن يتم خلال الزيارة توقيع اتفاقية "
              "للتجارة الحرة.", published="2024-01-10")
    (visit,) = out["meetings"]
    (agreement,) = out["agreements"]
    assert (visit["type"], visit["status"], visit["countries"]) == ("visit", "planned", ["MYS", "TKM"])
    assert (agreement["status"], agreement["parties"], agreement["sectors"]) == ("planned", ["MYS", "TKM"], ["trade"])


def test_both_heads_of_state_are_participants():
    out = run("استقبل الرئيس الأوزبكي شوكت ميرزيوييف رئيس تركمانستان في طشقند يوم 5 مايو 2023. وقع الجانبان على "
              "مذكرة تفاهم بين وزارتي الصحة في البلدين.")
    (meeting,) = out["meetings"]
    assert {(p["role"], p["country"]) for p in meeting["participants"]} == {("head_of_state", "UZB"), ("head_of_state", "TKM")}
    (mou,) = out["agreements"]
    assert (mou["status"], mou["date"], mou["parties"], mou["sectors"]) == ("signed", "2023-05-05", ["TKM", "UZB"], ["health"])


def test_meeting_reported_through_a_reception_noun():
    out = run("أكد الرئيس الإماراتي الشيخ محمد بن زايد آل نهيان خلال استقباله وزير خارجية تركمانستان رشيد ميريدوف "
              "في أبوظبي حرص بلاده على تعزيز العلاقات. وأشار الوزير خلال لقائه إلى أهمية الاستثمار.")
    (meeting,) = out["meetings"]
    assert (meeting["type"], meeting["countries"], meeting["location_city"]) == ("talks", ["ARE", "TKM"], "Abu Dhabi")
    assert {p["name_ar"] for p in meeting["participants"]} == {"محمد بن زايد آل نهيان", "رشيد ميريدوف"}


def test_session_of_the_general_assembly_is_a_un_conference():
    (meeting,) = run("شارك وزير الخارجية التركمانستاني رشيد ميريدوف في أعمال الدورة الـ79 للجمعية العامة للأمم المتحدة "
                     "في نيويورك.")["meetings"]
    assert (meeting["type"], meeting["round"], meeting["organizations"], meeting["location_city"]) == \
        ("conference", 79, ["UN"], "New York")
    assert run("نظمت السفارة التركمانستانية في القاهرة الدورة التدريبية للدبلوماسيين الشباب يوم 3 مارس 2024.")["meetings"] == []


def test_talks_reported_then_described_as_a_phone_call_are_one_call():
    out = run("أنقرة/ الأناضول\nبحث الرئيس التركي رجب طيب أردوغان، الأربعاء، مع نظيره التركمانستاني سردار بيردي محمدوف، "
              "العلاقات الثنائية وسبل تطويرها.\nجاء ذلك خلال اتصال هاتفي أجراه الرئيسان، بحسب بيان صادر عن دائرة "
              "الاتصال في الرئاسة التركية.\nكما تطرق الرئيسان إلى التحضيرات لقمة منظمة الدول التركية المقرر عقدها "
              "الشهر المقبل.\nاقرأ أيضا: أردوغان يستقبل رئيس وزراء باكستان")
    call, summit = out["meetings"]
    assert (call["type"], call["status"], call["date"], call["countries"]) == ("phone_call", "held", None, ["TKM", "TUR"])
    assert (summit["type"], summit["status"], summit["organizations"]) == ("summit", "planned", ["OTS"])
    assert "PAK" not in str(out)


def test_agency_dateline_with_hijri_date_and_a_prince_foreign_minister():
    out = run("الرياض 15 رمضان 1445 هـ الموافق 25 مارس 2024 م واس\nالتقى صاحب السمو الأمير فيصل بن فرحان بن عبدالله وزير "
              "الخارجية، في الرياض اليوم، نائب رئيس مجلس الوزراء وزير خارجية تركمانستان رشيد ميريدوف.\nوجرى خلال "
              "اللقاء استعراض العلاقات الثنائية بين البلدين.")
    assert out["published_date"] == "2024-03-25"
    (meeting,) = out["meetings"]
    assert (meeting["type"], meeting["date"], meeting["countries"]) == ("talks", "2024-03-25", ["SAU", "TKM"])
    assert {(p["role"], p["country"]) for p in meeting["participants"]} == {("foreign_minister", "SAU"), ("foreign_minister", "TKM")}


def test_past_meeting_with_its_declaration_and_a_visit_by_the_guest():
    out = run("بكين 12 مايو 2023 (شينخوا) عقد الرئيس الصيني شي جين بينغ اليوم (الجمعة) محادثات مع الرئيس التركمانستاني "
              "سردار بيردي محمدوف، الذي يقوم بزيارة دولة للصين.\nوأصدر الجانبان بيانا مشتركا حول تعميق الشراكة "
              "الاستراتيجية الشاملة بين البلدين.\nوكان الرئيسان قد التقيا في يونيو 2022 في سمرقند، حيث وقعا إعلانا "
              "بشأن التعاون في مجال الطاقة.")
    talks, visit, earlier = out["meetings"]
    assert (talks["date"], talks["location_city"], talks["countries"]) == ("2023-05-12", "Beijing", ["CHN", "TKM"])
    assert (visit["type"], visit["countries"]) == ("visit", ["CHN", "TKM"])
    assert (earlier["date"], earlier["location_city"]) == ("2022-06", "Samarkand")
    statement, declaration = out["agreements"]
    assert (statement["type"], statement["status"], statement["date"]) == ("joint_statement", "signed", "2023-05-12")
    assert (declaration["type"], declaration["date"], declaration["sectors"]) == ("declaration", "2022-06", ["energy"])
