//! Entities: mentions from the tagger (or, without a model, from capitalisation rules), merged
//! into one cluster per real-world referent, with titles stripped, roles, gender, handles and
//! acronyms; plus dates and numbers by rules ([`dates`]).

mod dates;

pub(crate) use dates::is_calendar_word;

use std::ops::Range;

use crate::analysis::EntityType;
use crate::hash::FastHashMap;
use crate::lang::Language;
use crate::lexicon::{Gender, GenderedWords, WordSet};
use crate::ner;
use crate::pipeline::Doc;
use crate::text::{fold, sub, ByteSpan, TokenKind};

/// One real-world entity and its mentions (byte spans, in text order).
#[derive(Debug, Clone)]
pub(crate) struct EntityCluster {
    pub kind: EntityType,
    pub name: String,
    pub role: Option<String>,
    /// Folded head noun of the role (`ministre`, `spokesman`), for "le ministre" → this person.
    pub role_head: Option<String>,
    pub gender: Gender,
    pub mentions: Vec<ByteSpan>,
}

/// A mention before clustering: token range, type, and the gender its title gives.
#[derive(Debug, Clone)]
struct RawMention {
    tokens: Range<usize>,
    kind: EntityType,
    title_gender: Option<Gender>,
}

/// The place names the rules know (`The Hague`, `Bruxelles`): the curated list as the language's
/// model holds it ([`ner::Model::is_known_place`]), with its first names. A rules-only analysis
/// knows none.
#[derive(Clone, Copy)]
struct KnownPlaces<'m>(Option<&'m ner::Model>);

impl KnownPlaces<'_> {
    fn contains(self, text: &str) -> bool {
        self.0.is_some_and(|m| m.is_known_place(text))
    }

    /// [`KnownPlaces::contains`] for the text of tokens `tokens` of `doc`, without tokenizing it
    /// again.
    fn contains_tokens(self, doc: &Doc, tokens: Range<usize>) -> bool {
        self.0.is_some_and(|m| doc.tokens.get(tokens).is_some_and(|t| m.is_known_place_tokens(doc.text, t)))
    }

    /// An organisation of the curated list that is no place or person of the lists.
    fn known_organisation(self, doc: &Doc, tokens: Range<usize>) -> bool {
        self.0.is_some_and(|m| doc.tokens.get(tokens).is_some_and(|t| m.is_known_organisation_tokens(doc.text, t)))
    }

    /// A first name of the model's longer list (`Johann`), beyond data/names.
    fn first_name(self, text: &str) -> bool {
        self.0.is_some_and(|m| m.is_first_name(text))
    }
}

/// Longest run of tokens the tagger takes as one sentence. Its per-sentence scratch (emissions
/// and Viterbi scores, about 200 bytes a token) would otherwise grow with a text that never
/// ends a sentence (`a a a …`: one sentence of half a million tokens); real sentences are far
/// shorter, so longer ones are tagged in windows of this many tokens.
const MAX_TAGGED_SENTENCE: usize = 1024;

/// Finds and clusters the entities of `doc`: tagged by `model` (its language's), with the
/// places the gazetteer of `doc` knows ([`Doc::gazetteer`]: any loaded model, as every model
/// holds the same place list, and a text in another language still names the same countries).
pub(crate) fn find(doc: &Doc, model: Option<&ner::Model>) -> Vec<EntityCluster> {
    let raw = match model {
        Some(m) => {
            let sentences: Vec<Range<usize>> = doc
                .sentences
                .iter()
                .flat_map(|s| {
                    let r = s.tokens();
                    r.clone().step_by(MAX_TAGGED_SENTENCE).map(move |a| a..r.end.min(a + MAX_TAGGED_SENTENCE))
                })
                .collect();
            m.tag(doc.text, &doc.tokens, &sentences)
                .into_iter()
                .filter(|s| s.tokens.start < s.tokens.end && s.tokens.end <= doc.tokens.len())
                .map(|s| RawMention { tokens: s.tokens, kind: s.label, title_gender: None })
                .collect()
        }
        None => capitalised_runs(doc),
    };
    resolve(doc, KnownPlaces(doc.gazetteer), raw)
}

/// The rules after tagging: filters and repairs mentions, clusters them, and adds what the
/// tagger missed (repeats, acronyms, handles), roles and dates.
fn resolve(doc: &Doc, places: KnownPlaces, mut raw: Vec<RawMention>) -> Vec<EntityCluster> {
    raw.retain(|m| !is_junk(doc, m));
    crate::sort::sort_by_key(&mut raw, |m| m.tokens.start as u64);
    join_titles_with_and(doc, places, &mut raw);
    for m in &mut raw {
        strip_title(doc, m);
        trim_edges(doc, places, m);
    }
    raw.retain(|m| m.tokens.start < m.tokens.end && !is_junk(doc, m) && !is_sentence_initial_common_word(doc, m) && !is_portfolio(doc, places, m));
    raw.retain(|m| m.tokens.start < m.tokens.end);
    crate::sort::sort_by_key(&mut raw, |m| m.tokens.start as u64);
    join_name_particles(doc, &mut raw);
    join_nicknames(doc, &mut raw);
    first_names_before_particles(doc, &mut raw);
    extend_over_organisation_heads(doc, &mut raw);
    join_organisation_of(doc, &mut raw);
    acronyms_are_no_persons(doc, &mut raw);
    complete_known_places(doc, places, &mut raw);
    initials_before_persons(doc, places, &mut raw);
    county_places(doc, &mut raw);
    organisations_by_kind_noun(doc, &mut raw);
    named_streets_and_schools(doc, places, &mut raw);
    sources_are_no_places(doc, places, &mut raw);
    apposed_roles_make_persons(doc, places, &mut raw);
    persons_described_in_apposition(doc, &mut raw);
    known_places_after_prepositions(doc, places, &mut raw);
    places_before_their_region(doc, places, &mut raw);
    datelines_are_places(doc, places, &mut raw);
    let mut clusters = cluster(doc, places, &raw);
    // `un Kanak âgé de 20 ans`: a person named only after an indefinite article is nobody named
    // (`un Mélenchon en colère` after `Jean-Luc Mélenchon` stays).
    clusters.retain(|c| c.kind != EntityType::PER || !c.mentions.iter().all(|m| doc.after_indefinite_article(doc.token_at_or_after(m.start))));
    merge_acronyms(&mut clusters);
    add_untagged_repeats(doc, &mut clusters);
    attach_handles_and_acronyms(doc, &mut clusters);
    let role_phrases = find_roles(doc, &mut clusters);
    workplaces_are_organisations(doc, places, &mut clusters, &role_phrases);
    clusters.extend(dates::find(doc));
    clusters
}

/// `Transports` in `la ministre des Transports`, `Health` in `Minister for Health`: the
/// portfolio of an office holder is part of their role, not an organisation. (Places stay:
/// `Secretary of State for Scotland`.)
fn is_portfolio(doc: &Doc, places: KnownPlaces, m: &RawMention) -> bool {
    if m.kind == EntityType::PER || m.tokens.len() > 3 || places.contains_tokens(doc, m.tokens.clone()) {
        return false;
    }
    let mut k = m.tokens.start;
    while k > 0 && matches!(doc.folded(k - 1), "la" | "l'" | "le" | "les" | "the") {
        k -= 1;
    }
    if k == 0 || !matches!(doc.folded(k - 1), "de" | "du" | "des" | "d'" | "of" | "for") {
        return false;
    }
    let heads = WordSet::portfolio_heads();
    // The noun, or the noun and one adjective (`ministre français de l'Économie`).
    (k >= 2 && heads.contains_folded(doc.folded(k - 2))) || (k >= 3 && heads.contains_folded(doc.folded(k - 3)) && !is_capitalised(doc.tok(k - 2)))
}

fn word<'t>(doc: &Doc<'t>, i: usize) -> Option<&'t str> {
    doc.tokens.get(i).filter(|t| matches!(t.kind(), TokenKind::Word | TokenKind::Elision)).map(|t| t.text(doc.text))
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// Lower-case words that may sit inside a name (`Church of Scientology`, `Corée du Nord`).
const NAME_CONNECTORS: &[&str] = &["of", "de", "du", "des", "la", "le", "and", "for", "d'", "l'", "the", "et"];

/// Rules-only mentions: runs of capitalised words, skipping sentence-initial function words.
fn capitalised_runs(doc: &Doc) -> Vec<RawMention> {
    let (fr, en) = (WordSet::french_function_words(), WordSet::english_function_words());
    let first_names = GenderedWords::first_names();
    let titles = GenderedWords::titles();
    let mut out = Vec::new();
    for s in &doc.sentences {
        let r = s.tokens();
        let mut i = r.start;
        while i < r.end {
            let Some(w) = word(doc, i).filter(|w| is_capitalised(w) && doc.tokens[i].kind() == TokenKind::Word) else {
                i += 1;
                continue;
            };
            if i == r.start && (fr.contains(w) || en.contains(w) || WordSet::not_names().contains(w) || dates::is_calendar_word(&fold(w))) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            loop {
                match word(doc, j) {
                    Some(n) if is_capitalised(n) && j < r.end => j += 1,
                    Some(n) if NAME_CONNECTORS.contains(&fold(n).as_str()) && word(doc, j + 1).is_some_and(is_capitalised) && j + 1 < r.end => j += 2,
                    _ => break,
                }
            }
            // `Ministre des Finances Paul Durand`: the person starts at the first name.
            if let Some(f) = (i + 1..j).find(|&k| word(doc, k).is_some_and(|w| first_names.get(w).is_some() && is_capitalised(w))) {
                if j - f >= 2 {
                    if titles.get(doc.tok(i)).is_none() || f - i > 1 {
                        out.push(RawMention { tokens: i..f, kind: EntityType::MISC, title_gender: None });
                    }
                    out.push(RawMention { tokens: f..j, kind: EntityType::PER, title_gender: None });
                    i = j;
                    continue;
                }
            }
            let single_initial = j == i + 1 && i == r.start;
            if !single_initial || first_names.get(w).is_some() {
                let personal = first_names.get(w).is_some() || (i > 0 && word(doc, i - 1).is_some_and(|p| titles.get(p).is_some()));
                let kind = if personal { EntityType::PER } else { EntityType::MISC };
                out.push(RawMention { tokens: i..j, kind, title_gender: None });
            }
            i = j;
        }
    }
    out
}

/// The text a (non-empty) mention covers.
fn mention_text<'t>(doc: &Doc<'t>, m: &RawMention) -> &'t str {
    sub(doc.text, doc.tokens[m.tokens.start].start()..doc.tokens[m.tokens.end - 1].end())
}

