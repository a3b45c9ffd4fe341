"""Letters are composed from plain values: each part, variation, Korean, missing data."""

import re
from datetime import date

from campaign.letters.compose import OfficialInfo, PointInfo, Sender, Source, compose_letter
from campaign.letters.wording import (
    EN_CLOSINGS,
    EN_OPENINGS,
    english_salutation,
    korean_salutation,
)

HERALD = Source("A humane China", "The Korea Herald", published_on=date(2014, 7, 28))
AMBASSADOR = OfficialInfo(title="Ambassador of the People's Republic of China to the ROK", key="1")
UNIFICATION = OfficialInfo(title="Minister of Unification", language="ko", key="2")
STOP = PointInfo(
    ask="Stop the forced repatriation of North Korean defectors",
    ask_ko="탈북민 강제 북송을 중단해 주십시오",
    source=HERALD,
)
ALICE = Sender(name="Alice Kim", city="Toronto", country="Canada")


def test_salutation_follows_the_office():
    assert english_salutation(AMBASSADOR) == "Your Excellency,"
    assert english_salutation(OfficialInfo(title="Minister of Foreign Affairs")) == "Dear Minister,"
    assert (
        english_salutation(OfficialInfo(title="UN High Commissioner for Refugees"))
        == "Dear High Commissioner,"
    )
    assert (
        english_salutation(OfficialInfo(title="UN Special Rapporteur on the DPRK"))
        == "Dear Special Rapporteur,"
    )
    assert english_salutation(OfficialInfo(title="Director", name="Jane Doe")) == "Dear Jane Doe,"
    assert english_salutation(OfficialInfo(title="Director")) == "Dear Sir or Madam,"


def test_salutation_set_by_an_editor_wins():
    official = OfficialInfo(title="Minister of Foreign Affairs", salutation="Dear Foreign Minister")
    assert english_salutation(official) == "Dear Foreign Minister,"
    korean = OfficialInfo(title="Minister", salutation="존경하는 외교부 장관님께", language="ko")
    assert korean_salutation(korean) == "존경하는 외교부 장관님께"


def test_letter_has_every_part_in_order():
    letter = compose_letter(AMBASSADOR, [STOP], ALICE)
    assert letter.salutation == "Your Excellency,"
    assert letter.text.startswith("Your Excellency,\n\n")
    assert "Alice Kim" in letter.paragraphs[0] or "Alice Kim" in letter.signature
    assert "from Toronto, Canada" in letter.paragraphs[0]
    closings = [closing.format(these="this request") for closing in EN_CLOSINGS]
    assert letter.paragraphs[-1] in closings
    assert letter.signature == ("Alice Kim", "Toronto, Canada")
    assert f"{letter.closing}\nAlice Kim\nToronto, Canada" in letter.text
    assert letter.subject
    assert letter.asks == ("Stop the forced repatriation of North Korean defectors",)


def test_imperative_ask_becomes_a_polite_request_and_its_source_is_named():
    letter = compose_letter(AMBASSADOR, [STOP], ALICE)
    point_paragraph = letter.paragraphs[1]
    assert "you to stop the forced repatriation" in point_paragraph or (
        "if you would stop the forced repatriation" in point_paragraph
    )
    assert "Stop the" not in point_paragraph
    for part in ("The Korea Herald", "28 July 2014", "“A humane China”"):
        assert letter.text.count(part) == 1
    assert ".." not in letter.text


def test_ask_with_trailing_punctuation_and_please_reads_cleanly():
    point = PointInfo(ask="Please grant refugee status to defectors.")
    letter = compose_letter(AMBASSADOR, [point], ALICE)
    assert "grant refugee status to defectors." in letter.paragraphs[1]
    assert "please" not in letter.paragraphs[1].lower()
    assert ".." not in letter.text


def test_statement_ask_is_framed_as_a_view_not_an_order():
    point = PointInfo(ask="China must honour the Refugee Convention")
    letter = compose_letter(AMBASSADOR, [point], ALICE)
    assert "China must honour the Refugee Convention" in letter.paragraphs[1]
    assert "you to China" not in letter.paragraphs[1]


