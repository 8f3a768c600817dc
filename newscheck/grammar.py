"""The marker finder's grammar rules, on tokens tagged by HanTa (newscheck.nlp); word lists come from data/.

Each rule returns (start, end) character spans in the sentence. The rules know German sentence structure (where a
finite verb, a participle or a preposition stands); every word they look for is a row of
data/marker_lemmas_de.csv, listed for the marker that uses the rule, under a role:

- `konjunktiv_i`: no list;
- `konjunktiv_ii_reported`: the verbs of saying (the `marker` words of the verbs-of-saying marker) and
  `not_reported` (verbs of showing, whose clause is a finding, not reported speech);
- `sollen_hearsay`: `hearsay_infinitive`;
- `passive`: `sein_passive`, `no_agent`, `agent_preposition`, `not_agent_after`;
- `source_phrase`: `source_noun`, `preposition`, `postposition`, `not_after`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from newscheck.nlp import Token

Span = tuple[int, int]
# lemma -> list of with_word patterns ('' = no condition)
Lemmas = dict[str, list[str]]
# role -> lemmas, for one marker
Roles = dict[str, Lemmas]

_PAST_INDICATIVE = {"war", "waren", "warst", "wurde", "wurden", "wurdest", "hatte", "hatten", "hattest"}
_KONJUNKTIV_II = {"hätte", "hätten", "wäre", "wären", "würde", "würden"}
# Konjunktiv II forms that stand for a hypothetical rather than for reported speech in a sentence of their own
_HYPOTHETICAL_SINGULAR = {"hätte", "wäre", "würde"}
_PARTICLE_AS_ADVERB = {"weiter"}  # 'unterstrich weiter': the particle is an adverb, the verb stays 'unterstreichen'
# parts of speech that may stand between a preposition and the noun it governs (einer ersten, aktuellem, den)
_NOUN_PHRASE = {"ART", "ADJ(A)", "ADJ(D)", "ADV", "PIAT", "PIDAT", "PPOSAT", "PDAT", "CARD", "PWAT"}
# where a clause inside a clause begins: subordinating conjunction, relative pronoun, 'als'/'wie' in a comparison
_CLAUSE_START = ("KOUS", "PRELS", "PRELAT", "KOKOM", "PWAV")
_DETERMINERS = ("ART", "PPOSAT", "PDAT", "PIAT", "PIDAT")


def finite(token: Token) -> bool:
    """A finite verb: HanTa tags Konjunktiv forms as FIN or, sometimes, IMP."""
    return token.tag.startswith("V") and token.tag.endswith(("(FIN)", "(IMP)"))


def participle(token: Token) -> bool:
    return token.tag == "VV(PP)"


def clauses(tokens: Iterable[Token]) -> list[list[Token]]:
    """The tokens between commas and sentence punctuation (semicolon and colon included)."""
    result: list[list[Token]] = [[]]
    for token in tokens:
        if token.tag in ("$,", "$."):
            result.append([])
        else:
            result[-1].append(token)
    return [clause for clause in result if clause]


def _with(words: str, clause: list[Token]) -> bool:
    """True if the clause has a word matching `words` (a regular expression), or `words` is empty."""
    return not words or any(re.fullmatch(words, t.text, re.IGNORECASE) for t in clause)


def _in_list(lemma: str, words: Iterable[str]) -> bool:
    """True if the word or the word it ends in is listed (ankommen -> kommen, Behördenangabe -> Angabe)."""
    lemma = lemma.lower()
    return any(lemma == word.lower() or lemma.endswith(word.lower()) for word in words)


def _lemma_forms(clause: list[Token], i: int, rest: list[Token] = ()) -> list[tuple[str, Token]]:
    """Candidate lemmas of clause[i], each with the last token it spans (a separated particle).

    The particle is looked for in the clause; for a verb that opens its clause (..., teilte das Landesamt für
    Landwirtschaft, Umwelt und ländliche Räume mit) also at the end of the sentence (`rest`: the tokens after the
    clause), when no other finite verb stands between."""
    token = clause[i]
    if finite(token):
        after = list(clause[i + 1 :]) + (list(rest) if i == 0 else [])
        for j, other in enumerate(after):
            if finite(other):
                break
            if other.tag == "PTKVZ" and (j < len(clause) - i - 1 or all(t.tag.startswith("$") for t in after[j + 1 :])):
                particle = other.text.lower()
                forms = [(particle + token.lemma, other)]
                return forms + [(token.lemma, token)] if particle in _PARTICLE_AS_ADVERB else forms
    return [(token.lemma, token)]


def _zu_infinitive(clause: list[Token], i: int) -> bool:
    """clause[i] is a zu-infinitive (zu rechnen, auszugehen): it names an act, it reports nobody's words."""
    return clause[i].tag == "VV(IZU)" or (clause[i].tag.endswith("(INF)") and i > 0 and clause[i - 1].tag == "PTKZU")


