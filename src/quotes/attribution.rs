//! Attribution: who said each quote.
//!
//! Without a parser, attribution reads the few tokens around each quote:
//! - after it: `», a déclaré Blinken`, `», a-t-il ajouté`, `", he said`, `", said the spokesman`,
//!   `" - Matthew Ingram`;
//! - before it: the subject of the nearest reporting verb (`X a déclaré que « … »`,
//!   `X, the minister, said: "…"`), read chunk by chunk between commas so that appositions are
//!   skipped, and a coordinated verb (`… et a averti que`) takes its first verb's subject;
//! - `selon X`, `d'après X`, `according to X`; a sentence opening on `Pour X,` / `For X,`;
//! - otherwise the quote continues the previous one (the same paragraph, or a quote paragraph
//!   right after another).
//!
//! Persons coordinated before or after the verb (`Paul et Marie Durand ont écrit`) speak as one
//! group with no single entity; a plural pronoun (`ils`, `eux`, `they`) or the noun of the
//! group's apposition (`Paul et Marie Durand, parents de …` → `les parents`) refers back to it.
//!
//! Speaker words resolve to entities: names directly, pronouns to the latest compatible speaker
//! or person (gender from titles, first names, roles and agreement), role phrases (`le ministre
//! britannique`) to the person holding that role, and anything else (`un témoin`, `the post`)
//! stays an unnamed source with no entity.

use std::ops::Range;

use super::marks::RawQuote;
use super::{kind_of, FoundQuote, FoundSpeaker};
use crate::analysis::EntityType;
use crate::bits::BitSet;
use crate::entities::{same_name_word, EntityCluster};
use crate::hash::FastHashMap;
use crate::lang::Language;
use crate::lexicon::{Cues, Gender, GenderedWords, OrganisationReferences, WordSet};
use crate::pipeline::Doc;
use crate::text::{fold, sub, ByteSpan, TokenKind};

/// Words skipped between a subject and its verb, or between a verb and its inverted subject.
const SKIPPABLE: &[&str] = &[
    "a", "ont", "avait", "avaient", "aurait", "auraient", "va", "vont", "allait", "has", "had", "have", "was", "were", "is",
    "are", "will", "would", "also", "également", "aussi", "then", "ne", "n'", "pas", "lui", "leur", "me", "m'", "l'",
    "y", "en", "se", "s'", "already", "déjà", "encore", "still", "later", "finally", "enfin", "notamment", "ensuite",
    "alors", "however", "cependant", "toutefois", "simply", "simplement", "only", "seulement", "bien", "not", "never",
    "jamais", "pourtant", "néanmoins", "just", "even", "même", "ainsi", "thus", "again", "de", "nouveau", "plutôt",
    "clairement", "clearly", "publicly", "publiquement", "ultérieurement", "fermement", "firmly", "repeatedly", "often",
    "souvent", "quickly", "rapidement", "today", "yesterday", "hier", "aujourd'hui", "tard", "plus", "tôt", "earlier",
    "lui-même", "elle-même", "himself", "herself", "immédiatement", "immediately", "always", "sometimes", "perhaps",
    "toujours", "parfois",
];

/// How far back (in tokens) a pronoun looks for its antecedent.
const PRONOUN_WINDOW_TOKENS: usize = 1500;

/// Pronouns after `selon`, `according to`, `pour`: `selon lui`, `according to her`.
const DISJUNCTIVE_PRONOUNS: &[(&str, Gender)] = &[
    ("lui", Gender::Male),
    ("elle", Gender::Female),
    ("him", Gender::Male),
    ("her", Gender::Female),
];

/// Prepositions whose object is seldom the subject a later pronoun of the sentence stands for.
const OBJECT_PREPOSITIONS: &[&str] = &["with", "at", "to", "against", "toward", "towards", "avec", "contre", "chez", "envers"];

const COORDINATORS: &[&str] = &["et", "and", "mais", "but", "puis", "ou", "or"];

/// Words that go on with a noun phrase after its head (`Federal prosecutors in Manhattan`,
/// `les habitants du quartier`), not with a verb's object.
const PLACE_OR_SOURCE_WORDS: &[&str] = &["in", "at", "from", "of", "outside", "near", "who", "de", "du", "des", "d'", "à", "au", "aux", "en", "dans", "qui"];

/// Words that open a clause of the reporter's own after a quote.
const CLAUSE_OPENERS: &[&str] = &[
    "s'", "si", "if", "que", "qu'", "that", "when", "quand", "lorsque", "lorsqu'", "because", "parce", "car", "et",
    "and", "mais", "but", "où", "which", "qui", "who", "pour", "to", "avant", "before", "après", "after", "while",
    "tandis", "alors", "dont", "sur", "dans", "in", "of", "de", "du", "des", "à", "au", "aux",
];

/// Plural subject pronouns (`ils`, `they`; `eux` opens a narrative infinitive: `Eux de répondre
/// que …`): they refer back to a group of speakers.
const PLURAL_PRONOUNS: &[&str] = &["ils", "elles", "eux", "they"];

/// Verbs after which French `il` is impersonal (`il s'agit de`, `il faut`, `il y a`), so no
/// speaker.
const IMPERSONAL_VERBS: &[&str] = &[
    "s'agit", "s'agissait", "s'agirait", "s'agira", "faut", "fallait", "faudrait", "faudra", "convient", "suffit",
];

/// Verbs whose `il` is impersonal only before `que` (`il semble que`, not `il semblait fatigué`).
const IMPERSONAL_BEFORE_QUE: &[&str] = &["semble", "semblait", "semblerait", "paraît", "parait", "paraissait", "importe", "apparaît", "apparait"];

const SUBJECT_PRONOUNS: &[(&str, Gender)] = &[
    ("il", Gender::Male),
    ("elle", Gender::Female),
    ("he", Gender::Male),
    ("she", Gender::Female),
];

/// Determiners that open a noun phrase naming an unnamed or role-designated source.
pub(super) const DETERMINERS: &[&str] = &[
    "le", "la", "l'", "les", "un", "une", "des", "the", "a", "an", "one", "un", "son", "sa", "ses", "his", "her", "their",
    "its", "leur", "ce", "cette", "this", "that", "another", "un autre", "une autre", "several", "plusieurs",
];

/// Words after which a cue word is a noun, not a verb (`his comments`, `ses annonces`). Not
/// `le`/`la`/`les`/`l'`/`leur`, which are also object pronouns before a verb (`comme le rappelle`).
const NOUN_DETERMINERS: &[&str] = &[
    "'s", "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "un", "une", "des", "ses",
    "son", "sa", "ces", "cette", "cet", "mes", "mon", "ma", "nos", "vos", "notre", "votre",
];

/// Determiners of a phrase that refers back to something already named.
const DEFINITE_DETERMINERS: &[&str] = &["le", "la", "l'", "les", "ce", "cet", "cette", "ces", "the", "this", "that", "these", "those"];

/// Determiners with which a person noun refers back to someone already named (`the Spaniard`,
/// `l'élu`); narrower than [`DEFINITE_DETERMINERS`]: `that` and `these` open clauses and groups.
const ANAPHORIC_DETERMINERS: &[&str] = &["le", "la", "l'", "ce", "cet", "cette", "the", "this"];

/// Determiners of a plural subject naming people the text does not name (`les secours`).
const PLURAL_DETERMINERS: &[&str] = &["les", "des", "ces", "de", "certains", "plusieurs", "nombreux", "some", "many", "several", "these"];

/// Determiners of a source that is one of many, never someone already named (`a police
/// spokesman`, `un de ses proches`, `one investor`).
const INDEFINITE_DETERMINERS: &[&str] = &["un", "une", "one", "a", "an", "another"];

/// `Pour le ministre, …`, `For the union, …`: a sentence-initial preposition naming whose view
/// the sentence reports, when a comma closes its phrase.
const VIEWPOINT_PREPOSITIONS: &[&str] = &["pour", "for"];

const SOURCE_PREPOSITIONS: &[&[&str]] = &[
    &["selon"],
    &["d'", "après"],
    &["d'après"],
    &["aux", "dires", "de"],
    &["according", "to"],
    &["in", "the", "words", "of"],
    &["as", "quoted", "by"],
];

/// Length in tokens of a source preposition (`selon`, `according to`) starting at token `k`.
fn source_preposition_at(doc: &Doc, k: usize) -> Option<usize> {
    SOURCE_PREPOSITIONS.iter().find(|p| k + p.len() <= doc.tokens.len() && p.iter().enumerate().all(|(o, w)| doc.folded(k + o) == *w)).map(|p| p.len())
}

/// Whether the tokens just before token `k` are a source preposition: what follows is someone
/// who says something.
pub(crate) fn follows_source_preposition(doc: &Doc, k: usize) -> bool {
    SOURCE_PREPOSITIONS.iter().any(|p| k >= p.len() && source_preposition_at(doc, k - p.len()) == Some(p.len()))
}

/// A speaker as read from the text, before entity resolution.
#[derive(Debug, Clone)]
enum SpeakerWords {
    /// A mention of a known entity.
    Entity { span: ByteSpan, cluster: usize },
    /// A capitalised name no entity covers (resolved or added as a new person).
    Name { tokens: Range<usize> },
    /// `il`, `elle`, `he`, `she` (the span may be inside a token: `a-t-il`).
    Pronoun { span: ByteSpan, gender: Gender },
    /// `le ministre britannique des Affaires étrangères`, `the spokesman`.
    Role { tokens: Range<usize>, head: String },
    /// `un témoin`, `the post`: a source with no name.
    Unnamed { tokens: Range<usize> },
    /// A name in apposition to a person noun (`the teacher, Ann Lee`): a person, whatever type
    /// the tagger gave it.
    ApposedPerson { span: ByteSpan, cluster: usize },
    /// `ils`, `eux`, `they`: a group of speakers, or an organisation, never a single person.
    PluralPronoun { span: ByteSpan },
    /// Several named persons speaking together (`Paul et Marie Durand`): the words name them
    /// all, and no single entity stands for them.
    Group { tokens: Range<usize> },
}

/// Persons named together by coordination (`Paul et Marie Durand`, `Smith, Jones and Brown`),
/// and the noun of an apposition that describes them (`…, parents d'un élève,` → `parents`).
#[derive(Debug, Clone)]
struct Group {
    tokens: Range<usize>,
    appositive: Option<String>,
}

#[derive(Debug, Clone, Default)]
struct Attribution {
    speaker: Option<FoundSpeaker>,
    cue: Option<ByteSpan>,
}

struct Ctx<'a, 'd> {
    doc: &'a Doc<'d>,
    cues: Vec<&'static Cues>,
    /// The index of the mention covering each token that has one: a map, as most tokens have
    /// none (a per-token table would cost 8 bytes a token, on any text). Read with
    /// [`Ctx::mention_at`].
    /// Keyed by token index (as `u64`: the same table type as the tagger's, one copy of the
    /// hash table's code in the wasm module).
    mention_of_token: FastHashMap<u64, u32>,
    /// Mentions of names: token range and cluster.
    mentions: Vec<(Range<usize>, usize)>,
    /// Tokens inside a kept quote (marks included).
    quoted: BitSet,
    /// Entity type of each cluster.
    kinds: Vec<EntityType>,
    /// Gender of each cluster, as the entity rules found it.
    genders: Vec<Gender>,
    /// Role head noun of each cluster (`ministre`, `ONG`).
    role_heads: Vec<Option<String>>,
    last_speaker: Option<usize>,
    /// Paragraph where `last_speaker` last spoke.
    last_speaker_paragraph: Option<usize>,
    /// Coordinated persons, in text order.
    groups: Vec<Group>,
    /// The group that spoke last, while no single entity has spoken since: what `ils`,
    /// `eux`, `they` refer to.
    last_group: Option<Range<usize>>,
    /// Paragraph where `last_group` last spoke.
    last_group_paragraph: usize,
    /// Paragraph of the sentence that last set `last_speaker` by reported speech.
    reported_in_paragraph: Option<usize>,
    /// Sentence and gender of the last pronoun speaker that stands for nobody the text names
    /// (`Le premier témoin a raconté … « … », a-t-il déclaré`).
    unnamed_spoke_in: Option<(usize, Gender)>,
    /// Per cluster: how many mentions it had and the folded titles written before them
    /// (`gov.`), so that a role noun looks at each cluster's mentions once, not once per quote
    /// (which, on a long text, would grow with the square of its length).
    titles_of: std::cell::RefCell<Vec<(usize, Vec<String>)>>,
}

pub(super) fn attribute(doc: &Doc, clusters: &mut Vec<EntityCluster>, raw: &[RawQuote]) -> Vec<FoundQuote> {
    let cues = match doc.language {
        Language::French => vec![Cues::french()],
        Language::English => vec![Cues::english()],
        Language::Undetermined => vec![Cues::french(), Cues::english()],
    };
    let mut quoted = BitSet::new(doc.tokens.len());
    for q in raw {
        quoted.set_range(doc.token_at_or_after(q.outer.start)..doc.token_at_or_after(q.outer.end));
    }
    let mut ctx = Ctx { doc, cues, mention_of_token: FastHashMap::default(), mentions: Vec::new(), quoted, kinds: Vec::new(), genders: Vec::new(), role_heads: Vec::new(), last_speaker: None, last_speaker_paragraph: None, groups: Vec::new(), last_group: None, last_group_paragraph: 0, reported_in_paragraph: None, unnamed_spoke_in: None, titles_of: Default::default() };
    ctx.index_mentions(clusters);

    let mut out: Vec<FoundQuote> = Vec::with_capacity(raw.len());
    let mut q_next = 0;
    for (s_idx, sentence) in doc.sentences.iter().enumerate() {
        let mut sentence_had_quote = false;
        while q_next < raw.len() && doc.token_at_or_after(raw[q_next].outer.start) < sentence.tokens().end.max(sentence.tokens().start + 1) {
            let q = &raw[q_next];
            let prev = q_next.checked_sub(1).map(|k| (&raw[k], &out[k]));
            let attribution = ctx.attribute_quote(clusters, q, prev);
            if let Some(e) = attribution.speaker.as_ref().and_then(|s| s.entity) {
                ctx.last_speaker = Some(e);
                ctx.last_speaker_paragraph = Some(q.paragraph);
                ctx.last_group = None;
                ctx.unnamed_spoke_in = None;
            }
            let kind = kind_of(doc, q, |w| ctx.is_cue_word(w));
            out.push(FoundQuote { span: q.content.clone(), kind, speaker: attribution.speaker, cue: attribution.cue });
            q_next += 1;
            sentence_had_quote = true;
        }
        if !sentence_had_quote {
            ctx.note_reported_speech(clusters, s_idx);
        }
    }
    // `« A » de sa voiture, « B », selon le parquet`: a quote with no attribution of its own
    // shares that of the next quote in its sentence.
    for k in (0..out.len().saturating_sub(1)).rev() {
        if out[k].speaker.is_none() && out[k + 1].speaker.is_some() && raw[k].paragraph == raw[k + 1].paragraph {
            let between = doc.token_at_or_after(raw[k].outer.end)..doc.token_at_or_after(raw[k + 1].outer.start);
            // (Nor across a sentence the first quote ends: `« … au-delà. » Lee Unkrich a écrit
            // : « … »`.)
            let closes_sentence = sub(doc.text, raw[k].content.clone()).trim_end().ends_with(['.', '!', '?', '…'])
                && between.clone().next().is_some_and(|t| doc.tok(t).starts_with(char::is_uppercase));
            // (Nor a name in quotes: `X, des « Gilets jaunes libres », estime que « … »`.)
            let last = doc.token_at_or_after(raw[k].outer.end).saturating_sub(1);
            let name = ctx.opening_of_quoted_name(last, doc.token_at_or_after(doc.paragraph(raw[k].paragraph).start)).is_some();
            if !closes_sentence && !name && !between.clone().any(|t| matches!(doc.tok(t), "." | "!" | "?" | "…")) {
                out[k].speaker = out[k + 1].speaker.clone();
            }
        }
        // A quote running on over paragraphs (no closing mark) whose speaker is named only at
        // its end, after the paragraph that continues it: `« A.` ¶ `« B », a dit X.`
        if out[k].speaker.is_none() && out[k + 1].speaker.is_some() && raw[k].runs_on && raw[k + 1].paragraph == raw[k].paragraph + 1 && raw[k + 1].outer.start == doc.paragraph(raw[k + 1].paragraph).start {
            out[k].speaker = out[k + 1].speaker.clone();
        }
    }
    // A quote opening a paragraph with no attribution, nor one at the end of the paragraphs it
    // runs on into: the person the paragraph before is about (`Asked why …, Owusu-Mensah pointed
    // to the hybrid maize programmes.` ¶ `"Nobody forced anyone. …` ¶ `"But in a bad year …"`).
    for k in 0..out.len() {
        let continues = k > 0 && raw[k - 1].runs_on && raw[k - 1].paragraph + 1 == raw[k].paragraph;
        if out[k].speaker.is_some() || continues || !ctx.starts_paragraph(&raw[k]) {
            continue;
        }
        let Some(speaker) = ctx.previous_paragraph_subject(clusters, &raw[k]) else { continue };
        out[k].speaker = Some(speaker);
        let mut j = k;
        while raw[j].runs_on && j + 1 < out.len() && raw[j + 1].paragraph == raw[j].paragraph + 1 && out[j + 1].speaker.is_none() {
            out[j + 1].speaker = out[k].speaker.clone();
            j += 1;
        }
    }
    // `Mayor warns of 'a hard winter'` as a headline, attributed later in the body: the same
    // words quoted again are the same quotation, and share its speaker.
    let words: Vec<String> = out.iter().map(|q| fold(sub(doc.text, q.span.clone()).trim_end_matches(['.', ',', '!', '?', ';', ':', ' ']))).collect();
    // (Keyed by the words' hash, checked on use: the table type the entity stage uses too, one
    // copy of the hash table's code in the wasm module.)
    let mut attributed: FastHashMap<u64, Vec<usize>> = FastHashMap::default();
    let key = |w: &str| crate::ner::features::fnv(w.as_bytes());
    for (k, _) in out.iter().enumerate().filter(|(_, q)| q.speaker.is_some()) {
        attributed.entry(key(&words[k])).or_default().push(k);
    }
    for k in 0..out.len() {
        // A word or two (`"genocide"`) is a term anyone may quote, not the same quotation.
        if out[k].speaker.is_some() || words[k].split_whitespace().count() < 3 {
            continue;
        }
        // The nearest attributed quotation of the same words (indices are in text order).
        let Some(same) = attributed.get(&key(&words[k])) else { continue };
        // Outward from `k`'s place, the first of the same words each way (the hash may, very
        // rarely, be another's).
        let at = same.partition_point(|&j| j < k);
        let equal = |&&j: &&usize| words[j] == words[k];
        let before = same[..at].iter().rev().find(equal).copied();
        let after = same[at..].iter().find(equal).copied();
        let nearest = [before, after].into_iter().flatten().min_by_key(|&j| j.abs_diff(k));
        if let Some(j) = nearest {
            out[k].speaker = out[j].speaker.clone();
        }
    }
    // Quotes in text not covered by any sentence (cannot happen with non-empty paragraphs).
    while q_next < raw.len() {
        let q = &raw[q_next];
        out.push(FoundQuote { span: q.content.clone(), kind: kind_of(doc, q, |w| ctx.is_cue_word(w)), speaker: None, cue: None });
        q_next += 1;
    }
    out
}

