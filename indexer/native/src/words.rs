//! Words as Python counts them: in characters, not bytes.

use std::borrow::Cow;

/// `text` without its first `n` characters (`text[n:]`).
pub fn after(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((at, _)) => &text[at..],
        None => "",
    }
}

/// Whether `text` begins with an Arabic letter (`indexer.arabic.stem.is_arabic`).
pub fn arabic(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| ('\u{0621}'..='\u{06ff}').contains(&c))
}

pub fn length(text: &str) -> usize {
    text.chars().count()
}

/// `word`, then what it is without a clitic before it: a conjunction,
/// then a preposition (لل before a definite noun: ال; for `names`, ل before
/// a name that begins with ل too), each taken off a word longer than
/// `shortest` characters, لل off one longer still. The recogniser's
/// `without_clitic` (3, no names) and the gazetteer's `word_forms` (2, names).
pub fn clitic_forms<'w>(
    word: &'w str,
    conjunctions: &[char],
    prepositions: &[char],
    shortest: usize,
    names: bool,
) -> Vec<Cow<'w, str>> {
    let mut bare = vec![word];
    if word.starts_with(conjunctions) && length(word) > shortest {
        bare.push(after(word, 1));
    }
    let mut forms: Vec<Cow<str>> = bare.iter().map(|&form| Cow::Borrowed(form)).collect();
    for form in bare {
        if form.starts_with("لل") && length(form) > shortest + 1 {
            forms.push(Cow::Owned(format!("ال{}", after(form, 2))));
            if names {
                forms.push(Cow::Borrowed(after(form, 1)));
            }
        } else if form.starts_with(prepositions) && length(form) > shortest {
            forms.push(Cow::Borrowed(after(form, 1)));
        }
    }
    forms
}
