//! The code grammar, the variant naming rule and "did you mean" suggestions.

/// The longest code the grammar accepts: the longest a table holds.
pub const MAX_CODE_LEN: usize = tencent_errors_table::MAX_CODE_LEN;

/// Whether `segment` matches `[A-Za-z][A-Za-z0-9_]*`.
pub fn is_valid_segment(segment: &str) -> bool {
    let mut bytes = segment.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// Checks a whole code: segments of `[A-Za-z][A-Za-z0-9_]*` joined by dots,
/// at most 128 characters. The error says what is wrong.
pub fn check_code(code: &str) -> Result<(), String> {
    if code.is_empty() {
        return Err("the code is empty".to_owned());
    }
    if code.len() > MAX_CODE_LEN {
        return Err(format!(
            "the code is {} characters long; codes have at most {MAX_CODE_LEN}",
            code.len()
        ));
    }
    match code.split('.').find(|segment| !is_valid_segment(segment)) {
        None => Ok(()),
        Some("") => Err(format!("`{code}` has an empty segment (two dots, or a dot at an end)")),
        Some(segment) => Err(format!(
            "invalid segment `{segment}` in `{code}`: a segment starts with an ASCII letter and holds only ASCII letters, digits and `_`"
        )),
    }
}

/// The variant name of a code: split on `.` and `_`, upper-case the first
/// letter of each piece, keep the rest, concatenate.
///
/// `InvalidParameter.INVALID_PARAM` gives `InvalidParameterINVALIDPARAM`.
pub fn variant_name(code: &str) -> String {
    let mut name = String::with_capacity(code.len());
    // The one implementation of the rule, shared with the runtime's `Debug`.
    tencent_errors_table::write_variant_name(code, &mut name)
        .expect("writing to a String cannot fail");
    name
}

/// A variant name to propose when two codes collide: the pieces joined with
/// `Dot` where the code has a dot (`InvalidParameter.Value` gives
/// `InvalidParameterDotValue`).
pub fn dotted_variant_name(code: &str) -> String {
    code.split('.')
        .map(variant_name)
        .collect::<Vec<_>>()
        .join("Dot")
}

/// Rust keywords, which cannot name a variant.
const KEYWORDS: &[&str] = &[
    "Self", "abstract", "as", "async", "await", "become", "box", "break", "const", "continue",
    "crate", "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if",
    "impl", "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub",
    "ref", "return", "self", "static", "struct", "super", "trait", "true", "try", "type", "typeof",
    "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Checks a `variant = "..."` value: an ASCII Rust identifier, not a keyword.
pub fn check_identifier(name: &str) -> Result<(), String> {
    let mut bytes = name.bytes();
    let starts_well = matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic() || b == b'_');
    if !starts_well || !bytes.all(|b| b.is_ascii_alphanumeric() || b == b'_') || name == "_" {
        return Err(format!(
            "`{name}` is not a Rust identifier: use ASCII letters, digits and `_`, not starting with a digit"
        ));
    }
    if KEYWORDS.contains(&name) {
        return Err(format!("`{name}` is a Rust keyword"));
    }
    Ok(())
}

/// The edit distance between two strings: insertions, deletions,
/// substitutions and swaps of two neighbours (`retyr` is one edit from `retry`).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // rows[i][j]: distance between a[..i] and b[..j].
    let mut rows = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in rows.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in rows[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (rows[i - 1][j] + 1)
                .min(rows[i][j - 1] + 1)
                .min(rows[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(rows[i - 2][j - 2] + 1);
            }
            rows[i][j] = best;
        }
    }
    rows[a.len()][b.len()]
}

/// Up to `max` candidates close to `input`, closest first: those within a
/// third of the input's length in edits, or that differ only in case.
pub fn closest<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    max: usize,
) -> Vec<&'a str> {
    let input_chars: Vec<char> = input.chars().collect();
    let limit = (input_chars.len() / 3).max(1);
    let mut scratch = Scratch::default();
    let mut scored: Vec<(usize, &str)> = candidates
        .into_iter()
        .filter_map(|candidate| {
            if candidate.eq_ignore_ascii_case(input) {
                return Some((0, candidate));
            }
            let distance = scratch.distance_within(&input_chars, candidate, limit)?;
            Some((distance, candidate))
        })
        .collect();
    scored.sort();
    scored.dedup();
    scored
        .into_iter()
        .take(max)
        .map(|(_, candidate)| candidate)
        .collect()
}

/// Buffers [`closest`] reuses for every candidate: thousands of codes are
/// compared per call, and most are rejected after a few rows.
#[derive(Default)]
struct Scratch {
    candidate: Vec<char>,
    rows: [Vec<usize>; 3],
}

impl Scratch {
    /// [`edit_distance`] of `a` and `b` if it is at most `limit`. A length
    /// difference is a lower bound on the edits; and once two consecutive
    /// rows exceed `limit` everywhere, every later row does (each cell comes
    /// from the row above, the row before it plus one, or its left neighbour
    /// plus one), so the rest is not computed.
    fn distance_within(&mut self, a: &[char], b: &str, limit: usize) -> Option<usize> {
        self.candidate.clear();
        self.candidate.extend(b.chars());
        let b = &self.candidate;
        if a.len().abs_diff(b.len()) > limit {
            return None;
        }
        let [before, above, row] = &mut self.rows;
        for buffer in [&mut *before, &mut *above, &mut *row] {
            buffer.clear();
            buffer.resize(b.len() + 1, 0);
        }
        for (j, cell) in above.iter_mut().enumerate() {
            *cell = j;
        }
        let mut above_min = 0;
        for i in 1..=a.len() {
            row[0] = i;
            let mut row_min = i;
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut best = (above[j] + 1).min(row[j - 1] + 1).min(above[j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    best = best.min(before[j - 2] + 1);
                }
                row[j] = best;
                row_min = row_min.min(best);
            }
            if row_min > limit && above_min > limit {
                return None;
            }
            above_min = row_min;
            // before <- above <- row; the oldest row is overwritten next.
            std::mem::swap(before, above);
            std::mem::swap(above, row);
        }
        let distance = above[b.len()];
        (distance <= limit).then_some(distance)
    }
}

