//! Saved web pages of releases: the page's metadata (title, publication date, author,
//! publisher) and its article text, turned into the plain-text layout `reading` reads.

use scraper::{ElementRef, Html, Selector};

fn sel(s: &str) -> Selector {
    Selector::parse(s).expect("static selectors are valid")
}

fn meta(doc: &Html, names: &[&str]) -> Option<String> {
    for n in names {
        let s = sel(&format!(
            "meta[property=\"{n}\"], meta[name=\"{n}\"], meta[itemprop=\"{n}\"]"
        ));
        if let Some(v) = doc
            .select(&s)
            .filter_map(|m| m.value().attr("content"))
            .map(clean)
            .find(|v| !v.is_empty())
        {
            return Some(v);
        }
    }
    None
}

fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn text_of(e: ElementRef<'_>) -> String {
    clean(&e.text().collect::<String>())
}

/// The page as a release in plain-text layout: title, bullets, paragraphs. A page over one
/// of the limits below is refused before it is parsed (see `check_shape`).
pub(crate) fn html_to_layout(html: &str) -> Result<String, PageLimit> {
    check_shape(html)?;
    let doc = Html::parse_document(html);
    let title = meta(&doc, &["og:title", "twitter:title", "dc.title", "DC.title"])
        .or_else(|| doc.select(&sel("h1")).map(text_of).find(|t| !t.is_empty()))
        .or_else(|| {
            doc.select(&sel("title"))
                .map(text_of)
                .find(|t| !t.is_empty())
        });
    let published = meta(
        &doc,
        &[
            "article:published_time",
            "datePublished",
            "date",
            "dc.date",
            "DC.date.issued",
            "pubdate",
        ],
    )
    .or_else(|| {
        doc.select(&sel("time[datetime]"))
            .filter_map(|t| t.value().attr("datetime"))
            .map(clean)
            .next()
    });
    let author = meta(&doc, &["author", "article:author", "dc.creator"]);
    let publisher = meta(&doc, &["og:site_name", "publisher", "dc.publisher"]);

    // The article: the first <article>, else <main>, else <body>.
    let root = ["article", "main", "[role=main]", "body"]
        .iter()
        .find_map(|s| doc.select(&sel(s)).next());
    let mut paragraphs: Vec<String> = Vec::new();
    if let Some(root) = root {
        // One walk in document order: a block's text is taken whole (blocks nested in it are
        // part of it), and nothing inside navigation, scripts or forms is.
        let mut stack = vec![root];
        while let Some(e) = stack.pop() {
            let name = e.value().name();
            if SKIPPED.contains(&name) {
                continue;
            }
            if BLOCKS.contains(&name) && e.id() != root.id() {
                let t = text_outside_skipped(e);
                if !t.is_empty() && Some(&t) != title.as_ref() {
                    paragraphs.push(t);
                }
                continue;
            }
            let children: Vec<ElementRef<'_>> = e.children().filter_map(ElementRef::wrap).collect();
            stack.extend(children.into_iter().rev());
        }
    }
    let mut out = String::new();
    if let Some(t) = &title {
        out.push_str(t);
        out.push_str("\n\n");
    }
    if let Some(p) = &published {
        out.push_str(&format!("  • Published {p}\n"));
    }
    if let Some(a) = &author {
        out.push_str(&format!("  • By {a}\n"));
    }
    if let Some(p) = &publisher {
        out.push_str(&format!("  • {p}\n"));
    }
    out.push('\n');
    for p in paragraphs {
        out.push_str(&p);
        out.push_str("\n\n");
    }
    if title.is_none() && out.trim().is_empty() {
        return Ok(String::new());
    }
    Ok(out)
}

/// Elements whose text is a paragraph of the release.
const BLOCKS: [&str; 6] = ["p", "h2", "h3", "h4", "li", "blockquote"];

/// Elements whose text is never release text.
const SKIPPED: [&str; 8] = [
    "nav", "header", "footer", "aside", "script", "style", "form", "noscript",
];