/// Records mention `id` as covering `tokens`. Token indices fit in `u32`: there are fewer
/// tokens than bytes, and inputs are capped at 32 MiB.
fn cover(mention_of_token: &mut FastHashMap<u64, u32>, tokens: Range<usize>, id: u32) {
    for t in tokens {
        mention_of_token.insert(t as u64, id);
    }
}

impl<'a, 'd> Ctx<'a, 'd> {
    fn index_mentions(&mut self, clusters: &[EntityCluster]) {
        let doc = self.doc;
        self.kinds = clusters.iter().map(|c| c.kind).collect();
        self.genders = clusters.iter().map(|c| c.gender).collect();
        self.role_heads = clusters.iter().map(|c| c.role_head.clone()).collect();
        self.mentions.clear();
        for (c, cl) in clusters.iter().enumerate() {
            if matches!(cl.kind, EntityType::DATE | EntityType::NUMBER) {
                continue;
            }
            for m in &cl.mentions {
                let r = doc.token_at_or_after(m.start)..doc.token_at_or_after(m.end);
                if !r.is_empty() {
                    self.mentions.push((r, c));
                }
            }
        }
        crate::sort::sort_by_key(&mut self.mentions, |(r, _)| r.start as u64);
        self.mention_of_token.clear();
        for (k, (r, _)) in self.mentions.iter().enumerate() {
            cover(&mut self.mention_of_token, r.clone(), k as u32);
        }
        self.groups = self.find_groups();
    }

    /// Persons coordinated by `et`/`and` (after an optional list between commas): `Paul et
    /// Marie Durand`, `Smith, Jones and Brown`. A member may be a lone first name the tagger
    /// left out (`Marc et Julie Lefort`).
    fn find_groups(&self) -> Vec<Group> {
        let mut groups: Vec<Group> = Vec::new();
        for (range, cluster) in &self.mentions {
            let (start, end) = (range.start, range.end);
            if self.cluster_kind(*cluster) != EntityType::PER || self.quoted.get(start) || groups.last().is_some_and(|g| g.tokens.end > start) {
                continue;
            }
            if start < 2 || !matches!(self.folded(start - 1), "et" | "and") {
                continue;
            }
            let Some(mut first) = self.person_ending_at(start - 1) else { continue };
            // `Smith, Jones and Brown`: earlier members listed between commas.
            while first >= 2 && self.tok(first - 1) == "," {
                match self.person_ending_at(first - 1) {
                    Some(s) => first = s,
                    None => break,
                }
            }
            groups.push(Group { tokens: first..end, appositive: self.appositive_noun(end) });
        }
        groups
    }

    /// Start of a person named by the tokens ending at `end`: a person mention, or a lone
    /// capitalised first name.
    fn person_ending_at(&self, end: usize) -> Option<usize> {
        let last = end.checked_sub(1)?;
        match self.mention_at(last) {
            Some(m) => {
                let (range, cluster) = &self.mentions[m as usize];
                (range.end == end && self.cluster_kind(*cluster) == EntityType::PER).then_some(range.start)
            }
            None => (self.is_name_start(last) && GenderedWords::first_names().get(self.tok(last)).is_some()).then_some(last),
        }
    }

    /// The head noun of an apposition right after `at`: `, parents d'un élève,` → `parents`.
    fn appositive_noun(&self, at: usize) -> Option<String> {
        if at + 1 >= self.doc.tokens.len() || self.tok(at) != "," {
            return None;
        }
        let mut k = at + 1;
        if DETERMINERS.contains(&self.folded(k)) {
            k += 1;
        }
        (k < self.doc.tokens.len() && self.is_word(k) && !self.is_name_start(k) && self.cue_at(k, k + 1).is_none()).then(|| self.folded(k).to_string())
    }

    /// The group whose last token is `end - 1`.
    fn group_ending_at(&self, end: usize) -> Option<SpeakerWords> {
        // Groups are in text order and never overlap: found by binary search.
        let g = self.groups.get(self.groups.partition_point(|g| g.tokens.end < end))?;
        (g.tokens.end == end).then(|| SpeakerWords::Group { tokens: g.tokens.clone() })
    }

    /// The group whose first token is `start`.
    fn group_starting_at(&self, start: usize) -> Option<SpeakerWords> {
        let g = self.groups.get(self.groups.partition_point(|g| g.tokens.start < start))?;
        (g.tokens.start == start).then(|| SpeakerWords::Group { tokens: g.tokens.clone() })
    }

    /// Paragraph of the text at byte `at`.
    fn paragraph_at(&self, at: usize) -> usize {
        self.doc.paragraph_of_token(self.doc.token_at_or_after(at).min(self.doc.tokens.len().saturating_sub(1)))
    }

    fn plural_pronoun_at(&self, k: usize) -> Option<SpeakerWords> {
        PLURAL_PRONOUNS.contains(&self.folded(k)).then(|| SpeakerWords::PluralPronoun { span: self.span(k..k + 1) })
    }

    /// `les parents` after `Paul et Marie Durand, parents de …`: the latest group before token
    /// `before` that an apposition described with the same noun.
    fn group_described_by(&self, noun: &str, before: usize) -> Option<Range<usize>> {
        // Only groups named in the last few hundred tokens: older ones are out of reach, and the
        // search stays short on long texts.
        let upto = self.groups.partition_point(|g| g.tokens.end <= before);
        self.groups[..upto].iter().rev().take_while(|g| g.tokens.end + 500 >= before).find(|g| g.appositive.as_deref() == Some(noun)).map(|g| g.tokens.clone())
    }

    /// Records a new mention of cluster `c` (a speaker the tagger missed) in the cluster and in
    /// the token index, without rebuilding the index.
    fn add_mention(&mut self, clusters: &mut [EntityCluster], c: usize, span: ByteSpan) {
        let at = clusters[c].mentions.partition_point(|m| m.start < span.start);
        if clusters[c].mentions.get(at) == Some(&span) {
            return;
        }
        clusters[c].mentions.insert(at, span.clone());
        while self.kinds.len() < clusters.len() {
            let i = self.kinds.len();
            self.kinds.push(clusters[i].kind);
            self.role_heads.push(clusters[i].role_head.clone());
        }
        self.kinds[c] = clusters[c].kind;
        let tokens = self.doc.token_at_or_after(span.start)..self.doc.token_at_or_after(span.end);
        if tokens.clone().any(|t| self.mention_at(t).is_some()) {
            return; // already covered by another mention: keep the tagger's
        }
        let id = self.mentions.len() as u32;
        self.mentions.push((tokens.clone(), c));
        cover(&mut self.mention_of_token, tokens, id);
    }

    /// Index (into `mentions`) of the mention covering token `t`.
    fn mention_at(&self, t: usize) -> Option<u32> {
        self.mention_of_token.get(&(t as u64)).copied()
    }

