//! The Arabic analysis of `indexer.arabic`, on the indexing path, in Rust.
//!
//! Python keeps every table, list and constant (`indexer.arabic.native`
//! hands them over) and stays the reference: each function here answers
//! `None` where the text needs what only Python does as Python does it (a
//! character newer than Python's Unicode, a case mapping outside ASCII, a
//! link or an e-mail address, a lone surrogate), and Python answers instead. What is answered here is what Python answers; the shared
//! vectors of `tests/analysis_vectors.py` check it, as they check the
//! Elasticsearch plugin.

use foldhash::{HashMap, HashSet};
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString, PyTuple};
use unicode_normalization::UnicodeNormalization;

mod shapes;
mod spellings;
mod words;
use shapes::{Shapes, Token};
use spellings::Spellings;
use words::arabic;

// Character classes, as Python's `re` defines them (`\w`, `\d`, `\s`), and
// the marks the recogniser drops before it splits text into tokens.
const WORD: u8 = 1;
const DIGIT: u8 = 2;
const SPACE: u8 = 4;
const MARK: u8 = 8;
const TATWEEL: char = '\u{0640}';
/// A hyphen between two letters, as the recogniser writes it (`JOINER`).
pub(crate) const JOINER: char = '\u{2010}';
// Assigned a character in the Unicode of Python's `unicodedata`.
const ASSIGNED: u8 = 16;
// NFKC_QC=Yes: normalised alone, the second half of no composition.
const QUICK: u8 = 32;
// A letter, as `str.isalpha` has it: a token that begins with one is a word.
const ALPHA: u8 = 64;
// Entries of the normalised-word cache before it starts again (more words
// than an archive's vocabulary: the cache only saves work).
const MOST_CACHED: usize = 1_000_000;

/// A bit set per code point, from Python's ranges.
fn classes(data: &Bound<'_, PyDict>) -> PyResult<Vec<u8>> {
    let mut found = vec![0u8; 0x11_0000];
    let bits = [
        ("word", WORD),
        ("digit", DIGIT),
        ("space", SPACE),
        ("marks", MARK),
        ("assigned", ASSIGNED),
        ("quick", QUICK),
        ("alpha", ALPHA),
    ];
    for (name, bit) in bits {
        let ranges: Vec<(u32, u32)> = item(data, name)?;
        for (first, last) in ranges {
            for code in first..=last {
                found[code as usize] |= bit;
            }
        }
    }
    Ok(found)
}

pub(crate) fn item<'py, T: FromPyObjectOwned<'py>>(
    data: &Bound<'py, PyDict>,
    name: &str,
) -> PyResult<T> {
    match data.get_item(name)? {
        Some(value) => value.extract().map_err(Into::into),
        None => Err(pyo3::exceptions::PyKeyError::new_err(name.to_owned())),
    }
}

fn one_char(text: &str, name: &str) -> PyResult<char> {
    let mut chars = text.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Ok(c),
        _ => Err(pyo3::exceptions::PyValueError::new_err(format!(
            "{name}: one character expected"
        ))),
    }
}

/// What the recogniser reads of a written token, as Python objects.
struct Read {
    pair: Py<PyTuple>, // (written, normalised)
    norm: Py<PyString>,
    role: Option<Py<PyAny>>,
    form: Box<str>, // normalised
    bits: i64,      // the role's, 0 for none
    word: bool,     // its first character a letter
}

/// The tokens read, and the table of roles they were read with.
#[derive(Default)]
struct Reading {
    roles: Option<Py<PyDict>>,
    tokens: HashMap<Box<str>, usize>, // -> its place in `reads`
    reads: Vec<Read>,
}

/// The actor recogniser's passes over a text's tokens: the names found by
/// their shape, and the gazetteer's spellings; and the roles of the tokens
/// each begins at.
#[pyclass(frozen, module = "bahth_native")]
struct Names {
    shapes: Shapes,
    spellings: Spellings,
    cue: i64,
    start: i64,
}

