//! Request heads checked before hyper reads them, so that a head hyper would refuse with its
//! own bare 400, 414 or 431 (no security headers, no reason) is answered here instead, with the
//! headers every answer carries and a JSON reason.
//!
//! [`Guarded`] sits between the connection and hyper. It holds the bytes of each request head
//! until the head is whole, parses it with httparse (hyper's own parser, with tighter limits,
//! so that a head taken here is one hyper takes), and either hands it on with as many body
//! bytes as the head announces, or writes the refusal and ends the connection. A chunked body
//! is handed on as it comes, and its answer closes the connection (the next head would not be
//! found without decoding the chunks).

use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{ready, Context, Poll};

use axum::body::Bytes;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};

/// The largest request head taken (the request line and the headers).
pub const MAX_HEAD: usize = 32 << 10;
/// The longest request target (path and query) taken.
pub const MAX_TARGET: usize = 8 << 10;
/// Headers a request may have.
pub const MAX_HEADERS: usize = 64;

/// Where the connection is in the stream of requests.
#[derive(Debug)]
enum Place {
    /// Gathering a head.
    Head,
    /// Handing on a checked head (`head` bytes left), then its body.
    Release { head: usize, body: Body },
    /// Handing on a body of known length (bytes left).
    Body(u64),
    /// Handing everything on as it comes (after a chunked head: the connection closes after
    /// the answer).
    Through,
    /// Writing a refusal (`written` bytes of it so far).
    Refusing { answer: Bytes, written: usize },
    /// Done: hyper reads the end of the stream.
    Closed,
}

#[derive(Debug, Clone, Copy)]
enum Body {
    Length(u64),
    Chunked,
}

/// A refused head: the status and the reason given.
#[derive(Debug, PartialEq, Eq)]
pub struct Refusal {
    pub status: u16,
    pub reason: &'static str,
    pub message: &'static str,
}

/// A connection whose request heads are checked before hyper sees them.
pub struct Guarded<I> {
    inner: I,
    buffer: Vec<u8>,
    place: Place,
    /// The headers every answer carries, as written in a head.
    headers: Arc<str>,
    /// Set once a chunked body is handed on: its answer must close the connection.
    pub close: Arc<AtomicBool>,
    /// Called with the status of each refusal (the access log and the metrics).
    on_refusal: Arc<dyn Fn(u16) + Send + Sync>,
}

impl<I> Guarded<I> {
    pub fn new(inner: I, headers: Arc<str>, on_refusal: Arc<dyn Fn(u16) + Send + Sync>) -> Self {
        Guarded {
            inner,
            buffer: Vec::new(),
            place: Place::Head,
            headers,
            close: Arc::new(AtomicBool::new(false)),
            on_refusal,
        }
    }

    fn refuse(&mut self, refusal: &Refusal) {
        (self.on_refusal)(refusal.status);
        let body = format!(
            "{{\n  \"error\": \"{}\",\n  \"code\": \"bad_request\"\n}}\n",
            refusal.message.replace('"', "'")
        );
        let answer = format!(
            "HTTP/1.1 {} {}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\
             connection: close\r\n{}\r\n{body}",
            refusal.status,
            refusal.reason,
            body.len(),
            self.headers
        );
        self.buffer.clear();
        self.place = Place::Refusing {
            answer: Bytes::from(answer),
            written: 0,
        };
    }
}

