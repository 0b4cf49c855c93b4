//! Rules on free text, for every string in every entry:
//! 1. It is bounded, so that no entry can be inflated to burden the peers that must store it.
//! 2. It holds no control character but line feed and tab, and no bidirectional embedding,
//!    override or isolate (U+202A..=U+202E, U+2066..=U+2069): a name must read as it is.
//! 3. It is in Unicode normal form C, so that one name is one sequence of code points.
//! 4. Where it is required, it is not blank: whitespace and invisible characters alone (a
//!    zero-width space, a soft hyphen, a word joiner) do not make a name.

use crate::DomainError;
use unicode_normalization::is_nfc;

/// Names: nicknames, project names, skills.
pub const MAX_NAME: usize = 100;
/// Long prose: a project's purpose, a contribution's description.
pub const MAX_PROSE: usize = 10_000;
/// One evidence item: a URI or a content hash.
pub const MAX_EVIDENCE_ITEM: usize = 2_000;
/// Items in a list: skills, stewards, evidence.
pub const MAX_ITEMS: usize = 50;

/// `value` keeps rules 1-3 and holds at least one visible character (rule 4).
pub fn check_text(field: &'static str, value: &str, max: usize) -> Result<(), DomainError> {
    check_optional_text(field, value, max)?;
    if value.chars().all(is_invisible) {
        return Err(DomainError::EmptyText { field });
    }
    Ok(())
}

/// `value` keeps rules 1-3: at most `max` characters, none forbidden, in NFC (it may be
/// empty).
pub fn check_optional_text(
    field: &'static str,
    value: &str,
    max: usize,
) -> Result<(), DomainError> {
    let len = value.chars().count();
    if len > max {
        return Err(DomainError::TextTooLong { field, len, max });
    }
    if let Some((at, c, kind)) = value
        .chars()
        .enumerate()
        .find_map(|(at, c)| forbidden(c).map(|kind| (at, c, kind)))
    {
        return Err(DomainError::ForbiddenCharacter {
            field,
            kind,
            code_point: c as u32,
            at,
        });
    }
    if !is_nfc(value) {
        return Err(DomainError::NotNfc { field });
    }
    Ok(())
}

/// What kind of forbidden character `c` is, if it is one (rule 2).
fn forbidden(c: char) -> Option<&'static str> {
    match c {
        '\n' | '\t' => None,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => Some("bidirectional control"),
        c if c.is_control() => Some("control"),
        _ => None,
    }
}

/// Whether `c` shows nothing by itself: whitespace, or a default-ignorable code point that
/// fonts draw as nothing (rule 4).
fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}'
            | '\u{17B5}' | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
            | '\u{FFA0}' | '\u{2800}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
            | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// A list of at most [`MAX_ITEMS`] non-empty, distinct strings of at most `max` characters.
pub fn check_text_list(
    field: &'static str,
    items: &[String],
    max: usize,
) -> Result<(), DomainError> {
    check_count(field, items.len())?;
    for (i, item) in items.iter().enumerate() {
        check_text(field, item, max)?;
        if items[..i].contains(item) {
            return Err(DomainError::Duplicate {
                field,
                value: item.clone(),
            });
        }
    }
    Ok(())
}

/// A list holds at most [`MAX_ITEMS`] items.
pub fn check_count(field: &'static str, count: usize) -> Result<(), DomainError> {
    if count > MAX_ITEMS {
        return Err(DomainError::TooManyItems {
            field,
            count,
            max: MAX_ITEMS,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_text_is_empty() {
        assert_eq!(
            check_text("name", "  ", 10),
            Err(DomainError::EmptyText { field: "name" })
        );
    }

    #[test]
    fn invisible_text_is_empty() {
        for blank in [
            "\u{200B}\u{200B}",
            "\u{00AD}",
            "\u{2800}\u{2800}",
            " \u{2060}\u{FEFF} ",
            "\u{3164}",
        ] {
            assert_eq!(
                check_text("nickname", blank, 10),
                Err(DomainError::EmptyText { field: "nickname" }),
                "{blank:?}"
            );
        }
        // An invisible character beside a visible one is not blank (a joiner in an emoji).
        assert!(check_text("nickname", "a\u{200D}b", 10).is_ok());
    }

    #[test]
    fn control_and_bidi_override_characters_are_named() {
        assert_eq!(
            check_text("nickname", "ab\u{0}c", 10),
            Err(DomainError::ForbiddenCharacter {
                field: "nickname",
                kind: "control",
                code_point: 0,
                at: 2
            })
        );
        let err = check_text("nickname", "evil\u{202E}gpj.exe", 20).unwrap_err();
        assert_eq!(
            err.to_string(),
            "nickname holds the bidirectional control character U+202E at character 4; remove it"
        );
        assert!(check_text("nickname", "a\u{7}", 10).is_err());
        assert!(check_optional_text("purpose", "line one\nline two\tend", 100).is_ok());
        assert!(check_optional_text("purpose", "windows\r\nline", 100).is_err());
    }

    #[test]
    fn text_is_in_nfc() {
        // "é" as e + combining acute is the same name as the precomposed "é".
        assert_eq!(
            check_text("nickname", "Ame\u{301}lie", 10),
            Err(DomainError::NotNfc { field: "nickname" })
        );
        assert!(check_text("nickname", "Am\u{E9}lie", 10).is_ok());
        assert!(check_text("nickname", "ナノ", 10).is_ok());
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        assert!(check_text("name", "ééééé", 5).is_ok());
        assert!(check_text("name", "éééééé", 5).is_err());
    }

    #[test]
    fn lists_reject_duplicates_and_overflow() {
        let dup = vec!["cad".to_string(), "cad".to_string()];
        assert!(matches!(
            check_text_list("skills", &dup, 10),
            Err(DomainError::Duplicate { .. })
        ));
        let many: Vec<String> = (0..=MAX_ITEMS).map(|i| i.to_string()).collect();
        assert!(matches!(
            check_text_list("skills", &many, 10),
            Err(DomainError::TooManyItems { .. })
        ));
        assert!(check_text_list("skills", &["cad".into(), "pcb".into()], 10).is_ok());
    }
}