#[pymethods]
impl Names {
    #[new]
    fn new(shapes: &Bound<'_, PyDict>, spellings: &Bound<'_, PyDict>) -> PyResult<Self> {
        Ok(Self {
            shapes: Shapes::new(shapes)?,
            spellings: Spellings::new(spellings)?,
            cue: item(shapes, "cue")?,
            start: item(spellings, "start")?,
        })
    }
}

#[pyclass(frozen, module = "bahth_native")]
struct Analysis {
    classes: Vec<u8>,
    // Canonical combining class per code point.
    combining: Vec<u8>,
    // Code point -> index into `replacements` + 1 (0: not in the table).
    fold: Vec<u32>,
    replacements: Vec<String>,
    stopwords: HashSet<String>,
    lexicon: HashMap<String, u64>,
    whole_words: HashSet<String>,
    proper: HashSet<String>,
    nisba: HashSet<String>,
    tens: HashSet<String>,
    decade_endings: Vec<String>,
    alef: char,
    pronouns: Vec<String>,
    articles: Vec<(String, usize)>,
    clitics: Vec<char>,
    suffixes: Vec<String>,
    min_stem: usize,
    ratio: HashMap<char, f64>,
    min_rest_count: u64,
    definite: Vec<String>,
    min_definite_count: u64,
    definite_share: f64,
    allah: String,
    yeh: char,
    hamza: char,
    maksura: char,
    maksura_kept: HashSet<String>,
    yeh_hamza: String,
    terms: Mutex<HashMap<Box<str>, Box<str>>>,
    reading: Mutex<Reading>,
}

#[pymethods]
impl Analysis {
    #[new]
    fn new(data: &Bound<'_, PyDict>) -> PyResult<Self> {
        let table: HashMap<u32, String> = item(data, "fold")?;
        let mut fold = vec![0u32; 0x11_0000];
        let mut replacements = Vec::with_capacity(table.len());
        for (code, replacement) in table {
            replacements.push(replacement);
            fold[code as usize] = replacements.len() as u32;
        }
        let ratio: HashMap<String, f64> = item(data, "ratio")?;
        Ok(Self {
            classes: classes(data)?,
            combining: {
                let mut found = vec![0u8; 0x11_0000];
                for (code, class) in item::<Vec<(u32, u8)>>(data, "combining")? {
                    found[code as usize] = class;
                }
                found
            },
            fold,
            replacements,
            stopwords: item(data, "stopwords")?,
            lexicon: item(data, "lexicon")?,
            whole_words: item(data, "whole_words")?,
            proper: item(data, "proper")?,
            nisba: item(data, "nisba")?,
            tens: item(data, "tens")?,
            decade_endings: item(data, "decade_endings")?,
            alef: one_char(&item::<String>(data, "alef")?, "alef")?,
            pronouns: item(data, "pronouns")?,
            articles: item(data, "articles")?,
            clitics: item::<String>(data, "clitics")?.chars().collect(),
            suffixes: item(data, "suffixes")?,
            min_stem: item(data, "min_stem")?,
            ratio: ratio
                .into_iter()
                .map(|(clitic, value)| Ok((one_char(&clitic, "ratio")?, value)))
                .collect::<PyResult<_>>()?,
            min_rest_count: item(data, "min_rest_count")?,
            definite: item(data, "definite")?,
            min_definite_count: item(data, "min_definite_count")?,
            definite_share: item(data, "definite_share")?,
            allah: item(data, "allah")?,
            yeh: one_char(&item::<String>(data, "yeh")?, "yeh")?,
            hamza: one_char(&item::<String>(data, "hamza")?, "hamza")?,
            maksura: one_char(&item::<String>(data, "maksura")?, "maksura")?,
            maksura_kept: item(data, "maksura_kept")?,
            yeh_hamza: format!(
                "{}{}",
                item::<String>(data, "yeh")?,
                item::<String>(data, "hamza")?
            ),
            terms: Mutex::new(HashMap::default()),
            reading: Mutex::new(Reading::default()),
        })
    }