/// Checks a head, if `bytes` begin with a whole one: `Ok(None)` while it is not whole yet,
/// `Ok(Some((length, body)))` once it is and is taken.
fn check(bytes: &[u8]) -> Result<Option<(usize, Body)>, Refusal> {
    const BAD: Refusal = Refusal {
        status: 400,
        reason: "Bad Request",
        message: "the request is not HTTP/1.1 this server can read",
    };
    const TOO_LARGE: Refusal = Refusal {
        status: 431,
        reason: "Request Header Fields Too Large",
        message: "the request's headers are too many or too large",
    };
    const BAD_LENGTH: Refusal = Refusal {
        status: 400,
        reason: "Bad Request",
        message: "the request's Content-Length or Transfer-Encoding is invalid",
    };
    let mut headers = [httparse::EMPTY_HEADER; MAX_HEADERS];
    let mut request = httparse::Request::new(&mut headers);
    let length = match request.parse(bytes) {
        Ok(httparse::Status::Complete(length)) => length,
        Ok(httparse::Status::Partial) if bytes.len() > MAX_HEAD => return Err(TOO_LARGE),
        Ok(httparse::Status::Partial) => {
            // A request line far too long is refused before its end arrives.
            let line = bytes
                .iter()
                .position(|&b| b == b'\n')
                .unwrap_or(bytes.len());
            if line > MAX_TARGET + 64 {
                return Err(uri_too_long());
            }
            return Ok(None);
        }
        Err(httparse::Error::TooManyHeaders) => return Err(TOO_LARGE),
        Err(_) => return Err(BAD),
    };
    if length > MAX_HEAD {
        return Err(TOO_LARGE);
    }
    if request.path.is_some_and(|path| path.len() > MAX_TARGET) {
        return Err(uri_too_long());
    }
    let mut chunked = None;
    let mut content_length: Option<u64> = None;
    for header in request.headers.iter() {
        if header.name.eq_ignore_ascii_case("transfer-encoding") {
            if request.version == Some(0) {
                return Err(BAD_LENGTH);
            }
            let last = header
                .value
                .rsplit(|&b| b == b',')
                .next()
                .unwrap_or_default()
                .trim_ascii();
            chunked = Some(last.eq_ignore_ascii_case(b"chunked"));
        } else if header.name.eq_ignore_ascii_case("content-length") {
            for value in header.value.split(|&b| b == b',') {
                let value = value.trim_ascii();
                let number = std::str::from_utf8(value)
                    .ok()
                    .filter(|v| !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()))
                    .and_then(|v| v.parse::<u64>().ok())
                    .ok_or(BAD_LENGTH)?;
                if content_length.is_some_and(|known| known != number) {
                    return Err(BAD_LENGTH);
                }
                content_length = Some(number);
            }
        }
    }
    let body = match (chunked, content_length) {
        (Some(true), _) => Body::Chunked,
        (Some(false), _) => return Err(BAD_LENGTH),
        (None, length) => Body::Length(length.unwrap_or(0)),
    };
    Ok(Some((length, body)))
}

fn uri_too_long() -> Refusal {
    Refusal {
        status: 414,
        reason: "URI Too Long",
        message: "the request's address is too long: send the values in the body",
    }
}