def _hearsay_perfect(clause: list[Token], i: int) -> bool:
    """clause[i] is the participle of a perfect infinitive under sollen or wollen (sollen ... gefordert haben): the
    hearsay or the self-claim is the marker; the verb inside it reports nobody's words."""
    return (participle(clause[i]) and i + 1 < len(clause) and clause[i + 1].lemma in ("haben", "sein")
            and clause[i + 1].tag.endswith("(INF)") and any(t.lemma in ("sollen", "wollen") and finite(t) for t in clause))


def lemma_spans(tokens: tuple[Token, ...], lemmas: Lemmas, not_with: Lemmas | None = None) -> list[Span]:
    """Spans of every verb whose lemma (with a separated particle joined to it) is listed, with its condition met.

    A listed word counts only as a verb (not as an adjective: die angegebene Zahl), not as a zu-infinitive (es
    sei mit Kosten zu rechnen) and not inside a perfect infinitive under sollen or wollen (Die Täter sollen ein
    Lösegeld gefordert haben); `not_with` maps a lemma to patterns of words that must not be in its clause (sich:
    Die Vorwürfe haben sich bestätigt)."""
    found = []
    for clause in clauses(tokens):
        rest = [t for t in tokens if t.start > clause[-1].start]
        for i, token in enumerate(clause):
            if token.tag == "PTKVZ" or not token.tag.startswith("V") or _zu_infinitive(clause, i) or _hearsay_perfect(clause, i):
                continue
            for lemma, last in _lemma_forms(clause, i, rest):
                if lemma in lemmas and any(_with(words, clause) for words in lemmas[lemma]):
                    if not (not_with and any(words and _with(words, clause) for words in not_with.get(lemma, []))):
                        found.append((token.start, last.end))
                    break
    return found


def _stems(lemma: str) -> list[str]:
    """Present stems of a verb: handeln -> handel, handl; sagen -> sag."""
    if lemma.endswith("en"):
        return [lemma[:-2]]
    if lemma.endswith(("eln", "ern")):
        return [lemma[:-1], lemma[:-3] + lemma[-2]]
    return [lemma[:-1]] if lemma.endswith("n") else []


def is_konjunktiv_i(token: Token) -> bool:
    """sei/seien, or stem + e (handele, bestehe, könne): Konjunktiv I, third person singular."""
    word = token.text.lower()
    if token.lemma == "sein":
        return word in ("sei", "seien", "seiest", "seiet")
    return finite(token) and any(word == stem + "e" for stem in _stems(token.lemma.lower()))


def konjunktiv_i(tokens: tuple[Token, ...], roles: Roles | None = None) -> list[Span]:
    """Konjunktiv I forms, not next to 'ich' (ich habe) and not in 'es sei denn' (unless)."""
    found = []
    for i, token in enumerate(tokens):
        neighbours = {t.text.lower() for t in tokens[max(0, i - 1) : i + 2]}
        if finite(token) and is_konjunktiv_i(token) and "ich" not in neighbours:
            if not (token.text.lower() == "sei" and i + 1 < len(tokens) and tokens[i + 1].text.lower() == "denn"):
                found.append((token.start, token.end))
    return found


def _past_or_konjunktiv_ii(token: Token) -> bool:
    """A finite form that is neither present indicative nor Konjunktiv I: lägen, hätten, bremsten, gäbe."""
    word = token.text.lower()
    if word in _KONJUNKTIV_II:
        return True
    if word in _PAST_INDICATIVE or token.lemma in ("können", "dürfen") or is_konjunktiv_i(token):
        return False
    return word.endswith(("e", "en")) and word != token.lemma.lower()


