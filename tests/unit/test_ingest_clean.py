"""Boilerplate removal on the test articles, on the five seeds where they exist, and on small generic cases."""

from __future__ import annotations

import pytest

from content.ingest import clean as clean_module
from content.ingest.clean import clean_text, is_title_case
from tests.unit.ingest_support import ALL_NAMES, ARTICLE_NAMES, SEED_NAMES, cases, normalise, seed_text
from tests.unit.ingest_support import ARCHIVE, CRAB, FERRY, SCHOOL, VISITS

S0, S1, S2, S3, S4 = SEED_NAMES

# Page furniture in the test articles: none may survive in the cleaned body.
ARTICLE_BOILERPLATE = [
    (FERRY, "bookmark-bicon"),
    (FERRY, "Podcasts"),
    (FERRY, "0:00"),
    (FERRY, "8:30"),
    (FERRY, "12 Oct, 2023 09:15"),
    (FERRY, "Ferry to Kunashir held in port by autumn storm"),
    (FERRY, "Also on rt.com"),
    (FERRY, "Island Schools Open New Science Rooms"),
    (FERRY, "Share this story!"),
    (VISITS, "Island exchange visits paused for the winter"),
    (VISITS, "Your support helps us to tell the story"),
    (VISITS, "Our reporters travel to places few others reach."),
    (VISITS, "Your support makes all the difference."),
    (VISITS, "___"),
    (VISITS, "Kenji Sato contributed to this report."),
    (ARCHIVE, "Island Courier"),
    (ARCHIVE, "Culture"),
    (ARCHIVE, "Museum On Shikotan Opens Archive Of Old Maps"),
    (ARCHIVE, "Image by Example Photographer"),
    (ARCHIVE, "Fishing Fleet Returns Early To Nemuro Harbour"),
    (ARCHIVE, "Island Schools Open New Science Rooms"),
    (ARCHIVE, "Related articles"),
    (ARCHIVE, "Staff"),
    (ARCHIVE, "Subscribe to our weekly newsletter"),
    (CRAB, "Logo of Harbour Gazette newspaper"),
    (CRAB, "Content image - Harbour Gazette"),
    (CRAB, "Crab quota talks end without a deal"),
    (CRAB, "Fishing boats moored at a port in Hokkaido on September 2. AFP"),
    (CRAB, "MOST VIEWED"),
    (CRAB, "•"),
    (CRAB, "Rain expected across the region this weekend"),
    (CRAB, "Night market returns to the riverside"),
    (SCHOOL, "Also on rt.com"),
    (SCHOOL, "New school building opens on Shikotan"),
    (SCHOOL, "Think your friends would be interested?"),
]

