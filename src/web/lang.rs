//! The languages of the pages: Finnish by default, Swedish and English switchable, chosen by
//! `?lang=`, a form field or `Accept-Language`. The words themselves are in the one label table,
//! [`crate::labels`]; [`Texts`] is the templates' view onto it (`t.pending`), built at compile time.

use axum::http::HeaderMap;

use crate::evaluation::Status;
use crate::labels::{Label, Lang};
use crate::rules::Group;

/// A language of the pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum UiLang {
    /// Finnish (suomi), the default.
    #[default]
    Fi,
    /// Swedish (svenska).
    Sv,
    /// English.
    En,
}

impl UiLang {
    /// The languages in the order of the switch.
    pub const ALL: [UiLang; 3] = [UiLang::Fi, UiLang::Sv, UiLang::En];

    /// The language code: `fi`, `sv`, `en`.
    pub fn code(self) -> &'static str {
        match self {
            UiLang::Fi => "fi",
            UiLang::Sv => "sv",
            UiLang::En => "en",
        }
    }

    /// The language's own name, for the switch.
    pub fn own_name(self) -> &'static str {
        self.labels().get(Label::WebLangOwnName)
    }

    /// The language of a code (`fi`, `sv-FI`, `EN_gb`: the part before `-` or `_`), if it is
    /// one of ours.
    pub fn from_code(code: &str) -> Option<UiLang> {
        let code = code.trim().to_ascii_lowercase();
        let primary = code.split(['-', '_']).next().unwrap_or("");
        match primary {
            "fi" => Some(UiLang::Fi),
            "sv" => Some(UiLang::Sv),
            "en" => Some(UiLang::En),
            _ => None,
        }
    }

    /// The language asked for (`?lang=`, a form field), else the browser's first choice among
    /// ours (`Accept-Language`, by weight), else Finnish.
    pub fn choose(asked: Option<&str>, headers: &HeaderMap) -> UiLang {
        if let Some(lang) = asked.and_then(UiLang::from_code) {
            return lang;
        }
        let accept = headers
            .get(axum::http::header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let mut best: Option<(f32, usize, UiLang)> = None;
        for (index, part) in accept.split(',').enumerate().take(20) {
            let mut pieces = part.split(';');
            let Some(lang) = pieces.next().and_then(UiLang::from_code) else {
                continue;
            };
            let weight = pieces
                .find_map(|p| p.trim().strip_prefix("q="))
                .and_then(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if weight <= 0.0 {
                continue;
            }
            let better = match best {
                None => true,
                Some((w, i, _)) => weight > w || (weight == w && index < i),
            };
            if better {
                best = Some((weight, index, lang));
            }
        }
        best.map_or(UiLang::Fi, |(_, _, lang)| lang)
    }

    /// The library's language of the same name: its one label table has the words the
    /// command line uses too (statuses, groups, notes, holidays, Excel CSV).
    pub fn labels(self) -> Lang {
        match self {
            UiLang::Fi => Lang::Fi,
            UiLang::Sv => Lang::Sv,
            UiLang::En => Lang::En,
        }
    }

    /// The words of the pages in this language.
    pub fn t(self) -> &'static Texts {
        match self {
            UiLang::Fi => &FI,
            UiLang::Sv => &SV,
            UiLang::En => &EN,
        }
    }

    /// A status as people read it.
    pub fn status(self, status: Status) -> &'static str {
        self.labels().status(status)
    }

    /// A group's name.
    pub fn group(self, group: Group) -> &'static str {
        self.labels().group(group)
    }

    /// A weekday's short name, `0` Monday to `6` Sunday (on from there, round the week).
    pub fn weekday_short(self, index: usize) -> &'static str {
        let weekday = chrono::Weekday::try_from((index % 7) as u8).unwrap_or(chrono::Weekday::Mon);
        self.labels().weekday_short(weekday)
    }

    /// A month's name, `1` January to `12` December.
    pub fn month(self, month: u32) -> &'static str {
        self.labels().month(month)
    }
}

/// Makes [`Texts`] and the `const fn` that fills it from the label table: a field and its
/// [`Label`] on one line.
macro_rules! texts {
    ($($field:ident: $label:ident,)*) => {
        /// The words of the pages in one language, as the templates read them (`t.pending`): a
        /// view onto the label table, each field one [`Label`] in that language.
        pub struct Texts {
            $(
                #[doc = concat!("[`Label::", stringify!($label), "`] in this language.")]
                pub $field: &'static str,
            )*
        }

        /// The words of the pages in `lang`, taken from the label table.
        const fn texts(lang: Lang) -> Texts {
            Texts {
                $($field: lang.get(Label::$label),)*
            }
        }
    };
}