/// The text of a block, leaving out what sits in skipped elements inside it.
fn text_outside_skipped(block: ElementRef<'_>) -> String {
    let mut text = String::new();
    let mut stack = vec![*block];
    while let Some(node) = stack.pop() {
        if let Some(t) = node.value().as_text() {
            text.push_str(t);
            continue;
        }
        if let Some(e) = node.value().as_element() {
            if node.id() != block.id() && SKIPPED.contains(&e.name()) {
                continue;
            }
        }
        let children: Vec<_> = node.children().collect();
        stack.extend(children.into_iter().rev());
    }
    clean(&text)
}

/// Deepest nesting of elements a page may have.
pub(crate) const MAX_DEPTH: usize = 256;
/// Most elements a page may have.
pub(crate) const MAX_ELEMENTS: usize = 100_000;
/// Most attributes one element may have.
pub(crate) const MAX_ATTRIBUTES: usize = 256;
/// Most formatting elements (`b`, `i`, `a`, `font`, …) a page may leave open at once: the
/// parser reopens each of them in every block that follows.
pub(crate) const MAX_OPEN_FORMATTING: usize = 32;

/// Why a page is refused before it is parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageLimit {
    Depth,
    Elements,
    Attributes,
    OpenFormatting,
}

impl PageLimit {
    /// What is over the limit, in words, with the limit.
    pub fn describe(self) -> String {
        match self {
            PageLimit::Depth => format!("nests its elements more than {MAX_DEPTH} levels deep"),
            PageLimit::Elements => format!("has more than {MAX_ELEMENTS} elements"),
            PageLimit::Attributes => {
                format!("has an element with more than {MAX_ATTRIBUTES} attributes")
            }
            PageLimit::OpenFormatting => format!(
                "leaves more than {MAX_OPEN_FORMATTING} formatting elements (b, i, a, font, …) open"
            ),
        }
    }
}

/// Elements that never have content.
const VOID: [&str; 18] = [
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "img", "input",
    "keygen", "link", "meta", "param", "source", "track", "wbr",
];
/// Elements the parser closes when a sibling of their family opens (`<li>` after `<li>`, table
/// rows and cells): they nest only through another element, which is counted. (A paragraph is
/// kept open, since blocks close it too.)
const SIBLING_CLOSED: [&str; 10] = [
    "li", "dt", "dd", "option", "tr", "td", "th", "tbody", "thead", "tfoot",
];
/// Elements whose content is text up to their end tag (in HTML, not inside SVG or MathML).
const RAW_TEXT: [&str; 8] = [
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];
/// Formatting elements, which the parser reopens after a block closes them.
const FORMATTING: [&str; 14] = [
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];
/// HTML elements that end SVG or MathML content when they open inside it (`font` only with
/// some attributes; taken always, which can only make the scan see more depth).
const BREAKS_FOREIGN: [&str; 45] = [
    "b",
    "big",
    "blockquote",
    "body",
    "br",
    "center",
    "code",
    "dd",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "font",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "hr",
    "i",
    "img",
    "li",
    "listing",
    "menu",
    "meta",
    "nobr",
    "ol",
    "p",
    "pre",
    "ruby",
    "s",
    "small",
    "span",
    "strong",
    "strike",
    "sub",
    "sup",
    "table",
    "tt",
    "u",
    "ul",
    "var",
];

/// What the scan of a page found: an estimate of its deepest nesting (never less than half
/// of the depth the parser builds, less a few levels), and its elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub depth: usize,
    pub elements: usize,
}

/// An element the scan takes as open.
struct Open {
    name: Vec<u8>,
    /// An SVG or MathML element (inside them `<x/>` closes itself).
    foreign: bool,
    /// An SVG or MathML element whose content is HTML again.
    integration: bool,
    /// In SVG (not MathML).
    name_is_svg: bool,
    /// Levels it stands for: a table brings the body, row and cell the parser adds.
    weight: usize,
    /// The entry in the list of open formatting elements this element stands for.
    formatting: Option<usize>,
}

/// An entry in the parser's list of active formatting elements, as the scan keeps it.
struct Formatting<'a> {
    name: &'a [u8],
    /// The start tag's text: the parser keeps at most three entries alike.
    tag: &'a [u8],
    /// Numbers the entry, for the open element that stands for it.
    id: usize,
    /// Whether an element for it is open; one that is not is reopened before the next text
    /// or phrasing element, and what opens next nests inside it.
    on_stack: bool,
}

