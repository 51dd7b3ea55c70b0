"""phonetic.may_read_as: the cheap test that refutes a sound-alike window before pypinyin segments it
(session 17). It may only say "no" where no phrase could read the character so."""

from appgov.engines.lookalike.phonetic import READINGS, may_read_as, phrase_syllables


def test_a_reading_of_the_character_is_possible():
    assert may_read_as("银", "yin")
    assert may_read_as("行", "han") and may_read_as("行", "xin")  # 银行 / 行动: both heteronyms


def test_a_syllable_the_character_never_has_is_refuted():
    assert not may_read_as("银", "gon")
    assert not may_read_as("工", "yin")


def test_characters_without_readings_are_never_refuted():
    assert may_read_as("a", "a") and may_read_as("7", "qi") and may_read_as("✅", "yin")


def test_every_phrase_reading_of_the_bench_names_is_among_the_characters_readings():
    for name in (
        "中国工商银行",
        "招商银行",
        "中国银行",
        "交通银行",
        "民生银行",
        "北京银行",
        "重庆农商银行",
        "长沙银行",
    ):
        for ch, syllable in zip(name, phrase_syllables(name), strict=True):
            assert syllable in READINGS[ch], (name, ch, syllable)