// `rustfmt` leaves macro input as written: one field to a line.
#[rustfmt::skip]
texts! {
    app: WebApp,
    tagline: WebTagline,
    nav_label: WebNavLabel,
    nav_check: WebNavCheck,
    nav_audit: WebNavAudit,
    nav_calendar: WebNavCalendar,
    lang_label: WebLangLabel,
    privacy: WebPrivacy,
    date_hint: WebDateHint,
    optional: WebOptional,
    // Check one case.
    check_title: WebCheckTitle,
    check_intro: WebCheckIntro,
    pending: WebPending,
    pending_hint: WebPendingHint,
    person: WebPerson,
    person_hint: WebPersonHint,
    birth_date: WebBirthDate,
    hetu: WebHetu,
    hetu_hint: WebHetuHint,
    age: WebAge,
    groups: WebGroups,
    urgent: WebUrgent,
    care_allowance: WebCareAllowance,
    disabled: WebDisabled,
    child_special_support: WebChildSpecialSupport,
    child_welfare: WebChildWelfare,
    older_person: WebOlderPerson,
    decision: WebDecision,
    implemented: WebImplemented,
    decision_milestone: ChkDecision,
    implementation_milestone: WebImplementationMilestone,
    after_decision: WebAfterDecision,
    done: WebDone,
    started: WebStarted,
    completed: WebCompleted,
    as_of: WebAsOf,
    as_of_hint: WebAsOfHint,
    reading: WebReading,
    reading_standard: WebReadingStandard,
    reading_conservative: WebReadingConservative,
    check_button: WebCheckButton,
    result: WebResult,
    start: WebStart,
    completion: ChkCompletion,
    deadline: WebDeadline,
    status: WebStatus,
    working_days: WebWorkingDays,
    no_deadline: WebNoDeadline,
    days_left: DaysLeft,
    days_late: DaysLate,
    days_overdue: DaysOverdue,
    elapsed: DaysElapsed,
    statute: WebStatute,
    no_group: WebNoGroup,
    age_on_pending: WebAgeOnPending,
    other_reading: WebOtherReading,
    same_in_other_reading: WebSameInOtherReading,
    notes: WebNotes,
    calendar_caption: WebCalendarCaption,
    legend_pending: WebLegendPending,
    legend_counted: WebLegendCounted,
    legend_skipped: WebLegendSkipped,
    legend_deadline: WebLegendDeadline,
    hetu_used: WebHetuUsed,
    error_title: WebErrorTitle,
    // Audit a list.
    audit_title: WebAuditTitle,
    audit_intro: WebAuditIntro,
    file: WebFile,
    file_hint: WebFileHint,
    audit_button: WebAuditButton,
    download_csv: WebDownloadCsv,
    download_excel: WebDownloadExcel,
    download_note: WebDownloadNote,
    download_ready: WebDownloadReady,
    case_id_missing: WebCaseIdMissing,
    case_id_column: WebCaseIdColumn,
    rows: WebRows,
    evaluated: WebEvaluated,
    invalid: WebInvalid,
    overdue_cases: WebOverdueCases,
    due_cases: WebDueCases,
    invalid_rows: WebInvalidRows,
    warning_rows: WebWarningRows,
    warnings_intro: WebWarningsIntro,
    first_listed: WebFirstListed,
    line: WebLine,
    case_id: WebCaseId,
    unit: WebUnit,
    column: WebColumn,
    problem: WebProblem,
    more_listed: WebMoreListed,
    none_overdue: WebNoneOverdue,
    start_statuses: WebStartStatuses,
    completion_statuses: ChkCompletion,
    by_group: WebByGroup,
    by_group_hint: WebByGroupHint,
    group: WebGroup,
    no_group_short: WebNoGroupShort,
    // Calendar.
    calendar_title: WebCalendarTitle,
    year: WebYear,
    show: WebShow,
    holidays_of: WebHolidaysOf,
    date: WebDate,
    holiday: WebHoliday,
    working_day: WebWorkingDay,
    yes: Yes,
    no: No,
    counter_title: WebCounterTitle,
    from: WebFrom,
    to: WebTo,
    count_button: WebCountButton,
    count_result: WorkingDays,
    add_days: WebAddDays,
    add_days_field: WebAddDaysField,
    skipped_days: WebSkippedDays,
    none_skipped: NoneSkipped,
    add_result: WebAddResult,
    // Any page.
    not_found: WebNotFound,
    skip: WebSkip,
}

static FI: Texts = texts(Lang::Fi);
static SV: Texts = texts(Lang::Sv);
static EN: Texts = texts(Lang::En);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_browser_language_picks_the_page_language_by_weight() {
        let headers = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(axum::http::header::ACCEPT_LANGUAGE, value.parse().unwrap());
            headers
        };
        assert_eq!(UiLang::choose(None, &HeaderMap::new()), UiLang::Fi);
        assert_eq!(
            UiLang::choose(None, &headers("sv-FI,sv;q=0.9,en;q=0.5")),
            UiLang::Sv
        );
        assert_eq!(
            UiLang::choose(None, &headers("de,en-GB;q=0.8,fi;q=0.9")),
            UiLang::Fi
        );
        assert_eq!(UiLang::choose(None, &headers("de")), UiLang::Fi);
        assert_eq!(UiLang::choose(Some("en"), &headers("sv")), UiLang::En);
        assert_eq!(UiLang::choose(Some("xx"), &headers("sv")), UiLang::Sv);
    }
}
