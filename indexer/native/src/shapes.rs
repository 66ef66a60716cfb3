//! The actor recogniser's second layer (`indexer.actors.recognise`): the
//! names found by their shape, from the words that cue one. Each function
//! here is the method of `Recogniser` of the same name, rule for rule;
//! Python hands over every list and constant, and `tests/test_native.py`
//! holds the two to the same spans.

use foldhash::{HashMap, HashSet};
use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::words::{after, arabic, clitic_forms, length};
use crate::{item, JOINER};

/// A token as the recogniser reads it: as written (marks out), normalised,
/// and whether it is a word (its first character a letter: `str.isalpha`).
pub struct Token<'a> {
    pub shown: &'a str,
    pub norm: &'a str,
    pub word: bool,
}

/// A name found: its first token, the token after its last, and whether it
/// is an organisation's (else a person's).
pub type Span = (usize, usize, bool);

type Words = HashSet<String>;

pub struct Shapes {
    titles: Words,
    long_titles: HashMap<String, Vec<Vec<String>>>,
    long_starts: Words,
    verbs: Words,
    heads: Words,
    weak_heads: Words,
    not_by_quotes: Words,
    by_quotes: Words,
    qualifiers: Words,
    first_names: Words,
    name_share: HashMap<String, f64>,
    generic: Words,
    not_names: Words,
    gentilics: Words,
    links: Words,
    stops: Words,
    regions: Words,
    places: Words,
    institutions: Words,
    companies: Words,
    contests: Words,
    counts: HashMap<String, i64>,
    known_words: Words,
    known_starts: Words,
    spellings: Words,
    son_of: Words,
    general: Words,
    ordinals: Words,
    of_no_nation: Words,
    that: String,
    the_game: String,
    no_adjective: Words,
    ministries: Words,
    a_league_too: Words,
    said_marks: Words,
    companies_heads: Words,
    glued_to_the: Vec<String>,
    places_kinds: Words,
    commas: Words,
    quotes: Words,
    pronouns: Vec<String>,
    verb_prefixes: Words,
    of_the_present: Words,
    whom_quoted: Words,
    god: String,
    of_gods_phrases: Words,
    nations: Words,
    of_names: Words,
    chief: Words,
    abd: String,
    management: String,
    camps: Words,
    leaders: Words,
    describing: Words,
    offices: Words,
    ministry: Words,
    referring: Words,
    abu_forms: Words,
    kin: Words,
    written_given: Words,
    rare: i64,
    twins: f64,
    glued: i64,
    seldom: i64,
    after_a_name: Words,
    named_for_a_place: Words,
    of_a_places_name: Words,
    inflections: Vec<(String, i64)>,
    most_name_words: usize,
    most_org_words: usize,
    most_qualifiers: usize,
    with_article: f64,
}

impl Shapes {
    pub fn new(data: &Bound<'_, PyDict>) -> PyResult<Self> {
        Ok(Self {
            titles: item(data, "titles")?,
            long_titles: item(data, "long_titles")?,
            long_starts: item(data, "long_starts")?,
            verbs: item(data, "verbs")?,
            heads: item(data, "heads")?,
            weak_heads: item(data, "weak_heads")?,
            not_by_quotes: item(data, "not_by_quotes")?,
            by_quotes: item(data, "by_quotes")?,
            qualifiers: item(data, "qualifiers")?,
            first_names: item(data, "first_names")?,
            name_share: item(data, "name_share")?,
            generic: item(data, "generic")?,
            not_names: item(data, "not_names")?,
            gentilics: item(data, "gentilics")?,
            links: item(data, "links")?,
            stops: item(data, "stops")?,
            regions: item(data, "regions")?,
            places: item(data, "places")?,
            institutions: item(data, "institutions")?,
            companies: item(data, "companies")?,
            contests: item(data, "contests")?,
            counts: item(data, "counts")?,
            known_words: item(data, "known_words")?,
            known_starts: item(data, "known_starts")?,
            spellings: item(data, "spellings")?,
            son_of: item(data, "son_of")?,
            general: item(data, "general")?,
            ordinals: item(data, "ordinals")?,
            of_no_nation: item(data, "of_no_nation")?,
            that: item(data, "that")?,
            the_game: item(data, "the_game")?,
            no_adjective: item(data, "no_adjective")?,
            ministries: item(data, "ministries")?,
            a_league_too: item(data, "a_league_too")?,
            said_marks: item(data, "said_marks")?,
            companies_heads: item(data, "companies_heads")?,
            glued_to_the: item(data, "glued_to_the")?,
            places_kinds: item(data, "places_kinds")?,
            commas: item(data, "commas")?,
            quotes: item(data, "quotes")?,
            pronouns: item(data, "pronouns")?,
            verb_prefixes: item(data, "verb_prefixes")?,
            of_the_present: item(data, "of_the_present")?,
            whom_quoted: item(data, "whom_quoted")?,
            god: item(data, "god")?,
            of_gods_phrases: item(data, "of_gods_phrases")?,
            nations: item(data, "nations")?,
            of_names: item(data, "of_names")?,
            chief: item(data, "chief")?,
            abd: item(data, "abd")?,
            management: item(data, "management")?,
            camps: item(data, "camps")?,
            leaders: item(data, "leaders")?,
            describing: item(data, "describing")?,
            offices: item(data, "offices")?,
            ministry: item(data, "ministry")?,
            referring: item(data, "referring")?,
            abu_forms: item(data, "abu_forms")?,
            kin: item(data, "kin")?,
            written_given: item(data, "written_given")?,
            rare: item(data, "rare")?,
            twins: item(data, "twins")?,
            glued: item(data, "glued")?,
            seldom: item(data, "seldom")?,
            after_a_name: item(data, "after_a_name")?,
            named_for_a_place: item(data, "named_for_a_place")?,
            of_a_places_name: item(data, "of_a_places_name")?,
            inflections: item(data, "inflections")?,
            most_name_words: item(data, "most_name_words")?,
            most_org_words: item(data, "most_org_words")?,
            most_qualifiers: item(data, "most_qualifiers")?,
            with_article: item(data, "with_article")?,
        })
    }
}

/// `text` without its last `n` characters (`text[:-n]`).
fn before_last(text: &str, n: usize) -> &str {
    match text.char_indices().rev().nth(n - 1) {
        Some((at, _)) => &text[..at],
        None => "",
    }
}

/// `text[:n]`.
fn first_chars(text: &str, n: usize) -> &str {
    match text.char_indices().nth(n) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

fn starts_any(text: &str, prefixes: &[&str]) -> bool {
    prefixes.iter().any(|p| text.starts_with(p))
}

fn ends_any(text: &str, suffixes: &[&str]) -> bool {
    suffixes.iter().any(|s| text.ends_with(s))
}

/// `word`, then what it is without a clitic before it (`without_clitic`).
fn without_clitic(word: &str) -> Vec<Cow<'_, str>> {
    clitic_forms(word, &['و', 'ف'], &['ب', 'ل', 'ك'], 3, false)
}

/// The form of `word`, itself or without its clitic, that `wanted` holds (`_in`).
fn within<'w>(word: &'w str, wanted: &Words) -> Option<Cow<'w, str>> {
    if wanted.contains(word) {
        return Some(Cow::Borrowed(word));
    }
    without_clitic(word)
        .into_iter()
        .skip(1)
        .find(|form| wanted.contains(form.as_ref()))
}

fn is_in(word: &str, wanted: &Words) -> bool {
    within(word, wanted).is_some()
}

/// 1 where a comma is at `at`, else 0 (`_comma`).
fn comma(shapes: &Shapes, tokens: &[Token], at: usize) -> usize {
    usize::from(at < tokens.len() && shapes.commas.contains(tokens[at].shown))
}

impl Shapes {
    fn count(&self, word: &str) -> i64 {
        self.counts.get(word).copied().unwrap_or(0)
    }

    fn share(&self, word: &str) -> f64 {
        self.name_share.get(word).copied().unwrap_or(0.0)
    }