def _umlaut_added(token: Token) -> bool:
    """The form has an umlaut its dictionary form lacks: kämen, läge, stünde (Konjunktiv II, never the past)."""
    return any(u in token.text.lower() and u not in token.lemma.lower() for u in "äöü")


def _continues_reported_speech(token: Token) -> bool:
    """A Konjunktiv II that carries on the reported speech of the sentence before (Hinzu kämen Einbußen; Dafür
    hätten sie bis 19 Uhr Zeit): forms that cannot be the past indicative (hätten, wären, würden, umlauted forms);
    not the singular hätte/wäre/würde, which in a sentence of their own state a hypothetical (Es wäre das schlimmste
    Unglück), and not forms that look like the past (Den Fund machten die Experten demnach vor Wochen)."""
    word = token.text.lower()
    if word in _HYPOTHETICAL_SINGULAR or not _past_or_konjunktiv_ii(token):
        return False
    return word in _KONJUNKTIV_II or _umlaut_added(token)


def _reporting(clause: list[Token], said: set[int], showing: Lemmas | None = None) -> bool:
    """The clause's verb of saying reports content: not in a wie-clause (wie X mitteilte: the rest is the writer's
    indicative), not a participle in a passive (wie bestätigt wurde), not a verb of showing (`showing`: what it
    introduces is a finding: Aus den Spuren sei hervorgegangen, dass das Flugzeug stürzte)."""
    if not said or clause[0].text.lower() == "wie":
        return False
    passive = any(t.lemma == "werden" for t in clause)
    return any(not (participle(t) and passive) and not _in_list(t.lemma, showing or {})
               for t in clause if t.start in said)


def reports(tokens: tuple[Token, ...], saying: Lemmas, showing: Lemmas | None = None) -> bool:
    """True if a verb of saying in the sentence reports what somebody said (see _reporting)."""
    parts = clauses(tokens)
    return any(_reporting(clause, {span[0] for span in lemma_spans(tuple(clause), saying)}, showing) for clause in parts)


def konjunktiv_ii_reported(tokens: tuple[Token, ...], saying: Lemmas, continues: bool = False,
                           showing: Lemmas | None = None) -> list[Span]:
    """Konjunktiv II standing in for Konjunktiv I in reported speech.

    In a sentence with a verb of saying: the Konjunktiv II (or past) forms of its other clauses, and hätte/wäre/würde
    in its own clause. In a sentence that carries on the reported speech of the sentence before (`continues`) and
    whose every finite verb is Konjunktiv I or II: its plural and umlauted Konjunktiv II forms (see
    _continues_reported_speech). Forms that look like the past indicative (bremsten) count only beside a verb of
    saying that reports (not: Das Boot kenterte, wie die Küstenwache mitteilte; `showing`: verbs of showing, whose
    clause is a finding)."""
    parts = clauses(tokens)
    said = [{span[0] for span in lemma_spans(tuple(clause), saying)} for clause in parts]
    found = []
    if any(said):
        reporting = any(_reporting(clause, s, showing) for clause, s in zip(parts, said))
        for clause, s in zip(parts, said):
            for token in clause:
                if not finite(token) or token.start in s or not _past_or_konjunktiv_ii(token):
                    continue
                if s and token.text.lower() not in _KONJUNKTIV_II:
                    continue  # in the clause of the verb of saying itself, only hätte, wäre, würde
                if token.text.lower() in _KONJUNKTIV_II or _umlaut_added(token) or reporting:
                    found.append((token.start, token.end))
        return found
    verbs = [t for t in tokens if finite(t)]
    if continues and verbs and all(is_konjunktiv_i(t) or _past_or_konjunktiv_ii(t) for t in verbs):
        found = [(t.start, t.end) for t in verbs if _continues_reported_speech(t)]
    return found


def sollen_hearsay(tokens: tuple[Token, ...], roles: Roles) -> list[Span]:
    """soll/sollen with a perfect infinitive, or with a listed infinitive (a state): hearsay, not a plan."""
    infinitives = roles.get("hearsay_infinitive", {})
    found = []
    for clause in clauses(tokens):
        for token in clause:
            if token.lemma != "sollen" or token.text.lower() not in ("soll", "sollen", "sollst", "sollt"):
                continue
            participles = [t for t in clause if t.tag.endswith("(PP)")]
            perfect = any(t.lemma in ("haben", "sein") and t.start > p.start for p in participles for t in clause)
            others = [t for t in clause if t is not token and (t.tag.endswith("(INF)") or (finite(t) and t.text.lower() == t.lemma.lower()))]
            state = any(t.lemma in infinitives and any(_with(words, clause) for words in infinitives[t.lemma]) for t in others)
            if perfect or state:
                found.append((token.start, token.end))
    return found