    /// The matching form of `text`, or None where Python must make it
    /// (here and below: also a text with a lone surrogate, which is no UTF-8).
    fn normalize(&self, text: &Bound<'_, PyString>) -> Option<String> {
        self.normalized(text.to_str().ok()?)
    }

    /// The analysed terms of `text`, joined by spaces, or None where Python
    /// must analyse it.
    #[pyo3(signature = (text, normalized = false))]
    fn analyze(&self, text: &Bound<'_, PyString>, normalized: bool) -> Option<String> {
        let text = text.to_str().ok()?; // not with a lone surrogate
        let owned;
        let normalized = if normalized {
            text
        } else {
            owned = self.normalized(text)?;
            owned.as_str()
        };
        if has_links(normalized) {
            return None;
        }
        let mut terms = self
            .terms
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if terms.len() > MOST_CACHED {
            terms.clear();
        }
        let mut joined = String::with_capacity(normalized.len());
        for (token, kind) in self.tokens_of(normalized) {
            if kind == Kind::Mark {
                continue;
            }
            if !joined.is_empty() {
                joined.push(' ');
            }
            let cleaned;
            let token = if token.contains(',') {
                cleaned = self.without_commas(token);
                cleaned.as_str()
            } else {
                token
            };
            match terms.get(token) {
                Some(term) => joined.push_str(term),
                None => {
                    let term = self.term(token);
                    joined.push_str(&term);
                    terms.insert(token.into(), term.into());
                }
            }
        }
        Some(joined)
    }

    /// The recogniser's reading of `text`: its tokens as (written,
    /// normalised) pairs, their normalised forms (a tuple), and (position,
    /// role) of each token whose normalised form `roles` gives a role to;
    /// given `names`, also the names found by their shape, as (start, end,
    /// organisation?), and the gazetteer's spellings, as (position, size,
    /// owners), each from the tokens whose role says one may begin there.
    /// Tokens are words, numbers with their decimals and marks of
    /// punctuation, once the marks (tashkeel, tatweel, format characters)
    /// are taken out, a tatweel that lengthens no letter left as a dash and
    /// a hyphen between letters written JOINER (`unmarked`). None where Python must read the text. A token is read
    /// once a process: its objects and role are kept while the same `roles`
    /// comes (another table, another cache).
    #[pyo3(signature = (text, roles, names = None))]
    fn read<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        roles: &Bound<'py, PyDict>,
        names: Option<&Bound<'py, Names>>,
    ) -> PyResult<Option<Bound<'py, PyTuple>>> {
        let Ok(text) = text.to_str() else {
            return Ok(None); // a lone surrogate
        };
        let unmarked: String;
        let text = if text.chars().any(|c| self.class(c) & MARK != 0 || c == '-') {
            unmarked = self.unmarked(text);
            unmarked.as_str()
        } else {
            text
        };
        // Objects of Python are made while the cache is held: another thread
        // that finds it busy goes without it rather than wait holding the GIL.
        let mut mine = Reading::default();
        let mut held = self.reading.try_lock().ok();
        let reading = held.as_deref_mut().unwrap_or(&mut mine);
        let same = reading
            .roles
            .as_ref()
            .is_some_and(|known| known.bind(py).is(roles));
        if !same || reading.tokens.len() > MOST_CACHED {
            reading.tokens.clear();
            reading.reads.clear();
            reading.roles = Some(roles.clone().unbind());
        }
        let (mut written, mut places) = (Vec::new(), Vec::new());
        for (token, _) in self.tokens_and_lines_of(text) {
            let place = if let Some(&place) = reading.tokens.get(token) {
                place
            } else {
                let Some(form) = self.normalized(token) else {
                    return Ok(None);
                };
                let norm = PyString::new(py, &form);
                let pair = PyTuple::new(py, [PyString::new(py, token), norm.clone()])?;
                let (role, bits) = match roles.get_item(&norm)? {
                    Some(role) if role.is_truthy()? => {
                        let bits = role.extract().unwrap_or(0);
                        (Some(role.unbind()), bits)
                    }
                    _ => (None, 0),
                };
                let word = token
                    .chars()
                    .next()
                    .is_some_and(|c| self.class(c) & ALPHA != 0);
                let read = Read {
                    pair: pair.unbind(),
                    norm: norm.unbind(),
                    role,
                    form: form.into(),
                    bits,
                    word,
                };
                reading.reads.push(read);
                reading.tokens.insert(token.into(), reading.reads.len() - 1);
                reading.reads.len() - 1
            };
            written.push(token);
            places.push(place);
        }
        let reads: Vec<&Read> = places.iter().map(|&place| &reading.reads[place]).collect();
        let pairs = reads.iter().map(|read| read.pair.clone_ref(py));
        let norms = reads.iter().map(|read| read.norm.clone_ref(py));
        let found: Vec<_> = reads
            .iter()
            .enumerate()
            .filter_map(|(position, read)| Some((position, read.role.as_ref()?.clone_ref(py))))
            .collect();
        let mut parts = vec![
            PyList::new(py, pairs)?.into_any(),
            PyTuple::new(py, norms)?.into_any(),
            PyList::new(py, found)?.into_any(),
        ];
        if let Some(names) = names {
            let names = names.get();
            let tokens: Vec<Token> = written
                .iter()
                .zip(&reads)
                .map(|(&shown, read)| Token {
                    shown,
                    norm: &read.form,
                    word: read.word,
                })
                .collect();
            let starting = |role| -> Vec<usize> {
                (0..reads.len())
                    .filter(|&at| reads[at].bits & role != 0)
                    .collect()
            };
            let spans = names.shapes.find(&tokens, &starting(names.cue));
            parts.push(PyList::new(py, spans)?.into_any());
            let norms: Vec<&str> = tokens.iter().map(|token| token.norm).collect();
            let mentions = names.spellings.mentions(py, &norms, &starting(names.start));
            parts.push(PyList::new(py, mentions)?.into_any());
        }
        PyTuple::new(py, parts).map(Some)
    }
}