    /// (start, end, organisation?) of the names found by their shape, from
    /// the positions of the words that may cue one (`_shapes`).
    pub fn find(&self, tokens: &[Token], positions: &[usize]) -> Vec<Span> {
        let mut found = Vec::new();
        let mut covered: Option<usize> = None;
        for &i in positions {
            if covered.is_some_and(|c| i <= c) {
                continue;
            }
            let norm = tokens[i].norm;
            if self.commas.contains(norm) {
                let size = self.in_apposition(tokens, i);
                if size > 0 {
                    found.push((i + 1, i + 1 + size, false));
                    covered = Some(i + size);
                }
                continue;
            }
            if is_in(norm, &self.heads) {
                let size = self.organisation(tokens, i);
                if size > 0 && self.place(tokens, i, false) {
                    covered = Some(i + size - 1);
                    continue;
                }
                if size > 0 {
                    let (start, end) = self.named_body(tokens, i, size);
                    found.push((start, end, true));
                    covered = Some(end - 1);
                    continue;
                }
                if let Some((start, end)) = self.quoted_after_its_kind(tokens, i) {
                    found.push((start, end, true)); // الشركة الروسية "زاروبزنفت"
                    covered = Some(end - 1);
                    continue;
                }
            }
            if is_in(norm, &self.titles) || is_in(norm, &self.long_starts) {
                if let Some((start, end)) = self.named_before_a_role(tokens, i, covered) {
                    found.push((start, end, false)); // فاريبورز بيرجانديان، مدير
                }
                let mut bodies = Vec::new();
                let (start, size) = self.after_title(tokens, i, &mut bodies);
                for (body, length) in bodies {
                    let (start, end) = self.named_body(tokens, body, length);
                    found.push((start, end, true));
                    covered = Some(covered.map_or(end - 1, |c| c.max(end - 1)));
                }
                if size > 0 {
                    if start == i + 1 && self.named_for(tokens, i) {
                        found.push((i, start + size, true)); // مؤسسة نيلسون مانديلا
                    } else if !(self.place(tokens, i, true)
                        || (start == i + 1 && self.place(tokens, start, true)))
                    {
                        found.push((start, start + size, false));
                    }
                    covered = Some(start + size - 1);
                }
                continue;
            }
            if is_in(norm, &self.whom_quoted) {
                let size = self.named_by_role(tokens, i + 1, true); // عن بيسا أريفي، البروفسور
                let seldom = |token: &Token| {
                    self.listed(token.norm) || self.count(token.norm) < 8 * self.rare
                };
                if size > 0 && tokens[i + 2..i + 1 + size].iter().all(seldom) {
                    found.push((i + 1, i + 1 + size, false));
                    covered = Some(i + size);
                }
                continue;
            }
            let said = is_in(norm, &self.verbs);
            if said || self.a_nationality(norm) {
                if let Some(next) = tokens.get(i + 1) {
                    let size =
                        if self.first_names.contains(next.norm) || self.links.contains(next.norm) {
                            self.name_size(tokens, i + 1, true)
                        } else {
                            self.unlisted_name_size(tokens, i + 1, !said)
                        };
                    let size = if size > 0 {
                        size
                    } else {
                        self.named_by_role(tokens, i + 1, said)
                    };
                    let size = if size == 0 && said {
                        self.said_by_name(tokens, i + 1)
                    } else {
                        size
                    };
                    if size > 0 {
                        if said
                            || !self.of_no_nation.contains(norm)
                            || !self.place(tokens, i + 1, true)
                        {
                            found.push((i + 1, i + 1 + size, false));
                        }
                        covered = Some(i + size); // (المستشفى المحلي حسان بلخوجة: the hospital's)
                    }
                }
                continue;
            }
            if self.first_names.contains(norm)
                || norm == self.abd
                || self.clitic_given_name(&tokens[i])
                || self.written_given.contains(tokens[i].shown)
            {
                let mut size = self.name_size(tokens, i, true);
                let mut start = i;
                if size > 0
                    && self.first_names.contains(norm)
                    && i >= 1
                    && !covered.is_some_and(|c| i - 1 <= c)
                    && self.abu_forms.contains(tokens[i - 1].norm)
                {
                    (start, size) = (i - 1, size + 1); // أبو بكر البغدادي
                }
                if size > 0 {
                    if start >= 1
                        && !covered.is_some_and(|c| start - 1 <= c)
                        && self.named_for(tokens, start - 1)
                    {
                        found.push((start - 1, start + size, true)); // مركز ألبرت أينشتاين
                    } else if !self.place(tokens, start, true) {
                        found.push((start, start + size, false));
                    }
                    covered = Some(start + size - 1);
                }
            }
        }
        found
    }

    // --- the words of names ---------------------------------------------------

    fn known(&self, word: &str) -> bool {
        self.known_words.contains(word)
    }

    /// `_listed`: a given name or one of a known name's words.
    fn listed(&self, word: &str) -> bool {
        self.first_names.contains(word) || self.known(word)
    }

    fn inflected(&self, token: &Token, first: bool) -> bool {
        let word = token.norm;
        if word.is_empty() {
            return true;
        }
        if self.pronouns.iter().any(|p| word.ends_with(p.as_str()))
            || (token.shown.ends_with('ه')
                && length(word) >= 4
                && (self.a_written_stem(before_last(word, 1))
                    || (word.starts_with('و') && length(word) >= 5)))
        {
            return true; // a word with its pronoun (not زنغنه: no زنغن is written)
        }
        let rest = after(word, 1);
        if self.verb_prefixes.contains(first_chars(word, 2)) && self.count(rest) >= 3 {
            return true;
        }
        let letters: &[char] = if first {
            &['ب', 'ل', 'ك']
        } else {
            &['و', 'ف', 'ب', 'ل', 'ك']
        };
        if !word.starts_with(letters) || self.count(rest) <= self.count(word) {
            return false;
        }
        // After ب, ل, ك a word: frequent, or written with the article too.
        word.starts_with(['و', 'ف'])
            || self.count(rest) >= self.rare / 4
            || self.count(&format!("ال{rest}")) > 0
    }

    /// `_a_written_stem`: whether the archive writes the word a pronoun was
    /// glued to (its ة, ى or plural's ن restored, after a clitic or not).
    fn a_written_stem(&self, stem: &str) -> bool {
        let mut forms = vec![stem.to_string()];
        if stem.ends_with('ت') {
            forms.push(format!("{}ه", before_last(stem, 1)));
        } else if stem.ends_with('ا') {
            forms.push(format!("{}ي", before_last(stem, 1)));
        } else if stem.ends_with(['ي', 'و']) {
            forms.push(format!("{stem}ن"));
        }
        if length(stem) > 3 && stem.starts_with(['و', 'ف', 'ب', 'ل', 'ك', 'ي', 'ت', 'ن']) {
            let bare: Vec<String> = forms.iter().map(|f| after(f, 1).to_string()).collect();
            forms.extend(bare);
        }
        forms
            .iter()
            .any(|f| self.count(f) + self.count(&format!("ال{f}")) > 0)
    }

    fn name_word(&self, token: &Token, first: bool) -> bool {
        let word = token.norm;
        if self.written_given.contains(token.shown) {
            return first; // a name's first word only (not محمد آن الأوان)
        }
        if !token.word || length(word) < 2 || self.not_names.contains(word) {
            return false;
        }
        if self.first_names.contains(word) {
            return true;
        }
        if self.gentilics.contains(word) || is_in(word, &self.stops) {
            return false;
        }
        let known = if first {
            &self.known_starts
        } else {
            &self.known_words
        };
        if known.contains(word) {
            return true;
        }
        if first
            && (word.starts_with("ال")
                || (word.starts_with("وال") && !self.first_names.contains(after(word, 1))))
        {
            return false;
        }
        if self.verb_or_adverb(word, first) || (!first && self.a_participle(word)) {
            return false; // (a first word a verb too: مرشح للانتخابات يحرج أردوغان)
        }
        let share = self.share(word);
        if share >= 0.5 {
            return true;
        }
        if self.inflected(token, first) || self.definite_after_a_clitic(word) {
            return false;
        }
        if share != 0.0 {
            return share >= if first { 0.5 } else { 0.15 };
        }
        self.count(word) < self.rare
    }