# --- passives ----------------------------------------------------------------------------------------------------

def _right_bracket(clause: list[Token], i: int) -> tuple[int | None, bool]:
    """After the finite auxiliary clause[i] (V2): the index of the participle that closes its clause, and whether an
    infinitive closes it instead or after it (wird ... geben, wird ... gesperrt bleiben: the future tense).

    The search stops at a clause inside the clause (dass, der, als), at another finite verb, and at 'und' once a
    participle was seen (Es wurden zwei Menschen verletzt und die Polizei hat ... gesperrt)."""
    last, infinitive = None, False
    for j in range(i + 1, len(clause)):
        token = clause[j]
        if _participle_at_end(clause, j):
            return j, False
        if token.tag in _CLAUSE_START or finite(token) or (token.tag == "KON" and last is not None):
            break
        if participle(token):
            last, infinitive = j, False
        elif token.tag.endswith("(INF)"):
            infinitive = True
    return last, infinitive


def _participle_at_end(clause: list[Token], j: int) -> bool:
    """A full verb that ends the clause after its finite auxiliary, ending in -t, is a participle even where the
    tagger reads it as finite (werden ... auf 2,2 Mrd. Euro beziffert): a clause has one finite verb."""
    token = clause[j]
    return j == len(clause) - 1 and token.tag in ("VV(FIN)", "VV(INF)") and token.text.lower().endswith("t")


def _auxiliary_pairs(clause: list[Token], lemma: str) -> list[tuple[int, int]]:
    """(auxiliary, participle) index pairs for the auxiliary `lemma` (werden or sein): the participle right before it
    (verletzt wurde, geprüft werden, getötet worden, zusammengefasst sind) or, for a finite auxiliary in second
    place, the participle that closes its clause (wurden ... getötet, ist ... ausgeschrieben)."""
    pairs = []
    for i, token in enumerate(clause):
        if token.lemma != lemma or not token.tag.startswith("VA") or token.text.lower() == "geworden":
            continue
        if i > 0 and participle(clause[i - 1]):
            pairs.append((i, i - 1))
        elif finite(token):
            j, infinitive = _right_bracket(clause, i)
            if j is not None and not infinitive:
                pairs.append((i, j))
    return pairs


def _agent(clause: list[Token], first: int, last: int, roles: Roles) -> bool:
    """True if von/vom/durch names who (or what) acts, between clause[first] and clause[last].

    Not an agent: von before a number or a date (vom 5. Juli, von 20 Prozent), after a listed word (nördlich von
    Aachen, nach Angaben von Helfern, Fälle von Vogelgrippe; after a listed noun only before a bare noun) or a number
    (vier von ihnen), or inside an attribute (laut der von der Hamas kontrollierten Behörde)."""
    prepositions = roles.get("agent_preposition", {})
    not_after = roles.get("not_agent_after", {})
    for k in range(first, last + 1):
        token = clause[k]
        if token.text.lower() not in prepositions:
            continue
        after = clause[k + 1 : last + 1]
        if not after or after[0].text[:1].isdigit() or after[0].tag == "CARD":
            continue
        if k > 0 and (_in_list(clause[k - 1].text, not_after) or _in_list(clause[k - 1].lemma, not_after)):
            # after a noun (Fälle von Vogelgrippe) only a bare noun is no agent: in beiden Fällen von einem Wolf is
            if not (clause[k - 1].tag == "NN" and after[0].tag in _DETERMINERS):
                continue
        if k > 0 and clause[k - 1].tag in ("CARD", "PIS", "PIAT", "PIDAT"):
            continue  # vier von ihnen, viele von ihnen: a part of a group, not who acts
        nouns = [n for n, t in enumerate(after) if t.tag in ("NN", "NE")]
        if nouns and nouns[0] + 1 < len(after) and after[nouns[0] + 1].tag == "ADJ(A)":
            continue  # von der Hamas kontrollierten ...: part of an attribute, not the agent
        return True
    return False


