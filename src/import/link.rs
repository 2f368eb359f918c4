//! Articles from a link: the page fetched over HTTPS (ureq with rustls, the system's
//! certificate store, and the proxy named by `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` as
//! government networks use), then imported as a web page, PDF or Word file by what the
//! server says it is, with the date it was accessed.

use std::time::Duration;

use super::{ImportError, MAX_ARTICLE_BYTES};
use crate::model::Source;

/// How a link is fetched.
#[derive(Clone, Debug)]
pub struct Fetcher {
    /// The whole request, from connecting to the last byte.
    pub timeout: Duration,
    /// Largest answer read.
    pub max_bytes: u64,
    pub proxy: Proxy,
}

/// Which proxy a link is fetched through.
#[derive(Clone, Debug, PartialEq)]
pub enum Proxy {
    /// The one `ALL_PROXY`, `HTTPS_PROXY` or `HTTP_PROXY` names (upper or lower case), except
    /// for the hosts `NO_PROXY` lists; none if they are unset.
    FromEnvironment,
    Direct,
    /// `http://host:port`, with `user:password@` if the proxy asks for them.
    Via(String),
}

impl Default for Fetcher {
    /// Thirty seconds, the article size limit, and the proxy of the environment.
    fn default() -> Self {
        Self {
            timeout: Duration::from_secs(30),
            max_bytes: MAX_ARTICLE_BYTES,
            proxy: Proxy::FromEnvironment,
        }
    }
}

/// Why a link gave no article.
#[derive(Debug, thiserror::Error)]
pub enum LinkError {
    #[error("\"{0}\" is not a web address; it must start with https:// or http://")]
    NotALink(String),
    #[error("the proxy \"{0}\" is not a valid address (check HTTPS_PROXY)")]
    BadProxy(String),
    #[error("cannot reach {host}: no such server (check the address, or the network)")]
    HostNotFound { host: String },
    #[error("cannot reach {host}: {cause}")]
    Unreachable { host: String, cause: String },
    #[error("cannot make a secure connection to {host}: {cause}")]
    Insecure { host: String, cause: String },
    #[error("{url} did not answer within {seconds} seconds")]
    TimedOut { url: String, seconds: u64 },
    #[error("{url} answered \"{status}\"{hint}")]
    Status {
        url: String,
        status: String,
        hint: &'static str,
    },
    #[error("{url} is not a web page, PDF or Word document (the server says \"{content_type}\")")]
    NotAnArticle { url: String, content_type: String },
    #[error("{url} is larger than {limit} MB; articles larger than that are refused")]
    TooLarge { url: String, limit: u64 },
    #[error("{0}")]
    Import(ImportError),
}

impl Fetcher {
    /// Fetches `url` and imports the article it holds; `accessed` is today's date as the
    /// brief writes dates ("29 November 2026").
    pub fn import_link(&self, url: &str, accessed: &str) -> Result<Source, LinkError> {
        let url = url.trim();
        let lower = url.to_ascii_lowercase();
        if !(lower.starts_with("https://") || lower.starts_with("http://"))
            || url.contains(char::is_whitespace)
        {
            return Err(LinkError::NotALink(url.to_owned()));
        }
        let host = host_of(url);
        let agent = self.agent(&host)?;
        let mut response = agent
            .get(url)
            .call()
            .map_err(|error| self.failed(url, &host, error))?;
        let status = response.status();
        if !status.is_success() {
            return Err(LinkError::Status {
                url: url.to_owned(),
                status: format!(
                    "{} {}",
                    status.as_u16(),
                    status.canonical_reason().unwrap_or("")
                )
                .trim()
                .to_owned(),
                hint: match status.as_u16() {
                    401 | 403 => {
                        ": the page needs a login or a subscription; save it from your browser and import the file"
                    }
                    404 | 410 => ": the page is not there; check the address",
                    500..=599 => ": the server failed; try again later",
                    _ => "",
                },
            });
        }
        let final_url = ureq::ResponseExt::get_uri(&response).to_string();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .unwrap_or("")
            .to_ascii_lowercase();
        let bytes = response
            .body_mut()
            .with_config()
            .limit(self.max_bytes)
            .read_to_vec()
            .map_err(|error| self.failed(url, &host, error))?;
        let name = file_name_of(&final_url);
        let mut source = match Kind::of(&content_type, &bytes) {
            Some(Kind::Html) => super::import_html_bytes(&name, &bytes, Some(&final_url)),
            Some(Kind::Pdf) => super::import_pdf_bytes(&name, &bytes),
            Some(Kind::Docx) => super::import_docx_bytes(&name, &bytes),
            Some(Kind::Text) => super::import_bytes(&name, &bytes, false),
            None => {
                return Err(LinkError::NotAnArticle {
                    url: url.to_owned(),
                    content_type: content_type
                        .split(';')
                        .next()
                        .unwrap_or("")
                        .trim()
                        .to_owned(),
                });
            }
        }
        .map_err(LinkError::Import)?;
        if source.url.is_empty() {
            source.url = final_url;
        }
        source.accessed = accessed.to_owned();
        Ok(source)
    }