    /// ل, ب or ك before a definite noun (للتربية, بالمستشفيات): لل always,
    /// بال and كال where the news write the noun, not a name that only
    /// begins so (كالانتاري): recognise.py's _definite_after_a_clitic.
    fn definite_after_a_clitic(&self, word: &str) -> bool {
        if word.starts_with("لل") {
            return true;
        }
        if !starts_any(word, &["بال", "كال"]) {
            return false;
        }
        let rest = after(word, 3);
        self.count(&format!("ال{rest}")) > 0 || self.count(rest) >= self.rare / 4
    }

    /// `_a_participle`: a feminine participle or adjective of the pattern
    /// م…ة the news writes with the article too, often (مدعية, محررة); or a
    /// participle in the accusative (متألما, مبتهجا, مشغولا), no known
    /// name's word.
    fn a_participle(&self, word: &str) -> bool {
        let letters: Vec<char> = word.chars().collect();
        if letters.len() < 5 || letters[0] != 'م' {
            return false;
        }
        if word.ends_with('ه') {
            return self.count(&format!("ال{word}")) >= self.rare / 4;
        }
        if !word.ends_with('ا') || !(6..=7).contains(&letters.len()) || self.listed(word) {
            return false;
        }
        let stem = before_last(word, 1);
        let vowel = |c: char| "اوي".contains(c);
        if vowel(letters[1]) || (letters[2] != 'ا' && vowel(letters[2])) {
            return false;
        }
        if letters[1] == 'ت' || letters[2] == 'ت' {
            return true;
        }
        letters.len() == 6
            && letters[3] == 'و'
            && self.count(stem) + self.count(&format!("ال{stem}")) >= self.seldom
    }

    fn verb_or_adverb(&self, word: &str, first: bool) -> bool {
        if length(word) < 4 || word.starts_with("ال") {
            return false;
        }
        if self.both_persons(word) {
            return true;
        }
        if length(word) >= 6 && word.starts_with(['ي', 'ت']) && ends_any(word, &["ون", "ان"])
        {
            // يلعبون, يبحثان: a verb for them, its singular a word of the language.
            let single = before_last(word, 2);
            return self.count(single) >= self.rare / 4
                && self.share(single) < 0.25
                && !self.listed(single);
        }
        // ي before a noun, or a noun and the accusative's ا or the past's ت
        // (for "she", where the verb's present is written too).
        let present = word.starts_with('ي').then(|| after(word, 1));
        let stem = before_last(word, 1);
        let ending = (!first
            && (word.ends_with('ا')
                || (word.ends_with('ت') && self.count(&format!("ي{stem}")) >= self.rare / 4)))
            .then_some(stem);
        [present, ending].into_iter().flatten().any(|noun| {
            self.count(noun) >= self.rare
                && self.count(&format!("ال{noun}")) >= self.rare / 4
                && self.share(noun) < 0.25
                && !self.listed(noun)
        })
    }

    /// `_both_persons`: a verb of the present written for "he" and "she"
    /// alike, each often enough and neither far rarer, or the rarer seldom but
    /// its future or plural written too; its twin no given name.
    fn both_persons(&self, word: &str) -> bool {
        let twin = match word.chars().next() {
            Some('ي') => format!("ت{}", after(word, 1)),
            Some('ت') => format!("ي{}", after(word, 1)),
            _ => return false,
        };
        if self.first_names.contains(&twin) {
            return false;
        }
        let (mine, theirs) = (self.count(word), self.count(&twin));
        let (least, most) = (mine.min(theirs), mine.max(theirs));
        if least >= self.rare / 4 && least as f64 >= self.twins * most as f64 {
            return true;
        }
        if least < self.seldom || most < self.rare / 4 || length(word) < 4 {
            return false;
        }
        if self.listed(word) || self.listed(&twin) {
            return false; // يونغ, تونغ and سيونغ: a name's words
        }
        // The rarer seldom, but the verb's future or plural too, never with the article.
        let stem = after(word, 1);
        let definite = [
            format!("ال{word}"),
            format!("ال{twin}"),
            format!("ال{stem}"),
        ];
        let other_forms = [
            format!("سي{stem}"),
            format!("ست{stem}"),
            format!("ي{stem}ون"),
            format!("ي{stem}ان"),
            format!("ت{stem}ون"),
            format!("ت{stem}ان"),
        ];
        !definite.iter().any(|form| self.count(form) > 0)
            && other_forms.iter().any(|form| self.count(form) > 0)
    }

    fn strong_name_word(&self, token: &Token) -> bool {
        let word = token.norm;
        if self.known_starts.contains(word) || self.share(word) >= 0.5 {
            return true;
        }
        self.name_word(token, false) && self.count(word) < self.rare / 4
    }

    fn name_size(&self, tokens: &[Token], start: usize, first_name: bool) -> usize {
        let n = tokens.len();
        let mut end = start;
        let mut first = tokens[start].norm;
        if self.son_of.contains(first) {
            return 0;
        }
        // وعثمان الجلولي: and a given name.
        let listing = first_name && self.clitic_given_name(&tokens[start]);
        if listing {
            first = after(first, 1);
            end = start + 1;
        }
        if first_name
            && tokens[start].shown.ends_with('ه')
            && self.count(before_last(first, 1)) >= self.rare
            && self.common_word(first)
            && !tokens
                .get(start + 1)
                .is_some_and(|next| self.known(next.norm))
        {
            return 0; // ناديه: نادي and a pronoun, "his club"
        }
        if first_name
            && self.common_given(first)
            && !self.written_given.contains(tokens[start].shown)
            && !tokens
                .get(start + 1)
                .is_some_and(|next| self.strong_name_word(next))
            && !self.name_goes_on(tokens, start + 1)
        {
            return 0; // سيف, "a sword"; but سيف بن مقدم, سيف الله سايبوف
        }
        while end < n && end - start < self.most_name_words {
            let token = &tokens[end];
            if token.norm.len() == JOINER.len_utf8() && token.norm.starts_with(JOINER) {
                // ستروس-كان, جونغ-أون: the next word is the name's.
                if end > start && end + 1 < n && self.joined_word(&tokens[end + 1]) {
                    end += 2;
                    continue;
                }
                break;
            }
            if self.links.contains(token.norm) {
                // بن, آل, أبو, عبد join the name to its next word, a title's
                // word too (خالد بن سلطان, عبد اللطيف آل الشيخ).
                if end + 1 < n && self.linked_word(token.norm, &tokens[end + 1]) {
                    end += 2;
                    continue;
                }
                break;
            }
            if end > start && self.before_god(tokens, end) {
                end += 2; // الطاهر ضيف الله: a family's name
                continue;
            }
            if !self.name_word(token, end == start) {
                break;
            }
            if end > start && self.glued(tokens, end, end - start) {
                break;
            }
            if listing && self.wears_wa(token.norm) {
                break; // ومارتن وكويكي سانشيز: a list goes on, another person
            }
            end += 1;
        }
        let size = end - start;
        if size == 3 && tokens[start + 1].norm.starts_with(JOINER) {
            return 0; // جان-كلود: given names alone
        }
        if size >= if first_name { 2 } else { 1 } {
            size
        } else {
            0
        }
    }

    /// `_a_nationality`: a nationality, or و or ف and one.
    fn a_nationality(&self, word: &str) -> bool {
        self.gentilics.contains(word)
            || (word.starts_with(['و', 'ف']) && self.gentilics.contains(after(word, 1)))
    }