/// Page furniture that taggers pick up: a single word ending in a URL or handle, and so on.
fn is_junk(doc: &Doc, m: &RawMention) -> bool {
    let text = mention_text(doc, m);
    if text.chars().filter(|c| c.is_alphabetic()).count() < 2 || doc.tokens[m.tokens.clone()].iter().any(|t| t.kind() == TokenKind::Url) {
        return true;
    }
    // `pro-Assad`, `anti-Trump`: an adjective made of a name, not the name.
    if doc.tok(m.tokens.start).starts_with("pro-") || doc.tok(m.tokens.start).starts_with("anti-") {
        return true;
    }
    // One word that is a nationality (`Bangladeshis`), a Roman numeral (`XVII`) or a
    // post-nominal (`QC`) names no entity.
    if m.tokens.len() == 1 {
        let w = doc.tok(m.tokens.start);
        let f = doc.folded(m.tokens.start);
        if is_demonym(doc, f)
            || WordSet::not_names().contains_folded(f)
            || (w.len() >= 2 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C' | 'D' | 'M')))
        {
            return true;
        }
    }
    // `Central Asian`, `South African`: a nationality with a direction, an adjective too.
    if m.tokens.len() == 2
        && is_demonym(doc, doc.folded(m.tokens.end - 1))
        && matches!(doc.folded(m.tokens.start), "central" | "north" | "south" | "east" | "west" | "northern" | "southern" | "eastern" | "western" | "sub-saharan")
    {
        return true;
    }
    // `Un Français`, `le Britannique`: a nationality after an article is someone unnamed (a
    // capital article in the sentence is part of a name: `Le Parisien`).
    if m.tokens.len() == 2 && is_demonym(doc, doc.folded(m.tokens.end - 1)) {
        let article = doc.tok(m.tokens.start);
        let indefinite = matches!(doc.folded(m.tokens.start), "un" | "une" | "des" | "a" | "an");
        let definite = matches!(doc.folded(m.tokens.start), "le" | "la" | "l'" | "les" | "the");
        if (indefinite || definite) && (article.starts_with(char::is_lowercase) || indefinite && doc.is_sentence_start(m.tokens.start)) {
            return true;
        }
    }
    // Shouted text (`ON SE VOIT AU TRIBUNAL`): capitals say nothing about names there.
    let (fr, en) = (WordSet::french_function_words(), WordSet::english_function_words());
    let words: Vec<&str> = doc.tokens[m.tokens.clone()].iter().map(|t| t.text(doc.text)).filter(|w| w.chars().any(char::is_alphabetic)).collect();
    let all_caps = words.iter().all(|w| w.chars().all(|c| !c.is_lowercase()));
    all_caps && words.len() >= 2 && words.iter().any(|w| fr.contains(w) || en.contains(w) || matches!(fold(w).as_str(), "se" | "au" | "notre" | "est" | "on"))
}

/// Moves a leading courtesy title (`M.`, `Mme`, `Mr`, `Dr`) out of a person's span, recording
/// the gender it tells; also looks at the token just before the span.
fn strip_title(doc: &Doc, m: &mut RawMention) {
    let titles = GenderedWords::titles();
    while m.tokens.len() > 1 {
        let Some(g) = word(doc, m.tokens.start).and_then(|w| titles.get(w)) else { break };
        m.title_gender = Some(g);
        m.tokens.start += 1;
        if m.kind != EntityType::PER && m.kind != EntityType::MISC {
            break;
        }
        m.kind = EntityType::PER;
    }
    if m.title_gender.is_none() && m.tokens.start > 0 {
        if let Some(g) = word(doc, m.tokens.start - 1).and_then(|w| titles.get(w)) {
            // `Mr Smith`, `M. Lavrov`: only courtesy titles, whose case is telling.
            if is_capitalised(doc.tok(m.tokens.start - 1)) {
                m.title_gender = Some(g);
            }
        }
    }
    // English possessive and leading article are not part of the name.
    if m.tokens.len() > 1 && matches!(doc.tok(m.tokens.start), "The" | "the") {
        m.tokens.start += 1;
    }
}

/// Repairs tagger spans: a reporting verb swallowed at the end (`Department of Agriculture
/// notes`), or a function written before a person's first name (`Education Stefania Giannini`).
fn trim_edges(doc: &Doc, places: KnownPlaces, m: &mut RawMention) {
    let (fr, en) = (WordSet::french_function_words(), WordSet::english_function_words());
    // A name does not start with a lower-case word (`la Chine`) …
    while m.tokens.len() > 1 && !is_capitalised(doc.tok(m.tokens.start)) && !doc.tok(m.tokens.start).starts_with(|c: char| c.is_ascii_digit()) {
        m.tokens.start += 1;
    }
    // … nor with a capitalised role (`Premier ministre Karel Novak`, `Ministre Beata Szydło`)
    // before a first name and a surname: the role is read from the words before the name.
    // (Not before one word: `Prince Harry`, `Pape François` are names as written.)
    if m.kind == EntityType::PER && m.tokens.len() >= 3 {
        let roles = GenderedWords::roles();
        let lead = (m.tokens.start..m.tokens.end - 2).take_while(|&k| word(doc, k).is_some_and(|w| roles.get(w).is_some())).count();
        if lead > 0 && (m.tokens.start + lead..m.tokens.end).all(|k| is_capitalised(doc.tok(k))) {
            m.tokens.start += lead;
        }
    }
    // A capitalised French article inside a sentence is the name's own (`le port de La
    // Ciotat`, `raffinerie de La Mède`), where the tagger left it out.
    let before = m.tokens.start.wrapping_sub(1);
    let opens_sentence = |k: usize| doc.is_sentence_start(k) || after_dateline(doc, doc.sentences[doc.sentence_of_token(k)].tokens().start, k);
    if m.tokens.start > 0 && matches!(doc.tok(before), "La" | "Le" | "Les") && !opens_sentence(before) && doc.tokens[before].end() < doc.tokens[m.tokens.start].start() {
        m.tokens.start = before;
    }
    // … nor with a function word or another word that names nobody (data/lang/not-names.txt),
    // capitalised only because it opens the sentence (`For Northwind Energy, …`, `Pour Airbus,
    // …`, `Contre Bâle, …`); articles stay (`The Guardian`).
    let first = m.tokens.start;
    if m.tokens.len() > 1
        && doc.is_sentence_start(first)
        && (fr.contains_folded(doc.folded(first)) || en.contains_folded(doc.folded(first)) || WordSet::not_names().contains_folded(doc.folded(first)))
        && !matches!(doc.folded(first), "the" | "le" | "la" | "les" | "l'" | "a" | "an" | "un" | "une")
    {
        m.tokens.start += 1;
    }
    // … nor end with a reporting verb (`Department of Agriculture notes`), a possessive
    // (`Gloria's`), a preposition or article (`Front de gauche à`, `République contre`), or a
    // date (`Parlement de Westminster de mercredi`).
    while m.tokens.len() > 1 {
        let last = doc.tok(m.tokens.end - 1);
        let f = doc.folded(m.tokens.end - 1);
        let lower = !is_capitalised(last);
        let drop = (lower && is_cue_word(f))
            || f == "'s"
            || (lower && (fr.contains_folded(f) || en.contains_folded(f) || matches!(f, "contre" | "à" | "au" | "aux" | "de" | "du" | "des" | "of" | "the" | "and" | "et" | "for" | "pour" | "sur" | "on" | "in" | "en")))
            || (lower && dates::is_calendar_word(f));
        if drop {
            m.tokens.end -= 1;
        } else {
            break;
        }
    }
    // `ministère de l'Intérieur`, `ministère letton des Transports`: the generic noun
    // heading an organisation's name belongs to it.
    if m.kind == EntityType::ORG {
        let org_nouns = WordSet::organisation_nouns();
        let mut k = m.tokens.start;
        let mut steps = 0;
        while k > 0 && steps < 4 && matches!(doc.folded(k - 1), "de" | "du" | "des" | "d'" | "l'" | "la") {
            k -= 1;
            steps += 1;
        }
        if k < m.tokens.start && k > 0 {
            // One optional adjective between the noun and the preposition.
            let noun = if word(doc, k - 1).is_some_and(|w| org_nouns.contains(w)) {
                Some(k - 1)
            } else if k > 1 && word(doc, k - 2).is_some_and(|w| org_nouns.contains(w)) && word(doc, k - 1).is_some_and(|w| !is_capitalised(w)) {
                Some(k - 2)
            } else {
                None
            };
            if let Some(n) = noun {
                m.tokens.start = n;
            }
        }
    }
    // `Colorado State University of the US`, `Harlow Institute Research Center de Lyon`,
    // `… Facilities Council britannique`: after a name already ended by an organisation word
    // (two capitalised words or more before it), `of X` and a lower-case adjective are outside it.
    if m.tokens.len() >= 4 {
        let heads = WordSet::organisation_heads();
        let cap_run = |from: usize, to: usize| (from..to).filter(|&k| is_capitalised(doc.tok(k))).count();
        if let Some(h) = (m.tokens.start + 2..m.tokens.end - 1).find(|&k| {
            is_capitalised(doc.tok(k)) && heads.contains(doc.tok(k)) && cap_run(m.tokens.start, k) >= 2
        }) {
            let next = doc.folded(h + 1).to_string();
            // … `of X` only when X is one known place (`of the US`, `de Sydney`): `Court of
            // Human Rights` stays whole.
            let mut p = h + 2;
            if p < m.tokens.end && matches!(doc.folded(p), "the" | "la" | "le" | "l'") {
                p += 1;
            }
            let place_complement = matches!(next.as_str(), "of" | "de" | "du" | "des")
                && p + 1 == m.tokens.end
                && places.contains_tokens(doc, p..p + 1);
            if place_complement || (m.tokens.end == h + 2 && !is_capitalised(doc.tok(h + 1)) && doc.tokens[h + 1].kind() == TokenKind::Word) {
                m.tokens.end = h + 1;
            }
        }
    }
    // `Gawker.com`: a site is an organisation (but `U.S.` is an abbreviation, not a domain).
    if m.tokens.len() == 1 && is_domain_name(doc.tok(m.tokens.start)) {
        m.kind = EntityType::ORG;
    }
    // `Transport Department Spokesperson Ann Dale`, `Acme CEO Jane Roe`, `Jane Roe, the Acme
    // CEO,`: a function written after an organisation's name, before a person's name or after a
    // determiner, describes a person; the organisation ends before it. (`Attorney General`, all
    // function words, is left whole.)
    if m.kind == EntityType::ORG {
        let roles = GenderedWords::roles();
        let after_determiner = m.tokens.start > 0 && ROLE_DETERMINERS.contains(&doc.folded(m.tokens.start - 1));
        while m.tokens.len() >= 2
            && roles.get(doc.tok(m.tokens.end - 1)).is_some()
            && is_capitalised(doc.tok(m.tokens.end - 2))
            && roles.get(doc.tok(m.tokens.end - 2)).is_none()
            && (after_determiner || word(doc, m.tokens.end).is_some_and(is_capitalised))
        {
            m.tokens.end -= 1;
        }
    }
    // A comma never sits inside one name (`Croucher Foundation, US National Science Foundation`).
    if let Some(k) = (m.tokens.start..m.tokens.end).find(|&k| doc.tok(k) == ",") {
        m.tokens.end = k;
    }
    // `Education Stefania Giannini` (any type): one stray capitalised word before a first name
    // and surname is the end of a title, not part of the person.
    // Not a place or a first name (`San Diego Padres`, `Johann Olav Koss`).
    let named_lead = |lead: &str, k: usize| places.first_name(lead) || places.contains_tokens(doc, k..k + 2);
    if m.kind != EntityType::PER && m.tokens.len() == 3 {
        let first_names = GenderedWords::first_names();
        let lead = doc.tok(m.tokens.start);
        if first_names.get(lead).is_none()
            && first_names.get(doc.tok(m.tokens.start + 1)).is_some()
            && !WordSet::organisation_nouns().contains(lead)
            && is_capitalised(doc.tok(m.tokens.start + 2))
            && !named_lead(lead, m.tokens.start)
        {
            m.tokens.start += 1;
            m.kind = EntityType::PER;
        }
    }
    if m.kind == EntityType::PER && m.tokens.len() >= 3 {
        let first_names = GenderedWords::first_names();
        if first_names.get(doc.tok(m.tokens.start)).is_none() && !named_lead(doc.tok(m.tokens.start), m.tokens.start) {
            if let Some(f) = (m.tokens.start + 1..m.tokens.end - 1).find(|&k| first_names.get(doc.tok(k)).is_some()) {
                m.tokens.start = f;
            }
        }
    }
    // `Tom Cotton` typed LOC: a known first name followed by a capitalised word is a person.
    if m.tokens.len() >= 2
        && m.kind != EntityType::PER
        && GenderedWords::first_names().get(doc.tok(m.tokens.start)).is_some()
        && (m.tokens.start + 1..m.tokens.end).all(|k| is_capitalised(doc.tok(k)))
        && m.tokens.len() <= 3
    {
        m.kind = EntityType::PER;
    }
}

/// `of The Ledger and Courier` tagged `The Ledger` + `Courier`: a capitalised `The` inside a sentence
/// opens a title (a newspaper's, a band's), and one more word joined by `and` belongs to it.
///
/// Not when either side is a known place (`The Hague and Geneva`) or the second word is named
/// on its own elsewhere in the text (`told The Guardian and Reuters … Reuters reported`).
fn join_titles_with_and(doc: &Doc, places: KnownPlaces, raw: &mut Vec<RawMention>) {
    // (Owned keys: the table type of the other string-keyed tables, one copy of its code in the
    // wasm module.)
    let mut alone: FastHashMap<String, usize> = FastHashMap::default();
    for m in raw.iter().filter(|m| m.tokens.len() == 1) {
        *alone.entry(doc.tok(m.tokens.start).to_string()).or_default() += 1;
    }
    let mut absorbed = vec![false; raw.len()];
    let mut i = 0;
    while i + 1 < raw.len() {
        let (m, next) = (&raw[i], &raw[i + 1]);
        // `The` inside the mention or just before it, after a word of the same sentence.
        let the = if doc.tok(m.tokens.start) == "The" { Some(m.tokens.start) } else { m.tokens.start.checked_sub(1).filter(|&k| doc.tok(k) == "The") };
        let sentence_start = doc.sentences[doc.sentence_of_token(m.tokens.start)].tokens().start;
        let opens_title = the.is_some_and(|k| k > sentence_start && doc.tokens[k - 1].kind() == TokenKind::Word);
        let joined = next.tokens.start == m.tokens.end + 1 && matches!(doc.tok(m.tokens.end), "and" | "&") && next.tokens.len() == 1;
        let second = doc.tok(next.tokens.start);
        let first_is_place = places.contains_tokens(doc, m.tokens.clone());
        let separate = places.contains_tokens(doc, next.tokens.start..next.tokens.start + 1) || first_is_place || alone.get(second).is_some_and(|&n| n > 1);
        if opens_title && joined && !separate {
            raw[i].tokens.end = raw[i + 1].tokens.end;
            raw[i].kind = EntityType::ORG;
            absorbed[i + 1] = true;
            i += 1;
        }
        i += 1;
    }
    drop_absorbed(raw, &absorbed);
}

/// Particles inside a person's name (`Yves Pozzo di Borgo`, `Ursula von der Leyen`). Not the
/// French `de`, `du`, `le`, which also join a name to a place (`Martine Aubry de Lille`).
const NAME_PARTICLES: &[&str] = &["di", "da", "del", "della", "degli", "von", "van", "der", "den", "ter", "dos", "das", "bin", "ibn", "zu"];

/// `Yves Pozzo di Borgo` tagged `Yves Pozzo` + `Borgo`, `Ursula von der Leyen` tagged `Ursula`: a
/// person (or a known first name) followed by name particles and a capitalised word is one
/// person's name; mentions inside the rest are dropped.
fn join_name_particles(doc: &Doc, raw: &mut Vec<RawMention>) {
    let first_names = GenderedWords::first_names();
    let mut absorbed_until = 0;
    raw.retain_mut(|m| {
        if m.tokens.start < absorbed_until {
            return false;
        }
        let first_name = word(doc, m.tokens.start).is_some_and(|w| first_names.get(w).is_some());
        // `Amélia dos Reis` tagged whole as an organisation: a first name, a particle, a name.
        if first_name && m.tokens.len() >= 3 && NAME_PARTICLES.contains(&doc.tok(m.tokens.start + 1)) {
            m.kind = EntityType::PER;
        }
        let person = m.kind == EntityType::PER || first_name;
        let mut k = m.tokens.end;
        while k < doc.tokens.len() && NAME_PARTICLES.contains(&doc.tok(k)) {
            k += 1;
        }
        if person && k > m.tokens.end && word(doc, k).is_some_and(is_capitalised) {
            let mut end = k + 1;
            while word(doc, end).is_some_and(is_capitalised) && doc.sentence_of_token(end) == doc.sentence_of_token(k) {
                end += 1;
            }
            m.tokens.end = end;
            m.kind = EntityType::PER;
            absorbed_until = end;
        }
        true
    });
}

/// Particles that open Irish and Tuareg surnames (`Ó Súilleabháin`, `Ní Bhriain`, `Mac Lochlainn`,
/// `Ag Alhousseini`): capitalised, and never a name's first word.
const LEADING_PARTICLES: &[&str] = &["Ó", "Ní", "Nic", "Mac", "Ua", "Ag"];

/// `Pádraig Ó Súilleabháin`, `Siobhán Ní Bhriain` tagged from the particle: the capitalised word
/// right before it, that no mention covers and that is no common word, is the first name.
fn first_names_before_particles(doc: &Doc, raw: &mut [RawMention]) {
    let mut previous_end = 0;
    for m in raw.iter_mut() {
        let free = |k: usize| k > previous_end && doc.sentence_of_token(k - 1) == doc.sentence_of_token(k);
        // The particle itself, where the tagger left it out (`Ó` + `Súilleabháin`).
        if m.kind == EntityType::PER && free(m.tokens.start) && LEADING_PARTICLES.contains(&doc.tok(m.tokens.start - 1)) {
            m.tokens.start -= 1;
        }
        let k = m.tokens.start;
        let extend = m.kind == EntityType::PER
            && m.tokens.len() >= 2
            && LEADING_PARTICLES.contains(&doc.tok(k))
            && free(k)
            && word(doc, k - 1).is_some_and(is_capitalised)
            && !is_common_word(doc, doc.folded(k - 1));
        if extend {
            m.tokens.start = k - 1;
        }
        previous_end = m.tokens.end;
    }
}

/// `Antonio "Tony" Lacson`, `Jean « Johnny » Hallyday`: a nickname of one or two capitalised
/// words in paired quotation marks, between a first name (a one-word person the tagger saw, or a
/// known first name no other mention covers) and a surname (a person or a miscellaneous name the
/// tagger saw), is part of one person's name. The tagger reads two
/// names there, or one that starts inside the marks (`Tony" Lacson`). (Not a headline's words:
/// `Taylor Swift "Blown Away" By Fans`, `Boris "Deeply Sorry" Over …`.)
fn join_nicknames(doc: &Doc, raw: &mut Vec<RawMention>) {
    let first_names = GenderedWords::first_names();
    let capital = |k: usize| word(doc, k).is_some_and(is_capitalised);
    // `raw` is in text order: the mention covering token `k`, by binary search.
    let covering = |raw: &[RawMention], k: usize| raw[..raw.partition_point(|m| m.tokens.start <= k)].last().filter(|m| m.tokens.contains(&k)).cloned();
    let mut joined = Vec::new();
    for q in 1..doc.tokens.len().saturating_sub(3) {
        let closing = match doc.tok(q) {
            "\"" => "\"",
            "“" => "”",
            "«" => "»",
            _ => continue,
        };
        if !capital(q - 1) || !capital(q + 1) {
            continue;
        }
        let close = if doc.tok(q + 2) == closing { q + 2 } else { q + 3 };
        if doc.tok(close) != closing || !capital(close - 1) || !capital(close + 1) || doc.sentence_of_token(q - 1) != doc.sentence_of_token(close + 1) {
            continue;
        }
        let first = match covering(raw, q - 1) {
            Some(m) if m.kind == EntityType::PER && m.tokens.len() == 1 => m,
            None if first_names.get(doc.tok(q - 1)).is_some() => RawMention { tokens: q - 1..q, kind: EntityType::PER, title_gender: None },
            _ => continue,
        };
        let end = match covering(raw, close + 1) {
            // (A miscellaneous name there is a surname the tagger was unsure of.)
            // (Not a headline's verb the tagger took in: `Kate "Feeling Better" Says William`.)
            Some(m) if matches!(m.kind, EntityType::PER | EntityType::MISC) && m.tokens.start >= q && !is_cue_word(doc.folded(close + 1)) => m.tokens.end,
            _ => continue,
        };
        joined.push(RawMention { tokens: first.tokens.start..end, kind: EntityType::PER, title_gender: first.title_gender });
    }
    if joined.is_empty() {
        return;
    }
    let mut covered = crate::bits::BitSet::new(doc.tokens.len());
    for j in &joined {
        covered.set_range(j.tokens.clone());
    }
    raw.retain(|m| !covered.get(m.tokens.start) && !covered.get(m.tokens.end - 1));
    add_mentions(raw, joined);
}

/// A reporting verb of either language (`says`, `déclare`).
fn is_cue_word(folded: &str) -> bool {
    crate::lexicon::Cues::english().contains_word(folded) || crate::lexicon::Cues::french().contains_word(folded)
}

/// Removes the mentions an earlier one took over (`absorbed[i]` for `raw[i]`).
fn drop_absorbed(raw: &mut Vec<RawMention>, absorbed: &[bool]) {
    let mut k = 0;
    raw.retain(|_| {
        k += 1;
        !absorbed[k - 1]
    });
}

/// `Uzbek Ministry` + `Foreign Affairs`, `University` + `Toronto` for `Uzbek Ministry of Foreign
/// Affairs`, `University of Toronto`: a name ending with a capitalised institution word that
/// takes `of` (data/roles/institutions-of.txt; not a company's `Corp of South Korea`), `of` and
/// the next name (not a person's) are one organisation.
fn join_organisation_of(doc: &Doc, raw: &mut Vec<RawMention>) {
    let heads = WordSet::institutions_of();
    let mut absorbed = vec![false; raw.len()];
    for i in 0..raw.len().saturating_sub(1) {
        if absorbed[i] {
            continue;
        }
        let (m, next) = (&raw[i], &raw[i + 1]);
        let last = m.tokens.end - 1;
        let joins = word(doc, last).is_some_and(|w| is_capitalised(w) && heads.contains(w))
            && doc.folded(m.tokens.end) == "of"
            && next.tokens.start == m.tokens.end + 1
            && next.kind != EntityType::PER;
        if joins {
            raw[i].tokens.end = raw[i + 1].tokens.end;
            raw[i].kind = EntityType::ORG;
            absorbed[i + 1] = true;
        }
    }
    drop_absorbed(raw, &absorbed);
}

/// `PIDE`, `RTP` read as a person: a word in capitals in ordinary text is an acronym, an
/// organisation's (not in a headline or a dateline written in capitals).
fn acronyms_are_no_persons(doc: &Doc, raw: &mut [RawMention]) {
    // Mentions come in text order: each sentence is read at most once (linear in the text).
    let mut read: Option<(usize, bool)> = None;
    for m in raw.iter_mut().filter(|m| m.kind == EntityType::PER && m.tokens.len() == 1) {
        let w = doc.tok(m.tokens.start);
        if !((2..=6).contains(&w.chars().count()) && w.chars().all(|c| c.is_uppercase())) {
            continue;
        }
        let s = doc.sentence_of_token(m.tokens.start);
        let ordinary = match read {
            Some((at, ordinary)) if at == s => ordinary,
            _ => {
                let r = doc.sentences[s].tokens();
                let ordinary = sub(doc.text, doc.tokens[r.start].start()..doc.tokens[r.end - 1].end()).chars().filter(|c| c.is_lowercase()).take(21).count() > 20;
                read = Some((s, ordinary));
                ordinary
            }
        };
        if ordinary {
            m.kind = EntityType::ORG;
        }
    }
}

/// `rue du Landy`, `place de l'Opéra`, `avenue Gustave Eiffel` tagged `Landy`, `Opéra`, `Gustave
/// Eiffel`; `lycée Jacques-Monod`, `université de Tolbiac`: the French noun written in lower case
/// before the name is part of it (data/places): a place, or a school. Not before a known place
/// for a street noun (`la place de la France en Europe` is its rank).
fn named_streets_and_schools(doc: &Doc, places: KnownPlaces, raw: &mut [RawMention]) {
    let (streets, schools) = (WordSet::street_kinds(), WordSet::school_kinds());
    let mut previous_end = 0;
    for m in raw.iter_mut() {
        let s = m.tokens.start;
        // The noun right before the name, or before `de`, `du`, `des`, `d'`, `de la`, `de l'`.
        let mut k = s;
        if k > 0 && matches!(doc.folded(k - 1), "la" | "l'") && k > 1 && doc.folded(k - 2) == "de" {
            k -= 2;
        } else if k > 0 && matches!(doc.folded(k - 1), "de" | "du" | "des" | "d'") {
            k -= 1;
        }
        let noun = k.checked_sub(1).filter(|&n| n >= previous_end && word(doc, n).is_some_and(|w| !is_capitalised(w)));
        previous_end = m.tokens.end;
        let Some(n) = noun else { continue };
        let f = doc.folded(n);
        // Not before a person: `prendre la place de Nolan Roux` is his position; nor, for a word
        // with other senses (`à la place de Samsung`, `la place de Renault sur le marché`), before
        // an organisation.
        let after_article = s > 0 && matches!(doc.folded(s - 1), "l'" | "la");
        let instead = n >= 2 && doc.folded(n - 1) == "la" && doc.folded(n - 2) == "à";
        let other_senses = matches!(f, "place" | "chemin" | "pont") && !after_article && (m.kind == EntityType::ORG || instead);
        if streets.contains_folded(f) && m.kind != EntityType::PER && !other_senses && !places.contains_tokens(doc, m.tokens.clone()) {
            m.tokens.start = n;
            m.kind = EntityType::LOC;
        } else if schools.contains_folded(f) && !(n > 0 && matches!(doc.folded(n - 1), "d'" | "de") && m.kind == EntityType::PER) {
            // (Not a person after a role's complement: `la directrice d'école Nadia Benali`.)
            m.tokens.start = n;
            m.kind = EntityType::ORG;
        }
    }
}

/// `Émirats arabes unis` tagged `Émirats`: a mention that, with the next word or two, names a
/// known place takes them.
fn complete_known_places(doc: &Doc, places: KnownPlaces, raw: &mut [RawMention]) {
    for i in 0..raw.len() {
        let next_start = raw.get(i + 1).map_or(doc.tokens.len(), |n| n.tokens.start);
        let m = &raw[i];
        let sentence_end = doc.sentences[doc.sentence_of_token(m.tokens.start)].tokens().end;
        let limit = next_start.min(sentence_end).min(m.tokens.end + 2);
        let longer = (m.tokens.end + 1..=limit).rev().find(|&end| {
            (m.tokens.end..end).all(|k| word(doc, k).is_some()) && places.contains_tokens(doc, m.tokens.start..end)
        });
        if let Some(end) = longer {
            raw[i].tokens.end = end;
            raw[i].kind = EntityType::LOC;
        }
        // … and to the left: `New South Wales` tagged `South Wales`.
        let m = &raw[i];
        let previous_end = if i > 0 { raw[i - 1].tokens.end } else { 0 };
        let sentence_start = doc.sentences[doc.sentence_of_token(m.tokens.start)].tokens().start;
        let floor = previous_end.max(sentence_start).max(m.tokens.start.saturating_sub(2));
        let longer = (floor..m.tokens.start).find(|&start| {
            (start..m.tokens.start).all(|k| word(doc, k).is_some_and(is_capitalised)) && places.contains_tokens(doc, start..m.tokens.end)
        });
        if let Some(start) = longer {
            raw[i].tokens.start = start;
            raw[i].kind = EntityType::LOC;
        }
    }
}

/// `L. Ron Hubbard`, `J. K. Rowling` tagged without their leading initials: a person's name
/// takes the capital letters with a full stop right before it, and the first name tagged apart
/// before them (`Bernard L. Feringa` tagged `Bernard` and `Feringa`).
fn initials_before_persons(doc: &Doc, places: KnownPlaces, raw: &mut Vec<RawMention>) {
    let mut joined = false;
    for i in 0..raw.len() {
        let previous_end = if i > 0 { raw[i - 1].tokens.end } else { 0 };
        let m = &mut raw[i];
        if m.kind != EntityType::PER {
            continue;
        }
        let mut start = m.tokens.start;
        while start >= previous_end + 2 {
            let (letter, stop) = (&doc.tokens[start - 2], &doc.tokens[start - 1]);
            let one_capital = {
                let mut chars = letter.text(doc.text).chars();
                chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
            };
            // (Not a label ending the sentence before: `platform B. Kowalski was`, `plan B.
            // Johnson told`; after a lower-case word, only before a first name: `writer L. Ron
            // Hubbard`.)
            // (A role noun before the initial is no label: `judge A. Kennedy`.)
            let after_lower_word = start >= 3 && word(doc, start - 3).is_some_and(|w| !is_capitalised(w) && GenderedWords::roles().get(w).is_none());
            let first_name_follows = word(doc, start).is_some_and(|w| is_first_name(places, w));
            if one_capital && stop.text(doc.text) == "." && letter.end() == stop.start() && stop.end() < doc.tokens[start].start() && (!after_lower_word || first_name_follows) {
                start -= 2;
            } else {
                break;
            }
        }
        let extended = start < m.tokens.start;
        // (And the first name before them, where the tagger took neither: `Bernard L. Feringa`.)
        if extended && start > previous_end && word(doc, start - 1).is_some_and(|w| is_capitalised(w) && is_first_name(places, w)) {
            start -= 1;
        }
        m.tokens.start = start;
        if extended && i > 0 && raw[i - 1].kind == EntityType::PER && raw[i - 1].tokens.end == start {
            raw[i].tokens.start = raw[i - 1].tokens.start;
            raw[i - 1].tokens.end = raw[i - 1].tokens.start;
            joined = true;
        }
    }
    if joined {
        raw.retain(|m| m.tokens.start < m.tokens.end);
    }
}

/// `Mifflin County and Juniata County` tagged as one name: two places (data/places/place-suffixes.txt).
/// A single `X County` read as a miscellaneous name is a place too; as a person (`Sam Parish`) or
/// an organisation (`Derby County`, the club) it stays what the tagger read.
fn county_places(doc: &Doc, raw: &mut Vec<RawMention>) {
    let suffixes = WordSet::place_suffixes();
    let heads = WordSet::organisation_heads();
    // Not `Supreme Court of Westbrook County`, an organisation's name ending with a place.
    let ends_with_suffix = |m: &RawMention| {
        m.tokens.len() >= 2 && suffixes.contains_folded(doc.folded(m.tokens.end - 1)) && !m.tokens.clone().any(|k| heads.contains(doc.tok(k)))
    };
    let mut split = Vec::new();
    for m in raw.iter_mut() {
        if let Some(and) = (m.tokens.start + 1..m.tokens.end.saturating_sub(1)).find(|&k| matches!(doc.folded(k), "and" | "et") && suffixes.contains_folded(doc.folded(k - 1))) {
            let second = RawMention { tokens: and + 1..m.tokens.end, kind: EntityType::LOC, title_gender: None };
            m.tokens.end = and;
            if ends_with_suffix(&second) {
                m.kind = EntityType::LOC;
            }
            split.push(second);
        }
    }
    let added = !split.is_empty();
    raw.extend(split);
    for m in raw.iter_mut() {
        let score_near = (m.tokens.end..(m.tokens.end + 3).min(doc.tokens.len())).any(|k| doc.tok(k).starts_with(|c: char| c.is_ascii_digit()));
        if ends_with_suffix(m) && m.kind == EntityType::MISC && !score_near {
            m.kind = EntityType::LOC;
        }
    }
    if added {
        crate::sort::sort_by_key(raw, |m| m.tokens.start as u64);
    }
}

/// `the Cape Breton Herald` tagged `Cape Breton`, `Harlow Institute` tagged `Harlow`: capitalised
/// organisation words right after a mention, that no other mention covers, end the same name,
/// which is then an organisation's.
fn extend_over_organisation_heads(doc: &Doc, raw: &mut [RawMention]) {
    let heads = WordSet::organisation_heads();
    for i in 0..raw.len() {
        let next_start = raw.get(i + 1).map_or(usize::MAX, |n| n.tokens.start);
        let m = &mut raw[i];
        let mut end = m.tokens.end;
        // Within the sentence: a headline's last name and the next paragraph's first word
        // (`… Queensland` / `Police ordered …`) are no single name.
        let sentence_end = doc.sentences.get(doc.sentence_of_token(m.tokens.start)).map_or(end, |s| s.tokens().end);
        while end < next_start.min(sentence_end) && word(doc, end).is_some_and(|w| is_capitalised(w) && heads.contains(w)) && doc.tokens[end].kind() == TokenKind::Word {
            end += 1;
        }
        if end > m.tokens.end && m.kind != EntityType::PER {
            m.tokens.end = end;
            m.kind = EntityType::ORG;
        }
    }
}

/// A kind of organisation written beside a name makes it an organisation's, whatever the tagger
/// made of it: just before it (`the newspaper Le Monde`, `les écoles Saint-Paul et Sainte-Anne`:
/// names joined by `and` after the noun share it) or heading an apposition after it (`Villa
/// Serena Institute, a private school in Turin`). A person's full name (`the band member Tom Lee`) is
/// left alone.
fn organisations_by_kind_noun(doc: &Doc, raw: &mut [RawMention]) {
    let kinds = WordSet::organisation_kinds();
    let is_kind = |k: usize| {
        word(doc, k).is_some_and(|w| {
            let f = doc.folded(k);
            // Lower case, or an acronym (`l'ONG X`, `the NGO X`).
            (!is_capitalised(w) || w.chars().all(char::is_uppercase)) && (kinds.contains_folded(f) || f.strip_suffix(['s', 'x']).is_some_and(|s| kinds.contains_folded(s)))
        })
    };
    let first_names = GenderedWords::first_names();
    let mut previous_retyped_end: Option<usize> = None;
    for m in raw.iter_mut() {
        // `NGO Clean Seas Trust` tagged as one name: the kind is no part of it.
        if m.tokens.len() >= 2 && is_kind(m.tokens.start) {
            m.tokens.start += 1;
            // … nor the description after it (`agence de presse officielle togolaise
            // Sentinelle`), unless the name is its complement (`université de Lyon`).
            let name = (m.tokens.start..m.tokens.end).find(|&k| word(doc, k).is_some_and(is_capitalised));
            if let Some(name) = name.filter(|&n| n > m.tokens.start && !matches!(doc.folded(n - 1), "de" | "du" | "des" | "d'" | "of" | "for")) {
                if (m.tokens.start..name).all(|k| word(doc, k).is_some()) {
                    m.tokens.start = name;
                }
            }
        }
        let (start, end) = (m.tokens.start, m.tokens.end);
        // Only `and`/`et`: after a comma a new clause may start (`Selon le quotidien Le
        // Parisien, Macron a refusé`).
        let coordinated = previous_retyped_end.is_some_and(|e| e + 1 == start && matches!(doc.folded(e), "and" | "et"));
        // A person the tagger saw, followed by a verb, is the subject of a relative clause on
        // the noun (`the company Musk bought`), not its name.
        let person_acting = m.kind == EntityType::PER
            && word(doc, end).is_some_and(|w| {
                let f = doc.folded(end);
                !is_capitalised(w) && !WordSet::english_function_words().contains_folded(f) && !WordSet::french_function_words().contains_folded(f)
            });
        let noun_before = start > 0 && is_kind(start - 1) && !person_acting;
        // `X, a (one or two modifiers) school` followed by punctuation or a function word.
        let apposition = doc.tokens.get(end).is_some_and(|t| t.text(doc.text) == ",")
            && word(doc, end + 1).is_some_and(|_| matches!(doc.folded(end + 1), "a" | "an" | "the" | "un" | "une" | "le" | "la" | "l'"))
            && (end + 2..end + 5).find(|&k| is_kind(k)).is_some_and(|k| {
                (end + 2..k).all(|j| word(doc, j).is_some_and(|w| !is_capitalised(w)))
                    && doc.tokens.get(k + 1).is_none_or(|t| {
                        let f = doc.folded(k + 1);
                        t.kind() != TokenKind::Word || WordSet::english_function_words().contains_folded(f) || WordSet::french_function_words().contains_folded(f)
                    })
            });
        let full_personal_name = m.tokens.len() >= 2 && first_names.get(doc.tok(start)).is_some();
        if (noun_before || coordinated || apposition) && !full_personal_name {
            m.kind = EntityType::ORG;
            previous_retyped_end = Some(end);
        }
    }
}

/// `According to Crunchbase`, `selon Statista`: a name right after a source preposition is who
/// says something, an organisation when the tagger read a place there, unless it is a known place
/// (`selon Moscou`, the government). So is the one a person `told` (`told Wikinews`, `told
/// the Ledger`), read as a place or as a miscellaneous name.
fn sources_are_no_places(doc: &Doc, places: KnownPlaces, raw: &mut [RawMention]) {
    let told = |k: usize| {
        let k = if k > 0 && doc.folded(k - 1) == "the" { k - 1 } else { k };
        k > 0 && doc.folded(k - 1) == "told"
    };
    // A source list's line, `"Title" — Toronto Star, August 15, 2008`: the name after the
    // dash that follows a quoted title, then a comma and a date, is the publication's, whatever
    // the tagger read (not a pull quote's credit: `« … » — Jennifer Psaki, porte-parole`).
    let publication = |m: &RawMention| {
        let k = m.tokens.start;
        let dated = doc.tokens.get(m.tokens.end).is_some_and(|t| t.text(doc.text) == ",")
            && doc.tokens.get(m.tokens.end + 1).is_some_and(|t| t.kind() == TokenKind::Number || dates::is_calendar_word(doc.folded(m.tokens.end + 1)));
        k >= 2 && matches!(doc.tok(k - 1), "—" | "–") && doc.tokens[k - 2].kind() == TokenKind::QuoteMark && dated
    };
    for m in raw.iter_mut() {
        let source = match m.kind {
            EntityType::LOC => crate::quotes::follows_source_preposition(doc, m.tokens.start) || told(m.tokens.start),
            EntityType::MISC => told(m.tokens.start),
            _ => false,
        };
        if source && !places.contains_tokens(doc, m.tokens.clone()) || publication(m) {
            m.kind = EntityType::ORG;
        }
    }
}

/// `Besancenot, leader du NPA,`: a name with a person's role in apposition after it is a
/// person's, where the tagger read a place or a miscellaneous name, unless it is a known place
/// (organisations keep their type: `Renault, leader du marché`).
fn apposed_roles_make_persons(doc: &Doc, places: KnownPlaces, raw: &mut [RawMention]) {
    let roles = GenderedWords::roles();
    // (Not a name after a preposition, `À Montbrison, le maire …`, `After the Tour de France,
    // the director …`, nor a role whose holder is named next: the role is the next clause's.)
    let preposition = |k: usize| {
        let mut k = k;
        if k > 0 && matches!(doc.folded(k - 1), "le" | "la" | "l'" | "les" | "the") {
            k -= 1;
        }
        k > 0 && matches!(doc.folded(k - 1), "à" | "au" | "aux" | "dans" | "en" | "après" | "avant" | "depuis" | "pour" | "sur" | "de" | "du" | "in" | "at" | "after" | "before" | "from" | "on" | "for" | "since")
    };
    let mut mention_starts = crate::bits::BitSet::new(doc.tokens.len());
    for m in raw.iter() {
        mention_starts.set(m.tokens.start);
    }
    let starts_name = |k: usize| mention_starts.get(k) || word(doc, k).is_some_and(is_capitalised);
    for m in raw.iter_mut().filter(|m| matches!(m.kind, EntityType::LOC | EntityType::MISC)) {
        let sentence_end = doc.sentences[doc.sentence_of_token(m.tokens.start)].tokens().end;
        let Some((role, ..)) = role_after(doc, m.tokens.end, sentence_end, roles) else { continue };
        let head = (role.start..role.end).find(|&k| word(doc, k).is_some_and(|w| roles.get(w).is_some()));
        let holder_follows = head.is_some_and(|h| h + 1 < sentence_end && starts_name(h + 1));
        if !preposition(m.tokens.start) && !holder_follows && !places.contains_tokens(doc, m.tokens.clone()) {
            m.kind = EntityType::PER;
        }
    }
}

/// `Yaw Boakye, a cowpea farmer from Techiman,`: two or three capitalised words the tagger left
/// out, followed by an indefinite description with a person's role in apposition, are a person's
/// name. (Not a sentence-opening function word: `The Doe family, a …`.)
fn persons_described_in_apposition(doc: &Doc, raw: &mut Vec<RawMention>) {
    let roles = GenderedWords::roles();
    let (fr, en) = (WordSet::french_function_words(), WordSet::english_function_words());
    let covered = covered_tokens(doc, raw);
    let capital = |k: usize| word(doc, k).is_some_and(is_capitalised) && !covered.get(k);
    let mut added = Vec::new();
    for (c, t) in doc.tokens.iter().enumerate() {
        if t.text(doc.text) != "," || c < 2 || !matches!(doc.folded(c + 1), "a" | "an" | "un" | "une") {
            continue;
        }
        let described = (c + 2..doc.tokens.len().min(c + 6)).take_while(|&k| word(doc, k).is_some()).any(|k| roles.get(doc.tok(k)).is_some());
        if !described {
            continue;
        }
        let mut start = c;
        while start > 0 && c - start < 3 && capital(start - 1) {
            start -= 1;
        }
        if start > 0 && word(doc, start - 1).is_some_and(is_capitalised) {
            continue; // a longer capitalised run: a title or a name the rules do not know
        }
        let opening_word = fr.contains_folded(doc.folded(start)) || en.contains_folded(doc.folded(start));
        if c - start >= 2 && !opening_word {
            added.push(RawMention { tokens: start..c, kind: EntityType::PER, title_gender: None });
        }
    }
    add_mentions(raw, added);
}

/// `à Genève, en Suisse`: a known place (the curated list, one to three capitalised words)
/// right after a preposition of place, that the tagger left out, is that place.
fn known_places_after_prepositions(doc: &Doc, places: KnownPlaces, raw: &mut Vec<RawMention>) {
    let covered = covered_tokens(doc, raw);
    let capital = |k: usize| word(doc, k).is_some_and(is_capitalised) && !covered.get(k);
    let mut added = Vec::new();
    for k in 1..doc.tokens.len() {
        if !matches!(doc.folded(k - 1), "en" | "à" | "au" | "aux" | "in" | "at" | "near" | "from") || !capital(k) || doc.is_sentence_start(k) {
            continue;
        }
        let mut end = k;
        while end < doc.tokens.len().min(k + 3) && capital(end) {
            end += 1;
        }
        // The whole capitalised run, not a place inside a longer name (`in New Lynn`).
        if word(doc, end).is_some_and(is_capitalised) {
            continue;
        }
        if places.contains_tokens(doc, k..end) {
            added.push(RawMention { tokens: k..end, kind: EntityType::LOC, title_gender: None });
        }
    }
    add_mentions(raw, added);
}

/// A first name of the curated lists (data/names) or of the model's longer one.
fn is_first_name(places: KnownPlaces, w: &str) -> bool {
    GenderedWords::first_names().get(w).is_some() || places.first_name(w)
}

/// Whether token `k` follows a preposition of place (`in`, `at`, `à`, `près`…).
fn after_place_preposition(doc: &Doc, k: usize) -> bool {
    k > 0 && matches!(doc.folded(k - 1), "in" | "at" | "near" | "from" | "à" | "en" | "près" | "dans")
}

/// `in Saratoga Springs, New York`, `University of Arkansas, Fayetteville`: a name right
/// before a comma and a known place, after a preposition of place or after an organisation's
/// name and a comma, is a place (a town, then its state or country), whatever type the tagger
/// gave it; not a person with a known first name.
fn places_before_their_region(doc: &Doc, places: KnownPlaces, raw: &mut [RawMention]) {
    for i in 0..raw.len().saturating_sub(1) {
        let (m, next) = (&raw[i], &raw[i + 1]);
        let region_follows = next.tokens.start == m.tokens.end + 1
            && doc.tok(m.tokens.end) == ","
            && next.kind == EntityType::LOC
            && places.contains_tokens(doc, next.tokens.clone())
            // (Then punctuation or a function word: in `face à Cesson-Rennes, Paris tire profit`,
            // `Paris` is the subject of a clause.)
            && word(doc, next.tokens.end).is_none_or(|_| {
                let f = doc.folded(next.tokens.end);
                // (Not before a list's next item: `Gazprom, Norilsk Nickel, Russia and Belarus`.)
                let list_goes_on = matches!(f, "and" | "or" | "et" | "ou") && word(doc, next.tokens.end + 1).is_some_and(is_capitalised);
                !list_goes_on && (WordSet::english_function_words().contains_folded(f) || WordSet::french_function_words().contains_folded(f))
            });
        // (An organisation the tagger read stays one, `a researcher at Northvolt AB, Sweden`, `une
        // participation dans Severstal, Russie`, unless its name ends as a place's: `in Morgan
        // County, Ohio`.)
        let organisation = m.kind == EntityType::ORG && !WordSet::place_suffixes().contains_folded(doc.folded(m.tokens.end - 1));
        if !region_follows || m.kind == EntityType::LOC || organisation || places.contains_tokens(doc, m.tokens.clone()) {
            continue;
        }
        let start = m.tokens.start;
        let after_preposition = after_place_preposition(doc, start);
        let after_organisation = i > 0 && raw[i - 1].kind == EntityType::ORG && raw[i - 1].tokens.end + 1 == start && doc.tok(start - 1) == ",";
        let first_name = word(doc, start).is_some_and(|w| is_first_name(places, w));
        if (after_preposition || after_organisation) && !first_name {
            raw[i].kind = EntityType::LOC;
        }
    }
}

/// The tokens some mention of `raw` covers.
fn covered_tokens(doc: &Doc, raw: &[RawMention]) -> crate::bits::BitSet {
    let mut covered = crate::bits::BitSet::new(doc.tokens.len());
    for m in raw {
        covered.set_range(m.tokens.clone());
    }
    covered
}

/// Adds mentions the rules found to `raw`, which stays in text order (the later rules walk it
/// with a cursor).
fn add_mentions(raw: &mut Vec<RawMention>, added: Vec<RawMention>) {
    if !added.is_empty() {
        raw.extend(added);
        crate::sort::sort_by_key(raw, |m| m.tokens.start as u64);
    }
}

/// `DENVER (AP) —`, `BRUXELLES –`: words in capitals opening a paragraph before an agency in
/// brackets and a dash, or before a dash alone, are the wire dateline, a place. Mentions the
/// tagger made there become that place when the agency form shows a dateline or the words name
/// a known place (not a rubric: `EXCLUSIF –`); where the tagger made none, a known place is
/// added.
fn datelines_are_places(doc: &Doc, places: KnownPlaces, raw: &mut Vec<RawMention>) {
    // `raw` is in text order, as paragraphs are: one cursor walks it once. Places added at the
    // end start before any later paragraph, so the cursor steps over them.
    let mut cursor = 0;
    let mut previous_paragraph = None;
    for s in &doc.sentences {
        if previous_paragraph == Some(s.paragraph()) {
            continue;
        }
        previous_paragraph = Some(s.paragraph());
        let r = s.tokens();
        let Some(end) = dateline_end(doc, r.clone()) else { continue };
        let place = RawMention { tokens: r.start..end, kind: EntityType::LOC, title_gender: None };
        let known = places.contains_tokens(doc, place.tokens.clone());
        let agency_form = doc.tok(end) == "(";
        while raw.get(cursor).is_some_and(|m| m.tokens.start < r.start) {
            cursor += 1;
        }
        let mut tagged = false;
        for m in raw[cursor..].iter_mut().take_while(|m| (r.start..end).contains(&m.tokens.start)) {
            tagged = true;
            if agency_form || known {
                m.tokens = place.tokens.clone();
                m.kind = EntityType::LOC;
            }
        }
        if !tagged && known {
            // Out of text order, which `cluster` does not need (it sorts mentions itself).
            raw.push(place);
        }
    }
}

/// A dash that closes a dateline (`OTTAWA –`, `DENVER (AP) —`).
fn is_dash(w: &str) -> bool {
    matches!(w, "–" | "—" | "-")
}

/// End of a dateline's place name opening the token range `r` (`DENVER (AP) —`, `BRUXELLES –`):
/// up to four words in capitals, then a dash, or an agency in brackets and a dash.
fn dateline_end(doc: &Doc, r: Range<usize>) -> Option<usize> {
    let is_capitals = |t: usize| {
        let w = doc.tok(t);
        doc.tokens[t].kind() == TokenKind::Word && w.len() > 1 && w.chars().all(|c| c.is_uppercase() || c == '-')
    };
    let end = (r.start..r.end.min(r.start + 4)).find(|&t| !is_capitals(t)).filter(|&e| e > r.start)?;
    let dash_at = |t: usize| t < r.end && is_dash(doc.tok(t));
    let dateline = dash_at(end) || (doc.tok(end) == "(" && doc.tokens.get(end + 2).is_some_and(|t| t.text(doc.text) == ")") && dash_at(end + 3));
    dateline.then_some(end)
}

/// `Gawker.com`, `Scientology.org`: a name ending in a lower-case top-level domain.
fn is_domain_name(w: &str) -> bool {
    let Some((name, tld)) = w.rsplit_once('.') else { return false };
    name.chars().next().is_some_and(char::is_alphabetic) && tld.chars().count() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase())
}