/// Closes the open elements from `k` on, and marks the formatting entries they stood for as
/// no longer open.
fn close_from(open: &mut Vec<Open>, k: usize, formatting: &mut [Formatting], depth: &mut usize) {
    for e in open.drain(k..) {
        *depth -= e.weight;
        if let Some(id) = e.formatting {
            if let Some(f) = formatting.iter_mut().find(|f| f.id == id) {
                f.on_stack = false;
            }
        }
    }
}

/// Reopens the formatting entries that have no open element, as the parser does before text
/// and before a phrasing element: each nests inside the one before.
fn reconstruct(open: &mut Vec<Open>, formatting: &mut [Formatting], depth: &mut usize) {
    if open.last().is_some_and(|e| e.foreign && !e.integration) {
        return;
    }
    for f in formatting.iter_mut().filter(|f| !f.on_stack) {
        f.on_stack = true;
        open.push(Open {
            name: f.name.to_vec(),
            foreign: false,
            integration: false,
            name_is_svg: false,
            weight: 1,
            formatting: Some(f.id),
        });
        *depth += 1;
    }
}

/// Start tags that close an open paragraph (in button scope) before they open.
fn closes_a_paragraph(name: &str) -> bool {
    name != "button" && BLOCKS_CLOSED.contains(&name)
        || matches!(
            name,
            "p" | "li"
                | "dd"
                | "dt"
                | "table"
                | "hr"
                | "form"
                | "plaintext"
                | "xmp"
                | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
        )
}

/// Where on the stack the paragraph a block start tag or `</p>` closes is: the nearest `p`
/// below no scope boundary and no button.
fn paragraph_in_scope(open: &[Open]) -> Option<usize> {
    for (k, e) in open.iter().enumerate().rev() {
        if e.name == b"p" && !e.foreign {
            return Some(k);
        }
        if e.integration || (!e.foreign && (e.is(&SCOPE_BOUNDARIES) || e.is(&["button"]))) {
            return None;
        }
    }
    None
}

/// Start tags before which the parser does not reopen formatting elements (blocks, lists,
/// headings, tables: those that close a paragraph); before any other it does, `<xmp>` and
/// `<plaintext>` too (taken always, which can only make the scan see more depth).
fn reopens_before(name: &str) -> bool {
    !closes_a_paragraph(name) || matches!(name, "xmp" | "plaintext")
}

/// HTML elements an end tag of another element does not close through.
const SPECIAL: [&str; 83] = [
    "address",
    "applet",
    "area",
    "article",
    "aside",
    "base",
    "basefont",
    "bgsound",
    "blockquote",
    "body",
    "br",
    "button",
    "caption",
    "center",
    "col",
    "colgroup",
    "dd",
    "details",
    "dir",
    "div",
    "dl",
    "dt",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "img",
    "input",
    "keygen",
    "li",
    "link",
    "listing",
    "main",
    "marquee",
    "menu",
    "meta",
    "nav",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "p",
    "param",
    "plaintext",
    "pre",
    "script",
    "search",
    "section",
    "select",
    "source",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "title",
    "tr",
    "track",
    "ul",
    "wbr",
    "xmp",
];
/// Elements that end the scope in which an end tag of a block looks for its element.
const SCOPE_BOUNDARIES: [&str; 9] = [
    "applet", "caption", "html", "table", "td", "th", "marquee", "object", "template",
];
/// Blocks whose end tag closes what is open inside them, up to a scope boundary.
const BLOCKS_CLOSED: [&str; 27] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "button",
    "center",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "header",
    "hgroup",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "pre",
    "search",
    "section",
    "summary",
    "ul",
];

impl Open {
    fn is(&self, names: &[&str]) -> bool {
        names.contains(&std::str::from_utf8(&self.name).unwrap_or(""))
    }
}

/// Where on the stack an end tag `</name>` closes to, if it closes anything: the nearest
/// element of that name that no element in between shields (foreign elements close freely;
/// a block's end tag stops at a scope boundary, any other at a special element). `</body>`
/// and `</html>` close nothing.
fn closes_to(open: &[Open], name: &[u8]) -> Option<usize> {
    if name == b"body" || name == b"html" {
        return None;
    }
    if name == b"p" {
        return paragraph_in_scope(open);
    }
    let name_str = std::str::from_utf8(name).unwrap_or("");
    let blockers: &[&str] = if BLOCKS_CLOSED.contains(&name_str) || name_str == "table" {
        &SCOPE_BOUNDARIES
    } else {
        &SPECIAL
    };
    for (k, e) in open.iter().enumerate().rev() {
        if e.name == name {
            return Some(k);
        }
        if e.integration || (!e.foreign && e.is(blockers)) {
            return None;
        }
    }
    None
}

