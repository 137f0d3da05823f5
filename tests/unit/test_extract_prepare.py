"""Page normalisation before trafilatura: loose text into paragraphs, permalinks out of headings."""

from __future__ import annotations

from lxml.html import tostring

from newsflow.extract import extract_article
from newsflow.extract.page import parse_page
from newsflow.extract.prepare import drop_non_content, join_split_bodies, unlink_heading_anchors, wrap_loose_text

SENTENCE = "The council met on Tuesday evening to settle the budget for the coming year, and it argued late. "


def _tree(body: str):
    tree = parse_page(f"<html><head><title>t</title></head><body>{body}</body></html>")
    assert tree is not None
    return tree


def test_loose_text_between_double_breaks_becomes_paragraphs_with_links_inside():
    tree = _tree(
        f"<div id='a'>{SENTENCE}It met <a href='/x'>the mayor</a> later.<br><br>"
        f"{SENTENCE}<br>Same paragraph, next line.<br><br><br><b>Bold</b> start {SENTENCE}<div>block</div>tail</div>"
    )
    wrap_loose_text(tree)
    container = tree.get_element_by_id("a")
    assert [child.tag for child in container] == ["p", "p", "p", "div", "p"]  # text after a block: a paragraph
    first, second, third, _, last = container
    assert last.text == "tail"
    assert "".join(first.itertext()).endswith("It met the mayor later.")
    assert first.find("a") is not None  # the link stays inside its sentence
    assert [c.tag for c in second] == ["br"]  # a single break stays inside the paragraph
    assert "".join(third.itertext()).startswith("Bold start")


def test_containers_without_line_breaks_or_with_little_text_are_left_alone():
    html = f"<div id='a'>{SENTENCE}<a href='/x'>link</a> end.</div><div id='b'>short<br><br>text</div>"
    tree = _tree(html)
    before = tostring(tree)
    wrap_loose_text(tree)
    assert tostring(tree) == before


def test_loose_text_beside_blocks_with_a_link_in_a_sentence_keeps_its_words_and_spaces():
    # yahoo-3's layout: a photo block, then the article's text loose in the container with links inside it
    text = (
        "The Federal Flag Code has guidelines for the proper treatment of the flag but no rules for punishment. "
        "In the past, the <a href='/court'>Supreme Court</a> has found that people are protected from punishment "
        "under the First Amendment for burning the flag."
    )
    page = (
        "<html><head><title>Flag</title></head><body><article><h1>Flag</h1><div class='body'>"
        "<div class='photo'><img src='/f.jpg'><span>Vanessa Hicks</span></div>"
        f"{text}<p></p><p>{SENTENCE * 3}</p><p>{SENTENCE * 3}</p></div></article></body></html>"
    )
    article = extract_article(page, url="https://news.example/flag")
    assert "In the past, the Supreme Court has found that people" in article.text
    assert article.text.startswith("The Federal Flag Code has guidelines")


def test_an_article_set_loose_in_a_span_among_blocks_keeps_the_space_after_its_links():
    # appleinsider.com (a page of the public article-extraction benchmark): the story's text loose in a <span>
    # among <div> and <h2> children, paragraphs apart by <br><br>; read as it was, "MacBook Prowas released"
    text = (
        "Just months after the last i9 <a href='/topic/macbook-pro'>MacBook Pro</a> was released, Apple has "
        "unveiled its 16-inch MacBook Pro. The surface changes are not even obvious at first glance."
    )
    page = (
        "<html><head><title>Review</title></head><body><div class='article'><span>"
        f"<div class='photo'><img src='/m.jpg'><span>The new model</span></div><br><br>{SENTENCE * 2}<br><br>"
        f"{text}<br><br><h2>Keyboard</h2><br><br>{SENTENCE * 3}<br><br>{SENTENCE * 2}</span></div></body></html>"
    )
    article = extract_article(page, url="https://news.example/review")
    assert "the last i9 MacBook Pro was released, Apple has unveiled" in article.text


