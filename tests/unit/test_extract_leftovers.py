"""Leftover removal on trafilatura XML bodies: tag lines, and lists of other articles closing the body."""

from __future__ import annotations

from lxml import etree

from newsflow.extract.clutter import is_prompt, is_tag_line
from newsflow.extract.leftovers import remove_leftovers

PROSE = "The committee heard evidence from residents for most of the afternoon before it voted on the plan."


def _body(*blocks: str) -> etree._Element:
    return etree.fromstring(f"<body>{''.join(blocks)}</body>")


def _texts(body: etree._Element) -> list[str]:
    return [" ".join("".join(b.itertext()).split()) for b in body]


def _clean(body: etree._Element) -> list[str]:
    remove_leftovers(body, titles=["Plan approved"], authors=["Ann Lee"], labels=["Local"])
    return _texts(body)


def test_tag_lines_go_and_sentences_that_mention_topics_stay():
    assert is_tag_line("Topics: uber, libertarians, Sydney,")
    assert is_tag_line("Schlagwörter: Klima, Energie")
    assert not is_tag_line("Topics discussed at the meeting included the budget and the new school.")
    texts = _clean(_body(f"<p>{PROSE}</p>", "<p>Tags: planning, housing</p>", f"<p>{PROSE}</p>"))
    assert texts == [PROSE, PROSE]


def test_a_closing_list_of_linked_headings_over_teasers_is_cut():
    teasers = "".join(
        f"<head rend='h4'>Column {i} <ref target='/c{i}'>Headline number {i}</ref></head><p><ref target='/c{i}'/></p>"
        f"<p>A one-sentence teaser for column {i} that tempts the reader to click.</p>"
        for i in range(3)
    )
    body = _body(*(f"<p>{PROSE}</p>" for _ in range(4)), "<head rend='h2'>Other Columns</head>", teasers)
    assert _clean(body) == [PROSE] * 4


def test_linked_sub_headings_over_long_paragraphs_are_the_article_and_stay():
    long_paragraph = f"<p>{PROSE} {PROSE} {PROSE} {PROSE}</p>"
    sections = "".join(
        f"<head rend='h3'><ref target='https://example.org/{i}'>Product {i} ($20)</ref></head>{long_paragraph}"
        for i in range(3)
    )
    body = _body(f"<p>{PROSE}</p>", sections)
    assert len(_clean(body)) == 7


def test_prompts_to_follow_download_or_read_on_go_and_an_author_bio_stays():
    for prompt in (
        "Follow ONE Esports on Facebook and Twitter for more news, guides, and highlights.",
        "For the latest stories and breaking news updates download the Nationnews apps for iOS and Android.",
        "We want to hear what you think about this article. Submit a letter to the editor.",
        "Le puede interesar: la NASA lanza su nueva misión",
        "Schon gelesen?",
        "Story continues below advertisement",
        "Story Continued Below",  # politico.com, between paragraphs
        "For more, read: This Las Vegas Resort Is Installing Amazon Alexa in Every Hotel Room",  # fortune.com
        "Get Data Sheet, Fortune’s technology newsletter",
        "Read this story in Bengali", "In Video:India, Pakistan should take bilateral route to resolve all disputes",
        "What’s Your Reaction?Share this reaction with your friends!",  # popsugar.com, between paragraphs
        "Can't get enough of Us? Sign up now for the Us Weekly newsletter packed with the latest celeb news!",
        "［有料会員限定］ この記事は会員限定です。電子版に登録すると続きをお読みいただけます。",
        # between the paragraphs of news pages of the public article-extraction benchmark
        "SEE MORE: Hong Kong protests: 800 students under siege in university",  # express.co.uk
        "China furious at Macron for Hong Kong protest jibe [INSIGHT]|",
        "Like this story? Share it with a friend!",  # rt.com
        "Keep an eye on your inbox for the latest sports news.",  # cbssports.com's newsletter box
        "There was an error processing your subscription.",
        "We’d like to hear what you think about this or any of our articles. Here are some tips.",  # nytimes.com
        "Also on rt.com Journalists & politicians from Morales’ party threatened with sedition arrests",
        "GET FOX BUSINESS ON THE GO BY CLICKING HERE",
        "Related post: Pickled Brussels Sprouts Recipe",
        "If you enjoyed this article, we have a proposition for you: Join NRPLUS.",  # nationalreview.com
        "More AP NBA: https://apnews.com/NBA and https://twitter.com/AP_Sports",
        "[button link=”http://www.morebikes.co.uk/submit-kit-review/” type=”big”] Send us YOUR kit review[/button]",
    ):
        assert is_prompt(prompt), prompt
    assert not is_prompt("See more of the city from the river: the boats leave every hour.")
    assert not is_prompt("The minister said the video [of the raid] was shot in May.")
    assert not is_prompt("Also on the agenda was the budget for the new school.")
    assert not is_prompt("[sourcecode language=“bash“]ls -l ~/podcasts[/sourcecode]")
    bio = "Lucas Nolan is a reporter covering free speech. Follow him on Twitter or email him at the office."
    assert not is_prompt(bio)


