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

/// The page as a release in plain-text layout: title, bullets, paragraphs.
pub fn html_to_layout(html: &str) -> String {
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
        let blocks = sel("p, h2, h3, h4, li, blockquote");
        let skip = sel("nav, header, footer, aside, script, style, form, noscript");
        let skipped: Vec<_> = root.select(&skip).map(|e| e.id()).collect();
        for b in root.select(&blocks) {
            // Skip blocks inside navigation, and blocks nested in another block.
            let inside_skipped = b.ancestors().any(|a| skipped.contains(&a.id()));
            let nested = b.ancestors().skip(1).any(|a| {
                ElementRef::wrap(a)
                    .is_some_and(|e| matches!(e.value().name(), "p" | "li" | "blockquote"))
            });
            if inside_skipped || nested {
                continue;
            }
            let t = text_of(b);
            if !t.is_empty() && Some(&t) != title.as_ref() {
                paragraphs.push(t);
            }
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
        return String::new();
    }
    out
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
        let layout = html_to_layout(PAGE);
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