/// A capitalised word alone at the start of a sentence that the text also uses in lower case,
/// or that is an adverb or a calendar word, is no name (`Also`, `Usually`, `Wednesday`, `Eux`).
fn is_sentence_initial_common_word(doc: &Doc, m: &RawMention) -> bool {
    if m.tokens.len() != 1 {
        return false;
    }
    let f = doc.folded(m.tokens.start);
    if dates::is_calendar_word(f) && f != "may" {
        return true;
    }
    let sentence_start = doc.sentences[doc.sentence_of_token(m.tokens.start)].tokens().start;
    let k = m.tokens.start;
    let initial = k == sentence_start || (k == sentence_start + 1 && doc.tokens[sentence_start].kind() != TokenKind::Word) || after_dateline(doc, sentence_start, k);
    initial && (is_common_word(doc, f) || is_participle_with_complement(doc, k) || matches!(f, "il" | "ils" | "elles" | "on" | "à" | "the"))
}

/// `Arrivé à Redon, le ministre …`, `Venu en hélicoptère, …`: a French past participle followed
/// by its complement, which at a sentence start is capitalised but names nobody.
pub(crate) fn is_participle_with_complement(doc: &Doc, k: usize) -> bool {
    let f = doc.folded(k);
    let complement = || matches!(doc.folded(k + 1), "à" | "au" | "aux" | "en" | "sur" | "par" | "dans" | "avec" | "depuis" | "devant" | "chez" | "lors" | "pour");
    // … or alone before a comma (`Interrogés, des proches confient`), unless it is a first
    // name (`René, …`).
    let alone = || {
        doc.tok(k + 1) == ","
            && ["é", "ée", "és", "ées"].iter().any(|e| f.ends_with(e))
            && !is_first_name(KnownPlaces(doc.gazetteer), doc.tok(k))
    };
    doc.language == Language::French
        && ["é", "ée", "és", "ées", "u", "ue", "us", "ues"].iter().any(|e| f.ends_with(e))
        && k + 1 < doc.tokens.len()
        && (complement() || alone())
}

