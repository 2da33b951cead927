//! String literals for the emitted data, written the way that costs the
//! macro and rustc least.
//!
//! `Literal::string` escapes every character through `char::escape_debug`
//! (a Unicode table search for each Chinese character of a description),
//! and rustc unescapes the result again. For the catalogue's texts that was
//! 4% of the whole build. A raw string needs neither step, but it
//! goes through rustc's lexer as a source text of its own: a fixed cost
//! that long texts and texts with non-ASCII characters repay, and short
//! ASCII ones (cheap to escape) do not.

use std::str::FromStr;

use proc_macro2::Literal;

/// The length from which even an ASCII text is written as a raw string:
/// below it, the fixed cost of lexing a source text exceeds that of
/// escaping.
const RAW_FROM: usize = 256;

/// `text` as a string literal: raw (`r#"..."#`) when it is long or not
/// ASCII, so that neither this macro nor rustc escapes or unescapes it;
/// escaped as usual when it is short ASCII or holds a carriage return,
/// which a raw string may not.
pub fn string(text: &str) -> Literal {
    if (text.len() < RAW_FROM && text.is_ascii()) || text.contains('\r') {
        return Literal::string(text);
    }
    let fence = "#".repeat(raw_hashes(text));
    Literal::from_str(&format!("r{fence}\"{text}\"{fence}"))
        .unwrap_or_else(|_| Literal::string(text))
}

/// How many `#`s a raw string of `text` needs: one more than the longest
/// run of `#`s after a `"` in it, so that no quote ends the literal early.
fn raw_hashes(text: &str) -> usize {
    let mut hashes = 0;
    let mut run: Option<usize> = None;
    for byte in text.bytes() {
        run = match (byte, run) {
            (b'"', _) => Some(0),
            (b'#', Some(count)) => Some(count + 1),
            _ => None,
        };
        if let Some(count) = run {
            hashes = hashes.max(count + 1);
        }
    }
    hashes
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The value a string literal's source text stands for.
    fn value(literal: &Literal) -> String {
        match syn::parse_str::<syn::LitStr>(&literal.to_string()) {
            Ok(parsed) => parsed.value(),
            Err(error) => panic!("{literal}: {error}"),
        }
    }

    /// `text` made long enough to be written raw.
    fn long(text: &str) -> String {
        format!("{text}{}", "参数".repeat(RAW_FROM))
    }

    #[test]
    fn long_texts_keep_their_text_whatever_quotes_and_hashes_they_hold() {
        for text in [
            "plain",
            "a \"quoted\" word",
            "\"#",
            "\"## and \"### and \"#",
            "#\"#",
            "back\\slash \\n stays",
            "carriage\rreturn",
            "tab\tand newline\n",
        ] {
            let text = long(text);
            assert_eq!(value(&string(&text)), text, "{text:?}");
            let ends_in_quote = format!("{text}\"");
            assert_eq!(value(&string(&ends_in_quote)), ends_in_quote);
        }
    }

    #[test]
    fn long_texts_become_raw_strings_with_enough_hashes() {
        let text = long("a\"#b");
        assert_eq!(string(&text).to_string(), format!("r##\"{text}\"##"));
        let text = long("no quotes");
        assert_eq!(string(&text).to_string(), format!("r\"{text}\""));
    }

    #[test]
    fn short_non_ascii_texts_become_raw_strings() {
        assert_eq!(string("参数\"#").to_string(), "r##\"参数\"#\"##");
        assert_eq!(value(&string("参数\"#")), "参数\"#");
    }

    #[test]
    fn short_ascii_texts_and_carriage_returns_are_escaped() {
        assert_eq!(string("a\"b").to_string(), "\"a\\\"b\"");
        let text = long("a\rb");
        assert!(string(&text).to_string().starts_with("\"a\\rb"));
    }
}