def test_a_reworded_headline_opening_the_body_goes_and_an_unrelated_heading_stays():
    reworded = _body("<head rend='h1'>DB Lounge: Kein Zugang mehr mit Sparpreis-Ticket</head>", f"<p>{PROSE}</p>")
    remove_leftovers(reworded, titles=["DB Lounge: Kein Zutritt mehr mit Sparpreis-Tickets"], authors=[], labels=[])
    assert _texts(reworded) == [PROSE]
    unrelated = _body("<head rend='h1'>Lorem</head>", f"<p>{PROSE}</p>")
    remove_leftovers(unrelated, titles=["Base URL test"], authors=[], labels=[])
    assert _texts(unrelated) == ["Lorem", PROSE]


def test_copyright_and_reprint_notices_go_and_a_sentence_about_copyright_stays():
    from newsflow.extract.clutter import is_notice

    assert is_notice("Copyright 2023 Scripps Media, Inc. All rights reserved. This material may not be published.")
    assert is_notice("Written permission must be obtained before reprint in online or print media.")
    assert is_notice("Have a news tip? Email us at tips@example.org.")
    assert is_notice("Note: we are temporarily moderating all comments submitted to deal with a surge in spam.")
    assert is_notice(
        "This copy is for your personal, non-commercial use only. To order presentation-ready copies for "
        "distribution to your colleagues, clients or customers visit http://www.djreprints.com."
    )
    assert not is_notice(
        "The court ruled that the photographs were protected by copyright and ordered the site to remove them."
    )


def test_a_byline_with_the_authors_name_and_an_initial_goes_at_the_edge():
    body = _body("<p>Richard (R.J.) Eskow</p>", f"<p>{PROSE}</p>")
    remove_leftovers(body, titles=["Plan approved"], authors=["Richard Eskow"], labels=[])
    assert _texts(body) == [PROSE]


def test_a_closing_related_list_under_its_heading_is_cut_and_a_final_section_with_a_list_stays():
    related = (
        "<head rend='h2'>More Must-Reads From TIME</head><list rend='ul'>"
        "<item>The Struggle to Save Lives <ref target='/a'>Inside Gaza's Hospitals</ref></item>"
        "<item>Is <ref target='/b'>Using the Snooze Button</ref> Bad for You?</item></list>"
        "<head rend='h3'>Comments</head><p>Loading Comments...</p>"
    )
    assert _clean(_body(*(f"<p>{PROSE}</p>" for _ in range(3)), related)) == [PROSE] * 3
    closing = "<p>Top-Themen bei FIT FOR FUN</p>"  # fitforfun.de: the heading of a teaser list that was a script
    assert _clean(_body(*(f"<p>{PROSE}</p>" for _ in range(3)), closing)) == [PROSE] * 3
    section = "<head rend='h2'>What happens next</head><list rend='ul'><item>A vote in May.</item></list>"
    assert len(_clean(_body(*(f"<p>{PROSE}</p>" for _ in range(3)), section))) == 5


def test_closing_related_lists_are_cut_under_their_heading_in_several_languages():
    for heading in (
        "Weitere aktuelle Themen aus der Arbeitswelt", "Lesen Sie auch", "Notas relacionadas", "Más sobre La Tercera",
        "Leia também", "Articoli correlati", "Lire aussi", "Meer nieuws",
    ):
        related = (
            f"<head rend='h3'>{heading}</head><list rend='ul'>"
            "<item><ref target='/a'>Hackers offer the government a discount</ref></item>"
            "<item><ref target='/b'>The ministry says it will not pay</ref></item></list>"
        )
        assert _clean(_body(*(f"<p>{PROSE}</p>" for _ in range(3)), related)) == [PROSE] * 3, heading
    # the same words opening a sentence of the article are prose, not a heading
    sentence = f"<p>Más sobre el caso: {PROSE}</p>"
    assert len(_clean(_body(*(f"<p>{PROSE}</p>" for _ in range(3)), sentence))) == 4