def passive(tokens: tuple[Token, ...], roles: Roles) -> list[Span]:
    """werden + participle (not the future: wird ... geben / gesperrt bleiben), or sein + the participle of a listed
    verb (state passive: ist gesperrt, war geplant: `sein_passive`), without an agent (von, vom, durch + who acts).

    Each auxiliary is paired with its own participle, so the parts may stand far apart (wurden laut ... bis zum
    Abend 25 Menschen getötet) and a span never runs into another verb (gestorben als geboren wurden). sein + a
    participle counts only for the listed verbs: most such pairs are a perfect tense (ist gestiegen, seien verendet)
    or an adjective (befugt sind, untergebracht war), and no list of those is ever complete. Not a passive either:
    verbs whose passive hides nobody (geboren, vermisst: `no_agent`)."""
    state = roles.get("sein_passive", {})
    no_agent = roles.get("no_agent", {})
    found = []
    for clause in clauses(tokens):
        pairs = [(a, p, "werden") for a, p in _auxiliary_pairs(clause, "werden")]
        if not pairs and not any(t.lemma == "haben" and t.tag.startswith("VA") for t in clause):
            pairs = [(a, p, "sein") for a, p in _auxiliary_pairs(clause, "sein")]
        for aux, part, kind in pairs:
            lemma = clause[part].lemma
            if _in_list(lemma, no_agent) or (kind == "sein" and not _in_list(lemma, state)):
                continue
            first, last = min(aux, part), max(aux, part)
            if not _agent(clause, 0, last, roles):  # the agent may stand anywhere before the participle
                found.append((clause[first].start, clause[last].end))
    return found


# --- phrases that name a source -----------------------------------------------------------------------------------

def _source_follows(clause: list[Token], j: int) -> bool:
    """clause[j] is followed by whose it is: a genitive (des Bundesamtes, der Polizei), von + a source, or a name."""
    after = clause[j + 1 : j + 3]
    return bool(after) and (after[0].text.lower() in ("des", "der", "von", "vom") or after[0].tag == "NE")


def source_phrase(tokens: tuple[Token, ...], roles: Roles) -> list[Span]:
    """A preposition and the noun it governs, when the noun says where information comes from: nach Angaben, nach
    einer ersten Schätzung des Bundesamtes, nach aktuellem Ermittlungsstand, gemäß Polizeiangaben; or the noun and a
    postposition: den Angaben nach (`source_noun`, `preposition`, `postposition`). Not after a listed word that
    governs the preposition itself (fragen nach, die Suche nach: `not_after`), and with the definite article only
    when whose information it is follows (nach dem Bericht der Zeitung, but not: Der Kurs fiel nach dem Bericht)."""
    nouns = roles.get("source_noun", {})
    prepositions = roles.get("preposition", {})
    postpositions = roles.get("postposition", {})
    not_after = roles.get("not_after", {})
    found = []
    for clause in clauses(tokens):
        governed = any(_in_list(t.lemma, not_after) for t in clause if t.tag.startswith("V"))
        for i, token in enumerate(clause):
            word = token.text.lower()
            # 'nach' is also a particle and an adverb (kommt nach, nach und nach); gemäß is always a preposition
            preposition = token.tag.startswith("APPR") or (word != "nach" and token.tag not in ("ADV", "PTKVZ"))
            if word in prepositions and preposition and not governed:
                if i > 0 and _in_list(clause[i - 1].lemma, not_after):
                    continue
                j = i + 1
                while j < len(clause) and j <= i + 5 and clause[j].tag in _NOUN_PHRASE:
                    j += 1
                if j < len(clause) and clause[j].tag in ("NN", "NE") and _in_list(clause[j].lemma, nouns):
                    definite = any(t.tag == "ART" and t.lemma == "der" for t in clause[i + 1 : j])
                    if definite and not _source_follows(clause, j):
                        continue  # nach dem Bericht fiel der Kurs: after the report, not according to it
                    found.append((token.start, clause[j].end))
            elif word in postpositions and token.tag == "APPO" and i > 0 and _in_list(clause[i - 1].lemma, nouns):
                k = i - 1
                while k > 0 and clause[k - 1].tag in _NOUN_PHRASE:
                    k -= 1
                found.append((clause[k].start, token.end))
    return found
