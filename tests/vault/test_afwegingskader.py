"""The afwegingskader's five answers lead to the recommendation of shared/domain.md 3."""

from __future__ import annotations

import itertools

import pytest

from desktop.vault.vocabulary import (
    RECOMMENDATION_LABELS,
    STEP_TITLES,
    Answer,
    Form,
    Recommendation,
    recommend,
)

Y, N, U = Answer.YES, Answer.NO, Answer.UNKNOWN


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ((N, U, U, U, U), Recommendation.CLOSE),  # 1 no suspicion: close and record
        ((N, Y, N, N, N), Recommendation.CLOSE),  # later answers do not count
        ((U, Y, U, U, U), Recommendation.INCOMPLETE),
        ((Y, Y, U, U, U), Recommendation.REPORT),  # 2 acute or structural unsafety
        ((Y, U, U, U, U), Recommendation.INCOMPLETE),
        ((Y, N, N, U, U), Recommendation.REPORT),  # 3 cannot offer sufficient help
        ((Y, N, U, N, U), Recommendation.INCOMPLETE),  # 4 is not asked before 3
        ((Y, N, Y, N, U), Recommendation.REPORT),  # 4 help not accepted
        ((Y, N, Y, U, U), Recommendation.INCOMPLETE),
        ((Y, N, Y, Y, U), Recommendation.ORGANISE_HELP),  # help under way; 5 asked later
        ((Y, N, Y, Y, N), Recommendation.REPORT),  # 5 no lasting safety: report (again)
        ((Y, N, Y, Y, Y), Recommendation.LASTING_SAFETY),
    ],
)
def test_recommendation(
    answers: tuple[Answer, Answer, Answer, Answer, Answer], expected: Recommendation
) -> None:
    assert recommend(answers) is expected


def test_every_combination_has_a_recommendation_with_a_label() -> None:
    for combo in itertools.product(list(Answer), repeat=5):
        outcome = recommend((combo[0], combo[1], combo[2], combo[3], combo[4]))
        assert outcome in RECOMMENDATION_LABELS


def test_five_meldcode_steps() -> None:
    assert sorted(STEP_TITLES) == [1, 2, 3, 4, 5]


def test_forms_match_the_signal_card() -> None:
    from toolkit.signal_card import FORMS

    assert {f.value for f in Form} == set(FORMS) - {"any"}