def test_negative_ask_is_asked_as_not_to():
    point = PointInfo(ask="Do not send defectors back to the North")
    letter = compose_letter(AMBASSADOR, [point], ALICE)
    assert re.search(r"(you not to|would not) send defectors back to the North\.", letter.text)
    assert "do not" not in letter.text.lower()


def test_statements_keep_names_and_lower_common_words():
    texts = [
        compose_letter(AMBASSADOR, [PointInfo(ask=ask)], ALICE).paragraphs[1]
        for ask in ("Countries should accept the defectors", "UNHCR must be given access",
                    "China's border guards must stop the arrests")
    ]  # fmt: skip
    assert "countries should accept the defectors" in texts[0]
    assert "UNHCR must be given access" in texts[1]
    assert "China's border guards must stop the arrests" in texts[2]
    assert not any("you to countries" in text or "you to UNHCR" in text for text in texts)


def test_points_in_one_letter_are_asked_in_different_words():
    asks = ["Stop the returns", "Grant refugee status", "Let the UN in", "Free the detainees"]
    letter = compose_letter(AMBASSADOR, [PointInfo(ask=ask) for ask in asks], ALICE)
    framings = {paragraph[:12] for paragraph in letter.paragraphs[1:5]}
    assert len(framings) == 4


def test_an_editorial_cited_twice_is_named_once():
    points = [
        PointInfo(ask="Stop the returns", ask_ko="북송을 중단해 주십시오", source=HERALD),
        PointInfo(ask="Free the detainees", ask_ko="억류자를 석방해 주십시오", source=HERALD),
    ]
    for n in range(12):
        sender = Sender(name=f"Sender {n}")
        assert compose_letter(AMBASSADOR, points, sender).text.count("A humane China") == 1
        assert compose_letter(UNIFICATION, points, sender).text.count("The Korea Herald") == 1


def _letters(official, points, count=40):
    return [compose_letter(official, points, Sender(name=f"Sender {n}")) for n in range(count)]


def test_sources_are_named_together_once_never_after_each_request():
    other = Source(title="Open the doors", publication="The Korea Times",
                   published_on=date(2012, 3, 1))  # fmt: skip
    points = [
        PointInfo(ask="Stop the returns", ask_ko="북송을 중단해 주십시오", source=HERALD),
        PointInfo(ask="Let the UN in", ask_ko="유엔의 접근을 허용해 주십시오", source=other),
        PointInfo(ask="Free the detainees", ask_ko="억류자를 석방해 주십시오", source=HERALD),
    ]
    styles = set()
    for letter in _letters(AMBASSADOR, points) + _letters(UNIFICATION, points):
        requests = letter.paragraphs[1:4]
        assert not any("Herald" in p or "Times" in p for p in requests), letter.text
        mentions = [p for p in letter.paragraphs if "Herald" in p]
        if letter.sources_line:
            styles.add("line")
            assert not mentions
            assert letter.text.endswith(letter.sources_line)
            assert letter.sources_line.index("Herald") < letter.sources_line.index("Times")
        else:
            styles.add("sentence")
            # One sentence names both newspapers, in a paragraph of its own.
            assert len(mentions) == 1 and "Times" in mentions[0]
            assert mentions[0] == letter.paragraphs[4]
    assert styles == {"line", "sentence"}


def test_several_sources_are_named_by_newspaper_and_year():
    other = Source(title="Open the doors", publication="The Korea Times",
                   published_on=date(2012, 3, 1))  # fmt: skip
    points = [PointInfo(ask="Stop the returns", source=HERALD),
              PointInfo(ask="Let the UN in", source=other)]  # fmt: skip
    sentences = {letter.paragraphs[3] for letter in _letters(AMBASSADOR, points)
                 if not letter.sources_line}  # fmt: skip
    assert "Editorials in The Korea Herald (2014) and The Korea Times (2012) have made the " \
           "same case." in sentences  # fmt: skip
    assert all("The Korea Herald (2014) and The Korea Times (2012)" in s for s in sentences)
    lines = {letter.sources_line for letter in _letters(AMBASSADOR, points)} - {""}
    assert lines == {"Sources: “A humane China”, The Korea Herald, 28 July 2014; "
                     "“Open the doors”, The Korea Times, 1 March 2012."}  # fmt: skip