def test_widgets_disclosures_credits_and_sign_up_calls_go_wherever_they_stand():
    from newsflow.extract.clutter import is_leftover_line

    for line in (
        "Loading weather data ...", "Loading Comments...", "Please wait", "%Slideshow-803330%", "1 of 5",
        "An error has occurred, please try again later.", "This article has been sent to",  # barrons.com's form
        "Fullscreen", "Wird geladen …", "Now Playing", "toggle caption", "Sponsored Content",
        "(Credit: Clayton Aldern / Grist)", "Figure 4: the weak layer under the new snow.",
        "Titelbild: Geyres Christophe/ABACA/picture-alliance",
        "Never miss the latest news by signing up to our newsletter today!",
        "Do you want to be informed of our actions? Sign up here",
        "This post contains references to products from our advertisers. We may receive compensation when you click.",
        "Um den Tipp kommentieren zu können, müssen Sie eingeloggt sein.",
        "This post contains affiliate links.", "(Alle Angaben ohne Gewähr)",
        "Chapters", "subtitles off, selected", "This is a modal window.",
        "MIRA: Madre se acerca a conocer los motivos de captura de su hijo", "Lea también: Impiden ingreso a Nicaragua",
        "To view the full story, please subscribe to The Haitian Times.", "Anzeige, enthält Affiliate Links",
        "*Werbung. Dieser Beitrag enthält Werbung für MYMARINI.", "Anzeige", "REKLAMA", "Werbung",
        "Lesen Sie mehr",
        "[What you need to know to start the day: Get New York Today in your inbox.]",
        "[Read: Why Tunisia, Arab Spring’s sole success story, suffers from Islamist violence]",
        "If you’re seeing this message but you’re already a subscriber, you can log in for immediate access.",
        "Estimated reading time: 6 minutes", "5 min read", "Courtesy of Forests News", "Popular Video",
        "Chief Education Officer Dr Ramona Archer-Bradshaw. (Picture by Jameel Springer)",
        "Devindra Hardawar/AOL", "Fot. Lukasz Nowaczyk / Agencja Gazeta", "(END)",
        "The WeWork logo is displayed outside of a co-working space in New York.Reuters",  # businessinsider.com
        "El contenido de los comentarios es la opinión de los usuarios o internautas no de ultimahora.es.",
        "ultimahora.es se reserva el derecho de eliminar cualquier comentario inapropiado.",
        "No está permitido verter comentarios contrarios a las leyes, injuriantes, ilícitos o lesivos a terceros.",
        "PC Gamer Newsletter", "Abonnieren Sie unseren Newsletter",
        "Submit your letter to the editor via this form. Read more Letters to the Editor.",
        "Los comentarios están sujetos a moderación.",
        "Photo Source: Markus Spiske from Pexels.", "Featured image by Alberto Riva/The Points Guy.",
        "Header Image: People have lived in Ecuador’s Amazon forests for thousands of years.",
        "Beitragsbild via Unsplash.", "Top photo by Joan Bardeletti",
        "Want to bookmark your favourite articles? Start your Independent Premium subscription today.",
        "Deprecated: Assigning the return value of new by reference is deprecated in /www/wp-settings.php on line 520",
        "Warning: Use of undefined constant comments - assumed 'comments' (this will throw an Error in a future "
        "version of PHP) in /homepages/15/htdocs/wp-content/plugins/get-recent-comments.php on line 928",
        "Will you support Vox’s explanatory journalism?", "We have a small favour to ask.", "Pin It",
        "This article is more than 2 years old", "Our Standards: The Thomson Reuters Trust Principles.",
        "Like us on Facebook", "Join the conversation", "View comments", "Image caption The mayor at the podium",
        "Media playback is unsupported on your device", "Next Article", "View this post on Instagram",
        "This content is imported from Twitter. You may be able to find the same content in another format.",
        "Your browser does not support the video tag.", "Don't have an account? Sign up", "Thanks for signing up!",
        "By clicking Sign Up, you agree to our Terms of Use and Privacy Policy.", "More: The best laptops",
        "Watch: The president speaks", "WATCH | Flooding in the city", "Watch Now", "Listen now",
        "© 2020 ®/TM General Mills All Rights Reserved", "Copyright 2019 The Times. All rights reserved. Reprints.",
        "Sign-up Successful!", "Apply Now", "Sign in",
        "A man walks past a shop in Paris on Tuesday. REUTERS/Jane Doe", "Jane Doe | Reuters", "(AP Photo/Evan Vucci)",
        "Getty Images", "EPA-EFE/SASCHA STEINBACH", "Auch er gehört zu den Unterstützern. Bild: dpa", "(Reuters)",
        "This website uses cookies and other technology to enhance quality of service. For further details >",
        "Wir verwenden Cookies. Durch Bestätigen des Buttons stimmst Du der Verwendung zu.",
        "Related Recipes", "RELATED", "Related: The vote on Tuesday", "Related Coverage", "Related — The vote",
        # below the news pages of the public article-extraction benchmark
        "Listen to Newsbeat live at 12:45 and 17:45 weekdays - or listen back here.",  # bbc.com
        "Get Motor Cycle Monthly delivered through your letterbox every month. 12 issues for £11.99. Click here for "
        "more information.",  # morebikes.co.uk
        "Eric Song is IGN's deal curator and spends 25% of his pay on stuff he posts.If you buy something through "
        "this post, IGN may get a share of the sale. For more, learn more.",  # ign.com
        "ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário não serão aprovados "
        "pelo moderador.",  # autoracing.com.br
        "Tempo de leitura: 2 minutos", "Lesezeit: 4 Min.", "Tell us what YOU think...",
        "05/10/2018 - Publicado por: Clarissa Borba - Categoria: Saúde - Tags: sad arrombamento veiculo",
    ):
        assert is_leftover_line(line), line
    for line in (
        "Credit cards were declined across the country on Friday.",
        "Figure skating resumes on Monday after the storm.",
        "Um Beiträge online einzureichen, müssen Sie registriert und eingeloggt sein.",
        "Loading the ships took the dockers three days, the port said.",
        "Loading ramps were closed",
        "Close to 300 people attended the vigil.",
        "Voters can sign up now at the county office or online until Friday.",
        "The retailer said its affiliate links program pays writers a share of each sale.",
        "He did not leave a comment on the post before it was removed.",
        "Mira cómo creció la ciudad en diez años, dijo el alcalde.",
        "Werbung ist für den Verlag die wichtigste Einnahme, sagte der Geschäftsführer.",
        "Read the full report, the council said, before the vote in May.",
        "Half of the 2 million households that are already subscribers pay for the premium tier.",
        "The courtesy of the staff was praised in every review.",
        "AC/DC", "Saisonzeitraum Saisonname Preis/Nacht Mindestaufenthalt",
        "Separate KücheGeschirrspülerElektro-/GasherdKinderhochstuhlBackofen",  # a list's items run together
        "The company said it reserves the right to appeal the ruling.",
        "The top photo by the agency won a prize in May, the jury said.",
        "Warning: the bridge will close on Monday for repairs.",
        "Start your day with a walk along the river, the guide suggests.",
        "More than 300 people attended the vigil.", "Will you be voting on Tuesday?",
        "The foundation said it would support independent journalism in rural areas.",
        "Next, the council turned to the budget.", "Media coverage of the trial was intense.",
        "Watch how much the compressed text on the right side changes from a one-letter change on the left:",
        "Listen to the people, the mayor said.", "Listen to the crowd live on the radio, she told her son.",
        "The magazine sold 12 issues a year for decades.",
        "Os comentários do ministro não foram aprovados pelo partido.",
        "Investors may get a share of the sales tax refund, the mayor said.",
        "Tell us what you think about the budget, the mayor asked the crowd.",
        "Posted by the council on Monday, the notice lists every category: roads, schools and parks.",
        "The licences sit between copyright (all rights reserved) and the public domain (no rights reserved).",
        "Contributing: The Associated Press", "(Con información de AFP, EFE y Reuters)", "(avec AFP)",
        "The newsletter was first sent in 1998 to a few hundred readers.", "Why we started a newsletter",
        # an agency named in the story's sentence, a paragraph left without its full stop
        "“We will not back down,” the minister told Reuters", "The talks collapsed on Tuesday, according to AFP",
        "Die elektronische Patientenakte (ePA)", "The rules were written by the Environmental Protection Agency (EPA)",
        "02-751-1500", "2019-11-20",  # a telephone number or a date is not an image's file name
        # a definition or a sentence that opens with "Related" (Google's SRE book), not a related-links prompt
        "Related to each other: for example, a caching server and a web server",
        "Related research shows the piers failed",
        "Regulators said this site uses cookies only where users consent, the complaint says.",
    ):
        assert not is_leftover_line(line), line
    body = _body(f"<p>{PROSE}</p>", "<list rend='ul'><item>Close</item><item>The first point.</item></list>")
    assert _clean(body) == [PROSE, "The first point."]