/// Checks a page against the limits in one pass over its bytes, without building a tree.
/// HTML parsing takes time that grows with the nesting depth for every element (the parser
/// searches its stack of open elements), so a page of 200,000 nested elements would take
/// minutes. The scan follows the parser's rules closely enough never to see a page as much
/// shallower than the parser builds it (see `Shape`; it may see sloppy pages as deeper): tags
/// are read as the parser's tokenizer reads them (quotes only in attribute values, comments,
/// raw text), end tags close what they match, void elements and elements closed by their
/// siblings do not nest, SVG and MathML close `<x/>`, and formatting elements stay open until
/// their own end tag.
pub fn check_shape(html: &str) -> Result<Shape, PageLimit> {
    let lower = html.to_ascii_lowercase();
    let b = lower.as_bytes();
    let original = html.as_bytes();
    let mut open: Vec<Open> = Vec::new();
    let mut depth = 0usize;
    let mut deepest = 0usize;
    // Open formatting elements, as the parser keeps them: at most three alike (older ones are
    // dropped from the list, not from the stack).
    let mut formatting: Vec<Formatting> = Vec::new();
    let mut next_id = 0usize;
    let mut elements = 0usize;
    let mut i = 0;
    while let Some(at) = memchr::memchr(b'<', &b[i..]) {
        if at > 0 {
            // Text, even white space, reopens the formatting elements that have no element.
            reconstruct(&mut open, &mut formatting, &mut depth);
        }
        i += at + 1;
        let Some(&c) = b.get(i) else { break };
        if b[i..].starts_with(b"!--") {
            match comment_end(b, i + 3) {
                Some(end) => i = end,
                None => break,
            }
            continue;
        }
        // In SVG or MathML (an integration point such as foreignObject too: the tokenizer asks
        // only for the current element's namespace), a CDATA section holds text up to `]]>`;
        // elsewhere `<![CDATA[` is a comment up to `>`.
        let in_foreign = open.last().is_some_and(|e| e.foreign);
        if in_foreign && b[i..].starts_with(b"![cdata[") {
            match memchr::memmem::find(&b[i..], b"]]>") {
                Some(end) => i += end + 3,
                None => break,
            }
            continue;
        }
        if c == b'!' || c == b'?' {
            match memchr::memchr(b'>', &b[i..]) {
                Some(end) => i += end + 1,
                None => break,
            }
            continue;
        }
        let closing = c == b'/';
        let name_start = if closing { i + 1 } else { i };
        if closing && !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // `</>` is dropped; `</ x>` is a comment up to `>`.
            match memchr::memchr(b'>', &b[name_start..]) {
                Some(end) => i = name_start + end + 1,
                None => break,
            }
            continue;
        }
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_end = name_start
            + b[name_start..]
                .iter()
                .position(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
                .unwrap_or(b.len() - name_start);
        let name = &b[name_start..name_end];
        let Some((tag_end, attributes, self_closing)) = tag_rest(b, name_end) else {
            break;
        };
        if attributes > MAX_ATTRIBUTES {
            return Err(PageLimit::Attributes);
        }
        let tag = &original[name_start..tag_end];
        i = tag_end + 1;
        let name_str = std::str::from_utf8(name).unwrap_or("");
        if closing {
            // `</p>` and `</br>` in SVG or MathML end the foreign content first.
            if matches!(name_str, "p" | "br") {
                while open.last().is_some_and(|e| e.foreign && !e.integration) {
                    let k = open.len() - 1;
                    close_from(&mut open, k, &mut formatting, &mut depth);
                }
            }
            // The end tag of a formatting element whose entry has no open element only drops
            // the entry; any other end tag closes what it matches.
            let last = formatting.iter().rposition(|f| f.name == name);
            let mut closed = None;
            if last.is_none_or(|k| formatting[k].on_stack) {
                if let Some(k) = closes_to(&open, name) {
                    close_from(&mut open, k, &mut formatting, &mut depth);
                    closed = Some(k);
                }
            }
            if let Some(k) = last {
                formatting.remove(k);
            }
            // `</br>`, and `</p>` with no paragraph open, make an element.
            if name_str == "br" || (name_str == "p" && closed.is_none()) {
                elements += 1;
            }
        } else {
            // The element, and the open formatting elements the parser may reopen before it.
            elements += 1 + formatting.len();
            let in_foreign = open.last().is_some_and(|e| e.foreign && !e.integration);
            let breaks_out = in_foreign && BREAKS_FOREIGN.contains(&name_str);
            if breaks_out {
                while let Some(e) = open.last() {
                    if !e.foreign || e.integration {
                        break;
                    }
                    let k = open.len() - 1;
                    close_from(&mut open, k, &mut formatting, &mut depth);
                }
            }
            let foreign = (in_foreign && !breaks_out) || name_str == "svg" || name_str == "math";
            // The namespace decides the integration points: SVG's foreignObject, desc and
            // title; MathML's text elements, and annotation-xml holding HTML.
            let svg = name_str == "svg"
                || (name_str != "math" && open.last().is_some_and(|e| e.foreign && e.name_is_svg));
            let integration = foreign
                && if svg {
                    matches!(name_str, "foreignobject" | "desc" | "title")
                } else {
                    matches!(name_str, "mi" | "mo" | "mn" | "ms" | "mtext")
                        || (name_str == "annotation-xml"
                            && (memchr::memmem::find(&b[i - tag.len() - 1..i], b"text/html")
                                .is_some()
                                || memchr::memmem::find(
                                    &b[i - tag.len() - 1..i],
                                    b"application/xhtml+xml",
                                )
                                .is_some()))
                };
            if !foreign && closes_a_paragraph(name_str) {
                if let Some(k) = paragraph_in_scope(&open) {
                    close_from(&mut open, k, &mut formatting, &mut depth);
                }
            }
            if !foreign && reopens_before(name_str) {
                reconstruct(&mut open, &mut formatting, &mut depth);
            }
            let mut entry = None;
            if !foreign && FORMATTING.contains(&name_str) {
                if formatting.iter().filter(|f| f.tag == tag).count() >= 3 {
                    if let Some(k) = formatting.iter().position(|f| f.tag == tag) {
                        formatting.remove(k);
                    }
                }
                next_id += 1;
                entry = Some(next_id);
                formatting.push(Formatting {
                    name,
                    tag,
                    id: next_id,
                    on_stack: true,
                });
                if formatting.len() > MAX_OPEN_FORMATTING {
                    return Err(PageLimit::OpenFormatting);
                }
            }
            let mut push = |foreign: bool, weight: usize| {
                open.push(Open {
                    name: name.to_vec(),
                    foreign,
                    integration,
                    name_is_svg: foreign && svg,
                    weight,
                    formatting: entry,
                });
                depth += weight;
            };
            if foreign {
                if !self_closing {
                    push(true, 1);
                }
            } else {
                if RAW_TEXT.contains(&name_str) {
                    push(false, 1);
                    match raw_text_end(b, i, name) {
                        Some(at) => i = at,
                        None => break,
                    }
                } else if name_str == "plaintext" {
                    break;
                } else if name_str == "table" {
                    push(false, 4);
                } else if !VOID.contains(&name_str) && !SIBLING_CLOSED.contains(&name_str) {
                    push(false, 1);
                }
            }
        }
        if elements > MAX_ELEMENTS {
            return Err(PageLimit::Elements);
        }
        deepest = deepest.max(depth + formatting.iter().filter(|f| !f.on_stack).count());
        if deepest > MAX_DEPTH {
            return Err(PageLimit::Depth);
        }
    }
    Ok(Shape {
        depth: deepest,
        elements,
    })
}