    fn agent(&self, host: &str) -> Result<ureq::Agent, LinkError> {
        // A proxy cannot reach this computer's own loopback address.
        let name = host.rsplit_once(':').map_or(host, |(name, _)| name);
        let loopback = matches!(name, "localhost" | "127.0.0.1" | "[::1]");
        let proxy = match &self.proxy {
            _ if loopback => None,
            Proxy::FromEnvironment => ureq::Proxy::try_from_env(),
            Proxy::Direct => None,
            Proxy::Via(address) => {
                Some(ureq::Proxy::new(address).map_err(|_| LinkError::BadProxy(address.clone()))?)
            }
        };
        let tls = ureq::tls::TlsConfig::builder()
            .root_certs(ureq::tls::RootCerts::PlatformVerifier)
            .build();
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(self.timeout))
            .http_status_as_error(false)
            .user_agent(concat!("Briefwright/", env!("CARGO_PKG_VERSION")))
            .proxy(proxy)
            .tls_config(tls)
            .build();
        Ok(config.into())
    }

    fn failed(&self, url: &str, host: &str, error: ureq::Error) -> LinkError {
        let host = host.to_owned();
        match error {
            ureq::Error::Timeout(_) => LinkError::TimedOut {
                url: url.to_owned(),
                seconds: self.timeout.as_secs().max(1),
            },
            ureq::Error::HostNotFound => LinkError::HostNotFound { host },
            // The resolver's failure comes as an I/O error ("failed to lookup address").
            ureq::Error::Io(io) if io.to_string().contains("lookup address") => {
                LinkError::HostNotFound { host }
            }
            ureq::Error::BodyExceedsLimit(_) => LinkError::TooLarge {
                url: url.to_owned(),
                limit: self.max_bytes / (1024 * 1024),
            },
            ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::TlsRequired => {
                LinkError::Insecure {
                    host,
                    cause: error.to_string(),
                }
            }
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                LinkError::TimedOut {
                    url: url.to_owned(),
                    seconds: self.timeout.as_secs().max(1),
                }
            }
            ureq::Error::InvalidProxyUrl => LinkError::BadProxy(match &self.proxy {
                Proxy::Via(address) => address.clone(),
                _ => "HTTPS_PROXY".to_owned(),
            }),
            error => LinkError::Unreachable {
                host,
                cause: error.to_string(),
            },
        }
    }
}

enum Kind {
    Html,
    Pdf,
    Docx,
    Text,
}

impl Kind {
    /// What the answer is, by its content type, or by its first bytes when the server
    /// does not say.
    fn of(content_type: &str, bytes: &[u8]) -> Option<Self> {
        let mime = content_type.split(';').next().unwrap_or("").trim();
        match mime {
            "text/html" | "application/xhtml+xml" => Some(Kind::Html),
            "application/pdf" => Some(Kind::Pdf),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => {
                Some(Kind::Docx)
            }
            "text/plain" | "text/markdown" => Some(Kind::Text),
            "" | "application/octet-stream" if bytes.starts_with(b"%PDF-") => Some(Kind::Pdf),
            "" | "application/octet-stream" => {
                let head =
                    String::from_utf8_lossy(&bytes[..bytes.len().min(512)]).to_ascii_lowercase();
                (head.contains("<html") || head.contains("<!doctype html")).then_some(Kind::Html)
            }
            _ => None,
        }
    }
}

/// "https://news.example:8443/a/b" gives "news.example:8443".
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or(rest)
        .to_owned()
}

/// The last path segment, or the host, as the source's file name.
fn file_name_of(url: &str) -> String {
    let without_query = url.split(['?', '#']).next().unwrap_or(url);
    without_query
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .filter(|segment| !segment.is_empty() && !segment.contains(':'))
        .map_or_else(|| host_of(url), str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_names_come_from_the_address() {
        assert_eq!(
            host_of("https://news.example:8443/a/b?c=1"),
            "news.example:8443"
        );
        assert_eq!(
            file_name_of("https://news.example/economy/story-1?ref=x"),
            "story-1"
        );
        assert_eq!(file_name_of("https://news.example/"), "news.example");
    }

    #[test]
    fn text_that_is_not_a_web_address_is_refused_before_any_connection() {
        let fetcher = Fetcher::default();
        for text in ["news.example/story", "ftp://news.example/a", "https://a b"] {
            assert!(
                matches!(
                    fetcher.import_link(text, "1 May 2026"),
                    Err(LinkError::NotALink(_))
                ),
                "{text}"
            );
        }
    }
}