def test_empty_field_names_closing_the_body_go_and_a_label_opening_a_list_stays():
    fields = "".join(f"<p>{name}:</p>" for name in ("PP", "FI slug", "FI name", "FT sort"))
    assert _clean(_body(f"<p>{PROSE}</p>", f"<p>{PROSE}</p>", fields)) == [PROSE, PROSE]
    body = _body(f"<p>{PROSE}</p>", "<p>Key points:</p>", "<list rend='ul'><item>One.</item></list>", f"<p>{PROSE}</p>")
    assert _clean(body) == [PROSE, "Key points:", "One.", PROSE]


def test_a_subscription_pitch_after_a_paywall_cut_goes_and_short_closing_lines_after_prose_stay():
    cut = "The reform goes further than any before it, and its authors say the state must now let the market " \
        "decide what the pension system will look like in the econo..."
    pitch = (
        "<p>Already have an account? Log in here</p><p>Try our discovery offer.</p>"
        "<p>1€ the first month, then 12€ a month</p><p>Unlimited access to every article</p>"
    )
    assert _clean(_body(*(f"<p>{PROSE}</p>" for _ in range(2)), f"<p>{cut}</p>", pitch)) == [PROSE, PROSE, cut]
    # the same lines after a paragraph that ends as written stay (nothing says the article was cut off), but for
    # the log-in prompt, which is clutter wherever it stands
    ended = cut.removesuffix("econo...") + "economy."
    kept = _clean(_body(*(f"<p>{PROSE}</p>" for _ in range(2)), f"<p>{ended}</p>", pitch))
    assert kept == [PROSE, PROSE, ended, "Try our discovery offer.", "1€ the first month, then 12€ a month",
                    "Unlimited access to every article"]


