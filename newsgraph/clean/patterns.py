"""What a boilerplate line looks like: share bars, newsletter prompts, photo credits,
comment forms, related-link lists. Each test takes one stripped line."""

from __future__ import annotations

import re

# Lines longer than this many words are story text whatever they contain: the
# boilerplate lines in corpus/allsides_ir and the seeds are at most ~35 words.
MAX_BOILERPLATE_WORDS = 40
# A line without final punctuation and at most this many words is a label, a
# subhead or a headline, not a sentence ("Visit and talks", "Russia", "USA TODAY").
MAX_LABEL_WORDS = 12
# ... and at most this many characters (scripts written without spaces).
MAX_LABEL_CHARS = 100
# Related-link items ("- Moscow court sentences U.S. citizen to ...") are headlines:
# up to this many words and no final period.
MAX_HEADLINE_WORDS = 25

BULLET = re.compile(r"^(?:[-–—•·⦁*▪►»]|\d{1,2}[.)])\s+")
TERMINAL = re.compile(r"[.!?…:;。！？][\"'”’»)\]]*$|[\"”’»]$")
SENTENCE_END = re.compile(r"[.!?…。！？][\"'”’»)\]]*$")

# Full-line patterns (case-insensitive), tried on the line without its bullet.
_SHORT = [
    r"advert(?:isement)?s?\b.{0,60}", r"ad", r"story continues? below", r"story continued below",
    r"(?:sign up|subscribe|register)\b.*", r".*\b(?:newsletters?|inbox)\b.*",
    r"follow (?:us|@|\w+(?: \w+){0,3} on (?:twitter|facebook|instagram|x|telegram)).*",
    r"follow @\w+.*", r"join us on .*",
    r"share (?:this|on|via|tweet|the story|article)\b.*", r"(?:listen to (?:this )"
                                                          r"?article|share this article)"
                                                          r".*",
    r"(?:click|tap) (?:here|to|for)\b.*", r"read (?:more|also|next|this|the full)\b.*",
    r"(?:related|see also|also read|also see|recommended|more on this|related coverage|"
    r"related (?:articles?|stories|content|news|topics)|trending|most (?:read|popular)|"
    r"popular|more from [\w .]+|more stories|you may also like|what to read next|"
    r"in other news|top stories|latest news|more news)\b\s*(?:[:.…-].*|\W*)",
    r"more\s*:.*", r"source link", r"visited \d+ times.*", r"[\d,.]+k? (?:views|reads|"
                                                           r"shares|comments)\b.*",
    r"(?:views|reads|shares|comments)\s*:?\s*[\d,.]+k?",
    r"leave a (?:reply|comment).*", r"your email address will not be published.*",
    r"required fields are marked.*", r"(?:post|add|write|view|show) (?:a |your |all )"
                                     r"?comments?\b.*",
    r"comments?(?: \(\d+\))?", r"\d+ comments?",
    r"(?:image|photo|picture|video|media) (?:copyright|caption|credit|source)\b.*",
    r"copyright\b.*", r"©.*", r"\(c\) \d{4}.*", r".*\ball rights reserved\b.*",
    r"media playback is unsupported.*", r"just watched\b.*", r"enlarge this image.*",
    r"hide caption.*", r"(?:prev|next|previous) image \d+ of \d+", r"slideshow \(\d+ images?\)",
    r"click to expand image.*", r".*\btoggle caption\b.*", r"image \d+ of \d+",
    r"photos?", r"videos?", r"watch(?: video)?\s*:.*", r"play video\b.*", r"watch now.*",
    r".{0,120}\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b.*",
    r"contributing:.*", r"(?:with )?(?:additional )?reporting by .*",
    r"[-—–]*\s*with assistance by .*",
    r"\W*this (?:article|story) (?:is|was) based in part on wire (?:service )?reports.*",
    r"this article is more than \d+ \w+ old", r"write to .*@.*", r"contact(?: us)?\b.*@.*",
    r"(?:email|e-mail|send) .*@\S+.*",
    r"do you have a (?:story|tip|question).*", r"(?:got|have) a (?:news )?tip.*",
    r".*\breached out to\b.*for (?:comment|a response|further comment|a statement).*",
    r".*\b(?:has|have) (?:contacted|asked) .*for (?:comment|a response).*\.?",
    r"(?:editor'?s note|correction|corrections? (?:&|and) amplifications?|clarification)s?\s*:?.*",
    r"\[(?:pullquote|image|video|embed|caption|photo|gallery)[^\]]*\]", r"\{\w+\}",
    r"[_*•·⦁=~#.\s-]+", r"close", r"urgent:", r"vote now:?", r"buzz cut:", r"authors?:",
    r"analysis/opinion:", r"opinion", r"interested in .*\? add .*",
    r"watch the latest video.*", r"(?:visit|download|get) .*\b(?:homepage|app)\b.*",
    r"if you (?:appreciate|enjoyed|value|like) .*(?:donat|subscri|support).*",
    r"support .*\bjournalism\b.*", r"this is a rush transcript.*", r"\(?\s*photos?:.*\)?",
    r"\d+ (?:years?|months?|days?|hours?|minutes?) ago", r"read or share this story:.*",
    r"(?:(?:print|email|e-mail|tweet|share|save|comment|facebook|twitter|whatsapp|linkedin|"
    r"reddit|pinterest|telegram|post|copy link|flipboard|messenger)\b[\s|/·•,]*){2,}",
    r"(?:tags?|filed under|topics?|categories)\s*:.*", r"scroll (?:down|to continue).*",
    r"continue reading.*", r"skip (?:to|advert).*", r"(?:photo|image|picture)s?\s*"
                                                    r"(?:credit)?\s*:.*",
    r"we use cookies.*", r".*\bcookies?\b.*\b(?:consent|policy|accept|settings)\b.*",
    r"(?:accept|reject) (?:all )?cookies.*", r"privacy policy.*", r"terms of (?:use|service).*",
    r"loading\W*", r"\d+ min(?:ute)?s? read", r"reading time.*", r"print this (?:page|article)",
    r"(?:back )?to top", r"next article.*", r"previous article.*",
    r"view (?:gallery|photos|comments).*",
    r"\(?(?:this (?:post|story|article) (?:was|has been) (?:last )?updated).*",
    r"all (?:the )?(?:latest|top) .* news.*", r"breaking news:?", r"live updates?:?",
    r"(?:audio|video) (?:player|playback).*", r"your browser does not support.*",
    r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?",
]
BOILERPLATE = re.compile(r"^(?:" + "|".join(_SHORT) + r")$", re.I)