# Every block of page furniture the brief names in the seeds: none may survive in the cleaned body.
SEED_BOILERPLATE = [
    (S0, "icon bookmark-bicon bookmarkicon cameraicon"),
    (S0, "Podcasts"),
    (S0, "0:00"),
    (S0, "14:40"),
    (S0, "13:8"),
    (S0, "4 Feb, 2022 07:43"),
    (S0, "Russia trying to ‘intimidate’ Japan – US"),
    (S1, "Your support helps us to tell the story"),
    (S1, "From reproductive rights to climate change to Big Tech"),
    (S1, "Your donation allows us to keep sending journalists"),
    (S1, "we choose not to lock Americans out of our reporting"),
    (S1, "Your support makes all the difference."),
    (S1, "___"),
    (S1, "Associated Press video journalist Chisato Tanaka contributed to this report."),
    (S1, "Russian ambassador blames Japan for strained relations"),
    (S2, "Tsarizm"),
    (S2, "Eastern Europe"),
    (S2, "Japan Issue Receiving Lots Of Attention In Russian Press"),
    (S2, "Image by Вальдемар"),
    (S2, "Russia To Move Troops To Disputed Kuril Islands Near Japan"),
    (S2, "Putin, Abe Pledge To End WWII, Sign Treaty, Settle Island Controversy"),
    (S2, "Related articles"),
    (S2, "Russia Uses Nuclear-Capable Iskander Ballistic Missiles On Kyiv Targets As Nuclear Threat Increases"),
    (S2, "Anonymous Website Outs Russian Anti-Corruption Demonstrators"),
    (S2, "How One Village On The Volga Sowed Chaos in Europe’s Oil Market"),
    (S2, "L Todd Wood"),
    (S2, "Staff"),
    (S2, "Subscribe to our evening newsletter"),
    (S3, "Also on rt.com"),
    (S3, "‘Whipping up tension:’ Moscow slams Tokyo over ‘distorting’ information about territorial dispute"),
    (S3, "Think your friends would be interested? Share this story!"),
    (S4, "Logo of Phnom Penh Post newspaper"),
    (S4, "Content image - Phnom Penh Post"),
    (S4, "Japanese Prime Minister Fumio Kishida speaks during a press conference in Tokyo on March 16. AFP"),
    (S4, "Japan protests Russia move to drop WWII peace talks"),
    (S4, "MOST VIEWED"),
    (S4, "Tensions high ahead of historic Kun Khmer match up"),
    (S4, "Kun Khmer"),
    (S4, "Manet"),
    (S4, "UNESCO"),
    (S4, "Battambang"),
    (S4, "Cambodia"),
    (S4, "Angkor"),
    (S4, "•"),
]
BOILERPLATE = cases(ARTICLE_BOILERPLATE, SEED_BOILERPLATE)

# Sentences of the test articles, incl. the ones glued to furniture and the standfirst.
ARTICLE_BODY = [
    (FERRY, "The island ferry stayed in port for a third day as the wind kept rising"),
    (FERRY, "Passengers waiting on Kunashir were offered rooms at a hotel, Petrov added."),
    (FERRY, "“The timetable to the islands will be back to normal next week,” he said."),
    (VISITS, "Visa-free exchange visits between Japan and the islands will pause for the winter, "
             "the organisers said on Monday."),
    (VISITS, "A peace treaty between the two countries has still not been signed."),
    (ARCHIVE, "A small museum on Shikotan opened its archive of old sea charts to visitors this week."),
    (ARCHIVE, "Visitors can see the charts on weekdays until the end of the year."),
    (CRAB, "Under a yearly arrangement, Japanese boats pay a fee to fish in waters near the disputed islands."),
    (CRAB, "Tokyo said the talks on the islands’ waters had been “useful and frank” and would go on."),
    (SCHOOL, "Island schools should expect new science teachers next spring, regional officials said on Tuesday."),
    (SCHOOL, "The department said that Iturup, Kunashir, Shikotan and Habomai islands share one education budget."),
]