def test_a_menu_of_short_links_at_the_edges_goes_and_a_list_of_sources_in_the_text_stays():
    menu = "<list rend='ul'>" + "".join(
        f"<item><ref target='/{w}'>{w}</ref></item>" for w in ("Front page", "Security", "Kernel", "Archives")
    ) + "</list>"
    assert _clean(_body(menu, *(f"<p>{PROSE}</p>" for _ in range(2)), menu)) == [PROSE, PROSE]
    sources = "<list rend='ul'>" + "".join(
        f"<item>The {w} report, <ref target='/{i}'>published by the council</ref> in March</item>"
        for i, w in enumerate(("traffic", "budget", "flood", "school"))
    ) + "</list>"
    assert len(_clean(_body(*(f"<p>{PROSE}</p>" for _ in range(2)), sources))) == 3


def test_an_embedded_gallery_of_counted_slides_goes_and_a_list_of_fractions_stays():
    gallery = "<list rend='ul'>" + "".join(
        f"<item>{i}/4 Slide title {i} A caption for the picture, with its story in a sentence. Getty</item>"
        for i in range(1, 5)
    ) + "</list>"
    assert _clean(_body(*(f"<p>{PROSE}</p>" for _ in range(2)), gallery, f"<p>{PROSE}</p>")) == [PROSE] * 3
    recipe = "<list rend='ul'>" + "".join(
        f"<item>{amount} cup of {what}</item>" for amount, what in (("1/2", "flour"), ("1/4", "sugar"), ("3/4", "milk"))
    ) + "</list>"
    assert len(_clean(_body(*(f"<p>{PROSE}</p>" for _ in range(2)), recipe))) == 3


def test_a_long_disclosure_or_notice_at_an_edge_goes_but_a_page_of_one_block_keeps_its_text():
    disclosure = (
        "This post contains references to products from one or more of our advertisers. We may receive compensation "
        "when you click on links to those products. Terms apply to the offers listed on this page. For an "
        "explanation of our Advertising Policy, visit this page."
    )
    notice = (
        "© 2022, BreakingBelizeNews.com. This article is the copyrighted property of Breaking Belize News. Written "
        "permission must be obtained before reprint in online or print media."
    )
    long_prose = " ".join([PROSE] * 4)
    body = _body(f"<p>{disclosure}</p>", f"<p>{long_prose}</p>", f"<p>{notice}</p>")
    assert _clean(body) == [long_prose]
    # a membership pitch too long for a line closes the body (nationalreview.com)
    pitch = (
        "If you enjoyed this article, we have a proposition for you: Join NRPLUS. Members get all of our content "
        "(including the magazine), no paywalls or content meters, an advertising-minimal experience, and unique "
        "access to our writers and editors (conference calls, social-media groups, etc.). And importantly, NRPLUS "
        "members help NR sustain its mission."
    )
    assert _clean(_body(f"<p>{long_prose}</p>", f"<p>{pitch}</p>")) == [long_prose]
    # one run-on block that happens to carry a notice is the page's text, not a notice
    run_on = f"{PROSE} {notice}"
    assert _clean(_body(f"<p>{run_on}</p>")) == [run_on]


def test_a_closing_run_of_dated_headlines_goes_and_a_dated_final_sentence_stays():
    headline = "Movie Theaters In San Francisco Refuse To Open Over The City's Concessions Ban"
    recent = "".join(f"<p>{headline} {i} - October {10 - i}, 2020</p>" for i in range(3))
    assert _clean(_body(*(f"<p>{PROSE}</p>" for _ in range(4)), recent)) == [PROSE] * 4
    as_list = "<list rend='ul'>" + "".join(f"<item>Story {i} | 0{i + 1}.03.2021</item>" for i in range(3)) + "</list>"
    assert _clean(_body(*(f"<p>{PROSE}</p>" for _ in range(4)), as_list)) == [PROSE] * 4
    # two dated lines are not yet a list; a sentence that ends on a date is prose
    two = "".join(f"<p>{headline} {i} - October {10 - i}, 2020</p>" for i in range(2))
    assert len(_clean(_body(*(f"<p>{PROSE}</p>" for _ in range(4)), two))) == 6
    ended = "<p>The council will vote again on the plan on 10 October 2020</p>"
    assert len(_clean(_body(*(f"<p>{PROSE}</p>" for _ in range(4)), ended * 3))) == 7