/// "did you mean `a`, `b` or `c`?", or `None` without candidates.
pub fn did_you_mean(suggestions: &[&str]) -> Option<String> {
    let quoted: Vec<String> = suggestions.iter().map(|s| format!("`{s}`")).collect();
    match quoted.as_slice() {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [init @ .., last] => Some(format!("did you mean {} or {last}?", init.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_agrees_with_the_full_edit_distance() {
        let candidates = [
            "AuthFailure.SignatureExpire",
            "AuthFailure.SignatureFailure",
            "AuthFailure.TokenFailure",
            "authfailure.signatureexpire",
            "InvalidParameter",
            "InvalidParameterValue",
            "InvalidParameter.Value",
            "RequestLimitExceeded",
            "retry",
            "reytr",
            "Ab",
            "A",
            "",
            "ÄuthFailure",
        ];
        for input in [
            "AuthFailure.SignatureExpird",
            "AUTHFAILURE.SIGNATUREEXPIRE",
            "InvalidParamter",
            "retyr",
            "Ab",
            "b",
            "",
            "AuthFailur",
            "ÄuthFailuré",
        ] {
            let limit = (input.chars().count() / 3).max(1);
            let mut expected: Vec<(usize, &str)> = candidates
                .iter()
                .filter_map(|&candidate| {
                    if candidate.eq_ignore_ascii_case(input) {
                        return Some((0, candidate));
                    }
                    let distance = edit_distance(input, candidate);
                    (distance <= limit).then_some((distance, candidate))
                })
                .collect();
            expected.sort();
            expected.dedup();
            let expected: Vec<&str> = expected.into_iter().map(|(_, c)| c).collect();
            assert_eq!(closest(input, candidates, usize::MAX), expected, "{input}");
        }
    }

    #[test]
    fn variant_names_follow_the_rule() {
        for (code, name) in [
            ("AuthFailure.SignatureExpire", "AuthFailureSignatureExpire"),
            (
                "InvalidParameter.INVALID_PARAM",
                "InvalidParameterINVALIDPARAM",
            ),
            (
                "InvalidParameterValue.attributeKey",
                "InvalidParameterValueAttributeKey",
            ),
            (
                "FailedOperation.Domain.UnExist",
                "FailedOperationDomainUnExist",
            ),
            ("ResourceInsufficient.CVM", "ResourceInsufficientCVM"),
            (
                "FailedOperation.FailedOperationCode_RunSqlGateway",
                "FailedOperationFailedOperationCodeRunSqlGateway",
            ),
            ("a__b_", "AB"),
        ] {
            assert_eq!(variant_name(code), name, "{code}");
        }
    }

    #[test]
    fn real_codes_pass_the_grammar() {
        for code in [
            "InvalidParameter.INVALID_PARAM",
            "InvalidParameterValue.attributeKey",
            "FailedOperation.Domain.UnExist",
            "ResourceInsufficient.CVM",
            "FailedOperation.FailedOperationCode_RunSqlGateway",
            "UnsupportedOperation.InstanceStateNotSupportedForTheOperationOfModifyingTheInstanceType",
        ] {
            assert_eq!(check_code(code), Ok(()), "{code}");
        }
    }

    #[test]
    fn grammar_names_the_bad_part() {
        assert!(check_code("Auth.1Failure")
            .unwrap_err()
            .contains("`1Failure`"));
        assert!(check_code("Auth..Failure")
            .unwrap_err()
            .contains("empty segment"));
        assert!(check_code("Auth-Failure")
            .unwrap_err()
            .contains("`Auth-Failure`"));
        assert!(check_code(&"A".repeat(129))
            .unwrap_err()
            .contains("129 characters"));
        assert_eq!(check_code(&"A".repeat(128)), Ok(()));
    }

    #[test]
    fn identifiers_are_checked() {
        assert_eq!(check_identifier("InvalidParameterDotValue"), Ok(()));
        assert!(check_identifier("9Lives").is_err());
        assert!(check_identifier("Self").unwrap_err().contains("keyword"));
        assert!(check_identifier("has space").is_err());
        assert!(check_identifier("_").is_err());
    }

    #[test]
    fn dotted_name_marks_the_dots() {
        assert_eq!(
            dotted_variant_name("InvalidParameter.Value"),
            "InvalidParameterDotValue"
        );
    }

    #[test]
    fn suggestions_are_close_and_ordered() {
        let known = ["description", "retry", "variant"];
        assert_eq!(closest("retyr", known, 3), vec!["retry"]);
        assert_eq!(closest("Description", known, 3), vec!["description"]);
        assert!(closest("zzzzzz", known, 3).is_empty());
        assert_eq!(
            did_you_mean(&["a", "b", "c"]).unwrap(),
            "did you mean `a`, `b` or `c`?"
        );
    }
}
