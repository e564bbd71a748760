//! The audit's hot functions, one at a time: `cargo bench --bench hot`.
//!
//! The whole-process comparison with the floor and the peers is `bench/compare.sh`.

use std::hint::black_box;
use std::io::Cursor;

use chrono::NaiveDate;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use maaraika::batch::{self, Item};
use maaraika::calendar::{calendar, parse_rules, Calendar, Reading, HOLIDAY_DATA};
use maaraika::dates::parse_date_bytes;
use maaraika::evaluation::{evaluate, Case, Person};
use maaraika::options::Options;
// The generator is a developer's tool (`cargo run --example generate`), not the library's.
#[allow(dead_code)] // the benchmark writes case lists only, not applications
#[path = "../examples/generate/lists.rs"]
mod generate;
use generate::{write_cases, Dialect};
use maaraika::input::{parse_flag, CaseReader, InputOptions};
use maaraika::report::{CaseSink, CsvSink, CsvStyle, Lang};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn dates(c: &mut Criterion) {
    let mut group = c.benchmark_group("parse_date");
    for text in [
        "2026-11-23",
        "23.11.2026",
        "1.2.2026",
        "2026-11-23T14:30:00",
    ] {
        group.bench_function(text, |b| {
            b.iter(|| parse_date_bytes(black_box(text.as_bytes())))
        });
    }
    group.finish();
    c.bench_function("parse_flag/kyllä", |b| {
        b.iter(|| parse_flag(black_box("kyllä")))
    });
}

fn calendar_ops(c: &mut Criterion) {
    let cal = calendar();
    let (from, to) = (d(2026, 12, 18), d(2027, 3, 2));
    c.bench_function("calendar/add_working_days 7", |b| {
        b.iter(|| cal.add_working_days(black_box(from), 7, Reading::Standard))
    });
    c.bench_function("calendar/working_days_between", |b| {
        b.iter(|| cal.working_days_between(black_box(from), black_box(to), Reading::Standard))
    });
    c.bench_function("calendar/months_deadline 3", |b| {
        b.iter(|| calendar().months_deadline(black_box(from), 3, Reading::Standard))
    });
    c.bench_function("calendar/build 1955-2199", |b| {
        b.iter(|| Calendar::from_rules(&parse_rules(HOLIDAY_DATA).unwrap()))
    });
}

fn evaluation(c: &mut Criterion) {
    let as_of = d(2026, 11, 23);
    let over_75 = Case {
        pending: d(2026, 12, 18),
        person: Person::BirthDate(d(1948, 3, 2)),
        started: Some(d(2027, 1, 5)),
        ..Case::default()
    };
    let child = Case {
        pending: d(2026, 8, 31),
        person: Person::BirthDate(d(2015, 6, 1)),
        child_special_support: true,
        disabled: true,
        started: Some(d(2026, 9, 3)),
        ..Case::default()
    };
    c.bench_function("evaluate/over_75 started", |b| {
        b.iter(|| evaluate(black_box(&over_75), as_of, Reading::Standard))
    });
    c.bench_function("evaluate/child two groups", |b| {
        b.iter(|| evaluate(black_box(&child), as_of, Reading::Standard))
    });
}

/// Rows read, decoded, evaluated and written as audit CSV, in memory.
fn rows(c: &mut Criterion) {
    const ROWS: u64 = 20_000;
    let mut group = c.benchmark_group("audit rows");
    group.throughput(Throughput::Elements(ROWS));
    group.sample_size(20);
    for dialect in [Dialect::Iso, Dialect::FinnishCp1252] {
        let mut input = Vec::new();
        write_cases(ROWS, 1, dialect, &mut input).unwrap();
        group.bench_function(format!("{dialect:?}"), |b| {
            b.iter(|| {
                let mut reader = CaseReader::from_reader(
                    Box::new(Cursor::new(input.clone())),
                    "bench",
                    &InputOptions::default(),
                )
                .unwrap();
                let settings = Options::new(d(2026, 11, 23), Reading::Standard);
                let style = CsvStyle {
                    excel: false,
                    lang: Lang::En,
                };
                let mut out = Vec::with_capacity(input.len() * 2);
                let mut sink = CsvSink::new(
                    &mut out,
                    style,
                    false,
                    false,
                    Reading::Standard,
                    settings.as_of,
                )
                .unwrap();
                batch::run(&mut reader, &settings, |item| -> anyhow::Result<()> {
                    if let Item::Evaluated(case) = item {
                        sink.case(&case)?;
                    }
                    Ok(())
                })
                .unwrap();
                Box::new(sink).finish().unwrap();
                out.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, dates, calendar_ops, evaluation, rows);
criterion_main!(benches);
