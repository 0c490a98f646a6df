//! A saved guided-flow run.

use serde_json::Value;

use super::{list, number, present, string, text, variant};
use crate::flow::runner::{Answer, Run, Visit};

/// A saved flow [`Run`] in `json`, or `None`.
pub fn run_from_json(json: &str) -> Option<Run> {
    run(&serde_json::from_str(json).ok()?)
}

/// A flow [`Run`]: `{"flow": id, "path": [{"step", "at", "answer"?}]}`.
pub fn run(v: &Value) -> Option<Run> {
    let o = v.as_object()?;
    Some(Run {
        flow: text(o, "flow")?,
        path: list(o.get("path")?, |v| {
            let o = v.as_object()?;
            Some(Visit {
                step: text(o, "step")?,
                at: o.get("at")?.as_u64()?,
                answer: match present(o, "answer") {
                    None => None,
                    Some(a) => Some(answer(a)?),
                },
            })
        })?,
    })
}

/// An [`Answer`]: `"next"`, `{"choice": n}`, `{"worked": bool}` or `{"check": text|null}`.
fn answer(v: &Value) -> Option<Answer> {
    Some(match variant(v)? {
        ("next", None) => Answer::Next,
        ("choice", Some(n)) => Answer::Choice(number(n)?),
        ("worked", Some(b)) => Answer::Worked(b.as_bool()?),
        ("check", Some(Value::Null)) => Answer::Check(None),
        ("check", Some(s)) => Answer::Check(Some(string(s)?)),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::super::same_as_serde;
    use super::*;

    #[test]
    fn runs_read_like_the_derives() {
        let run = Run {
            flow: "f".into(),
            path: vec![
                Visit {
                    step: "a".into(),
                    at: 1,
                    answer: Some(Answer::Choice(2)),
                },
                Visit {
                    step: "b".into(),
                    at: 2,
                    answer: Some(Answer::Worked(false)),
                },
                Visit {
                    step: "c".into(),
                    at: 3,
                    answer: Some(Answer::Check(None)),
                },
                Visit {
                    step: "d".into(),
                    at: 4,
                    answer: Some(Answer::Check(Some("ok".into()))),
                },
                Visit {
                    step: "e".into(),
                    at: 5,
                    answer: Some(Answer::Next),
                },
                Visit {
                    step: "g".into(),
                    at: 6,
                    answer: None,
                },
            ],
        };
        let json = serde_json::to_string(&run).unwrap();
        assert_eq!(run_from_json(&json), Some(run));
        same_as_serde::<Run>(
            &[
                &json,
                r#"{"flow":"f","path":[]}"#,
                r#"{"flow":"f"}"#,
                r#"{"flow":"f","path":[{"step":"a","at":1,"answer":null}]}"#,
                r#"{"flow":"f","path":[{"step":"a","at":1,"answer":{"choice":-1}}]}"#,
                r#"{"flow":"f","path":[{"step":"a","at":1,"answer":"later"}]}"#,
                r#"{"flow":"f","path":[{"step":"a","answer":"next"}]}"#,
            ],
            run_from_json,
        );
    }
}
