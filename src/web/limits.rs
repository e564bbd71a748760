//! Limits for shared use: a whole-request deadline that cuts off a trickling upload (and so
//! frees its audit slot).

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use std::time::Duration;

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use super::AppState;

/// What a body cut off by the deadline says; the body readers (`stream`) answer it with 408.
pub const DEADLINE_PASSED: &str = "the request took longer than the server's deadline";

/// A request body that ends in an error once the deadline has passed.
struct DeadlineBody {
    inner: Body,
    deadline: Pin<Box<tokio::time::Sleep>>,
    seconds: u64,
}

impl HttpBody for DeadlineBody {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<http_body::Frame<Bytes>, axum::Error>>> {
        if self.deadline.as_mut().poll(cx).is_ready() {
            let message = format!(
                "{DEADLINE_PASSED} ({} s, --request-deadline): send it faster, or split the list",
                self.seconds
            );
            return Poll::Ready(Some(Err(axum::Error::new(message))));
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

/// Puts the whole-request deadline on the request's body: an upload still arriving when it
/// passes is cut off, whatever pace it keeps.
pub async fn deadline(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let limit: Duration = state.request_deadline;
    let request = request.map(|inner| {
        if inner.is_end_stream() {
            return inner;
        }
        Body::new(DeadlineBody {
            inner,
            deadline: Box::pin(tokio::time::sleep(limit)),
            seconds: limit.as_secs(),
        })
    });
    next.run(request).await
}