def test_the_sites_long_follow_us_line_closing_the_body_goes_and_datelines_with_a_time_go():
    from newsflow.extract.clutter import is_byline_or_dateline

    follow = (
        "Follow The Gleaner on Twitter and Instagram @JamaicaGleaner and on Facebook @GleanerJamaica. Send us a "
        "message on WhatsApp at 1-876-499-0169 or email us at onlinefeedback@gleanerjm.com or editors@gleanerjm.com"
    )
    assert _clean(_body(*(f"<p>{PROSE}</p>" for _ in range(3)), f"<p>{follow}</p>")) == [PROSE] * 3
    assert _clean(_body(f"<p>{follow}</p>")) == [follow]
    for line in (
        "Posted: Thursday, April 21, 2022. 10:11 pm CST.", "Written: 2023-11-07 15:03:30 / Updated: 2023-11-07",
        "Written by: Julie Mollins",
        "Updated on September 19 at 3:15 p.m.",  # theatlantic.com, above the article
    ):
        assert is_byline_or_dateline(line, []), line
    assert not is_byline_or_dateline("Written in 1853, the story was an instant success with critics.", [])
    for line in (
        "By Ann Lee", "By Ann Lee.", "BY ANN LEE", "By The Associated Press", "Von Max Müller", "Par Élise Dupont",
        "By May Smith", "By April Rubin and June Kim",
        "March 3, 2019 | 6:15 pm", "12:45 PM ET, Tue March 3, 2019", "3 mars 2019 à 10h05",
    ):
        assert is_byline_or_dateline(line, []), line
    for sentence in (
        "By the time we realised what was happening, it was already too late.", "By March the plan was dead.",
        "By contrast, the city grew.", "By 2030, emissions will have halved.", "The report is due in 2025.",
        "By May 2030 the line will be open.", "By June, the river had risen.", "BY MARCH THE PLAN WAS DEAD.",
        "Von Anfang an war klar, dass es so kommen würde.", "Di Maio ha detto che il governo cadrà.",
    ):
        assert not is_byline_or_dateline(sentence, []), sentence
    # a story's opening sentence is not trimmed as its byline
    opening = "<p>By the time we realised what was happening, it was already too late.</p>"
    assert _clean(_body(opening, *(f"<p>{PROSE}</p>" for _ in range(3))))[0] == opening[3:-4]


def test_boxes_after_a_related_heading_go_even_with_long_captions_and_a_related_box_mid_article_stays():
    caption = "“One girl can be silenced, but a nation of girls telling their stories becomes free” " * 3
    boxes = (
        "<head rend='h3'>You Might Also Like</head><head rend='h3'>Featured Slide Shows</head>"
        f"<list rend='ul'><item>Previous</item><item>Next</item><item>{caption}</item></list>"
        "<head rend='h3'>Related Videos</head>"
    )
    assert _clean(_body(*(f"<p>{PROSE}</p>" for _ in range(4)), boxes)) == [PROSE] * 4
    mid = f"<head rend='h3'>Related Videos</head><list rend='ul'><item>{caption}</item></list><p>{PROSE}</p>"
    kept = _clean(_body(*(f"<p>{PROSE}</p>" for _ in range(4)), mid))
    assert kept[4:] == [caption.strip(), PROSE]  # the heading alone goes, as a prompt


def test_a_reporters_address_closing_the_body_goes():
    body = _body(*(f"<p>{PROSE}</p>" for _ in range(3)), "<p> kokobj@yna.co.kr<lb/>(END)</p>")
    assert _clean(body) == [PROSE] * 3


def test_a_lists_items_are_words_apart_when_its_text_is_read():
    from newsflow.extract.blocks import block_text, link_share

    items = "<list rend='ul'><item>Separate Küche</item><item>Geschirrspüler</item><item>Elektro-/Gasherd</item></list>"
    assert block_text(etree.fromstring(items)) == "Separate Küche Geschirrspüler Elektro-/Gasherd"
    names = etree.fromstring(
        "<list rend='ul'>" + "".join(f"<item><ref target='/{n}'>{n}</ref></item>" for n in ("Alex", "Sam")) + "</list>"
    )
    assert link_share(names, block_text(names)) == 1.0  # the space between two links is not unlinked text
    assert block_text(etree.fromstring("<p>Dr<hi>.</hi> Who</p>")) == "Dr. Who"


def test_a_credit_left_as_loose_text_between_paragraphs_goes_and_loose_prose_stays():
    body = _body(f"<p>{PROSE}</p>(Photo: Jane Doe/Getty Images)", f"<p>{PROSE}</p>Loose prose the page did not wrap.")
    remove_leftovers(body, titles=["Plan approved"], authors=["Ann Lee"], labels=["Local"])
    assert body[0].tail is None
    assert body[1].tail == "Loose prose the page did not wrap."


def test_a_counted_comment_section_is_cut_even_when_longer_than_the_article():
    comments = "".join(
        f"<p>Reader {i}</p><p>says:</p><p>{PROSE} I agree with number {i}.</p><p>Reply</p>" for i in range(8)
    )
    article = [f"<p>{PROSE}</p>"] * 4
    for heading in (
        "12 Responses", "Comments (8)", "2 thoughts on “Plan approved”", "One comment on “Plan approved”",
        "Top Rated Comments",  # macrumors.com
    ):
        assert _clean(_body(*article, f"<head rend='h3'>{heading}</head>", comments)) == [PROSE] * 4, heading
    # a bare "Comments" may be the article's own section (code comments in a tutorial), and a count too early in
    # the body is not a comment section's
    kept = _clean(_body(*article, "<head rend='h2'>Comments</head>", f"<p>{PROSE}</p>"))
    assert kept == [PROSE] * 5  # the heading alone goes, as a share bar's word would
    kept = _clean(_body("<head rend='h2'>3 comments on the draft</head>", *article))
    assert kept == ["3 comments on the draft"] + [PROSE] * 4
    # a sentence that opens with a count of responses is the article's
    sentence = "12 responses were filed by the deadline, officials said."
    assert _clean(_body(*article, f"<p>{sentence}</p>", f"<p>{PROSE}</p>")) == [*[PROSE] * 4, sentence, PROSE]


