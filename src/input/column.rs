//! The columns maaraika reads ([`Column`]), their names, and how a problem names one
//! ([`ColumnRef`]); `--column COLUMN=HEADER` ([`parse_column_mapping`]).

use std::fmt;

/// The columns maaraika understands.
///
/// Everything downstream asks for a column by this enum, never by a header text, so that the
/// many ways a client system names a column are handled here and only here.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Column {
    /// The case's identifier, to find the case in the client system.
    CaseId,
    /// The team or unit, to split a report.
    Unit,
    /// When the matter became pending: where every deadline counts from (required).
    PendingDate,
    /// The client's birth date, for the age groups of the statute.
    BirthDate,
    /// The personal identity code (henkilötunnus), which holds the birth date.
    Hetu,
    /// The client's age in years, for the age groups.
    Age,
    /// Receives the highest care allowance (ylin hoitotuki): a group with its own deadline.
    CareAllowance,
    /// A disabled person (vammainen): a group with its own deadline.
    Disabled,
    /// A child in need of special support: a group with its own deadline.
    ChildSpecialSupport,
    /// A child-welfare matter (lastensuojelu): a group with its own deadline.
    ChildWelfare,
    /// Urgent need (kiireellinen): a group with its own deadline.
    Urgent,
    /// When the assessment started.
    StartedDate,
    /// When the assessment was completed.
    CompletedDate,
    /// When the decision on the application was made (päätös).
    DecisionDate,
    /// When the service granted began (palvelu alkanut, täytäntöönpano).
    ImplementedDate,
    /// An older person (iäkäs henkilö, 980/2012 3 §): the service follows within 3 months of the
    /// decision.
    OlderPerson,
    /// Social assistance: when a request for more information (lisäselvitys) was sent.
    InfoRequestedDate,
    /// Social assistance: when the completed application arrived.
    InfoReceivedDate,
    /// Social assistance: the last day of the time given to reply to the request.
    InfoReplyDueDate,
    /// Social assistance: when the client asked for a personal meeting.
    MeetingRequestedDate,
    /// Social assistance: the day of the meeting.
    MeetingDate,
    /// Social assistance: when the assistance was paid.
    PaidDate,
}

impl Column {
    /// Every column, in the order of the enum (for help texts and loops).
    pub const ALL: [Column; 22] = [
        Column::CaseId,
        Column::Unit,
        Column::PendingDate,
        Column::BirthDate,
        Column::Hetu,
        Column::Age,
        Column::CareAllowance,
        Column::Disabled,
        Column::ChildSpecialSupport,
        Column::ChildWelfare,
        Column::Urgent,
        Column::StartedDate,
        Column::CompletedDate,
        Column::DecisionDate,
        Column::ImplementedDate,
        Column::OlderPerson,
        Column::InfoRequestedDate,
        Column::InfoReceivedDate,
        Column::InfoReplyDueDate,
        Column::MeetingRequestedDate,
        Column::MeetingDate,
        Column::PaidDate,
    ];

    /// The canonical English name: what `--column` and the messages use.
    pub fn name(self) -> &'static str {
        match self {
            Column::CaseId => "case_id",
            Column::Unit => "unit",
            Column::PendingDate => "pending_date",
            Column::BirthDate => "birth_date",
            Column::Hetu => "hetu",
            Column::Age => "age",
            Column::CareAllowance => "care_allowance",
            Column::Disabled => "disabled",
            Column::ChildSpecialSupport => "child_special_support",
            Column::ChildWelfare => "child_welfare",
            Column::Urgent => "urgent",
            Column::StartedDate => "started_date",
            Column::CompletedDate => "completed_date",
            Column::DecisionDate => "decision_date",
            Column::ImplementedDate => "implemented_date",
            Column::OlderPerson => "older_person",
            Column::InfoRequestedDate => "info_requested_date",
            Column::InfoReceivedDate => "info_received_date",
            Column::InfoReplyDueDate => "info_reply_due_date",
            Column::MeetingRequestedDate => "meeting_requested_date",
            Column::MeetingDate => "meeting_date",
            Column::PaidDate => "paid_date",
        }
    }

    /// A Finnish header that means this column, as Finnish Excel exports write it: for messages
    /// that tell a user what to call a column.
    pub fn finnish_name(self) -> &'static str {
        match self {
            Column::CaseId => "Asiatunnus",
            Column::Unit => "Yksikkö",
            Column::PendingDate => "Vireilletulopvm",
            Column::BirthDate => "Syntymäaika",
            Column::Hetu => "Henkilötunnus",
            Column::Age => "Ikä",
            Column::CareAllowance => "Ylin hoitotuki",
            Column::Disabled => "Vammainen",
            Column::ChildSpecialSupport => "Erityistä tukea tarvitseva lapsi",
            Column::ChildWelfare => "Lastensuojelu",
            Column::Urgent => "Kiireellinen",
            Column::StartedDate => "Arviointi aloitettu",
            Column::CompletedDate => "Arviointi valmis",
            Column::DecisionDate => "Päätöspvm",
            Column::ImplementedDate => "Palvelu alkanut",
            Column::OlderPerson => "Iäkäs henkilö",
            Column::InfoRequestedDate => "Lisäselvityspyyntö",
            Column::InfoReceivedDate => "Täydennys saapunut",
            Column::InfoReplyDueDate => "Vastausaika",
            Column::MeetingRequestedDate => "Keskustelupyyntö",
            Column::MeetingDate => "Keskustelu",
            Column::PaidDate => "Maksupäivä",
        }
    }

    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Column {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The column of a `RowProblem`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColumnRef {
    /// A value maaraika read from one of its columns and found wrong: named by the column's key
    /// (`started_date`); where it is in the file, `CaseReader::position_of`.
    Known(Column),
    /// A cell that could not be read as it stands (a stray quote, bytes that are not UTF-8), in
    /// any column: named by the file's header (shortened, codes redacted).
    Header {
        /// The field's place in the row, 0 = the first.
        index: usize,
        /// The header as shown in messages.
        header: String,
    },
}

impl ColumnRef {
    /// The column as the `--errors` file and the JSON API name it: a known column's key, else
    /// the header.
    pub fn name(&self) -> &str {
        match self {
            ColumnRef::Known(column) => column.name(),
            ColumnRef::Header { header, .. } => header,
        }
    }
}