def test_one_source_is_named_with_its_title_beside_the_only_request():
    letters = _letters(AMBASSADOR, [STOP])
    sentences = {letter.paragraphs[1] for letter in letters if not letter.sources_line}
    assert sentences
    for paragraph in sentences:
        request, _, citation = paragraph.partition(". ")
        assert "stop the forced repatriation" in request
        assert "The Korea Herald" in citation and "“A humane China”" in citation
        assert "28 July 2014" in citation


def test_source_without_a_date_has_no_year():
    point = PointInfo(ask="Stop the returns", source=Source("Open the doors", "The Korea Times"))
    texts = [letter.text for letter in _letters(AMBASSADOR, [point], 30)]
    assert all("The Korea Times" in text and "“Open the doors”" in text for text in texts)
    assert not any(re.search(r"\d{4}", text) for text in texts)


def test_source_without_a_publication_still_names_the_editorial():
    point = PointInfo(ask="Stop the returns", source=Source(title="Open the doors"))
    texts = {letter.text for letter in _letters(AMBASSADOR, [point], 30)}
    assert any("An editorial, “Open the doors”, made the same case." in text for text in texts)
    assert any("Source: “Open the doors”." in text for text in texts)


def test_newspapers_are_named_in_the_sentence_and_an_untraced_editorial_in_the_line():
    untraced = Source(title="Open the doors")
    points = [PointInfo(ask="Stop the returns", source=HERALD),
              PointInfo(ask="Let the UN in", source=untraced)]  # fmt: skip
    for letter in _letters(AMBASSADOR, points, 30):
        if letter.sources_line:
            assert "“Open the doors”" in letter.sources_line
        else:
            assert "Open the doors" not in letter.text
            assert "The Korea Herald" in letter.text


def test_missing_name_city_and_personal_paragraph_leave_no_gaps():
    letter = compose_letter(OfficialInfo(title="Director"), [STOP], Sender(name="Min"))
    assert letter.salutation == "Dear Sir or Madam,"
    assert letter.signature == ("Min",)
    assert not re.search(r"from (about|as|because)|you from|writing from", letter.paragraphs[0])
    assert "Min" in letter.paragraphs[0]
    assert "{" not in letter.text and "}" not in letter.text
    assert "  " not in letter.text
    assert " ," not in letter.text and " ." not in letter.text
    assert len(letter.paragraphs) == 3  # opening, one point, closing


def test_personal_paragraphs_are_kept_in_the_sender_s_words():
    sender = Sender(name="Alice", personal="My aunt fled in 1998.\n\nShe was sent back.")
    letter = compose_letter(AMBASSADOR, [STOP], sender)
    assert "My aunt fled in 1998." in letter.paragraphs
    assert "She was sent back." in letter.paragraphs


def test_two_supporters_with_the_same_choices_write_different_letters():
    senders = [Sender(name=f"Supporter {n}", city="Seoul") for n in range(30)]
    letters = [compose_letter(AMBASSADOR, [STOP], sender) for sender in senders]
    pairs = zip(letters, senders, strict=True)
    openings = {letter.paragraphs[0].replace(sender.name, "X") for letter, sender in pairs}
    requests = {letter.paragraphs[1].split(".")[0] for letter in letters}
    closings = {letter.paragraphs[-1] for letter in letters}
    assert len(openings) == len(EN_OPENINGS) == 3
    assert len(requests) >= 3
    assert len(closings) == 3
    first, second = (compose_letter(AMBASSADOR, [STOP], Sender(n, "Seoul")) for n in ("Ana", "Bo"))
    assert first.text.replace("Ana", "") != second.text.replace("Bo", "")


def test_the_same_supporter_gets_the_same_letter_every_time():
    first = compose_letter(AMBASSADOR, [STOP], ALICE)
    again = compose_letter(AMBASSADOR, [STOP], Sender(name="alice kim ", city="toronto",
                                                        country="Canada"))  # fmt: skip
    assert compose_letter(AMBASSADOR, [STOP], ALICE) == first
    assert again.paragraphs[1:] == first.paragraphs[1:]