impl Analysis {
    fn class(&self, c: char) -> u8 {
        self.classes[c as usize]
    }

    /// `text` without its marks, a run of tatweel that lengthens no letter
    /// (none before it nor after it, marks aside) written "-", a hyphen
    /// between two letters written JOINER: the recogniser's `unmarked`. A run is judged once, at its first tatweel.
    fn unmarked(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut chars = text.chars();
        let mut in_run = false; // a tatweel was met since the last character written
        while let Some(c) = chars.next() {
            if self.class(c) & MARK == 0 {
                let joins = c == '-'
                    && out.chars().next_back().is_some_and(|c| self.is_letter(c))
                    && chars
                        .clone()
                        .find(|&c| self.class(c) & MARK == 0)
                        .is_some_and(|c| self.is_letter(c));
                out.push(if joins { JOINER } else { c });
                in_run = false;
            } else if c == TATWEEL && !in_run {
                in_run = true;
                let lengthens = |c: Option<char>| c.is_some_and(|c| self.is_letter(c));
                if !lengthens(out.chars().next_back())
                    && !lengthens(chars.clone().find(|&c| self.class(c) & MARK == 0))
                {
                    out.push('-');
                }
            }
        }
        out
    }

    fn is_word(&self, c: char) -> bool {
        self.class(c) & WORD != 0
    }

    fn is_digit(&self, c: char) -> bool {
        self.class(c) & DIGIT != 0
    }

    /// `[^\W\d_]`: a word character that is not a digit nor the underscore.
    fn is_letter(&self, c: char) -> bool {
        self.class(c) & (WORD | DIGIT) == WORD && c != '_'
    }

