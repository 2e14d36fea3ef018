//! Text-in / expectations-out fixtures: `tests/fixtures/NAME.txt` is analysed (rules and the
//! built-in models) and every line `quote => speaker` of `NAME.expect` must hold: the quote is
//! found with exactly that text, and its speaker's entity has that name (`-`: a source with no
//! entity, such as "a police spokesman"; `none`: no entity claimed; `"words"` in double quotes:
//! the speaker's words in the text, for a group of persons that no single entity stands for).

use article_lens::{Analysis, Analyzer};
use std::path::Path;

fn check_fixture(name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let text = std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("fixture text");
    let expect = std::fs::read_to_string(dir.join(format!("{name}.expect"))).expect("fixture expectations");
    let analyzer = Analyzer::with_builtin_models().expect("built-in models load");
    let analysis = analyzer.analyze(&text).expect("analysis");
    let mut failures = Vec::new();
    for line in expect.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let (quote, speaker) = line.split_once(" => ").expect("`quote => speaker` line");
        match analysis.quotes.iter().find(|q| q.span.text == quote) {
            None => failures.push(format!("quote not found: {quote:?}")),
            Some(q) => {
                let got = if speaker.starts_with('"') {
                    q.speaker.as_ref().map_or("none".into(), |s| format!("\"{}\"", s.span.text))
                } else {
                    speaker_name(&analysis, q)
                };
                if got != speaker {
                    failures.push(format!("{quote:?}: speaker {got:?}, expected {speaker:?}"));
                }
            }
        }
    }
    let found: Vec<&str> = analysis.quotes.iter().map(|q| q.span.text.as_str()).collect();
    assert!(failures.is_empty(), "{name}:\n  {}\nquotes found: {found:#?}", failures.join("\n  "));
}

fn speaker_name(analysis: &Analysis, q: &article_lens::Quote) -> String {
    match &q.speaker {
        None => "none".into(),
        Some(s) => match s.entity {
            None => "-".into(),
            Some(id) => analysis.entities.iter().find(|e| e.id == id).map_or("?".into(), |e| e.name.clone()),
        },
    }
}

#[test]
fn french_attribution_patterns() {
    check_fixture("fr-attribution");
}

#[test]
fn english_attribution_patterns() {
    check_fixture("en-attribution");
}

#[test]
fn french_broken_marks() {
    check_fixture("fr-broken-marks");
}

#[test]
fn french_groups_of_speakers() {
    check_fixture("fr-groups");
}

#[test]
fn english_groups_of_speakers() {
    check_fixture("en-groups");
}

#[test]
fn french_organisations_referred_to_by_members() {
    check_fixture("fr-org-references");
}

#[test]
fn english_organisations_referred_to_by_members() {
    check_fixture("en-org-references");
}

#[test]
fn english_headline_quoted_again_in_the_body() {
    check_fixture("en-headline");
}

#[test]
fn french_viewpoint_preposition() {
    check_fixture("fr-viewpoint");
}

#[test]
fn english_viewpoint_preposition() {
    check_fixture("en-viewpoint");
}

#[test]
fn english_plural_pronouns_refer_to_recent_groups_only() {
    check_fixture("en-plural-recency");
}

#[test]
fn french_role_references() {
    check_fixture("fr-role-references");
}

#[test]
fn english_role_references() {
    check_fixture("en-role-references");
}

#[test]
fn english_introduced_quotes() {
    check_fixture("en-introduced-quotes");
}

#[test]
fn french_subject_after_an_apposed_role() {
    check_fixture("fr-apposed-subject");
}

#[test]
fn english_unnamed_sources() {
    check_fixture("en-unnamed-sources");
}

#[test]
fn english_unnamed_sources_coordinated_subjects_and_figures() {
    check_fixture("en-unnamed-and-coordinated");
}

#[test]
fn french_sources_after_the_quote_and_appositions() {
    check_fixture("fr-sources-and-appositions");
}

#[test]
fn french_speaker_from_the_sentence_before() {
    check_fixture("fr-subject-before");
}

#[test]
fn opening_participles_are_no_names() {
    let analyzer = Analyzer::with_builtin_models().expect("built-in models load");
    let text = "Le procès de Jean Moreau s'est ouvert lundi à Lyon. Assis au dernier rang, le témoin a gardé le silence pendant toute l'audience. Côté défense, on plaide la relaxe. Interrogée, l'avocate a refusé de répondre.";
    let analysis = analyzer.analyze(text).expect("analysis");
    let names: Vec<&str> = analysis.entities.iter().map(|e| e.name.as_str()).collect();
    for word in ["Assis", "Côté", "Interrogée"] {
        assert!(!names.contains(&word), "{word} taken for a name: {names:?}");
    }
}

#[test]
fn english_speakers_described_not_named() {
    check_fixture("en-described-speakers");
}

#[test]
fn french_speakers_described_not_named() {
    check_fixture("fr-described-speakers");
}

#[test]
fn english_pronoun_takes_the_nearest_subject() {
    check_fixture("en-pronoun-nearest-subject");
}

#[test]
fn english_subject_of_a_clause_before_a_colon() {
    check_fixture("en-colon-subject");
}

#[test]
fn french_subject_of_a_clause_before_a_colon() {
    check_fixture("fr-colon-subject");
}

#[test]
fn french_incise_inside_the_marks_splits_the_quote() {
    check_fixture("fr-incise");
}

#[test]
fn french_reflexive_reporting_verbs() {
    check_fixture("fr-reflexive-cues");
}

#[test]
fn english_one_letter_words_name_nobody() {
    check_fixture("en-single-letter");
}

#[test]
fn french_subjects_of_the_previous_sentence() {
    check_fixture("fr-subject-chains");
}

#[test]
fn english_subjects_of_the_previous_sentence() {
    check_fixture("en-subject-chains");
}

#[test]
fn french_unnamed_sources() {
    check_fixture("fr-unnamed-sources");
}

#[test]
fn french_kinds_of_organisation_before_a_name() {
    check_fixture("fr-organisation-kinds");
}

#[test]
fn english_kinds_of_organisation_before_a_name() {
    check_fixture("en-organisation-kinds");
}

#[test]
fn french_subjects_of_clauses_participles_and_later_named_roles() {
    check_fixture("fr-clause-subjects");
}

#[test]
fn english_organisation_kinds_and_lead_ins() {
    check_fixture("en-organisations-and-lead-ins");
}

#[test]
fn french_signatures_and_addressees() {
    check_fixture("fr-signatures-and-addressees");
}

#[test]
fn french_viewpoints_impersonal_verbs_and_relative_clauses() {
    check_fixture("fr-viewpoints-and-clauses");
}

#[test]
fn french_participles_appositions_and_colon_introductions() {
    check_fixture("fr-participles-and-appositions");
}

#[test]
fn english_appositions_agents_and_organisations_referred_to() {
    check_fixture("en-appositions-and-agents");
}

#[test]
fn french_time_clauses_and_sentence_connectives() {
    check_fixture("fr-connectives-and-time-clauses");
}

#[test]
fn english_time_clauses_adjectives_and_labels() {
    check_fixture("en-time-clauses-and-labels");
}

#[test]
fn english_bylines_and_capitalised_titles() {
    check_fixture("en-byline-and-capitalised-titles");
}

#[test]
fn french_role_complements() {
    check_fixture("fr-role-complements");
}

#[test]
fn english_clause_attachments() {
    check_fixture("en-clause-attachments");
}
