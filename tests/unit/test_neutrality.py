"""The neutrality lint reads Japanese and Russian as it reads English, and the translations pass it."""

from __future__ import annotations

import pytest

from content.neutrality import LEXICONS, narrated, translation_hits, unattributed

JA = [
    # (text, the sentences the lint must report)
    ("北方領土は根室の沖にある。", ["北方領土は根室の沖にある。"]),
    ("四島は日本固有の領土である。", ["四島は日本固有の領土である。"]),
    ("ソ連は四島を不法占拠した。", ["ソ連は四島を不法占拠した。"]),
    ("ソ連軍が島を占拠した。", ["ソ連軍が島を占拠した。"]),
    ("四島の返還はまだ実現していない。", ["四島の返還はまだ実現していない。"]),
    ("南クリル諸島には約2万人が住む。", ["南クリル諸島には約2万人が住む。"]),
    ("色丹島は小クリル列島で最大の島である。", ["色丹島は小クリル列島で最大の島である。"]),
    ("1945年、ソ連軍は島々を解放した。", ["1945年、ソ連軍は島々を解放した。"]),
    ("島々は第二次世界大戦の合法的な結果としてソ連領となった。", ["島々は第二次世界大戦の合法的な結果としてソ連領となった。"]),
    ("四島は1946年にソ連に併合された。", ["四島は1946年にソ連に併合された。"]),
    ("色丹島は山がちである。北方領土は四島からなる。", ["北方領土は四島からなる。"]),
    # the term is the sentence's own only as something said: a position, quoted, or an institution
    ("日本政府は四島を「北方領土」と呼び、「我が国固有の領土」としている。", []),
    ("日本は、これは日本固有の領土の不法占拠であるとしている。", []),
    ("日本は四島の返還を求めている。", []),
    ("ロシアは、島々は第二次世界大戦の合法的な結果としてソ連領となったとしている。", []),
    ("ロシアの用法では、色丹島は小クリル列島で最大の島である。", []),
    ("ラブロフ外相は、南クリル諸島に対するロシアの主権を認めるよう求めたと述べた。", []),
    ("外務省によれば、島々は不法占拠の下にある。", []),
    ("日本はこの日を『北方領土の日』としている。", []),
    ("「北方領土の日」に全国大会が開かれた。", []),
    ("北方領土問題対策協会は日本の政府機関である。", []),
    ("1982年の北方領土問題等の解決の促進のための特別措置に関する法律は基金を設けた。", []),
    # "as" (として) is not an attribution; 占領 (occupation) is not on the list, as "occupied" is not in English
    ("島々は第二次世界大戦の結果として北方領土となった。", ["島々は第二次世界大戦の結果として北方領土となった。"]),
    ("ソ連軍は1945年8月28日に択捉島に上陸し、管轄下に置いた。", []),
    ("連合国の占領軍総司令部が指令を出した。", []),
]