# "Alexander Shcherbak/Associated Press", "AP Photo/Evan Vucci", "Getty Images",
# "(Photo: Sputnik/Mikhail Klimentyev/Kremlin/via Reuters)".
_AGENCIES = (r"(?:AP|AFP|Reuters|Associated Press|Getty Images|Getty|EPA|EPA-EFE|Xinhua|TASS|"
             r"Sputnik|Bloomberg|Shutterstock|Alamy|Anadolu(?: Agency)?|IRNA|WANA|Pool|"
             r"SIPA|Zuma(?: Press)?|NurPhoto|ANI|PTI|The New York Times|Kremlin|Handout)")
PHOTO_CREDIT = re.compile(
    rf"^\(?(?:(?:photo|image|picture|credit)s?\s*:\s*)?"
    rf"(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,3}}\s*/\s*(?:via\s+)?[A-Z][\w .&'’/-]*"
    rf"|(?:[A-Z][\w.'’-]*\s+){{0,3}}(?:for|via|/)?\s*{_AGENCIES}(?:\s+(?:Photo|Images|via"
    rf" Getty Images))?"
    rf"|{_AGENCIES}\s+(?:Photo|Images)\s*/\s*[A-Z][\w .'’-]*)\)?$")


def words(line: str) -> int:
    return len(line.split())


def strip_bullet(line: str) -> str:
    return BULLET.sub("", line, count=1).strip()


def is_bullet(line: str) -> bool:
    return bool(BULLET.match(line))


def is_boilerplate(line: str) -> bool:
    """A share/newsletter/comment/credit line (one stripped line, bullet allowed)."""
    bare = strip_bullet(line)
    if not bare:
        return False
    if words(bare) > MAX_BOILERPLATE_WORDS:
        return False
    return bool(BOILERPLATE.match(bare)) or is_photo_credit(bare)


def is_photo_credit(line: str) -> bool:
    if words(line) > 12 or SENTENCE_END.search(line.rstrip(")")):
        return False
    return bool(PHOTO_CREDIT.match(line))


def is_sentence(line: str) -> bool:
    """Ends like a sentence (or a quote, or a colon introducing one)."""
    return bool(TERMINAL.search(line.rstrip()))


def is_label(line: str) -> bool:
    """A short line that is not a sentence: a section label, subhead or name."""
    bare = strip_bullet(line)
    return (bool(bare) and words(bare) <= MAX_LABEL_WORDS and len(bare) <= MAX_LABEL_CHARS
            and not is_sentence(bare))


def is_headline(line: str) -> bool:
    """A headline-like line as related-link lists hold: no final period, not long."""
    bare = strip_bullet(line)
    if not bare or words(bare) > MAX_HEADLINE_WORDS:
        return False
    if SENTENCE_END.search(bare) and not bare.endswith(("?", "!")):
        return False
    return not bare.endswith((":", ";", ","))
