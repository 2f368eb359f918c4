//! Web pages import as a reader view shows them: the article's headings and paragraphs in
//! order, none of the page's furniture, and the metadata from its meta tags.

mod support;

use briefwright::import::{ImportError, import_file, import_html};
use briefwright::model::SectionKind;
use support::fixture;

#[test]
fn a_news_page_imports_to_its_article_paragraphs_and_metadata() {
    let source = import_file(&fixture("web/news-page.html")).expect("imports");
    assert_eq!(
        source.title,
        "Caspian freight corridor draws Malaysian shippers"
    );
    assert_eq!(source.author, "Asel Nurlanova");
    assert_eq!(source.publication, "The Steppe Ledger");
    assert_eq!(source.date, "11 March 2026");
    assert_eq!(
        source.url, "https://steppe-ledger.example/business/2026/03/caspian-freight-corridor",
        "the canonical URL, not og:url or the file"
    );
    assert_eq!(source.file_name, "news-page.html");
    let sections: Vec<(SectionKind, &str)> = source
        .sections
        .iter()
        .map(|s| (s.kind, s.text.as_str()))
        .collect();
    let starts: Vec<(SectionKind, String)> = sections
        .iter()
        .map(|(kind, text)| {
            (
                *kind,
                text.split_whitespace()
                    .take(4)
                    .collect::<Vec<_>>()
                    .join(" "),
            )
        })
        .collect();
    assert_eq!(
        starts,
        [
            (
                SectionKind::Paragraph,
                "Three Malaysian logistics firms".to_owned()
            ),
            (SectionKind::Paragraph, "Port officials in Aktau".to_owned()),
            (SectionKind::Heading, "Costs still the main".to_owned()),
            (
                SectionKind::Paragraph,
                "Freight forwarders in Almaty".to_owned()
            ),
            (
                SectionKind::Paragraph,
                "The transport ministry expects".to_owned()
            ),
            (
                SectionKind::Paragraph,
                "A Malaysian trade delegation".to_owned()
            ),
        ],
        "exactly the article, in order: {sections:#?}"
    );
    let all: String = sections.iter().map(|(_, t)| *t).collect();
    for furniture in [
        "cookies",
        "Home",
        "Advertisement",
        "Share on",
        "Photo:",
        "Read also",
        "Related articles",
        "newsletter",
        "All rights reserved",
        "Open a business account",
    ] {
        assert!(!all.contains(furniture), "{furniture:?} is page furniture");
    }
}

#[test]
fn a_page_with_no_article_or_no_text_is_refused_by_name() {
    let error = import_file(&fixture("bad/page-no-article.html")).expect_err("no article");
    assert!(matches!(error, ImportError::Html { .. }), "{error}");
    assert!(
        error
            .to_string()
            .starts_with("page-no-article.html: the page has no article text"),
        "{error}"
    );
    let binary = import_file(&fixture("bad/page-binary.html")).expect_err("binary");
    assert!(binary.to_string().contains("page-binary.html"), "{binary}");
}

#[test]
fn odd_markup_never_panics() {
    for html in [
        "",
        "<",
        "<html><body><p>",
        "<p>Ünïcödé \u{202e} text</p>".repeat(200).as_str(),
        "<table><tr><td><p>cell</p></td></tr></table><script>alert(1)</script>",
        "<article><h1>T</h1><p>Just one short line.</p></article>",
    ] {
        let _ = import_html(html, Some("not a url"));
    }
}
