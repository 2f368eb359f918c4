//! Articles from links: fetched from a server on 127.0.0.1 that the test starts, imported
//! by what the server says they are, with the access date; every failure a clear message.

mod support;

use std::time::Duration;

use briefwright::import::{Fetcher, LinkError, Proxy};
use support::fixture;
use support::web_server::{Answer, serve};

fn route(path: &str) -> Answer {
    match path {
        "/news" => Answer::ok(
            "text/html; charset=utf-8",
            std::fs::read(fixture("web/news-page.html")).expect("fixture"),
        ),
        "/report" => Answer::ok(
            "application/pdf",
            std::fs::read(fixture("pdf/two-column.pdf")).expect("fixture"),
        ),
        "/paper" => Answer::ok(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            std::fs::read(fixture("docx/working-paper.docx")).expect("fixture"),
        ),
        "/photo" => Answer::ok("image/jpeg", vec![0xff, 0xd8, 0xff, 0xe0]),
        "/huge" => Answer::ok("text/html", vec![b'x'; 3 * 1024 * 1024]),
        "/slow" => Answer {
            delay: Duration::from_secs(4),
            ..Answer::ok("text/html", "<p>late</p>")
        },
        "/members" => Answer {
            status: "403 Forbidden",
            ..Answer::ok("text/html", "<p>Subscribe to read</p>")
        },
        _ => Answer {
            status: "404 Not Found",
            ..Answer::ok("text/html", "<p>No such page</p>")
        },
    }
}

fn fetcher() -> Fetcher {
    Fetcher {
        timeout: Duration::from_secs(2),
        max_bytes: 1024 * 1024,
        proxy: Proxy::Direct,
    }
}

#[test]
fn a_linked_web_page_imports_with_its_metadata_and_the_access_date() {
    let server = serve(route);
    let url = format!("{}/news", server.base);
    let source = fetcher()
        .import_link(&url, "29 November 2026")
        .expect("imports");
    assert_eq!(
        source.title,
        "Caspian freight corridor draws Malaysian shippers"
    );
    assert_eq!(source.author, "Asel Nurlanova");
    assert_eq!(source.publication, "The Steppe Ledger");
    assert_eq!(
        source.url, "https://steppe-ledger.example/business/2026/03/caspian-freight-corridor",
        "the page's canonical URL"
    );
    assert_eq!(source.accessed, "29 November 2026");
    assert!(source.sections.len() >= 4, "{:#?}", source.sections);
}

#[test]
fn linked_pdf_and_word_files_import_by_their_content_type() {
    let server = serve(route);
    let pdf = fetcher()
        .import_link(&format!("{}/report", server.base), "1 December 2026")
        .expect("the PDF imports");
    assert_eq!(pdf.author, "Dana Seitkali");
    assert_eq!(
        pdf.url,
        format!("{}/report", server.base),
        "no canonical URL: the link"
    );
    assert_eq!(pdf.accessed, "1 December 2026");
    let word = fetcher()
        .import_link(&format!("{}/paper", server.base), "1 December 2026")
        .expect("the Word file imports");
    assert_eq!(word.author, "Nurul Huda Rahman");
}

#[test]
fn a_proxy_is_used_when_one_is_set() {
    let proxy = serve(route);
    let fetcher = Fetcher {
        proxy: Proxy::Via(proxy.base.clone()),
        ..fetcher()
    };
    // news.invalid cannot resolve: only the proxy can answer for it.
    let source = fetcher
        .import_link("http://news.invalid/news", "29 November 2026")
        .expect("imports through the proxy");
    assert_eq!(source.author, "Asel Nurlanova");
    let seen = proxy.seen.lock().expect("lock").clone();
    assert_eq!(
        seen,
        ["CONNECT news.invalid:80", "GET /news"],
        "the request went through the proxy"
    );
}

#[test]
fn failures_give_messages_that_name_the_problem() {
    let server = serve(route);
    let base = &server.base;
    let cases: [(String, &str); 5] = [
        (
            format!("{base}/gone"),
            "answered \"404 Not Found\": the page is not there",
        ),
        (format!("{base}/members"), "needs a login or a subscription"),
        (
            format!("{base}/photo"),
            "is not a web page, PDF or Word document (the server says \"image/jpeg\")",
        ),
        (format!("{base}/huge"), "is larger than 1 MB"),
        (format!("{base}/slow"), "did not answer within 2 seconds"),
    ];
    for (url, problem) in cases {
        let message = fetcher()
            .import_link(&url, "29 November 2026")
            .expect_err(&url)
            .to_string();
        assert!(message.contains(problem), "{url}: {message}");
    }
}

#[test]
fn a_host_that_does_not_exist_is_named() {
    // .invalid never resolves (RFC 6761), with or without a network.
    let error = fetcher()
        .import_link("https://news.invalid/story", "29 November 2026")
        .expect_err("no such host");
    assert!(
        error
            .to_string()
            .starts_with("cannot reach news.invalid: no such server"),
        "{error}"
    );
}

#[test]
fn a_server_that_is_not_there_and_a_page_without_an_article_are_named() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("port");
    let address = closed.local_addr().expect("address");
    drop(closed);
    let error = fetcher()
        .import_link(&format!("http://{address}/news"), "29 November 2026")
        .expect_err("nothing listens");
    assert!(matches!(error, LinkError::Unreachable { .. }), "{error:?}");
    assert!(
        error
            .to_string()
            .contains(&format!("cannot reach {address}")),
        "{error}"
    );

    let server = serve(|_| Answer::ok("text/html", "<html><body><nav>Home</nav></body></html>"));
    let error = fetcher()
        .import_link(&format!("{}/empty", server.base), "29 November 2026")
        .expect_err("no article");
    assert!(error.to_string().contains("no article text"), "{error}");
}
