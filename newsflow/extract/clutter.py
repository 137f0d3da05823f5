"""What a single line is when it is not the article's own text: an image's file name, a photo credit, a share bar,
a "read more", newsletter or follow-us prompt, a copyright notice or disclosure, a tag line, a byline or dateline,
a widget's label. Each test takes the line's text alone; where the line stands is for ``leftovers`` to weigh."""

from __future__ import annotations

import re
from collections.abc import Iterable

from newsflow.extract.blocks import units, units_within
from newsflow.extract.textutil import words

# A file name's stem: a long token with a digit in it; without a prefix naming it an image, a letter too, so that a
# telephone number or a date on a line of its own ("02-751-1500") is not taken for one
_IMAGE_NAME_RE = re.compile(
    r"^(?:(?:webp|jpe?g|png|gif|avif|svg|image|img|photo|pic|dsc|screenshot)[\s_-]+|(?=[\w-]*[a-z]))"
    r"(?=[\w-]*\d)[a-z0-9_-]{10,}(?:\.(?:webp|jpe?g|png|gif|avif|svg))?$",
    re.I,
)
_FILE_RE = re.compile(r"^\S+\.(?:webp|jpe?g|png|gif|avif|svg|bmp|tiff?)$", re.I)
_AGENCIES = (
    r"(?:getty images|reuters|ap photo|afp|shutterstock|epa(?:-efe)?|dpa|istock(?:photo)?|alamy|associated press|"
    r"picture alliance|imago)"
)
# Searched on the lowercased line, as the other patterns searched anywhere in it (see _PROMPT_ANYWHERE_RE)
_CREDIT_RE = re.compile(
    r"^\(?(?:photo|image|picture|foto|bild|credit|illustration|source|quelle|crédit|fotografía|titelbild|"
    r"beitragsbild|bildquelle|image illustrative|fot\.|copyright)s?(?:\s*(?:credit|by|source|via|:|©|/|\||-))"
    r"|^(?:header|featured?|cover|top|lead|main|hero|title|teaser) (?:image|photo|picture|illustration)s?\s*(?::|by\b)"
    r"|^(?:figure|fig\.|abbildung|abb\.|grafik|chart|graphic)\s*\d+\s*[:.]"
    # an agency's credit: opening the line, after a separator or a caption's last sentence ("… on Tuesday.
    # REUTERS/Jane Doe", "… in New York.Reuters" where the page set the credit apart only by its markup, "Jane
    # Doe/Getty Images", "© Reuters"), or in parentheses closing it ("(AP Photo/Jane Doe)");
    # not a sentence that names the agency ("… the minister told Reuters")
    rf"|(?:^|[/|©:–—-]\s*|[.!?”\"]\s*){_AGENCIES}\b[^.!?。]{{0,40}}$"
    # ("(EPA)" alone is as often the Environmental Protection Agency, or the German ePA)
    rf"|\((?:[^()]{{0,30}}[\s/])?(?!epa\)){_AGENCIES}\b[^()]{{0,40}}\)$"
    r"|\((?:photo|picture|image|foto|credit)s?\s*(?:by|:|credit)[^()]{1,60}\)$"
    r"|^(?:photo |image )?courtesy (?:of )?\S|^(?:image|media) (?:caption|copyright)\b"
    r"|^©",
)
# A line that names the agencies or colleagues who contributed to the story is the story's ("Contributing: The
# Associated Press", "(Con información de AFP y EFE)"), not a picture's credit
_ATTRIBUTION_RE = re.compile(
    r"\b(?:contribut\w*|reporting|editing|additional|con información|com informações|avec|with files from|"
    r"mit material)\b"
)
# A photographer's credit under a picture: "Devindra Hardawar/AOL", "Jane Doe / Getty Images"
_NAME_CREDIT_RE = re.compile(
    r"^[A-Z][\w.'’-]{0,14}(?: [A-Z][\w.'’-]{0,14}){1,2}\s?/\s?[A-Z][\w&.'’-]{0,14}(?: [A-Z][\w&.'’-]{0,14}){0,2}$"
)
# "Follow The Gleaner on Twitter and Instagram …"; straight or typographic apostrophes, as in every pattern here
_FOLLOW_US = r"follow [\w\s.'’-]{1,40}? on (?:twitter|facebook|instagram|tiktok|youtube|linkedin|threads|bluesky|x)\b"
_FOLLOW_US_RE = re.compile(_FOLLOW_US, re.I)
# A prompt opening its line ("Read more: …", "Related: …", "Baca juga"); ``sections`` reads it as the heading
# of a paragraph of related links too
PROMPT_RE = re.compile(
    r"^[\[(]?(?:read more|read:|read also|also read|read next|more from|more on this|see also|recommended|"
    # "Related: …", "RELATED", "Related Recipes", "Related stories …", not a sentence or a term that opens with the
    # word ("Related to each other: …", "Related research shows …")
    r"related(?=\s*[:|\]»›–—-]|\s*$| \w+\s*$| (?:stor(?:y|ies)|articles?|coverage|content|news|reading|links|posts|"
    r"videos?|topics|posts?)\b)|more stories|sign up|subscribe|newsletter|"
    # a link to another story of the site between paragraphs (rt.com's "Also on rt.com Journalists & …")
    r"also on (?:[\w-]+\.)+(?:com|net|org|co\.uk)\b|"
    # "Watch: …", "Listen now", not a sentence that starts with the verb ("Watch how the text changes:")
    r"(?:watch|listen)(?:\s*[:|]| now| live| (?:the )?(?:full )?video"
    r"| to (?:the|this|our) (?:podcast|episode|article|story)"
    # a programme's air times ("Listen to Newsbeat live at 12:45 and 17:45 weekdays")
    r"| to [\w'’ ]{1,30}? live at \d{1,2}[:.]\d\d)|"
    r"follow us|click here|continue reading|get (?:the|our)|download (?:the|our)|advertisement|see more:|"
    # rt.com's "Like this story? Share it with a friend!"
    r"like this (?:story|article)\?|"
    # "Read this story in Bengali", "In Video: …" (timesofindia.com, after the article)
    r"read this (?:story|article) in [\w-]+$|in video:.*$|"
    # "For more, read: …", "Get Data Sheet, Fortune's technology newsletter"
    r"for more(?: on this)?,? (?:read|see|visit|go to)\b|get [^.!?]{0,60}\bnewsletter\.?$|"
    r"lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|weiterlesen|lire aussi|à lire aussi|voir aussi|"
    r"leia também|lee también|lea también|vea también|leer más|leggi anche|czytaj też|czytaj także|zobacz też|"
    r"(?:también )?(?:le|te) puede interesar|mira:|schon gelesen|auch lesen:|zum weiterlesen:|"
    r"das könnte sie auch interessieren|"
    r"teilen mit:|à lire également|sur le même sujet|veja também|potrebbe interessarti|"
    # Indonesian, Russian, Turkish, Vietnamese, Arabic, Thai and Japanese "read also" / "related"
    r"baca juga|simak juga|читайте также|смотрите также|читайте нас|ayrıca okuyun|xem thêm|tin liên quan|"
    r"اقرأ أيضا|اقرأ أيضاً|เรื่องที่เกี่ยวข้อง|あわせて読みたい|"
    r"for the latest (?:news|stories|updates|headlines)|more:|like us on facebook|"
    r"(?:join|start) the (?:conversation|discussion)|view (?:all )?(?:\d+ )?comments|"
    r"(?:please )?support (?:our|independent|quality) journalism|will you (?:support|become)|"
    # a reactions widget between paragraphs (popsugar.com: "What’s Your Reaction?Share this reaction with …")
    r"what['’]?s your reaction\?.*$|"
    rf"{_FOLLOW_US})"
    r"(?!\w)",  # not \b: alternatives ending in ":" ("Mira: …") have no word boundary after them
    re.I,
)
# The patterns searched anywhere in a line are lowercase and run on the lowercased line: Python's re tries each
# alternative at every position, and case-insensitive matching makes that about three times slower
_PROMPT_ANYWHERE_RE = re.compile(
    r"sign up for (?:our|the) [\w\s-]{0,30}newsletter|subscribe to (?:our|the) [\w\s-]{0,30}newsletter|"
    r"the post .{1,300} appeared first on|get (?:the|our) [\w\s-]{0,30}newsletter|"
    r"sign(?:ing)? up (?:(?:here|now|today) )?(?:for|to) (?:our|the) [\w\s-]{0,30}newsletter|"
    r"\bsign up (?:here|now|today)[.!]?$|"
    r"\bnewsletter (?:anmelden|abonnieren|bestellen)\b|zum newsletter\b|"
    r"könnte (?:dich|sie|euch) (?:auch )?interessieren|pour lire la suite|pour accéder en illimité|"
    r"(?:log|sign) in to (?:comment|post|reply)|must be logged in to (?:comment|post|reply)|"
    r"kommentier\w*.{0,60}(?:eingeloggt|angemeldet) sein|(?:eingeloggt|angemeldet) sein.{0,40}kommentar|"
    r"nicht eingeloggt|"
    r"be the first to comment|^leave a (?:comment|reply)\b|"
    r"(?:enable|turn on) javascript|this (?:video|content) is not available|"
    r"download (?:the|our) [\w\s-]{0,30}apps?\b|we want to hear what you think|^tell us what you think\W*$|"
    r"(?:join|subscribe to) (?:us|our [\w\s-]{0,20}channel) on (?:telegram|whatsapp|youtube)|"
    r"start your [\w\s-]{0,30}subscription|(?:don['’]t|do not) have an account\?|already have an account\?|"
    r"thanks? (?:you )?for (?:signing up|subscribing)|^sign-?up successful|"
    r"by (?:clicking|signing up|subscribing)\b.{0,40}\byou agree\b|"
    r"we have a small favou?r to ask|^we respect your privacy|"
    r"(?:story|article) continue[sd] (?:below|after)|\bin your inbox\b|scroll (?:down )?to continue|skip advertisement|"
    r"keep an eye on your inbox|error processing your subscription|we['’]d like to hear what you think|"
    r"\bby clicking here\.?$|if you enjoyed this article\b.{0,80}\b(?:join|subscribe|support|sign up)\b|"
    # a magazine's subscription offer ("Get Motor Cycle Monthly … 12 issues for £11.99.")
    r"\b\d+ issues for [£$€]\s?\d|"
    # the Associated Press' links under its sports stories ("More AP NBA: https://apnews.com/NBA and …")
    r"^more ap [\w ]{2,30}: https?://|"
    # a WordPress shortcode for a widget that the site did not render ("[button link=…] Send us YOUR kit
    # review[/button]"); not "[sourcecode]", whose content is the article's
    r"^\[(button|automerge|caption|gallery|embed|video|audio|contact-form|adsense|ad)\b[^\]]*\].*\[/\1\]|"
    # a related link with its label in brackets (express.co.uk's "China furious at Macron for … [INSIGHT]")
    r"\[(?:insight|video|pics|pictures|photos|reaction|analysis|poll|latest|revealed|explained|map|update|quiz|"
    r"report|evidence|interview|claim|news|warning)\]\s*\|?$|"
    r"to (?:view|read) the (?:full|whole|rest of the) (?:story|article)|please subscribe to\b|"
    r"already a subscriber\?|you(?:['’]re| are) already a subscriber|"
    r"tenemos canal de (?:telegram|whatsapp)|únete a nuestro canal|"
    # a newsletter box's label left alone ("PC Gamer Newsletter"), an opinion page's call for letters
    r"^(?:[\w&'’.-]+ ){0,3}newsletters?$|submit (?:your|a) letter to the editor|"
    r"会員限定|続きをお読み|続きを読む|関連記事|相关阅读|相关新闻|点击查看|扫码关注|관련기사|구독하기",
)
_NOTICE_RE = re.compile(
    r"all rights reserved(?:\W*$|\.\s)|^(?:copyright|\(c\))\s*(?:©\s*)?\d{4}|^©\s*\d{4}|"
    # a cookie consent banner's text, where it opens the line
    r"^(?:this|our) (?:web)?site uses cookies|^we use cookies\b|^(?:diese|unsere) (?:web)?seite (?:verwendet|nutzt) "
    r"cookies|^wir (?:verwenden|nutzen) cookies|^(?:utilizamos|usamos) cookies|^nous utilisons des cookies|"
    r"^questo sito (?:web )?utilizza (?:i )?cookie|^este (?:sitio|site) (?:web )?(?:utiliza|usa) cookies|"
    r"may not be (?:published|reproduced|broadcast|rewritten|redistributed|republished)|"
    r"written permission must be obtained|without (?:prior )?(?:express )?written permission|"
    # Dow Jones' reprint notice (wsj.com, barrons.com, marketwatch.com)
    r"this copy is for your personal,? non-commercial use only|"
    r"(?:have|got) a (?:news )?tip\b|^our standards: the thomson reuters trust principles|"
    r"^this (?:article|story|post) is more than \d+ (?:years?|months?) old|"
    r"this content is imported from \w+|send us (?:a|your) (?:news )?tips?\b|"
    r"we may (?:receive|earn|get) (?:a )?(?:small )?(?:compensation|commission)|"
    # "If you buy something through this post, IGN may get a share of the sale."
    r"\bmay (?:receive|earn|get) a share of (?:the )?sales?(?=[.,;]|$)|"
    r"(?:post|article|page|story) (?:contains|includes|may contain) (?:\w+ ){0,2}affiliate[- ]links?|"
    r"handelt es sich um affiliate[- ]links?|^\(?alle angaben ohne gewähr\)?\.?$|"
    r"enthält (?:\w+ ){0,2}affiliate[- ]links?|(?:beitrag|artikel|post) enthält (?:unbezahlte )?werbung|"
    # a comment section's house rules
    r"reserves? the right to (?:remove|delete|edit) (?:any )?(?:comments?|posts?)|comments? (?:are|is) moderated|"
    r"moderating (?:all )?(?:the )?comments|"
    r"views expressed (?:in|by) (?:the )?(?:comments|readers|commenters)|opinión de (?:los|sus) (?:usuarios|lectores)|"
    r"se reserva el derecho (?:a|de) (?:eliminar|borrar|retirar)|"
    r"no (?:está|esta) permitido (?:verter|publicar|escribir|enviar) comentarios|"
    r"comentarios (?:están|estan) sujetos a (?:moderación|moderacion)|"
    r"coment[áa]rios\b.{0,100}\b(?:não serão aprovados|pelo moderador)",
)
_TAG_LINE_RE = re.compile(
    r"^(?:tags|topics|related topics|filed under|keywords|categories|themen|schlagw(?:ö|oe)rter|schlagworte|"
    r"stichw(?:ö|oe)rter|étiquettes|mots[- ]clés|sujets|etiquetas|temas|tag|argomenti|trefwoorden)\s*:"
    # the label alone, its tags (links) on the lines after it
    r"|^(?:tags|tagged|schlagw(?:ö|oe)rter|étiquettes|etiquetas|tag)\s*$",
    re.I,
)
# A post's metadata on one line: who published it and under which category ("05/10/2018 - Publicado por: Clarissa
# Borba - Categoria: Saúde - Tags: …")
_META_LINE_RE = re.compile(
    r"\b(?:published by|posted by|publicado por|publié par|veröffentlicht von|pubblicato da)\b.{0,80}?"
    r"\s[-|•·]\s*(?:category|categories|categoria|categoría|catégorie|kategorie|categorie)\s*:",
    re.I,
)
_SHARE_WORDS = {
    "share", "shares", "sharing", "on", "facebook", "twitter", "x", "email", "e", "mail", "whatsapp",
    "linkedin", "pinterest", "reddit", "print", "copy", "link", "tweet", "via", "messenger", "telegram",
    "flipboard", "comment", "comments", "this", "article", "story", "save", "bluesky", "threads", "teilen",
    "partager", "compartir", "condividi", "the", "to", "gift", "opens", "in", "new", "window", "tab",
    "pin", "it",
}
# A name follows: a capital, not a sentence's "By the time …", "By March …" ("By The Associated Press" is a name);
# a month or weekday is a first name only when a capitalised surname follows ("By May Smith", not "By May 2030")
_BYLINE_RE = re.compile(
    r"^(?:by|von|par|por|di|door|av|af|przez|written by|words by|story by):?\s+"
    r"(?!(?:then|now|contrast|comparison|law|default|design|far)\b)"
    r"(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july"
    r"|august|september|october|november|december)\b(?!\s+(?-i:[A-ZÀ-ÞĀ-Ž][a-zà-ÿā-ž])))"
    r"(?-i:(?!The\s+[a-zà-ÿ])[A-ZÀ-ÞĀ-Ž])",
    re.I,
)
_STAMP_RE = re.compile(
    r"^(?:published|updated|posted|last updated|modified|veröffentlicht|aktualisiert|publié|mis à jour|"
    r"publicado|actualizado|written(?=:)|기사입력|입력|수정)\b"
    # a full stop only in a time, a decimal date or an abbreviated day or month ("UPDATED: Tue., Nov. 19, 2019")
    r"(?:[ap]\.m\.|[^.]|(?<=\d)\.(?=\s?\d)|(?<=\b[a-z]{3})\.(?=[\s,])|(?<=\bsept)\.(?=[\s,])){0,80}\.?$",
    re.I,
)
# A date or time with little around it ("March 3, 2019 | 6:15 pm", "jueves, 5 de junio de 2019")
_DATELINE_RE = re.compile(
    r"^(?:[\w ,.:|/-]{0,20}\b(?:19|20)\d\d\b[\w ,.:|/()+-]{0,40}"
    r"|\d{1,2}[:.]\d\d\s*(?:am|pm|a\.m\.|p\.m\.)?\s*(?:[A-Z]{2,4})?[\w ,.|/-]{0,40})$",
    re.I,
)
# ... but not a short sentence with a year in it ("By 2030, emissions will have halved."): its lowercase words
_PROSE_WORD_RE = re.compile(r"(?<!\w)[a-zß-ÿ]{4,}(?!\w)")
DATELINE_MAX_PROSE_WORDS = 2
# Page furniture that a script fills or works: a loading placeholder, a template token left unfilled, a
# gallery's counter and buttons
_WIDGET_RE = re.compile(
    r"^(?:(?:loading|please wait|fetching|wird geladen|chargement|cargando)(?:\b[\w\s]{0,30}?\s*(?:\.\.\.|…))?"
    r"|%[\w-]+%|\{\{[^{}]*\}\}|\d{1,3}\s*(?:of|/)\s*\d{1,3}"
    r"|close|previous|prev|next|fullscreen|full screen|thumbnails|show more|show less|load more"
    r"|view (?:gallery|slideshow)|apply now|see more|sign in|log in"
    r"|bild anzeigen|enlarge (?:this )?image|back to top|skip to (?:main )?content"
    r"|(?:estimated )?reading time:?\s*\d+\s*min\w*\.?|\d+\s*min(?:ute)?s?\.? read"
    r"|(?:tempo de leitura|tiempo de lectura|temps de lecture|lesezeit|tempo di lettura):?\s*\d+\s*min\w*\.?"
    r"|\(end\)|now playing|up next|autoplay|replay(?: video)?|skip ad|(?:toggle|hide|show) caption"
    # a video box's label between paragraphs (opposingviews.com's "Popular Video" over an unrelated clip)
    r"|(?:most )?popular videos?|featured videos?|trending videos?|video of the day"
    r"|expand (?:image|caption)|(?:next|previous|prev) (?:article|story|post)|view this post on instagram"
    r"|media playback is unsupported on your device|your browser does not support (?:the )?\w+(?: \w+)?\.?"
    # an e-mail-this-article form's messages
    r"|an error has occurred,? please try again(?: later)?\.?|this article has been sent to"
    r"|sponsored(?: content)?|paid content|print this (?:page|article|story)|email this (?:page|article|story)"
    # an advertisement's label alone on its line, where the ad itself was a script
    r"|anzeige|werbung|publicidad|publicité|pubblicità|reklama|advertentie|annonce"
    # the video.js player's menus and dialog, in the page's text on every site that embeds it
    r"|chapters|(?:descriptions|subtitles|captions) (?:off|settings)(?:, selected)?|default, selected"
    r"|this is a modal window\..*|beginning of dialog window\..*|end of dialog window\.)$",
    re.I,
)
# An error message PHP printed into the page ("Deprecated: … in /www/htdocs/wp-settings.php on line 520")
_PHP_ERROR_RE = re.compile(
    r"^(?:deprecated|warning|notice|strict standards|(?:php )?(?:fatal|parse) error): .* on line \d+$", re.I
)
_SENTENCE_END_RE = re.compile(r"[.!?…:;\"”»)\]]$")
# A block holding an author's name and at most this many other words is a byline
BYLINE_EXTRA_WORDS = 3
# A block this long, or ending like a sentence with this many words, is body text, not a label.
LABEL_MAX_WORDS = 12
# A byline, a stamp or a dateline is at most this long
LINE_MAX_WORDS = LABEL_MAX_WORDS + 4
# No leftover pattern matches a block longer than this
LEFTOVER_MAX_WORDS = 40
# A "By"/"Von" line ending in a full stop is a sentence, not a byline, when it has more words than this
BYLINE_SENTENCE_WORDS = 4


