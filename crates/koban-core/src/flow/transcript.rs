//! A flow transcript as the ticket form shows it before sending: one line per step.
//!
//! ```
//! use koban_core::flow::transcript::lines;
//! let t = serde_json::json!({"steps": [
//!     {"text": "Is the node plugged in?", "answer": "Yes"},
//!     {"text": "Checking", "check": "node_status: offline"},
//!     {"text": "Restart it"},
//! ]});
//! let text = "• Is the node plugged in? → Yes\n• Checking → node_status: offline\n• Restart it";
//! assert_eq!(lines(&t).unwrap(), text);
//! ```

use serde_json::Value;

/// The transcript `value` (a ticket's `context.transcript`, [`super::runner::Transcript`]) as
/// readable text: one line per entry of its `steps`, the step's `text` then its `answer` or
/// `check` result. `None` when it has another shape (the form then shows the JSON itself).
pub fn lines(value: &Value) -> Option<String> {
    let steps = value.get("steps")?.as_array()?;
    let lines: Vec<String> = steps
        .iter()
        .map(|step| {
            let part = |k: &str| step.get(k).and_then(Value::as_str).unwrap_or_default();
            let answer = [part("answer"), part("check")]
                .into_iter()
                .find(|a| !a.is_empty());
            match (part("text"), answer) {
                (q, None) => format!("• {q}"),
                (q, Some(a)) => format!("• {q} → {a}"),
            }
        })
        .collect();
    Some(lines.join("\n"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_transcript_reads_as_one_line_per_step() {
        let t = json!({"flow": "f", "steps": [
            {"id": "q", "text": "Which OS?", "answer": "Linux", "at": 1},
            {"id": "c", "text": "Live check", "answer": "", "check": "gpu: none", "at": 2},
            {"id": "o", "text": "", "at": 3},
            {"id": "x", "text": 5},
        ]});
        assert_eq!(
            lines(&t).unwrap(),
            "• Which OS? → Linux\n• Live check → gpu: none\n• \n• "
        );
        assert_eq!(lines(&json!({"steps": []})).unwrap(), "");
    }

    #[test]
    fn another_shape_is_none() {
        assert_eq!(lines(&json!({"flow": "f"})), None);
        assert_eq!(lines(&json!({"steps": "q"})), None);
        assert_eq!(lines(&json!(["q"])), None);
    }
}
