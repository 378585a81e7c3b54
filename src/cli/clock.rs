//! The time of day that watch and serve messages start with.

use std::time::{SystemTime, UNIX_EPOCH};

/// `[14:03:07]`: the time now in UTC. Local time would need the time zone
/// database, which the standard library does not read; a log line needs
/// only to tell one rebuild from the next.
pub fn stamp() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    of_day(secs)
}

fn of_day(secs: u64) -> String {
    let s = secs % 86_400;
    format!("[{:02}:{:02}:{:02}]", s / 3600, s / 60 % 60, s % 60)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_stamp_is_hours_minutes_seconds() {
        assert_eq!(super::of_day(0), "[00:00:00]");
        assert_eq!(super::of_day(1_764_684_187), "[14:03:07]");
    }
}
