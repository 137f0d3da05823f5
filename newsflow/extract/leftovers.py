"""Remove what extractors leave around an article body: the title again, labels, bylines and datelines,
image file names, captions and photo credits, share bars, "read more" and newsletter prompts.

Works on the top-level blocks of trafilatura's XML body. Leading and trailing runs of short, sentence-less
blocks are where this clutter sits; inside the body only blocks that match a leftover pattern outright go.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml.etree import _Element

from newsflow.extract.signoff import is_sign_off
from newsflow.extract.textutil import ends_cut_off, squash, word_key, words

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
_PROMPT_RE = re.compile(
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
    r"download (?:the|our) [\w\s-]{0,30}apps?\b|we want to hear what you think|"
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
    r"stichw(?:ö|oe)rter|étiquettes|mots[- ]clés|sujets|etiquetas|temas|tag|argomenti|trefwoorden)\s*:",
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
    r"publicado|actualizado|written(?=:))\b"
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
# A slide's counter before its title in an embedded gallery ("1/50 United goin down")
_SLIDE_RE = re.compile(r"^(\d{1,3})\s?/\s?(\d{1,3})\b")
# The heading of a closing list of other articles ("More Must-Reads From TIME", "You Might Also Like")
_RELATED_HEADING_RE = re.compile(
    r"^(?:more (?:must[- ]reads?|stories|news|articles|coverage|reading|videos|like this|to (?:read|explore)"
    r"|from|on|in)"
    r"|related(?: (?:stories|articles|content|coverage|news|reading|links))?"
    r"|recommended(?: (?:for you|stories|reading))?"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|most (?:popular|read|viewed|shared|emailed)"
    r"|trending(?: now| stories)?|popular (?:now|stories|articles)|top stories"
    r"|latest (?:news|stories|articles|headlines)"
    r"|(?:what to )?read next|don['’]?t miss|editors?['’]?s?['’]? (?:picks?|choice|recommendations)|further reading"
    r"|also on|elsewhere on|around the web"
    r"|(?:weitere|mehr) (?:aktuelle )?(?:themen|artikel|beiträge|nachrichten|news)|auch lesen|mehr zum thema"
    r"|top-themen|lesen sie (?:auch|mehr)|das könnte (?:sie|dich|euch) auch interessieren|auch auf"
    r"|ähnliche (?:artikel|beiträge)"
    r"|(?:à )?lire aussi|à lire également|sur le même (?:sujet|thème)|articles similaires|les plus lus"
    r"|(?:también )?te puede interesar|te recomendamos|(?:notas|noticias|artículos) relacionad[oa]s|más sobre"
    r"|más noticias|lee también|leia também|veja também|notícias relacionadas|mais lidas"
    r"|leggi anche|(?:ti )?potrebbe interessarti|articoli correlati|lees ook|meer nieuws"
    r"|gerelateerde artikelen|berita terkait|artikel terkait|похожие (?:новости|статьи)|другие новости"
    r"|ilgili haberler|tin liên quan|أخبار ذات صلة|مقالات ذات صلة|เรื่องที่เกี่ยวข้อง|関連記事|관련\s?기사)(?!\w)",
    re.I,
)
# The heading of the readers' comments after an article, with their count or the article's title ("12 Responses",
# "Comments (3)", "2 thoughts on “Council approves budget”"); a bare "Comments" may head a section of the article
_COMMENTS_HEADING_RE = re.compile(
    r"^(?:(?:\d+|one|no) (?:comments?|responses?|replies|reactions)(?: so far)?"
    r"|(?:top[- ]rated|most (?:liked|popular)|latest|newest|readers?['’]?) comments"
    r"|(?:comments?|responses?|replies|reactions)\s*\(\d+\)"
    r"|(?:(?:\d+|one) thoughts?|(?:\d+ |one )?(?:comments?|responses?|replies)) (?:on|to) [„“”\"'‘’«].*[“”\"'‘’»])"
    r"\s*:?$",
    re.I,
)
COMMENTS_HEADING_MAX_WORDS = 30
# The article before a comment section must have this much text for the section to be cut
COMMENTS_MIN_ARTICLE_WORDS = 60
# The lines of a subscription pitch after a paywalled teaser name a price, an offer, an account or access
_PAYWALL_OFFER_RE = re.compile(
    r"[€$£]\s?\d|\d\s?[€$£]|subscri|abonn|\babo\b|offre|offer|log ?in\b|sign ?in\b|connect|compte|account|"
    r"konto|anmelden|registrier|inscri|suscr|assin|accès|access|zugang|acceso",
    re.I,
)
# An entry of a "recent posts" list: a headline, then a separator and its date ("… For Artists - October 10, 2020")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATED_ENTRY_RE = re.compile(
    rf"\s[-–—|·•]\s*(?:{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\.?\s+{_MONTH}\s+\d{{4}}"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d\d-\d\d)$",
    re.I,
)
# A reporter's address alone on a line where the body ends (Yonhap's "kokobj@yna.co.kr (END)")
_EMAIL_LINE_RE = re.compile(r"^[\w.+-]+@[\w-]+(?:\.[\w-]+)+(?:\s*\(end\))?$", re.I)
_EMPTY_FIELD_RE = re.compile(r"^[^\s:][^:.!?]{0,30}:$")
# Two parts of a short line around a bar or a dash: a caption and its credit, a date and a place
_SEPARATED_RE = re.compile(r"\s[|/•·]\s|\s[-–—]\s")
_SENTENCE_END_RE = re.compile(r"[.!?…:;\"”»)\]]$")
# A heading opening the body is the headline when it shares this share of its words with the title (the same
# headline reworded: "Zugang" for "Zutritt", a kicker added); less for the page's h1, which is where headlines go
HEADLINE_OVERLAP = 0.6
H1_HEADLINE_OVERLAP = 0.4
HEADLINE_MAX_WORDS = 40
# A teaser under a linked heading is at most this long; at least this many linked headings make a list of them
TEASER_MAX_WORDS = 60
TEASER_MIN_HEADINGS = 2
# A block holding an author's name and at most this many other words is a byline
BYLINE_EXTRA_WORDS = 3
# A block this long, or ending like a sentence with this many words, is body text, not a label.
LABEL_MAX_WORDS = 12
# No leftover pattern matches a block longer than this
LEFTOVER_MAX_WORDS = 40
# This many short "date – place" lines in a row at an edge of the body are entries of a list, not captions
ENTRY_RUN_MIN_LINES = 5
# A one-cell table this short that ends on a photo credit is a picture's caption box
PICTURE_BOX_MAX_WORDS = 60
# A notice or disclosure where it opens or closes the body may be this long
EDGE_NOTICE_MAX_WORDS = 90
# A related-articles heading is at most this long, and each entry in the list under it at most this long
RELATED_HEADING_MAX_WORDS = 8
RELATED_ENTRY_MAX_WORDS = 30
# A related-content heading may name the site after its phrase with this many words ("More from Salon")
RELATED_HEADING_EXTRA_WORDS = 3
# A "By"/"Von" line ending in a full stop is a sentence, not a byline, when it has more words than this
BYLINE_SENTENCE_WORDS = 4
# A byline behind a standfirst or kicker is looked for among this many blocks opening the body
OPENING_BLOCKS = 3
# Under a related heading in one paragraph, links make up this much of the rest of its text
RELATED_LINKS_SHARE = 0.8
# A list or table at the body's edge is a navigation menu when this share of its text is links, it holds at
# least this many links, and they average at most this many words
MENU_LINK_SHARE = 0.6
MENU_MIN_LINKS = 4
MENU_WORDS_PER_LINK = 4
# A closing list whose items are each a link and nothing else (other stories' headlines) has at least this many
LINK_LIST_MIN_ITEMS = 2
LINK_ITEM_SHARE = 0.9
# A linked paragraph this long and this much in capitals is another story's headline
SHOUTED_MIN_WORDS = 3
SHOUTED_SHARE = 0.9
# A closing run of at least this many dated headlines is a list of other articles
DATED_LIST_MIN_ENTRIES = 3
# An embedded gallery has at least this many counted slides
GALLERY_MIN_SLIDES = 3
# Each line of a subscription pitch after a paywalled teaser is at most this long
PAYWALL_LINE_MAX_WORDS = 30


_CJK_RE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f\u1000-\u109f]")


def units(text: str) -> int:
    """Length in words; for scripts written without spaces, about one word per two such characters."""
    return max(len(words(text)), len(text) // 6, len(_CJK_RE.findall(text)) // 2)


def _units_within(text: str, limit: int) -> int | None:
    """``units(text)`` when it is at most ``limit``, else None; answered from the length alone where it can be
    (units are at least a sixth of the characters), so a paragraph of prose is told without reading its words."""
    if len(text) // 6 > limit:
        return None
    n = units(text)
    return n if n <= limit else None


# Elements whose text a reader sees apart from what follows: list items, table cells and rows, line breaks
_SEPARATE = frozenset({"item", "cell", "row", "lb", "p", "head", "list", "table", "quote"})


def block_text(block: _Element) -> str:
    """A block's text on one line; a list's items and a table's cells are separated by a space ("Separate Küche
    Geschirrspüler", not "Separate KücheGeschirrspüler")."""
    if block.tag not in ("list", "table") and block.find(".//lb") is None:
        return squash("".join(block.itertext()))
    parts: list[str] = []
    _spaced_text(block, parts)
    return squash("".join(parts))