    fn tok(&self, i: usize) -> &'d str {
        self.doc.tok(i)
    }

    fn folded(&self, i: usize) -> &'a str {
        self.doc.folded(i)
    }

    fn is_word(&self, i: usize) -> bool {
        matches!(self.doc.tokens[i].kind(), TokenKind::Word | TokenKind::Elision)
    }

    fn is_cue_word(&self, folded: &str) -> bool {
        self.cues.iter().any(|c| c.contains_word(folded))
    }

    /// Length in tokens of a reporting verb at `i` (lower-case words only: `Said` is a name).
    fn cue_at(&self, i: usize, end: usize) -> Option<usize> {
        if !self.is_word(i) || self.tok(i).chars().next().is_some_and(char::is_uppercase) && !self.sentence_initial(i) {
            return None;
        }
        let n = self.cue_words_at(i, end)?;
        // After a determiner or a possessive the word is a noun: `Hale's comments`, `ses
        // annonces`, `the claims`. (Checked last: few words are cues, many follow a determiner.)
        // (French `a` is the auxiliary: `a déclaré`.)
        let before = if i > 0 { self.folded(i - 1) } else { "" };
        if NOUN_DETERMINERS.contains(&before) && (before != "a" || self.doc.language == Language::English) {
            return None;
        }
        // Before a plural auxiliary too, the word is a noun, its subject: `Recent reports have
        // revealed`, `ses déclarations ont`.
        if i + n < end && matches!(self.folded(i + n), "have" | "were" | "are" | "ont" | "sont") && self.folded(i).ends_with(['s', 'x']) {
            return None;
        }
        Some(n)
    }

    /// Length in tokens of the cue words at `i`, whatever comes before them.
    fn cue_words_at(&self, i: usize, end: usize) -> Option<usize> {
        let first = self.folded(i);
        if self.cues.iter().any(|c| c.starts_phrase(first)) {
            let words: Vec<&str> = (i..(i + 3).min(end)).map(|k| self.folded(k)).collect();
            if let Some(n) = self.cues.iter().filter_map(|c| c.phrase_len(&words)).max() {
                return Some(n);
            }
        }
        let w = first;
        if self.is_cue_word(w) {
            return Some(1);
        }
        // `a-t-il déclaré`: the inverted form carries the verb; `déclare-t-il`.
        if let Some((verb, _)) = split_inverted(w) {
            if self.is_cue_word(verb) {
                return Some(1);
            }
        }
        None
    }

    fn sentence_initial(&self, i: usize) -> bool {
        self.doc.is_sentence_start(i) || crate::entities::after_dateline(self.doc, self.doc.sentences[self.doc.sentence_of_token(i)].tokens().start, i)
    }

    fn punct(&self, i: usize) -> bool {
        self.doc.tokens[i].kind() == TokenKind::Punct
    }

    /// A quotation mark, also around words not taken as a quote (`le journal juge
    /// « inacceptable »`).
    fn quote_mark(&self, i: usize) -> bool {
        self.doc.tokens[i].kind() == TokenKind::QuoteMark
    }

    fn is_sentence_end(&self, i: usize) -> bool {
        matches!(self.tok(i), "." | "!" | "?" | "…" | "...")
    }

    /// Tokens after a quote's closing mark, up to the end of the sentence or the next quote.
    fn post_region(&self, q: &RawQuote) -> Range<usize> {
        let para_end = self.doc.token_at_or_after(self.doc.paragraph(q.paragraph).end);
        let a = self.doc.token_at_or_after(q.outer.end);
        let mut b = a;
        while b < para_end && !self.quoted.get(b) && b - a < 24 {
            if self.is_sentence_end(b) {
                break;
            }
            b += 1;
        }
        a..b
    }

    /// Tokens before a quote's opening mark, back to the sentence start or the previous quote.
    fn pre_region(&self, q: &RawQuote) -> Range<usize> {
        let para_start = self.doc.token_at_or_after(self.doc.paragraph(q.paragraph).start);
        let b = self.doc.token_at_or_after(q.outer.start);
        // `d'En marche !, faisant allusion …`: `!` or `?` before a comma or a lower-case word
        // ends a name or an aside, not the sentence.
        let ends_sentence = |k: usize| {
            let next = self.doc.tokens.get(k + 1).map_or("", |t| t.text(self.doc.text));
            self.is_sentence_end(k) && !(matches!(self.tok(k), "!" | "?") && (next == "," || next.starts_with(char::is_lowercase)))
        };
        let mut a = b;
        while a > para_start && !ends_sentence(a - 1) && b - a < 60 {
            if self.quoted.get(a - 1) {
                // A name in quotes as a complement (`Benjamin Cauchy, des « Gilets jaunes
                // libres », estime que « … »`) is no quote of its own to stop at.
                match self.opening_of_quoted_name(a - 1, para_start) {
                    Some(open) => a = open,
                    None => break,
                }
            } else {
                a -= 1;
            }
        }
        a..b
    }

    /// The opening mark of the quote ending at token `last`, when the quote is a short name after
    /// `de`/`of` (one to five tokens, the first capitalised, no sentence punctuation).
    fn opening_of_quoted_name(&self, last: usize, floor: usize) -> Option<usize> {
        let open = (floor..=last).rev().take(8).take_while(|&k| self.quoted.get(k)).last()?;
        let words = open + 1..last;
        let short = !words.is_empty() && words.len() <= 5 && self.is_name_start(open + 1) && words.clone().all(|k| !matches!(self.tok(k), "." | "!" | "?" | ","));
        let complement = open > floor && matches!(self.tok(open - 1), "de" | "des" | "du" | "d'" | "of");
        (short && complement && self.quote_mark(open)).then_some(open)
    }

    fn attribute_quote(&mut self, clusters: &mut Vec<EntityCluster>, q: &RawQuote, prev: Option<(&RawQuote, &FoundQuote)>) -> Attribution {
        let post = self.post_region(q);
        let pre = self.pre_region(q);
        let after_previous_quote = pre.start > 0 && self.quoted.get(pre.start - 1) && prev.is_some_and(|(p, _)| p.paragraph == q.paragraph);

        // Words woven into a sentence that the quote closes (`… had ordered a reprint "before
        // the applause had stopped." Sandbar posted …`): what follows is a new sentence.
        let content = sub(self.doc.text, q.content.clone()).trim_end();
        let new_sentence_follows = post.start < post.end && self.is_word(post.start) && self.tok(post.start).starts_with(char::is_uppercase);
        let closes_woven_sentence = content.chars().next().is_some_and(char::is_lowercase) && content.ends_with(['.', '!', '?']) && new_sentence_follows && pre.end > pre.start && !self.sentence_initial(pre.end);
        let mut found = if closes_woven_sentence { None } else { self.read_after(post.clone()) };
        if found.is_none() && self.paragraph_is_quote(q) {
            match self.signature_after(q.paragraph) {
                Some(Some(signed)) => found = Some(signed),
                // Signed by a desk or a service: no one named, and no continuation either.
                Some(None) => return Attribution::default(),
                None => {}
            }
        }
        if found.is_none() {
            found = self.read_before(pre.clone());
        }
        if found.is_none() {
            found = self.read_source_preposition(pre.clone(), pre.end).or_else(|| {
                // After the quote only as its own attribution: `», selon le parquet.`
                let mut a = post.start;
                while a < post.end && matches!(self.tok(a), "," | "(") {
                    a += 1;
                }
                self.read_source_preposition(a..(a + 1).min(post.end), post.end).or_else(|| {
                    // … or as a phrase detached by a comma further on (`a décidé de « … », bien
                    // qu'ayant obtenu gain de cause, selon son porte-parole X.`).
                    // (Named, and within the quote's clause: not past `;`.)
                    let comma = (a..post.end)
                        .take_while(|&c| !matches!(self.tok(c), ";" | ":"))
                        .find(|&c| self.tok(c) == "," && !self.quoted.get(c) && c + 1 < post.end && source_preposition_at(self.doc, c + 1).is_some())?;
                    // (Not past a reporting verb, whose subject spoke: `said one of the
                    // firefighters, according to the BBC`.)
                    if (a..comma).any(|t| self.cue_at(t, post.end).is_some()) {
                        return None;
                    }
                    self.read_source_preposition(comma + 1..comma + 2, post.end)
                        .filter(|(w, _)| matches!(w, SpeakerWords::Entity { .. } | SpeakerWords::Name { .. } | SpeakerWords::ApposedPerson { .. }))
                })
            });
        }
        // `For Apple, the results were "disappointing," analysts said.`: a reporting verb right
        // after the quote (`, X said`) whose subject could not be read still says the view is
        // not the opening phrase's.
        if found.is_none() {
            let from = if post.start < post.end && self.tok(post.start) == "," { post.start + 1 } else { post.start };
            // (Not a verb of a clause of its own: `« … » que le journal estime`.)
            let cue_follows = (from..post.end.min(from + 5))
                .take_while(|&t| !matches!(self.tok(t), "." | ";" | "!" | "?") && !matches!(self.folded(t), "que" | "qu'" | "qui" | "dont" | "that" | "which" | "who"))
                .any(|t| self.cue_at(t, post.end).is_some());
            if !cue_follows {
                found = self.read_viewpoint(pre.clone());
            }
        }
        if found.is_none() && pre.end > pre.start {
            // `le pape François « s'associe … »`: a person or organisation right before the quote.
            if let Some(m) = self.mention_at(pre.end - 1) {
                let (range, cluster) = self.mentions[m as usize].clone();
                // (Not a preposition's object: `prête serment » à l'EI « et …`.)
                let mut before = range.start;
                if before > 0 && matches!(self.folded(before - 1), "le" | "la" | "l'" | "les" | "the") {
                    before -= 1;
                }
                let object = before > 0 && matches!(self.folded(before - 1), "à" | "au" | "aux" | "de" | "du" | "des" | "d'" | "par" | "pour" | "avec" | "contre" | "sur" | "to" | "of" | "by" | "for" | "with" | "against" | "on");
                if matches!(self.cluster_kind(cluster), EntityType::PER | EntityType::ORG) && !object {
                    found = Some((SpeakerWords::Entity { span: self.span(range), cluster }, None));
                }
            }
        }
        // `Herrera was coy on that: "…"`, `la future maire n'a pas reculé : « … »`: a clause
        // with no reporting verb that a colon hands over to the quote; its subject speaks.
        if found.is_none() && pre.end > pre.start + 1 && self.tok(pre.end - 1) == ":" {
            found = self.colon_clause_subject(pre.start..pre.end - 1).map(|words| (words, None));
        }
        // `le candidat du PS, Benoît Hamon, veut « lever toute suspicion »`: no reporting verb,
        // but words woven into a clause whose subject is a person are that person's. Not a
        // capitalised quote, which is a title as often (`Peyo dessine « Le Bébé Schtroumpf »`),
        // nor a role phrase as subject, whose end the clause does not mark.
        let woven = sub(self.doc.text, q.content.clone()).chars().next().is_some_and(char::is_lowercase);
        if found.is_none() && woven && pre.end > pre.start && self.sentence_initial(pre.start) {
            // (An organisation opening the clause too: `Mediapart y voit une « … »`.)
            let organisation = || match self.np_at(pre.start, pre.end) {
                Some(w @ SpeakerWords::Entity { cluster, .. }) if self.cluster_kind(cluster) == EntityType::ORG => Some(w),
                _ => None,
            };
            found = self
                .colon_clause_subject(pre.clone())
                .filter(|w| !matches!(w, SpeakerWords::Role { .. }))
                .or_else(organisation)
                .map(|words| (words, None));
        }
        if let Some((words, cue)) = found {
            // `« A », a-t-il dit, « B »`: B's own reading is the same attribution as A's.
            let speaker = self.resolve(clusters, words, q.outer.start);
            return Attribution { speaker: Some(speaker), cue };
        }
        // No attribution of its own: a continuation of the previous quote…
        if let Some((p, pf)) = prev {
            let same_paragraph = p.paragraph == q.paragraph;
            let quote_paragraph_follows = q.paragraph == p.paragraph + 1 && self.starts_paragraph(q) && (p.runs_on || self.paragraph_is_quote(p) || self.starts_paragraph(p));
            if (same_paragraph || quote_paragraph_follows || after_previous_quote)
                && pf.speaker.is_some() {
                    return Attribution { speaker: pf.speaker.clone(), cue: None };
                }
        }
        // … or of the speaker of the reported speech just before it in the paragraph
        // (`Heald noted the findings show … "An air-quality cleanup …"`) …
        // (or at the end of the paragraph before one the quote opens: `Il poursuit en
        // expliquant qu'il …` ¶ `« Artifact est le premier … »`) …
        let reported_before = q.paragraph.checked_sub(1).is_some_and(|p| self.reported_in_paragraph == Some(p))
            && self.starts_paragraph(q)
            && self.last_speaker.is_some_and(|e| self.cluster_kind(e) == EntityType::PER);
        if self.reported_in_paragraph == Some(q.paragraph) || reported_before {
            if let Some(e) = self.last_speaker {
                if let Some(span) = clusters[e].mentions.iter().rev().find(|m| m.end <= q.outer.start).cloned() {
                    return Attribution { speaker: Some(FoundSpeaker { span, entity: Some(e) }), cue: None };
                }
            }
        }
        // … or of the last speaker, when the quote opens a paragraph after an introduction
        // (`… has called the sentence "dangerous":`).
        if self.starts_paragraph(q) && q.paragraph > 0 {
            let prev_para = self.doc.paragraph(q.paragraph - 1);
            if sub(self.doc.text, prev_para).trim_end().ends_with(':') {
                let sentence = self.doc.sentence_of_token(self.doc.token_at_or_after(q.outer.start));
                // The subject of the clause the colon ends, read as the colon clause before a
                // quote in its own paragraph is (`Le ministre de l'Intérieur Pascal Barandagiye
                // est plus explicite :`): a named or resolved person only.
                let clause = sentence.checked_sub(1).map(|s| self.doc.sentences[s].tokens()).filter(|r| r.end > r.start + 1 && self.tok(r.end - 1) == ":");
                if let Some(words) = clause.and_then(|r| self.colon_clause_subject(self.after_dateline(r.clone())..r.end - 1)) {
                    let speaker = self.resolve(clusters, words, q.outer.start);
                    if speaker.entity.is_some() {
                        return Attribution { speaker: Some(speaker), cue: None };
                    }
                }
                // The person introducing it (`Paul Roux, …, puts it this way:`), else the last
                // speaker.
                let intro = self.previous_sentence_subject(sentence);
                if let Some(e) = intro.or(self.last_speaker) {
                    let span = clusters[e].mentions.iter().rev().find(|m| m.end <= q.outer.start).or(clusters[e].mentions.first()).cloned();
                    if let Some(span) = span {
                        return Attribution { speaker: Some(FoundSpeaker { span, entity: Some(e) }), cue: None };
                    }
                }
            }
        }
        // … or of the person the sentence before it in the paragraph is about (`Le capitaine,
        // Paul Roux, a tenu le même discours. « … »`).
        let sentence = self.doc.sentence_of_token(self.doc.token_at_or_after(q.outer.start));
        if sentence > 0 && self.doc.sentences[sentence - 1].paragraph() == q.paragraph {
            if let Some(e) = self.previous_subject(clusters, sentence, Gender::Unknown).flatten() {
                if let Some(span) = clusters[e].mentions.iter().rev().find(|m| m.end <= q.outer.start).cloned() {
                    return Attribution { speaker: Some(FoundSpeaker { span, entity: Some(e) }), cue: None };
                }
            }
        }
        Attribution::default()
    }

    /// The person the last sentence of the paragraph before `q`'s is about (not the first
    /// paragraph, often a headline), as a speaker with the mention of them nearest before `q`.
    fn previous_paragraph_subject(&self, clusters: &[EntityCluster], q: &RawQuote) -> Option<FoundSpeaker> {
        let sentence = self.doc.sentence_of_token(self.doc.token_at_or_after(q.outer.start));
        let before = self.doc.sentences[sentence.checked_sub(1)?].paragraph();
        if before == 0 || before + 1 != q.paragraph {
            return None;
        }
        let e = self.previous_subject(clusters, sentence, Gender::Unknown).flatten()?;
        let span = clusters[e].mentions.iter().rev().find(|m| m.end <= q.outer.start).cloned()?;
        Some(FoundSpeaker { span, entity: Some(e) })
    }

    /// The subject opening a clause (or following its opening phrase: `Interrogée sur ce point,
    /// la maire …`): a person, a pronoun or a definite role; never a capitalised word alone,
    /// which at a sentence start is as often a participle (`Interrogée`).
    fn colon_clause_subject(&self, r: Range<usize>) -> Option<SpeakerWords> {
        let after_opening = (r.start..r.end.min(r.start + 10)).find(|&k| self.tok(k) == ",").map(|c| c + 1);
        // `Mais ce dernier juge …`, `And the mayor said …`: past an opening conjunction.
        let after_conjunction = matches!(self.folded(r.start), "mais" | "et" | "or" | "puis" | "but" | "and" | "yet").then_some(r.start + 1);
        [Some(r.start), after_conjunction, after_opening].into_iter().flatten().find_map(|slot| match self.np_at(slot, r.end)? {
            SpeakerWords::Entity { cluster, span } if self.cluster_kind(cluster) == EntityType::PER => Some(SpeakerWords::Entity { cluster, span }),
            words @ (SpeakerWords::Pronoun { .. } | SpeakerWords::ApposedPerson { .. }) => Some(words),
            SpeakerWords::Role { tokens, head } if tokens.start > 0 && ANAPHORIC_DETERMINERS.contains(&self.folded(tokens.start - 1)) => Some(SpeakerWords::Role { tokens, head }),
            _ => None,
        })
    }

    /// `— Nicola Sturgeon, première ministre` on the line after a quote that fills its
    /// paragraph (a pull quote and its signature): the name after the dash. `Some(None)` when
    /// the line signs with no name the tagger found: signatures also name desks and services
    /// (`— Service de presse du festival`), whose first capitalised word is no one's name.
    fn signature_after(&self, paragraph: usize) -> Option<Option<(SpeakerWords, Option<ByteSpan>)>> {
        let next = self.doc.paragraphs().get(paragraph + 1)?.range();
        let (a, b) = (self.doc.token_at_or_after(next.start), self.doc.token_at_or_after(next.end));
        // A signature is a short line with no colon (`— Lire aussi : …` is a link).
        if a + 1 >= b || b - a > 12 || !matches!(self.tok(a), "-" | "–" | "—" | "―") || !self.is_name_start(a + 1) || (a..b).any(|k| self.tok(k) == ":") {
            return None;
        }
        let words = self.np_at(a + 1, b).filter(|w| matches!(w, SpeakerWords::Entity { .. }));
        Some(words.map(|w| (w, Some(self.span(a..a + 1)))))
    }

    fn starts_paragraph(&self, q: &RawQuote) -> bool {
        q.outer.start == self.doc.paragraph(q.paragraph).start
    }

    /// Whether the quote fills its paragraph (nothing but punctuation around it).
    fn paragraph_is_quote(&self, q: &RawQuote) -> bool {
        let p = self.doc.paragraph(q.paragraph);
        self.starts_paragraph(q) && !sub(self.doc.text, q.outer.end..p.end).chars().any(char::is_alphanumeric)
    }

    /// Attribution right after a quote: `, a déclaré X`, `, a-t-il dit`, `, he said`,
    /// `, said the spokesman`, `- Name`.
    fn read_after(&self, r: Range<usize>) -> Option<(SpeakerWords, Option<ByteSpan>)> {
        let mut i = r.start;
        while i < r.end && matches!(self.tok(i), "," | ";" | ")" | "(") {
            i += 1;
        }
        if i >= r.end {
            return None;
        }
        if matches!(self.tok(i), "-" | "–" | "—" | "―") {
            let words = self.np_at(i + 1, r.end)?;
            return matches!(words, SpeakerWords::Entity { .. } | SpeakerWords::Name { .. }).then(|| (words, Some(self.span(i..i + 1))));
        }
        // `« … » mardi, mettant ainsi fin à la grève, a déclaré le maire`: the reporting clause
        // after a participle's clause between commas (and a word or two before it).
        let participle_at = |k: usize| k < r.end && is_participle(self.folded(k)) && self.tok(k).starts_with(char::is_lowercase);
        let clause = if participle_at(i) { Some(i) } else { (i..r.end.min(i + 4)).find(|&k| self.tok(k) == ",").map(|c| c + 1).filter(|&p| participle_at(p)) };
        if let Some(p) = clause {
            if let Some(c2) = (p + 1..r.end.min(p + 24)).find(|&k| matches!(self.tok(k), "," | "." | ";" | ":" | "«" | "»" | "\"")).filter(|&k| self.tok(k) == ",") {
                if let Some(found) = self.read_after(c2 + 1..r.end) {
                    return Some(found);
                }
            }
        }
        // `la réplique « … » lancée par le député`: a participle and its agent right after the
        // quote.
        if i + 2 < r.end && self.folded(i + 1) == "par" && self.tok(i).starts_with(char::is_lowercase) {
            let f = self.folded(i);
            if WordSet::utterance_participles().contains_folded(f) {
                if let Some(w) = self.np_at(i + 2, r.end).filter(|w| !matches!(w, SpeakerWords::Pronoun { .. } | SpeakerWords::PluralPronoun { .. })) {
                    return Some((w, Some(self.span(i..i + 2))));
                }
            }
        }
        // `" Aaron Whitcombe, the lead lawyer for the residents, told jurors`: a name, its
        // apposition between commas, then the reporting verb.
        // (Not after a quote that closes its sentence: `« Merci. » Claire Fabre, adjointe, a écrit
        // : « … »` starts another.)
        let closes_sentence = r.start >= 2 && self.quote_mark(r.start - 1) && matches!(self.tok(r.start - 2), "." | "!" | "?");
        if let Some(m) = self.mention_at(i).filter(|_| !closes_sentence) {
            let (range, cluster) = self.mentions[m as usize].clone();
            if range.start == i && self.cluster_kind(cluster) == EntityType::PER && range.end < r.end && self.tok(range.end) == "," {
                let close = (range.end + 2..r.end.min(range.end + 14)).find(|&c| matches!(self.tok(c), "," | "." | ";" | ":"));
                if let Some(c) = close.filter(|&c| self.tok(c) == ",") {
                    let verb = if c + 1 < r.end && SKIPPABLE.contains(&self.folded(c + 1)) { c + 2 } else { c + 1 };
                    if let Some(n) = (verb < r.end).then(|| self.cue_at(verb, r.end)).flatten() {
                        return Some((SpeakerWords::Entity { span: self.span(range), cluster }, Some(self.span(c + 1..verb + n))));
                    }
                }
            }
        }
        // The reporting verb must come within a few words of the quote, with no subordinate
        // clause opening before it (`… « lourd prix » s’il lançait …` is no attribution).
        let limit = (i + 6).min(r.end);
        let mut k = i;
        while k < limit {
            // A reflexive reporting verb (`s'amuse-t-il`, `se désole Claire Morel`): the pronoun
            // belongs to the verb, not to a clause of the reporter's (`s'il`).
            if matches!(self.folded(k), "s'" | "se") && k + 1 < r.end && self.cue_at(k + 1, r.end).is_some() {
                k += 1;
                continue;
            }
            // `a tenu à préciser X`: the infinitive after `tenir à` is the reporting verb.
            if self.folded(k) == "à" && k > i && matches!(self.folded(k - 1), "tenu" | "tenue" | "tient" | "tenait") && k + 1 < r.end && self.cue_at(k + 1, r.end).is_some() {
                k += 1;
                continue;
            }
            // (A name particle before a name opens none: `," de Wit said`.)
            let particle = matches!(self.folded(k), "de" | "du" | "des" | "van" | "von" | "da" | "di" | "del" | "le" | "la") && k + 1 < r.end && self.is_name_start(k + 1);
            if CLAUSE_OPENERS.contains(&self.folded(k)) && !particle {
                return None;
            }
            if let Some(n) = self.cue_at(k, r.end) {
                let cue_tokens = self.extend_cue_left(i, k)..k + n;
                // Inverted subject glued to the verb: `a-t-il déclaré`, `explique-t-elle`.
                if let Some(p) = (cue_tokens.start..k + 1).find_map(|t| self.inverted_pronoun(t)) {
                    let cue_end = if k + n < r.end && self.cue_at(k + n, r.end).is_some() { k + n + 1 } else { k + n };
                    return Some((p, Some(self.span(cue_tokens.start..cue_end))));
                }
                // Subject before the verb: `, he said`, `, Smith said`.
                if cue_tokens.start > i {
                    if let Some(w) = self.np_ending_at(i, cue_tokens.start) {
                        return Some((w, Some(self.span(cue_tokens))));
                    }
                }
                // Subject after the verb: `, a déclaré Blinken`, `, said the spokesman`.
                // (After the verb, `l'` is an article: `, a confié l'entraîneur`; in English, so
                // is `a`: `, said a spokesman`.)
                // Not after a participle, whose subject is the clause's (`qualifiant la tribune
                // de « … »`, `calling the plan "…"`): what follows it is its object.
                if is_participle(self.folded(k + n - 1)) {
                    return None;
                }
                let mut j = k + n;
                // `a confié, à Reuters, le directeur …`: the one told, between commas.
                if j + 2 < r.end && self.tok(j) == "," && matches!(self.folded(j + 1), "à" | "au" | "aux" | "to") {
                    if let Some(c) = (j + 2..r.end.min(j + 8)).find(|&c| self.tok(c) == ",") {
                        j = c + 1;
                    }
                }
                while j < r.end && (SKIPPABLE.contains(&self.folded(j)) || self.cue_at(j, r.end).is_some()) && !self.is_name_start(j) && !matches!((self.folded(j), self.doc.language), ("l'", _) | ("a", Language::English)) {
                    j += 1;
                }
                if let Some(w) = self.np_at(j, r.end) {
                    return Some((w, Some(self.span(cue_tokens))));
                }
                // `affirme même au Monde Michel Crépu`: the one told comes before the subject.
                if j < r.end && matches!(self.folded(j), "à" | "au" | "aux") {
                    let mut a = j + 1;
                    if a < r.end && matches!(self.folded(a), "l'" | "la" | "le" | "les") {
                        a += 1;
                    }
                    let after_addressee = match self.mention_at(a) {
                        Some(m) => Some(self.mentions[m as usize].0.end),
                        None => (a..r.end.min(a + 3)).find(|&t| self.is_name_start(t)).filter(|&t| (a..t).all(|u| self.is_word(u) && !self.is_name_start(u))),
                    };
                    if let Some(w) = after_addressee.and_then(|b| self.np_at(b, r.end)) {
                        if matches!(w, SpeakerWords::Entity { .. } | SpeakerWords::Name { .. } | SpeakerWords::ApposedPerson { .. }) {
                            return Some((w, Some(self.span(cue_tokens))));
                        }
                    }
                }
                return None;
            }
            // `, a-t-il ajouté` where the participle is not in the lexicon: the inverted form alone.
            if let Some(p) = self.inverted_pronoun(k) {
                let looks_verbal = k + 1 < r.end && self.is_word(k + 1) || split_inverted(self.folded(k)).is_some();
                if looks_verbal {
                    let cue_end = if k + 1 < r.end && self.is_word(k + 1) && self.tok(k + 1).chars().next().is_some_and(char::is_lowercase) { k + 2 } else { k + 1 };
                    return Some((p, Some(self.span(k..cue_end))));
                }
            }
            if self.punct(k) && !matches!(self.tok(k), "-") {
                break;
            }
            k += 1;
        }
        None
    }

    /// Auxiliaries and object pronouns just before a verb belong to the cue (`a déclaré`).
    fn extend_cue_left(&self, floor: usize, k: usize) -> usize {
        let mut s = k;
        while s > floor && matches!(self.folded(s - 1), "a" | "avait" | "ont" | "has" | "had" | "have" | "aurait") {
            s -= 1;
        }
        s
    }

    /// The subject of the reporting verb nearest before the quote.
    fn read_before(&self, r: Range<usize>) -> Option<(SpeakerWords, Option<ByteSpan>)> {
        // `répète les propos tenus par le Gilet jaune Eric Drouet : « … »`: the agent of a
        // participle of utterance just before the quote.
        let end = if r.end > r.start && self.tok(r.end - 1) == ":" { r.end - 1 } else { r.end };
        let agent = (r.start + 1..end).rev().take(8).find(|&p| self.folded(p) == "par").filter(|&p| WordSet::utterance_participles().contains_folded(self.folded(p - 1)));
        // (The person named at the end of the agent's words: `par le Gilet jaune Eric Drouet`.)
        if let Some(p) = agent.filter(|&p| end > p + 1 && (p + 1..end).all(|k| self.is_word(k))) {
            if let Some(m) = self.mention_at(end - 1) {
                let (range, cluster) = self.mentions[m as usize].clone();
                if range.end == end && range.start > p && matches!(self.cluster_kind(cluster), EntityType::PER | EntityType::ORG) {
                    return Some((SpeakerWords::Entity { span: self.span(range), cluster }, Some(self.span(p - 1..p + 1))));
                }
            }
        }
        let cue = (r.start..r.end).rev().find_map(|k| self.cue_at(k, r.end).map(|n| k..k + n))?;
        // `« … », a-t-il expliqué au New York Times, avant d'ajouter : « … »`, `he told the
        // Post, before adding: "…"`: a verb after `avant de` / `before` has the subject of the
        // clause it follows, read from that clause's own verb; not the name nearest before it.
        // (That clause, right after a quote, is the quote's own attribution: read as such,
        // unless a clause of its own opens before the verb: `« … », said Paul Girard, but his
        // deputy Mary Lee shook her head before adding`: its subject speaks. The cue reported
        // stays the verb that introduces the quote.)
        if let Some(clause_end) = self.governing_clause_end(r.start, cue.start) {
            // (Only before a verb the clause runs on to, with no comma: `, avant d'ajouter` after a
            // comma belongs to the attribution's clause, whatever clauses come between.)
            let opener = if self.tok(clause_end - 1) == "," {
                None
            } else {
                (r.start..clause_end).rev().find(|&k| COORDINATORS.contains(&self.folded(k)) || ["while", "tandis", "que", "qu'", "qui"].contains(&self.folded(k)))
            };
            let after_quote = r.start > 0 && self.quoted.get(r.start - 1) && opener.is_none();
            let governing = match opener {
                Some(k) => self.colon_clause_subject(k + 1..clause_end).map(|w| (w, None)),
                None if after_quote => self.read_after(r.start..clause_end),
                None => None,
            };
            if let Some((words, _)) = governing.or_else(|| self.read_before(r.start..clause_end)) {
                return Some((words, Some(self.span(cue.clone()))));
            }
        }
        let cue_span = self.extend_cue_left(r.start, cue.start)..cue.end;
        if let Some(p) = (cue_span.start..cue.end).find_map(|t| self.inverted_pronoun(t)) {
            return Some((p, Some(self.span(cue_span))));
        }
        // `le Rwanda a répondu par la voix du lieutenant-colonel René Ngendahimana : « … »`: who
        // spoke for the subject.
        if let Some(v) = (cue.end..r.end.saturating_sub(3)).find(|&k| self.folded(k) == "par" && self.folded(k + 1) == "la" && self.folded(k + 2) == "voix") {
            // The person named within a few words (past a rank or function: `du lieutenant-colonel`).
            let person = (v + 4..r.end.min(v + 8)).find_map(|k| {
                let (range, cluster) = self.mentions[self.mention_at(k)? as usize].clone();
                (self.cluster_kind(cluster) == EntityType::PER).then(|| SpeakerWords::Entity { span: self.span(range), cluster })
            });
            if let Some(w) = person.filter(|_| matches!(self.folded(v + 3), "de" | "du" | "d'" | "des")) {
                return Some((w, Some(self.span(cue_span))));
            }
        }
        // `Hamon lui a rendu hommage après sa rencontre avec Jean-Claude Juncker, confiant
        // qu'il était « … »`: a participle after a comma has the clause's subject, not the
        // name before the comma.
        let participle = cue_span.start > r.start && self.tok(cue_span.start - 1) == "," && is_participle(self.folded(cue_span.start));
        if participle && self.sentence_initial(r.start) {
            if let Some(subject) = self.colon_clause_subject(r.start..cue_span.start - 1) {
                return Some((subject, Some(self.span(cue_span))));
            }
        }
        // `Sur RTL, rappelant que … « … », Chantal Perrichon, …, a dénoncé`: a participle's
        // clause opening the sentence (or after an opening phrase with no subject) has the
        // subject of the clause after it.
        let opening_participle = is_participle(self.folded(cue_span.start))
            && (self.sentence_initial(cue_span.start)
                || cue_span.start > 0 && matches!(self.folded(cue_span.start - 1), "en" | "tout") && self.sentence_initial(cue_span.start - 1)
                || participle && self.sentence_initial(r.start) && !self.has_person_or_pronoun(r.start..cue_span.start - 1));
        if opening_participle {
            if let Some(subject) = self.subject_after_quote(r.end) {
                return Some((subject, Some(self.span(cue_span))));
            }
        }
        // `Hamon avait dénoncé le soutien de Miguet à Pécresse en tweetant : « … »`: a gerund
        // has the subject of its clause, not the nearest name.
        let gerund = cue_span.start > r.start && matches!(self.folded(cue_span.start - 1), "en" | "tout") && is_participle(self.folded(cue_span.start));
        if gerund && self.sentence_initial(r.start) {
            if let Some(subject) = self.colon_clause_subject(r.start..cue_span.start - 1) {
                return Some((subject, Some(self.span(cue_span))));
            }
        }
        // People the text does not name right before the verb (`Sur LCI, des voisins
        // décrivent`), before any name further back; not members speaking for an institution
        // (`les juges estiment` → the court) nor holders of a role.
        let plural = self.plural_noun_subject(r.start, cue_span.start);
        let unnamed = plural.clone().filter(|w| {
            !matches!(w, SpeakerWords::Unnamed { tokens } if tokens.clone().any(|k| OrganisationReferences::get().heads(self.folded(k)).is_some() || GenderedWords::roles().get(self.tok(k)).is_some()))
        });
        if let Some(words) = unnamed {
            return Some((words, Some(self.span(cue_span))));
        }
        // A person or pronoun before the verb wins; else a name right after it (`comme le
        // rappelle HRW, « … »`, `said Smith: "…"`); else an organisation or role before it.
        let (person, fallback) = self.subject_candidates(r.start, cue_span.start);
        let subject = person
            .or_else(|| {
                let mut j = cue.end;
                while j < r.end && SKIPPABLE.contains(&self.folded(j)) && !self.is_name_start(j) && self.folded(j) != "l'" {
                    j += 1;
                }
                self.np_at(j, r.end).filter(|w| matches!(w, SpeakerWords::Entity { .. } | SpeakerWords::Name { .. }))
            })
            .or(fallback)
            .or(plural)?;
        Some((subject, Some(self.span(cue_span))))
    }

    /// Where the clause ends that governs a reporting verb at `verb` in a time clause without
    /// a subject of its own (`, avant d'ajouter`, `, avant même de préciser`, `, before
    /// adding`): the index of `avant` / `before` (an exclusive end); `None` for any other verb.
    fn governing_clause_end(&self, floor: usize, verb: usize) -> Option<usize> {
        let mut k = verb.checked_sub(1).filter(|&k| k > floor)?;
        match self.folded(k) {
            "de" | "d'" => {
                k -= 1;
                if k > floor && self.folded(k) == "même" {
                    k -= 1;
                }
                (self.folded(k) == "avant").then_some(())?;
            }
            "before" if self.folded(verb).ends_with("ing") => {}
            _ => return None,
        }
        (k > floor + 1).then_some(k)
    }

    /// `Les secours précisent`, `des habitants racontent`: people the text does not name, as
    /// the subject right before the verb at `verb` (a plural determiner and one to three lower-case
    /// words), so that no one named earlier is taken for them.
    fn plural_noun_subject(&self, floor: usize, verb: usize) -> Option<SpeakerWords> {
        let mut j = verb;
        while j > floor && SKIPPABLE.contains(&self.folded(j - 1)) {
            j -= 1;
        }
        let det = (j.saturating_sub(4).max(floor)..j.saturating_sub(1)).rev().find(|&k| PLURAL_DETERMINERS.contains(&self.folded(k)))?;
        let words = det + 1..j;
        let plain = words.clone().all(|k| self.is_word(k) && self.mention_at(k).is_none() && self.tok(k).chars().next().is_some_and(char::is_lowercase));
        let opens = det == floor || det == 0 || matches!(self.tok(det - 1), "," | ";" | ":") || self.sentence_initial(det);
        (plain && opens).then_some(SpeakerWords::Unnamed { tokens: det..j })
    }

    /// Reads back from a verb at `verb` to its subject, chunk by chunk between commas.
    fn subject_before(&self, floor: usize, verb: usize) -> Option<SpeakerWords> {
        let (person, fallback) = self.subject_candidates(floor, verb);
        person.or(fallback)
    }

    /// The subject of the verb at `verb`: a person or pronoun, and failing that a fallback
    /// (an organisation, a role phrase).
    fn subject_candidates(&self, floor: usize, verb: usize) -> (Option<SpeakerWords>, Option<SpeakerWords>) {
        let mut j = verb;
        while j > floor && SKIPPABLE.contains(&self.folded(j - 1)) {
            j -= 1;
        }
        // `d'après la SNCF, qui précise`: a relative clause's antecedent, named right before
        // it, is the subject (over a pronoun opening the sentence).
        if j >= floor + 3 && matches!(self.folded(j - 1), "qui" | "who" | "which") && self.tok(j - 2) == "," {
            if let Some(m) = self.mention_at(j - 3) {
                let (range, cluster) = self.mentions[m as usize].clone();
                let complement = range.start > 0 && matches!(self.folded(range.start - 1), "de" | "du" | "des" | "d'" | "of");
                if range.end == j - 2 && matches!(self.cluster_kind(cluster), EntityType::PER | EntityType::ORG) && !self.quoted.get(j - 3) && !complement {
                    return (Some(SpeakerWords::Entity { span: self.span(range), cluster }), None);
                }
            }
        }
        if j > floor && COORDINATORS.contains(&self.folded(j - 1)) {
            // `X a déclaré … et a averti que`: the subject of the first verb.
            if let Some(earlier) = (floor..j - 1).rev().find(|&k| self.cue_at(k, j).is_some()) {
                return self.subject_candidates(floor, self.extend_cue_left(floor, earlier));
            }
            // `Le Figaro dénonce des « … » dont le journal est victime et estime`: the subject
            // of the first verb is before the quote; a relative clause's subject is not it.
            let clause = (floor..j - 1).rev().take_while(|&k| !matches!(self.tok(k), "," | ";" | ":"));
            if clause.clone().any(|k| matches!(self.folded(k), "dont" | "qui" | "que" | "qu'" | "où" | "which" | "who" | "whom")) {
                return (None, None);
            }
            // `Hollande est arrivé … et évoque`: the subject of the first verb, further back.
            j -= 1;
        }
        // A name right before the verb is its subject, even a place (`Le Vatican condamne`,
        // `Washington a averti`).
        if j > floor {
            if let Some(m) = self.mention_at(j - 1) {
                let (range, cluster) = self.mentions[m as usize].clone();
                // … unless it completes a noun (`le ministre des Affaires étrangères a déclaré`).
                let mut before = range.start;
                if before > floor && matches!(self.folded(before - 1), "the" | "le" | "la" | "l'" | "les") {
                    before -= 1; // `for the Forest Service`
                }
                let complement = before > 0 && matches!(self.folded(before - 1), "de" | "des" | "du" | "d'" | "of" | "for" | "à" | "au" | "aux" | "en" | "in" | "at" | "pour");
                if range.end == j && !self.quoted.get(j - 1) && !self.is_generic_mention(&range) && !complement {
                    let subject = self.group_ending_at(range.end).unwrap_or(SpeakerWords::Entity { span: self.span(range), cluster });
                    return (Some(subject), None);
                }
            }
        }
        let mut fallback: Option<SpeakerWords> = None;
        let mut chunk_end = j;
        for _ in 0..5 {
            while chunk_end > floor && matches!(self.tok(chunk_end - 1), "," | "(" | ")") {
                chunk_end -= 1;
            }
            let mut chunk_start = chunk_end;
            while chunk_start > floor && !matches!(self.tok(chunk_start - 1), "," | ";" | ":") {
                chunk_start -= 1;
            }
            if chunk_start == chunk_end {
                break;
            }
            // `Ce dernier, accusant Soros de …, a affirmé`: names in a participle's clause are
            // its objects (but `quoting KCNA`, `citant l'AFP` name the source).
            let participle = self.folded(chunk_start);
            let lower = self.tok(chunk_start).starts_with(char::is_lowercase) && self.mention_at(chunk_start).is_none();
            if chunk_start > floor && lower && is_participle(participle) && !matches!(participle, "quoting" | "citing" | "citant") {
                chunk_end = chunk_start;
                continue;
            }
            // `Benjamin Cauchy, Gilet jaune « modéré » et fondateur de « Citron », annonce`: a
            // chunk after a person's name standing alone between commas is in apposition to it,
            // whatever capitalised words it holds; the name is the subject.
            let (person, other) = self.scan_chunk(chunk_start..chunk_end);
            // (Not over a pronoun subject of the chunk's own: `…, Ingrid Solheim, for what he
            // called`.)
            if !matches!(person, Some(SpeakerWords::Pronoun { .. })) {
                match self.lone_name_before(floor, chunk_start) {
                    Some((lone, EntityType::PER)) => return (Some(lone), fallback),
                    // (An organisation, when the apposition names no one: `The Coastal Waters
                    // Alliance, a group based in Fort William, wrote`.)
                    Some((lone, _)) if !matches!(person, Some(SpeakerWords::Entity { .. } | SpeakerWords::Name { .. })) => return (None, Some(lone)),
                    _ => {}
                }
            }
            if person.is_some() {
                return (person, fallback.or(other));
            }
            if fallback.is_none() {
                fallback = other;
            }
            chunk_end = chunk_start;
        }
        (None, fallback)
    }

    /// Whether a person is named among tokens `r`.
    fn names_person(&self, r: Range<usize>) -> bool {
        r.into_iter().any(|k| self.mention_at(k).is_some_and(|m| self.cluster_kind(self.mentions[m as usize].1) == EntityType::PER))
    }

    /// Whether tokens `r` name a person or hold a personal pronoun.
    fn has_person_or_pronoun(&self, r: Range<usize>) -> bool {
        self.names_person(r.clone()) || r.into_iter().any(|k| self.pronoun_at(k).is_some())
    }

    /// The person named right after the quote that follows token `from` and its comma (`« … »,
    /// Chantal Perrichon, …, a dénoncé`).
    fn subject_after_quote(&self, from: usize) -> Option<SpeakerWords> {
        let mut k = from;
        let end = self.doc.tokens.len();
        while k < end && (self.quoted.get(k) || self.quote_mark(k)) {
            k += 1;
        }
        if k == from || k >= end || self.tok(k) != "," {
            return None;
        }
        let sentence_end = self.doc.sentences[self.doc.sentence_of_token(k)].tokens().end;
        match self.np_at(k + 1, sentence_end)? {
            SpeakerWords::Entity { cluster, span } if self.cluster_kind(cluster) == EntityType::PER => Some(SpeakerWords::Entity { cluster, span }),
            words @ SpeakerWords::Name { .. } => Some(words),
            _ => None,
        }
    }

    /// A person's or organisation's name that is a chunk of its own (`, Benjamin Cauchy,`, or
    /// opening the sentence) right before the comma at `chunk_start - 1`, and its type.
    fn lone_name_before(&self, floor: usize, chunk_start: usize) -> Option<(SpeakerWords, EntityType)> {
        if chunk_start < floor + 2 || self.tok(chunk_start - 1) != "," {
            return None;
        }
        let m = self.mention_at(chunk_start - 2)?;
        let (range, cluster) = self.mentions[m as usize].clone();
        // The name opens the sentence, or follows one opening phrase with no one in it (`Vers
        // 14h20, Benjamin Cauchy, …`), not an object's apposition (`X thanked its chief
        // executive, Ingrid Solheim, for …`).
        let opens = self.sentence_initial(range.start)
            || range.start > floor && matches!(self.folded(range.start - 1), "the" | "le" | "la" | "l'" | "les") && self.sentence_initial(range.start - 1)
            || range.start > floor + 1 && self.tok(range.start - 1) == "," && {
                let sentence_start = self.doc.sentences[self.doc.sentence_of_token(range.start)].tokens().start;
                let opening = self.after_dateline(sentence_start..range.start - 1)..range.start - 1;
                !opening.is_empty()
                    && opening.len() <= 6
                    && !opening.clone().any(|k| matches!(self.tok(k), "," | ";" | ":"))
                    && !self.has_person_or_pronoun(opening)
            };
        let alone = range.end == chunk_start - 1 && opens;
        let kind = self.cluster_kind(cluster);
        (alone && matches!(kind, EntityType::PER | EntityType::ORG) && !self.quoted.get(range.start) && !self.is_generic_mention(&range))
            .then(|| (SpeakerWords::Entity { span: self.span(range), cluster }, kind))
    }

    /// In one chunk, the candidate nearest its end: a person or a pronoun first; else a role
    /// phrase, an organisation or an unnamed source (returned second, as a fallback).
    fn scan_chunk(&self, r: Range<usize>) -> (Option<SpeakerWords>, Option<SpeakerWords>) {
        // A relative clause between commas (`A nurse, who asked not to be named because she
        // was not authorised, said`) describes the subject: its words are not it.
        // (Closed by its comma: in `Lindqvist, who he said controlled`, `he` is the verb's.)
        if r.start < r.end && self.tok(r.end) == "," && matches!(self.folded(r.start), "who" | "whom" | "which" | "qui" | "dont" | "lequel" | "laquelle") {
            return (None, None);
        }
        // `One investor who … , called`, `A Lumora spokeswoman said`, `Un de ses proches glisse`:
        // the subject is a source with no name; names further in the chunk are complements.
        if let Some(source) = self.indefinite_source(r.clone()) {
            return (Some(source), None);
        }
        let mut org: Option<SpeakerWords> = None;
        // A role phrase ending the chunk (`L'archevêque de Rouen`, `le ministre britannique des
        // Affaires étrangères`): as good as a name when someone in the text holds that role.
        // (The phrase must open the chunk: in `undersecretary to the prime minister`, `the prime
        // minister` is a complement, not the subject.)
        let role = self.role_np_ending_at(r.start, r.end).filter(|w| matches!(w, SpeakerWords::Role { tokens, .. } if tokens.start <= r.start + 2));
        if let Some(SpeakerWords::Role { head, .. }) = &role {
            if self.role_heads.iter().any(|h| h.as_deref() == Some(head.as_str())) {
                return (role, None);
            }
        }
        let mut k = r.end;
        while k > r.start {
            k -= 1;
            if self.quoted.get(k) {
                continue;
            }
            if let Some(m) = self.mention_at(k) {
                let (range, cluster) = self.mentions[m as usize].clone();
                if self.is_generic_mention(&range) {
                    k = range.start.max(r.start);
                    continue;
                }
                // The tagger's MISC next to a reporting verb is usually a person it was unsure of
                // (not the complement of a preposition: `en référence au Brexit`).
                let before = if range.start > 0 { self.folded(range.start - 1) } else { "" };
                let misc_complement = matches!(before, "au" | "aux")
                    || self.cluster_kind(cluster) == EntityType::MISC && matches!(before, "à" | "de" | "du" | "des" | "d'" | "le" | "la" | "l'" | "the" | "of" | "to" | "in" | "en");
                if matches!(self.cluster_kind(cluster), EntityType::PER | EntityType::MISC) && !misc_complement {
                    let subject = self.group_ending_at(range.end).unwrap_or(SpeakerWords::Entity { span: self.span(range), cluster });
                    return (Some(subject), role.or(org));
                }
                if org.is_none() && self.cluster_kind(cluster) == EntityType::ORG {
                    org = Some(SpeakerWords::Entity { span: self.span(range.clone()), cluster });
                }
                k = range.start.max(r.start);
                continue;
            }
            // A plural pronoun only as the chunk's subject (`Mais ils ont dit`), not inside a
            // relative clause (`Paul Girard, whom they accuse of inaction, replied`).
            let opens_chunk = (r.start..k).all(|j| matches!(self.folded(j), "mais" | "et" | "alors" | "puis" | "but" | "and" | "so" | "then"));
            if let Some(p) = self.pronoun_at(k).or_else(|| opens_chunk.then(|| self.plural_pronoun_at(k)).flatten()) {
                return (Some(p), role.or(org));
            }
            let generic = self.is_generic_word(k) || self.capitalised_description(k).is_some() || crate::entities::is_participle_with_complement(self.doc, k);
            // (A word opening the sentence before a plural noun in the subject is that noun's
            // modifier: `Recent reports have revealed`, `Institutional recipients, said X`.)
            // (The noun ends the subject, right before the verb, a comma or an auxiliary: not
            // `Okonkwo insists the fire was deliberate, telling reporters`, a verb in `-s`.)
            let subject_ends = k + 2 == r.end || SKIPPABLE.contains(&self.folded(k + 2)) || PLACE_OR_SOURCE_WORDS.contains(&self.folded(k + 2));
            let modifies_plural = subject_ends && self.is_plural_common_noun(k + 1);
            if !generic && (self.is_name_start(k) && !self.sentence_initial(k) || (self.is_name_start(k) && self.sentence_initial(k) && !self.is_name_start(k + 1) && !modifies_plural && self.looks_like_surname(k))) {
                let mut s = k;
                while s > r.start && self.is_name_start(s - 1) && self.mention_at(s - 1).is_none() && !self.is_generic_mention(&(s - 1..s)) && !self.is_organisation_kind(s - 1) {
                    s -= 1;
                }
                let mut e = k + 1;
                while e < r.end && self.is_name_start(e) && self.mention_at(e).is_none() {
                    e += 1;
                }
                if GenderedWords::titles().get(self.tok(s)).is_some() && s + 1 < e {
                    s += 1;
                }
                // `Anna Berg of The Evening Ledger dubbed`: a name inside a complement is
                // not the subject; keep looking.
                let complement = (s.saturating_sub(2)..s).any(|p| matches!(self.folded(p), "of" | "de" | "du" | "des" | "at" | "from" | "for" | "au" | "aux"));
                if complement {
                    k = s;
                    continue;
                }
                // `un Kanak âgé de 20 ans`: a capitalised word after an indefinite article
                // describes someone unnamed (a name takes none).
                if self.doc.after_indefinite_article(s) {
                    return (Some(SpeakerWords::Unnamed { tokens: s - 1..e }), None);
                }
                return (Some(SpeakerWords::Name { tokens: s..e }), role.or(org));
            }
        }
        // `A spokesman for the agency said`: an unnamed person speaks, not the organisation.
        let person_role = matches!(&role, Some(SpeakerWords::Role { head, .. }) if GenderedWords::roles().get(head).is_some() || GenderedWords::person_descriptions().get(head).is_some() || self.doc.is_demonym(head));
        if person_role {
            return (None, role.or(org));
        }
        (None, org.or(role))
    }

    /// A chunk opening on an indefinite source: `un de ses proches`, `one of his aides`, `a
    /// federal judge`, `a Lumora spokeswoman`, `one venture capitalist who …`.
    fn indefinite_source(&self, r: Range<usize>) -> Option<SpeakerWords> {
        let k = r.start;
        // After a comma the chunk is an apposition (`Dan Lee, a finance expert, described`),
        // which describes the subject rather than being it.
        if k > 0 && self.tok(k - 1) == "," {
            return None;
        }
        let det = self.folded(k);
        // French `a` is the verb `avoir`.
        let article = INDEFINITE_DETERMINERS.contains(&det) && !(self.doc.language == Language::French && det == "a");
        if !article || k + 1 >= r.end {
            return None;
        }
        // `un de ses proches`; `un proche de Brigitte Troadec`, `a member of the crew`:
        // someone near the one named, not them.
        if matches!(self.folded(k + 1), "de" | "d'" | "des" | "of") {
            return Some(SpeakerWords::Unnamed { tokens: k..(k + 4).min(r.end) });
        }
        // The head: a person noun, a noun of unnamed sources (`a person close to`, `another
        // voter`), or a noun followed by a relative pronoun (`who`, `qui`).
        let window = k + 1..(k + 5).min(r.end);
        let unnamed = WordSet::unnamed_sources();
        // (Not a noun modifying the next one: `A passenger jet operated by …`, `A member state`;
        // `a person close to`, `a passenger told` are fine.)
        let (fr, en) = (WordSet::french_function_words(), WordSet::english_function_words());
        let function_word = |t: usize| !self.is_word(t) || matches!(self.folded(t), "de" | "d'" | "à") || fr.contains_folded(self.folded(t)) || en.contains_folded(self.folded(t));
        let modifies_next = |h: usize| h + 1 < r.end && self.is_word(h + 1) && !function_word(h + 1) && self.cue_at(h + 1, r.end).is_none() && (h + 2 >= r.end || !function_word(h + 2));
        let head = window
            .clone()
            .find(|&h| !self.is_name_start(h) && (self.person_noun(h).is_some() || unnamed.contains_folded(self.folded(h)) && !modifies_next(h)))
            .or_else(|| window.clone().find(|&h| h > k + 1 && matches!(self.folded(h), "who" | "qui" | "that") && (k + 1..h).all(|w| self.is_word(w) && !self.is_name_start(w))).map(|h| h - 1))?;
        // `An official, Ann Lee, said`: the name in apposition.
        if let Some(named) = self.apposed_person(head + 1, r.end) {
            return Some(named);
        }
        Some(SpeakerWords::Unnamed { tokens: k..head + 1 })
    }

    /// A tagged span made only of role or organisation nouns (`Spokesperson`, `ONG`) names nobody.
    fn is_generic_mention(&self, range: &Range<usize>) -> bool {
        let roles = GenderedWords::roles();
        let org_nouns = crate::lexicon::WordSet::organisation_nouns();
        range.clone().all(|k| roles.get(self.tok(k)).is_some() || org_nouns.contains(self.tok(k)) || self.capitalised_description(k).is_some())
    }

    fn cluster_kind(&self, cluster: usize) -> EntityType {
        self.kinds.get(cluster).copied().unwrap_or(EntityType::MISC)
    }

    /// A lower-case word that reads as a plural common noun (`reports`, `recipients`,
    /// `travaux`): ends in `s` or `x`, and is no function word or skippable adverb
    /// (`always`). (A reporting verb's form too: `reports` before the clause's verb is a noun.)
    fn is_plural_common_noun(&self, k: usize) -> bool {
        let (w, f) = (self.tok(k), self.folded(k));
        self.is_word(k)
            && w.starts_with(char::is_lowercase)
            && f.chars().count() > 3
            && (f.ends_with('s') && !f.ends_with("ss") || f.ends_with('x'))
            && !SKIPPABLE.contains(&f)
            && !WordSet::french_function_words().contains_folded(f)
            && !WordSet::english_function_words().contains_folded(f)
    }

    /// A capitalised word at sentence start that is no common word: a name (`Blinkin a déclaré`).
    fn looks_like_surname(&self, k: usize) -> bool {
        let w = self.tok(k);
        let f = fold(w);
        !crate::entities::is_common_word(self.doc, &f)
            && GenderedWords::roles().get(w).is_none()
            && !SUBJECT_PRONOUNS.iter().any(|(p, _)| *p == f)
            && !matches!(f.as_str(), "je" | "nous" | "vous" | "on" | "i" | "we" | "you" | "they" | "ils" | "elles" | "cela" | "ce" | "ces" | "it")
            && !f.ends_with("ing")
            && !w.chars().all(char::is_uppercase)
            && !self.is_cue_word(&f)
    }

    /// `selon X`, `according to X` starting at a token of `starts`; X may run to `np_end`.
    fn read_source_preposition(&self, starts: Range<usize>, np_end: usize) -> Option<(SpeakerWords, Option<ByteSpan>)> {
        let r = starts.start..np_end;
        for k in starts {
            if let Some(n) = source_preposition_at(self.doc, k).filter(|&n| k + n <= r.end) {
                let j = k + n;
                if let Some(&(_, gender)) = DISJUNCTIVE_PRONOUNS.iter().find(|(w, _)| j < r.end && self.folded(j) == *w) {
                    return Some((SpeakerWords::Pronoun { span: self.span(j..j + 1), gender }, Some(self.span(k..j))));
                }
                if let Some(w) = self.source_behind_report(j, r.end).or_else(|| self.np_at(j, r.end)) {
                    // `according to their employer, the security company Transvalor`: the name in
                    // apposition to a description.
                    let described = match &w {
                        SpeakerWords::Role { tokens, .. } | SpeakerWords::Unnamed { tokens } => Some(tokens.end),
                        _ => None,
                    };
                    let apposed = described.filter(|&e| e + 1 < r.end && self.tok(e) == ",").and_then(|e| {
                        self.np_at(e + 1, r.end).filter(|a| matches!(a, SpeakerWords::Entity { .. } | SpeakerWords::Name { .. }))
                    });
                    return Some((apposed.unwrap_or(w), Some(self.span(k..j))));
                }
            }
        }
        None
    }

    /// `selon les précisions apportées par François Molins`, `according to a statement by
    /// the ministry`: a few lower-case words naming what was said, then `par`, `de` or `by` and
    /// a named person or organisation, who is the source.
    fn source_behind_report(&self, j: usize, end: usize) -> Option<SpeakerWords> {
        let limit = end.min(j + 6);
        let by = (j + 1..limit).find(|&k| matches!(self.folded(k), "par" | "de" | "du" | "d'" | "des" | "by" | "from" | "of"))?;
        // Only after a noun for what was said (`les adversaires de Marine Le Pen` speak
        // themselves).
        let report = |k: usize| matches!(self.folded(k), "précisions" | "déclaration" | "déclarations" | "propos" | "informations" | "révélation" | "révélations" | "communiqué" | "mots" | "termes" | "chiffres" | "données" | "estimations" | "statement" | "report" | "reports" | "words" | "figures" | "data" | "estimates");
        if !(j..by).all(|k| self.is_word(k) && !self.is_name_start(k)) || !(j..by).any(report) {
            return None;
        }
        // `selon les mots du procureur de la République Pierre Sennès`: a role without an
        // article, then its holder.
        let bare_role = by + 1 < end && self.is_word(by + 1) && GenderedWords::roles().get(self.tok(by + 1)).is_some();
        let holder = || bare_role.then(|| self.holder_in(by + 2..end.min(by + 12))).flatten();
        let words = self.np_at(by + 1, end).filter(|w| !matches!(w, SpeakerWords::Name { .. })).or_else(holder)?;
        match words {
            SpeakerWords::Entity { cluster, .. } if matches!(self.cluster_kind(cluster), EntityType::PER | EntityType::ORG) => Some(words),
            _ => None,
        }
    }

    /// `Pour l'ONG, la situation est « grave »`, `For Smith, it was "a mistake"`: the sentence
    /// opens on a preposition (or has it after a short opening phrase: `En effet, pour X,`) and a
    /// named source (not `Pour la première fois,`) closed by a comma.
    fn read_viewpoint(&self, r: Range<usize>) -> Option<(SpeakerWords, Option<ByteSpan>)> {
        // At the sentence start, or after a short opening phrase (`En effet, pour X, « … »`).
        let mut k = r.start;
        if k < r.end && self.sentence_initial(k) && !VIEWPOINT_PREPOSITIONS.contains(&self.folded(k)) {
            if let Some(c) = (k + 1..r.end.min(k + 4)).find(|&c| self.tok(c) == ",") {
                k = c + 1;
            }
        } else if k < r.end && !self.sentence_initial(k) {
            return None;
        }
        if k >= r.end || !VIEWPOINT_PREPOSITIONS.contains(&self.folded(k)) {
            return None;
        }
        let comma = (k + 1..r.end.min(k + 14)).find(|&c| self.tok(c) == ",")?;
        if let Some(&(_, gender)) = DISJUNCTIVE_PRONOUNS.iter().find(|(w, _)| comma == k + 2 && self.folded(k + 1) == *w) {
            return Some((SpeakerWords::Pronoun { span: self.span(k + 1..k + 2), gender }, Some(self.span(k..k + 1))));
        }
        let words = self.np_at(k + 1, comma)?;
        let named = match &words {
            SpeakerWords::Entity { cluster, .. } => matches!(self.cluster_kind(*cluster), EntityType::PER | EntityType::ORG),
            // A role someone in the text holds (`Pour le ministre,`), not any noun that can be
            // one (`Pour la première fois,`).
            SpeakerWords::Role { head, .. } => OrganisationReferences::get().heads(head).is_some() || self.role_heads.iter().any(|h| h.as_deref() == Some(head.as_str())),
            SpeakerWords::Pronoun { .. } | SpeakerWords::PluralPronoun { .. } | SpeakerWords::Group { .. } | SpeakerWords::ApposedPerson { .. } => true,
            // A capitalised word no entity stands for (`For Republicans,`, `Pour Noël,`) is a
            // group, a season or a topic more often than a person.
            SpeakerWords::Name { .. } | SpeakerWords::Unnamed { .. } => false,
        };
        named.then(|| (words, Some(self.span(k..k + 1))))
    }

    /// A capitalised word of two characters or more (`X` alone, the network, or the pronoun
    /// `I`, starts no name; an initial keeps its dot: `J.`).
    fn is_name_start(&self, k: usize) -> bool {
        self.doc.tokens.get(k).is_some_and(|t| t.kind() == TokenKind::Word)
            && self.tok(k).chars().next().is_some_and(char::is_uppercase)
            && self.tok(k).chars().nth(1).is_some()
    }

    fn pronoun_at(&self, k: usize) -> Option<SpeakerWords> {
        let w = self.folded(k);
        if w == "il" && self.impersonal_verb_at(k + 1) {
            return None;
        }
        // `La municipalité, quant à elle, justifie`: a stressed pronoun, not the subject.
        if k >= 2 && self.folded(k - 1) == "à" && self.folded(k - 2) == "quant" {
            return None;
        }
        SUBJECT_PRONOUNS
            .iter()
            .find(|(p, _)| *p == w)
            .map(|&(_, gender)| SpeakerWords::Pronoun { span: self.span(k..k + 1), gender })
    }

    /// `il s'agit`, `il ne faut pas`, `il y a`: a verb whose `il` stands for no one.
    fn impersonal_verb_at(&self, mut k: usize) -> bool {
        let n = self.doc.tokens.len();
        while k < n && matches!(self.folded(k), "ne" | "n'") {
            k += 1;
        }
        if k >= n {
            return false;
        }
        match self.folded(k) {
            // `s'agit` written as two tokens.
            "s'" => k + 1 < n && IMPERSONAL_VERBS.iter().any(|v| v.strip_prefix("s'") == Some(self.folded(k + 1))),
            // `il y a`, not `il y présente`.
            "y" => k + 1 < n && matches!(self.folded(k + 1), "a" | "avait" | "aura" | "aurait" | "eut"),
            w if IMPERSONAL_BEFORE_QUE.contains(&w) => (k + 1..(k + 3).min(n)).any(|q| matches!(self.folded(q), "que" | "qu'")),
            w => IMPERSONAL_VERBS.contains(&w),
        }
    }

    /// `a-t-il`, `dit-elle`, `explique-t-il`: the pronoun part of an inverted verb.
    fn inverted_pronoun(&self, k: usize) -> Option<SpeakerWords> {
        let t = &self.doc.tokens[k];
        let s = t.text(self.doc.text);
        let folded = fold(s);
        let (_, pronoun) = split_inverted(&folded)?;
        if PLURAL_PRONOUNS.contains(&pronoun) {
            return Some(SpeakerWords::PluralPronoun { span: t.end() - pronoun.len()..t.end() });
        }
        let gender = SUBJECT_PRONOUNS.iter().find(|(p, _)| *p == pronoun).map(|&(_, g)| g)?;
        let start = t.end() - pronoun.len();
        Some(SpeakerWords::Pronoun { span: start..t.end(), gender })
    }

    /// `la Française Charlotte Bonnet`, `la première ministre britannique Theresa May`: a
    /// description in a few words (lower case, or a nationality) written straight before a
    /// person's name: the person. Not the complement of a noun (`le porte-parole de Paul Roux`).
    fn name_after_description(&self, j: usize, end: usize) -> Option<SpeakerWords> {
        let limit = end.min(j + 6);
        let (fr, en) = (crate::lexicon::WordSet::french_function_words(), crate::lexicon::WordSet::english_function_words());
        let mut k = j;
        while k < limit && self.mention_at(k).is_none() {
            let f = self.folded(k);
            // An article first; then nouns and adjectives, not a preposition or a participle
            // (`a lawyer for John Smith`, `the lawyer representing John Smith`).
            let article = k == j && matches!(f, "la" | "le" | "l'" | "les" | "the" | "a" | "an" | "un" | "une");
            let function = fr.contains_folded(f) || en.contains_folded(f) || f.ends_with("ing") || f.ends_with("ant");
            let described = self.is_word(k) && (article || !function) && (!self.is_name_start(k) || self.capitalised_description(k).is_some());
            if !described {
                return None;
            }
            k += 1;
        }
        if k == j || k >= limit || matches!(self.folded(k - 1), "de" | "du" | "d'" | "des" | "of" | "à" | "au" | "by") {
            return None;
        }
        let (range, cluster) = self.mentions[self.mention_at(k)? as usize].clone();
        (range.start == k && self.cluster_kind(cluster) == EntityType::PER).then(|| SpeakerWords::Entity { span: self.span(range), cluster })
    }

    /// `l'agence de presse officielle syrienne Sana`, `le fournisseur de services Internet
    /// Algérie Télécom`: a kind of organisation and a few lower-case words describing it, then
    /// its name, which ends the phrase: the name.
    fn organisation_after_description(&self, j: usize, end: usize) -> Option<SpeakerWords> {
        let first = if matches!(self.folded(j), "la" | "le" | "l'" | "the") { j + 1 } else { j };
        // (After a modifier or two: `the security company Vaultrex`.)
        let kind = (first..end.min(first + 3))
            .take_while(|&k| self.is_word(k) && self.tok(k).starts_with(char::is_lowercase) && self.mention_at(k).is_none())
            .find(|&k| self.is_organisation_kind(k))?;
        let ends_phrase = |e: usize| e >= end || !self.is_word(e);
        // A run of capitalised words from `k` that the tagger did not take for a name, when it
        // ends the phrase (`l'agence … togolaise Sentinelle`); otherwise it is a common word
        // capitalised (`de services Internet Norvox`).
        let untagged_name = |k: usize| {
            let mut e = k;
            while e < end && self.is_name_start(e) && self.mention_at(e).is_none() {
                e += 1;
            }
            (e > k && ends_phrase(e)).then_some(k..e)
        };
        // Nouns and adjectives, and the prepositions that join them (`de presse`, `of services`):
        // no other function word, verb or participle (`le régulateur qui a auditionné X`, `the
        // regulator after meeting X`).
        let (fr, en) = (WordSet::french_function_words(), WordSet::english_function_words());
        let mut k = kind + 1;
        while k < end.min(kind + 8) && self.mention_at(k).is_none() && untagged_name(k).is_none() {
            let f = self.folded(k);
            let joining = matches!(f, "de" | "du" | "des" | "d'" | "of");
            let function = fr.contains_folded(f) || en.contains_folded(f) || is_participle(f) || self.is_cue_word(f);
            if !self.is_word(k) || function && !joining {
                return None;
            }
            k += 1;
        }
        // (Not a complement: `militant pour les droits de l'Homme`.)
        let complement = |k: usize| matches!(self.folded(k), "de" | "du" | "d'" | "des" | "of" | "à" | "au" | "by" | "for" | "pour");
        // (`l'ONG Amnesty`, the kind right before the name, is read in `np_at`.)
        if k == kind + 1 && kind == first || complement(k - 1) || matches!(self.folded(k - 1), "l'" | "la" | "le" | "les" | "the") && k >= 2 && complement(k - 2) {
            return None;
        }
        let Some(m) = self.mention_at(k) else {
            return untagged_name(k).map(|tokens| SpeakerWords::Name { tokens });
        };
        let (range, cluster) = self.mentions[m as usize].clone();
        (range.start == k && ends_phrase(range.end) && !matches!(self.cluster_kind(cluster), EntityType::LOC | EntityType::DATE | EntityType::NUMBER))
            .then(|| SpeakerWords::Entity { span: self.span(range), cluster })
    }

    /// `ce dernier`, `cette dernière`, `the latter`: the person named last before it (in its
    /// sentence or the one before), of the gender the words give.
    fn latter_at(&self, j: usize, end: usize) -> Option<SpeakerWords> {
        let gender = match (self.folded(j), self.folded(j + 1)) {
            ("ce", "dernier") => Gender::Male,
            ("cette", "dernière") => Gender::Female,
            ("the", "latter") => Gender::Unknown,
            _ => return None,
        };
        if j + 2 > end {
            return None;
        }
        let sentence = self.doc.sentence_of_token(j);
        let from = self.doc.sentences[sentence.saturating_sub(1)].tokens().start;
        // In French the gender must be known to agree: `cette dernière` as often means the
        // last feminine noun (`la chanson`) as a woman.
        let agrees = |g: Gender| if gender == Gender::Unknown { true } else { g == gender };
        let cluster = self
            .mentions_before(from, j)
            .into_iter()
            .find(|&c| self.cluster_kind(c) == EntityType::PER && agrees(self.genders.get(c).copied().unwrap_or_default()))?;
        Some(SpeakerWords::Entity { span: self.span(j..j + 2), cluster })
    }

    /// A noun phrase starting at `j`: a name, a pronoun, a role or an unnamed source.
    fn np_at(&self, mut j: usize, end: usize) -> Option<SpeakerWords> {
        if j >= end {
            return None;
        }
        if let Some(latter) = self.latter_at(j, end) {
            return Some(latter);
        }
        if let Some(named) = self.name_after_description(j, end).or_else(|| self.organisation_after_description(j, end)) {
            return Some(named);
        }
        if let Some(described) = self.described_person_at(j, end) {
            return Some(described);
        }
        if GenderedWords::titles().get(self.tok(j)).is_some() && self.is_name_start(j + 1) && j + 1 < end {
            j += 1;
        }
        // `the Sydney Morning Herald`, `le Kremlin`: the article is not part of the name.
        // (`l'ONG` alone is no name: a role noun in capitals.)
        let generic_next = j + 1 < end && self.is_generic_mention(&(j + 1..j + 2));
        if j + 1 < end && matches!(self.folded(j), "the" | "le" | "la" | "l'" | "les") && (self.mention_at(j + 1).is_some() || self.is_name_start(j + 1) && !generic_next) {
            j += 1;
        }
        // `l'ONG Amnesty International`, `the charity Oxfam`: the kind of organisation is no part
        // of its name.
        let kind = if matches!(self.folded(j), "the" | "le" | "la" | "l'") { j + 1 } else { j };
        if kind + 1 < end && self.is_organisation_kind(kind) && (self.mention_at(kind + 1).is_some() || self.is_name_start(kind + 1)) {
            j = kind + 1;
        }
        if let Some(m) = self.mention_at(j) {
            let (range, cluster) = self.mentions[m as usize].clone();
            if let Some(group) = self.group_starting_at(range.start) {
                return Some(group);
            }
            // `the Crown prosecutor, Mark Tedeschi`, `Glenmuir manager Declan Farrelly`: a name
            // modifying a role noun, its holder named after it.
            // (Capitalised role words too, when a holder follows them: `said ESA Director General
            // Markus Lindqvist`.)
            let role_word = |k: usize| k < end && self.is_word(k) && GenderedWords::roles().get(self.tok(k)).is_some();
            if role_word(range.end) {
                let capitalised = self.is_name_start(range.end);
                let mut role_end = range.end + 1;
                while capitalised && self.is_name_start(role_end) && role_word(role_end) {
                    role_end += 1;
                }
                let holder = self.apposed_name(role_end, end).or_else(|| self.name_at(role_end, end));
                if holder.is_some() && (!capitalised || matches!(holder, Some(SpeakerWords::Entity { .. }))) {
                    return holder;
                }
                if !capitalised {
                    return Some(SpeakerWords::Role { tokens: j..role_end, head: self.folded(range.end).to_string() });
                }
            }
            return Some(SpeakerWords::Entity { span: self.span(range), cluster });
        }
        if self.is_name_start(j) && !self.is_word_of_determiner(j) {
            let mut e = j + 1;
            while e < end && (self.is_name_start(e) || (matches!(self.folded(e), "de" | "van" | "von" | "da" | "di" | "del" | "le") && self.is_name_start(e + 1))) {
                e += 1;
            }
            // `the Crown prosecutor`: a capitalised modifier of a role noun, not a name.
            if e < end && self.is_word(e) && GenderedWords::roles().get(self.tok(e)).is_some() {
                if let Some(holder) = self.apposed_name(e + 1, end).or_else(|| self.name_at(e + 1, end)) {
                    return Some(holder);
                }
                return Some(SpeakerWords::Role { tokens: j..e + 1, head: self.folded(e).to_string() });
            }
            return Some(SpeakerWords::Name { tokens: j..e });
        }
        if let Some(p) = self.pronoun_at(j).or_else(|| self.plural_pronoun_at(j)) {
            return Some(p);
        }
        // `said meteorologist Kevin Tran`, `said police chief Ann Lee`: role words, no article.
        if let Some(e) = (j..(j + 3).min(end)).find(|&e| !self.is_word(e) || self.is_name_start(e)) {
            if e > j && (j..e).all(|k| self.is_word(k)) && GenderedWords::roles().get(self.tok(e - 1)).is_some() {
                if let Some(m) = self.mention_at(e) {
                    let (range, cluster) = self.mentions[m as usize].clone();
                    if range.start == e && matches!(self.cluster_kind(cluster), EntityType::PER | EntityType::MISC) {
                        return Some(SpeakerWords::Entity { span: self.span(range), cluster });
                    }
                }
            }
        }
        let folded = self.folded(j);
        // `un de ses porte-parole, Olivier Goudet`, `l'un des avocats, Paul Roux`, `one of its
        // founders, Ann Lee`: the person named in apposition to one of a group (the comma closing
        // the group: not `one of the climbers from Lyon, France`).
        let one = if folded == "l'" && matches!(self.folded(j + 1), "un" | "une") { j + 1 } else { j };
        if matches!(self.folded(one), "un" | "une" | "one") && one + 1 < end && matches!(self.folded(one + 1), "de" | "des" | "d'" | "of") {
            let comma = (one + 2..end.min(one + 7)).take_while(|&k| self.is_word(k) && !self.is_name_start(k) || self.tok(k) == ",").find(|&k| self.tok(k) == ",");
            if let Some(apposed) = comma.and_then(|c| self.apposed_person(c, end)) {
                return Some(apposed);
            }
            // Otherwise someone the text does not name (`said one of the climbers`).
            let mut group_end = comma.unwrap_or_else(|| (one + 2..end.min(one + 6)).take_while(|&k| self.is_word(k) && !self.is_name_start(k)).last().map_or(one + 2, |k| k + 1));
            while group_end > one + 3 && matches!(self.folded(group_end - 1), "from" | "of" | "in" | "at" | "de" | "du" | "des" | "d'" | "à" | "au" | "aux" | "en") {
                group_end -= 1;
            }
            return Some(SpeakerWords::Unnamed { tokens: j..group_end });
        }
        if DETERMINERS.contains(&folded) {
            // Up to the head noun: determiner, adjectives, noun (`un haut responsable`).
            let roles = GenderedWords::roles();
            let org_nouns = crate::lexicon::WordSet::organisation_nouns();
            let mut e = j + 1;
            while e < end && e < j + 5 && self.is_word(e) && (!self.is_name_start(e) || e == j + 1 && generic_next) && self.cue_at(e, end).is_none() {
                let w = self.folded(e);
                e += 1;
                // `a police spokesman`: the person noun after an organisation noun is the head
                // (in English; French puts modifiers after the head: `l'association luttant`).
                let person_follows = self.doc.language != Language::French && e < end && roles.get(self.tok(e)).is_some();
                let names_organisation = (org_nouns.contains_folded(w) || OrganisationReferences::get().heads(w).is_some()) && !person_follows;
                // `le politologue Julien Ferrand`: a name right after a person's role is the speaker.
                if roles.get(w).is_some() {
                    if let Some(named) = self.name_at(e, end) {
                        return Some(named);
                    }
                }
                if roles.get(w).is_some() || names_organisation {
                    // Complements of the role: `porte-parole du ministère de l'Intérieur`.
                    // (A verb ends them: `le journal est victime`; so does a preposition of time
                    // or place: `le chef du gouvernement sur Twitter`, `l'agence dans son communiqué`.)
                    let ends_complement = |c: usize| match self.doc.language {
                        Language::French => matches!(self.folded(c), "est" | "sont" | "était" | "a" | "ont" | "avait" | "dans" | "sur" | "lors" | "pendant" | "auprès"),
                        _ => matches!(self.folded(c), "is" | "are" | "was" | "were" | "has" | "have" | "had" | "on" | "during"),
                    };
                    let mut c = e;
                    while c < end && c < e + 10 && !self.punct(c) && !self.quote_mark(c) && self.cue_at(c, end).is_none() && !self.quoted.get(c) && !ends_complement(c) {
                        c += 1;
                    }
                    // `le ministre de l'Économie et des Finances Michel Sapin`: a person named
                    // at the end of the role's complement holds it (not after a preposition:
                    // `le porte-parole de Paul Roux`).
                    let holder = self.holder_in(e + 1..c);
                    if holder.is_some() {
                        return holder;
                    }
                    // … never ending on a preposition or article (`de la Régie des`), nor on an
                    // adverb (`selon la préfecture même`).
                    while c > e && matches!(self.folded(c - 1), "de" | "du" | "des" | "la" | "le" | "l'" | "d'" | "of" | "the" | "à" | "au" | "aux" | "en" | "in" | "for" | "pour" | "ne" | "n'" | "se" | "s'" | "même" | "aussi" | "également" | "lui-même" | "elle-même" | "eux-mêmes" | "elles-mêmes" | "himself" | "herself" | "itself" | "themselves" | "too" | "also") {
                        c -= 1;
                    }
                    // `le préfet, Thomas Berger,`: the name in apposition is the speaker.
                    if let Some(apposed) = self.apposed_name(c, end) {
                        return Some(apposed);
                    }
                    // The speaker words start after the determiner: `parquet fédéral de Belgique`.
                    return Some(SpeakerWords::Role { tokens: j + 1..c, head: w.to_string() });
                }
                if matches!(w, "by" | "of" | "de" | "du" | "des" | "from" | "on" | "in" | "à" | "au" | "aux" | "who" | "qui" | "that" | "que") {
                    e -= 1;
                    break;
                }
            }
            if e > j + 1 {
                return Some(SpeakerWords::Unnamed { tokens: j..e });
            }
        }
        None
    }

    /// A person named in the complement of a role noun, not after a preposition (`ministre de
    /// l'Économie et des Finances Michel Sapin`; not `le porte-parole de Paul Roux`): its holder.
    fn holder_in(&self, r: Range<usize>) -> Option<SpeakerWords> {
        // Only over a portfolio's words (`de l'Économie et des Finances`), not a clause (`le
        // directeur de l'hôpital où travaillait Paul Roux`).
        let portfolio_word = |u: usize| self.is_name_start(u) || matches!(self.folded(u), "de" | "du" | "des" | "d'" | "l'" | "la" | "le" | "et" | "and" | "of" | "the");
        r.clone().filter(|&t| t > 0).take_while(|&t| t == r.start || portfolio_word(t - 1)).find_map(|t| {
            let (range, cluster) = self.mentions[self.mention_at(t)? as usize].clone();
            let complement = matches!(self.folded(t - 1), "de" | "du" | "des" | "d'" | "of" | "la" | "le" | "l'" | "les" | "the" | "à" | "au" | "aux" | "to" | "for" | "pour" | "par" | "by" | "with" | "avec");
            (range.start == t && !complement && self.cluster_kind(cluster) == EntityType::PER).then(|| SpeakerWords::Entity { span: self.span(range), cluster })
        })
    }

    /// `, Thomas Berger` right after a role phrase ending at `at`: the person it names.
    fn apposed_name(&self, at: usize, end: usize) -> Option<SpeakerWords> {
        if at + 1 >= end || self.tok(at) != "," {
            return None;
        }
        let Some(m) = self.mention_at(at + 1) else {
            // A name the tagger missed: two capitalised words at least (`, Ann Lee`), as one
            // alone is as often a place (`, Ohio`).
            let mut e = at + 1;
            while e < end && self.is_name_start(e) && !self.is_generic_word(e) {
                e += 1;
            }
            return (e >= at + 3).then_some(SpeakerWords::Name { tokens: at + 1..e });
        };
        let (range, cluster) = self.mentions[m as usize].clone();
        match self.cluster_kind(cluster) {
            EntityType::PER | EntityType::MISC => Some(SpeakerWords::Entity { span: self.span(range), cluster }),
            // `the teacher, Min Park`: the tagger took the name for a place; the role says person.
            EntityType::LOC => Some(SpeakerWords::ApposedPerson { span: self.span(range), cluster }),
            _ => None,
        }
    }

    /// [`Ctx::apposed_name`] when it is a person's name: not a place (`one of the climbers from
    /// Lyon, France`), nor a possessor (`one of the victims, Ann Lee's brother`).
    fn apposed_person(&self, at: usize, end: usize) -> Option<SpeakerWords> {
        let words = self.apposed_name(at, end)?;
        let (after, person) = match &words {
            SpeakerWords::Entity { span, cluster } => (self.doc.token_at_or_after(span.end), self.cluster_kind(*cluster) == EntityType::PER),
            SpeakerWords::Name { tokens } => (tokens.end, true),
            _ => return None,
        };
        (person && (after >= end || self.tok(after) != "'s")).then_some(words)
    }

    /// A person's name starting at `k`: a person mention, or capitalised words no entity covers.
    fn name_at(&self, k: usize, end: usize) -> Option<SpeakerWords> {
        if k >= end {
            return None;
        }
        if let Some(m) = self.mention_at(k) {
            let (range, cluster) = self.mentions[m as usize].clone();
            return (range.start == k && matches!(self.cluster_kind(cluster), EntityType::PER | EntityType::MISC))
                .then(|| SpeakerWords::Entity { span: self.span(range), cluster });
        }
        let mut e = k;
        while e < end && self.is_name_start(e) && !self.is_generic_word(e) && self.person_noun(e).is_none() {
            e += 1;
        }
        (e > k).then_some(SpeakerWords::Name { tokens: k..e })
    }

    /// A kind of organisation (`ONG`, `syndicat`, `charity`): the name after it is an
    /// organisation's.
    fn is_organisation_kind(&self, k: usize) -> bool {
        WordSet::organisation_kinds().contains_folded(self.folded(k))
    }

    /// A capitalised word that names nobody: a calendar word, a function word, a common word
    /// the lexicons list as no name.
    fn is_generic_word(&self, k: usize) -> bool {
        self.is_generic_mention(&(k..k + 1))
            || crate::entities::is_calendar_word(self.folded(k))
            || WordSet::not_names().contains(self.tok(k))
            || WordSet::french_function_words().contains(self.tok(k))
            || WordSet::english_function_words().contains(self.tok(k))
    }

    /// Gender of a capitalised noun that describes a person without naming them: a party
    /// member (`Republican`) or a nationality used as a noun (`the Spaniard`).
    fn capitalised_description(&self, k: usize) -> Option<Gender> {
        if !self.is_name_start(k) {
            return None;
        }
        let w = self.tok(k);
        GenderedWords::person_descriptions().get(w).or_else(|| self.doc.is_demonym(w).then_some(Gender::Unknown))
    }

    /// Gender of a noun that can stand for a person: a role, a description or a nationality.
    fn person_noun(&self, k: usize) -> Option<Gender> {
        GenderedWords::roles().get(self.tok(k)).or_else(|| GenderedWords::person_descriptions().get(self.tok(k))).or_else(|| self.capitalised_description(k))
    }

    /// A word that may stand between a determiner and its noun: an adjective, a number, an age
    /// (`the 71-year-old Republican`).
    fn is_modifier(&self, k: usize) -> bool {
        !self.is_name_start(k)
            && !self.quoted.get(k)
            && !ANAPHORIC_DETERMINERS.contains(&self.folded(k))
            && (self.is_word(k) || self.tok(k) == "-" || self.tok(k).starts_with(|c: char| c.is_ascii_digit()))
    }

    /// Whether a noun phrase may end at token `k`: what follows is no further noun (`the French
    /// club`) but punctuation, a reporting verb or an adverb (`the Spaniard said`).
    fn np_may_end_at(&self, k: usize, end: usize) -> bool {
        let next = k + 1;
        next >= end || !self.is_word(next) || SKIPPABLE.contains(&self.folded(next)) || self.cue_at(next, end).is_some()
    }

    /// `the Spaniard`, `the 71-year-old Republican` starting at `j`: a definite phrase whose
    /// head describes a person it does not name.
    fn described_person_at(&self, j: usize, end: usize) -> Option<SpeakerWords> {
        if !ANAPHORIC_DETERMINERS.contains(&self.folded(j)) {
            return None;
        }
        let mut k = j + 1;
        while k < end && k < j + 8 && self.is_modifier(k) {
            k += 1;
        }
        if k >= end || self.capitalised_description(k).is_none() || !self.np_may_end_at(k, end) {
            return None;
        }
        // (`Le Parisien` the newspaper, as the tagger read it, is no Parisian.)
        if self.mention_at(k).is_some_and(|m| self.cluster_kind(self.mentions[m as usize].1) == EntityType::ORG) {
            return None;
        }
        Some(SpeakerWords::Role { tokens: j + 1..k + 1, head: self.folded(k).to_string() })
    }

    /// The same phrase ending just before `end`.
    fn described_person_ending_at(&self, floor: usize, end: usize) -> Option<SpeakerWords> {
        let head = end.checked_sub(1).filter(|&h| h >= floor)?;
        self.capitalised_description(head)?;
        let mut s = head;
        while s > floor && s + 8 > head && self.is_modifier(s - 1) {
            s -= 1;
        }
        (s > floor && ANAPHORIC_DETERMINERS.contains(&self.folded(s - 1))).then(|| SpeakerWords::Role { tokens: s..end, head: self.folded(head).to_string() })
    }

    fn is_word_of_determiner(&self, j: usize) -> bool {
        matches!(self.folded(j), "le" | "la" | "les" | "the" | "un" | "une" | "a" | "an" | "l'")
    }

    /// The speaker words ending just before `end` (`he`, `Smith`, `the spokesman`).
    fn np_ending_at(&self, floor: usize, end: usize) -> Option<SpeakerWords> {
        let mut e = end;
        while e > floor && SKIPPABLE.contains(&self.folded(e - 1)) {
            e -= 1;
        }
        if e == floor {
            return None;
        }
        let k = e - 1;
        if let Some(m) = self.mention_at(k) {
            let (range, cluster) = self.mentions[m as usize].clone();
            return Some(self.group_ending_at(range.end).unwrap_or(SpeakerWords::Entity { span: self.span(range), cluster }));
        }
        if let Some(p) = self.pronoun_at(k).or_else(|| self.plural_pronoun_at(k)) {
            return Some(p);
        }
        if let Some(described) = self.described_person_ending_at(floor, e) {
            return Some(described);
        }
        if self.is_name_start(k) {
            let mut s = k;
            while s > floor && self.is_name_start(s - 1) {
                s -= 1;
            }
            return Some(SpeakerWords::Name { tokens: s..e });
        }
        self.role_np_ending_at(floor, e).or_else(|| {
            // `the owners said`, `les témoins racontent`: a source described, not named.
            let det = e.checked_sub(2).filter(|&d| d >= floor && DETERMINERS.contains(&self.folded(d)))?;
            (self.is_word(k) && !self.is_name_start(k)).then_some(SpeakerWords::Unnamed { tokens: det..e })
        })
    }

    /// `le ministre britannique`, `the spokesman`, `a police spokesman` ending at `end`.
    fn role_np_ending_at(&self, floor: usize, end: usize) -> Option<SpeakerWords> {
        if let Some(described) = self.described_person_ending_at(floor, end) {
            return Some(described);
        }
        let roles = GenderedWords::roles();
        let org_nouns = crate::lexicon::WordSet::organisation_nouns();
        let lo = end.saturating_sub(9).max(floor);
        if (lo..end).any(|k| self.punct(k) || self.quote_mark(k) || self.quoted.get(k)) {
            return None;
        }
        // The first role noun after a determiner: `le ministre britannique des Affaires étrangères`.
        // (A possessive determines as well: `Corvane's founder`.)
        let det = (lo..end).find(|&k| (DETERMINERS.contains(&self.folded(k)) || self.folded(k) == "'s") && k + 1 < end)?;
        // A person's role noun first (`a police spokesman`), else an organisation noun; not a
        // possessor (`the report's authors`: the authors speak, not the report).
        let window = det + 1..(det + 4).min(end);
        let possessor = |k: usize| k + 1 < end && self.folded(k + 1) == "'s";
        let head = window
            .clone()
            .find(|&k| roles.get(self.tok(k)).is_some())
            .or_else(|| window.clone().find(|&k| !possessor(k) && (org_nouns.contains(self.tok(k)) || OrganisationReferences::get().heads(self.folded(k)).is_some())))?;
        Some(SpeakerWords::Role { tokens: det + 1..end, head: self.folded(head).to_string() })
    }

    fn span(&self, r: Range<usize>) -> ByteSpan {
        self.doc.tokens[r.start].start()..self.doc.tokens[r.end - 1].end()
    }

    /// Turns speaker words into a speaker: the entity they name, if any.
    fn resolve(&mut self, clusters: &mut Vec<EntityCluster>, words: SpeakerWords, at: usize) -> FoundSpeaker {
        match words {
            SpeakerWords::Entity { span, cluster } => {
                if clusters[cluster].kind == EntityType::MISC {
                    // A name that speaks is someone's, or an organisation's by its words
                    // (`— Société Dark Star`).
                    let heads = crate::lexicon::WordSet::organisation_heads();
                    let organisation = clusters[cluster].name.split(' ').any(|w| heads.contains(w));
                    let kind = if organisation { EntityType::ORG } else { EntityType::PER };
                    clusters[cluster].kind = kind;
                    self.kinds[cluster] = kind;
                }
                FoundSpeaker { span, entity: Some(cluster) }
            }
            SpeakerWords::Name { tokens } => {
                let span = self.span(tokens.clone());
                let cluster = self.name_cluster(clusters, tokens);
                FoundSpeaker { span, entity: Some(cluster) }
            }
            SpeakerWords::ApposedPerson { span, cluster } => {
                clusters[cluster].kind = EntityType::PER;
                self.kinds[cluster] = EntityType::PER;
                FoundSpeaker { span, entity: Some(cluster) }
            }
            SpeakerWords::Pronoun { span, gender } => {
                // Antecedents are searched before the pronoun itself, and "the previous sentence"
                // is the one before the quote (`« A. B », prévient-il`).
                let entity = self.resolve_pronoun(clusters, gender, span.start, at.min(span.start));
                if let Some(e) = entity {
                    if clusters[e].gender == Gender::Unknown {
                        clusters[e].gender = gender; // agreement: `a-t-elle`
                    }
                } else {
                    self.unnamed_spoke_in = Some((self.doc.sentence_of_token(self.doc.token_at_or_after(at)), gender));
                }
                FoundSpeaker { span, entity }
            }
            SpeakerWords::Role { tokens, head } => {
                // `Another analyst`, `un autre responsable`: not the one named before.
                let other = (tokens.start.saturating_sub(1)..tokens.end).any(|k| matches!(self.folded(k), "another" | "other" | "autre" | "autres"));
                if other {
                    return FoundSpeaker { span: self.span(tokens), entity: None };
                }
                let mut entity = self
                    .resolve_role(clusters, &tokens, &head, at)
                    // `la maire` is not the outgoing mayor, a man: the article's gender must agree.
                    .filter(|&e| clusters[e].kind != EntityType::PER || self.article_gender(tokens.start).compatible(clusters[e].gender))
                    .or_else(|| self.referred_organisation(clusters, &tokens, &head, at));
                let determiner = tokens.start.checked_sub(1).map(|d| self.folded(d)).unwrap_or_default();
                if INDEFINITE_DETERMINERS.contains(&determiner) && !(self.doc.language == Language::French && determiner == "a") {
                    // `a police spokesman`: one of many, never someone named before.
                    return FoundSpeaker { span: self.span(tokens), entity: None };
                }
                if entity.is_none() && tokens.len() >= 2 && crate::lexicon::WordSet::organisation_nouns().contains_folded(&head) {
                    // `le parquet fédéral de Belgique` speaks: an organisation described, not named.
                    entity = Some(self.described_organisation(clusters, tokens.clone(), head.clone()));
                }
                if entity.is_none() && ANAPHORIC_DETERMINERS.contains(&determiner) {
                    // `the Spaniard`, `l'élu de 67 ans`: the person just named that the noun fits.
                    entity = self.described_person(clusters, &head, determiner, at);
                }
                FoundSpeaker { span: self.span(tokens), entity }
            }
            SpeakerWords::PluralPronoun { span } => {
                // The group that spoke last; else the organisation that spoke last (`the police
                // … "…," they said`); else nobody named: a plural is no single person. Either
                // only from this paragraph or the one before: further back, `they` are others.
                let here = self.paragraph_at(at);
                let recent = |p: usize| p + 1 >= here;
                if let Some(tokens) = self.last_group.clone().filter(|_| recent(self.last_group_paragraph)) {
                    return self.resolve(clusters, SpeakerWords::Group { tokens }, at);
                }
                let entity = self
                    .last_speaker
                    .filter(|&e| self.cluster_kind(e) == EntityType::ORG && self.last_speaker_paragraph.is_some_and(recent));
                FoundSpeaker { span, entity }
            }
            SpeakerWords::Unnamed { tokens } => {
                // `les parents` after `Paul et Marie Durand, parents de …`: that group.
                let described = tokens.clone().find_map(|k| self.group_described_by(self.folded(k), self.doc.token_at_or_after(at)));
                match described {
                    Some(group) => self.resolve(clusters, SpeakerWords::Group { tokens: group }, at),
                    None => FoundSpeaker { span: self.span(tokens), entity: None },
                }
            }
            SpeakerWords::Group { tokens } => {
                self.last_group = Some(tokens.clone());
                self.last_group_paragraph = self.paragraph_at(at);
                FoundSpeaker { span: self.span(tokens), entity: None }
            }
        }
    }

    /// The cluster for a name no mention covered: a known person it abbreviates or misspells,
    /// or a new person.
    fn name_cluster(&mut self, clusters: &mut Vec<EntityCluster>, mut tokens: Range<usize>) -> usize {
        // A function word capitalised because it opens the sentence is no part of the name
        // (`Sur LCI, des voisins décrivent`); articles stay (`Le Progrès`).
        while tokens.len() > 1
            && self.sentence_initial(tokens.start)
            && matches!(self.folded(tokens.start), "sur" | "dans" | "en" | "pour" | "par" | "avec" | "selon" | "chez" | "on" | "in" | "at" | "for" | "with" | "from" | "by")
        {
            tokens.start += 1;
        }
        let words: Vec<&str> = tokens.clone().map(|k| self.folded(k)).collect();
        let last = words.last().copied().unwrap_or_default();
        let span = self.span(tokens.clone());
        // After a kind of organisation (`la start-up Lumio`) the name is an organisation's.
        // (Or a few words before it, describing it: `l'agence de presse officielle togolaise
        // Sentinelle`.)
        let kind = (tokens.start.saturating_sub(8)..tokens.start)
            .rev()
            .take_while(|&k| self.is_word(k) && self.mention_at(k).is_none())
            .find(|&k| self.is_organisation_kind(k));
        let existing = clusters.iter().position(|c| {
            matches!(c.kind, EntityType::PER | EntityType::MISC)
                && kind.is_none()
                && c.name.split_whitespace().last().is_some_and(|w| same_name_word(&fold(w), last))
        });
        if let Some(c) = existing.filter(|&c| !clusters[c].name.contains('.')) {
            clusters[c].kind = EntityType::PER; // it speaks: a person
        }
        let c = match existing {
            Some(c) => c,
            None => {
                let first = self.tok(tokens.start);
                // `Gawker.com have stated`: a site speaks as an organisation.
                let site = sub(self.doc.text, span.clone()).contains('.') && tokens.len() == 1;
                clusters.push(EntityCluster {
                    kind: if site || kind.is_some() { EntityType::ORG } else { EntityType::PER },
                    name: sub(self.doc.text, span.clone()).to_string(),
                    role: None,
                    role_head: None,
                    gender: GenderedWords::first_names().get(first).unwrap_or_default(),
                    mentions: Vec::new(),
                });
                clusters.len() - 1
            }
        };
        self.add_mention(clusters, c, span);
        c
    }

    fn described_organisation(&mut self, clusters: &mut Vec<EntityCluster>, tokens: Range<usize>, head: String) -> usize {
        let span = self.span(tokens);
        let name = sub(self.doc.text, span.clone()).to_string();
        let c = match clusters.iter().position(|c| c.kind == EntityType::ORG && fold(&c.name) == fold(&name)) {
            Some(c) => c,
            None => {
                clusters.push(EntityCluster {
                    kind: EntityType::ORG,
                    name,
                    role: None,
                    role_head: Some(head),
                    gender: Gender::Unknown,
                    mentions: Vec::new(),
                });
                clusters.len() - 1
            }
        };
        self.add_mention(clusters, c, span);
        c
    }

    /// The person a definite person noun (`the Spaniard`, `la chanteuse`, `l'élu`) refers back
    /// to: the latest person named before `at` in this paragraph or the one before whose gender
    /// agrees with the noun's (or, in French, its article's).
    fn described_person(&self, clusters: &[EntityCluster], head: &str, determiner: &str, at: usize) -> Option<usize> {
        let noun_gender = GenderedWords::roles()
            .get(head)
            .or_else(|| GenderedWords::person_descriptions().get(head))
            .or_else(|| self.doc.is_demonym(head).then_some(Gender::Unknown))?;
        let gender = match noun_gender {
            Gender::Unknown => article_gender(determiner),
            g => g,
        };
        let at_tok = self.doc.token_at_or_after(at);
        let paragraph = self.paragraph_at(at);
        let from = self.doc.token_at_or_after(self.doc.paragraph(paragraph.saturating_sub(1)).start).max(at_tok.saturating_sub(PRONOUN_WINDOW_TOKENS));
        self.mentions_before(from, at_tok).into_iter().find(|&c| clusters[c].kind == EntityType::PER && gender.compatible(clusters[c].gender))
    }

    /// The gender a French article before the phrase starting at `start` gives its noun.
    fn article_gender(&self, start: usize) -> Gender {
        start.checked_sub(1).map_or(Gender::Unknown, |d| article_gender(self.folded(d)))
    }

    /// `il`/`he` → the last speaker if compatible, else the latest compatible person named.
    fn resolve_pronoun(&self, clusters: &[EntityCluster], gender: Gender, at: usize, context_start: usize) -> Option<usize> {
        // Candidates, most salient first: the last speaker, then persons named recently.
        let at_tok = self.doc.token_at_or_after(at);
        let context_tok = self.doc.token_at_or_after(context_start).min(self.doc.tokens.len().saturating_sub(1));
        let horizon = self.doc.sentence_of_token(at_tok.min(self.doc.tokens.len().saturating_sub(1)));
        let oldest_para = self.doc.sentences.get(horizon).map_or(0, |s| s.paragraph().saturating_sub(4));
        let oldest_tok = self.doc.token_at_or_after(self.doc.paragraphs().get(oldest_para).map_or(0, |p| p.range().start));
        // Mentions are read token by token backwards from the pronoun, over a bounded window,
        // so that resolution costs the same anywhere in a long text.
        let window_start = oldest_tok.max(at_tok.saturating_sub(PRONOUN_WINDOW_TOKENS));
        let recent = self.mentions_before(window_start, at_tok);
        // A person named earlier in the same sentence (`Thomas' sister pleaded with him, but he
        // replied`) is more salient than the last speaker.
        let sentence_start = self.doc.sentences.get(horizon).map_or(0, |s| s.tokens().start).max(window_start);
        let in_sentence = self.mentions_before(sentence_start, at_tok);
        // … except the object of a preposition (`after a meeting with Lam, he said`, `pointed at
        // Lee, who he said …`), which is seldom the one speaking.
        let mut in_sentence_subjects = self.mentions_between(sentence_start, at_tok, true);
        // The words before the quote in the sentence it opens in belong to that sentence too
        // (`Hale announced the decision on Facebook. "I support … This bill …," he wrote.`,
        // where the text's sentences end inside the quote).
        let lead_in_start = self.doc.sentences[self.doc.sentence_of_token(context_tok)].tokens().start.max(window_start);
        if lead_in_start < context_tok && context_tok < sentence_start {
            in_sentence_subjects.extend(self.mentions_between(lead_in_start, context_tok, true));
        }
        // The person opening the sentence, its subject, before the names after it (`McAlister
        // thanked Brekkvik's chief executive, Ingrid Solheim, for what he called …`).
        if let Some(&subject) = self.mention_at(sentence_start).map(|m| &self.mentions[m as usize].1) {
            if let Some(at) = in_sentence_subjects.iter().position(|&c| c == subject) {
                in_sentence_subjects[..=at].rotate_right(1);
            }
        }
        let same_sentence = in_sentence_subjects.iter().copied().filter(|&c| clusters[c].kind == EntityType::PER && gender.compatible(clusters[c].gender));
        let previous = self.previous_subject(clusters, self.doc.sentence_of_token(context_tok), gender);
        let previous_subject = previous.flatten().filter(|&c| gender.compatible(clusters[c].gender));
        // With nobody named earlier in its own sentence, the subject of the sentence before
        // that agrees (`Diallo sounded ready. "…," he said`) beats an earlier speaker, even one
        // whose gender is known to agree. (Within the sentence, any name may be a possessor or
        // an object: `Thomas' sister pleaded with Gloria's father, but he replied`.)
        if same_sentence.clone().next().is_none() {
            if let Some(subject) = previous_subject {
                return Some(subject);
            }
            // `Le premier témoin a raconté … « … », a-t-il déclaré`: someone the text does not name.
            if previous == Some(None) {
                return None;
            }
            // `Business France a reconnu … Elle précise`: an organisation opening the sentence
            // before, in the same paragraph, with no person named since.
            if let Some(org) = self.previous_sentence_organisation(self.doc.sentence_of_token(context_tok)) {
                return Some(org);
            }
        }
        // The last speaker, when no other person who agrees has been named since (`"…," said
        // flight director Amara Osei. "…," she said`): not a woman named further back (a
        // byline's `By Jane Reporter`), even though Osei's gender is unknown.
        // (Not over a person of the paragraph whose gender is known to agree: `Sarah Collins
        // has run the agency … "…," said hydrologist Tanaka … "…," she said`.)
        let nearest = recent.iter().copied().find(|&c| clusters[c].kind == EntityType::PER && gender.compatible(clusters[c].gender));
        if same_sentence.clone().next().is_none() && nearest.is_some() && nearest == self.last_speaker {
            let paragraph_start = self.doc.token_at_or_after(self.doc.paragraph(self.paragraph_at(at)).start).max(window_start);
            let agreeing_in_paragraph = gender != Gender::Unknown && self.mentions_before(paragraph_start, at_tok).iter().any(|&c| Some(c) != self.last_speaker && clusters[c].kind == EntityType::PER && clusters[c].gender == gender);
            if !agreeing_in_paragraph {
                return nearest;
            }
        }
        let candidates: Vec<usize> = same_sentence
            .chain(previous_subject)
            .chain(self.last_speaker)
            .chain(recent.iter().copied())
            .filter(|&c| clusters[c].kind == EntityType::PER)
            .collect();
        // A person whose gender is known to agree beats one whose gender is unknown; failing
        // both, an organisation named in the same sentence (`l'Union … : « … », a-t-elle déclaré`).
        candidates
            .iter()
            .copied()
            .find(|&c| clusters[c].gender == gender && gender != Gender::Unknown)
            .or_else(|| candidates.iter().copied().find(|&c| gender.compatible(clusters[c].gender)))
            .or_else(|| in_sentence.iter().copied().find(|&c| clusters[c].kind == EntityType::ORG))
    }

    /// Clusters of the mentions (outside quotes) ending in `from..to`, nearest first.
    fn mentions_before(&self, from: usize, to: usize) -> Vec<usize> {
        self.mentions_between(from, to, false)
    }

    /// [`Ctx::mentions_before`], leaving out with `skip_objects` the objects of prepositions.
    fn mentions_between(&self, from: usize, to: usize, skip_objects: bool) -> Vec<usize> {
        let mut out = Vec::new();
        let mut k = to.min(self.doc.tokens.len());
        while k > from {
            k -= 1;
            if let Some(m) = self.mention_at(k) {
                let (range, cluster) = &self.mentions[m as usize];
                let object = skip_objects && range.start > 0 && OBJECT_PREPOSITIONS.contains(&self.folded(range.start - 1));
                if !self.quoted.get(range.start) && !object {
                    out.push(*cluster);
                }
                k = range.start.max(from);
            }
        }
        out
    }

    /// Where a sentence's own words start after a dateline or a live-blog time (`BRUXELLES –`,
    /// `16 h 25 –`, `OTTAWA, Oct 29 (Reuters) -`): after the dash, else at its start.
    fn after_dateline(&self, r: Range<usize>) -> usize {
        (r.start + 2..r.end.min(r.start + 11)).find(|&k| crate::entities::after_dateline(self.doc, r.start, k)).unwrap_or(r.start)
    }

    /// The subject of the sentence before `sentence`, as [`Ctx::previous_sentence_subject`] reads
    /// it, or when it names nobody: a pronoun (`Elle a rencontré …`) stands for the subject of
    /// the sentence before it; a definite role or description (`Le préfet fait …`, `Le Serbe,
    /// …, a salué`) for the person holding it. `Some(None)`: an unnamed person is the subject
    /// (`Le premier témoin a raconté …`, `le ministre de l'Intérieur promet …` with no minister
    /// named), or spoke last in that sentence; a pronoun after it names nobody in the text.
    fn previous_subject(&self, clusters: &[EntityCluster], sentence: usize, gender: Gender) -> Option<Option<usize>> {
        let prev = sentence.checked_sub(1)?;
        if self.doc.sentences[sentence].paragraph() > self.doc.sentences[prev].paragraph() + 1 {
            return None;
        }
        let r = self.doc.sentences[prev].tokens();
        let start = self.after_dateline(r.clone());
        if start < r.end && self.pronoun_at(start).is_some() {
            return self.previous_sentence_subject(prev).map(Some);
        }
        // `A member of the crew, who …, said …. « … », she said`: the source the sentence before
        // does not name, when it reports speech (a name in its subject is a complement: `a
        // friend of Smith`).
        // (After an opening phrase too: `Outside the arena, one Finnish fan said …`.)
        let after_comma = (start..r.end.min(start + 16)).find(|&k| self.tok(k) == ",").map_or(start, |c| c + 1);
        let unnamed = self.indefinite_source(start..r.end).or_else(|| (after_comma > start).then(|| self.indefinite_source(after_comma..r.end)).flatten());
        if let Some(SpeakerWords::Unnamed { tokens }) = unnamed {
            // Its own reporting verb: within a few dozen words, before anyone is named and before
            // a clause of its own (`A passenger filmed the crash, and pilot Ann Lee told …`).
            let reports = (tokens.end..r.end.min(tokens.end + 40))
                .take_while(|&k| !(self.names_person(k..k + 1) || self.tok(k) == "," && matches!(self.folded(k + 1), "and" | "but" | "et" | "mais")))
                .any(|k| !self.quoted.get(k) && self.cue_at(k, r.end).is_some());
            // The noun's gender, else its article's (`Un témoin …. « … », dit-elle` is someone else).
            let noun_gender = tokens.clone().find_map(|k| self.person_noun(k)).filter(|&g| g != Gender::Unknown).unwrap_or_else(|| match self.folded(tokens.start) {
                "un" => Gender::Male,
                "une" => Gender::Female,
                _ => Gender::Unknown,
            });
            if reports && gender.compatible(noun_gender) {
                return Some(None);
            }
        }
        if let Some(c) = self.previous_sentence_subject(sentence) {
            // `Sidorenko finit par réagir et Kovacs flanche. « … » a-t-elle déclaré`: the subject
            // of a clause coordinated after the first one is nearer, and is the one meant when
            // both agree with the pronoun.
            let later = self.coordinated_subject(r.clone()).filter(|&l| l != c && gender != Gender::Unknown && gender.compatible(clusters[l].gender) && gender.compatible(clusters[c].gender));
            // `Alvarado and the campaign's chair, Linda Park, thanked …. « … », she said`: of two
            // coordinated subjects, the one whose gender is known to agree.
            let partner = (gender != Gender::Unknown && clusters[c].gender == Gender::Unknown)
                .then(|| self.coordinated_partner(r.clone(), c))
                .flatten()
                .filter(|&p| clusters[p].gender == gender);
            return Some(Some(later.or(partner).unwrap_or(c)));
        }
        if self.unnamed_spoke_in.is_some_and(|(s, g)| s == prev && (g == gender || g == Gender::Unknown)) {
            return Some(None);
        }
        let first_comma = (start..r.end.min(start + 10)).find(|&k| self.tok(k) == ",");
        let slots = [Some(start), first_comma.map(|c| c + 1)];
        slots.into_iter().flatten().filter(|&k| k < r.end && !self.quoted.get(k)).find_map(|slot| {
            let determiner = self.folded(slot);
            if !ANAPHORIC_DETERMINERS.contains(&determiner) {
                return None;
            }
            let (tokens, head) = match self.np_at(slot, r.end) {
                Some(SpeakerWords::Role { tokens, head }) => (tokens, head),
                // `Le Ministre de la Défense Antoni Macierewicz était présent`: the role's holder.
                Some(SpeakerWords::Entity { cluster, .. }) if self.cluster_kind(cluster) == EntityType::PER => return Some(Some(cluster)),
                _ => return None,
            };
            let at = self.doc.tokens[slot].start();
            if let Some(e) = self.resolve_role(clusters, &tokens, &head, at).filter(|&e| clusters[e].kind == EntityType::PER) {
                return Some(Some(e));
            }
            if self.capitalised_description(tokens.end - 1).is_some() {
                return self.described_person(clusters, &head, determiner, at).map(Some);
            }
            // `Le président de l'Établissement … (EPTB), Hervé Kerjean, met en cause`: the name in
            // apposition, past a parenthesis.
            let apposed = (tokens.end..r.end.min(tokens.end + 25)).take_while(|&k| !self.quoted.get(k) && self.cue_at(k, r.end).is_none()).find_map(|k| {
                let (range, c) = self.mentions[self.mention_at(k)? as usize].clone();
                (range.start == k && self.tok(k - 1) == "," && self.cluster_kind(c) == EntityType::PER).then_some(c)
            });
            if apposed.is_some() {
                return Some(apposed);
            }
            let role_gender = GenderedWords::roles().get(&head)?;
            let role_gender = if role_gender == Gender::Unknown { article_gender(determiner) } else { role_gender };
            gender.compatible(role_gender).then_some(None)
        })
    }

    /// The person coordinated with `subject` in tokens `r` (`Alvarado and Linda Park`, `Alvarado
    /// and the campaign's chair, Linda Park,`): named right after its first mention's `and`/`et`,
    /// or after a short description closed by a comma.
    fn coordinated_partner(&self, r: Range<usize>, subject: usize) -> Option<usize> {
        let end = r.clone().filter(|&k| !self.quoted.get(k)).find_map(|k| {
            let (range, c) = &self.mentions[self.mention_at(k)? as usize];
            (*c == subject).then_some(range.end)
        })?;
        if end >= r.end || !matches!(self.folded(end), "and" | "et") {
            return None;
        }
        let comma = (end + 1..r.end.min(end + 8)).take_while(|&k| self.is_word(k) || self.tok(k) == "," || self.tok(k) == "'s").find(|&k| self.tok(k) == ",");
        let at = match comma {
            Some(c) if (end + 1..c).all(|k| self.mention_at(k).is_none() && !self.is_name_start(k)) => c + 1,
            _ => end + 1,
        };
        let (range, c) = self.mentions[self.mention_at(at)? as usize].clone();
        // (Not a possessor: `Moreau and Sarah Lindqvist's husband`.)
        (range.start == at && self.cluster_kind(c) == EntityType::PER && self.tok(range.end) != "'s").then_some(c)
    }

    /// The person subject of a clause coordinated in tokens `r` (`… et Kovacs flanche`, `…, mais
    /// Claire Whitmore a jugé`): named right after `et`/`mais`/`and`/`but` and followed by a
    /// lower-case word; the last such.
    fn coordinated_subject(&self, r: Range<usize>) -> Option<usize> {
        (r.start + 1..r.end).rev().find_map(|k| {
            if !matches!(self.folded(k - 1), "et" | "mais" | "and" | "but") || self.quoted.get(k) {
                return None;
            }
            let (range, c) = self.mentions[self.mention_at(k)? as usize].clone();
            // A verb follows (not a function or calendar word: `et Claire Martin mardi`), and the
            // name is no second member of a list (`a reçu Paul Roux et Claire Martin`).
            let next = range.end;
            let (fr, en) = (WordSet::french_function_words(), WordSet::english_function_words());
            let f = self.folded(next);
            let auxiliary = matches!(f, "a" | "avait" | "est" | "était" | "ne" | "n'" | "has" | "had" | "is" | "was" | "will" | "would");
            let verb_follows = next < r.end
                && self.is_word(next)
                && self.tok(next).starts_with(char::is_lowercase)
                && (auxiliary || !fr.contains_folded(f) && !en.contains_folded(f))
                && !crate::entities::is_calendar_word(f);
            let listed = k >= 2 && self.mention_at(k - 2).is_some_and(|m| self.mentions[m as usize].0.end == k - 1);
            (range.start == k && verb_follows && !listed && self.cluster_kind(c) == EntityType::PER).then_some(c)
        })
    }

    /// The organisation opening the sentence before `sentence`, in the same paragraph
    /// (`La CGT avait demandé …`).
    fn previous_sentence_organisation(&self, sentence: usize) -> Option<usize> {
        // French only (`il`/`elle` stand for organisations as for persons; `he`/`she` do not).
        let prev = sentence.checked_sub(1).filter(|_| self.doc.language == Language::French)?;
        let s = &self.doc.sentences[prev];
        if self.doc.sentences[sentence].paragraph() != s.paragraph() {
            return None;
        }
        let r = s.tokens();
        let mut k = self.after_dateline(r.clone());
        if k + 1 < r.end && matches!(self.folded(k), "le" | "la" | "l'" | "les" | "the") {
            k += 1;
        }
        let organisation_at = |k: usize| {
            let (range, c) = self.mentions[self.mention_at(k)? as usize].clone();
            (self.cluster_kind(c) == EntityType::ORG && range.start == k).then_some((range, c))
        };
        // … or the subject of a reporting verb after a comma (`Un Français a été enlevé au
        // Tchad, a confirmé le ministère des Affaires étrangères.`).
        let inverted = || {
            (r.start..r.end).filter(|&k| self.tok(k) == ",").find_map(|k| {
                let verb = if matches!(self.folded(k + 1), "a" | "avait" | "ont") { k + 2 } else { k + 1 };
                let n = self.cue_at(verb, r.end)?;
                let mut j = verb + n;
                if j + 1 < r.end && matches!(self.folded(j), "le" | "la" | "l'" | "les") {
                    j += 1;
                }
                organisation_at(j)
            })
        };
        let (range, c) = organisation_at(k).or_else(inverted)?;
        // No person named before it in its sentence (`Les pompiers ont secouru Paul Roux, a
        // indiqué la SNCF. « … », a-t-il raconté`), nor in the sentence after it (`La CGT a reçu
        // Paul Roux. Il …`), nor earlier in the paragraph (`Le maire Paul Roux a reçu les
        // syndicats. La CGT a salué … « … », a-t-il déclaré` is the mayor).
        let paragraph_start = self.doc.paragraphs().get(s.paragraph()).map_or(0, |p| self.doc.token_at_or_after(p.range().start));
        let person = self.names_person(r.start..range.start)
            || self.names_person(range.end..r.end.min(range.end + 60))
            || self.names_person(paragraph_start.max(r.start.saturating_sub(200))..r.start);
        (!person).then_some(c)
    }

    /// The person in subject position of the sentence before `sentence` in the same or the
    /// previous paragraph: named in its first words, or just after an opening phrase
    /// (`Dans l'entretien, Paul Marchand revient …`).
    fn previous_sentence_subject(&self, sentence: usize) -> Option<usize> {
        let prev = sentence.checked_sub(1)?;
        let s = &self.doc.sentences[prev];
        if self.doc.sentences[sentence].paragraph() > s.paragraph() + 1 {
            return None;
        }
        let r = s.tokens();
        let r = self.after_dateline(r.clone())..r.end;
        // (An opening phrase may be a clause: `Asked why farmers in the region had abandoned the
        // older varieties, Owusu-Mensah pointed …`.)
        let first_comma = (r.start..r.end.min(r.start + 16)).find(|&k| self.tok(k) == ",");
        // A role phrase in apposition before the name (`Le capitaine toulousain, Julien Marty,`):
        // the name after its comma is the subject too.
        let after_role = |slot: usize| {
            let comma = (slot..r.end.min(slot + 5)).find(|&k| self.tok(k) == ",")?;
            let words = slot..comma;
            (words.clone().any(|k| GenderedWords::roles().get(self.tok(k)).is_some()) && words.clone().all(|k| self.is_word(k) && self.mention_at(k).is_none()))
                .then_some(comma + 1)
        };
        let second = first_comma.map(|c| c + 1);
        let subject_slots = [Some(r.start), after_role(r.start), second, second.and_then(after_role)];
        subject_slots.into_iter().flatten().find_map(|slot| {
            let mut k = slot;
            while k < (slot + 4).min(r.end) {
                match self.mention_at(k).filter(|_| !self.quoted.get(k)) {
                    Some(m) => {
                        let (range, c) = self.mentions[m as usize].clone();
                        if self.cluster_kind(c) == EntityType::PER {
                            return Some(c);
                        }
                        // `U.S. District Judge Ann Lee`, `Colorado Gov. Dan Reyes`: a place
                        // qualifying the title before the name.
                        let title_follows = range.end < r.end && (GenderedWords::roles().get(self.tok(range.end)).is_some() || GenderedWords::titles().get(self.tok(range.end)).is_some() || self.is_name_start(range.end) && GenderedWords::roles().get(self.tok(range.end + 1)).is_some());
                        if !title_follows {
                            return None;
                        }
                        k = range.end;
                    }
                    None => k += 1,
                }
            }
            None
        })
    }

    /// `le ministre britannique des Affaires étrangères` → the person whose role shares the
    /// head noun and the most words; ties go to the latest named.
    fn resolve_role(&self, clusters: &[EntityCluster], tokens: &Range<usize>, head: &str, at: usize) -> Option<usize> {
        let np_words: Vec<&str> = tokens.clone().map(|k| self.folded(k)).collect();
        // Position (byte end + 1) of the entity's last mention before `at`, 0 if none.
        let last_seen = |c: usize| {
            let ms = &clusters[c].mentions;
            let k = ms.partition_point(|m| m.end <= at);
            k.checked_sub(1).map_or(0, |k| ms[k].end + 1)
        };
        // `le technicien` → `l'entraîneur`, `the governor` → `Gov. Ann Lee`: other heads or titles.
        let synonyms = OrganisationReferences::role_synonyms().heads(head).unwrap_or_default();
        let holds = |i: usize, c: &EntityCluster| match c.role_head.as_deref() {
            Some(h) => h == head || synonyms.iter().any(|s| s == h),
            None => c.kind == EntityType::PER && self.has_title_before(clusters, i, synonyms),
        };
        let holders: Vec<(usize, usize, usize)> = clusters
            .iter()
            .enumerate()
            .filter(|&(_, c)| matches!(c.kind, EntityType::PER | EntityType::ORG))
            .filter_map(|(i, c)| {
                let role = c.role.as_deref().map(fold).unwrap_or_default();
                let overlap = np_words.iter().filter(|w| role.split(|ch: char| !ch.is_alphanumeric() && ch != '\'').any(|r| r == **w)).count();
                // Its head, or every word of the phrase (`Premier ministre`, read with the head
                // `premier`, is the role `Premier ministre` headed `ministre`).
                (holds(i, c) || (np_words.len() > 1 && overlap == np_words.len())).then_some((i, overlap, last_seen(i)))
            })
            .collect();
        let named_before = holders.iter().filter(|h| h.2 > 0).max_by_key(|&&(_, overlap, seen)| (overlap, seen));
        // `le Premier ministre affirme …` hours before `le Premier ministre Édouard Philippe` in a
        // live blog: a role only one entity of the text holds is theirs, even named later.
        // A role with a complement must be theirs word for word (`le ministre de l'Intérieur`
        // is not `le ministre de la Santé Olivier Véran`).
        let bare = !np_words.iter().any(|w| matches!(*w, "de" | "du" | "des" | "d'" | "of" | "for"));
        // (A person's role only: `le journal` refers back, to a paper already named.)
        let only_holder = || (holders.len() == 1 && (bare || holders[0].1 == np_words.len()) && clusters[holders[0].0].kind == EntityType::PER).then(|| holders[0]);
        named_before.copied().or_else(only_holder).map(|(i, _, _)| i)
    }

    /// Whether one of `titles` (folded) is written right before a mention of cluster `i`.
    fn has_title_before(&self, clusters: &[EntityCluster], i: usize, titles: &[String]) -> bool {
        let Some(c) = clusters.get(i) else { return false };
        let mut cache = self.titles_of.borrow_mut();
        if cache.len() <= i {
            cache.resize(i + 1, (usize::MAX, Vec::new()));
        }
        let entry = &mut cache[i];
        if entry.0 != c.mentions.len() {
            let mut found: Vec<String> = Vec::new();
            for t in c.mentions.iter().filter_map(|m| self.title_before(m.start)) {
                if !found.contains(&t) {
                    found.push(t);
                }
            }
            *entry = (c.mentions.len(), found);
        }
        entry.1.iter().any(|t| titles.contains(t))
    }

    /// The folded title written right before the mention starting at byte `start` (`Gov.`).
    fn title_before(&self, start: usize) -> Option<String> {
        let k = self.doc.token_at_or_after(start).checked_sub(1)?;
        GenderedWords::titles().get(self.tok(k)).map(|_| self.folded(k).to_string())
    }

    /// `les juges` → the latest organisation named before `at` whose name has one of the head
    /// words the noun refers to (`Cour d'appel de …`); `l'organisation` → the latest organisation.
    /// Only a definite phrase refers back (`des juges` are some judges, not the court).
    fn referred_organisation(&self, clusters: &[EntityCluster], tokens: &Range<usize>, noun: &str, at: usize) -> Option<usize> {
        let heads = OrganisationReferences::get().heads(noun)?;
        let definite = tokens.start > 0 && DEFINITE_DETERMINERS.contains(&self.folded(tokens.start - 1));
        if !definite {
            return None;
        }
        let any = heads.iter().any(|h| h == "*");
        // `l'organisation`, `the NGO`: the organisation speaking in this stretch of text, if
        // one is; else the latest one named.
        if any {
            let here = self.paragraph_at(at);
            if let Some(e) = self.last_speaker.filter(|&e| clusters[e].kind == EntityType::ORG && self.last_speaker_paragraph.is_some_and(|p| p + 1 >= here)) {
                return Some(e);
            }
        }
        clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| c.kind == EntityType::ORG)
            // Mentions are in text order and do not overlap: the last one before `at` by
            // binary search.
            .filter_map(|(i, c)| c.mentions[..c.mentions.partition_point(|m| m.end <= at)].last().map(|m| (i, m.end)))
            .filter(|&(i, _)| any || fold(&clusters[i].name).split(|ch: char| !ch.is_alphanumeric()).any(|w| heads.iter().any(|h| h == w)))
            .max_by_key(|&(_, seen)| seen)
            .map(|(i, _)| i)
    }

    /// A sentence with no quote may still report speech (`Blinken a déclaré que …`): its
    /// speaker becomes the one later pronouns prefer.
    fn note_reported_speech(&mut self, clusters: &mut Vec<EntityCluster>, s_idx: usize) {
        let r = self.doc.sentences[s_idx].tokens();
        for k in r.clone() {
            if self.cue_at(k, r.end).is_none() {
                continue;
            }
            let start = self.extend_cue_left(r.start, k);
            let words = (start..k + 1).find_map(|t| self.inverted_pronoun(t)).or_else(|| self.subject_before(r.start, start));
            let entity = match words {
                Some(SpeakerWords::Entity { cluster, .. }) => Some(cluster),
                Some(SpeakerWords::Name { tokens }) => Some(self.name_cluster(clusters, tokens)),
                Some(SpeakerWords::Pronoun { gender, span }) => self.resolve_pronoun(clusters, gender, span.start, span.start),
                Some(SpeakerWords::Group { tokens }) => {
                    // `Paul et Marie Durand ont affirmé que …`: later `ils` refer to them.
                    self.last_group = Some(tokens);
                    self.last_group_paragraph = self.doc.sentences[s_idx].paragraph();
                    return;
                }
                Some(SpeakerWords::Role { tokens, head }) => self.resolve_role(clusters, &tokens, &head, self.doc.tokens[k].start()),
                // `A lorry driver … told the newspaper that …`: a later `he said` is theirs.
                Some(SpeakerWords::Unnamed { tokens }) => {
                    // Its gender from the article (`un habitant` is no `elle`).
                    let gender = match self.folded(tokens.start) {
                        "une" | "la" | "cette" => Gender::Female,
                        "un" | "le" | "ce" | "cet" => Gender::Male,
                        _ => Gender::Unknown,
                    };
                    self.unnamed_spoke_in = Some((s_idx, gender));
                    return;
                }
                _ => None,
            };
            if let Some(e) = entity.filter(|&e| matches!(clusters[e].kind, EntityType::PER | EntityType::ORG)) {
                self.last_speaker = Some(e);
                self.last_speaker_paragraph = Some(self.doc.sentences[s_idx].paragraph());
                // One speaker has spoken since the group: `ils` no longer refers to it.
                self.last_group = None;
                self.reported_in_paragraph = Some(self.doc.sentences[s_idx].paragraph());
                return;
            }
        }
    }
}

