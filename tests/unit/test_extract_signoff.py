"""Sign-off lines (contributor credits, contact lines, a writer's bio ending on a handle) leave a body's end."""

from __future__ import annotations

from lxml import etree

from newsflow.extract.leftovers import remove_leftovers
from newsflow.extract.signoff import is_sign_off

PROSE = "The committee heard evidence from residents for most of the afternoon before it voted on the plan."

# lines closing real news pages of the public article-extraction benchmark, which its true bodies leave out
SIGN_OFFS = (
    "(Reporting by Greg Roumeliotis, Joshua Franklin, with reporting by Herb Lash, editing by Martin Howell.)",
    "Reporting by Rodrigo Campos; additional reporting by Stephanie Kelly; Editing by Nick Zieminski",
    "Keith Bradsher contributed reporting from Hong Kong.",
    "Associated Press writers Alan Fram, Zeke Miller and Jill Colvin contributed to this report.",
    "Fox News’ Jessica Napoli contributed to this report.",
    "Additional reporting by Joseph Hudak",
    "Additional reporting by Joseph Hudak in Nashville.",
    "Writing by Ann Lee; Editing by Bob Smith.",
    "Email Tariq Malik at tmalik@space.com or follow him @tariqjmalik. Follow us on Twitter @Spacedotcom.",
    "Reach the reporters on Twitter at http://twitter.com/MegKinnardAP and http://twitter.com/emarvelous",
    "Mike Wall's book about the search for alien life, \"Out There\", is out now. Follow him on Twitter @michaelwall.",
    "twitter.com/paultakahashi",
)


def test_credits_contacts_and_handles_are_sign_offs():
    for line in SIGN_OFFS:
        assert is_sign_off(line), line


def test_sentences_about_contributions_reports_and_email_are_not():
    for line in (
        "She contributed $500 to the campaign and said she would give more.",
        "Several delays contributed to the report being published a week late.",
        "Emails seen by Reuters show the plan was discussed in May.",
        "The reporting by local media was later confirmed by the police.",
        "Reporting by the Times found that the agency had ignored the warnings for years.",
        "Research by the university shows that the river is cleaner than it was in 1990.",
        "Contributing: Kristine Phillips",  # USA Today's credit, which the benchmark keeps
        "Her family asked fans to follow her on Instagram, where she posts about her recovery every day.",
        PROSE,
    ):
        assert not is_sign_off(line), line


def _clean(*blocks: str) -> list[str]:
    body = etree.fromstring(f"<body>{''.join(f'<p>{b}</p>' for b in blocks)}</body>")
    remove_leftovers(body, titles=["Plan approved"], authors=[], labels=[])
    return ["".join(block.itertext()) for block in body]


def test_the_closing_run_of_sign_offs_goes_and_the_same_lines_inside_the_body_stay():
    credit, handle = SIGN_OFFS[4], SIGN_OFFS[-1]
    assert _clean(PROSE, PROSE, credit, handle) == [PROSE, PROSE]
    assert _clean(PROSE, credit, PROSE) == [PROSE, credit, PROSE]