def is_image_name(text: str) -> bool:
    return bool(text) and (bool(_IMAGE_NAME_RE.match(text)) or bool(_FILE_RE.match(text)))


def is_share_bar(text: str) -> bool:
    tokens = words(text)
    return bool(tokens) and len(tokens) <= 20 and all(t in _SHARE_WORDS for t in tokens)


def is_prompt(text: str, n: int | None = None, *, max_units: int = 40) -> bool:
    """A "read more", newsletter, follow-us or paywall prompt (``n``: the text's ``units``, when known)."""
    n = units(text) if n is None else n
    if n <= max_units and _PROMPT_ANYWHERE_RE.search(text.lower()):
        return True
    return n <= 25 and bool(PROMPT_RE.match(text))


def is_notice(text: str, n: int | None = None, *, max_units: int = 40) -> bool:
    """A copyright or reprint notice, an advertiser disclosure or a call for tips: the publisher's footer, not
    the article."""
    n = units(text) if n is None else n
    return n <= max_units and bool(_NOTICE_RE.search(text.lower()))


def is_footer_line(text: str, n: int, *, max_units: int) -> bool:
    """A notice, a prompt or the site's follow-us line of at most ``max_units`` words: what a publisher's footer
    says, which may run longer than a line where it opens or closes the body."""
    return (
        is_notice(text, n, max_units=max_units)
        or is_prompt(text, n, max_units=max_units)
        or (n <= max_units and bool(_FOLLOW_US_RE.match(text)))
    )