RU = [
    ("Северные территории лежат у Немуро.", ["Северные территории лежат у Немуро."]),
    ("Острова — исконная территория Японии.", ["Острова — исконная территория Японии."]),
    ("Курилы — исконно русские земли.", ["Курилы — исконно русские земли."]),
    ("СССР незаконно занял острова.", ["СССР незаконно занял острова."]),
    ("Острова остаются под оккупацией.", ["Острова остаются под оккупацией."]),
    ("Советские войска оккупировали Итуруп.", ["Советские войска оккупировали Итуруп."]),
    ("На Южных Курилах живут 20 тысяч человек.", ["На Южных Курилах живут 20 тысяч человек."]),
    ("Южно-Курильские острова лежат у Хоккайдо.", ["Южно-Курильские острова лежат у Хоккайдо."]),
    ("Шикотан — крупнейший остров Малой Курильской гряды.", ["Шикотан — крупнейший остров Малой Курильской гряды."]),
    ("Япония добивается возвращения островов.", ["Япония добивается возвращения островов."]),
    ("В 1945 г. острова были освобождены.", ["В 1945 г. острова были освобождены."]),
    ("Освобождение Курил завершило войну.", ["Освобождение Курил завершило войну."]),
    ("Острова стали законным итогом Второй мировой войны.", ["Острова стали законным итогом Второй мировой войны."]),
    ("Так называемые северные территории лежат у Немуро.", ["Так называемые северные территории лежат у Немуро."]),
    ("Шикотан холмист. Южные Курилы населены.", ["Южные Курилы населены."]),
    ("19 октября 1951 г. острова оккупированы.", ["19 октября 1951 г. острова оккупированы."]),
    # attributed, quoted, an institution or an administrative name, or not the loaded sense
    ("Япония считает острова исконной территорией и называет их «Северными территориями».", []),
    ("Россия считает острова законным итогом Второй мировой войны.", []),
    ("По мнению МИД России, притязания Токио на Южные Курилы незаконны.", []),
    ("По словам Лаврова, Япония должна признать суверенитет России над Южными Курилами.", []),
    ("Лавров заявил, что острова были освобождены в 1945 г.", []),
    ("Как утверждает МИД Японии, острова находятся под незаконной оккупацией.", []),
    ("В российском словоупотреблении Шикотан входит в Малую Курильскую гряду.", []),
    ("В Японии 7 февраля отмечают «День Северных территорий».", []),
    ("Посольство говорило о “незаконных притязаниях” Японии.", []),
    ("Посольство говорило о „незаконных притязаниях“ Японии.", []),
    ("Кунашир входит в Южно-Курильский район Сахалинской области.", []),
    ("Районный центр — Южно-Курильск.", []),
    ("Население Южно-Курильского городского округа растёт.", []),
    ("Ассоциация по проблемам Северных территорий — японское государственное учреждение.", []),
    ("В 1946 г. штаб союзной оккупации издал директиву.", []),
    ("Правительство предложило освободить местные предприятия от большинства налогов.", []),
    ("Советские войска заняли острова в августе–сентябре 1945 г.", []),
    ("Япония считает, что с 1855 г. острова — её исконная территория.", []),
]


@pytest.mark.parametrize(("text", "expected"), JA)
def test_the_lint_finds_unattributed_loaded_words_in_japanese(text, expected):
    assert unattributed(text, "ja") == expected


@pytest.mark.parametrize(("text", "expected"), RU)
def test_the_lint_finds_unattributed_loaded_words_in_russian(text, expected):
    assert unattributed(text, "ru") == expected


def test_english_stays_the_default_and_ignores_other_scripts_rules():
    assert unattributed("The islands remain under occupation.") == ["The islands remain under occupation."]
    assert unattributed("Острова остаются под оккупацией.") == []  # English rules: no Russian words


def test_every_exempt_name_says_why():
    for lang, lexicon in LEXICONS.items():
        assert lexicon.facts, lang
        assert all(len(reason) > 10 for _, reason in lexicon.facts), lang


@pytest.mark.parametrize(("path", "expected"), [
    ("summary", True), ("title", True), ("text", True), ("question", True),
    ("russian_administration.note", True), ("state_control_note", True), ("date_basis", True),
    ("excerpts.ex-1.correction.text", True),
    ("positions.japan", False), ("positions.russia", False),
    ("excerpts.ex-1.text", False), ("excerpts.ex-1.speaker", False),
    ("highest_point.elevation.according_to", False), ("russian_administration.district", False),
])
def test_the_lint_reads_the_narrators_fields_only(path, expected):
    assert narrated(path) is expected


def test_translation_hits_name_file_item_field_and_read_the_method_page(tmp_path):
    folder = tmp_path / "translations" / "ru"
    folder.mkdir(parents=True)
    (folder / "history.yaml").write_text(
        "ev-1:\n"
        "  summary: Острова остаются под оккупацией.\n"
        "  positions.japan: Япония считает оккупацию незаконной. Острова под незаконной оккупацией.\n"
        "  excerpts.ex.text: Острова под незаконной оккупацией.\n",
        encoding="utf-8")
    (tmp_path / "method.ru.md").write_text("# Метод\n\nЮжные Курилы лежат у Хоккайдо.\n", encoding="utf-8")
    assert translation_hits(tmp_path, ("ru",)) == [
        "translations/ru/history.yaml: ev-1.summary: Острова остаются под оккупацией.",
        "method.ru.md: paragraph 2: Южные Курилы лежат у Хоккайдо.",
    ]


def test_the_japanese_and_russian_translations_are_neutral():
    hits = translation_hits()
    assert hits == [], "loaded words outside an attribution:\n" + "\n".join(hits)
