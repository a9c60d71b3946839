//! The normalized phase set and the mapping from every spelling the APIs use.

use serde::Serialize;

/// The seven phases every format normalizes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Default)]
pub enum Phase {
    /// Not started yet (pending, waiting, queued, created).
    Pending,
    /// Started and not finished (running, in_execution, in_progress, executing, started).
    Running,
    /// Finished well (success, successful, succeeded, completed, finished).
    Succeeded,
    /// Finished badly (fail, failed, failure, error).
    Failed,
    /// Stopped before finishing (cancelled, canceled, aborted, terminated, stopped).
    Cancelled,
    /// Not run on purpose (skipped, not_performed).
    Skipped,
    /// A spelling none of the above match; the raw text is kept next to it.
    #[default]
    Unknown,
}

impl Phase {
    /// All phases, in display order.
    pub const ALL: [Phase; 7] = [
        Phase::Pending,
        Phase::Running,
        Phase::Succeeded,
        Phase::Failed,
        Phase::Cancelled,
        Phase::Skipped,
        Phase::Unknown,
    ];

    /// Maps a payload's phase text, case-insensitively and ignoring surrounding
    /// blanks and `-`/space versus `_`. `None` when no known spelling matches.
    pub fn parse(raw: &str) -> Option<Phase> {
        let mut key = String::with_capacity(raw.len());
        for c in raw.trim().chars() {
            match c {
                '-' | ' ' => key.push('_'),
                c => key.push(c.to_ascii_lowercase()),
            }
        }
        Some(match key.as_str() {
            "success" | "successful" | "succeeded" | "succeed" | "completed" | "complete"
            | "finished" | "done" => Phase::Succeeded,
            "fail" | "failed" | "failure" | "error" | "errored" => Phase::Failed,
            "running" | "in_execution" | "in_progress" | "executing" | "started" => Phase::Running,
            "pending" | "waiting" | "queued" | "created" => Phase::Pending,
            "cancelled" | "canceled" | "aborted" | "terminated" | "stopped" => Phase::Cancelled,
            "skipped" | "not_performed" => Phase::Skipped,
            _ => return None,
        })
    }

    /// The phase's name as the API spells it (`"Succeeded"`).
    pub fn as_str(self) -> &'static str {
        match self {
            Phase::Pending => "Pending",
            Phase::Running => "Running",
            Phase::Succeeded => "Succeeded",
            Phase::Failed => "Failed",
            Phase::Cancelled => "Cancelled",
            Phase::Skipped => "Skipped",
            Phase::Unknown => "Unknown",
        }
    }

    /// Succeeded, Failed, Cancelled and Skipped: the run or element will not change again.
    pub fn is_terminal(self) -> bool {
        matches!(
            self,
            Phase::Succeeded | Phase::Failed | Phase::Cancelled | Phase::Skipped
        )
    }

    /// Index into [`Phase::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_spelling_maps() {
        let cases = [
            ("success", Phase::Succeeded),
            ("Successful", Phase::Succeeded),
            ("SUCCEEDED", Phase::Succeeded),
            ("completed", Phase::Succeeded),
            ("finished", Phase::Succeeded),
            ("fail", Phase::Failed),
            ("Failed", Phase::Failed),
            ("failure", Phase::Failed),
            ("error", Phase::Failed),
            ("running", Phase::Running),
            ("in_execution", Phase::Running),
            ("IN-PROGRESS", Phase::Running),
            ("executing", Phase::Running),
            ("started", Phase::Running),
            ("pending", Phase::Pending),
            ("waiting", Phase::Pending),
            ("queued", Phase::Pending),
            ("created", Phase::Pending),
            ("cancelled", Phase::Cancelled),
            ("canceled", Phase::Cancelled),
            ("aborted", Phase::Cancelled),
            ("terminated", Phase::Cancelled),
            ("stopped", Phase::Cancelled),
            ("skipped", Phase::Skipped),
            ("not_performed", Phase::Skipped),
            (" Succeeded ", Phase::Succeeded),
        ];
        for (raw, phase) in cases {
            assert_eq!(Phase::parse(raw), Some(phase), "{raw}");
        }
        assert_eq!(Phase::parse("Exploded"), None);
        assert_eq!(Phase::parse(""), None);
    }

    #[test]
    fn index_matches_all() {
        for (i, p) in Phase::ALL.iter().enumerate() {
            assert_eq!(p.index(), i);
        }
    }
}