/// Whether the words before token `k` in its sentence are a dateline or a live-blog time closed
/// by a dash (`18 h 40 –`, `OTTAWA –`): `k` opens the sentence proper.
pub(crate) fn after_dateline(doc: &Doc, sentence_start: usize, k: usize) -> bool {
    k > sentence_start + 1
        && k <= sentence_start + 10
        && is_dash(doc.tok(k - 1))
        && (sentence_start..k - 1).all(|t| {
            let w = doc.tok(t);
            doc.tokens[t].kind() != TokenKind::Word || w.starts_with(char::is_uppercase) || w.starts_with(|c: char| c.is_ascii_digit()) || w == "h"
        })
}

/// A folded word that is common vocabulary rather than a name: the text also writes it in
/// lower case, or it is a function word, an `-ly` adverb, a nationality (`Italian`) or a known
/// non-name (`Some`, `Eux`). Shared by the entity filter and the attribution's surname test.
pub(crate) fn is_common_word(doc: &Doc, folded: &str) -> bool {
    doc.writes_in_lower_case(folded)
        || is_demonym(doc, folded)
        || WordSet::french_function_words().contains_folded(folded)
        || WordSet::english_function_words().contains_folded(folded)
        || (folded.ends_with("ly") && folded.chars().count() > 4)
        || WordSet::not_names().contains_folded(folded)
        // (`vingt-deux`, `trente-cinq`: number words joined by hyphens.)
        || folded.contains('-') && folded.split('-').all(|part| WordSet::not_names().contains_folded(part))
}

/// A folded nationality or demonym, singular or plural (`italian`, `bangladeshis`, `russes`).
fn is_demonym(doc: &Doc, folded: &str) -> bool {
    let singular = folded.strip_suffix("es").or_else(|| folded.strip_suffix('s')).unwrap_or(folded);
    doc.is_demonym(folded) || singular != folded && doc.is_demonym(singular)
}

/// Name words of a mention, folded, with hyphenated parts kept whole.
fn name_words(doc: &Doc, tokens: &Range<usize>) -> Vec<String> {
    doc.tokens[tokens.clone()]
        .iter()
        .filter(|t| t.kind() == TokenKind::Word)
        .map(|t| without_abbreviation_dots(fold(t.text(doc.text))))
        .filter(|w| !NAME_CONNECTORS.contains(&w.as_str()))
        .collect()
}

/// `u.s.` → `us`, `u.n.` → `un`: an abbreviation written with dots is the same name as without.
fn without_abbreviation_dots(w: String) -> String {
    let letters: Vec<&str> = w.split('.').filter(|p| !p.is_empty()).collect();
    if letters.len() >= 2 && w.contains('.') && letters.iter().all(|p| p.chars().count() == 1) {
        letters.concat()
    } else {
        w
    }
}

/// Whether name word `a` is the initial of name word `b` (`e`, `emmanuel`).
fn is_initial_of(a: &str, b: &str) -> bool {
    let mut chars = a.chars();
    chars.next().is_some_and(|c| chars.next().is_none() && b.len() > c.len_utf8() && b.starts_with(c))
}

/// Whether two name words are the same word or one typo apart (`Blinken` / `Blinkin`).
pub(crate) fn same_name_word(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Cheap rejections first: this runs for many pairs of words.
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la < 5 || lb < 5 || la.abs_diff(lb) > 1 || a.chars().next() != b.chars().next() {
        return false;
    }
    // (On the stack: this runs for many pairs; a word of over 40 letters is no name.)
    const MAX: usize = 40;
    if la > MAX || lb > MAX {
        return false;
    }
    let (mut ca, mut cb) = (['\0'; MAX], ['\0'; MAX]);
    a.chars().zip(ca.iter_mut()).for_each(|(c, slot)| *slot = c);
    b.chars().zip(cb.iter_mut()).for_each(|(c, slot)| *slot = c);
    edit_distance_at_most_one(&ca[..la], &cb[..lb])
}

fn edit_distance_at_most_one(a: &[char], b: &[char]) -> bool {
    let (a, b) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if b.len() - a.len() > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    // One transposition (`Untied` / `United`).
    if a.len() == b.len() && prefix + 1 < a.len() && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix] && a[prefix + 2..] == b[prefix + 2..] {
        return true;
    }
    if a.len() == b.len() {
        a[prefix + 1.min(a.len() - prefix)..] == b[prefix + 1.min(b.len() - prefix)..]
    } else {
        a[prefix..] == b[prefix + 1..]
    }
}

struct Building {
    kind: EntityType,
    words: Vec<String>,
    name_tokens: Range<usize>,
    gender: Gender,
    mentions: Vec<ByteSpan>,
    type_votes: [usize; 6],
}