def test_a_span_of_text_inside_a_paragraph_is_not_a_container():
    tree = _tree(f"<p id='a'><span>{SENTENCE}<br>{SENTENCE}<a href='/x'>link</a> and more words.</span></p>")
    before = tostring(tree)
    wrap_loose_text(tree)
    assert tostring(tree) == before


def test_permalinks_leave_headings_and_links_to_other_pages_stay():
    tree = _tree(
        "<h2 id='h'>Findings <a class='anchor' href='#findings'>#</a></h2>"
        "<h3 id='i'><a href='#method'>Method</a></h3>"
        "<h3 id='j'><a href='https://example.org/other'>Other story</a></h3>"
    )
    unlink_heading_anchors(tree)
    assert tostring(tree.get_element_by_id("h"), encoding="unicode").startswith('<h2 id="h">Findings </h2>')
    assert tree.get_element_by_id("i").find("a") is None and tree.get_element_by_id("i").text == "Method"
    assert tree.get_element_by_id("j").find("a") is not None


def test_sub_headings_with_permalinks_stay_in_the_extracted_article():
    paragraphs = "".join(f"<p>{SENTENCE * 2}Part {i}.</p>" for i in range(3))
    html = (
        "<html><head><title>Budget</title></head><body><article><h1>Budget</h1>"
        f"{paragraphs}<h2 id='costs'>Where the money goes <a href='#costs' class='anchor'>¶</a></h2>{paragraphs}"
        f"<h2 id='next'><a href='#next'>What happens next</a></h2>{paragraphs}</article></body></html>"
    )
    text = extract_article(html, url="http://127.0.0.1/budget").text
    assert "Where the money goes" in text
    assert "What happens next" in text
    assert "¶" not in text


def test_a_linked_heading_over_prose_is_unlinked_and_over_a_teaser_stays_linked():
    tree = _tree(
        "<h3 id='r'><a href='https://example.org/game'>Game one ($30)</a></h3>"
        "<div class='video'><iframe src='https://example.org/v'></iframe></div>"
        f"<p>{SENTENCE * 3}</p>"
        "<h3 id='t'><a href='https://example.org/other'>Other story</a></h3><p>A teaser of one sentence.</p>"
    )
    unlink_heading_anchors(tree)
    assert tree.get_element_by_id("r").find("a") is None
    assert tree.get_element_by_id("r").text == "Game one ($30)"
    assert tree.get_element_by_id("t").find("a") is not None



def test_a_drop_cap_set_before_the_first_paragraph_joins_it():
    from newsflow.extract.prepare import join_drop_caps

    tree = parse_page(
        "<html><body><div><span class='cap'>T</span><p><a href='/t'>urkey</a>, Poland and the islands.</p>"
        "<span>A</span><p>lso plain text.</p><b>I</b><p>I stays apart: the paragraph opens in upper case.</p>"
        "</div></body></html>"
    )
    join_drop_caps(tree)
    assert [p.text_content() for p in tree.iter("p")] == [
        "Turkey, Poland and the islands.", "Also plain text.", "I stays apart: the paragraph opens in upper case."
    ]
    assert [b.text for b in tree.iter("b")] == ["I"]


