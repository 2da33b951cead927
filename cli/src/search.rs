//! `tencent-errors search WORDS... [--product P]`: the codes whose name or
//! description (English or Chinese) matches every word, best first.
//!
//! One hit per code, with every product-version that defines it; the best
//! matching definition's text is shown. A word scores most when it is the whole code, then a segment of it
//! (`SignatureExpire`), then a word of a segment (`Signature`), then part of
//! the code, then a word of a description, then part of one. Ties go to the
//! shorter code, then to alphabetical order.

use std::collections::hash_map::Entry::{Occupied, Vacant};
use std::collections::HashMap;
use std::io::Write;

use serde_json::json;

use crate::args::{Format, SearchArgs};
use crate::codebook::{Codebook, Entry, Origin};
use crate::explain::checked_product;
use crate::output::{json, CommandResult, Outcome};

/// One matching code and how well it matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The code's best matching definition.
    pub entry: Entry,
    /// Who defines it: the common codes, product-versions.
    pub origins: Vec<Origin>,
    /// Higher is better.
    pub score: u32,
}

/// Runs `search`, writing the hits to `out`.
pub fn run(args: &SearchArgs, codebook: &Codebook, out: &mut impl Write) -> CommandResult {
    let product = checked_product(codebook, args.product.as_deref())?;
    let hits = search(codebook, &args.words, product, args.limit);
    match args.format {
        Format::Human if hits.is_empty() => writeln!(out, "no code matches")?,
        Format::Human => write_human(&hits, out)?,
        Format::Json => {
            for hit in &hits {
                let definitions: Vec<_> = hit
                    .origins
                    .iter()
                    .map(|origin| match origin {
                        Origin::Common => json!({"product": null, "version": null}),
                        Origin::Product { product, version } => {
                            json!({"product": product, "version": version})
                        }
                    })
                    .collect();
                let line = json!({
                    "code": hit.entry.code,
                    "defined_by": definitions,
                    "description": hit.entry.description,
                    "description_zh": hit.entry.description_zh,
                    "retry": hit.entry.retry.as_str(),
                    "deprecated": hit.entry.deprecated,
                    "score": hit.score,
                });
                writeln!(out, "{}", json(&line))?;
            }
        }
    }
    Ok(if hits.is_empty() {
        Outcome::Finding
    } else {
        Outcome::Success
    })
}

/// The codes (of `product` and the common codes, if given) that match every
/// word, best first, at most `limit`.
pub fn search(
    codebook: &Codebook,
    words: &[String],
    product: Option<&str>,
    limit: usize,
) -> Vec<Hit> {
    let words: Vec<String> = words
        .iter()
        .flat_map(|word| word.split_whitespace())
        .map(str::to_lowercase)
        .collect();
    let mut by_code: HashMap<&'static str, Hit> = HashMap::new();
    for entry in codebook.entries(product) {
        let Some(score) = score(&entry, &words) else {
            continue;
        };
        match by_code.entry(entry.code) {
            Occupied(mut found) => {
                let hit = found.get_mut();
                hit.origins.push(entry.origin);
                if score > hit.score {
                    hit.score = score;
                    hit.entry = entry;
                }
            }
            Vacant(slot) => {
                slot.insert(Hit {
                    origins: vec![entry.origin],
                    entry,
                    score,
                });
            }
        }
    }
    let mut hits: Vec<Hit> = by_code.into_values().collect();
    hits.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then(a.entry.code.len().cmp(&b.entry.code.len()))
            .then(a.entry.code.cmp(b.entry.code))
    });
    hits.truncate(limit);
    hits
}

/// The sum of every word's score; `None` if a word matches nothing.
fn score(entry: &Entry, words: &[String]) -> Option<u32> {
    if words.is_empty() {
        return None;
    }
    let code = entry.code.to_lowercase();
    let segments: Vec<&str> = code.split(['.', '_']).collect();
    let code_words = camel_case_words(entry.code);
    let english = entry.description.unwrap_or("").to_lowercase();
    let chinese = entry.description_zh.unwrap_or("").to_lowercase();
    words.iter().try_fold(0, |total, word| {
        let word_score = if code == *word {
            100
        } else if segments.contains(&word.as_str()) {
            40
        } else if code_words.contains(word) {
            30
        } else if code.contains(word.as_str()) {
            20
        } else if english
            .split(|c: char| !c.is_alphanumeric())
            .any(|token| token == word)
        {
            10
        } else if english.contains(word.as_str()) || chinese.contains(word.as_str()) {
            6
        } else {
            return None;
        };
        Some(total + word_score)
    })
}