def is_tag_line(text: str, n: int | None = None) -> bool:
    """A line of the article's tags or topics ("Topics: uber, Sydney, ...")."""
    n = units(text) if n is None else n
    return n <= 40 and (bool(_TAG_LINE_RE.match(text)) or bool(_META_LINE_RE.search(text)))


def is_credit(text: str, n: int | None = None) -> bool:
    n = units(text) if n is None else n
    lower = text.lower()
    if _ATTRIBUTION_RE.search(lower):
        return False
    return n <= 30 and (bool(_CREDIT_RE.search(lower)) or bool(_NAME_CREDIT_RE.match(text)))


def is_byline_or_dateline(text: str, authors: Iterable[str]) -> bool:
    n = units_within(text, LINE_MAX_WORDS)
    if not n:
        return False
    if _STAMP_RE.match(text):
        return True
    if _DATELINE_RE.match(text) and len(_PROSE_WORD_RE.findall(text)) <= DATELINE_MAX_PROSE_WORDS:
        return True
    return is_byline(text, authors)


def is_stamp(text: str) -> bool:
    """A publication or update stamp ("Updated: Tue., Nov. 19, 2019", "기사입력 :[ 2018-08-25 15:24 ]")."""
    return bool(units_within(text, LINE_MAX_WORDS)) and bool(_STAMP_RE.match(text))