def test_a_link_wrapped_in_a_classed_span_keeps_its_words_in_the_sentence():
    # cbsnews.com and cnet's CMS wrap in-text links as <span class="link"><a>…</a></span>; precision mode
    # prunes the span by its class and the name vanishes mid-sentence ("especially high for .")
    paragraphs = [
        "The stakes are high for all of the candidates ahead of the debate in South Carolina, co-hosted by the "
        "network. But they're especially high for <span class='link'><a href='/joe-biden'>Joe Biden</a></span>.",
        f"{SENTENCE * 2}At the university, young organizers are pulling for <span class='link'>"
        "<a href='/warren'>Elizabeth Warren</a></span> and <span class='link'><a href='/sanders'>Bernie Sanders</a>"
        "</span>.",
        SENTENCE * 3,
    ]
    page = (
        "<html><head><title>Debate</title></head><body><article><h1>Debate night</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    text = extract_article(page, url="https://news.example/debate").text
    assert "But they're especially high for Joe Biden." in text
    assert "young organizers are pulling for Elizabeth Warren and Bernie Sanders." in text


def test_non_content_markup_goes_with_its_text_kept_and_json_ld_stays():
    tree = _tree(
        "<p id='p'>Before <script>track()</script>middle <svg><text>icon</text></svg>after"
        "<style>p{}</style><meta itemprop='x' content='y'> end.</p><template><p>later</p></template>"
        "<link rel='preload' href='/f'><script type='application/ld+json'>{\"@type\": \"NewsArticle\"}</script>"
    )
    drop_non_content(tree)
    assert tree.get_element_by_id("p").text_content() == "Before middle after end."
    assert [el.tag for el in tree.iter("script", "style", "svg", "meta", "link", "template")] == ["script"]
    assert tree.find(".//script").get("type") == "application/ld+json"


def test_a_script_between_runs_of_loose_text_does_not_split_the_paragraph():
    tree = parse_page(
        "<html><body><article><h1>Budget</h1><div class='story'>"
        f"{SENTENCE}{SENTENCE}<script>ads.push(1)</script>{SENTENCE}<br><br>{SENTENCE * 2}<br><br>{SENTENCE * 2}"
        "</div></article></body></html>"
    )
    assert tree is not None
    article = extract_article(tostring(tree, encoding="unicode"))
    assert article.text.split("\n\n")[0] == (SENTENCE * 3).strip()


def test_an_empty_anchor_span_opening_a_heading_or_inside_a_sentence_no_longer_takes_the_text_after_it():
    # WordPress's table-of-contents plugin puts an empty span with the anchor id at the start of each sub-heading;
    # precision mode deleted the span with the text after it, so the article lost every sub-heading
    body = "".join(
        f"<h2><span class='ez-toc-section' id='q{i}'></span>Question number {i} about the budget?</h2>"
        f"<p>{SENTENCE * 6}Cited here<span class='ql-inline-citation' data-cite='{i}'></span> and the sentence "
        f"goes on to its end.</p>"
        for i in range(4)
    )
    tree = _tree(f"<article><h1>Budget</h1><p>{SENTENCE * 3}</p>{body}</article>")
    article = extract_article(tostring(tree, encoding="unicode"))
    paragraphs = article.text.split("\n\n")
    assert [p for p in paragraphs if p.endswith("?")] == [f"Question number {i} about the budget?" for i in range(4)]
    assert sum(p.endswith("Cited here and the sentence goes on to its end.") for p in paragraphs) == 4


def test_a_linked_heading_over_a_byline_and_prose_is_unlinked_and_one_over_a_teaser_stays_linked():
    tree = _tree(
        "<h2 id='a'><a href='/Articles/637755/'>A trademark battle</a></h2>"
        "<div class='FeatureByline'>By <b>Nathan Willis</b><br>March 25, 2015</div>"
        f"<p>{SENTENCE * 3}</p>"
        "<h2 id='b'><a href='/Articles/1/'>Another story</a></h2><div class='byline'>By Ann Lee</div>"
        "<p>A short teaser for it.</p>"
    )
    unlink_heading_anchors(tree)
    assert tree.get_element_by_id("a").find("a") is None
    assert tree.get_element_by_id("a").text_content() == "A trademark battle"
    assert tree.get_element_by_id("b").find("a") is not None


def test_code_after_a_self_closed_script_tag_stays_hidden_as_in_a_browser():
    body = (
        "<script type='text/javascript'/>(function() { document.addEventListener('DOMContentLoaded', f); })();"
        f"</script><p>{SENTENCE}</p><STYLE media='print' />p {{ color: red }}</style><p>{SENTENCE} Again.</p>"
    )
    assert [el.text for el in _tree(body).iter("script", "style")] == [
        "(function() { document.addEventListener('DOMContentLoaded', f); })();", "p { color: red }"
    ]
    text = extract_article(f"<html><head><title>t</title></head><body>{body}</body></html>").text
    assert "addEventListener" not in text and "color: red" not in text
    assert text.count(SENTENCE.strip()) == 2


def test_a_page_nested_deeper_than_libxml2s_default_limit_keeps_its_text():
    # unclosed <div>s or <font>s pile up: past 256 levels libxml2 drops the rest of the page unless told otherwise
    depth = 1000
    html = f"<html><body>{'<div>' * depth}<p>{SENTENCE}</p>{'</div>' * depth}</body></html>"
    assert extract_article(html).text == SENTENCE.strip()


def test_a_lone_surrogate_from_json_input_does_not_cut_the_text_short():
    html = f"<html><body><p>Half an emoji \ud83d here, a whole one \ud83d\ude00 there. {SENTENCE}</p></body></html>"
    assert extract_article(html).text == f"Half an emoji \ufffd here, a whole one \U0001f600 there. {SENTENCE.strip()}"


def _split_body_page(part_attrs: str) -> str:
    """CNBC's layout: each section of the article its own body-marked div, its sub-heading between them."""
    sections = [
        ("", "The mountain states are moving away from coal as gas and wind power grow cheaper every year."),
        ("How the state won the coal market", "Coal mining grew during the oil crisis when leaders sought supply."),
        ("The advantage wanes", "Production peaked in the middle of the last decade and has fallen by a fifth."),
    ]
    groups = "".join(
        f"<div class='group-container'>{f'<h4>{heading}</h4>' if heading else ''}"
        f"<div class='group' {part_attrs}><p>{sentence} {SENTENCE}</p><p>{SENTENCE}{sentence}</p></div></div>"
        for heading, sentence in sections
    )
    return (
        "<html><head><title>Coal</title></head><body><nav><a href='/'>Home</a></nav><article><h1>Coal</h1>"
        f"<div id='article_body' class='content'>{groups}</div></article>"
        "<aside><h3>Trending</h3><p>Ten other stories you may like to read this week and the next.</p></aside>"
        "</body></html>"
    )


def test_an_article_marked_as_body_in_parts_is_read_whole_with_its_sub_headings():
    article = extract_article(_split_body_page("itemprop='articleBody'"), url="https://news.example/coal")
    assert "moving away from coal" in article.text
    assert "How the state won the coal market\n\nCoal mining grew during the oil crisis" in article.text
    assert article.text.rstrip().endswith("has fallen by a fifth.")
    assert "Trending" not in article.text


def test_parts_of_a_split_body_far_apart_are_not_joined():
    tree = _tree(
        "<div id='top'><div><div><div><div itemprop='articleBody'><p>one</p></div></div></div></div>"
        "<div itemprop='articleBody'><p>two</p></div></div>"
    )
    join_split_bodies(tree)
    assert tree.get_element_by_id("top").get("itemprop") is None
    near = _tree(
        "<section id='s'><div itemprop='articleBody'>a</div><div><div itemprop='articleBody'>b</div></div></section>"
    )
    join_split_bodies(near)
    assert near.get_element_by_id("s").get("itemprop") == "articleBody"


def test_embedded_tweets_stay_in_the_article_with_their_attribution_as_text():
    # mashable's layout: tweets of a photo and a link, each in a wrapper, between the article's paragraphs
    def tweet(text: str, name: str, handle: str) -> str:
        return (
            "<div class='twitter-wrapper'><div><blockquote class='twitter-tweet'><p lang='en'>"
            f"{text} <a href='https://t.co/x1'>pic.twitter.com/x1</a></p>"
            f"<p>&#x2014; {name} (@{handle}) <a href='https://twitter.com/{handle}/status/1'>December 13, 2016</a>"
            "</p></blockquote></div></div>"
        )

    page = (
        "<html><head><title>Plane</title></head><body><article><h1>Plane</h1><div class='article-content'>"
        f"<p>A large plane circled Manhattan for half an hour on Tuesday. {SENTENCE * 2}</p>"
        + tweet("Why is this plane circling so low over <a href='https://twitter.com/hashtag/Manhattan'>"
                "#Manhattan</a>?", "Erdal Kuyumcu", "erdal")
        + f"<p>The military later said the flight was a training exercise. {SENTENCE * 2}</p>"
        + tweet("A video of the plane that has been circling", "Alp Ozcelik", "alplicable")
        + f"<p>The rescue squadron flies such exercises a few times a year. {SENTENCE * 2}</p>"
        "</div></article></body></html>"
    )
    page = page.replace(
        "</div></article>",
        "<blockquote class='twitter-tweet'><a href='https://twitter.com/esa/status/9'>"
        "https://twitter.com/esa/status/9</a></blockquote></div></article>",
    )
    text = extract_article(page, url="https://news.example/plane").text
    assert "twitter.com/esa" not in text  # a tweet not rendered is its address alone
    assert "Why is this plane circling so low over #Manhattan? pic.twitter.com/x1" in text
    assert "— Alp Ozcelik (@alplicable) December 13, 2016" in text
    assert text.index("training exercise") < text.index("A video of the plane") < text.index("rescue squadron")


def test_a_tweet_in_a_wrapper_classed_as_a_social_media_box_stays_in_the_article():
    # nj.com (a page of the public article-extraction benchmark): each tweet in <div class="social-media-embed">,
    # a class trafilatura discards with what it holds
    tweet = (
        "<div class='social-media-embed'><blockquote class='twitter-tweet'><p lang='en'>Yes this is real and yes "
        "the state spent nearly half a million dollars on it: <a href='https://t.co/N'>https://t.co/N</a></p>"
        "&#x2014; Dianna E. Anderson (@diannaeanderson) <a href='https://twitter.com/d/status/1'>November 18, 2019"
        "</a></blockquote></div>"
    )
    page = (
        "<html><head><title>Meth</title></head><body><article><h1>Meth</h1><div class='article-body'>"
        f"<p>A whole lot of people on Twitter pointed it out. {SENTENCE * 2}</p>{tweet}"
        f"<p>The governor answered the critics the next day. {SENTENCE * 2}</p>"
        "<div class='social-share'><a href='/share/fb'>Share on Facebook</a></div></div></article></body></html>"
    )
    text = extract_article(page, url="https://news.example/meth").text
    assert "Yes this is real and yes the state spent nearly half a million dollars on it" in text
    assert "— Dianna E. Anderson (@diannaeanderson) November 18, 2019" in text
    assert "Share on Facebook" not in text  # a share box is not a tweet's wrapper


def test_a_short_paragraph_with_a_link_in_a_page_that_boxes_every_paragraph_stays():
    # hawaiinewsnow.com (a page of the public article-extraction benchmark): each paragraph in two divs of its own;
    # precision mode deleted the short one that cites its source with a link
    def card(paragraph: str) -> str:
        return f"<div class='card collection-item'><div class='card-content'><p>{paragraph}</p></div></div>"

    cited = "The discovery was announced in an article published Monday in the <a href='https://n.example/a'>journal</a>."
    cards = [f"{SENTENCE} Part {i}." for i in range(6)]
    cards.insert(3, cited)
    page = (
        "<html><head><title>Water vapor</title></head><body><article><h1>Water vapor</h1>"
        f"<div class='collection'>{''.join(card(c) for c in cards)}</div></article>"
        "<div class='site-footer'><div><p>Read our <a href='/privacy'>privacy policy</a>.</p></div></div>"
        "</body></html>"
    )
    text = extract_article(page, url="https://news.example/vapor").text
    assert "The discovery was announced in an article published Monday in the journal." in text
    assert "privacy policy" not in text
