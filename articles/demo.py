"""Demo talking points for `manage.py load_demo`.

The demo shows the editors' workflow (suggested points wait in the admin), but
the public pages need some approved points too. So load_demo approves the
points its own import has just suggested, when the extractor is confident
enough (``DEMO_APPROVAL_SCORE``). A point that existed before the run has been
in front of the editors and is never touched, so running load_demo again
changes nothing, and an editor's rejection is never undone.
"""

from django.db.models import Max

from articles.asks import normalise_ask
from articles.models import TalkingPoint

DEMO_APPROVAL_SCORE = 0.85

# Korean for the asks the extractor draws from the shipped editorials, keyed by
# the normalised English ask. An ask not listed here keeps an empty ask_ko for
# the editors to fill in.
ASKS_IN_KOREAN = {
    normalise_ask(english): korean
    for english, korean in [
        (
            "Come up with effective measures to deal with the situation",
            "이 사태에 대처할 실효성 있는 대책을 마련해 주십시오",
        ),
        (
            "Put an end to your merciless policy of cracking down on North Korean defectors "
            "by forcing their repatriation",
            "탈북자들을 단속해 강제로 북송하는 귀국의 무자비한 정책을 중단해 주십시오",
        ),
        (
            "Devise appropriate measures through international cooperation",
            "국제 협력을 통해 적절한 대책을 마련해 주십시오",
        ),
        (
            "Play your part by finding ways to improve the defectors' miserable lives in China",
            "중국에 있는 탈북자들의 비참한 삶을 개선할 방안을 찾아 제 역할을 다해 주십시오",
        ),
        (
            "Beef up efforts to persuade Beijing to observe international norms on the issue "
            "with the support of the international community",
            "국제사회의 지지를 바탕으로, 중국이 이 문제에 관한 국제 규범을 지키도록 설득하는 "
            "노력을 강화해 주십시오",
        ),
        (
            "Press Pyongyang to halt its merciless clampdown on human rights",
            "북한이 무자비한 인권 탄압을 멈추도록 압박해 주십시오",
        ),
        (
            "Prepare a new procedure on par with international standards which carefully takes "
            "into account why these people choose to escape their motherland in the first place",
            "이들이 애초에 왜 고국을 탈출하는지를 신중히 고려하는, 국제 기준에 맞는 새로운 "
            "절차를 마련해 주십시오",
        ),
        (
            "Do not repatriate them if they fled their country for political reasons or if they "
            "are certain to suffer merciless punishment back home",
            "정치적인 이유로 고국을 떠났거나, 돌아가면 무자비한 처벌을 받을 것이 확실한 이들을 "
            "송환하지 마십시오",
        ),
        (
            "Continue denouncing China's inhumane treatment of North Korean defectors and other "
            "human rights violations",
            "탈북자에 대한 중국의 비인도적 처우와 그 밖의 인권 침해를 계속 규탄해 주십시오",
        ),
        (
            "Do not remain complacent or silent",
            "안주하거나 침묵하지 마십시오",
        ),
        (
            "Do not remain silent in the face of the two countries' injustice deeds",
            "두 나라의 부당한 행위 앞에서 침묵하지 마십시오",
        ),
        (
            "Ensure that human dignity and rights come ahead of any political and economic "
            "considerations",
            "어떤 정치적·경제적 고려보다도 인간의 존엄과 인권을 앞세워 주십시오",
        ),
        (
            "Try harder to call on the Chinese government, using their closer-than-ever ties as "
            "leverage, to save the hapless victims of one of the world's most repressive regimes",
            "그 어느 때보다 가까워진 한중 관계를 지렛대로 삼아, 세계에서 가장 억압적인 정권의 "
            "불운한 희생자들을 구하라고 중국 정부에 더 강력히 요구해 주십시오",
        ),
        (
            "Spread awareness around the world that the plight of North Korean defectors is a "
            "matter of international and universal importance",
            "탈북자들의 고통이 국제적이고 보편적인 문제라는 사실을 전 세계에 알려 주십시오",
        ),
    ]
}


