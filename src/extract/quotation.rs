//! Quotations in a release's text: where they stand, so that names inside them are not read
//! as facts and quotes can be attributed to their speakers.

use std::ops::Range;

/// Quote ranges of a text (between “ and ”, or straight quotes paired).
pub(crate) fn quote_ranges(text: &str, within: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for p in within {
        let para = &text[p.clone()];
        let mut open: Option<usize> = None;
        for (i, c) in para.char_indices() {
            match c {
                '“' => open = Some(i),
                '”' => {
                    if let Some(o) = open.take() {
                        out.push(p.start + o..p.start + i + c.len_utf8());
                    }
                }
                '"' => match open.take() {
                    Some(o) => out.push(p.start + o..p.start + i + 1),
                    None => open = Some(i),
                },
                _ => {}
            }
        }
        // A quote left open at the paragraph's end (it continues in the next paragraph).
        if let Some(o) = open {
            out.push(p.start + o..p.end);
        }
    }
    // Quoted names ("Partner to Win") are names, not quotations.
    out.retain(|q| is_quotation(&text[q.clone()]));
    out
}

/// A quotation, not a quoted name: at least six words, or a sentence of its own.
pub(crate) fn is_quotation(q: &str) -> bool {
    let words = q.split_whitespace().count();
    words >= 6
        || (words >= 3
            && q.trim_end_matches(['”', '"'])
                .ends_with(['.', ',', '!', '?']))
}
