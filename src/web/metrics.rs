//! `GET /metrics`: the server's counts in Prometheus' text format (version 0.0.4): requests by
//! route and status, their durations, audit rows read, uploads refused, audits running and
//! the memory in use. Counted in memory, forgotten at a stop.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Mutex;

/// The upper bounds of the duration buckets, in seconds.
const BUCKETS: [f64; 14] = [
    0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 300.0,
];

#[derive(Default)]
struct Histogram {
    /// Requests at or under each bound (cumulative, as Prometheus has them).
    buckets: [u64; BUCKETS.len()],
    count: u64,
    sum: f64,
}

#[derive(Default)]
pub struct Metrics {
    /// Requests by route and status.
    requests: Mutex<BTreeMap<(String, u16), u64>>,
    /// Durations by route.
    durations: Mutex<BTreeMap<String, Histogram>>,
    audit_rows: AtomicU64,
    uploads_refused: AtomicU64,
}

impl Metrics {
    /// Counts a finished request.
    pub fn finished(&self, route: &str, status: u16, seconds: f64, rows: u64) {
        // A path that matched no route is counted as one, not by its text.
        let route = if route.starts_with('/') && !route.contains('{') && status == 404 {
            "(none)"
        } else {
            route
        };
        if let Ok(mut requests) = self.requests.lock() {
            *requests.entry((route.to_string(), status)).or_default() += 1;
        }
        if let Ok(mut durations) = self.durations.lock() {
            let histogram = durations.entry(route.to_string()).or_default();
            for (bucket, bound) in histogram.buckets.iter_mut().zip(BUCKETS) {
                if seconds <= bound {
                    *bucket += 1;
                }
            }
            histogram.count += 1;
            histogram.sum += seconds;
        }
        self.audit_rows.fetch_add(rows, Ordering::Relaxed);
        if status == 413 {
            self.uploads_refused.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// The text of `GET /metrics`.
    pub fn render(&self, audits_running: usize, audits_allowed: usize) -> String {
        let mut out = String::new();
        let _ = writeln!(
            out,
            "# HELP maaraika_http_requests_total Requests answered, by route and status.\n\
             # TYPE maaraika_http_requests_total counter"
        );
        if let Ok(requests) = self.requests.lock() {
            for ((route, status), count) in requests.iter() {
                let _ = writeln!(
                    out,
                    "maaraika_http_requests_total{{route=\"{}\",status=\"{status}\"}} {count}",
                    escape(route)
                );
            }
        }
        let _ = writeln!(
            out,
            "# HELP maaraika_http_request_duration_seconds Time from a request's start to the \
             end of its answer, by route.\n\
             # TYPE maaraika_http_request_duration_seconds histogram"
        );
        if let Ok(durations) = self.durations.lock() {
            for (route, histogram) in durations.iter() {
                let route = escape(route);
                for (bound, count) in BUCKETS.iter().zip(histogram.buckets) {
                    let _ = writeln!(
                        out,
                        "maaraika_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {count}"
                    );
                }
                let _ = writeln!(
                    out,
                    "maaraika_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}\n\
                     maaraika_http_request_duration_seconds_sum{{route=\"{route}\"}} {}\n\
                     maaraika_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                    histogram.count, histogram.sum, histogram.count
                );
            }
        }
        let _ = writeln!(
            out,
            "# HELP maaraika_audit_rows_total Rows of uploaded lists read by audits.\n\
             # TYPE maaraika_audit_rows_total counter\n\
             maaraika_audit_rows_total {}\n\
             # HELP maaraika_uploads_refused_total Uploads refused as too large.\n\
             # TYPE maaraika_uploads_refused_total counter\n\
             maaraika_uploads_refused_total {}\n\
             # HELP maaraika_audits_running Audits running now.\n\
             # TYPE maaraika_audits_running gauge\n\
             maaraika_audits_running {audits_running}\n\
             # HELP maaraika_audits_allowed Audits allowed at once (--concurrent-audits).\n\
             # TYPE maaraika_audits_allowed gauge\n\
             maaraika_audits_allowed {audits_allowed}",
            self.audit_rows.load(Ordering::Relaxed),
            self.uploads_refused.load(Ordering::Relaxed),
        );
        if let Some(bytes) = resident_memory() {
            let _ = writeln!(
                out,
                "# HELP process_resident_memory_bytes Resident memory size in bytes.\n\
                 # TYPE process_resident_memory_bytes gauge\n\
                 process_resident_memory_bytes {bytes}"
            );
        }
        out
    }
}

/// A label value with `\`, `"` and line ends escaped.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

/// The process's resident memory (Linux: `/proc/self/statm`, in pages of 4 KB).
fn resident_memory() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_text_format_counts_requests_by_route_and_status() {
        let metrics = Metrics::default();
        metrics.finished("/api/audit", 200, 0.02, 7);
        metrics.finished("/api/audit", 200, 3.0, 3);
        metrics.finished("/api/audit", 413, 0.001, 0);
        metrics.finished("/no/such/010594Y9032", 404, 0.001, 0);
        let text = metrics.render(1, 2);
        assert!(
            text.contains("maaraika_http_requests_total{route=\"/api/audit\",status=\"200\"} 2")
        );
        assert!(text.contains("maaraika_http_requests_total{route=\"(none)\",status=\"404\"} 1"));
        assert!(!text.contains("9032"));
        assert!(text.contains(
            "maaraika_http_request_duration_seconds_bucket{route=\"/api/audit\",le=\"0.025\"} 2"
        ));
        assert!(text.contains(
            "maaraika_http_request_duration_seconds_bucket{route=\"/api/audit\",le=\"+Inf\"} 3"
        ));
        assert!(text.contains("maaraika_audit_rows_total 10"));
        assert!(text.contains("maaraika_uploads_refused_total 1"));
        assert!(text.contains("maaraika_audits_running 1"));
    }
}