# Sentences of the real article: the first, the last and some between, incl. the ones glued to chrome.
SEED_BODY = [
    (S0, "The American ambassador in Tokyo accused Moscow’s envoy of “intimidating” the Asian country"),
    (S0, "Washington’s new ambassador in Tokyo, Rahm Emanuel, has hit out at his Russian counterpart"),
    (S0, "The four islands, which are known as the Northern Territories in Japan, were occupied by Soviet soldiers"),
    (S0, "“Our sovereignty extends to the four Northern Islands,” Hayashi said."),
    (S0, "which is the desire to sign a peace treaty after the territorial issue is resolved.”"),
    (S1, "Russia’s ambassador to Tokyo has blamed Japan for straining relations between the countries"),
    (S1, "Russia's ambassador to Tokyo blamed Japan on Friday for straining relations between the countries by imposing sanctions on Moscow over its war with Ukraine."),
    (S1, "In response to Japan's sanctions, Moscow has suspended talks on a peace treaty with Tokyo"),
    (S1, "Galuzin said Foreign Minister Sergey Lavrov will attend on his behalf, adding, “From time to time, it happens.”"),
    (S2, "Russia wants to pull Japan away from the U.S. orbit of influence."),
    (S2, "Today Russian Foreign Minister Sergei Lavrov opined on issues between the two countries."),
    (S2, "“The Japanese legislation enshrines the term ‘northern territories’,” Lavrov noted."),
    (S2, "Peskov added that Russian President Vladimir Putin and Japanese Prime Minister Shinzo Abe agreed"),
    (S2, "But this work must result in a solution that will in no way affect the interests of our population,” the Kremlin spokesman said."),
    (S3, "Japan must stop trying to include the US in peace talks with Moscow"),
    (S3, "Also complicating bilateral ties is the placement on Japanese territory of elements of America’s global anti-missile system"),
    (S3, "Iturup, Kunashir, Shikotan and Habomai islands in the Sea of Okhotsk were handed to the USSR after WWII"),
    (S3, "but Abe later made it clear that it was “unacceptable.”"),
    (S4, "Japan said on March 22 it “strongly protests” Russia’s decision to abandon talks"),
    (S4, "“Japan’s position of resolving the Northern Territories issue to sign a peace treaty is unchanged,” Kishida said on March 22."),
    (S4, "The Kuril Islands stretch between the Japanese island of Hokkaido and the Russian Kamchatka Peninsula."),
    (S4, "Japan refers to them as its Northern Territories or Southern Chishima, and considers them part of the Nemuro Subprefecture of Hokkaido Prefecture."),
]
BODY = cases(ARTICLE_BODY, SEED_BODY)

# Measured removals per article: input lines removed by each rule. Between them the test
# articles make every rule fire.
RULE_COUNTS = {
    FERRY: {"icon sprite": 1, "headline": 2, "dateline": 1, "player": 3, "glued teaser": 1, "share appeal": 1},
    VISITS: {"headline": 1, "glued appeal": 4, "separator": 1, "contributor credit": 1},
    ARCHIVE: {"site header": 2, "headline": 2, "image": 1, "related headline": 2, "duplicate line": 1,
              "newsletter appeal": 1, "link list": 3},
    CRAB: {"image": 2, "headline": 2, "photo caption": 1, "link list": 6},
    SCHOOL: {"glued teaser": 1, "share appeal": 1},

    S0: {"icon sprite": 1, "dateline": 1, "headline": 2, "player": 5},
    S1: {"headline": 1, "glued appeal": 5, "separator": 1, "contributor credit": 1},
    S2: {"site header": 2, "headline": 2, "image": 1, "related headline": 2, "link list": 7,
         "newsletter appeal": 1},
    S3: {"glued teaser": 1, "share appeal": 1},
    S4: {"image": 2, "headline": 2, "photo caption": 1, "link list": 13},
}

HEADLINES = {
    FERRY: "Ferry to Kunashir held in port by autumn storm",
    VISITS: "Island exchange visits paused for the winter",
    ARCHIVE: "Museum On Shikotan Opens Archive Of Old Maps",
    CRAB: "Crab quota talks end without a deal",
    SCHOOL: None,  # the page opens with its standfirst, a full sentence
    S0: "Russia trying to ‘intimidate’ Japan – US",
    S1: "Russian ambassador blames Japan for strained relations",
    S2: "Japan Issue Receiving Lots Of Attention In Russian Press",
    S3: None,
    S4: "Japan protests Russia move to drop WWII peace talks",
}


@pytest.mark.parametrize("seed, fragment", BOILERPLATE)
def test_boilerplate_is_removed(seed: str, fragment: str) -> None:
    assert fragment not in clean_text(seed_text(seed)).body


@pytest.mark.parametrize("seed, sentence", BODY)
def test_body_sentences_are_kept(seed: str, sentence: str) -> None:
    assert sentence in clean_text(seed_text(seed)).body


