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
        // Every known spelling is ASCII and shorter than the buffer, so a
        // longer text, or a non-ASCII byte (kept as is), matches none.
        let mut key = [0u8; 16];
        let trimmed = raw.trim().as_bytes();
        let key = key.get_mut(..trimmed.len())?;
        for (k, &b) in key.iter_mut().zip(trimmed) {
            *k = match b {
                b'-' | b' ' => b'_',
                b => b.to_ascii_lowercase(),
            };
        }
        Some(match &*key {
            b"success" | b"successful" | b"succeeded" | b"succeed" | b"completed" | b"complete"
            | b"finished" | b"done" => Phase::Succeeded,
            b"fail" | b"failed" | b"failure" | b"error" | b"errored" => Phase::Failed,
            b"running" | b"in_execution" | b"in_progress" | b"executing" | b"started" => {
                Phase::Running
            }
            b"pending" | b"waiting" | b"queued" | b"created" => Phase::Pending,
            b"cancelled" | b"canceled" | b"aborted" | b"terminated" | b"stopped" => {
                Phase::Cancelled
            }
            b"skipped" | b"not_performed" => Phase::Skipped,
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
        for raw in [
            "not performed",
            "\u{3000}done\t",
            "ＲUNNING",
            "runnİng",
            "not_performed_",
            "succeeded_succeeded",
            "cancelled        x",
            "\u{e9}",
            "-",
        ] {
            // The first two are known spellings; the others match nothing.
            let want = match raw {
                "not performed" => Some(Phase::Skipped),
                "\u{3000}done\t" => Some(Phase::Succeeded),
                _ => None,
            };
            assert_eq!(Phase::parse(raw), want, "{raw}");
        }
    }

    #[test]
    fn index_matches_all() {
        for (i, p) in Phase::ALL.iter().enumerate() {
            assert_eq!(p.index(), i);
        }
    }
}