def test_korean_letter_uses_korean_titles_and_no_english_title_in_a_sentence():
    korean_titled = Source("A humane China", "The Korea Herald", date(2014, 7, 28),
                           title_ko="인도적인 중국")  # fmt: skip
    untitled = Source("Open the doors", "The Korea Times")
    points = [
        PointInfo(ask="x", ask_ko="북송을 중단해 주십시오", source=korean_titled),
        PointInfo(ask="y", ask_ko="유엔의 접근을 허용해 주십시오", source=untitled),
    ]
    for letter in _letters(UNIFICATION, points[:1]) + _letters(UNIFICATION, points):
        assert "A humane China" not in letter.text
        if len(letter.asks) == 1:
            assert "「인도적인 중국」" in letter.text
        # An English title never sits inside a Korean sentence; a reference line may
        # keep one that has no Korean version.
        for paragraph in letter.paragraphs:
            assert "Open the doors" not in paragraph
        if len(letter.asks) == 2 and letter.sources_line:
            assert "The Korea Times 사설 「Open the doors」" in letter.sources_line


def test_letter_to_a_korean_office_is_in_korean():
    sender = Sender(name="김민수", city="서울", country="대한민국")
    letter = compose_letter(UNIFICATION, [STOP], sender)
    assert letter.salutation == "존경하는 장관님께"
    assert "탈북민 강제 북송을 중단해 주십시오." in letter.text
    assert "2014년 7월 28일" in letter.text
    assert "The Korea Herald" in letter.text
    assert letter.signature == ("대한민국 서울에서 김민수 드림",)
    assert "July" not in letter.text
    assert re.search(r"(니다|니까)\.?$", letter.paragraphs[-1])


def test_korean_letter_leaves_out_points_without_korean_and_reports_them():
    english_only = PointInfo(ask="Open a hotline for defectors")
    letter = compose_letter(UNIFICATION, [STOP, english_only], Sender(name="김민수"))
    assert "hotline" not in letter.text
    assert letter.left_out == (english_only,)
    assert letter.signature == ("김민수 드림",)


def test_korean_noun_phrase_ask_is_quoted_rather_than_conjugated():
    point = PointInfo(ask="x", ask_ko="탈북민에게 난민 지위 부여")
    letter = compose_letter(UNIFICATION, [point], Sender(name="김민수"))
    assert "“탈북민에게 난민 지위 부여”" in letter.text


def test_korean_committee_is_addressed_as_members():
    committee = OfficialInfo(title="Foreign Affairs and Unification Committee", language="ko")
    letter = compose_letter(committee, [STOP], Sender(name="김민수"))
    assert letter.salutation == "존경하는 위원님들께"


def test_later_requests_say_they_come_in_addition():
    points = [
        PointInfo(ask="Stop the returns", ask_ko="북송을 중단해 주십시오"),
        PointInfo(ask="Let the UN in", ask_ko="유엔의 접근을 허용해 주십시오"),
        PointInfo(ask="Free the detainees", ask_ko="억류자를 석방해 주십시오"),
    ]
    further = re.compile(r"\b(also|Further|just as)\b")
    further_ko = re.compile(r"^(또한|아울러|이와 함께|다음 사항도)")
    for letter in _letters(AMBASSADOR, points, 12):
        first, *later = letter.paragraphs[1:4]
        assert not further.search(first) and all(further.search(p) for p in later)
    for letter in _letters(UNIFICATION, points, 12):
        first, *later = letter.paragraphs[1:4]
        assert not further_ko.search(first) and all(further_ko.search(p) for p in later)


def test_a_later_korean_noun_phrase_is_introduced_by_a_sentence():
    points = [PointInfo(ask="x", ask_ko="북송을 중단해 주십시오"),
              PointInfo(ask="y", ask_ko="탈북민에게 난민 지위 부여")]  # fmt: skip
    for letter in _letters(UNIFICATION, points, 12):
        assert re.search(r"니다\. “탈북민에게 난민 지위 부여”", letter.paragraphs[2])