def is_byline(text: str, authors: Iterable[str]) -> bool:
    """A byline: "By" and a name, or the name of one of the article's authors with little around it."""
    if not units_within(text, LINE_MAX_WORDS):
        return False
    tokens = words(text)
    # a sentence that opens with a capitalised word after "Von"/"Di"/"Por" ("Von Anfang an war klar, dass …",
    # "Di Maio ha detto …") ends like one; a byline does not, unless it is a bare name ("By Ann Lee.")
    if _BYLINE_RE.match(text) and (len(tokens) <= BYLINE_SENTENCE_WORDS or not text.rstrip().endswith((".", "!", "?"))):
        return True
    for author in authors:
        name = words(author)
        # the name as stated, perhaps with an initial or a role around it: "Richard (R.J.) Eskow"
        if name and set(name) <= set(tokens) and len(tokens) <= len(name) + BYLINE_EXTRA_WORDS:
            return True
    return False


def is_label(text: str) -> bool:
    """Short and without a sentence's end: a section name, caption, credit or tag, not prose."""
    n = units(text)
    return n <= LABEL_MAX_WORDS and not _SENTENCE_END_RE.search(text)


def is_widget(text: str, n: int | None = None) -> bool:
    """A loading placeholder, an unfilled template token, a gallery's counter or button, or a PHP error."""
    n = units(text) if n is None else n
    return (n <= 8 and bool(_WIDGET_RE.match(text))) or bool(_PHP_ERROR_RE.match(text))


def is_leftover_line(text: str) -> bool:
    """Clutter wherever it stands: an image file name, share bar, prompt, credit, tag line, notice or widget."""
    n = units_within(text, LEFTOVER_MAX_WORDS)
    if n is None:
        return False  # a paragraph this long is prose: spare it the patterns (most of a body's blocks)
    return (
        is_image_name(text) or is_share_bar(text) or is_prompt(text, n) or is_credit(text, n)
        or is_tag_line(text, n) or is_notice(text, n) or is_widget(text, n)
    )