def test_a_paragraph_of_links_under_its_own_related_heading_goes_and_one_with_prose_after_the_heading_stays():
    headlines = [
        "Council approves the budget for next year after a long debate over the cost of the new library",
        "Residents of the old town ask for help with the lost trade while the bridge is closed to cars",
        "The river has risen to its highest level in twenty years and the ferry will not run this week",
    ]
    links = "".join(f"<lb/><ref target='/story/{i}'>{h}</ref>" for i, h in enumerate(headlines))
    for heading in ("RELATED:", "Baca juga:", "Читайте также:", "Related stories"):
        body = _body(f"<p>{PROSE}</p>", f"<p>{heading}{links}</p>", f"<p>{PROSE}</p>")
        assert _clean(body) == [PROSE, PROSE], heading
    # a paragraph that opens with "Related" but goes on in the article's own words, with a link in passing
    prose = ("Related research<lb/>A study published last year found that the piers had been weakened by the "
             "floods of 2019, as <ref target='/study'>the council's own report</ref> confirmed in the spring.")
    kept = _clean(_body(f"<p>{PROSE}</p>", f"<p>{prose}</p>", f"<p>{PROSE}</p>"))
    assert len(kept) == 3

    for line in ("Baca juga: Banjir rendam ratusan rumah di Bekasi", "Читайте также: Мост закроют на ремонт",
                 "Xem thêm: Cầu cũ đóng cửa", "Ayrıca okuyun: Köprü kapanıyor"):
        assert is_prompt(line), line


def test_a_byline_behind_a_standfirst_goes_and_a_sentence_opening_with_by_stays():
    dek = "<p>Disruptive companies talk a good game about sharing, but this one is just under-regulated</p>"
    body = _body(dek, "<p>Ann Lee, Staff Writer</p>", *(f"<p>{PROSE}</p>" for _ in range(3)))
    assert _clean(body) == [dek[3:-4], PROSE, PROSE, PROSE]
    body = _body(dek, "<p>By Tom Park</p>", *(f"<p>{PROSE}</p>" for _ in range(3)))
    assert _clean(body) == [dek[3:-4], PROSE, PROSE, PROSE]
    sentence = "By the time the vote came, the hall was empty."
    body = _body(dek, f"<p>{sentence}</p>", *(f"<p>{PROSE}</p>" for _ in range(3)))
    assert _clean(body) == [dek[3:-4], sentence, PROSE, PROSE, PROSE]
    # further down, a line naming the author is the article's own ("Ann Lee" quoted as a source)
    body = _body(dek, *(f"<p>{PROSE}</p>" for _ in range(3)), "<p>Ann Lee, Staff Writer</p>", f"<p>{PROSE}</p>")
    assert "Ann Lee, Staff Writer" in _clean(body)


def test_the_sites_name_at_the_edge_goes_also_when_only_its_address_states_it():
    from newsflow.extract import extract_article

    # howtogeek.com prints its name as a heading over the article; the page states no og:site_name
    body = "".join(f"<p>{PROSE} {n}</p>" for n in range(4))
    page = (
        "<html><head><title>Echo vs. Home</title></head><body><article>"
        f"<div><h1>How-To Geek</h1></div><h2>Echo vs. Home</h2>{body}</article></body></html>"
    )
    text = extract_article(page, url="https://www.howtogeek.com/282568/echo-vs-home/").text
    assert text.startswith(PROSE)
    # elsewhere the same words are the article's
    assert "How-To Geek" in extract_article(page, url="https://news.example/282568/echo-vs-home/").text


def test_a_one_cell_table_of_caption_and_credit_goes_and_a_data_table_with_its_source_stays():
    picture = (
        "<table><row><cell>The logo of the space agency, on its headquarters in Washington."
        "<p>Credit: NASA</p></cell></row></table>"
    )
    assert _clean(_body(picture, *(f"<p>{PROSE}</p>" for _ in range(2)))) == [PROSE, PROSE]
    assert _clean(_body(f"<p>{PROSE}</p>", picture, f"<p>{PROSE}</p>")) == [PROSE, PROSE]
    data = (
        "<table><row><cell>Year</cell><cell>Budget</cell></row><row><cell>2014</cell><cell>$17.6bn</cell></row>"
        "<row><cell><p>Source: NASA</p></cell><cell/></row></table>"
    )
    assert len(_clean(_body(f"<p>{PROSE}</p>", data, f"<p>{PROSE}</p>"))) == 3
    quote = "<table><row><cell>A caption that is not followed by any credit line at all.</cell></row></table>"
    assert len(_clean(_body(f"<p>{PROSE}</p>", quote, f"<p>{PROSE}</p>"))) == 3