def _spaced_text(element: _Element, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        _spaced_text(child, parts)
        if child.tag in _SEPARATE:
            parts.append(" ")
        if child.tail:
            parts.append(child.tail)


def link_share(block: _Element, text: str) -> float:
    """The share of the block's ``text`` that is link text, in visible characters (the spaces between a list's
    items are not text)."""
    linked = sum(_visible_length("".join(ref.itertext())) for ref in block.iter("ref"))
    total = _visible_length(text)
    return min(1.0, linked / total) if total else 0.0


def _visible_length(text: str) -> int:
    return len(text) - sum(text.count(c) for c in " \t\n\r\u00a0")


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
    return n <= 25 and bool(_PROMPT_RE.match(text))


def is_notice(text: str, n: int | None = None, *, max_units: int = 40) -> bool:
    """A copyright or reprint notice, an advertiser disclosure or a call for tips: the publisher's footer, not
    the article."""
    n = units(text) if n is None else n
    return n <= max_units and bool(_NOTICE_RE.search(text.lower()))


def is_tag_line(text: str, n: int | None = None) -> bool:
    """A line of the article's tags or topics ("Topics: uber, Sydney, ...")."""
    n = units(text) if n is None else n
    return n <= 40 and bool(_TAG_LINE_RE.match(text))


def is_credit(text: str, n: int | None = None) -> bool:
    n = units(text) if n is None else n
    lower = text.lower()
    if _ATTRIBUTION_RE.search(lower):
        return False
    return n <= 30 and (bool(_CREDIT_RE.search(lower)) or bool(_NAME_CREDIT_RE.match(text)))


def is_byline_or_dateline(text: str, authors: Iterable[str]) -> bool:
    n = _units_within(text, LABEL_MAX_WORDS + 4)
    if not n:
        return False
    if _STAMP_RE.match(text):
        return True
    if _DATELINE_RE.match(text) and len(_PROSE_WORD_RE.findall(text)) <= DATELINE_MAX_PROSE_WORDS:
        return True
    return is_byline(text, authors)


def is_byline(text: str, authors: Iterable[str]) -> bool:
    """A byline: "By" and a name, or the name of one of the article's authors with little around it."""
    if not _units_within(text, LABEL_MAX_WORDS + 4):
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


def _is_label(text: str) -> bool:
    """Short and without a sentence's end: a section name, caption, credit or tag, not prose."""
    n = units(text)
    return n <= LABEL_MAX_WORDS and not _SENTENCE_END_RE.search(text)


def is_widget(text: str, n: int | None = None) -> bool:
    """A loading placeholder, an unfilled template token, a gallery's counter or button, or a PHP error."""
    n = units(text) if n is None else n
    return (n <= 8 and bool(_WIDGET_RE.match(text))) or bool(_PHP_ERROR_RE.match(text))


def is_leftover_line(text: str) -> bool:
    """Clutter wherever it stands: an image file name, share bar, prompt, credit, tag line, notice or widget."""
    n = _units_within(text, LEFTOVER_MAX_WORDS)
    if n is None:
        return False  # a paragraph this long is prose: spare it the patterns (most of a body's blocks)
    return (
        is_image_name(text) or is_share_bar(text) or is_prompt(text, n) or is_credit(text, n)
        or is_tag_line(text, n) or is_notice(text, n) or is_widget(text, n)
    )


def _always_drop(block: _Element, text: str) -> bool:
    return block.tag != "graphic" and is_leftover_line(text)


def remove_leftovers(
    body: _Element, *, titles: Iterable[str], authors: Iterable[str], labels: Iterable[str]
) -> list[str]:
    """Drop leftover blocks from ``body`` in place; return the bylines ("By Ann Lee") dropped from its opening,
    each its first line, for the authors of a page whose metadata names nobody.

    ``titles``: the article's title in its known forms; ``labels``: short strings the page states about itself
    (section, site name) that are clutter when they stand alone as a block at the edges of the body.
    """
    opening = [block for block in list(body)[:OPENING_BLOCKS + 2] if block.tag != "graphic"]
    title_norms = {word_key(t) for t in titles if t and word_key(t)}
    # compared without spaces, so that a site's name matches its address ("How-To Geek", howtogeek.com)
    label_norms = {_compact(x) for x in labels if x and _compact(x)}
    author_list = [a for a in authors if a]
    # first, while a closing list's heading is still there: a heading that is also a prompt ("Lesen Sie auch",
    # "Leia também") goes in the loop below, and the list under it would stay
    _drop_related_tail(body)
    blocks = list(body)
    for block in blocks:
        if block.getparent() is None:
            continue
        # loose text trafilatura left between blocks (a photo credit after a paragraph) is a line of its own
        tail = (block.tail or "").strip()
        if tail and is_leftover_line(tail):
            block.tail = None
        text = block_text(block)
        if _always_drop(block, text):
            body.remove(block)
        elif block.tag == "graphic":
            alt = block.get("alt") or ""
            if is_image_name(alt):
                block.attrib.pop("alt", None)
        elif (
            _is_gallery(block) or _is_related_links(block, text) or _is_picture_box(block, text)
            or _is_shouted_link(block, text)
        ):
            body.remove(block)
        elif block.tag == "list":
            for item in list(block):
                if is_leftover_line(block_text(item)):
                    block.remove(item)
            if not block_text(block):
                body.remove(block)
    # a body without a single sentence (a list, a table, a very short page) has no clutter edge to trim
    if any(block.tag != "graphic" and not _is_label(block_text(block)) for block in body):
        _trim_edge(body, title_norms, label_norms, author_list, from_start=True)
        _trim_edge(body, title_norms, label_norms, author_list, from_start=False)
    if len(body) > 1:
        _drop_repeated_title(body, title_norms)
        _drop_opening_byline(body, author_list)
    _drop_related_tail(body)
    _drop_comment_section(body)
    _drop_related_boxes(body)
    _drop_dated_tail(body)
    _drop_teaser_tail(body)
    _drop_paywall_tail(body)
    # a dropped block keeps its content, so its first line is read only now, and only for the dropped ones
    dropped = (_first_line(block) for block in opening if block.getparent() is None)
    return [line for line in dropped if is_byline(line, ())]


def _is_shouted_link(block: _Element, text: str) -> bool:
    """A paragraph that is one link in capitals between paragraphs: another story's headline (foxnews.com's
    "SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"), not a sub-heading, which links nowhere."""
    # the cheap tests first: most blocks are paragraphs of prose without a link
    if block.tag != "p" or block.find(".//ref") is None or link_share(block, text) < LINK_ITEM_SHARE:
        return False
    letters = [c for c in text if c.isalpha()]
    return (
        bool(letters) and sum(c.isupper() for c in letters) >= SHOUTED_SHARE * len(letters)
        and SHOUTED_MIN_WORDS <= units(text) <= RELATED_ENTRY_MAX_WORDS
    )


def _is_picture_box(block: _Element, text: str) -> bool:
    """A one-cell layout table holding a picture's caption and credit (space.com's "The logo of NASA …",
    "Credit: NASA"): its last line is a credit and it is a caption's length. A data table has more cells, and
    its "Source: …" line does not make it a picture."""
    if block.tag != "table" or units(text) > PICTURE_BOX_MAX_WORDS or len(block.findall(".//cell")) != 1:
        return False
    lines = [block_text(line) for line in block.iter("p")]
    return bool(lines) and is_credit(lines[-1])


def _compact(text: str) -> str:
    """The text's ``word_key`` without its spaces: how labels are compared ("How-To Geek", "howtogeek")."""
    return word_key(text).replace(" ", "")


def _first_line(block: _Element) -> str:
    """The block's text up to its first line break ("Von Ann Lee<lb/>Kakuma/Kenia" -> "Von Ann Lee")."""
    parts = [block.text or ""]
    for child in block:
        if child.tag == "lb":
            break
        parts.append("".join(child.itertext()))
        parts.append(child.tail or "")
    return squash("".join(parts))


def _trim_edge(
    body: _Element, titles: set[str], labels: set[str], authors: list[str], *, from_start: bool
) -> None:
    """Drop the run of clutter at one edge of the body, stopping at the first block of prose."""
    while len(body):
        block = body[0] if from_start else body[-1]
        text = block_text(block)
        norm = word_key(text)
        if block.tag == "graphic" or not norm:
            # images at the edges stay in the HTML; empty blocks go
            if block.tag != "graphic":
                body.remove(block)
                continue
            return _trim_beyond_graphic(body, block, titles, labels, authors, from_start=from_start)
        if (
            norm in titles
            or norm.replace(" ", "") in labels
            or is_byline_or_dateline(text, authors)
            or (from_start and block.tag == "head" and _is_headline(block, text, norm, titles))
            or (
                _is_label(text) and block.tag != "head" and _is_edge_clutter(block, text)
                and not _opens_entry_run(block, from_start=from_start)
            )
            or (not from_start and _is_empty_field(text))
            or _is_link_menu(block, text)
            or (not from_start and _is_headline_links(block))
            or _is_edge_notice(body, block, text)
            or bool(_EMAIL_LINE_RE.match(text))
            # who else reported, how to reach the writer: below the story's last paragraph only
            or (not from_start and is_sign_off(text) and _outweighed(body, block, units(text)))
        ):
            body.remove(block)
            continue
        return None
    return None


def _drop_opening_byline(body: _Element, authors: list[str]) -> None:
    """Drop a byline among the body's first blocks that the edge trim did not reach, because a standfirst or a
    kicker stands before it ("Uber's really just an under-regulated company …", then "Richard (R.J.) Eskow")."""
    for block in [b for b in body if b.tag != "graphic"][1:OPENING_BLOCKS]:
        if block.tag != "list" and is_byline(block_text(block), authors):
            body.remove(block)


def _is_edge_notice(body: _Element, block: _Element, text: str) -> bool:
    """An advertiser disclosure, a copyright notice or the site's follow-us line, which run longer than a line
    where they open or close a body; not when the rest of the body is shorter (a page of one run-on block keeps
    it)."""
    n = units(text)
    footer = (
        is_notice(text, n, max_units=EDGE_NOTICE_MAX_WORDS)
        or is_prompt(text, n, max_units=EDGE_NOTICE_MAX_WORDS)
        or (n <= EDGE_NOTICE_MAX_WORDS and bool(_FOLLOW_US_RE.match(text)))
    )
    return footer and _outweighed(body, block, n)


def _outweighed(body: _Element, block: _Element, n: int) -> bool:
    """The rest of the body is longer than the block's ``n`` words: the block is not all there is."""
    return sum(units(block_text(other)) for other in body if other is not block) > n


def _is_empty_field(text: str) -> bool:
    """A field's name with nothing after it ("FI slug:", "Contact:"): template debris when it closes a body."""
    return units(text) <= 4 and bool(_EMPTY_FIELD_RE.match(text))


def _trim_beyond_graphic(
    body: _Element, graphic: _Element, titles: set[str], labels: set[str], authors: list[str], *, from_start: bool
) -> None:
    """A caption sits right next to its image: drop a short label block on the far side of an edge image."""
    sibling = graphic.getnext() if from_start else graphic.getprevious()
    while sibling is not None:
        text = block_text(sibling)
        norm = word_key(text)
        if sibling.tag == "graphic":
            sibling = sibling.getnext() if from_start else sibling.getprevious()
            continue
        if norm and (
            norm in titles or norm.replace(" ", "") in labels or is_byline_or_dateline(text, authors) or
            (_is_label(text) and sibling.tag != "head" and _is_edge_clutter(sibling, text))
        ):
            following = sibling.getnext() if from_start else sibling.getprevious()
            body.remove(sibling)
            sibling = following
            continue
        return


def _is_title_like(norm: str, titles: set[str], overlap: float = 1.0) -> bool:
    """The same headline, perhaps with a site name or a kicker added, or (``overlap`` < 1) reworded."""
    if any(norm and (norm in t or t in norm) for t in titles):
        return True
    tokens = set(norm.split())
    return bool(tokens) and any(
        len(tokens & set(t.split())) >= overlap * max(len(tokens), len(t.split())) for t in titles if t
    )


def _is_headline(block: _Element, text: str, norm: str, titles: set[str]) -> bool:
    """A heading opening the body that is the article's headline: the page's h1, or a heading like the title."""
    if units(text) > HEADLINE_MAX_WORDS:
        return False
    overlap = H1_HEADLINE_OVERLAP if block.get("rend") == "h1" else HEADLINE_OVERLAP
    return _is_title_like(norm, titles, overlap)


def _is_link_menu(block: _Element, text: str) -> bool:
    """A list or table of short links at the edge of the body: the site's navigation, not the article."""
    if block.tag not in ("list", "table") or link_share(block, text) < MENU_LINK_SHARE:
        return False
    links = sum(1 for _ in block.iter("ref"))
    return links >= MENU_MIN_LINKS and units(text) <= MENU_WORDS_PER_LINK * links


def _is_headline_links(block: _Element) -> bool:
    """A list of other stories' headlines, each item a link and nothing else (space.com's and livescience.com's
    "NASA Europa Mission Could Potentially Spot Signs of Alien Life" … under the story): too few and too long
    for a menu. An item with words of its own besides the link (a source's description) keeps the list."""
    items = [item for item in block if item.tag == "item"] if block.tag == "list" else []
    if len(items) < LINK_LIST_MIN_ITEMS:
        return False
    for item in items:
        text = block_text(item)
        if not text or units(text) > RELATED_ENTRY_MAX_WORDS or link_share(item, text) < LINK_ITEM_SHARE:
            return False
    return True


def _is_edge_clutter(block: _Element, text: str) -> bool:
    """A short, sentence-less paragraph at the very edge of a body: a caption, credit, label or link line."""
    n = units(text)
    if n <= 3:
        return True
    # a caption or credit line typically carries a separator or names a person and a role without a verb end
    return bool(_SEPARATED_RE.search(text)) or (block.find(".//ref") is not None and n <= 8)


def _is_entry_line(block: _Element) -> bool:
    """A short line of two parts around a dash or bar, with no link: a caption or credit where it stands alone,
    an entry where many follow one another ("June 24 – Bristow, VA @ Jiffy Lube Live")."""
    text = block_text(block)
    return (
        block.tag == "p" and units(text) > 3 and _is_label(text) and block.find(".//ref") is None
        and bool(_SEPARATED_RE.search(text))
    )


def _opens_entry_run(block: _Element, *, from_start: bool) -> bool:
    """``block`` is the edge of a run of at least ``ENTRY_RUN_MIN_LINES`` such lines: a tour's dates, a schedule
    or a price list closing the article, which the benchmark's ground truth keeps, not a caption."""
    run = 0
    current: _Element | None = block
    while current is not None and _is_entry_line(current):
        run += 1
        if run >= ENTRY_RUN_MIN_LINES:
            return True
        current = current.getnext() if from_start else current.getprevious()
    return False


def _drop_teaser_tail(body: _Element) -> None:
    """Cut a list of other articles that closes the body: linked headings over one-sentence teasers.

    Scanning back from the end, the tail may hold linked headings, empty or all-link paragraphs, short labels
    ("More columns") and a short teaser right under a linked heading; it is cut when it holds at least
    ``TEASER_MIN_HEADINGS`` linked headings and the body keeps more text than the tail.
    """
    blocks = list(body)
    start, linked_heads = len(blocks), 0
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        text = block_text(block)
        share = link_share(block, text)
        if block.tag == "head" and text and share >= 0.5:
            linked_heads += 1
        elif not _is_teaser_filler(blocks, i, text, share):
            break
        start = i
    if linked_heads >= TEASER_MIN_HEADINGS and start > 0:
        _cut_tail(body, blocks, start)


def _cut_tail(body: _Element, blocks: list[_Element], start: int) -> None:
    """Drop ``blocks[start:]`` from ``body`` when the article keeps more text than it loses."""
    kept = sum(len(block_text(b)) for b in blocks[:start])
    if kept > sum(len(block_text(b)) for b in blocks[start:]):
        for block in blocks[start:]:
            body.remove(block)


def _drop_related_tail(body: _Element) -> None:
    """Cut a closing list of other articles under its own heading ("More Must-Reads From TIME").

    Scanning back from the end over entries (short list entries, link lines, labels, images), the cut starts at
    the earliest related-articles heading reached; the body must keep more text than it loses.
    """
    blocks = list(body)
    start = None
    for i in range(len(blocks) - 1, 0, -1):
        block = blocks[i]
        text = block_text(block)
        if _is_related_heading(block, text):
            start = i
        elif not _is_related_entry(block, text):
            break
    if start is not None:
        _cut_tail(body, blocks, start)


def _drop_comment_section(body: _Element) -> None:
    """Cut the readers' comments from their counted heading on ("12 Responses"), when trafilatura took them for
    the article because the page does not call them comments. They may be longer than the article."""
    blocks = list(body)
    words = 0
    for i, block in enumerate(blocks):
        text = block_text(block)
        if (
            words >= COMMENTS_MIN_ARTICLE_WORDS
            and block.tag in ("head", "p")
            and units(text) <= COMMENTS_HEADING_MAX_WORDS
            and _COMMENTS_HEADING_RE.match(text)
        ):
            for later in blocks[i:]:
                body.remove(later)
            return
        words += units(text)


def _drop_related_boxes(body: _Element) -> None:
    """Cut the boxes after the article that a related-content heading opens ("You Might Also Like", then
    "Featured Slide Shows" over a slideshow's list, "Related Videos"): from the first such heading on, nothing is
    a paragraph of prose. Unlike ``_drop_related_tail`` the entries may be long (a slideshow's captions), so the
    heading must be the whole block, give or take a site name ("More from Salon")."""
    blocks = list(body)
    for i in range(1, len(blocks)):
        if blocks[i].tag != "head":
            continue
        text = block_text(blocks[i])
        match = _RELATED_HEADING_RE.match(text)
        if not match or units(text[match.end():]) > RELATED_HEADING_EXTRA_WORDS:
            continue
        if not any(_is_prose_block(later) for later in blocks[i + 1:]):
            _cut_tail(body, blocks, i)
        return


def _is_prose_block(block: _Element) -> bool:
    text = block_text(block)
    return block.tag in ("p", "quote") and units(text) > LABEL_MAX_WORDS and not is_leftover_line(text)


def _drop_dated_tail(body: _Element) -> None:
    """Cut a closing list of other articles given as dated headlines, without a heading ("Movie Theaters In San
    Francisco Refuse To Open Over Concessions Ban - October 9, 2020")."""
    blocks = list(body)
    start, entries = len(blocks), 0
    for i in range(len(blocks) - 1, 0, -1):
        block = blocks[i]
        items = list(block) if block.tag == "list" else [block] if block.tag in ("p", "head") else []
        if not items or not all(_is_dated_entry(block_text(item)) for item in items):
            break
        start, entries = i, entries + len(items)
    if entries >= DATED_LIST_MIN_ENTRIES:
        _cut_tail(body, blocks, start)


def _is_dated_entry(text: str) -> bool:
    return units(text) <= RELATED_ENTRY_MAX_WORDS and bool(_DATED_ENTRY_RE.search(text))


def _drop_paywall_tail(body: _Element) -> None:
    """Cut the subscription pitch after an article cut off by a paywall.

    The last paragraph of prose ends in a truncation ellipsis, and everything after it is short lines (offers,
    prices, login links), one of which offers a subscription, an account or access.
    """
    blocks = list(body)
    offers = short_lines = 0
    for i in range(len(blocks) - 1, 0, -1):
        text = block_text(blocks[i])
        n = units(text)
        if blocks[i].tag == "graphic" or not text:
            continue
        if n > LABEL_MAX_WORDS and ends_cut_off(text):
            if short_lines >= 2 and offers:
                _cut_tail(body, blocks, i + 1)
            return
        if n > PAYWALL_LINE_MAX_WORDS:
            return
        short_lines += 1
        offers += bool(_PAYWALL_OFFER_RE.search(text))


def _is_gallery(block: _Element) -> bool:
    """An embedded slideshow set as a list: its entries open with counters "1/N", "2/N" … counting up from 1."""
    if block.tag != "list" or len(block) < GALLERY_MIN_SLIDES:
        return False
    counters = [_SLIDE_RE.match(block_text(item)) for item in block]
    if not all(counters):
        return False
    totals = {m.group(2) for m in counters if m}
    return len(totals) == 1 and [int(m.group(1)) for m in counters if m] == list(range(1, len(block) + 1))


def _is_related_links(block: _Element, text: str) -> bool:
    """A paragraph of links to other articles under its own heading, one a line ("Related:<br><a>…</a><br><a>…</a>",
    "Baca juga:<br>…"): too long for a prompt line, but nothing after the heading is the article's own text."""
    if block.tag != "p" or block.find("lb") is None:
        return False
    match = _RELATED_HEADING_RE.match(text) or _PROMPT_RE.match(text)
    if not match:
        return False
    rest = len(text[match.end():].strip(" :|-–—"))
    linked = sum(len(squash("".join(ref.itertext()))) for ref in block.iter("ref"))
    return rest > 0 and linked >= RELATED_LINKS_SHARE * rest


def _is_related_heading(block: _Element, text: str) -> bool:
    return (
        block.tag in ("head", "p") and units(text) <= RELATED_HEADING_MAX_WORDS
        and bool(_RELATED_HEADING_RE.match(text))
    )


def _is_related_entry(block: _Element, text: str) -> bool:
    """A block that can stand in a list of other articles: short entries, a link line, a label, an image."""
    if block.tag == "graphic" or not text:
        return True
    if block.tag == "list":
        return all(units(block_text(item)) <= RELATED_ENTRY_MAX_WORDS for item in block)
    if block.tag == "head" and _is_label(text) and units(text) <= 4:
        return True
    return units(text) <= RELATED_ENTRY_MAX_WORDS and (link_share(block, text) >= 0.5 or is_leftover_line(text))


def _is_teaser_filler(blocks: list[_Element], i: int, text: str, share: float) -> bool:
    """An empty or all-link block, a short label, or a short teaser right under a linked heading."""
    n = units(text)
    if not text or share >= 0.8 or (_is_label(text) and n <= 6):
        return True
    return blocks[i].tag == "p" and n <= TEASER_MAX_WORDS and i > 0 and _under_linked_heading(blocks, i)


def _under_linked_heading(blocks: list[_Element], i: int) -> bool:
    """The nearest text-bearing block before ``i`` (past empty link paragraphs) is a linked heading."""
    for j in range(i - 1, -1, -1):
        text = block_text(blocks[j])
        if not text:
            continue
        return blocks[j].tag == "head" and link_share(blocks[j], text) >= 0.5
    return False


def _drop_repeated_title(body: _Element, titles: set[str]) -> None:
    """The title again anywhere in the first few blocks (a dek repeating the headline) goes too."""
    for block in list(body)[:4]:
        if word_key(block_text(block)) in titles:
            body.remove(block)


def trim_to_reference(body: _Element, reference: str) -> None:
    """Drop the blocks closing ``body`` that the publisher's own copy of the text does not contain.

    ``reference`` is a body the publisher states separately (JSON-LD articleBody, the feed's full content):
    what the page extraction has after its end is clutter (related links, prompts, credits). The opening is
    left alone: publishers keep the standfirst out of articleBody, yet it is the article's first paragraph.
    """
    from newsflow.extract.textutil import containment

    while len(body) > 1:
        text = block_text(body[-1])
        if body[-1].tag != "graphic" and text and containment(text, reference, n=min(4, max(1, units(text)))) >= 0.5:
            break
        body.remove(body[-1])


def clean_paragraphs(paragraphs: list[str], *, titles: Iterable[str], authors: Iterable[str]) -> list[str]:
    """The same clean-up for plain-text paragraphs (JSON-LD and feed bodies)."""
    title_norms = {word_key(t) for t in titles if t and word_key(t)}
    author_list = [a for a in authors if a]
    kept = [
        p for p in paragraphs
        if not is_leftover_line(p)
    ]
    while kept and (word_key(kept[0]) in title_norms or is_byline_or_dateline(kept[0], author_list)):
        kept.pop(0)
    while kept and (word_key(kept[-1]) in title_norms or is_byline_or_dateline(kept[-1], author_list)):
        kept.pop()
    return kept