    /// `normalize`: NFKC where needed, lower case, one pass of the folding
    /// table, alef maqsura folded but in على, a yeh dropped before a
    /// word-final hamza. None where a character is unknown to Python's
    /// Unicode or needs a case mapping outside ASCII, or where the result is
    /// not in NFKC (a mark taken out brought two characters together: Python
    /// goes round again).
    fn normalized(&self, text: &str) -> Option<String> {
        let composed;
        let text = match self.quick_check(text)? {
            true => text,
            false => {
                composed = self.composed(text);
                composed.as_str()
            }
        };
        // Runs of characters the table leaves alone are copied as they are.
        let mut out = String::with_capacity(text.len());
        let mut unchanged_from = 0;
        let mut check = false; // whether the result may not be in NFKC
        for (at, c) in text.char_indices() {
            let lower = if c.is_ascii() {
                c.to_ascii_lowercase()
            } else if ('\u{0600}'..='\u{06ff}').contains(&c) {
                c // no letter of the Arabic block has a case
            } else {
                let mut lower = c.to_lowercase();
                if lower.next() != Some(c) || lower.next().is_some() {
                    return None;
                }
                c
            };
            let index = self.fold[lower as usize];
            if index == 0 && lower == c {
                check |= self.class(c) & QUICK == 0 || self.combining[c as usize] != 0;
                continue;
            }
            out.push_str(&text[unchanged_from..at]);
            unchanged_from = at + c.len_utf8();
            match index {
                0 => out.push(lower),
                index => {
                    let replacement = &self.replacements[index as usize - 1];
                    out.push_str(replacement);
                    // A character taken out may bring together two that compose.
                    check |= replacement.is_empty();
                }
            }
        }
        out.push_str(&text[unchanged_from..]);
        if out.contains(self.maksura) {
            out = self.fold_maksura(&out);
        }
        if out.contains(&self.yeh_hamza) {
            out = self.drop_yeh_before_final_hamza(&out);
        }
        if check && self.quick_check(&out) != Some(true) {
            return None;
        }
        Some(out)
    }

    /// `text` in NFKC. Most texts that fail the quick check hold a few
    /// characters that fail it alone (a no-break space, an ellipsis, a
    /// presentation form): those are replaced by their own NFKC first, which
    /// leaves the NFKC of the whole unchanged (its full decomposition is the
    /// same), and the whole is composed only if it still fails.
    /// Decompositions never change once a character is assigned.
    fn composed(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut unchanged_from = 0;
        for (at, c) in text.char_indices() {
            if self.class(c) & QUICK != 0 {
                continue;
            }
            out.push_str(&text[unchanged_from..at]);
            out.extend(c.nfkc());
            unchanged_from = at + c.len_utf8();
        }
        out.push_str(&text[unchanged_from..]);
        match self.quick_check(&out) {
            Some(true) => out,
            _ => out.nfkc().collect(),
        }
    }

    /// Whether `text` is in NFKC by Unicode's quick check (Some(false): it
    /// may not be), on Python's data; None where a character is unknown to
    /// Python's Unicode, which neither decomposes nor orders it: this side would.
    fn quick_check(&self, text: &str) -> Option<bool> {
        let mut normalized = true;
        let mut last = 0;
        for c in text.chars() {
            let class = self.class(c);
            if class & ASSIGNED == 0 {
                return None;
            }
            let combining = self.combining[c as usize];
            normalized &= class & QUICK != 0 && (combining == 0 || last <= combining);
            last = combining;
        }
        Some(normalized)
    }

