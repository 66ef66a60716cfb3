//! The gazetteer's spellings in a text (`Gazetteer._mentions` of
//! `indexer.actors.gazetteer`, rule for rule): every name, left to right,
//! longest first, from the tokens that may begin one.

use foldhash::{HashMap, HashSet};
use std::borrow::Cow;

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyTuple};

use crate::item;
use crate::words::clitic_forms;

/// A spelling's words after its first two, and its owners (Python's list,
/// handed back as it is).
type Entry = (Vec<String>, Py<PyAny>);

pub struct Spellings {
    // first word -> second word -> the spellings of two words or more that
    // begin so, longest first
    pairs: HashMap<String, HashMap<String, Vec<(usize, Entry)>>>,
    // the spelling of one word -> its owners
    single: HashMap<String, Py<PyAny>>,
    son_of: HashSet<String>,
    quotes: HashSet<String>,
    clitics: Vec<char>,
    conjunctions: Vec<char>,
    prepositions: Vec<char>,
}

impl Spellings {
    /// From `Gazetteer._first` (first word -> [(spelling's words, owners)],
    /// longest first) and the letters and words its rules read.
    pub fn new(data: &Bound<'_, PyDict>) -> PyResult<Self> {
        let table: Bound<PyDict> = item(data, "first")?;
        let (mut pairs, mut single) = (HashMap::default(), HashMap::default());
        for (word, candidates) in table.iter() {
            let word: String = word.extract()?;
            for candidate in candidates.cast::<PyList>()?.iter() {
                let candidate = candidate.cast::<PyTuple>()?;
                let words: Vec<String> = candidate.get_item(0)?.extract()?;
                let owners = candidate.get_item(1)?.unbind();
                if words.len() == 1 {
                    single.insert(word.clone(), owners);
                } else {
                    let entry = (words.len(), (words[2..].to_vec(), owners));
                    let seconds: &mut HashMap<String, Vec<_>> =
                        pairs.entry(word.clone()).or_default();
                    seconds.entry(words[1].clone()).or_default().push(entry);
                }
            }
        }
        let letters =
            |name| -> PyResult<Vec<char>> { Ok(item::<String>(data, name)?.chars().collect()) };
        let (conjunctions, prepositions) = (letters("conjunctions")?, letters("prepositions")?);
        Ok(Self {
            pairs,
            single,
            son_of: item(data, "son_of")?,
            quotes: item(data, "quotes")?,
            clitics: [conjunctions.as_slice(), prepositions.as_slice()].concat(),
            conjunctions,
            prepositions,
        })
    }

    /// (position, size, owners) of every spelling in the normalised
    /// `tokens`, from the `positions` that may begin one.
    pub fn mentions<'py>(
        &self,
        py: Python<'py>,
        tokens: &[&str],
        positions: &[usize],
    ) -> Vec<(usize, usize, Py<PyAny>)> {
        let mut found = Vec::new();
        let mut after = 0;
        // The " before `counted`, counted once a text.
        let (mut straight, mut counted) = (0, 0);
        for &position in positions {
            if position < after {
                continue;
            }
            let token = tokens[position];
            // `word_forms` (a form that begins no spelling finds none below).
            let forms = if token.starts_with(self.clitics.as_slice()) {
                clitic_forms(token, &self.conjunctions, &self.prepositions, 2, true)
            } else {
                vec![Cow::Borrowed(token)]
            };
            // The rest of a name may be quoted after its first word (قائمة "الفتح"),
            // where the quote closes with it; or the first word quoted alone.
            let (mut second, mut opened) = (position + 1, false);
            if second + 1 < tokens.len() && self.quotes.contains(tokens[second]) {
                straight += tokens[counted..second]
                    .iter()
                    .filter(|t| **t == "\"")
                    .count();
                counted = second;
                opened = opens(tokens[second], straight);
                second += 1;
            }
            let following = tokens.get(second);
            let mut best: Option<&Py<PyAny>> = None;
            let mut size = 0;
            for form in &forms {
                let candidates =
                    following.and_then(|next| self.pairs.get(form.as_ref())?.get(*next));
                for (count, (rest, owners)) in candidates.into_iter().flatten() {
                    let length = count + second - position - 1; // and its quote
                    if length <= size {
                        break; // longest first: none after it is longer
                    }
                    let end = (position + length).min(tokens.len());
                    let here = &tokens[(second + 1).min(end)..end];
                    let closed = || {
                        tokens
                            .get(position + length)
                            .is_some_and(|t| self.quotes.contains(*t))
                    };
                    if here.len() == rest.len()
                        && here.iter().zip(rest).all(|(a, b)| *a == b)
                        && (!opened || closed())
                    {
                        best = Some(owners);
                        size = length;
                        break;
                    }
                }
                if size == 0 {
                    if let Some(owners) = self.single.get(form.as_ref()) {
                        best = Some(owners);
                        size = 1;
                    }
                }
            }
            let Some(owners) = best else { continue };
            // حمدان بن محمد بن راشد names the son, not محمد بن راشد.
            if !(position > 0 && self.son_of.contains(tokens[position - 1])) {
                found.push((position, size, owners.clone_ref(py)));
            }
            after = position + size;
        }
        found
    }
}

/// `_opens`: whether a quotation mark opens a quotation: « or “, or " after
/// an even number of them in the text (`straight_before`).
fn opens(mark: &str, straight_before: usize) -> bool {
    match mark {
        "»" | "”" => false,
        "\"" => straight_before % 2 == 0,
        _ => true,
    }
}
