//! A request or response body passed through as it is, with something watching it: the one
//! `HttpBody` wrapper of the server. The access log's line is written when the watcher of a
//! response's body is dropped (`access`); the whole-request deadline ends an upload with an
//! error once it has passed (`limits`).

use std::pin::Pin;
use std::task::{Context, Poll};

use axum::body::{Body, Bytes, HttpBody};

/// What watches a body: asked before each frame whether the body ends here with an error
/// (never, unless said otherwise); dropped with the body.
pub(super) trait Watcher: Send + Unpin + 'static {
    /// An error to end the body with instead of its next frame.
    fn before_frame(&mut self, _cx: &mut Context<'_>) -> Option<axum::Error> {
        None
    }
}

/// `inner`'s frames, as they come, under `watcher`.
pub(super) struct WatchedBody<W> {
    pub(super) inner: Body,
    pub(super) watcher: W,
}

impl<W: Watcher> HttpBody for WatchedBody<W> {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        if let Some(error) = self.watcher.before_frame(cx) {
            return Poll::Ready(Some(Err(error)));
        }
        Pin::new(&mut self.inner).poll_frame(cx)
    }

    fn is_end_stream(&self) -> bool {
        self.inner.is_end_stream()
    }

    fn size_hint(&self) -> http_body::SizeHint {
        self.inner.size_hint()
    }
}