/// The gender a French article tells of the person its noun stands for: `la maire` is a woman;
/// `le ministre` may be either, as many titles keep the masculine for women.
fn article_gender(determiner: &str) -> Gender {
    match determiner {
        "la" | "cette" => Gender::Female,
        _ => Gender::Unknown,
    }
}

/// A present participle (`affirmant`, `saying`), by its ending, less the common words that end
/// the same way (`pendant`, `cependant`, `morning`, `habitant`).
fn is_participle(folded: &str) -> bool {
    folded.len() > 5
        && (folded.ends_with("ant") || folded.ends_with("ing"))
        && !matches!(
            folded,
            "pendant" | "durant" | "cependant" | "maintenant" | "pourtant" | "enfant" | "enfants" | "habitant" | "manifestant"
                | "représentant" | "lieutenant" | "sergeant" | "restaurant" | "during" | "morning" | "evening" | "nothing" | "something"
                | "anything" | "everything" | "meeting" | "building" | "according" | "following" | "including" | "regarding" | "concerning"
        )
}

/// Splits `a-t-il` / `dit-elle` / `explique-t-il` into (verb, pronoun).
pub(crate) fn split_inverted(folded: &str) -> Option<(&str, &str)> {
    // (A byte scan: the last `-` of a word is found quicker than with `rsplit_once`'s
    // searcher, on every word read for a cue.)
    let dash = folded.bytes().rposition(|b| b == b'-')?;
    let (head, pronoun) = (sub(folded, ..dash), sub(folded, dash + 1..));
    if !matches!(pronoun, "il" | "elle" | "ils" | "elles" | "on") {
        return None;
    }
    let verb = head.strip_suffix("-t").unwrap_or(head);
    (!verb.is_empty()).then_some((verb, pronoun))
}