    /// `_unlisted_name_size`: a name no list knows a word of, after a verb
    /// of saying (then what ends a phrase) or a nationality (then anything).
    fn unlisted_name_size(&self, tokens: &[Token], start: usize, after_nationality: bool) -> usize {
        let n = tokens.len();
        let mut end = start;
        while end < n && end - start < 3 {
            let token = &tokens[end];
            // أليسيو, ألفانو: a hamza's alef and ل, no article; no word with
            // the article (القوات العراقية تطهر الحويجة).
            let first = end == start && !starts_any(token.shown, &["أل", "إل"]);
            if !(arabic(token.shown)
                && !token.shown.starts_with("ال")
                && !token.shown.ends_with('ة')
                && (!self.listed(token.norm)
                    || (end > start && self.known_family_name(token.norm)))
                && !self.links.contains(token.norm)
                && self.name_word(token, first)
                && self.strong_name_word(token)
                && !self.inflected_noun(token.norm))
            {
                break;
            }
            if end > start && self.glued(tokens, end, end - start) {
                break;
            }
            end += 1;
        }
        if end - start < 2
            || (!after_nationality && tokens.get(end).is_some_and(|t| !self.ends_a_phrase(t)))
        {
            return 0;
        }
        end - start
    }

    /// `_named_before_a_role`: a name no list knows right before a role, a
    /// comma between them or not (فاريبورز بيرجانديان، مدير), after
    /// `covered` and a word that is no name, body's kind nor title.
    fn named_before_a_role(
        &self,
        tokens: &[Token],
        role: usize,
        covered: Option<usize>,
    ) -> Option<(usize, usize)> {
        let end = if role > 0 && self.commas.contains(tokens[role - 1].norm) {
            role - 1
        } else {
            role
        };
        for size in [3, 2] {
            let Some(start) = end.checked_sub(size) else {
                continue;
            };
            if covered.is_some_and(|c| start <= c)
                || self.unlisted_name_size(tokens, start, false) != size
            {
                continue;
            }
            let first = tokens[start].norm;
            if self.wears_wa(first)
                || tokens[start + 1..end]
                    .iter()
                    .any(|t| t.norm.starts_with('و'))
                || tokens[start..end]
                    .iter()
                    .any(|t| self.count(&format!("ال{}", t.norm)) > 0)
                || self.verb_or_adverb(first, false)
                || tokens[start..end]
                    .iter()
                    .any(|t| self.known(t.norm) || self.spellings.contains(t.norm))
            {
                return None; // واستعار ماكرون, يخبئ دياز
            }
            if start > 0 {
                let before = &tokens[start - 1];
                if self.strong_name_word(before)
                    || is_in(before.norm, &self.heads)
                    || is_in(before.norm, &self.titles)
                {
                    return None;
                }
            }
            return Some((start, end));
        }
        None
    }

    /// `_said_by_name`: a given name and one word no list knows, all that
    /// stands between a verb of saying and what was said (وقال كيفن ستيل إن).
    fn said_by_name(&self, tokens: &[Token], start: usize) -> usize {
        let after = start + 2;
        if after >= tokens.len() || !self.first_names.contains(tokens[start].norm) {
            return 0;
        }
        let (word, following) = (&tokens[start + 1], &tokens[after]);
        if !(following.norm == self.that || self.said_marks.contains(following.shown)) {
            return 0;
        }
        let norm = word.norm;
        let mut chars = norm.chars();
        let first = chars.next().unwrap_or(' ');
        let prefixed = "ولب".contains(first) && self.count(chars.as_str()) > 0;
        if !word.shown.chars().next().is_some_and(char::is_alphabetic)
            || length(norm) < 3
            || self.count(norm) >= self.rare * 5
            || prefixed
            || norm.starts_with("لل")
            || self.not_names.contains(norm)
            || self.first_names.contains(norm)
            || self.gentilics.contains(norm)
            || is_in(norm, &self.stops)
            || is_in(norm, &self.titles)
            || self.verb_or_adverb(norm, false)
            || self.both_persons(norm)
            || self.accusative_or_owned(norm)
        {
            return 0;
        }
        2
    }

    /// `_accusative_or_owned`: a noun with the accusative's ا or a pronoun
    /// after its ة (مازحا, نظريته), no name's.
    fn accusative_or_owned(&self, word: &str) -> bool {
        let often = |base: &str| self.count(base) >= self.rare / 4;
        if let Some(base) = word.strip_suffix('ا') {
            return often(base) || often(&format!("ال{base}"));
        }
        ["ته", "تهم"].iter().any(|pronoun| {
            word.strip_suffix(pronoun)
                .is_some_and(|stem| often(&format!("{stem}ه")))
        })
    }

    /// `_named_by_role`: a name of two or three words after a verb of
    /// saying (`said`) or a nationality that a role after a comma confirms
    /// (وقال نيل باسو، رئيس شرطة).
    fn named_by_role(&self, tokens: &[Token], start: usize, said: bool) -> usize {
        let Some(first) = tokens.get(start) else {
            return 0;
        };
        let seldom = without_clitic(first.norm)
            .iter()
            .map(|form| self.count(form))
            .max()
            .unwrap_or(0)
            < 8 * self.rare;
        if !(self.first_names.contains(first.norm)
            || (seldom
                && !self.inflected(first, true)
                && (!self.verb_or_adverb(first.norm, false)
                    || (said && !self.of_the_present.contains(first_chars(first.norm, 1))))))
        {
            // تعيين, زيارة: what the verb is of; الألمانية تعتقل; وأكد نتمسك
            return 0;
        }
        let given = self.first_names.contains(first.norm);
        let n = tokens.len();
        let mut end = start;
        while end < n
            && end - start < 3
            && (self.may_name(&tokens[end], end > start)
                || (given && end == start + 1 && self.a_family_word(&tokens[end])))
        {
            end += 1;
            if end - start >= 2 && end + 1 < n && self.commas.contains(tokens[end].norm) {
                let role = tokens[end + 1].norm;
                let titled = is_in(role, &self.titles)
                    || is_in(role, &self.long_starts)
                    || (self.chief.contains(role) && end + 2 < n); // كبير الاقتصاديين
                return if titled { end - start } else { 0 };
            }
        }
        0
    }

    /// `_a_family_word`: a word with the article, written, that may be a
    /// family's name after a given name (الصغير, العجيزي).
    fn a_family_word(&self, token: &Token) -> bool {
        arabic(token.shown)
            && token.shown.starts_with("ال")
            && length(token.norm) > 4
            && !self.stops.contains(token.norm)
            && !self.not_names.contains(token.norm)
    }

    /// `_before_god`: a word the lists end names with and الله after it
    /// are a name's (ضيف الله).
    fn before_god(&self, tokens: &[Token], at: usize) -> bool {
        tokens.get(at + 1).is_some_and(|next| next.norm == self.god)
            && self.not_names.contains(tokens[at].norm)
            && length(tokens[at].norm) > 2
            && !self.of_gods_phrases.contains(tokens[at].norm)
            && tokens[at].word
    }

    /// `_linked_word`: the word after a link (بن, آل, أبو, عبد) is the
    /// name's: a name's word, or a title's after عبد or one names carry.
    fn linked_word(&self, link: &str, next: &Token) -> bool {
        self.name_word(next, false)
            || (next.word
                && self.titles.contains(next.norm)
                && (link == self.abd || self.share(next.norm) > 0.0))
    }

    /// `_joined_word`: a word a hyphen joins to a name: letters, no
    /// article, no nationality, no known actor's one-word name (كيم-ترامب).
    fn joined_word(&self, token: &Token) -> bool {
        token.word
            && !token.norm.starts_with("ال")
            && !self.gentilics.contains(token.norm)
            && !self.spellings.contains(token.norm)
    }

    /// `_name_goes_on`: the second word of a compound given name at `at`
    /// (سيف الله), or بن, بنت or آل (ال, normalised) joining a name's word
    /// to the name (not ابن: ابن عم, ابن كتالونيا).
    fn name_goes_on(&self, tokens: &[Token], at: usize) -> bool {
        let link = tokens.get(at).map_or("", |token| token.norm);
        if matches!(link, "الله" | "الدين") {
            return true;
        }
        matches!(link, "بن" | "بنت" | "ال")
            && tokens
                .get(at + 1)
                .is_some_and(|next| self.linked_word(link, next))
    }