# Korean titles, decks and summaries of the shipped editorials, by slug: the Korean pages
# show them, and the body (the editorial itself) stays in English.
BRIEFINGS_IN_KOREAN = {
    "china-plan-to-repatriate-35-defectors": {
        "title_ko": "탈북자 35명을 북송하려는 중국의 계획",
        "summary_ko": (
            "중국이 탈북자 35명을 곧 북한으로 돌려보낼 것이라는 보도가 나왔습니다. 사설은 "
            "한국 정부에 서둘러 대응하라고 촉구하고, 중국에는 무자비한 강제 송환 정책을 "
            "끝내라고 요구합니다."
        ),
    },
    "china-and-defectors": {
        "title_ko": "중국과 탈북자",
        "summary_ko": (
            "코리아중앙데일리는 베이징 주재 한국대사관에 머물던 탈북자 4명의 출국을 허용한 "
            "중국의 결정을 반기면서도 근본적인 변화는 아니라고 경고하고, 돌아가면 처벌받을 "
            "탈북자를 송환하지 말라고 중국에 촉구합니다."
        ),
    },
    "china-resumes-forced-repatriation": {
        "title_ko": "중국, 탈북민 강제 북송 재개",
        "summary_ko": (
            "중국이 또다시 탈북민들을 국경 너머로 돌려보냈다는 보도가 나왔습니다. 조선일보는 "
            "한국 정부가 침묵해서는 안 되며, 탈북자에 대한 중국의 비인도적 처우를 계속 "
            "규탄해야 한다고 주장합니다."
        ),
    },
    "humane-china": {
        "title_ko": "인도적인 중국",
        "deck_ko": "중국은 탈북자 강제 북송을 멈춰야 한다",
        "summary_ko": (
            "2014년 7월 중국 당국이 탈북자 29명을 붙잡자, 코리아헤럴드는 정치보다 인간의 "
            "존엄이 먼저라고 강조하며 한국 정부가 한층 가까워진 한중 관계를 지렛대 삼아 "
            "이들을 구해야 한다고 촉구합니다."
        ),
    },
    "defectors-in-china-facing-repatriation": {
        "title_ko": "북송 위기에 놓인 중국 내 탈북자들",
        "summary_ko": (
            "2012년 초의 캠페인 페이지입니다. 북한 주민들이 왜 중국을 거쳐 탈출하는지, 북한의 "
            "새 지도자 아래에서 단속이 얼마나 가혹해졌는지, 그리고 중국의 강제 송환에 맞선 "
            "시위와 국회 결의안, 청원을 다룹니다."
        ),
    },
}


def translate_briefings(translations=None):
    """Fill the Korean title, deck and summary of the shipped briefings where they are
    empty (an editor's Korean is never replaced). Returns how many briefings changed."""
    from articles.models import Briefing

    translations = BRIEFINGS_IN_KOREAN if translations is None else translations
    changed = 0
    for briefing in Briefing.objects.filter(slug__in=list(translations)):
        values = translations[briefing.slug]
        empty = [name for name in values if not getattr(briefing, name)]
        for name in empty:
            setattr(briefing, name, values[name])
        if empty:
            briefing.save(update_fields=[*empty, "updated_at"])
            changed += 1
    return changed


def newest_point_id():
    """The id of the newest talking point (0 when there is none): the mark for a demo run."""
    return TalkingPoint.objects.aggregate(newest=Max("pk"))["newest"] or 0


def approve_new_points(since_id, min_score=DEMO_APPROVAL_SCORE, translations=None):
    """Approve the suggested points created after ``since_id`` that score at least ``min_score``.

    A blank ``ask_ko`` of a point approved here is filled from ``translations``
    (normalised English ask → Korean). Returns how many points were approved.
    """
    translations = ASKS_IN_KOREAN if translations is None else translations
    points = TalkingPoint.objects.filter(
        pk__gt=since_id, status=TalkingPoint.Status.SUGGESTED, score__gte=min_score
    )
    approved = 0
    for point in points:
        point.status = TalkingPoint.Status.APPROVED
        if not point.korean_ask:
            point.ask_ko = translations.get(normalise_ask(point.ask_en or ""), "")
        point.save(update_fields=["status", "ask_ko", "updated_at"])
        approved += 1
    return approved