@pytest.mark.parametrize("seed", ALL_NAMES)
def test_every_seed_line_is_kept_or_removed_by_a_named_rule(seed: str) -> None:
    cleaned = clean_text(seed_text(seed))
    removed = sorted({ln.strip() for r in cleaned.removals for ln in r.text.splitlines() if ln.strip()},
                     key=len, reverse=True)
    for line in seed_text(seed).splitlines():
        rest = line.strip()
        for piece in removed:
            rest = rest.replace(piece, "", 1).strip() if piece in rest else rest
        assert rest == "" or rest in cleaned.paragraphs, f"line neither kept nor removed: {line!r}"


@pytest.mark.parametrize("seed", ALL_NAMES)
def test_removals_per_rule(seed: str) -> None:
    assert dict(clean_text(seed_text(seed)).counts()) == RULE_COUNTS[seed]


@pytest.mark.parametrize("seed", ALL_NAMES)
def test_headline(seed: str) -> None:
    assert clean_text(seed_text(seed)).headline == HEADLINES[seed]


@pytest.mark.parametrize("seed", ALL_NAMES)
def test_body_paragraphs_are_verbatim_in_the_seed(seed: str) -> None:
    raw = normalise(seed_text(seed))
    for paragraph in clean_text(seed_text(seed)).paragraphs:
        assert normalise(paragraph) in raw


# Every rule the cleaner's docstring lists, in its order.
ALL_RULES = ["glued appeal", "glued teaser", "link list", "player", "icon sprite", "image", "photo caption",
             "share appeal", "newsletter appeal", "contributor credit", "separator", "dateline", "headline",
             "site header", "duplicate line", "related headline"]


def test_the_test_articles_make_every_rule_fire() -> None:
    fired = {rule for name in ARTICLE_NAMES for rule in clean_text(seed_text(name)).counts()}
    assert [rule for rule in ALL_RULES if rule not in fired] == []
    assert all(f"\n  {rule} " in clean_module.__doc__ for rule in ALL_RULES)


# Generic rules on small pages that are none of the seeds: (page, kept, removed rule).
GENERIC = [
    ("Site\n\nA Headline Of Some Length\n\nThe first sentence of the story is here and it runs on.\n\n"
     "Read more: Another Story Entirely\n\nThe second sentence is also part of the story, as it says.",
     ["The first sentence of the story is here and it runs on.", "The second sentence is also part of the story, as it says."],
     "glued teaser"),
    ("A long first sentence of the story that ends with a full stop and is the body.\n"
     "Most read\n• One headline\n• Another headline\nAnother body sentence follows the list and is kept here.",
     ["Another body sentence follows the list and is kept here."], "link list"),
    ("The story starts here with a long sentence that has a full stop at its end.\n"
     "Please sign up for our daily newsletter", [], "newsletter appeal"),
    ("The story starts here with a long sentence that has a full stop at its end.\nListen\n0:00\n3:12",
     [], "player"),
    ("The story starts here with a long sentence that has a full stop at its end.\n"
     "Photo: Example Agency", [], "image"),
    ("The story starts here with a long sentence that has a full stop at its end.\n"
     "Additional reporting by A. Writer", [], "contributor credit"),
]


@pytest.mark.parametrize("page, kept, rule", GENERIC)
def test_generic_rules(page: str, kept: list[str], rule: str) -> None:
    cleaned = clean_text(page)
    assert cleaned.removed(rule), f"rule {rule!r} did not fire"
    for paragraph in kept:
        assert paragraph in cleaned.paragraphs


@pytest.mark.parametrize("line, expected", [
    ("Russia To Move Troops To Disputed Kuril Islands Near Japan", True),
    ("Putin, Abe Pledge To End WWII, Sign Treaty, Settle Island Controversy", True),
    ("Japan protests Russia move to drop WWII peace talks", False),
    ("Tsarizm Staff", False),
])
def test_title_case(line: str, expected: bool) -> None:
    assert is_title_case(line) is expected