    /// `_may_name`: a word that may be a name's, where something else says
    /// so: none with the article, but after the first one that only begins
    /// as ب or ك and the article do (بالفي); after the first, not a
    /// gazetteer's spelling with ل or ب glued on.
    fn may_name(&self, token: &Token, after_the_first: bool) -> bool {
        let word = token.norm;
        arabic(token.shown)
            && !(self.definite(token) && !(after_the_first && starts_any(word, &["بال", "كال"])))
            && !self.stops.contains(word)
            && !self.not_names.contains(word)
            && !self.links.contains(word)
            && !(after_the_first
                && word.starts_with(['ل', 'ب'])
                && self.spellings.contains(after(word, 1)))
    }

    /// `_definite`: a word with the article, a clitic before it or not.
    fn definite(&self, token: &Token) -> bool {
        if token.shown.starts_with("ال") {
            return true;
        }
        let mut word = token.norm;
        if word.starts_with(['و', 'ف']) {
            word = after(word, 1);
            if word.starts_with("ال") && self.count(word) > 0 {
                return true;
            }
        }
        self.definite_after_a_clitic(word)
    }

    /// `_in_apposition`: a name no list knows between a comma after a word
    /// and another, no word of it joined by و, the first no word of the language.
    fn in_apposition(&self, tokens: &[Token], comma: usize) -> usize {
        if !(comma > 0 && tokens[comma - 1].word) {
            return 0;
        }
        let size = self.unlisted_name_size(tokens, comma + 1, false);
        let end = comma + 1 + size;
        if size == 0
            || !tokens
                .get(end)
                .is_some_and(|t| self.commas.contains(t.norm))
        {
            return 0;
        }
        let first = tokens[comma + 1].norm;
        if self.count(&format!("ال{first}")) > 0 && self.a_word(first) {
            return 0; // غريم رونالدو: الغريم, "the rival"
        }
        if tokens[comma + 1..end]
            .iter()
            .any(|t| t.norm.starts_with('و'))
        {
            return 0;
        }
        size
    }

    /// `_known_family_name`: a known name's word that is no given name.
    fn known_family_name(&self, word: &str) -> bool {
        self.known(word) && !self.first_names.contains(word)
    }

    /// `_inflected_noun`: a noun or an adjective of the language inflected.
    fn inflected_noun(&self, word: &str) -> bool {
        if word.ends_with('ه')
            && self.count(&format!("ال{word}")) as f64 > self.with_article * self.count(word) as f64
        {
            return true;
        }
        if word.ends_with('و') && self.count(&format!("{}ون", before_last(word, 1))) > 0 {
            return true; // مستشارو نتنياهو: a plural before whose
        }
        if ends_any(word, &["تان", "تين"])
            && self.count(&format!("{}ه", before_last(word, 3))) >= self.rare
        {
            return true;
        }
        self.inflections.iter().any(|(ending, least)| {
            let stem = before_last(word, length(ending));
            word.ends_with(ending.as_str())
                && length(stem) > 2
                && self.count(&format!("ال{stem}")) >= *least
        })
    }

    /// `_ends_a_phrase`: a mark, a number, a particle or a title.
    fn ends_a_phrase(&self, token: &Token) -> bool {
        !token.word || self.after_a_name.contains(token.norm) || is_in(token.norm, &self.titles)
    }

    fn glued(&self, tokens: &[Token], at: usize, before: usize) -> bool {
        let Token {
            shown, norm: word, ..
        } = tokens[at];
        let mut letters = shown.chars();
        if let (Some(a), Some(b)) = (letters.next(), letters.next()) {
            if length(shown) > 3 && "وفبلك".contains(a) && "أإآ".contains(b) {
                return true;
            }
        }
        if !self.wears_wa(word) {
            return false;
        }
        if self.listed(after(word, 1)) || self.written_given.contains(after(shown, 1)) {
            return true;
        }
        before >= 2
            && tokens
                .get(at + 1)
                .is_some_and(|next| self.name_word(next, false))
    }

    /// `_named_for`: an institution or a company named after the person who
    /// follows.
    fn named_for(&self, tokens: &[Token], head: usize) -> bool {
        let following = tokens.get(head + 1).map_or("", |token| token.norm);
        let head = tokens[head].norm;
        (is_in(head, &self.institutions) || is_in(head, &self.companies))
            && (self.first_names.contains(following) || self.links.contains(following))
    }

    /// `_place`: a place's, a building's, a prize's name, or, `people`'s, an
    /// institution's or a company's (else a contest's), its head with the
    /// article and adjectives too.
    fn place(&self, tokens: &[Token], position: usize, people: bool) -> bool {
        let kind = |word: &str, contests: bool| {
            self.places.contains(word)
                || if people {
                    self.institutions.contains(word) || self.companies.contains(word)
                } else {
                    contests && self.contests.contains(word)
                }
        };
        let mut i = position as isize - 1;
        while i >= 0 && position as isize - i <= 3 {
            let word = tokens[i as usize].norm;
            if without_clitic(word).iter().any(|form| kind(form, true)) {
                return true;
            }
            if !is_in(word, &self.titles) {
                break;
            }
            i -= 1;
        }
        if i < 0 {
            return false;
        }
        let i = i as usize;
        // An adjective whose stem the news seldom write alone (الجهوي, المحلي,
        // الأولمبي), written without the article too (not إلى), no kind of
        // place nor title itself, nor a nation's or a town's (الملعب القابسي).
        let adjective = |word: &str| {
            // (Not a body's: المسجد المعني الاتحاد الإسلامي, the union runs it.)
            people
                && (word.ends_with('ي') || word.ends_with("يه"))
                && length(word) > 4
                && self.count(word) >= self.rare
                && self.count(after(word, 2)) >= self.rare / 4
                && (!self.gentilics.contains(word) || self.of_no_nation.contains(word))
                && !self.ordinals.contains(word)
                && !kind(after(word, 2), true)
                && !self.titles.contains(word)
                && !self.titles.contains(after(word, 2))
        };
        let mut head = i as isize;
        while head >= 0
            && i as isize - head < 2
            && tokens[head as usize].norm.starts_with("ال")
            && (self.nisba(tokens[head as usize].norm) || adjective(tokens[head as usize].norm))
        {
            head -= 1;
        }
        // With the article, a contest is described (بالبطولة العربية الترجي: the
        // winner after it), no name after it the contest's.
        head < i as isize
            && head >= 0
            && i == position - 1 // (زار المستشفى الجهوي الوزير محمد: he)
            && !is_in(tokens[position].norm, &self.titles)
            && without_clitic(tokens[head as usize].norm)
                .iter()
                .any(|form| {
                    form.starts_with("ال")
                        && kind(after(form, 2), false)
                        && !self.a_league_too.contains(after(form, 2))
                })
    }

    /// `_its_nation`: a body's nationality after its indefinite head, no
    /// name after it (بنك إماراتي, محكمة إنجليزية الباب).
    fn its_nation(&self, word: &str, following: &str) -> bool {
        self.gentilics.contains(&format!("ال{word}"))
            && !word.starts_with("ال")
            && !(!following.is_empty() && self.proper(following, false))
    }

    fn an_adjective(&self, word: &str, following: &str) -> bool {
        !word.starts_with("ال")
            && !following.starts_with("ال")
            && !(!following.is_empty() && self.proper(following, false))
            && self.count(word) >= self.rare * 5
            && self.nisba(word)
    }

    fn a_word(&self, word: &str) -> bool {
        word.starts_with("ال")
            || self.count(&format!("ال{word}")) as f64
                >= self.with_article * self.count(word) as f64
    }

    fn common_word(&self, word: &str) -> bool {
        self.count(word) >= 200 && self.share(word) < 0.25
    }

    /// `_common_given`: a frequent given name that is a word of the language
    /// too (written with the article as well, or shaped as a verb; one
    /// beginning ال, written without it as well: الحبيب, not ألكسندر).
    fn common_given(&self, word: &str) -> bool {
        if let Some(bare) = word.strip_prefix("ال").filter(|bare| !bare.is_empty()) {
            return self.common_word(word)
                && self.count(bare) as f64 >= self.with_article * self.count(word) as f64;
        }
        self.common_word(word) && (self.a_word(word) || word.starts_with(['ي', 'ت']))
    }