fn type_index(t: EntityType) -> usize {
    t as usize
}

/// Merges mentions into clusters: a shorter name whose words all appear (in order, or as the
/// surname) in a longer one of a compatible type joins it; typos one edit apart join too; the
/// same words join whatever their types.
fn cluster(doc: &Doc, places: KnownPlaces, raw: &[RawMention]) -> Vec<EntityCluster> {
    let first_names = GenderedWords::first_names();
    // Longest names first, so that short forms find their full form wherever it appears.
    let mut order: Vec<usize> = (0..raw.len()).collect();
    // Longest first, then the forms with fewer initials (`Emmanuel Macron` names the entity
    // that `E. Macron` joins), then in text order. (A full stop is no word of the length.)
    let key = |m: &RawMention| {
        let dots = doc.tokens[m.tokens.clone()].iter().filter(|t| t.text(doc.text) == ".").count();
        let len = (m.tokens.len() - dots).min(0xFFFF) as u64;
        (0xFFFF - len) << 48 | (dots.min(0xFF) as u64) << 40 | (m.tokens.start as u64 & 0xFF_FFFF_FFFF)
    };
    crate::sort::sort_by_key(&mut order, |&i| key(&raw[i]));
    let mut built: Vec<Building> = Vec::new();
    // Clusters by (first letter, length) of each of their words: a mention is compared only with
    // clusters that have a word it could equal or misspell (linear time over long texts).
    // (Both in one `u64` key: the table type the quote stage uses too, one copy of the hash
    // table's code in the wasm module.)
    let mut by_word_shape: FastHashMap<u64, Vec<usize>> = FastHashMap::default();
    let shape = |w: &str| (w.chars().next().unwrap_or(' '), w.chars().count());
    let shape_key = |c: char, len: usize| u64::from(c) << 32 | len as u64;
    for i in order {
        let m = &raw[i];
        let words = name_words(doc, &m.tokens);
        if words.is_empty() {
            continue;
        }
        let span = doc.tokens[m.tokens.start].start()..doc.tokens[m.tokens.end - 1].end();
        // Every word of a mention must match a word of the cluster it joins, so the clusters
        // that share one of its words are all the candidates: looked up by its last word longer
        // than an initial (a surname, rarer than first names), a long text's many `John`s (or
        // `J.`s) are not each a candidate of every other.
        let Some(key_word) = words.iter().rev().find(|w| w.chars().nth(1).is_some()).or(words.first()) else { continue };
        let (c, n) = shape(key_word);
        let mut candidates: Vec<usize> = [n.saturating_sub(1), n, n + 1].into_iter().filter_map(|len| by_word_shape.get(&shape_key(c, len))).flatten().copied().collect();
        crate::sort::sort_by_key(&mut candidates, |&k| k as u64);
        candidates.dedup();
        // `According to Natarajan` typed ORG after `Priya Natarajan`: a person's surname alone,
        // whatever the tagger made of it (not a place: `Jackson` the city).
        let surname_of = |b: &Building| {
            b.kind == EntityType::PER && matches!(m.kind, EntityType::ORG | EntityType::MISC) && words.len() == 1 && b.words.len() > 1 && b.words.last().is_some_and(|l| *l == words[0])
        };
        // `Corvane's debt` typed PER after `Corvane Systems`: the organisation's possessive, the
        // first word of its name.
        let possessive = m.kind == EntityType::PER && words.len() == 1 && doc.tokens.get(m.tokens.end).is_some() && doc.folded(m.tokens.end) == "'s";
        let owned_by = |b: &Building| possessive && b.kind == EntityType::ORG && b.words.len() > 1 && b.words[0] == words[0];
        let found = candidates.into_iter().filter(|&k| compatible(built[k].kind, m.kind) || surname_of(&built[k]) || owned_by(&built[k]) || words == built[k].words).find(|&k| {
            let b = &built[k];
            let person = m.kind == EntityType::PER && b.kind == EntityType::PER;
            if words == b.words {
                true
            } else if is_place_and_organisation(b.kind, m.kind) {
                // `Leeds` / `Leeds Evening Post`, `Lettonie` / `ministère letton des Affaires
                // étrangères`: a place inside an organisation's name is another entity; only the
                // same words may take both types (metonymy: `Moscou` the city and the government).
                false
            } else if words.len() == 1 && b.words.len() > 1 && b.kind != EntityType::PER && places.contains(&words[0]) {
                // `London` / `Royal London Hospital`: a known place named alone is the place, not
                // a short form of a longer name that contains it.
                false
            } else if words.len() < b.words.len() && b.kind == EntityType::MISC && matches!(m.kind, EntityType::ORG | EntityType::LOC) {
                // `Google` is not the `Google Science Fair` named after it: an organisation or a
                // place is no short form of an event's or a work's name. (A person may be: the
                // tagger often reads an unfamiliar full name as miscellaneous.)
                false
            } else if words.len() < b.words.len() {
                // Every word of the short form matches a word of the long form, in order.
                let mut it = b.words.iter();
                words.iter().all(|w| it.any(|bw| same_name_word(w, bw) || person && is_initial_of(w, bw)))
                    && (b.kind != EntityType::PER
                        || words.len() > 1
                        || same_name_word(&words[0], b.words.last().map_or("", String::as_str))
                        || first_names.get(&words[0]).is_some()
                        // `Ingrid` after `Ingrid Solberg`, a first name the list lacks, tagged a person.
                        || (m.kind == EntityType::PER && words[0] == b.words[0]))
            } else {
                // (`E. Macron` is `Emmanuel Macron`.)
                words.len() == b.words.len() && words.iter().zip(&b.words).all(|(a, c)| same_name_word(a, c) || person && (is_initial_of(a, c) || is_initial_of(c, a)))
            }
        });
        let k = match found {
            Some(k) => k,
            None => {
                for w in &words {
                    let (c, n) = shape(w);
                    let ids = by_word_shape.entry(shape_key(c, n)).or_default();
                    if ids.last() != Some(&built.len()) {
                        ids.push(built.len());
                    }
                }
                built.push(Building {
                    kind: m.kind,
                    words: words.clone(),
                    name_tokens: m.tokens.clone(),
                    gender: Gender::Unknown,
                    mentions: Vec::new(),
                    type_votes: [0; 6],
                });
                built.len() - 1
            }
        };
        let b = &mut built[k];
        b.mentions.push(span);
        b.type_votes[type_index(m.kind)] += m.tokens.len();
        if words == b.words && !compatible(b.kind, m.kind) {
            // The same words read as another type: the entity takes the type most of its
            // mentions have so far, which the next mentions are compared with.
            b.kind = majority_type(&b.type_votes, b.kind);
        }
        if let Some(g) = m.title_gender.filter(|g| *g != Gender::Unknown) {
            b.gender = g;
        }
    }
    built
        .into_iter()
        .map(|mut b| {
            crate::sort::sort_by_key(&mut b.mentions, |m| m.start as u64);
            b.mentions.dedup();
            // One name the tagger read both as a person and as an organisation or place: a
            // single word that is no first name and never had a courtesy title is rather the
            // organisation or place (`Lumora`, a company, said as a person's subject), when at
            // least one mention in five says so (a lone stray tag does not undo a person).
            if b.words.len() == 1 && b.gender == Gender::Unknown && first_names.get(&b.words[0]).is_none() {
                let other = b.type_votes[type_index(EntityType::ORG)] + b.type_votes[type_index(EntityType::LOC)];
                if other > 0 && other * 4 >= b.type_votes[type_index(EntityType::PER)] {
                    b.type_votes[type_index(EntityType::PER)] = 0;
                }
            }
            let mut kind = organisation_by_head(doc, &b.name_tokens, majority_type(&b.type_votes, b.kind));
            // (A name of the curated list of organisations is one, whatever the tagger read: `l'Élysée`
            // as a place, `Human Rights Watch` as a person, `Facebook` as miscellaneous. Not a
            // one-word person (`Dr Roche`), a town the list holds for its club or company (`in
            // Portsmouth`, `à Karlsruhe`), nor a plural read as miscellaneous, which names members
            // rather than their party: `For Republicans, …`.)
            let retype = match kind {
                EntityType::PER => b.words.len() > 1,
                EntityType::LOC => !b.mentions.iter().any(|m| {
                    // (`in`, `dans`; not `at Google`, `à Harvard`.)
                    let k = doc.token_at_or_after(m.start);
                    k > 0 && matches!(doc.folded(k - 1), "in" | "dans")
                }),
                EntityType::MISC => !doc.folded(b.name_tokens.end - 1).ends_with('s'),
                _ => false,
            };
            if retype && places.known_organisation(doc, b.name_tokens.clone()) {
                kind = EntityType::ORG;
            }
            let name = sub(doc.text, doc.tokens[b.name_tokens.start].start()..doc.tokens[b.name_tokens.end - 1].end()).to_string();
            let mut gender = b.gender;
            if gender == Gender::Unknown && kind == EntityType::PER {
                gender = word(doc, b.name_tokens.start).and_then(|w| first_names.get(w)).unwrap_or(Gender::Unknown);
            }
            EntityCluster { kind, name, role: None, role_head: None, gender, mentions: b.mentions }
        })
        .collect()
}

/// `Catholic Church`, `Indonesian Navy`, `Municipality of Livorno`, `Église orthodoxe` tagged as
/// places or persons: a name headed by an organisation word is an organisation. The head is the
/// last word in English order, or the first one before a complement or a lower-case adjective.
fn organisation_by_head(doc: &Doc, name: &Range<usize>, kind: EntityType) -> EntityType {
    if matches!(kind, EntityType::ORG | EntityType::DATE | EntityType::NUMBER) || name.is_empty() {
        return kind;
    }
    let heads = WordSet::organisation_heads();
    let first = doc.tok(name.start);
    // `dans les colonnes du Courier`, `the Senate`: the head word alone, used as a name.
    if name.len() == 1 {
        return if is_capitalised(first) && heads.contains(first) { EntityType::ORG } else { kind };
    }
    let last = doc.tok(name.end - 1);
    let second = doc.tok(name.start + 1);
    // A person the tagger read, with a first name (`Anne Bureau`, `Emily Price Post`) or before
    // a capitalised word (`Post Malone`), is an organisation only by an institution's head
    // (`Ahmed Baba Institute`, `Fondation Lys-Moreau`; data/roles/institutions-of.txt).
    // (Not the institution words that are common surnames too: `Jean Louis Bureau`.)
    let institutions = WordSet::institutions_of();
    let institution_head = |f: &str| institutions.contains_folded(f) && !matches!(f, "bureau" | "court" | "bank" | "office" | "council" | "society");
    if kind == EntityType::PER && GenderedWords::first_names().get(first).is_some() && (name.len() == 2 || !institution_head(doc.folded(name.end - 1))) {
        return kind;
    }
    let head_last = is_capitalised(last) && heads.contains(last);
    let head_first = is_capitalised(first) && heads.contains(first) && (!is_capitalised(second) || kind == EntityType::PER && institution_head(doc.folded(name.start)));
    if head_last || head_first {
        EntityType::ORG
    } else {
        kind
    }
}

fn is_place_and_organisation(a: EntityType, b: EntityType) -> bool {
    matches!((a, b), (EntityType::ORG, EntityType::LOC) | (EntityType::LOC, EntityType::ORG))
}

/// Types that may describe the same referent in one text (the tagger is not always consistent).
fn compatible(a: EntityType, b: EntityType) -> bool {
    use EntityType::*;
    a == b || matches!((a, b), (PER, MISC) | (MISC, PER) | (ORG, MISC) | (MISC, ORG) | (LOC, MISC) | (MISC, LOC) | (ORG, LOC) | (LOC, ORG))
}

fn majority_type(votes: &[usize; 6], fallback: EntityType) -> EntityType {
    use EntityType::*;
    [PER, ORG, LOC, MISC]
        .into_iter()
        .max_by_key(|t| (votes[type_index(*t)], *t == fallback))
        .filter(|t| votes[type_index(*t)] > 0)
        .unwrap_or(fallback)
}

/// The tagger misses some repeats of a name it found elsewhere (`Truss a prédit …` at the start
/// of a sentence): every other capitalised occurrence of a person's surname, or of a one-word
/// name, joins its entity.
fn add_untagged_repeats(doc: &Doc, clusters: &mut [EntityCluster]) {
    let mut covered = vec![false; doc.tokens.len()];
    for c in clusters.iter() {
        for m in &c.mentions {
            (doc.token_at_or_after(m.start)..doc.token_at_or_after(m.end)).for_each(|k| covered[k] = true);
        }
    }
    // (`usize::MAX`: a word two entities share. The table type of the other string-keyed tables.)
    const SHARED: usize = usize::MAX;
    let mut by_word: FastHashMap<String, usize> = FastHashMap::default();
    for (i, c) in clusters.iter().enumerate() {
        if matches!(c.kind, EntityType::DATE | EntityType::NUMBER) {
            continue;
        }
        // Keys: one-word forms used for the entity (`HRW`, `Blinken`), and a person's surname.
        let mut keys: Vec<&str> = c.mentions.iter().map(|m| sub(doc.text, m.clone())).filter(|t| !t.contains(' ')).collect();
        if c.kind == EntityType::PER {
            keys.extend(c.name.split_whitespace().last());
        }
        // Each key once per entity (the distinct forms of a name are few: a list rather than a
        // sort, no sort of strings to compile, nor a hash set's code).
        let mut seen: Vec<&str> = Vec::new();
        keys.retain(|k| {
            let new = !seen.contains(k);
            if new {
                seen.push(k);
            }
            new
        });
        for w in keys.into_iter().filter(|w| w.chars().count() >= 3 && is_capitalised(w)) {
            // A word two entities share (`Le Pen`) is ambiguous: leave it.
            by_word.entry(w.to_string()).and_modify(|e| *e = SHARED).or_insert(i);
        }
    }
    for (k, t) in doc.tokens.iter().enumerate() {
        // Every key is capitalised: other words need no lookup.
        if covered[k] || t.kind() != TokenKind::Word || !is_capitalised(t.text(doc.text)) {
            continue;
        }
        if let Some(i) = by_word.get(t.text(doc.text)).filter(|&&i| i != SHARED) {
            clusters[*i].mentions.push(t.span());
        }
    }
    for c in clusters.iter_mut() {
        crate::sort::sort_by_key(&mut c.mentions, |m| m.start as u64);
    }
}

/// `HRW` = `Human Rights Watch`, `CPI` = `Cour pénale internationale`: an all-capitals name whose
/// letters are the initials of another organisation's words joins it.
fn merge_acronyms(clusters: &mut Vec<EntityCluster>) {
    let (fr, en) = (WordSet::french_function_words(), WordSet::english_function_words());
    let initials: Vec<Option<String>> = clusters
        .iter()
        .map(|c| {
            let words: Vec<String> = c
                .name
                .split(|ch: char| ch.is_whitespace() || ch == '-')
                // `People's Liberation Front` is `PLF`: a possessive adds no initial.
                .map(|w| w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w))
                .flat_map(|w| w.split(['\'', '’']))
                .map(fold)
                .filter(|w| !w.is_empty() && !fr.contains_folded(w) && !en.contains_folded(w) && !NAME_CONNECTORS.contains(&w.as_str()))
                .collect();
            (words.len() >= 2 && c.kind != EntityType::PER).then(|| words.iter().filter_map(|w| w.chars().next()).collect())
        })
        .collect();
    let mut i = 0;
    while i < clusters.len() {
        let name = &clusters[i].name;
        let is_acronym = (2..=6).contains(&name.chars().count()) && name.chars().all(|c| c.is_uppercase());
        let target = is_acronym
            .then(|| fold(name))
            .and_then(|a| {
                // `UK` the country is not `University of Kent`: a place's initials never
                // stand for an organisation, nor the reverse.
                (0..clusters.len()).find(|&j| {
                    j != i && initials[j].as_deref() == Some(a.as_str()) && !is_place_and_organisation(clusters[i].kind, clusters[j].kind)
                })
            });
        if let Some(j) = target {
            let moved = std::mem::take(&mut clusters[i].mentions);
            clusters[j].mentions.extend(moved);
            crate::sort::sort_by_key(&mut clusters[j].mentions, |m| m.start as u64);
            if clusters[j].kind == EntityType::MISC {
                clusters[j].kind = clusters[i].kind;
            }
        }
        i += 1;
    }
    clusters.retain(|c| !c.mentions.is_empty());
}

