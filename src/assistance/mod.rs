//! Social assistance (toimeentulotuki; utkomststöd): the counties' processing deadlines of
//! supplementary and preventive assistance (täydentävä ja ehkäisevä; kompletterande och
//! förebyggande), and the national collection of April and October (1412/1997 27 c §).
//!
//! The layers, as for the assessment: [`rules`] (the law as data), [`evaluation`] (one
//! application against it), [`read`] (a list of applications, read like a case list), [`thl`]
//! (the month's figures).

pub mod evaluation;
pub mod read;
pub mod rules;
pub mod thl;

pub use evaluation::{
    evaluate_application, Application, ApplicationError, AssistanceEvaluation, RecordedMilestones,
    Verdict,
};
pub use rules::{AssistanceMilestone, ASSISTANCE_RULES};