/// Whether a tag name ends here, as the tokenizer ends an end tag in raw text.
fn ends_name(c: Option<&u8>) -> bool {
    c.is_some_and(|c| c.is_ascii_whitespace() || matches!(c, b'/' | b'>'))
}

/// Where the end tag of raw text (`script`, `style`, `title`, …) opened just before `from`
/// begins: the first `</name` followed by a space, `/` or `>`; for a script, outside the
/// `<!-- <script> … </script> -->` escapes, in which `</script>` does not end it.
fn raw_text_end(b: &[u8], from: usize, name: &[u8]) -> Option<usize> {
    #[derive(PartialEq)]
    enum Script {
        Data,
        Escaped,
        DoubleEscaped,
    }
    let script = name == b"script";
    let mut state = Script::Data;
    let mut k = from;
    while let Some(at) = memchr::memchr2(b'<', b'-', &b[k..]) {
        k += at;
        let rest = &b[k + 1..];
        if b[k] == b'-' {
            if state != Script::Data && rest.starts_with(b"->") {
                state = Script::Data;
                k += 3;
            } else {
                k += 1;
            }
            continue;
        }
        if rest.starts_with(b"/")
            && rest[1..].starts_with(name)
            && ends_name(rest.get(1 + name.len()))
        {
            if state != Script::DoubleEscaped {
                return Some(k);
            }
            state = Script::Escaped;
        } else if script && state == Script::Data && rest.starts_with(b"!--") {
            // `<!--` escapes, unless `>` follows its dashes at once (`<!-->`, `<!--->`).
            k += 4;
            while b.get(k) == Some(&b'-') {
                k += 1;
            }
            if b.get(k) == Some(&b'>') {
                k += 1;
            } else {
                state = Script::Escaped;
            }
            continue;
        } else if script
            && state == Script::Escaped
            && rest.starts_with(name)
            && ends_name(rest.get(name.len()))
        {
            state = Script::DoubleEscaped;
        }
        k += 1;
    }
    None
}

