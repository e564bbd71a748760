//! Limits for shared use: a whole-request deadline that cuts off a trickling upload (and so
//! frees its audit slot).

use std::future::Future;
use std::pin::Pin;
use std::task::Context;
use std::time::Duration;

use axum::body::{Body, HttpBody};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;

use super::state::AppState;
use super::watched_body::{WatchedBody, Watcher};

/// What a body cut off by the deadline says; the body readers (`stream`) answer it with 408.
pub const DEADLINE_PASSED: &str = "the request took longer than the server's deadline";

/// A request body's watcher that ends it with an error once the deadline has passed.
struct Deadline {
    deadline: Pin<Box<tokio::time::Sleep>>,
    seconds: u64,
}

impl Watcher for Deadline {
    fn before_frame(&mut self, cx: &mut Context<'_>) -> Option<axum::Error> {
        self.deadline.as_mut().poll(cx).is_ready().then(|| {
            axum::Error::new(format!(
                "{DEADLINE_PASSED} ({} s, --request-deadline): send it faster, or split the list",
                self.seconds
            ))
        })
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
        Body::new(WatchedBody {
            inner,
            watcher: Deadline {
                deadline: Box::pin(tokio::time::sleep(limit)),
                seconds: limit.as_secs(),
            },
        })
    });
    next.run(request).await
}