/// `Liz Truss (@trussliz)`: a handle in brackets after a person joins that person;
/// `Union américaine pour les libertés civiles (ACLU)`: an acronym in brackets joins its expansion.
fn attach_handles_and_acronyms(doc: &Doc, clusters: &mut [EntityCluster]) {
    for c in clusters.iter_mut() {
        let mut extra = Vec::new();
        for m in &c.mentions {
            let k = doc.token_at_or_after(m.end);
            if doc.tokens.get(k).is_some_and(|t| t.text(doc.text) == "(") {
                if let Some(t) = doc.tokens.get(k + 1) {
                    let s = t.text(doc.text);
                    let closes = doc.tokens.get(k + 2).is_some_and(|t| t.text(doc.text) == ")");
                    // Not the agency of a dateline (`DENVER (AP) —`).
                    let acronym = t.kind() == TokenKind::Word
                        && s.chars().count() >= 2
                        && s.chars().all(|ch| ch.is_uppercase() || ch.is_ascii_digit())
                        && c.kind != EntityType::PER
                        && !doc.tokens.get(k + 3).is_some_and(|d| is_dash(d.text(doc.text)));
                    let handle = t.kind() == TokenKind::Handle && s.starts_with('@') && c.kind == EntityType::PER;
                    if closes && (acronym || handle) {
                        extra.push(t.span());
                    }
                }
            }
        }
        if extra.is_empty() {
            continue;
        }
        // Later uses of the acronym or handle elsewhere join too.
        // (The distinct forms are one or two: a list, not a hash set, whose code the wasm
        // module would carry once more for this one use.)
        let mut forms: Vec<&str> = Vec::new();
        for r in &extra {
            let form = sub(doc.text, r.clone());
            if !forms.contains(&form) {
                forms.push(form);
            }
        }
        for t in &doc.tokens {
            if forms.contains(&t.text(doc.text)) {
                extra.push(t.span());
            }
        }
        c.mentions.extend(extra);
        crate::sort::sort_by_key(&mut c.mentions, |m| m.start as u64);
        c.mentions.dedup();
    }
    // An acronym tagged on its own elsewhere is now a duplicate cluster: drop its mentions.
    // (Keyed by both offsets in one `u64`, values `u32`: the table type the tagger uses, one copy
    // of the hash table's code in the wasm module. Inputs are capped at 32 MiB.)
    let key = |m: &ByteSpan| (m.start as u64) << 32 | m.end as u64;
    let mut first_owner: FastHashMap<u64, u32> = FastHashMap::default();
    for (i, c) in clusters.iter().enumerate() {
        for m in &c.mentions {
            first_owner.entry(key(m)).or_insert(i as u32);
        }
    }
    for (i, c) in clusters.iter_mut().enumerate() {
        c.mentions.retain(|m| first_owner.get(&key(m)).is_none_or(|&j| j as usize >= i));
    }
}

/// Determiners that open a role phrase (`le secrétaire d’État`, `the spokesman`).
const ROLE_DETERMINERS: &[&str] = &["le", "la", "l'", "les", "the", "a", "an", "un", "une", "son", "sa", "his", "her", "its", "leur"];

/// Fills `role` from a title or function written beside a person's name: before it
/// (`le secrétaire d’État américain Anthony Blinken`, `Foreign Secretary Liz Truss`,
/// `La ministre …, Liz Truss`) or after it in apposition (`Brandet, le porte-parole du ministère`).
/// Finds each person's role; returns the token ranges of the role phrases it read.
fn find_roles(doc: &Doc, clusters: &mut [EntityCluster]) -> Vec<Range<usize>> {
    let mut phrases = Vec::new();
    let roles = GenderedWords::roles();
    // A role phrase never runs across another person's name.
    let mut in_person = vec![false; doc.tokens.len()];
    for c in clusters.iter().filter(|c| c.kind == EntityType::PER) {
        for m in &c.mentions {
            (doc.token_at_or_after(m.start)..doc.token_at_or_after(m.end)).for_each(|k| in_person[k] = true);
        }
    }
    // `L'ONG Human Rights Watch`, `the Internet security firm Secunia.com`: the noun lets a
    // later `l'ONG` refer to the organisation.
    let org_nouns = WordSet::organisation_nouns();
    for c in clusters.iter_mut().filter(|c| c.kind == EntityType::ORG) {
        for m in &c.mentions {
            let start = doc.token_at_or_after(m.start);
            // (In lower case or an acronym: a title-case noun ends another name, `the Finnish
            // Ice Hockey Association celebrated on Instagram`.)
            let noun = (start.saturating_sub(3)..start).rev().find(|&k| word(doc, k).is_some_and(|w| org_nouns.contains(w) && (!is_capitalised(w) || w.chars().all(char::is_uppercase))));
            if let Some(k) = noun {
                if (k + 1..start).all(|j| word(doc, j).is_some_and(|w| !is_capitalised(w) || j + 1 == start)) || k + 1 == start {
                    c.role_head = Some(doc.folded(k).to_string());
                    break;
                }
            }
        }
    }
    for c in clusters.iter_mut().filter(|c| c.kind == EntityType::PER) {
        for m in c.mentions.clone() {
            let start = doc.token_at_or_after(m.start);
            let end = doc.token_at_or_after(m.end);
            let sent = &doc.sentences[doc.sentence_of_token(start)];
            let found = role_before(doc, start, sent.tokens().start, roles, &in_person).or_else(|| role_after(doc, end, sent.tokens().end, roles));
            if let Some((range, head, gender)) = found {
                let text = sub(doc.text, doc.tokens[range.start].start()..doc.tokens[range.end - 1].end());
                c.role = Some(text.trim_end_matches([',', ' ']).to_string());
                c.role_head = Some(head);
                if c.gender == Gender::Unknown {
                    c.gender = gender;
                }
                phrases.push(range);
                break;
            }
        }
    }
    phrases
}

/// `a partner at Greenrow Farms`, `analyste chez Oddo`: a name right after `at` or `chez` in a
/// person's role phrase is where they work, an organisation, even when the tagger read a place
/// (or a miscellaneous name) there, unless it is a known place (`a teacher at Lyon`).
fn workplaces_are_organisations(doc: &Doc, places: KnownPlaces, clusters: &mut [EntityCluster], role_phrases: &[Range<usize>]) {
    // Tokens that follow another token of the same role phrase (one bit a token, so that the
    // check below stays linear in long documents).
    let mut continues_phrase = crate::bits::BitSet::new(doc.tokens.len());
    for r in role_phrases {
        continues_phrase.set_range(r.start + 1..r.end);
    }
    let at_work = |k: usize| k > 0 && matches!(doc.folded(k - 1), "at" | "chez") && continues_phrase.get(k);
    for c in clusters.iter_mut().filter(|c| matches!(c.kind, EntityType::LOC | EntityType::MISC)) {
        let known_place = c.mentions.iter().any(|m| places.contains(sub(doc.text, m.clone())));
        if !known_place && c.mentions.iter().any(|m| at_work(doc.token_at_or_after(m.start))) {
            c.kind = EntityType::ORG;
        }
    }
}

type RoleHit = (Range<usize>, String, Gender);

fn role_before(doc: &Doc, name_start: usize, sent_start: usize, roles: &GenderedWords, in_person: &[bool]) -> Option<RoleHit> {
    let titles = GenderedWords::titles();
    // Skip a courtesy title and a comma between role and name (`La ministre …, Liz Truss`).
    let mut end = name_start;
    while end > sent_start && word(doc, end - 1).is_some_and(|w| titles.get(w).is_some() && roles.get(w).is_none()) {
        end -= 1;
    }
    if end > sent_start && doc.tok(end - 1) == "," {
        end -= 1;
    }
    let lo = end.saturating_sub(9).max(sent_start);
    // `ministre de l'Économie et des Finances`: a conjunction between two capitalised parts of
    // a portfolio is no clause.
    let in_portfolio = |k: usize| {
        matches!(doc.folded(k), "et" | "and")
            && k > 0
            && is_capitalised(doc.tok(k - 1))
            && k + 1 < doc.tokens.len()
            && (is_capitalised(doc.tok(k + 1)) || matches!(doc.folded(k + 1), "des" | "du" | "de" | "la" | "l'" | "of" | "the"))
    };
    let breaks = |k: usize| {
        matches!(doc.tok(k), "," | "." | ":" | ";" | "«" | "»" | "\"" | "“" | "”" | "(" | ")") || (is_clause_word(doc.tok(k)) && !in_portfolio(k)) || in_person[k]
    };
    // The role noun nearest the name whose phrase runs unbroken up to the name…
    let head = (lo..end).rev().take_while(|&k| !breaks(k)).find(|&k| word(doc, k).is_some_and(|w| roles.get(w).is_some()))?;
    // … extended left over capitalised modifiers (`Foreign Secretary`), or over lower-case ones
    // when a determiner opens them (`the trade envoy`).
    let is_det = |k: usize| ROLE_DETERMINERS.contains(&doc.folded(k));
    let mut from = head;
    // Role words before the head belong to it (`chief executive`, `deputy director`).
    while from > lo && head - from < 2 && word(doc, from - 1).is_some_and(|w| !is_capitalised(w) && roles.get(w).is_some()) && !breaks(from - 1) {
        from -= 1;
    }
    while from > lo && head - from < 3 && word(doc, from - 1).is_some_and(|w| is_capitalised(w) && titles.get(w).is_none()) && !is_det(from - 1) && !breaks(from - 1) {
        from -= 1;
    }
    let mut k = from;
    while k > lo && from - k < 2 && word(doc, k - 1).is_some_and(|w| !is_capitalised(w)) && !is_det(k - 1) && !breaks(k - 1) {
        k -= 1;
    }
    if k < from && k > 0 && is_det(k - 1) {
        from = k;
    }
    let w = doc.tok(head);
    Some((from..end, fold(w), roles.get(w).unwrap_or_default()))
}

/// Auxiliaries and conjunctions that show a role noun is not in apposition to the name.
fn is_clause_word(w: &str) -> bool {
    matches!(fold(w).as_str(), "a" | "est" | "était" | "avait" | "ont" | "sont" | "has" | "is" | "was" | "had" | "have" | "are" | "were" | "que" | "qui" | "that" | "who" | "and" | "et" | "mais" | "but" | "with" | "avec")
}