/// Where a comment opened just before `from` ends (past its `-->`, `--!>`, or the `>` of
/// `<!-->` and `<!--->`), as the tokenizer ends it.
fn comment_end(b: &[u8], from: usize) -> Option<usize> {
    let rest = &b[from..];
    if rest.starts_with(b">") {
        return Some(from + 1);
    }
    if rest.starts_with(b"->") {
        return Some(from + 2);
    }
    let mut k = from;
    while let Some(at) = memchr::memmem::find(&b[k..], b"--") {
        let dashes = k + at;
        let after = &b[dashes + 2..];
        if after.starts_with(b">") {
            return Some(dashes + 3);
        }
        if after.starts_with(b"!>") {
            return Some(dashes + 4);
        }
        k = dashes + 1;
    }
    None
}

/// From just after a tag's name: where its `>` is, how many attributes it has, and whether
/// it ends with `/>`; read as the tokenizer reads a tag (a quote opens a value only after
/// `=`). None when the page ends inside the tag.
fn tag_rest(b: &[u8], from: usize) -> Option<(usize, usize, bool)> {
    #[derive(Clone, Copy, PartialEq)]
    enum St {
        BeforeName,
        Name,
        AfterName,
        BeforeValue,
        Quoted(u8),
        AfterQuoted,
        Unquoted,
        Solidus,
    }
    let mut st = St::BeforeName;
    let mut attributes = 0;
    let mut k = from;
    while k < b.len() {
        let c = b[k];
        let ws = c.is_ascii_whitespace();
        st = match st {
            St::Quoted(q) => {
                if c == q {
                    St::AfterQuoted
                } else {
                    st
                }
            }
            St::Unquoted if c == b'>' => return Some((k, attributes, false)),
            St::Unquoted => {
                if ws {
                    St::BeforeName
                } else {
                    st
                }
            }
            St::BeforeValue => match c {
                b'"' | b'\'' => St::Quoted(c),
                b'>' => return Some((k, attributes, false)),
                _ if ws => st,
                _ => St::Unquoted,
            },
            St::Solidus if c == b'>' => return Some((k, attributes, true)),
            _ if c == b'>' => return Some((k, attributes, false)),
            _ if c == b'/' => St::Solidus,
            St::Name => match c {
                b'=' => St::BeforeValue,
                _ if ws => St::AfterName,
                _ => St::Name,
            },
            St::AfterName => match c {
                b'=' => St::BeforeValue,
                _ if ws => st,
                _ => {
                    attributes += 1;
                    St::Name
                }
            },
            // Before a name, after a quoted value or a `/` that no `>` follows.
            _ => {
                if ws {
                    St::BeforeName
                } else {
                    attributes += 1;
                    St::Name
                }
            }
        };
        k += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reading::parse_text;

    const PAGE: &str = r#"<!DOCTYPE html><html><head><title>Site | Talks</title>
<meta property="og:title" content="US, Japan host first talks">
<meta property="article:published_time" content="2023-07-19T08:00:00Z">
<meta name="author" content="Tech. Sgt. Nick Wilson">
<meta property="og:site_name" content="Pacific Air Forces">
</head><body><nav><p>Home</p></nav><article><h1>US, Japan host first talks</h1>
<p>YOKOTA AIR BASE, Japan -- The talks &amp; more.</p><p>“Quote,” he said.</p></article>
<footer><p>Contact us</p></footer></body></html>"#;

    #[test]
    fn keeps_article_text_and_metadata() {
        let layout = html_to_layout(PAGE).expect("within the limits");
        let r = parse_text("p.html", &layout);
        assert_eq!(r.title.as_deref(), Some("US, Japan host first talks"));
        assert_eq!(r.published.unwrap().to_string(), "2023-07-19");
        assert_eq!(r.author.as_deref(), Some("Tech. Sgt. Nick Wilson"));
        assert_eq!(r.publisher.as_deref(), Some("Pacific Air Forces"));
        assert_eq!(r.dateline.unwrap().place, "YOKOTA AIR BASE");
        assert!(layout.contains("The talks & more."));
        assert!(!layout.contains("Home"));
        assert!(!layout.contains("Contact us"));
    }
}

#[cfg(test)]
mod shape {
    use super::*;

    fn depth(html: &str) -> usize {
        check_shape(html).expect("within the limits").depth
    }

    #[test]
    fn nesting_is_counted_as_the_parser_builds_it() {
        assert_eq!(depth("<div><div><div>x</div></div></div>"), 3);
        // Siblings closed by the next of their family, void elements, self-closing SVG.
        assert_eq!(depth("<ul><li>a<li>b<li>c</ul><br><img src=a>"), 1);
        // A paragraph stays open until the next paragraph or block closes it.
        assert_eq!(depth("<p>x<p>y<div>z<p>w"), 2);
        assert_eq!(depth("<p>x<span><p>y<span><p>z"), 2);
        assert_eq!(depth("<svg><path d='M0'/><circle r='1'/></svg>"), 1);
        // `r=1/` is a value: the circle stays open.
        assert_eq!(depth("<svg><circle r=1/></svg>"), 2);
        // An end tag closes what it matches, and what is open inside it.
        assert_eq!(depth("<div><span><em>x</div><div>y</div>"), 3);
        // A table stands for its implied body, row and cell.
        assert_eq!(depth("<table><td><table><td>x</table></table>"), 8);
    }

    #[test]
    fn tags_are_read_as_the_tokenizer_reads_them() {
        // A quote opens a value only after `=`: the tag ends at the first `>`.
        assert_eq!(depth("<div x\"><div><div>"), 3);
        assert_eq!(depth("<div x=\"a>b\"><div>"), 2);
        // `<!-->` and `<!--->` are whole comments; `--!>` ends one.
        assert_eq!(depth("<!--><div><div>"), 2);
        assert_eq!(depth("<!---><div><div>"), 2);
        assert_eq!(depth("<!-- x --!><div><div>"), 2);
        assert_eq!(depth("<!-- <div><div> -->"), 0);
        // Raw text hides markup until its end tag; inside SVG it does not.
        assert_eq!(depth("<script><div><div></script><div>"), 1);
        assert_eq!(depth("<style></stylex><div></style><div>"), 1);
        assert_eq!(depth("<div><title><div><div></title>"), 2);
        // `</body>` closes nothing; an end tag does not close through a shielding element.
        assert!(depth("<div><span></body><div><span>") >= 4);
        // (The parser builds 3 here: `</b>` moves the div out of the b.)
        assert_eq!(depth("<section><b><div></b><i>"), 4);
        // foreignObject is HTML again in SVG, not in MathML.
        assert_eq!(depth("<math><foreignObject><textarea><g><g>"), 5);
        assert_eq!(depth("<svg><foreignObject><textarea><g><g></textarea>"), 3);
        assert_eq!(depth("<svg><title><style><g><g></style>"), 3);
        // A CDATA section in MathML or SVG hides what looks like markup in it.
        assert_eq!(depth("<math><![CDATA[><div><style ]]><b><i><u>"), 3);
        assert_eq!(depth("<div><![CDATA[><div>]]>"), 2);
        assert_eq!(
            depth("<svg><foreignObject><![CDATA[><style>]]><div><div>"),
            4
        );
        // `</p>` ends MathML: what follows is HTML, where `<![CDATA[` is a comment to `>`.
        assert_eq!(depth("<math></p><![CDATA[><div><div>]]>"), 2);
        // `<!-->` in a script escapes nothing.
        assert_eq!(depth("<script><!--><script></script><i><b>"), 2);
        // In a script, `<!-- <script>` escapes `</script>`.
        assert_eq!(
            depth("<script><!--<script></script><plaintext></script><i><b><u>"),
            3
        );
        assert_eq!(depth("<svg><style><g><g></style>"), 4);
        // `<div/>` opens a div in HTML; `<x/>` closes itself in SVG only.
        assert_eq!(depth("<div/><div/><div/>"), 3);
        // An HTML element ends SVG content; self-closing means nothing to it.
        assert_eq!(depth("<svg><div/><div/><div/>"), 3);
        // `<a href=/>`: the slash is the value's, not a self-closing mark.
        assert_eq!(depth("<svg><g href=/><g>"), 3);
    }

    #[test]
    fn formatting_elements_stay_open_until_their_own_end_tag() {
        // The parser reopens <b> in every block after the one that closed it, before text.
        assert_eq!(depth("<div><b class=x></div><div>y</div>"), 2);
        assert_eq!(depth("<p><i>a<p>b<p>c"), 2);
        assert_eq!(depth("<b>x</b><b>y</b>"), 1);
        // At most three alike are kept.
        let same = "<div><b></div>".repeat(50);
        assert!(depth(&same) <= 6, "{}", depth(&same));
        // Text between the blocks (white space too) reopens them where it stands, and the
        // next block nests inside them: the page deepens with every line.
        let lines = "<div><i></div>\n".repeat(MAX_DEPTH);
        assert_eq!(check_shape(&lines), Err(PageLimit::Depth));
        let lines = "<p><b>x</p>\n".repeat(MAX_DEPTH);
        assert_eq!(check_shape(&lines), Err(PageLimit::Depth));
        // Each block after them reopens them all: they count as elements of each.
        let reopened = format!(
            "<div>{}{}",
            (0..20).map(|k| format!("<b id={k}>")).collect::<String>(),
            "</div><div>x".repeat(MAX_ELEMENTS / 20)
        );
        assert_eq!(check_shape(&reopened), Err(PageLimit::Elements));
        let distinct: String = (0..40).map(|k| format!("<b id={k}>")).collect();
        assert_eq!(check_shape(&distinct), Err(PageLimit::OpenFormatting));
    }

    #[test]
    fn each_limit_refuses() {
        assert_eq!(
            check_shape(&"<div>".repeat(MAX_DEPTH + 1)),
            Err(PageLimit::Depth)
        );
        assert_eq!(
            check_shape(&"<p>x</p>".repeat(MAX_ELEMENTS + 1)),
            Err(PageLimit::Elements)
        );
        let attrs: String = (0..=MAX_ATTRIBUTES).map(|k| format!(" a{k}")).collect();
        assert_eq!(
            check_shape(&format!("<p{attrs}>x</p>")),
            Err(PageLimit::Attributes)
        );
        // End tags that make elements count too.
        assert_eq!(
            check_shape(&"</p>".repeat(MAX_ELEMENTS + 1)),
            Err(PageLimit::Elements)
        );
    }

    #[test]
    fn a_page_at_the_limits_reads_and_a_page_over_them_is_refused() {
        let page =
            |body: String| format!("<html><body><article><h1>T</h1>{body}</article></body></html>");
        let ok = page(format!(
            "{}<p>WASHINGTON -- Talks were held.</p>",
            "<div>".repeat(100)
        ));
        assert!(html_to_layout(&ok)
            .expect("read")
            .contains("Talks were held."));
        assert_eq!(
            html_to_layout(&page("<div><span>".repeat(100_000))),
            Err(PageLimit::Depth)
        );
    }
}