    fn of_its_own(&self, word: &str) -> bool {
        if word == self.the_game {
            return true; // الاتحاد القاري للعبة
        }
        if !word.starts_with("لل") {
            return false;
        }
        let kind = format!("ال{}", after(word, 2));
        self.heads.contains(&kind) || self.places_kinds.contains(&kind)
    }

    fn for_a_purpose(&self, word: &str, following: &str) -> bool {
        if word.starts_with("لل") {
            return true; // مركز للشرطة
        }
        if !word.starts_with('ل') {
            return false;
        }
        let noun = after(word, 1);
        if self.count(noun) <= self.count(word) {
            return false;
        }
        if following.starts_with("ال") && self.count(noun) >= self.rare * 10 {
            return true;
        }
        self.count(&format!("ال{noun}")) >= self.rare / 4 && self.a_word(noun)
    }

    // --- people -----------------------------------------------------------------

    /// Where a title of several words beginning at `at` ends (رئيس الوزراء,
    /// أركان حرب), or `at` where none begins there.
    fn past_long_title(&self, tokens: &[Token], at: usize) -> usize {
        let n = tokens.len();
        if let Some(title) = within(tokens[at].norm, &self.long_starts) {
            for words in self.long_titles.get(title.as_ref()).into_iter().flatten() {
                let rest = &words[1..];
                let end = (at + 1 + rest.len()).min(n);
                let here = tokens[(at + 1).min(n)..end].iter().map(|t| t.norm);
                if here.len() == rest.len() && here.eq(rest.iter().map(String::as_str)) {
                    return at + 1 + rest.len();
                }
            }
        }
        at
    }

    fn after_title(
        &self,
        tokens: &[Token],
        position: usize,
        bodies: &mut Vec<(usize, usize)>,
    ) -> (usize, usize) {
        let n = tokens.len();
        let mut i = (position + 1).max(self.past_long_title(tokens, position));
        let mut commas = 0;
        while i < n && i - position <= self.most_qualifiers {
            let token = &tokens[i];
            if self.commas.contains(token.shown) {
                commas += 1;
                if commas > 1 {
                    break;
                }
                i += 1;
                continue;
            }
            if !token.word || commas > 0 {
                break;
            }
            let norm = token.norm;
            if is_in(norm, &self.heads) && !self.name_word(token, true) {
                let size = self.organisation(tokens, i);
                if size > 0 {
                    bodies.push((i, size));
                    i += size;
                } else {
                    i += self.organisation_size(tokens, i);
                }
                continue;
            }
            let past = self.past_long_title(tokens, i);
            if past > i {
                i = past; // العقيد أركان حرب: another title, of words
                continue;
            }
            if is_in(norm, &self.titles) {
                i += 1;
                continue;
            }
            if self.qualifiers.contains(norm)
                || self.gentilics.contains(norm)
                || (self.wears_wa(norm) && self.gentilics.contains(after(norm, 1)))
                || ends_any(norm, &["ها", "هم", "هما"])
                || (starts_any(norm, &["ال", "لل"]) && !self.name_word(token, true))
            {
                i += 1;
                continue;
            }
            break;
        }
        if i >= n || self.coordinated(tokens[i].norm) {
            return (0, 0);
        }
        if is_in(tokens[position].norm, &self.kin)
            && i + 1 < n
            && self.spellings.contains(tokens[i].norm)
            && !self.first_names.contains(tokens[i].norm)
            && self.first_names.contains(tokens[i + 1].norm)
        {
            i += 1; // زوجة ترامب ميلانيا: his wife Melania
        }
        (i, self.name_size(tokens, i, false))
    }

    /// `_coordinated`: the word after a title and its qualifiers is one more
    /// of them, joined by و.
    fn coordinated(&self, word: &str) -> bool {
        let rest = after(word, 1);
        self.wears_wa(word) && !self.listed(rest) && self.count(rest) > self.count(word)
    }

    /// `_clitic_given_name`: و or ف before a given name (وعثمان), or ل, ب
    /// or ك before one that is no word of the language too and stands
    /// alone ten times as often (لجيمس; not بأسماء, كليف), no
    /// given name or known word itself (وليد), rarer than the name (not
    /// وجود, لجان) and never written with the article (not فعلي: الفعلي).
    fn clitic_given_name(&self, token: &Token) -> bool {
        let word = token.norm;
        let rest = after(word, 1);
        word.starts_with(['و', 'ف', 'ل', 'ب', 'ك'])
            && (self.first_names.contains(rest)
                || self.written_given.contains(after(token.shown, 1)))
            && !self.listed(word)
            && !(word.starts_with(['ل', 'ب', 'ك'])
                && (self.a_word(rest)
                    || self.common_given(rest)
                    || self.glued * self.count(word) >= self.count(rest)))
            && self.count(word) < self.count(rest)
            && self.count(&format!("ال{word}")) == 0
    }

    /// `_wears_wa`: a word that begins with و that may be the conjunction.
    fn wears_wa(&self, word: &str) -> bool {
        word.starts_with('و') && !self.listed(word)
    }

    // --- organisations ------------------------------------------------------------

    /// `_a_place_name`: a name never written with the article, and a bare name.
    fn a_place_name(&self, word: &str) -> bool {
        !self.a_word(word) && self.bare_name(word)
    }

    /// `_bare_name`: no given name, no verb, no feminine adjective, no word
    /// with a pronoun or a clitic before a commoner word.
    fn bare_name(&self, word: &str) -> bool {
        length(word) >= 3
            && !self.first_names.contains(word)
            && !self.not_names.contains(word)
            && !is_in(word, &self.stops)
            && !self.pronouns.iter().any(|p| word.ends_with(p.as_str()))
            && !(word.ends_with("وا") && self.count(before_last(word, 2)) >= self.rare)
            && !(self.verb_prefixes.contains(first_chars(word, 2))
                && self.count(after(word, 2)) >= self.rare)
            && !(word.ends_with('ه') && self.inflected_noun(word))
            && !self.both_persons(word)
            && !self.verb_or_adverb(word, false)
            && !without_clitic(word)
                .iter()
                .skip(1)
                .any(|form| self.count(form) > self.count(word))
    }

    /// `_more_of_its_work`: و and a definite word going on the name of a
    /// body that says what it does (هيئة الإعلام المرئي والمسموع).
    fn more_of_its_work(&self, tokens: &[Token], start: usize, at: usize) -> bool {
        let (word, previous) = (after(tokens[at].norm, 1), tokens[at - 1].norm);
        if self.gentilics.contains(previous)
            || self.ordinals.contains(previous)
            || self.not_names.contains(word)
        {
            return false;
        }
        if tokens[start].norm.starts_with("ال")
            && !tokens[start + 1..at]
                .iter()
                .any(|t| t.norm.starts_with('ل'))
        {
            return false; // المؤسسة الدينية والتيارات: a description
        }
        if self.known(word) || self.spellings.contains(word) {
            return false; // حركة النهضة والسبسي
        }
        if self.offices.contains(word) && is_in(tokens[start].norm, &self.ministry) {
            return false; // وزارة الشؤون الدينية والمالية: two ministries
        }
        if self.a_kind_or_title(word) {
            return false;
        }
        tokens.get(at + 1).is_none_or(|following| {
            !following.word
                || self.not_names.contains(following.norm)
                || following.norm.starts_with("وال")
                || self.nisba(following.norm)
        })
    }

