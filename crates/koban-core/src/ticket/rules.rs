//! What a ticket is checked against: the site's categories with their custom fields, and length
//! limits.
//!
//! [`CustomFieldRule`] is deliberately small (id, kind, required, options): the content model in
//! `site.toml` carries labels and help text too, and converts into these rules.

use serde::{Deserialize, Serialize};

/// The type of a custom field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FieldKind {
    /// One line of text.
    Text,
    /// Several lines of text.
    Textarea,
    /// One of [`CustomFieldRule::options`].
    Select,
    /// A tick box (JSON `true`/`false`).
    Checkbox,
    /// A number (JSON number, or text that parses as one).
    Number,
    /// An `http:` or `https:` URL.
    Url,
}

/// One custom field of a category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomFieldRule {
    /// Field id, the key in [`TicketDraft::fields`](crate::ticket::TicketDraft::fields).
    pub id: String,
    /// Field type.
    pub kind: FieldKind,
    /// Whether the field must be filled in (a required checkbox must be ticked).
    #[serde(default)]
    pub required: bool,
    /// Allowed values of a select field.
    #[serde(default)]
    pub options: Vec<String>,
}

/// One ticket category and its custom fields.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct CategoryRule {
    /// Category id.
    pub id: String,
    /// Custom fields shown for this category.
    #[serde(default)]
    pub fields: Vec<CustomFieldRule>,
}

/// Length limits, counted in Unicode scalar values (what a user sees as characters, near enough).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct TicketLimits {
    /// Whether `name` is required.
    pub require_name: bool,
    /// Maximum length of `name`.
    pub name_max: usize,
    /// Maximum length of `email`.
    pub email_max: usize,
    /// Maximum length of `subject`.
    pub subject_max: usize,
    /// Maximum length of `description`.
    pub description_max: usize,
    /// Maximum length of a text, select, number or url custom field.
    pub field_max: usize,
    /// Maximum length of a textarea custom field.
    pub textarea_max: usize,
    /// Maximum length of the context's route, locale, widget version and user agent.
    pub context_max: usize,
    /// Maximum number of attachments.
    pub attachments_max: usize,
}

impl Default for TicketLimits {
    fn default() -> Self {
        TicketLimits {
            require_name: false,
            name_max: 200,
            email_max: 254,
            subject_max: 200,
            description_max: 10_000,
            field_max: 1_000,
            textarea_max: 10_000,
            context_max: 2_048,
            attachments_max: 10,
        }
    }
}

/// Everything a ticket is validated against.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct TicketRules {
    /// The site's categories. When empty, any non-empty category is accepted.
    pub categories: Vec<CategoryRule>,
    /// Length limits.
    pub limits: TicketLimits,
}

impl TicketRules {
    /// The category with id `id`, if the site has one.
    pub fn category(&self, id: &str) -> Option<&CategoryRule> {
        self.categories.iter().find(|c| c.id == id)
    }
}