    /// Python's `(?<!\w)(على|وعلى|فعلى)(?!\w)|ى`, each match of the first
    /// alternative kept, of the second made yeh.
    fn fold_maksura(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut word_from = 0; // where the run of word characters up to here began
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if c == self.maksura {
                let word_follows = chars.peek().is_some_and(|&(_, next)| self.is_word(next));
                let end = at + c.len_utf8();
                if word_follows || !self.maksura_kept.contains(&text[word_from..end]) {
                    out.push(self.yeh);
                } else {
                    out.push(c);
                }
            } else {
                out.push(c);
            }
            if !self.is_word(c) {
                word_from = at + c.len_utf8();
            }
        }
        out
    }

    /// Python's `ي+ء\b` replaced by `ء`.
    fn drop_yeh_before_final_hamza(&self, text: &str) -> String {
        let chars: Vec<char> = text.chars().collect();
        let mut out = String::with_capacity(text.len());
        let mut i = 0;
        while i < chars.len() {
            if chars[i] != self.yeh {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            let mut end = i;
            while end < chars.len() && chars[end] == self.yeh {
                end += 1;
            }
            let final_hamza = end < chars.len()
                && chars[end] == self.hamza
                && !(end + 1 < chars.len() && self.is_word(chars[end + 1]));
            if final_hamza {
                out.push(self.hamza);
                i = end + 1;
            } else {
                out.extend(&chars[i..end]);
                i = end;
            }
        }
        out
    }

    /// The tokens of `text`: runs of letters (`[^\W\d_]+`), numbers
    /// (`\d+(?:[.,]\d+)*`) and single marks of punctuation (`[^\w\s]`).
    fn tokens_of<'t>(&'t self, text: &'t str) -> Tokens<'t> {
        Tokens {
            analysis: self,
            text,
            at: 0,
            lines: false,
        }
    }

    /// The tokens of `text` and its line breaks (`_TOKEN` of the recogniser):
    /// a name never runs on from one line to the next.
    fn tokens_and_lines_of<'t>(&'t self, text: &'t str) -> Tokens<'t> {
        Tokens {
            lines: true,
            ..self.tokens_of(text)
        }
    }

    /// A number's commas: thousands separators go (1,250,000), a decimal
    /// comma becomes a point (3,5).
    fn without_commas(&self, token: &str) -> String {
        if self.thousands(token) {
            token.replace(',', "")
        } else {
            token.replace(',', ".")
        }
    }

    /// Whether all of `token` is `\d{1,3}(?:,\d{3})+(?:\.\d+)?`.
    fn thousands(&self, token: &str) -> bool {
        let chars: Vec<char> = token.chars().collect();
        let digits_from = |from: usize| {
            let mut end = from;
            while end < chars.len() && self.is_digit(chars[end]) {
                end += 1;
            }
            end - from
        };
        let lead = digits_from(0);
        if !(1..=3).contains(&lead) {
            return false;
        }
        let mut at = lead;
        let mut groups = 0;
        while at < chars.len() && chars[at] == ',' && digits_from(at + 1) == 3 {
            at += 4;
            groups += 1;
        }
        if groups == 0 {
            return false;
        }
        if at == chars.len() {
            return true;
        }
        chars[at] == '.' && digits_from(at + 1) > 0 && at + 1 + digits_from(at + 1) == chars.len()
    }

    /// The index term of one normalised token (a stopword stays as it is).
    fn term(&self, token: &str) -> String {
        if self.stopwords.contains(token) {
            token.to_owned()
        } else {
            self.stemmed(token)
        }
    }

    /// `indexer.arabic.stem.stem`.
    fn stemmed(&self, word: &str) -> String {
        if !arabic(word) || word == self.allah {
            return word.to_owned();
        }
        if word.ends_with(&self.allah) {
            return self.strip_prefixes(word).to_owned();
        }
        let mut rest = self.strip_prefixes(word);
        for ending in &self.decade_endings {
            if let Some(ten) = rest.strip_suffix(ending.as_str()) {
                if self.tens.contains(ten) {
                    return ten.to_owned(); // التسعينات, التسعينيات: تسعين
                }
            }
        }
        if self.nisba.contains(rest) {
            rest = rest.strip_suffix(self.alef).unwrap_or(rest);
        }
        self.strip_suffixes(rest).to_owned()
    }

    fn strip_article<'a>(&self, word: &'a str) -> Option<&'a str> {
        let length = word.chars().count();
        for (article, min_rest) in &self.articles {
            if let Some(rest) = word.strip_prefix(article.as_str()) {
                if length - article.chars().count() >= *min_rest {
                    return Some(rest);
                }
            }
        }
        None
    }

    fn clitic_is_separate(&self, word: &str) -> bool {
        let first = word.chars().next().expect("a word");
        let rest = &word[first.len_utf8()..];
        if rest.chars().count() < 3 || self.whole_words.contains(word) {
            return false;
        }
        let count = |form: &str| self.lexicon.get(form).copied().unwrap_or(0);
        let whole_count = count(word);
        let rest_count = count(rest);
        let definite_count: u64 = self
            .definite
            .iter()
            .map(|article| count(&format!("{article}{word}")))
            .sum();
        let needed = (self.min_definite_count as f64).max(self.definite_share * whole_count as f64);
        if definite_count as f64 >= needed {
            return false;
        }
        if whole_count == 0 && rest_count == 0 {
            return first == 'و';
        }
        rest_count >= self.min_rest_count
            && rest_count as f64 >= self.ratio[&first] * whole_count as f64
    }

    fn strip_prefixes<'a>(&self, word: &'a str) -> &'a str {
        let mut word = word;
        for _ in 0..3 {
            if self.whole_words.contains(word) {
                break; // البالستية: the article off, no بال after it
            }
            if let Some(rest) = self.strip_article(word) {
                word = rest;
                continue;
            }
            match word.chars().next() {
                Some(c) if self.clitics.contains(&c) && self.clitic_is_separate(word) => {
                    word = &word[c.len_utf8()..];
                }
                _ => break,
            }
        }
        word
    }

    fn strip_suffixes<'a>(&self, word: &'a str) -> &'a str {
        let mut word = word;
        if self.proper.contains(word) {
            return word;
        }
        for suffix in &self.suffixes {
            if let Some(shorter) = word.strip_suffix(suffix.as_str()) {
                if word.chars().count() - suffix.chars().count() >= self.min_stem {
                    if self.stopwords.contains(shorter) {
                        break;
                    }
                    word = shorter;
                    if self.pronouns.contains(suffix) && self.proper.contains(word) {
                        break;
                    }
                }
            }
        }
        word
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    Mark,
}