    /// `_more_of_its_purpose`: و, a noun and a definite word going on with
    /// what a body is for, after ل (للتنمية وإعادة الإعمار).
    fn more_of_its_purpose(&self, word: &str, following: &str) -> bool {
        let noun = after(word, 1);
        if !word.starts_with('و') || noun.chars().count() < 3 || !following.starts_with("ال") {
            return false;
        }
        if self.count(noun) <= self.count(word) || self.listed(noun) {
            return false; // وفاء, وديع, وزير: the letter is the word's own
        }
        if self.count(&format!("ال{noun}")) == 0 {
            return false; // وإحدى: no noun written with the article
        }
        !(self.ministries.contains(noun)
            || self.a_kind_or_title(noun)
            || self.not_names.contains(noun)
            || is_in(noun, &self.verbs)
            || noun.ends_with("ها")
            || noun.ends_with("هم")
            || noun.ends_with("هما")
            || self.not_names.contains(following)
            || is_in(following, &self.heads))
    }

    /// `_past_its_nation`: a definite noun, no adjective, after a nation's
    /// adjective (الخارجية الأميركية | الرعايا; not البرازيلية العليا).
    fn past_its_nation(&self, previous: &str, token: &Token) -> bool {
        let word = token.norm;
        self.nations.contains(previous)
            && token.shown.starts_with("ال")
            && !self.gentilics.contains(word)
            && !self.of_names.contains(word)
            && !ends_any(word, &["ي", "يه"])
            && !self.nisba(word)
    }

    /// `_a_kind_or_title`: a body's kind, singular or plural, or a title.
    fn a_kind_or_title(&self, word: &str) -> bool {
        let body = match word.strip_suffix("ات") {
            Some(stem) => Cow::Owned(format!("{stem}ه")),
            None => Cow::Borrowed(word),
        };
        is_in(word, &self.heads) || is_in(&body, &self.heads) || is_in(word, &self.titles)
    }

    /// `_to_a_word`: ل before a word of the language, not a name's letter.
    fn to_a_word(&self, word: &str) -> bool {
        if word.starts_with("لل") {
            return true;
        }
        let rest = after(word, 1);
        word.starts_with('ل')
            && self.count(rest).max(self.count(&format!("ال{rest}"))) > self.count(word)
    }

    fn organisation_size(&self, tokens: &[Token], start: usize) -> usize {
        let n = tokens.len();
        let mut end = start + 1;
        if let Some(close) = self.quoted(tokens, end) {
            return close + 1 - start;
        }
        let head = within(tokens[start].norm, &self.heads);
        let definite_head = head.as_ref().is_some_and(|head| head.starts_with("ال"));
        if let Some(close) = bracketed(tokens, end).filter(|_| !definite_head) {
            let quoted: Vec<Cow<str>> = tokens[end + 1..close]
                .iter()
                .map(|t| Cow::Borrowed(t.norm))
                .collect();
            if self.reads_as_a_name(&quoted) {
                return close + 1 - start; // منظمة (صحفيون بلا حدود)
            }
        }
        let of_a_place = head
            .as_ref()
            .is_some_and(|head| self.named_for_a_place.contains(head.as_ref()));
        let mut proper = true;
        let mut named = false; // the body's own name was taken
        let mut purpose = false; // one ل was taken: what the body is for
        while end < n && end - start < self.most_org_words {
            let token = &tokens[end];
            if !token.word {
                break;
            }
            let norm = token.norm;
            if (self.general.contains(norm) || self.ordinals.contains(norm))
                && starts_any(tokens[end - 1].norm, &["ال", "لل"])
            {
                end += 1;
                proper = false;
                continue;
            }
            if self.not_names.contains(norm) || is_in(norm, &self.verbs) {
                break;
            }
            if self.first_names.contains(norm) {
                break;
            }
            if is_in(norm, &self.titles)
                && !(norm.starts_with("ال")
                    && self.nisba(norm)
                    && !tokens
                        .get(end + 1)
                        .is_some_and(|next| self.first_names.contains(next.norm)))
            {
                break;
            }
            if norm.starts_with("وال") {
                if is_in(norm, &self.heads) {
                    break;
                }
                let previous = tokens[end - 1].norm;
                let near = (end == start + 2 && !proper)
                    || previous.starts_with("وال")
                    || self.to_a_word(previous);
                if near && end > start + 1 && !self.nisba(previous) {
                    end += 1;
                    proper = false;
                    continue;
                }
                if end > start + 1 && !named && self.more_of_its_work(tokens, start, end) {
                    end += 1; // هيئة الإعلام المرئي والمسموع
                    proper = false;
                    continue;
                }
                break;
            }
            if is_in(norm, &self.not_names) {
                break;
            }
            if self.describing.contains(norm) && end > start + 1 {
                break; // حزب الشعب الديمقراطي | المؤيد للأكراد
            }
            if definite_head && end == start + 1 && self.no_adjective.contains(norm) {
                break; // وحثت المنظمة | السلطات السعودية: the verb's object
            }
            if end > start + 1 && self.past_its_nation(tokens[end - 1].norm, token) {
                break; // ودعت وزارة الخارجية الأميركية | الرعايا: the verb's object
            }
            if starts_any(norm, &["ال", "لل"]) {
                end += 1;
                proper = false;
                purpose = purpose || norm.starts_with("لل");
                continue;
            }
            let following = tokens.get(end + 1).map_or("", |next| next.norm);
            if norm.starts_with('ل')
                && following.starts_with("ال")
                && !self.not_names.contains(following)
                && end > start + 1
            {
                end += 2;
                proper = false;
                purpose = true;
                continue;
            }
            if purpose && self.more_of_its_purpose(norm, following) {
                end += 2; // للتنمية وإعادة الإعمار
                continue;
            }
            if proper
                && !definite_head
                && !(end > start + 1
                    && self.coordinated(norm)
                    && !self.a_word(tokens[end - 1].norm))
                && (if of_a_place && end > start + 1 {
                    self.bare_name(norm) && (self.proper(norm, false) || !self.a_word(norm))
                } else {
                    self.proper(norm, false) || (of_a_place && self.a_place_name(norm))
                })
            {
                end += 1;
                named = true;
                if end < n && self.gentilics.contains(tokens[end].norm) {
                    let following = tokens[end].norm;
                    if of_a_place && self.of_a_places_name.contains(following) {
                        end += 1; // جامعة فلوريدا الدولية, جامعة كارولينا الشمالية
                    }
                    break;
                }
                continue;
            }
            if end == start + 1
                && !definite_head
                && following.starts_with("ال")
                && !self.both_persons(norm)
            {
                end += 1;
                proper = false;
                continue;
            }
            break;
        }
        end - start
    }

    fn named_body(&self, tokens: &[Token], start: usize, size: usize) -> (usize, usize) {
        let opening = start + size + comma(self, tokens, start + size);
        if let Some(close) = self.quoted(tokens, opening) {
            if self.described(tokens, start, size, opening, close) {
                return (opening + 1, close);
            }
        }
        (start, start + size)
    }

    /// `_quoted_after_its_kind`: a company's name quoted right after what
    /// kind of company it is, which names none.
    fn quoted_after_its_kind(&self, tokens: &[Token], start: usize) -> Option<(usize, usize)> {
        if !within(tokens[start].norm, &self.heads)
            .is_some_and(|head| self.companies_heads.contains(head.as_ref()))
        {
            return None;
        }
        let size = self.organisation_size(tokens, start);
        if size < 2
            || tokens[start..start + size]
                .iter()
                .any(|t| self.ordinals.contains(t.norm))
            || self.generic.contains(&format!(
                "{} {}",
                tokens[start].norm,
                tokens[start + 1].norm
            ))
        {
            return None; // (المجموعة الشمسية "exoplanet")
        }
        let opening = start + size + comma(self, tokens, start + size);
        let close = self.quoted(tokens, opening)?;
        let first = tokens[opening + 1].norm;
        if self
            .glued_to_the
            .iter()
            .any(|prefix| first.starts_with(prefix.as_str()))
        {
            return None; // مجموعة السبع "بالثرثرة": a word
        }
        if self.first_names.contains(first) {
            return None; // المدير التنفيذي لمجموعة … "أليكسي كريفوروتشكو": he
        }
        self.described(tokens, start, size, opening, close)
            .then_some((opening + 1, close))
    }

