//! Text keys shared by every layer: the slug that names an entity and the form key under
//! which surface forms are compared. Knows nothing of releases, RDF or the store.

/// No name of an entity or an office runs over this many words; readers take a longer run
/// from its first words only, or not as a name, which keeps them linear in its length.
pub(crate) const LONGEST_NAME: usize = 24;

/// The dashes that join the parts of a compound name: the hyphen, and the en dash and Unicode
/// hyphens printed between names ("U.S.–Japan", "Harris–Kishida").
pub(crate) const COMPOUND_DASHES: [char; 4] = ['-', '–', '‐', '‑'];

/// Whether a word is a compound of parts joined by a dash ("US-Japan", "Norway–Chile").
pub(crate) fn is_compound(word: &str) -> bool {
    word.contains(COMPOUND_DASHES)
}

/// The parts of a compound word ("US-Japan" -> "US", "Japan").
pub(crate) fn compound_parts(word: &str) -> Vec<&str> {
    word.split(COMPOUND_DASHES).collect()
}

/// The key under which surface forms are compared: case, periods, hyphens and curly
/// apostrophes folded, spaces collapsed ("U.S." and "US" meet, "Air Vice-Marshal" and
/// "Air Vice Marshal" meet).
pub(crate) fn form_key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '.' => {}
            '-' | '–' | '—' | '‐' => out.push(' '),
            '’' | '‘' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A URL- and IRI-safe slug of a name: lowercase ASCII letters and digits joined by `-`.
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    let mut dash = false;
    for c in text.chars() {
        let c = fold_accent(c);
        if c.is_ascii_alphanumeric() {
            if dash && !out.is_empty() {
                out.push('-');
            }
            dash = false;
            out.push(c.to_ascii_lowercase());
        } else if c != '.' && c != '\'' && c != '’' {
            dash = true;
        }
    }
    out
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'A',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' => 'E',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'O',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' => 'U',
        'ç' => 'c',
        'ñ' => 'n',
        'ý' | 'ÿ' => 'y',
        'ß' => 's',
        c => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_stable_ascii() {
        assert_eq!(slug("Anthony J. Mastalir"), "anthony-j-mastalir");
        assert_eq!(slug("Carl-Johan Edström"), "carl-johan-edstrom");
        assert_eq!(slug("U.S. Space Force"), "us-space-force");
    }

    #[test]
    fn form_keys_fold_periods_hyphens_and_apostrophes() {
        assert_eq!(form_key("U.S."), form_key("US"));
        assert_eq!(form_key("Air Vice-Marshal"), form_key("Air Vice Marshal"));
        assert_eq!(form_key("Japan’s"), "japan's");
    }
}