struct Tokens<'t> {
    analysis: &'t Analysis,
    text: &'t str,
    at: usize,
    lines: bool, // a line break is a mark of its own
}

impl<'t> Tokens<'t> {
    fn skip_while(&mut self, test: impl Fn(char) -> bool) {
        let rest = &self.text[self.at..];
        self.at += rest.find(|c: char| !test(c)).unwrap_or(rest.len());
    }
}

impl<'t> Iterator for Tokens<'t> {
    type Item = (&'t str, Kind);

    fn next(&mut self) -> Option<Self::Item> {
        let analysis = self.analysis;
        loop {
            let c = self.text[self.at..].chars().next()?;
            let start = self.at;
            if analysis.is_letter(c) {
                self.skip_while(|c| analysis.is_letter(c));
                return Some((&self.text[start..self.at], Kind::Word));
            }
            if analysis.is_digit(c) {
                self.skip_while(|c| analysis.is_digit(c));
                loop {
                    let mut rest = self.text[self.at..].chars();
                    match (rest.next(), rest.next()) {
                        (Some('.' | ','), Some(next)) if analysis.is_digit(next) => {
                            self.at += 1;
                            self.skip_while(|c| analysis.is_digit(c));
                        }
                        _ => break,
                    }
                }
                return Some((&self.text[start..self.at], Kind::Number));
            }
            self.at += c.len_utf8();
            if analysis.class(c) & (WORD | SPACE) == 0 || (self.lines && c == '\n') {
                return Some((&self.text[start..self.at], Kind::Mark));
            }
        }
    }
}

/// `tokenize._has_links`: an e-mail address, a URL or a dotted host may be in the text.
fn has_links(text: &str) -> bool {
    text.contains('@')
        || text.contains("://")
        || text
            .as_bytes()
            .windows(2)
            .any(|pair| pair[0] == b'.' && pair[1].is_ascii_lowercase())
}

#[pymodule]
fn bahth_native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_class::<Names>()?;
    module.add_class::<Analysis>()
}