    fn described(
        &self,
        tokens: &[Token],
        start: usize,
        size: usize,
        opening: usize,
        close: usize,
    ) -> bool {
        let head = within(tokens[start].norm, &self.heads);
        let definite = head.as_ref().is_some_and(|head| head.starts_with("ال"));
        let last = tokens[start + size - 1].norm;
        // (Not مجموعة كلاشنيكوف الروسية لصناعة الأسلحة: named.)
        let trade = head
            .as_ref()
            .is_some_and(|head| self.companies_heads.contains(head.as_ref()))
            && last.starts_with("ال")
            && !tokens[start + 1..start + size]
                .iter()
                .any(|t| self.proper(t.norm, false));
        if !(definite || self.gentilics.contains(last) || trade) {
            return false;
        }
        let quoted: Vec<&str> = tokens[opening + 1..close].iter().map(|t| t.norm).collect();
        if quoted.iter().any(|word| self.not_names.contains(*word)) {
            return false;
        }
        let proper: Vec<bool> = quoted.iter().map(|word| self.proper(word, false)).collect();
        proper.iter().any(|&p| p)
            && proper
                .iter()
                .zip(&quoted)
                .all(|(&p, word)| p || !self.a_word(word))
    }

    fn nisba(&self, word: &str) -> bool {
        without_clitic(word).iter().any(|form| {
            let stem = if form.ends_with("يه") {
                before_last(form, 2)
            } else if form.ends_with('ي') {
                before_last(form, 1)
            } else {
                ""
            };
            if length(stem) <= 2 {
                return false;
            }
            let stem_count = self.count(stem).max(self.count(&format!("{stem}ه")));
            stem_count as f64 >= (self.rare as f64).max(self.count(form) as f64 / 10.0)
        })
    }

    fn proper(&self, word: &str, strict: bool) -> bool {
        let bare = if word.starts_with("ال") {
            after(word, 2)
        } else {
            word
        };
        if self.known(word) || self.known(bare) || self.spellings.contains(word) {
            return true;
        }
        if self.both_persons(word) {
            return false; // حزب ميركل يستقيل
        }
        if self.share(word) >= 0.25 {
            return true;
        }
        let rare = if strict { self.rare / 4 } else { self.rare };
        length(word) >= 3 && self.count(word) < rare && !ends_any(word, &["يه", "يا"])
    }

    /// `_reads_as_a_name`: whether quoted words after a head read as its name.
    fn reads_as_a_name(&self, quoted: &[Cow<str>]) -> bool {
        let first = quoted[0].as_ref();
        if quoted
            .iter()
            .any(|word| self.not_names.contains(word.as_ref()))
            || is_in(first, &self.heads)
            || is_in(first, &self.titles)
            || self.first_names.contains(first)
        {
            return false;
        }
        if let [word] = quoted {
            if !word.starts_with("ال") {
                return self.proper(word, true) && !self.nisba(word);
            }
        }
        quoted.iter().any(|word| {
            word.starts_with("ال")
                || ((self.proper(word, false) || !self.a_word(word)) && !self.told_to(word))
        })
    }

    /// `_told_to`: ل or ب before a known name (مؤيدة لترامب).
    fn told_to(&self, word: &str) -> bool {
        let rest = after(word, 1);
        starts_any(word, &["ل", "ب"]) && (self.known(rest) || self.spellings.contains(rest))
    }

    /// `_named_in_quotes`: the words quoted after an indefinite head that
    /// names bodies so (`words`: the head, then them) are its name.
    fn named_in_quotes(&self, words: &[Cow<str>]) -> bool {
        let head = words[0].as_ref();
        !head.starts_with("ال")
            && !self.not_by_quotes.contains(head)
            && self.reads_as_a_name(&words[1..])
    }

    /// `_named_after_weak_head`: a quoted name, or a very rare word at once
    /// but after a head only a quoted name follows.
    fn named_after_weak_head(&self, words: &[Cow<str>], quoted: bool) -> bool {
        if quoted {
            return self.named_in_quotes(words);
        }
        !self.by_quotes.contains(words[0].as_ref()) && self.proper(&words[1], true)
    }

    fn organisation(&self, tokens: &[Token], start: usize) -> usize {
        let size = self.organisation_size(tokens, start);
        if size < 2 {
            return 0;
        }
        let rest = &tokens[start + 1..start + size];
        let mut words: Vec<Cow<str>> = std::iter::once(&tokens[start])
            .chain(rest.iter().filter(|t| !self.around(t)))
            .map(|t| Cow::Borrowed(t.norm))
            .collect();
        if let Some(head) = within(tokens[start].norm, &self.heads) {
            words[0] = head;
        }
        let head = words[0].as_ref();
        let quoted = self.around(&rest[0]);
        if self.weak_heads.contains(head) && !self.named_after_weak_head(&words, quoted) {
            return 0;
        }
        if head == self.management
            && !words[1].starts_with("ال")
            && self.spellings.contains(words[1].as_ref())
        {
            return 0; // إدارة ترامب: his administration, he the actor
        }
        if head.starts_with("ال")
            && ((words[1].starts_with('ل') && !words[1].starts_with("ال"))
                || self.referring.contains(words[1].as_ref())
                || (quoted && !self.reads_as_a_name(&words[1..])))
        {
            return 0; // الشركة للتنمية, الشركة المنتجة للمسلسل, الحزب "تتآكل نسبيا"
        }
        if self.camps.contains(head) && self.leaders.contains(words[1].as_ref()) {
            return 0; // حزب ماكرون, قوات حفتر: his camp
        }
        let following = words.get(2).map_or("", |w| w.as_ref());
        if !head.starts_with("ال")
            && (self.for_a_purpose(&words[1], following)
                || self.an_adjective(&words[1], following)
                || self.its_nation(&words[1], following))
        {
            return 0;
        }
        let described = words
            .iter()
            .filter(|w| !self.ordinals.contains(w.as_ref()))
            .count();
        if head.starts_with("ال")
            && !words[1..]
                .iter()
                .map(Cow::as_ref)
                .filter(|w| !self.of_its_own(w))
                .any(|w| {
                    self.regions.contains(w)
                        || (self.gentilics.contains(w) && described > 2)
                        || (starts_any(w, &["لل", "ل"]) && !w.starts_with("ال"))
                        || self.proper(w, false)
                })
        {
            return 0;
        }
        let joined = words.join(" ");
        if self.generic.contains(&joined)
            || self.generic.contains(&format!("={joined}"))
            || (self.generic.contains(&words[..2].join(" ")) && !(quoted && words.len() > 3))
        {
            return 0;
        }
        size
    }

    /// Whether a token is a quote or a bracket around a name (`_AROUND`).
    fn around(&self, token: &Token) -> bool {
        self.quotes.contains(token.shown) || matches!(token.shown, "(" | ")")
    }

    /// `_quoted`: where a name quoted from `at` closes.
    fn quoted(&self, tokens: &[Token], at: usize) -> Option<usize> {
        let quote = |shown: &str| self.quotes.contains(shown);
        enclosed(tokens, at, quote, quote, |token| token.word)
    }
}

/// `_bracketed`: where a name of one to five words in Arabic letters
/// bracketed from `at` closes.
fn bracketed(tokens: &[Token], at: usize) -> Option<usize> {
    enclosed(
        tokens,
        at,
        |shown| shown == "(",
        |shown| shown == ")",
        |token| arabic(token.shown),
    )
}

/// `_enclosed`: where the mark (`closing`) closes a name of one to five
/// words (`a_word`) a mark (`opening`) opens at `at`.
fn enclosed(
    tokens: &[Token],
    at: usize,
    opening: impl Fn(&str) -> bool,
    closing: impl Fn(&str) -> bool,
    a_word: impl Fn(&Token) -> bool,
) -> Option<usize> {
    if !opening(tokens.get(at)?.shown) {
        return None;
    }
    for (j, token) in tokens
        .iter()
        .enumerate()
        .take((at + 7).min(tokens.len()))
        .skip(at + 1)
    {
        if closing(token.shown) {
            return (j > at + 1).then_some(j);
        }
        if !a_word(token) {
            return None;
        }
    }
    None
}