/// The words of a code, lower-cased: `InvalidParameter.VPCIdMalformed` has
/// `invalid`, `parameter`, `vpc`, `id`, `malformed`.
fn camel_case_words(code: &str) -> Vec<String> {
    let mut words = Vec::new();
    for segment in code.split(['.', '_']) {
        let chars: Vec<char> = segment.chars().collect();
        let mut word = String::new();
        for (index, &c) in chars.iter().enumerate() {
            let next_is_lower = chars.get(index + 1).is_some_and(|n| n.is_lowercase());
            let previous_is_lower = index > 0 && chars[index - 1].is_lowercase();
            let starts_word = c.is_uppercase() && (previous_is_lower || next_is_lower);
            if starts_word && !word.is_empty() {
                words.push(std::mem::take(&mut word).to_lowercase());
            }
            word.push(c);
        }
        if !word.is_empty() {
            words.push(word.to_lowercase());
        }
    }
    words
}

fn write_human(hits: &[Hit], out: &mut impl Write) -> std::io::Result<()> {
    let width = hits
        .iter()
        .map(|hit| hit.entry.code.len())
        .max()
        .unwrap_or(0);
    let origin_width = 18;
    for hit in hits {
        let mut origin = match hit.origins[0] {
            Origin::Common => "common".to_owned(),
            Origin::Product { product, version } => format!("{product}/{version}"),
        };
        if hit.origins.len() > 1 {
            origin.push_str(&format!(" +{}", hit.origins.len() - 1));
        }
        let description = hit
            .entry
            .description
            .or(hit.entry.description_zh)
            .unwrap_or("");
        writeln!(
            out,
            "{:<width$}  {origin:<origin_width$}  {:<10}  {description}",
            hit.entry.code,
            hit.entry.retry.as_str(),
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(words: &[&str]) -> Vec<&'static str> {
        let words: Vec<String> = words.iter().map(|word| (*word).to_owned()).collect();
        search(&Codebook, &words, None, 20)
            .into_iter()
            .map(|hit| hit.entry.code)
            .collect()
    }

    #[test]
    fn the_whole_code_comes_first() {
        let found = codes(&["RequestLimitExceeded"]);
        assert_eq!(found[0], "RequestLimitExceeded");
        assert!(found.contains(&"RequestLimitExceeded.UinLimitExceeded"));
    }

    #[test]
    fn every_word_must_match_somewhere() {
        let found = codes(&["signature", "expired"]);
        assert!(found.contains(&"AuthFailure.SignatureExpire"), "{found:?}");
        // Its description says "error", not "expired".
        assert!(
            !found.contains(&"AuthFailure.SignatureFailure"),
            "{found:?}"
        );
        assert!(codes(&["signature", "nonexistentword"]).is_empty());
    }

    #[test]
    fn codes_split_into_words_at_capitals() {
        assert_eq!(
            camel_case_words("InvalidParameter.VPCIdMalformed"),
            ["invalid", "parameter", "vpc", "id", "malformed"]
        );
        assert_eq!(
            camel_case_words("ResourceNotFound.CDHNotExist_v2"),
            ["resource", "not", "found", "cdh", "not", "exist", "v2"]
        );
    }

    #[test]
    fn a_word_of_the_code_beats_part_of_a_word() {
        // `Auth` is a word of every `AuthFailure.*` code, only part of
        // `Unauthorized`: the shorter `UnauthorizedOperation` comes last.
        let words = ["auth".to_owned()];
        let found: Vec<&str> = search(&Codebook, &words, None, usize::MAX)
            .into_iter()
            .map(|hit| hit.entry.code)
            .collect();
        let at = |code: &str| found.iter().position(|found| *found == code).unwrap();
        assert!(at("AuthFailure.MFAFailure") < at("UnauthorizedOperation"));
    }

    #[test]
    fn case_does_not_matter() {
        assert_eq!(codes(&["SIGNATUREEXPIRE"]), ["AuthFailure.SignatureExpire"]);
    }
}