fn role_after(doc: &Doc, name_end: usize, sent_end: usize, roles: &GenderedWords) -> Option<RoleHit> {
    if name_end >= sent_end || doc.tok(name_end) != "," {
        return None;
    }
    let mut k = name_end + 1;
    if word(doc, k).is_some_and(|_| ROLE_DETERMINERS.contains(&doc.folded(k))) {
        k += 1;
    }
    // Allow one adjective or prefix before the head (`ex-députée`, `former minister`).
    let head = (k..(k + 2).min(sent_end)).find(|&j| word(doc, j).is_some_and(|w| roles.get(w).is_some() || roles.get(w.rsplit('-').next().unwrap_or(w)).is_some()))?;
    let stop = (head..sent_end.min(head + 10)).find(|&j| matches!(doc.tok(j), "," | "." | ";" | ":" | ")" | "«" | "»" | "\"" | "“" | "”"))?;
    let w = doc.tok(head);
    let base = w.rsplit('-').next().unwrap_or(w);
    let gender = roles.get(w).or_else(|| roles.get(base)).unwrap_or_default();
    Some((k..stop, fold(base), gender))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Rules-only clusters (no model): name, type, role, mention texts.
    fn clusters(text: &str) -> Vec<(String, EntityType, Option<String>, Vec<String>)> {
        let doc = doc_with_gazetteer(text);
        find(&doc, None)
            .into_iter()
            .filter(|c| !matches!(c.kind, EntityType::DATE | EntityType::NUMBER))
            .map(|c| (c.name, c.kind, c.role, c.mentions.iter().map(|m| text[m.clone()].to_string()).collect()))
            .collect()
    }

    /// The cluster named `name` among `clusters_from_tags`' or `clusters_from_mentions`' results.
    fn entity<'c>(c: &'c [(String, EntityType, Vec<String>)], name: &str) -> &'c (String, EntityType, Vec<String>) {
        c.iter().find(|e| e.0 == name).unwrap_or_else(|| panic!("{name}: {c:?}"))
    }

    /// The built-in model of `doc`'s language, whose gazetteer holds the places the rules know.
    fn model_for(doc: &Doc) -> Option<&'static ner::Model> {
        static MODELS: std::sync::OnceLock<Vec<ner::Model>> = std::sync::OnceLock::new();
        let models = MODELS.get_or_init(|| ner::BUILTIN_MODELS.iter().filter_map(|b| ner::Model::from_bytes(b).ok()).collect());
        models.iter().find(|m| m.language() == doc.language)
    }

    /// `text` segmented, with the word lists (places, nationalities) of its language's model's
    /// gazetteer, as in an analysis.
    fn doc_with_gazetteer(text: &str) -> Doc<'_> {
        let mut doc = Doc::new(text);
        doc.gazetteer = model_for(&doc);
        doc
    }

    /// The clusters `resolve` makes of tagger mentions: name, type, mention texts.
    fn resolved(text: &str, doc: &Doc, mut raw: Vec<RawMention>) -> Vec<(String, EntityType, Vec<String>)> {
        crate::sort::sort_by_key(&mut raw, |m| m.tokens.start as u64);
        resolve(doc, KnownPlaces(doc.gazetteer), raw)
            .into_iter()
            .filter(|c| !matches!(c.kind, EntityType::DATE | EntityType::NUMBER))
            .map(|c| (c.name, c.kind, c.mentions.iter().map(|m| text[m.clone()].to_string()).collect()))
            .collect()
    }

    /// Clusters from given tagger output: every occurrence of each phrase is a mention of that
    /// type (longer phrases first, so `Leeds` inside `Leeds Evening Post` is not re-tagged).
    fn clusters_from_tags(text: &str, tags: &[(&str, EntityType)]) -> Vec<(String, EntityType, Vec<String>)> {
        let doc = doc_with_gazetteer(text);
        let mut taken = vec![false; text.len()];
        let mut sorted = tags.to_vec();
        sorted.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
        let mut raw = Vec::new();
        for (phrase, kind) in sorted {
            for (at, _) in text.match_indices(phrase) {
                if taken[at..at + phrase.len()].iter().any(|&t| t) {
                    continue;
                }
                taken[at..at + phrase.len()].iter_mut().for_each(|t| *t = true);
                raw.push(RawMention { tokens: doc.token_at_or_after(at)..doc.token_at_or_after(at + phrase.len()), kind, title_gender: None });
            }
        }
        resolved(text, &doc, raw)
    }

    #[test]
    fn a_first_name_or_a_surname_alone_joins_the_full_name() {
        use EntityType::{LOC, ORG, PER};
        let text = "Talia Brennick joined the lab in 2019. According to Brennick, the results hold. Talia later moved to Oslo.";
        let c = clusters_from_tags(text, &[("Talia Brennick", PER), ("Brennick", ORG), ("Talia", PER), ("Oslo", LOC)]);
        let person = c.iter().find(|(name, _, _)| name == "Talia Brennick").expect("person");
        assert_eq!(person.1, PER);
        assert_eq!(person.2, ["Talia Brennick", "Brennick", "Talia"]);
        assert_eq!(c.len(), 2, "{c:?}");
    }

    #[test]
    fn the_tagger_s_missed_persons_and_places_are_added() {
        use EntityType::{LOC, PER};
        // A known place after a preposition of place; a person named with an indefinite
        // apposition holding a role; neither given by the tagger here.
        let c = clusters_from_tags("Les entretiens ont eu lieu mardi à Genève, en Suisse, entre les deux délégations.", &[("Genève", LOC)]);
        assert!(c.iter().any(|e| e.0 == "Suisse" && e.1 == LOC), "{c:?}");
        let c = clusters_from_tags("The fairs run in thirty villages. Kwabena Asante, a cowpea farmer, is one of them.", &[]);
        assert!(c.iter().any(|e| e.0 == "Kwabena Asante" && e.1 == PER), "{c:?}");
        // Not a place inside a longer capitalised name.
        let c = clusters_from_tags("Il vit à Paris Saint-Germain depuis 2019.", &[]);
        assert!(!c.iter().any(|e| e.0 == "Paris"), "{c:?}");
    }

    #[test]
    fn nicknames_and_words_that_name_nobody() {
        use EntityType::{MISC, PER};
        // The tagger's two names around a quoted nickname are one person.
        let c = clusters_from_tags("Mayor Antonio \"Tony\" Lacson toured the district on Monday.", &[("Antonio", PER), ("Tony\" Lacson", PER)]);
        assert!(c.iter().any(|e| e.0 == "Antonio \"Tony\" Lacson" && e.1 == PER), "{c:?}");
        assert_eq!(c.iter().filter(|e| e.1 == PER).count(), 1, "{c:?}");
        // `Irishman` is a nationality, `un Kanak` someone unnamed.
        let c = clusters_from_tags("The coach, an Irishman, spoke first.", &[("Irishman", MISC)]);
        assert!(!c.iter().any(|e| e.0 == "Irishman"), "{c:?}");
        let c = clusters_from_tags("Le suspect, un Kanak de 20 ans, a avoué.", &[("Kanak", PER)]);
        assert!(!c.iter().any(|e| e.0 == "Kanak"), "{c:?}");
        // An adjective made of a name; a participle opening the sentence before a comma.
        let c = clusters_from_tags("Les troupes pro-Assad avancent. Interrogés, des proches se taisent.", &[("pro-Assad", PER), ("Interrogés", PER)]);
        assert!(c.iter().all(|e| e.0 != "pro-Assad" && e.0 != "Interrogés"), "{c:?}");
    }

    #[test]
    fn first_names_before_name_particles() {
        use EntityType::PER;
        // Tagged from the particle, or from the surname after it.
        let c = clusters_from_tags("Siobhán Ní Bhriain said the bill was good.", &[("Ní Bhriain", PER)]);
        assert!(c.iter().any(|e| e.0 == "Siobhán Ní Bhriain"), "{c:?}");
        let c = clusters_from_tags("Later, Pádraig Ó Súilleabháin voted against it.", &[("Súilleabháin", PER)]);
        assert!(c.iter().any(|e| e.0 == "Pádraig Ó Súilleabháin"), "{c:?}");
        // Not a common word before the particle.
        let c = clusters_from_tags("The Ó Súilleabháin amendment failed.", &[("Ó Súilleabháin", PER)]);
        assert!(c.iter().any(|e| e.0 == "Ó Súilleabháin"), "{c:?}");
    }

    /// Clusters from tagger output given occurrence by occurrence: (phrase, its nth occurrence, type).
    fn clusters_from_mentions(text: &str, mentions: &[(&str, usize, EntityType)]) -> Vec<(String, EntityType, Vec<String>)> {
        let doc = doc_with_gazetteer(text);
        let raw: Vec<RawMention> = mentions
            .iter()
            .map(|&(phrase, nth, kind)| {
                let (at, _) = text.match_indices(phrase).nth(nth).expect("occurrence in the text");
                RawMention { tokens: doc.token_at_or_after(at)..doc.token_at_or_after(at + phrase.len()), kind, title_gender: None }
            })
            .collect();
        resolved(text, &doc, raw)
    }

    #[test]
    fn initials_and_known_places_complete_what_the_tagger_cut() {
        use EntityType::{LOC, PER};
        // Leading initials (and the first name before them) join the person; an initial joins
        // the full first name's entity; a known place takes the capitalised word it lost.
        let text = "Writer L. Ron Hubbard founded it. The prize went to Bernard L. Feringa. Later E. Varenne met Emmanuel Varenne's aide in New South Wales.";
        let c = clusters_from_mentions(text, &[("Ron Hubbard", 0, PER), ("Feringa", 0, PER), ("Varenne", 0, PER), ("Emmanuel Varenne", 0, PER), ("South Wales", 0, LOC)]);
        let mut names: Vec<&str> = c.iter().map(|e| e.0.as_str()).collect();
        names.sort_unstable();
        assert_eq!(names, ["Bernard L. Feringa", "Emmanuel Varenne", "L. Ron Hubbard", "New South Wales"], "{c:?}");
        assert_eq!(entity(&c, "Emmanuel Varenne").2, ["E. Varenne", "Emmanuel Varenne"]);
    }

    #[test]
    fn labels_towns_and_surnames_keep_their_type() {
        use EntityType::{LOC, PER};
        // A letter ending the sentence before is no initial; a town the organisation list holds
        // for its club stays a place after `in`; a one-word person stays a person.
        let text = "The train left from platform B. Kowalski was not on board. He was taken to hospital in Portsmouth. Dr Roche said he was well.";
        let c = clusters_from_mentions(text, &[("Kowalski", 0, PER), ("Portsmouth", 0, LOC), ("Roche", 0, PER)]);
        assert_eq!(entity(&c, "Kowalski").2, ["Kowalski"], "{c:?}");
        assert_eq!(entity(&c, "Portsmouth").1, LOC, "{c:?}");
        assert_eq!(entity(&c, "Roche").1, PER, "{c:?}");
    }

    #[test]
    fn a_source_lists_publication_is_an_organisation() {
        use EntityType::{ORG, PER};
        let text = "\"Report found on street\" — Harbour Star, August 15, 2008\n« Nous resterons » — Jeanne Morel, porte-parole";
        let c = clusters_from_mentions(text, &[("Harbour Star", 0, PER), ("Jeanne Morel", 0, PER)]);
        assert_eq!(entity(&c, "Harbour Star").1, ORG, "{c:?}");
        assert_eq!(entity(&c, "Jeanne Morel").1, PER, "a pull quote's credit: {c:?}");
    }

    #[test]
    fn an_organisation_is_no_short_form_of_an_event_named_after_it() {
        use EntityType::{MISC, ORG, PER};
        let text = "Pupils met staff at Google before the Google Science Fair opened. Lin Chia-hui spoke there, and Lin said it went well.";
        let c = clusters_from_mentions(text, &[("Google", 0, ORG), ("Google Science Fair", 0, MISC), ("Lin Chia-hui", 0, MISC), ("Lin", 1, PER)]);
        assert_eq!(entity(&c, "Google").2, ["Google"], "{c:?}");
        // (A person may join a name the tagger read as miscellaneous.)
        assert_eq!(entity(&c, "Lin Chia-hui").2, ["Lin Chia-hui", "Lin"], "{c:?}");
    }

    #[test]
    fn names_of_the_curated_organisation_list_are_organisations() {
        use EntityType::{LOC, MISC, ORG, PER};
        // Whatever the tagger read; a plural read as miscellaneous stays (members, not a party).
        let text = "The Kremlin said on Monday that Human Rights Watch had posted on Facebook what Republicans denied.";
        let c = clusters_from_mentions(text, &[("Kremlin", 0, LOC), ("Human Rights Watch", 0, PER), ("Facebook", 0, MISC), ("Republicans", 0, MISC)]);
        for name in ["Kremlin", "Human Rights Watch", "Facebook"] {
            assert_eq!(entity(&c, name).1, ORG, "{name}: {c:?}");
        }
        assert_eq!(entity(&c, "Republicans").1, MISC);
    }

    #[test]
    fn one_name_read_as_two_types_is_one_entity() {
        use EntityType::{ORG, PER};
        // A company the tagger mostly read as a person (the subject of `unveiled`, `said`): a
        // single word that is no first name goes to the organisation.
        let text = "Velmora unveiled a reader. Velmora said sales rose. Shares of Velmora fell. Velmora hired staff.";
        let c = clusters_from_mentions(text, &[("Velmora", 0, PER), ("Velmora", 1, PER), ("Velmora", 2, ORG), ("Velmora", 3, PER)]);
        assert_eq!(c, [("Velmora".to_string(), ORG, vec!["Velmora".to_string(); 4])]);
        // A full name read once as an organisation: the person most mentions say, whom the
        // surname then joins.
        let text = "Karel Dvorsky backed the plan. Karel Dvorsky spoke. Karel Dvorsky left and Dvorsky won.";
        let c = clusters_from_mentions(
            text,
            &[("Karel Dvorsky", 0, ORG), ("Karel Dvorsky", 1, PER), ("Karel Dvorsky", 2, PER), ("Dvorsky", 3, PER)],
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].1, PER);
        assert_eq!(c[0].2.len(), 4);
        // A lone stray tag does not undo a person named by one word many times.
        let text = "Zelko won. Zelko scored. Zelko left. Zelko ran. Zelko said no. Zelko smiled.";
        let mut tags: Vec<(&str, usize, EntityType)> = (0..6).map(|n| ("Zelko", n, PER)).collect();
        tags[2].2 = ORG;
        assert_eq!(clusters_from_mentions(text, &tags), [("Zelko".to_string(), PER, vec!["Zelko".to_string(); 6])]);
        // The surname alone read as an organisation joins the person without turning it into one.
        let text = "Priya Natarajan spoke. Natarajan said so. Natarajan added. Natarajan left. Natarajan won.";
        let c = clusters_from_mentions(
            text,
            &[("Priya Natarajan", 0, PER), ("Natarajan", 1, ORG), ("Natarajan", 2, ORG), ("Natarajan", 3, ORG), ("Natarajan", 4, PER)],
        );
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!((c[0].1, c[0].2.len()), (PER, 5));
    }

    #[test]
    fn a_source_after_according_to_is_no_place_unless_a_known_one() {
        use EntityType::{LOC, ORG};
        let c = clusters_from_tags(
            "According to Veldata, sales fell. Selon Moscou, rien ne change. The firm left Tarvik.",
            &[("Veldata", LOC), ("Moscou", LOC), ("Tarvik", LOC)],
        );
        let kind = |name: &str| entity(&c, name).1;
        assert_eq!(kind("Veldata"), ORG);
        assert_eq!(kind("Moscou"), LOC, "a known place stays one (the government, by metonymy)");
        assert_eq!(kind("Tarvik"), LOC);
    }

    #[test]
    fn whom_someone_told_is_no_place() {
        use EntityType::{LOC, MISC, ORG};
        let c = clusters_from_tags(
            "Marsh told Wikinews the sales doubled. Lee told the Brenton Ledger the same. He told Paris nothing.",
            &[("Wikinews", MISC), ("Brenton Ledger", LOC), ("Paris", LOC)],
        );
        let kind = |name: &str| entity(&c, name).1;
        assert_eq!(kind("Wikinews"), ORG);
        assert_eq!(kind("Brenton Ledger"), ORG);
        assert_eq!(kind("Paris"), LOC, "a known place stays one");
    }

    #[test]
    fn a_capitalised_french_article_inside_a_sentence_belongs_to_the_name() {
        use EntityType::{LOC, ORG};
        let c = clusters_from_tags("Les dockers de La Ciotat ont voté la grève.", &[("Ciotat", LOC)]);
        assert_eq!(entity(&c, "La Ciotat").2, ["La Ciotat"]);
        // Opening the sentence (here after a dateline), the article is the sentence's.
        let c = clusters_from_tags("BRUXELLES – La Banque nationale a relevé sa prévision.", &[("Banque nationale", ORG)]);
        assert_eq!(entity(&c, "Banque nationale").2, ["Banque nationale"]);
    }

    #[test]
    fn name_particles_join_a_persons_name() {
        use EntityType::{LOC, PER};
        let c = clusters_from_tags(
            "Yves Pozzo di Borgo et Ursula von der Leyen ont parlé avec Martine Aubry de Lille.",
            &[("Yves Pozzo", PER), ("Borgo", LOC), ("Ursula", LOC), ("Martine Aubry", PER), ("Lille", LOC)],
        );
        assert_eq!(entity(&c, "Yves Pozzo di Borgo").1, PER);
        assert_eq!(entity(&c, "Ursula von der Leyen").1, PER, "a known first name before particles");
        assert!(c.iter().all(|e| e.0 != "Borgo"));
        assert_eq!(entity(&c, "Lille").1, LOC, "French `de` also joins a person to a place");
    }

    #[test]
    fn french_streets_and_schools_keep_their_noun() {
        use EntityType::{LOC, ORG, PER};
        let c = clusters_from_tags(
            "Les élèves du lycée Jacques-Monod ont défilé de la rue du Landy à la place de l'Opéra. Il prend la place de Paul Roux.",
            &[("Jacques-Monod", PER), ("Landy", LOC), ("Opéra", ORG), ("Paul Roux", PER)],
        );
        assert_eq!(entity(&c, "lycée Jacques-Monod").1, ORG);
        assert_eq!(entity(&c, "rue du Landy").1, LOC);
        assert_eq!(entity(&c, "place de l'Opéra").1, LOC);
        assert_eq!(entity(&c, "Paul Roux").1, PER, "a person's place is his position");
    }

    #[test]
    fn a_known_place_takes_the_words_the_tagger_left_out() {
        let c = clusters_from_tags("Les Émirats arabes unis ont promis une aide.", &[("Émirats", EntityType::ORG)]);
        assert_eq!(entity(&c, "Émirats arabes unis").1, EntityType::LOC);
    }

    #[test]
    fn counties_are_places() {
        use EntityType::{LOC, MISC, ORG, PER};
        let c = clusters_from_tags(
            "Officials in Mifflin County and Juniata County agreed. Hale Township voted. The Supreme Court of Westbrook County ruled. Derby County signed him. Sam Parish, a lawyer, spoke.",
            &[("Mifflin County and Juniata County", ORG), ("Hale Township", MISC), ("Supreme Court of Westbrook County", ORG), ("Derby County", ORG), ("Sam Parish", PER)],
        );
        assert_eq!(entity(&c, "Mifflin County").1, LOC);
        assert_eq!(entity(&c, "Juniata County").1, LOC);
        assert_eq!(entity(&c, "Hale Township").1, LOC);
        assert_eq!(entity(&c, "Supreme Court of Westbrook County").1, ORG);
        assert_eq!(entity(&c, "Derby County").1, ORG, "the club");
        assert_eq!(entity(&c, "Sam Parish").1, PER);
    }

    #[test]
    fn institutions_of_join_acronyms_are_no_persons_and_directions_are_adjectives() {
        use EntityType::{LOC, MISC, ORG, PER};
        let c = clusters_from_tags(
            "The Uzbek Ministry of Foreign Affairs thanked the University of Toronto and Kia Motor Corp of South Korea. The secret police, the PIDE, watched Amélia dos Reis. Central Asian states agreed.",
            &[
                ("Uzbek Ministry", ORG),
                ("Foreign Affairs", ORG),
                ("University", ORG),
                ("Toronto", LOC),
                ("Kia Motor Corp", ORG),
                ("South Korea", LOC),
                ("PIDE", PER),
                ("Amélia dos Reis", ORG),
                ("Central Asian", MISC),
            ],
        );
        assert_eq!(entity(&c, "Uzbek Ministry of Foreign Affairs").1, ORG);
        assert_eq!(entity(&c, "University of Toronto").1, ORG);
        assert_eq!(entity(&c, "South Korea").1, LOC, "a company's country is no part of its name");
        assert_eq!(entity(&c, "PIDE").1, ORG);
        assert_eq!(entity(&c, "Amélia dos Reis").1, PER);
        assert!(c.iter().all(|e| e.0 != "Central Asian"));
    }

    #[test]
    fn saint_is_part_of_a_name_not_a_title() {
        let c = clusters_from_tags("The prize was awarded in St. Louis and in Saint-Étienne.", &[("St. Louis", EntityType::LOC), ("Saint-Étienne", EntityType::LOC)]);
        assert_eq!(entity(&c, "St. Louis").2, ["St. Louis"]);
        assert_eq!(entity(&c, "Saint-Étienne").2, ["Saint-Étienne"]);
    }

    #[test]
    fn a_wire_dateline_is_a_place() {
        use EntityType::{LOC, MISC, ORG, PER};
        // Tagged as a person, with the agency in brackets after it: the place, and the agency
        // its own entity (also when the place starts with the agency's letter).
        for (text, place) in [
            ("Storm hits the coast\nDENVER (AP) — The mayor spoke. AP learned more.", "DENVER"),
            ("Storm hits the coast\nATLANTA (AP) — The mayor spoke. AP learned more.", "ATLANTA"),
        ] {
            let c = clusters_from_tags(text, &[(place, PER), ("AP", ORG)]);
            assert_eq!(c, [(place.to_string(), LOC, vec![place.to_string()]), ("AP".to_string(), ORG, vec!["AP".to_string(); 2])]);
        }
        // Untagged: a known place is added; capitals that are no place are not, nor retyped
        // when tagged (a rubric), nor is an organisation opening a paragraph with a bracket.
        let c = clusters_from_tags("BRUXELLES – Les prix montent.\nEN DIRECT – La crue monte.", &[]);
        assert_eq!(c, [("BRUXELLES".to_string(), LOC, vec!["BRUXELLES".to_string()])]);
        let c = clusters_from_tags("EXCLUSIF – La crue monte.\nUNICEF (UN) said no.", &[("EXCLUSIF", MISC), ("UNICEF", ORG)]);
        assert_eq!(c.iter().map(|e| e.1).collect::<Vec<_>>(), [MISC, ORG], "{c:?}");
        // A place's own acronym in brackets still joins it.
        let c = clusters_from_tags("Les Émirats arabes unis (EAU) votent. Les EAU refusent.", &[("Émirats arabes unis", LOC)]);
        assert_eq!(c[0].2, ["Émirats arabes unis", "EAU", "EAU"]);
    }

    #[test]
    fn a_place_named_inside_an_organisation_is_its_own_entity() {
        use EntityType::{LOC, ORG};
        let c = clusters_from_tags(
            "The Oslo Daily Courier reported that Oslo will vote. An Albanian Navy ship left Albania. Researchers at the University of Bergen (UB) and in the US met. The U.S. agreed.",
            &[("Oslo Daily Courier", ORG), ("Oslo", LOC), ("Albanian Navy", ORG), ("Albania", LOC), ("University of Bergen", ORG), ("UB", ORG), ("US", LOC), ("U.S.", LOC)],
        );
        let find = |name: &str| entity(&c, name);
        assert_eq!(find("Oslo").2, ["Oslo"]);
        assert_eq!(find("Oslo").1, LOC);
        assert_eq!(find("Oslo Daily Courier").2, ["Oslo Daily Courier"]);
        assert_eq!(find("Albania").2, ["Albania"], "no typo join across types");
        assert_eq!(find("University of Bergen").2, ["University of Bergen", "UB"]);
        // `US` is not the initials of `University of Bergen`'s words; `U.S.` is `US`.
        assert_eq!(find("US").2, ["US", "U.S."]);
        assert_eq!(find("US").1, LOC);
    }

    #[test]
    fn a_function_between_an_organisation_and_a_person_is_cut_off() {
        let c = clusters_from_tags(
            "The Harbour Authority hired staff. Harbour Authority Spokesperson Nadia Berg said no. \
             Tom Lund, the Harbour Authority Director, agreed. Attorney General Paul Aho left.",
            &[("Harbour Authority Spokesperson", EntityType::ORG), ("Harbour Authority Director", EntityType::ORG), ("Harbour Authority", EntityType::ORG), ("Attorney General", EntityType::ORG)],
        );
        let authority = c.iter().find(|e| e.0 == "Harbour Authority").unwrap_or_else(|| panic!("{c:?}"));
        assert_eq!(authority.2, ["Harbour Authority", "Harbour Authority", "Harbour Authority"]);
        assert!(c.iter().any(|e| e.0 == "Attorney General"), "a title alone stays whole: {c:?}");
    }

    #[test]
    fn a_kind_of_organisation_beside_a_name_makes_it_an_organisation() {
        use EntityType::{LOC, ORG, PER};
        let c = clusters_from_tags(
            "Parents chose the private schools San Marco and Loreto in Pisa. Villa Verde, a public hospital in Lucca, \
             was full. Le quotidien Lorient publie. Les clubs Brest et Vannes jouent. The band member Tom Lee left, \
             as did Moss, a hospital porter.",
            &[("San Marco", PER), ("Loreto", LOC), ("Pisa", LOC), ("Villa Verde", LOC), ("Lucca", LOC), ("Lorient", LOC), ("Brest", LOC), ("Vannes", LOC), ("Tom Lee", PER), ("Moss", PER)],
        );
        let kind = |name: &str| entity(&c, name).1;
        for name in ["San Marco", "Loreto", "Villa Verde", "Lorient", "Brest", "Vannes"] {
            assert_eq!(kind(name), ORG, "{name}");
        }
        for (name, k) in [("Pisa", LOC), ("Lucca", LOC), ("Tom Lee", PER), ("Moss", PER)] {
            assert_eq!(kind(name), k, "{name}");
        }
    }

    /// An acronym kind (`l'ONG`, `the NGO`) types the name after it, and is cut off a name the
    /// tagger ran over it.
    #[test]
    fn an_acronym_kind_types_the_name_and_is_no_part_of_it() {
        use EntityType::{ORG, PER};
        let c = clusters_from_tags("L'ONG Terre Claire a protesté. The NGO Blue Harbor Fund agreed.", &[("Terre Claire", PER), ("NGO Blue Harbor Fund", PER)]);
        assert!(c.iter().any(|e| e.0 == "Terre Claire" && e.1 == ORG), "{c:?}");
        assert!(c.iter().any(|e| e.0 == "Blue Harbor Fund" && e.1 == ORG), "{c:?}");
    }

    /// A comma ends the kind noun's reach, and a person followed by a verb is the subject of a
    /// relative clause on the noun, not its name.
    #[test]
    fn a_kind_noun_does_not_retype_a_person_after_a_comma_or_acting() {
        use EntityType::{ORG, PER};
        let c = clusters_from_tags(
            "Selon le quotidien Le Matin, Girard a refusé. The company Hale bought last year is closing.",
            &[("Le Matin", ORG), ("Girard", PER), ("Hale", PER)],
        );
        let kind = |name: &str| entity(&c, name).1;
        assert_eq!(kind("Le Matin"), ORG);
        assert_eq!(kind("Girard"), PER);
        assert_eq!(kind("Hale"), PER);
    }

    #[test]
    fn organisation_words_after_a_name_or_alone_make_an_organisation() {
        use EntityType::{LOC, ORG};
        let c = clusters_from_tags(
            "The Tasmania Herald reported from Kansas City and Cape Town. Le Tribune a publié. Tasmania voted.",
            &[("Tasmania", LOC), ("Kansas City", LOC), ("Cape Town", LOC), ("Tribune", LOC)],
        );
        let kind = |name: &str| entity(&c, name).1;
        assert_eq!(kind("Tasmania Herald"), ORG);
        assert_eq!(kind("Tasmania"), LOC);
        assert_eq!(kind("Tribune"), ORG);
        assert_eq!(kind("Kansas City"), LOC, "City heads places too");
        assert_eq!(kind("Cape Town"), LOC);
    }

    #[test]
    fn a_title_opened_by_the_inside_a_sentence_keeps_its_and() {
        use EntityType::{LOC, ORG};
        let c = clusters_from_tags(
            "She writes for The Star and Lantern every week. Ben read of The Crow and Anchor too. Then Spain and Portugal met.",
            &[("The Star", LOC), ("Lantern", LOC), ("Crow", LOC), ("Anchor", LOC), ("Spain", LOC), ("Portugal", LOC)],
        );
        let names: Vec<(&str, EntityType)> = c.iter().map(|e| (e.0.as_str(), e.1)).collect();
        assert_eq!(names, [("Star and Lantern", ORG), ("Crow and Anchor", ORG), ("Spain", LOC), ("Portugal", LOC)]);
    }

    /// A name after `at` or `chez` in someone's role phrase is their workplace; a known place stays one.
    #[test]
    fn a_workplace_in_a_role_is_an_organisation() {
        use EntityType::{LOC, MISC, PER};
        let c = clusters_from_tags(
            "The plan works, said Dana Brooks, a partner at Greenrow Farms. Eli Park, a teacher at Lyon, agreed. \
             Paul Girard, analyste chez Oddo Partners, doute. Greenrow Farms sits near Lyon.",
            &[("Dana Brooks", PER), ("Greenrow Farms", LOC), ("Eli Park", PER), ("Lyon", LOC), ("Paul Girard", PER), ("Oddo Partners", MISC)],
        );
        let kind = |name: &str| entity(&c, name).1;
        assert_eq!(kind("Greenrow Farms"), EntityType::ORG);
        assert_eq!(kind("Oddo Partners"), EntityType::ORG);
        assert_eq!(kind("Lyon"), LOC);
    }

    /// An office holder's portfolio is no organisation; the ministry itself and places are.
    #[test]
    fn a_portfolio_is_part_of_the_role() {
        use EntityType::{LOC, ORG};
        let c = clusters_from_tags(
            "La ministre des Transports a parlé. Le ministère de l'Intérieur a répondu. The Minister for Health and the Secretary of State for Scotland met.",
            &[("Transports", ORG), ("ministère de l'Intérieur", ORG), ("Health", ORG), ("Scotland", LOC)],
        );
        let names: Vec<&str> = c.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(names, ["ministère de l'Intérieur", "Scotland"], "{c:?}");
    }

    /// A known place named alone stays the place, apart from a longer name containing it.
    #[test]
    fn a_place_alone_is_not_a_short_form_of_a_longer_name() {
        use EntityType::LOC;
        let c = clusters_from_tags("Staff at the Royal London Hospital met. Reporters in London waited.", &[("Royal London Hospital", LOC), ("London", LOC)]);
        let names: Vec<&str> = c.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(names, ["Royal London Hospital", "London"], "{c:?}");
    }

    /// A headline's last name does not run into the next paragraph's first word.
    #[test]
    fn organisation_words_stay_in_their_sentence() {
        use EntityType::LOC;
        let c = clusters_from_tags("Floods hit Queensland\n\nPolice ordered hundreds to leave.", &[("Queensland", LOC)]);
        assert_eq!(c.iter().map(|e| (e.0.as_str(), e.1)).collect::<Vec<_>>(), [("Queensland", LOC)]);
    }

    /// Two names after all: a known place, or a second word the text names on its own again.
    #[test]
    fn a_title_does_not_swallow_a_place_or_a_name_used_alone() {
        use EntityType::{LOC, ORG};
        let c = clusters_from_tags(
            "He told The Herald and Nordwire on Monday. Nordwire ran it first. Talks in The Valley and Geneva went on.",
            &[("Herald", ORG), ("Nordwire", ORG), ("Valley", LOC), ("Geneva", LOC)],
        );
        let names: Vec<&str> = c.iter().map(|e| e.0.as_str()).collect();
        assert!(names.contains(&"Herald") && names.contains(&"Nordwire") && names.contains(&"Geneva"), "{c:?}");
        assert!(!names.iter().any(|n| n.contains(" and ")), "{c:?}");
    }

    #[test]
    fn nationalities_are_common_words() {
        let doc = doc_with_gazetteer("Italian farmers met Canadians in the town hall, and they talked about the weather with the mayor.");
        for w in ["italian", "canadians", "also"] {
            assert!(is_common_word(&doc, w), "{w}");
        }
        assert!(!is_common_word(&doc, "rossi"));
    }

    #[test]
    fn one_entity_per_person_across_forms_titles_and_typos() {
        let c = clusters("Le secrétaire d’État américain Anthony Blinken est arrivé. Selon M. Blinken, tout va bien. Hier, Blinkin a ajouté un mot.");
        let blinken: Vec<_> = c.iter().filter(|e| e.0 == "Anthony Blinken").collect();
        assert_eq!(blinken.len(), 1, "{c:?}");
        assert_eq!(blinken[0].1, EntityType::PER);
        assert_eq!(blinken[0].2.as_deref(), Some("secrétaire d’État américain"));
        assert_eq!(blinken[0].3, ["Anthony Blinken", "Blinken", "Blinkin"]);
        assert!(!c.iter().any(|e| e.0.contains("M.")), "titles are not part of names: {c:?}");
    }

    /// Titles written out in full (`Monsieur`, `Madame`, `Mister`) are titles like `M.`, `Mme`.
    #[test]
    fn titles_written_out_are_no_part_of_names() {
        use EntityType::PER;
        let c = clusters_from_tags(
            "Denis Carvin a ouvert la séance. Monsieur Carvin a remercié Madame Oudry. Lise Oudry a répondu. Mister Dale met Tom Dale.",
            &[("Denis Carvin", PER), ("Monsieur Carvin", PER), ("Madame Oudry", PER), ("Lise Oudry", PER), ("Mister Dale", PER), ("Tom Dale", PER)],
        );
        let names: Vec<&str> = c.iter().map(|e| e.0.as_str()).collect();
        assert_eq!(names, ["Denis Carvin", "Lise Oudry", "Tom Dale"], "{c:?}");
    }

    #[test]
    fn english_roles_before_and_after_names() {
        let c = clusters("Talks began as Foreign Secretary Liz Truss met Ben Wallace, the defence secretary, in Sydney.");
        let truss = c.iter().find(|e| e.0 == "Liz Truss").expect("Liz Truss");
        assert_eq!(truss.2.as_deref(), Some("Foreign Secretary"));
        let wallace = c.iter().find(|e| e.0 == "Ben Wallace").expect("Ben Wallace");
        assert_eq!(wallace.2.as_deref(), Some("defence secretary"));
        let c = clusters("The bank said its chief executive Anna Berg would stay until the spring.");
        let berg = c.iter().find(|e| e.0 == "Anna Berg").expect("Anna Berg");
        assert_eq!(berg.2.as_deref(), Some("chief executive"), "{c:?}");
    }

    #[test]
    fn acronyms_and_handles_join_their_entity() {
        let c = clusters("L'ONG Human Rights Watch a publié un rapport. Pour HRW, la situation empire. On a vu Liz Truss (@trussliz) partir.");
        let hrw = c.iter().find(|e| e.0 == "Human Rights Watch").expect("HRW cluster");
        assert!(hrw.3.contains(&"HRW".to_string()), "{c:?}");
        let tagged = clusters_from_tags(
            "Later the Sailors' Rescue Guild and the Farmer's Seed Bank joined. The SRG and FSB agreed.",
            &[("Sailors' Rescue Guild", EntityType::ORG), ("Farmer's Seed Bank", EntityType::ORG), ("SRG", EntityType::ORG), ("FSB", EntityType::ORG)],
        );
        assert_eq!(tagged.len(), 2, "a possessive adds no initial: {tagged:?}");
        let truss = c.iter().find(|e| e.0 == "Liz Truss").expect("Truss");
        assert!(truss.3.contains(&"@trussliz".to_string()), "{c:?}");
    }

    #[test]
    fn an_opening_participle_after_a_time_or_a_dateline_is_no_name() {
        use EntityType::{LOC, PER};
        let text = "18 h 40 – Arrivé à Quimper, le ministre a promis des renforts. Venue en train, la maire a visité le quartier. Le ministre a salué Renaud Le Goff.";
        let c = clusters_from_tags(text, &[("Arrivé", PER), ("Venue", PER), ("Quimper", LOC), ("Renaud Le Goff", PER)]);
        assert!(c.iter().all(|e| !matches!(e.0.as_str(), "Arrivé" | "Venue")), "{c:?}");
        assert!(c.iter().any(|e| e.0 == "Renaud Le Goff"), "{c:?}");
    }

    #[test]
    fn sentence_initial_common_words_are_not_names() {
        let c = clusters("Also, the market fell. Usually prices rise. Nous avons vu Marie Curie. Nous partons.");
        assert!(c.iter().all(|e| !matches!(e.0.as_str(), "Also" | "Usually" | "Nous")), "{c:?}");
    }

    #[test]
    fn names_headed_by_an_organisation_word_are_organisations() {
        let c = clusters("Yesterday the Catholic Church and the Municipality of Livorno met in Rome.");
        for name in ["Catholic Church", "Municipality of Livorno"] {
            let e = c.iter().find(|e| e.0 == name).unwrap_or_else(|| panic!("{name}: {c:?}"));
            assert_eq!(e.1, EntityType::ORG, "{name}");
        }
    }

    #[test]
    fn nationalities_numerals_postnominals_and_place_complements_are_trimmed() {
        let c = clusters("Researchers at Colorado State University of the US met Bangladeshis and Mark Tedeschi, QC, during part XVII of the talks.");
        let names: Vec<&str> = c.iter().map(|e| e.0.as_str()).collect();
        assert!(names.contains(&"Colorado State University"), "{c:?}");
        assert!(!names.iter().any(|n| matches!(*n, "Bangladeshis" | "QC" | "XVII")), "{c:?}");
        let csu = c.iter().find(|e| e.0 == "Colorado State University").expect("CSU");
        assert_eq!(csu.1, EntityType::ORG);
    }

    /// A sentence-opening preposition is no part of the name after it, with the tagger's spans
    /// or without a model.
    #[test]
    fn an_opening_preposition_is_no_part_of_a_name() {
        use EntityType::{LOC, ORG};
        let text = "Contre Grenoble, le club a souffert. Despite Harlow Mills, the town grew.";
        let tagged = clusters_from_tags(text, &[("Contre Grenoble", LOC), ("Despite Harlow Mills", ORG)]);
        let mut names: Vec<&str> = tagged.iter().map(|e| e.0.as_str()).collect();
        names.sort_unstable();
        assert_eq!(names, ["Grenoble", "Harlow Mills"], "{tagged:?}");
        let rules = clusters(text);
        assert!(rules.iter().all(|e| !e.0.starts_with("Contre") && !e.0.starts_with("Despite")), "{rules:?}");
    }

    /// An organisation's possessive typed as a person (`Corvane's`) joins the organisation whose
    /// name it opens.
    #[test]
    fn an_organisations_possessive_is_no_person() {
        use EntityType::{ORG, PER};
        let c = clusters_from_tags("Corvane Systems cut jobs. Analysts said Corvane's debt was high.", &[("Corvane Systems", ORG), ("Corvane", PER)]);
        assert_eq!(c.len(), 1, "{c:?}");
        assert_eq!(c[0].2.len(), 2, "{c:?}");
    }

    /// A kind of company before a name types it (`the start-up Lumora`), and an abbreviated
    /// title is a role (`Sen. Ann Cole`).
    #[test]
    fn company_kinds_and_abbreviated_titles() {
        let c = clusters_from_tags(
            "The Berlin start-up Nordvale said on Monday that it had hired Sen. Ann Cole.",
            &[("Nordvale", EntityType::PER), ("Ann Cole", EntityType::PER), ("Berlin", EntityType::LOC)],
        );
        assert!(c.iter().any(|e| e.0 == "Nordvale" && e.1 == EntityType::ORG), "{c:?}");
        let roles = clusters("Sen. Ann Cole voted against the bill on Tuesday.");
        assert!(roles.iter().any(|e| e.0 == "Ann Cole" && e.2.as_deref() == Some("Sen.")), "{roles:?}");
    }

}
