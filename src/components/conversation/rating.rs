//! The satisfaction question of a solved or closed request: good or bad, with an optional
//! comment, asked once (a dismissal is remembered in namespaced local storage), and changeable
//! for 7 days after it was given (koban-core's [`may_rate`]; the server enforces the same rule).

use koban_core::conversation::rating::may_rate;
use koban_core::conversation::{Rating, Score, Status, rfc3339_to_unix_ms};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::conversation::Conversations;
use crate::i18n::{msg, t};
use crate::storage::{local_storage, read};

/// Where dismissed questions are remembered (one key per API, like every saved thing).
fn asked_key(talks: Conversations) -> String {
    format!(
        "koban:{}:asked",
        talks.widget().api.with_value(|a| a.base().to_string())
    )
}

fn was_asked(talks: Conversations, reference: &str) -> bool {
    read(&asked_key(talks)).is_some_and(|text| text.split('\n').any(|r| r == reference))
}

fn remember_asked(talks: Conversations, reference: &str) {
    let key = asked_key(talks);
    let mut text = read(&key).unwrap_or_default();
    text.push_str(reference);
    text.push('\n');
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&key, &text);
    }
}

/// The rating given, with Change while allowed, or the question when it is still to be asked.
#[component]
pub fn RatingBlock(
    /// The request's reference.
    reference: String,
    /// The rating given, if any.
    rating: Option<Rating>,
    /// The request's status (a rating needs a finished one).
    status: Status,
) -> impl IntoView {
    let talks = Conversations::expect();
    let now = js_sys::Date::now() as i64 / 1000;
    // The rating's time stands for its first (the server keeps the first and refuses a change
    // after 7 days with `rating_locked`, shown as a server error).
    let changeable = rating.as_ref().is_some_and(|r| {
        let first = rfc3339_to_unix_ms(&r.rated_at).map(|ms| ms / 1000);
        may_rate(status, first, now).is_ok()
    });
    let asking = RwSignal::new(rating.is_none() && !was_asked(talks, &reference));
    let given = rating.clone();
    move || {
        if asking.get() {
            view! { <Question reference=reference.clone() asking rating=given.clone()/> }.into_any()
        } else {
            let summary = given.clone().map(|r| {
                let text = t(if r.score == Score::Good {
                    msg::CONVERSATION_RATED_GOOD
                } else {
                    msg::CONVERSATION_RATED_BAD
                });
                view! {
                    <p class="kb-rated">{text}</p>
                    {r.comment.map(|c| view! { <p class="kb-muted" dir="auto">{c}</p> })}
                }
            });
            view! {
                <div class="kb-rating">
                    {summary}
                    {changeable.then(|| view! {
                        <button type="button" class="kb-button" on:click=move |_| asking.set(true)>
                            {t(msg::CONVERSATION_RATE_CHANGE)}
                        </button>
                    })}
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn Question(reference: String, asking: RwSignal<bool>, rating: Option<Rating>) -> impl IntoView {
    let talks = Conversations::expect();
    let score = RwSignal::new(rating.as_ref().map(|r| r.score));
    let comment = RwSignal::new(rating.and_then(|r| r.comment).unwrap_or_default());
    let failed = RwSignal::new(false);
    let missing = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let send_ref = reference.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(chosen) = score.get_untracked() else {
            return missing.set(true);
        };
        let Some(token) = talks.token_of(&send_ref) else {
            return;
        };
        let (api, reference, text) = (
            talks.widget().api.get_value(),
            send_ref.clone(),
            comment.get_untracked(),
        );
        sending.set(true);
        spawn_local(async move {
            let ok = api.rate(&reference, &token, chosen, &text).await.is_ok();
            sending.set(false);
            failed.set(!ok);
            if ok {
                remember_asked(talks, &reference);
                talks.changed();
            }
        });
    };
    let dismiss = move |_| {
        remember_asked(talks, &reference);
        asking.set(false);
    };
    let choice = move |value: Score, label| {
        view! {
            <label class="kb-choice">
                <input type="radio" name="kb-rating-score" value=value.as_str()
                    prop:checked=move || score.get() == Some(value)
                    on:change=move |_| { score.set(Some(value)); missing.set(false); }/>
                " "{t(label)}
            </label>
        }
    };
    view! {
        <form class="kb-rating" on:submit=submit novalidate>
            <fieldset aria-describedby=move || missing.get().then_some("kb-rating-error")>
                <legend class="kb-label">{t(msg::CONVERSATION_RATE_QUESTION)}</legend>
                {choice(Score::Good, msg::CONVERSATION_RATE_GOOD)}
                {choice(Score::Bad, msg::CONVERSATION_RATE_BAD)}
            </fieldset>
            {move || missing.get().then(|| view! {
                <p id="kb-rating-error" class="kb-field-error">{t(msg::CONVERSATION_RATE_PICK)}</p>
            })}
            <label for="kb-rating-comment" class="kb-label">{t(msg::CONVERSATION_RATE_COMMENT)}</label>
            <textarea id="kb-rating-comment" class="kb-input kb-textarea" rows="2" dir="auto"
                prop:value=move || comment.get()
                on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
            {move || failed.get().then(|| view! { <p class="kb-error" role="alert">{t(msg::ERROR_SERVER)}</p> })}
            <div class="kb-actions">
                <button type="submit" class="kb-button kb-primary" disabled=move || sending.get()>{t(msg::CONVERSATION_RATE_SEND)}</button>
                <button type="button" class="kb-button" on:click=dismiss>{t(msg::CONVERSATION_RATE_LATER)}</button>
            </div>
        </form>
    }
}
