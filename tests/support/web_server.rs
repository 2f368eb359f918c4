//! A web server on 127.0.0.1 for link-import tests: it answers each request from a
//! routing function, in its own thread, and records the request targets it saw.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One answer.
pub struct Answer {
    pub status: &'static str,
    pub content_type: &'static str,
    pub body: Vec<u8>,
    /// Waited before answering.
    pub delay: Duration,
}

impl Answer {
    pub fn ok(content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status: "200 OK",
            content_type,
            body: body.into(),
            delay: Duration::ZERO,
        }
    }
}

pub struct Server {
    /// `http://127.0.0.1:PORT`
    pub base: String,
    /// Every request received, as method and target ("GET /news"; through a proxy,
    /// "CONNECT news.invalid:80" first).
    pub seen: Arc<Mutex<Vec<String>>>,
}

/// Starts a server that answers with `route(target)`.
pub fn serve(route: fn(&str) -> Answer) -> Server {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a local port");
    let base = format!("http://{}", listener.local_addr().expect("address"));
    let seen = Arc::new(Mutex::new(Vec::new()));
    let recorded = Arc::clone(&seen);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let recorded = Arc::clone(&recorded);
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().expect("clone"));
                let target = loop {
                    let Some((method, target)) = read_request(&mut reader) else {
                        return;
                    };
                    recorded
                        .lock()
                        .expect("lock")
                        .push(format!("{method} {target}"));
                    if method != "CONNECT" {
                        break target;
                    }
                    // A proxy's tunnel: the request itself follows on the same connection.
                    let _ = stream.write_all(b"HTTP/1.1 200 Connection established\r\n\r\n");
                };
                let answer = route(&target);
                std::thread::sleep(answer.delay);
                let head = format!(
                    "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    answer.status,
                    answer.content_type,
                    answer.body.len()
                );
                let _ = stream.write_all(head.as_bytes());
                let _ = stream.write_all(&answer.body);
            });
        }
    });
    Server { base, seen }
}

/// The method and target of the next request on the connection, its headers skipped.
fn read_request(reader: &mut impl BufRead) -> Option<(String, String)> {
    let mut request_line = String::new();
    if reader.read_line(&mut request_line).ok()? == 0 {
        return None;
    }
    loop {
        let mut header = String::new();
        match reader.read_line(&mut header) {
            Ok(0) | Err(_) => break,
            Ok(_) if header == "\r\n" => break,
            Ok(_) => {}
        }
    }
    let mut words = request_line.split_whitespace();
    Some((words.next()?.to_owned(), words.next()?.to_owned()))
}
