//! Bounds on free text. Every string in an entry is bounded so that no entry can be inflated
//! to burden the peers that must store it.

use crate::DomainError;

/// Names: nicknames, project names, skills.
pub const MAX_NAME: usize = 100;
/// Long prose: a project's purpose, a contribution's description.
pub const MAX_PROSE: usize = 10_000;
/// One evidence item: a URI or a content hash.
pub const MAX_EVIDENCE_ITEM: usize = 2_000;
/// Items in a list: skills, stewards, evidence.
pub const MAX_ITEMS: usize = 50;

/// `value` is non-empty after trimming and at most `max` characters.
pub fn check_text(field: &'static str, value: &str, max: usize) -> Result<(), DomainError> {
    if value.trim().is_empty() {
        return Err(DomainError::EmptyText { field });
    }
    check_optional_text(field, value, max)
}

/// `value` is at most `max` characters (it may be empty).
pub fn check_optional_text(
    field: &'static str,
    value: &str,
    max: usize,
) -> Result<(), DomainError> {
    let len = value.chars().count();
    if len > max {
        return Err(DomainError::TextTooLong { field, len, max });
    }
    Ok(())
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