impl<I: AsyncRead + AsyncWrite + Unpin> AsyncRead for Guarded<I> {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        out: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        loop {
            match &mut this.place {
                Place::Closed => return Poll::Ready(Ok(())),
                Place::Refusing { answer, written } => {
                    while *written < answer.len() {
                        let n =
                            ready!(Pin::new(&mut this.inner).poll_write(cx, &answer[*written..]))?;
                        if n == 0 {
                            break;
                        }
                        *written += n;
                    }
                    ready!(Pin::new(&mut this.inner).poll_flush(cx))?;
                    let _ = Pin::new(&mut this.inner).poll_shutdown(cx);
                    this.place = Place::Closed;
                }
                Place::Release { head, body } => {
                    let n = (*head).min(out.remaining()).min(this.buffer.len());
                    out.put_slice(&this.buffer[..n]);
                    this.buffer.drain(..n);
                    *head -= n;
                    if *head == 0 {
                        this.place = match *body {
                            Body::Length(length) => Place::Body(length),
                            Body::Chunked => {
                                this.close.store(true, Ordering::Relaxed);
                                Place::Through
                            }
                        };
                    }
                    return Poll::Ready(Ok(()));
                }
                Place::Body(0) => this.place = Place::Head,
                Place::Body(left) => {
                    if !this.buffer.is_empty() {
                        let n = usize::try_from(*left)
                            .unwrap_or(usize::MAX)
                            .min(out.remaining())
                            .min(this.buffer.len());
                        out.put_slice(&this.buffer[..n]);
                        this.buffer.drain(..n);
                        *left -= n as u64;
                        return Poll::Ready(Ok(()));
                    }
                    let before = out.filled().len();
                    if *left >= out.remaining() as u64 {
                        ready!(Pin::new(&mut this.inner).poll_read(cx, out))?;
                        *left -= (out.filled().len() - before) as u64;
                    } else {
                        // Never past the body: what follows is the next head.
                        let mut piece = [0u8; 8192];
                        let room = usize::try_from(*left).unwrap_or(0).min(piece.len());
                        let mut read = ReadBuf::new(&mut piece[..room]);
                        ready!(Pin::new(&mut this.inner).poll_read(cx, &mut read))?;
                        out.put_slice(read.filled());
                        *left -= read.filled().len() as u64;
                    }
                    return Poll::Ready(Ok(()));
                }
                Place::Through => {
                    if !this.buffer.is_empty() {
                        let n = out.remaining().min(this.buffer.len());
                        out.put_slice(&this.buffer[..n]);
                        this.buffer.drain(..n);
                        return Poll::Ready(Ok(()));
                    }
                    return Pin::new(&mut this.inner).poll_read(cx, out);
                }
                Place::Head => {
                    if !this.buffer.is_empty() {
                        match check(&this.buffer) {
                            Ok(Some((head, body))) => {
                                this.place = Place::Release { head, body };
                                continue;
                            }
                            Err(refusal) => {
                                this.refuse(&refusal);
                                continue;
                            }
                            Ok(None) => {}
                        }
                    }
                    let mut piece = [0u8; 8192];
                    let mut read = ReadBuf::new(&mut piece);
                    ready!(Pin::new(&mut this.inner).poll_read(cx, &mut read))?;
                    if read.filled().is_empty() {
                        // The client is done (or gave up part-way through a head).
                        this.place = Place::Closed;
                        return Poll::Ready(Ok(()));
                    }
                    this.buffer.extend_from_slice(read.filled());
                }
            }
        }
    }
}

impl<I: AsyncWrite + Unpin> AsyncWrite for Guarded<I> {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write(cx, buf)
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.get_mut().inner).poll_write_vectored(cx, bufs)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_whole_head_is_taken_with_its_body_length() {
        let head = b"POST /api/check HTTP/1.1\r\nHost: x\r\nContent-Length: 12\r\n\r\n{}";
        let (length, body) = check(head).unwrap().unwrap();
        assert_eq!(length, head.len() - 2);
        assert!(matches!(body, Body::Length(12)));
        assert!(check(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap().is_none());
        let chunked = b"POST / HTTP/1.1\r\nTransfer-Encoding: gzip, chunked\r\n\r\n";
        assert!(matches!(check(chunked), Ok(Some((_, Body::Chunked)))));
    }

    #[test]
    fn heads_hyper_would_refuse_bare_are_refused_here() {
        let status = |bytes: &[u8]| check(bytes).err().map(|r| r.status);
        assert_eq!(status(b"GET / HTTP/1.1\r\nHo st: x\r\n\r\n"), Some(400));
        assert_eq!(status(b"GARBAGE\x01 / HTTP/1.1\r\n\r\n"), Some(400));
        assert_eq!(
            status(b"GET / HTTP/1.1\r\nContent-Length: 1, 2\r\n\r\n"),
            Some(400)
        );
        assert_eq!(
            status(b"GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n"),
            Some(400)
        );
        assert_eq!(
            status(b"GET / HTTP/1.1\r\nTransfer-Encoding: gzip\r\n\r\n"),
            Some(400)
        );
        let long_target = format!("GET /{} HTTP/1.1\r\n\r\n", "a".repeat(MAX_TARGET + 1));
        assert_eq!(status(long_target.as_bytes()), Some(414));
        let long_line = format!("GET /{}", "a".repeat(MAX_TARGET + 100));
        assert_eq!(status(long_line.as_bytes()), Some(414));
        let many: String = (0..MAX_HEADERS + 1)
            .map(|i| format!("X-{i}: 1\r\n"))
            .collect();
        assert_eq!(
            status(format!("GET / HTTP/1.1\r\n{many}\r\n").as_bytes()),
            Some(431)
        );
        let large = format!("GET / HTTP/1.1\r\nX: {}\r\n", "a".repeat(MAX_HEAD));
        assert_eq!(status(large.as_bytes()), Some(431));
    }
}
