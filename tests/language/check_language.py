"""Checks the language of Spiegel's vragenlijsten with real tools.

    python check_language.py EXCEPTIONS.toml INSTRUMENT [INSTRUMENT ...]

An INSTRUMENT is a file, or a folder of versions (`<version>.json`, as the built-in
vragenlijsten are kept), of which the newest is checked: earlier versions have shipped
and never change.

For every instrument, every text a respondent reads (title, intro, section titles,
questions, help, options, scale points, matrix rows) is checked:

- spelling, Dutch and English, with hunspell (Debian's hunspell-nl, hunspell-en-gb and
  hunspell-en-us dictionaries);

and for a student instrument (students read at B1 level or below), the Dutch texts also:

- word frequency with wordfreq: every word must reach Zipf 3.0 (at least once in a
  million words of Dutch) or be in the reviewed list of exceptions;
- sentence length: at most 15 words per sentence;
- readability: Flesch-Douma (Douma 1960: 206.84 - 0.93 x words per sentence - 77 x
  syllables per word, computed by textstat with Dutch hyphenation) of each question with
  its help, options and rows: at least 60 ("fairly easy"), or a reviewed exception.

A report per item is printed. The run fails on any finding that is not in the exceptions
file, and on an exception that no longer matches anything (so the list stays short and
true).
"""

import json
import os
import re
import subprocess
import sys
import tomllib

import textstat
from wordfreq import tokenize, zipf_frequency

ZIPF_MIN = 3.0
MAX_SENTENCE_WORDS = 15
FLESCH_DOUMA_MIN = 60.0
DICTIONARIES = {"nl": "nl_NL", "en": "en_GB,en_US"}


def texts_of(instrument):
    """(place, language, text) for everything a respondent reads, grouped by item."""
    scales = {s["id"]: s["points"] for s in instrument.get("scales", [])}
    out = {}

    def add(place, label):
        for lang in ("nl", "en"):
            text = (label or {}).get(lang)
            if text:
                out.setdefault(place, []).append((lang, text))

    add("title", instrument.get("title"))
    add("intro", instrument.get("intro"))
    for section in instrument["sections"]:
        add(f"section {section['id']}", section.get("title"))
        for item in section.get("items", []):
            place = item["id"]
            add(place, item.get("text"))
            add(place, item.get("help"))
            for option in item.get("options", []):
                add(place, option.get("label"))
            points = item.get("points") or scales.get(item.get("scale"), [])
            for point in points:
                add(place, point.get("label"))
            for row in item.get("rows", []):
                add(place, row.get("text"))
    return out


def words(text):
    return re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text)


def misspelled(texts, lang):
    """Words hunspell does not know, per place."""
    places = list(texts)
    # Quotes around a word are not part of it; an apostrophe inside one is (slb'er).
    unquote = lambda t: re.sub(r"(?<!\w)['‘’]|['‘’](?!\w)", " ", t)
    joined = "\n".join(
        " ".join(unquote(t) for l, t in texts[p] if l == lang) for p in places
    )
    result = subprocess.run(
        ["hunspell", "-d", DICTIONARIES[lang], "-a"],
        input=joined,
        capture_output=True,
        text=True,
        check=True,
    )
    # hunspell -a answers one block per input line, separated by blank lines.
    blocks = result.stdout.split("\n")[1:]
    found = {}
    line = 0
    for answer in blocks:
        if answer == "":
            line += 1
            continue
        if answer[0] in "&#":
            word = answer.split()[1].strip(".,;:!?")
            if line < len(places) and word and not word.endswith("-"):
                found.setdefault(places[line], set()).add(word)
    return found


def sentences(text):
    return [s for s in re.split(r"(?<=[.?!:])\s+", text.strip()) if words(s)]


def flesch_douma(text):
    textstat.set_lang("nl")
    return textstat.flesch_reading_ease(text)


def newest(path):
    """The file itself, or the newest `<version>.json` in a folder of versions."""
    if not os.path.isdir(path):
        return path
    versions = [f[:-5] for f in os.listdir(path) if f.endswith(".json")]
    key = lambda v: [int(p) if p.isdigit() else 0 for p in v.split(".")]
    return os.path.join(path, max(versions, key=key) + ".json")


def main(argv):
    exceptions = tomllib.load(open(argv[1], "rb"))
    rare_ok = exceptions.get("rare_words", {})
    spelling_ok = {lang: exceptions.get("spelling", {}).get(lang, {}) for lang in DICTIONARIES}
    readability_ok = exceptions.get("readability", {})
    used = set()
    failures = []
    for path in map(newest, argv[2:]):
        instrument = json.load(open(path, encoding="utf-8"))
        student = instrument["audience"] == "student"
        texts = texts_of(instrument)
        spelling = {lang: misspelled(texts, lang) for lang in DICTIONARIES}
        print(f"\n== {instrument['id']} {instrument['version']} ({instrument['audience']}), {path}")
        header = "item                          words  longest  douma  findings"
        print(header)
        total_words = 0
        scores = []
        for place, parts in texts.items():
            nl = [t for l, t in parts if l == "nl"]
            found = []
            for lang in DICTIONARIES:
                for w in sorted(spelling[lang].get(place, ())):
                    if w in spelling_ok[lang]:
                        used.add(("spelling", lang, w))
                    else:
                        found.append(f"spelling {lang}: {w}")
            longest = max((len(words(s)) for t in nl for s in sentences(t)), default=0)
            score = None
            n_words = sum(len(words(t)) for t in nl)
            total_words += n_words
            if student:
                for t in nl:
                    for token in tokenize(t, "nl"):
                        if not re.search(r"[^\W\d_]", token):
                            continue
                        if zipf_frequency(token, "nl") >= ZIPF_MIN:
                            continue
                        if token in rare_ok:
                            used.add(("rare", token))
                            continue
                        found.append(f"rare word: {token} (Zipf {zipf_frequency(token, 'nl'):.1f})")
                if longest > MAX_SENTENCE_WORDS:
                    found.append(f"sentence of {longest} words")
                if not place.startswith(("section ", "title")):
                    text = " ".join(s if s.rstrip()[-1:] in ".?!:" else s + "." for s in nl)
                    score = flesch_douma(text)
                    scores.append(score)
                    if score < FLESCH_DOUMA_MIN:
                        key = f"{instrument['id']}:{place}"
                        if key in readability_ok:
                            used.add(("readability", key))
                        else:
                            found.append(f"Flesch-Douma {score:.0f} < {FLESCH_DOUMA_MIN:.0f}")
            shown = f"{score:5.0f}" if score is not None else "     "
            print(f"{place[:28]:28}  {n_words:5}  {longest:7}  {shown}  {'; '.join(found) or 'ok'}")
            failures += [f"{instrument['id']}: {place}: {f}" for f in found]
        if scores:
            print(f"{instrument['id']}: {total_words} Dutch words; Flesch-Douma per item: "
                  f"median {sorted(scores)[len(scores) // 2]:.0f}, lowest {min(scores):.0f}")
    stale = [f"rare word {w}" for w in rare_ok if ("rare", w) not in used]
    stale += [f"readability {k}" for k in readability_ok if ("readability", k) not in used]
    stale += [f"spelling {l} {w}" for l, ok in spelling_ok.items() for w in ok
              if ("spelling", l, w) not in used]
    for s in stale:
        failures.append(f"exception no longer needed: {s} (remove it from {argv[1]})")
    print()
    if failures:
        print(f"{len(failures)} language findings without a reviewed exception:")
        for f in failures:
            print(f"  {f}")
        return 1
    print("language checks: 0 findings without a reviewed exception")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