def test_a_tours_dates_closing_the_body_stay_and_a_lone_caption_line_at_the_edge_goes():
    dates = [
        "June 24 – Bristow, VA @ Jiffy Lube Live", "June 26 – Allentown, PA @ PPL Center",
        "June 27 – Camden, NJ @ Freedom Pavilion", "June 29 – Holmdel, NJ @ PNC Bank Arts Center",
        "July 2 – Uncasville, CT @ Mohegan Sun Arena", "July 3 – Mansfield, MA @ Xfinity Center",
    ]
    body = _body(*(f"<p>{PROSE}</p>" for _ in range(3)), *(f"<p>{line}</p>" for line in dates))
    assert _clean(body) == [PROSE] * 3 + dates
    caption = "The band on stage in 1975 – Photo archive"
    assert _clean(_body(*(f"<p>{PROSE}</p>" for _ in range(3)), f"<p>{caption}</p>")) == [PROSE] * 3


def test_a_closing_list_of_linked_headlines_goes_and_a_list_of_sources_with_descriptions_stays():
    headlines = (
        "<list rend='ul'><item><ref target='/a'>NASA Europa Mission Could Potentially Spot Signs of Alien Life</ref>"
        "</item><item><ref target='/b'>Keck Observatory: Twin Telescopes on Mauna Kea</ref></item></list>"
    )
    article = [f"<p>{PROSE}</p>"] * 3
    assert _clean(_body(*article, headlines)) == [PROSE] * 3
    # inside the body it may be the article's own list of links
    assert len(_clean(_body(f"<p>{PROSE}</p>", headlines, f"<p>{PROSE}</p>"))) == 3
    sources = (
        "<list rend='ul'><item><ref target='/a'>The census tables</ref>, with the figures for every county</item>"
        "<item><ref target='/b'>The council's minutes</ref>, where the vote is recorded</item></list>"
    )
    assert len(_clean(_body(*article, sources))) == 4


def test_a_linked_headline_in_capitals_between_paragraphs_goes_and_a_sub_heading_in_capitals_stays():
    headline = "SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"  # foxnews.com
    shouted = f"<p><ref target='/spicer'><hi rend='#b'>{headline}</hi></ref></p>"
    assert _clean(_body(f"<p>{PROSE}</p>", shouted, f"<p>{PROSE}</p>")) == [PROSE, PROSE]
    heading = "<p>NISSAN SENTRA</p><p>VOLKSWAGEN ID. SPACE VIZZION CONCEPT</p>"  # ctpost.com's sections, unlinked
    assert len(_clean(_body(f"<p>{PROSE}</p>", heading, f"<p>{PROSE}</p>"))) == 4


def test_a_heading_left_closing_the_body_goes_and_a_closing_sentence_set_as_a_heading_stays():
    for closing in ("Comentar", "Bildnachweis", "Finanzierung / Kooperationen"):
        assert _clean(_body(f"<p>{PROSE}</p>", f"<p>{PROSE}</p>", f"<head rend='h3'>{closing}</head>")) == [PROSE] * 2
    sentence = "Relotius legt auf Facebook ein Fake-Profil an. Es stützt seine Version."
    kept = _clean(_body(f"<p>{PROSE}</p>", f"<head rend='h3'>{sentence}</head>"))
    assert kept == [PROSE, sentence]


def test_a_tag_label_alone_goes_and_a_sentence_opening_with_the_word_stays():
    assert is_tag_line("Tags") and is_tag_line("Schlagwörter")
    assert not is_tag_line("Tags were attached to every bird released on the island.")
    # autoracing.com.br (a page of the public article-extraction benchmark): the label left as loose text
    body = _body(f"<p>{PROSE}</p>Tags", f"<p>{PROSE}</p>")
    assert _clean(body) == [PROSE, PROSE]


def test_a_publication_stamp_behind_a_label_opening_the_body_goes():
    # entermedia.co.kr (a page of the public article-extraction benchmark): a label, then the stamp
    body = _body(
        "<head rend='h3'>Entermedia 주요뉴스</head>", "<p>기사입력 :[ 2018-08-25 15:24 ]</p>", f"<p>{PROSE}</p>"
    )
    assert _clean(body) == ["Entermedia 주요뉴스", PROSE]
    dated = _body("<head rend='h3'>Whisky tasting</head>", "<p>Termin: 21.02.2020, 19 Uhr</p>", f"<p>{PROSE}</p>")
    assert _clean(dated) == ["Whisky tasting", "Termin: 21.02.2020, 19 Uhr", PROSE]  # an event's date is its text


def test_a_promotion_box_of_linked_headlines_opening_the_body_goes():
    # billboard.com (a page of the public article-extraction benchmark): a heading over four linked headlines
    promo = "".join(
        f"<p><ref target='/a{i}'><head rend='h3'>Singers lead the music award nominations, story {i}: see the "
        "full list</head></ref></p>"
        for i in range(4)
    )
    body = _body("<head rend='h3'>2019 American Music Awards</head>", promo, f"<p>{PROSE}</p>", f"<p>{PROSE}</p>")
    assert _clean(body) == [PROSE, PROSE]
    # a page of links with no prose after them is left as it is
    only_links = _body(promo, "<p>Short label</p>")
    assert len(_clean(only_links)) >= 4
