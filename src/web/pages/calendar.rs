//! The calendar page (`/calendar`): the holidays of a year, a working-day counter and the N-th
//! working day.

use axum::extract::Query;
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use chrono::Datelike;
use maud::html;
use serde::Deserialize;

use super::layout::{day, error_box, html_response, layout, reading_fieldset, shown, Nav};
use crate::answer;
use crate::calendar::{calendar, Reading};
use crate::dates::today_in_finland;
use crate::web::lang::UiLang;

/// The calendar page's fields.
#[derive(Deserialize, Default, Debug)]
pub struct CalendarQuery {
    lang: Option<String>,
    year: Option<String>,
    from: Option<String>,
    to: Option<String>,
    days: Option<String>,
    reading: Option<String>,
}

/// `GET /calendar`: the holidays of a year, a working-day counter and the N-th working day.
pub async fn calendar_page(
    headers: HeaderMap,
    q: Result<Query<CalendarQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let q = q.map(|Query(q)| q).unwrap_or_default();
    let lang = UiLang::choose(q.lang.as_deref(), &headers);
    let t = lang.t();
    let today = today_in_finland();
    let text = |v: &Option<String>| v.clone().filter(|s| !s.trim().is_empty());
    let conservative = q.reading.as_deref() == Some("conservative");
    let reading = if conservative {
        Reading::Conservative
    } else {
        Reading::Standard
    };
    let mut errors: Vec<String> = Vec::new();
    let year_text = text(&q.year).unwrap_or_else(|| today.year().to_string());
    let year = match year_text.trim().parse::<i32>() {
        Ok(year) => Some(year),
        Err(_) => {
            errors.push(format!(
                "{}: `{}` is not a year: write it as 2026",
                t.year,
                year_text.trim()
            ));
            None
        }
    };
    let holidays = year.and_then(|year| match calendar().holidays(year..=year) {
        Ok(holidays) => Some(holidays),
        Err(e) => {
            errors.push(e.to_string());
            None
        }
    });
    let parse = |name: &str, v: &Option<String>, errors: &mut Vec<String>| {
        text(v).and_then(|s| match crate::dates::given_date(s.trim()) {
            Ok(d) => Some(d),
            Err(e) => {
                errors.push(format!("{name}: {e}"));
                None
            }
        })
    };
    let from = parse(t.from, &q.from, &mut errors);
    let to = parse(t.to, &q.to, &mut errors);
    let count = match (from, to) {
        (Some(from), Some(to)) => match answer::count(from, to, reading) {
            Ok(count) => Some(count),
            Err(e) => {
                errors.push(e.to_string());
                None
            }
        },
        _ => None,
    };
    let days = text(&q.days).and_then(|d| match d.trim().parse::<i64>() {
        Ok(n) => Some(n),
        Err(_) => {
            errors.push(format!(
                "{}: `{}` is not a whole number",
                t.add_days,
                d.trim()
            ));
            None
        }
    });
    let added = match (from, days) {
        (Some(from), Some(days)) => match answer::add(from, days, reading) {
            Ok(added) => Some(added),
            Err(e) => {
                errors.push(e.to_string());
                None
            }
        },
        _ => None,
    };
    let value = |v: &Option<String>| shown(v.as_deref().unwrap_or_default());
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let body = html! {
        h1 { (t.calendar_title) }
        @if !errors.is_empty() {
            (error_box(t, &errors.join(" ")))
        }
        div.columns {
            section.card aria-labelledby="counter-title" {
                h2 #counter-title { (t.counter_title) }
                form method="get" action="/calendar" {
                    input type="hidden" name="lang" value=(lang.code());
                    input type="hidden" name="year" value=(shown(&year_text));
                    div.field {
                        label for="from" { (t.from) }
                        input #from name="from" type="text" inputmode="numeric" autocomplete="off" aria-describedby="date-hint" value=(value(&q.from));
                    }
                    div.field {
                        label for="to" { (t.to) }
                        input #to name="to" type="text" inputmode="numeric" autocomplete="off" aria-describedby="date-hint" value=(value(&q.to));
                    }
                    div.field {
                        label for="days" { (t.add_days_field) }
                        input #days name="days" type="text" inputmode="numeric" autocomplete="off" value=(value(&q.days));
                    }
                    p.hint #date-hint { (t.date_hint) }
                    (reading_fieldset(t, conservative))
                    button type="submit" { (t.count_button) }
                }
                @if let Some(count) = &count {
                    p.answer role="status" {
                        (day(lang, count.from)) " → " (day(lang, count.to)) ": "
                        strong { (count.working_days) " " (t.count_result) }
                    }
                }
                @if let Some(added) = &added {
                    p.answer role="status" {
                        strong { (day(lang, added.date)) } " " (t.add_result) " " (added.working_days)
                        " (" (day(lang, added.from)) ")"
                    }
                    // The holidays and eves the count passed over (weekends aside), as the
                    // command line lists them.
                    p.skipped {
                        (t.skipped_days) ": "
                        @if added.skipped.is_empty() {
                            (t.none_skipped)
                        }
                        @for (i, holiday) in added.skipped.iter().enumerate() {
                            @if i > 0 { "; " }
                            (lang.labels().holiday(holiday)) " (" (day(lang, holiday.date)) ")"
                        }
                    }
                }
            }
            section.card aria-labelledby="holidays-title" {
                h2 #holidays-title { (t.holidays_of) " " (year.map(|y| y.to_string()).unwrap_or_default()) }
                form.inline method="get" action="/calendar" {
                    input type="hidden" name="lang" value=(lang.code());
                    label for="year" { (t.year) }
                    input #year name="year" type="text" inputmode="numeric" size="6" value=(shown(&year_text));
                    button type="submit" { (t.show) }
                }
                @if let Some(holidays) = holidays {
                    div.scroll tabindex="0" role="region" aria-label=(t.holidays_of) {
                        table.list {
                            thead {
                                tr {
                                    th scope="col" { (t.date) }
                                    th scope="col" { (t.holiday) }
                                    th scope="col" { (t.working_day) }
                                }
                            }
                            tbody {
                                @for holiday in holidays {
                                    @let row = answer::HolidayRow::new(holiday, reading);
                                    tr {
                                        td { (day(lang, holiday.date)) }
                                        td { (lang.labels().holiday(holiday)) }
                                        td { (if row.working_day { t.yes } else { t.no }) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    html_response(
        status,
        layout(lang, t.calendar_title, Nav::Calendar, "/calendar", body),
    )
}
