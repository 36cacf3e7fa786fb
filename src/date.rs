//! Calendar dates as releases write them: "Dec. 14, 2022", "15 July 2024", "May 8-9",
//! "August 29, 2021", "2024-05-09", "12.03.2024" (day first; month first when the second
//! number passes 12), and relative forms ("on Wednesday", "today") resolved against the
//! release's own date.

use regex::Regex;
use std::fmt;
use std::sync::LazyLock;

/// A calendar date (proleptic Gregorian).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// A date, if the day exists in that month.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD` (and ignores a time part after it).
    pub fn parse_iso(text: &str) -> Option<Self> {
        let t = text.trim();
        let (y, rest) = t.split_once('-')?;
        let (m, rest) = rest.split_once('-')?;
        let d: String = rest.chars().take_while(|c| c.is_ascii_digit()).collect();
        Self::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
    }

    /// Day of the week, 0 = Monday.
    pub(crate) fn weekday(self) -> u32 {
        (days_from_civil(self.year, self.month, self.day) + 3).rem_euclid(7) as u32
    }

    /// Days from `earlier` to this date (negative when `earlier` is later).
    pub(crate) fn days_since(self, earlier: Date) -> i64 {
        days_from_civil(self.year, self.month, self.day)
            - days_from_civil(earlier.year, earlier.month, earlier.day)
    }

    /// The date `n` days later (or earlier for negative `n`).
    pub(crate) fn add_days(self, n: i64) -> Self {
        civil_from_days(days_from_civil(self.year, self.month, self.day) + n)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

// Howard Hinnant's days-from-civil algorithm.
fn days_from_civil(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(if m <= 2 { y - 1 } else { y });
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn civil_from_days(z: i64) -> Date {
    let z = z + 719468;
    let era = if z >= 0 { z } else { z - 146096 } / 146097;
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    Date {
        year: (if m <= 2 { y + 1 } else { y }) as i32,
        month: m,
        day: d,
    }
}

/// The month number of an English month name or its abbreviation ("Sept.", "Dec").
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let months = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 {
        return None;
    }
    months
        .iter()
        .position(|m| *m == w || (w.len() >= 3 && m.starts_with(&w) && (w.len() <= 4)))
        .map(|i| i as u32 + 1)
}

/// A month name or its abbreviation, capitalized ("Sept.") or in capitals ("JANUARY"); a
/// month in lowercase ("may") is no date.
const MONTH: &str = r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?|JAN(?:UARY|\.)?|FEB(?:RUARY|\.)?|MAR(?:CH|\.)?|APR(?:IL|\.)?|MAY|JUNE?|JULY?|AUG(?:UST|\.)?|SEPT?(?:EMBER|\.)?|OCT(?:OBER|\.)?|NOV(?:EMBER|\.)?|DEC(?:EMBER|\.)?)";
/// Whether a word names a day of the week ("Friday", "FRIDAY").
pub(crate) fn is_weekday(word: &str) -> bool {
    let w = word.trim_end_matches([',', '.']).to_ascii_lowercase();
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
    .contains(&w.as_str())
}

const WEEKDAY: &str = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";

static DATE_RE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?x)
        \b(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})(?:T|\b)
      | \b(?P<d3>\d{{1,2}})\.(?P<n3>\d{{1,2}})\.(?P<y3>\d{{4}})\b
      | \b(?P<m1>{MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}})?(?:,?\s+(?P<y1>\d{{4}}))?\b
      | \b(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?(?:\s*[-–]\s*\d{{1,2}}(?:st|nd|rd|th)?)?\s+(?:of\s+)?(?P<m2>{MONTH})(?:,?\s+(?P<y2>\d{{4}}))?\b
      | \b(?:on\s+)?(?P<wd>{WEEKDAY})\b
      | \b(?P<today>today)\b
      | \b(?P<yesterday>yesterday)\b
    "
    );
    Regex::new(&pattern).expect("the date pattern is valid")
});

/// One date found in running text, with its byte range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub date: Date,
    /// How the date was obtained: "absolute", "year-inferred", "weekday", "today".
    pub how: &'static str,
}

/// Every full date in `text`. A date without a year takes the year of `reference` (the
/// release's date), stepping back a year when that would put it far after the release;
/// weekdays and "today" resolve against `reference`. Month-only mentions give no date.
pub fn find_dates(text: &str, reference: Option<Date>) -> Vec<DateMention> {
    let mut out = Vec::new();
    for caps in DATE_RE.captures_iter(text) {
        let whole = caps.get(0).expect("group 0 always matches");
        let (date, how) = if let Some(iso) = caps.name("iso") {
            (Date::parse_iso(iso.as_str()), "absolute")
        } else if let (Some(d), Some(m), Some(y)) =
            (caps.name("d3"), caps.name("n3"), caps.name("y3"))
        {
            // "12.03.2024": day first, as most countries that write dates with dots do; a
            // month past 12 means the U.S. order ("04.19.2023", as DVIDS prints it).
            let n = |g: regex::Match<'_>| g.as_str().parse::<u32>().ok();
            let date = match (n(d), n(m), y.as_str().parse::<i32>().ok()) {
                (Some(d), Some(m), Some(y)) => Date::new(y, m, d).or_else(|| Date::new(y, d, m)),
                _ => None,
            };
            (date, "absolute")
        } else if let Some(m) = caps.name("m1").or_else(|| caps.name("m2")) {
            let day = caps
                .name("d1")
                .or_else(|| caps.name("d2"))
                .and_then(|d| d.as_str().parse::<u32>().ok());
            let year = caps
                .name("y1")
                .or_else(|| caps.name("y2"))
                .and_then(|y| y.as_str().parse::<i32>().ok());
            let month = month_number(m.as_str());
            match (month, day, year) {
                (Some(mo), Some(d), Some(y)) => (Date::new(y, mo, d), "absolute"),
                (Some(mo), Some(d), None) => match reference {
                    // The year that puts the date nearest the release: "Dec. 28" in a
                    // release of Jan. 3 is last year's, "Aug. 25" in June this year's.
                    Some(r) => {
                        let near = [r.year - 1, r.year, r.year + 1]
                            .into_iter()
                            .filter_map(|y| Date::new(y, mo, d))
                            .min_by_key(|c| {
                                (days_from_civil(c.year, c.month, c.day)
                                    - days_from_civil(r.year, r.month, r.day))
                                .abs()
                            });
                        (near, "year-inferred")
                    }
                    None => (None, ""),
                },
                _ => (None, ""),
            }
        } else if let Some(wd) = caps.name("wd") {
            // "Friday, April 14, 2023": the weekday of a full date printed after it.
            let after = text[whole.end()..].trim_start_matches([',', ' ']);
            if after.starts_with(|c: char| c.is_ascii_digit())
                || after
                    .split_whitespace()
                    .next()
                    .and_then(month_number)
                    .is_some()
            {
                continue;
            }
            let target = [
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            ]
            .iter()
            .position(|d| d.eq_ignore_ascii_case(wd.as_str()))
            .map(|p| p as u32);
            match (reference, target) {
                (Some(r), Some(t)) => {
                    // The most recent such weekday on or before the release's date.
                    let back = (r.weekday() + 7 - t) % 7;
                    (Some(r.add_days(-i64::from(back))), "weekday")
                }
                _ => (None, ""),
            }
        } else if caps.name("today").is_some() {
            (reference, "today")
        } else if caps.name("yesterday").is_some() {
            (reference.map(|r| r.add_days(-1)), "today")
        } else {
            (None, "")
        };
        if let Some(date) = date {
            out.push(DateMention {
                start: whole.start(),
                end: whole.end(),
                date,
                how,
            });
        }
    }
    out
}

/// The first full date written in `text`, if any (used for bylines and datelines).
pub fn parse_date(text: &str) -> Option<Date> {
    find_dates(text, None)
        .into_iter()
        .find(|d| d.how == "absolute")
        .map(|d| d.date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_forms_releases_use() {
        assert_eq!(
            parse_date("Published Dec. 14, 2022").unwrap().to_string(),
            "2022-12-14"
        );
        assert_eq!(
            parse_date("Published 15 July 2024").unwrap().to_string(),
            "2024-07-15"
        );
        assert_eq!(
            parse_date("(August 29, 2021)").unwrap().to_string(),
            "2021-08-29"
        );
        assert_eq!(
            parse_date("Sept. 3, 2023").unwrap().to_string(),
            "2023-09-03"
        );
        assert_eq!(
            parse_date("2024-05-09T10:00:00Z").unwrap().to_string(),
            "2024-05-09"
        );
        assert_eq!(
            parse_date("held May 8-9, 2024").unwrap().to_string(),
            "2024-05-08"
        );
        assert_eq!(parse_date("12.03.2024").unwrap().to_string(), "2024-03-12");
        assert!(parse_date("31.02.2024").is_none());
        assert_eq!(parse_date("1.2.2024").unwrap().to_string(), "2024-02-01");
        // A second number past 12 is the day: the month came first ("04.19.2023").
        assert_eq!(parse_date("04.19.2023").unwrap().to_string(), "2023-04-19");
        assert!(parse_date("13.19.2023").is_none());
        assert!(parse_date("in November").is_none());
        assert!(parse_date("Feb. 30, 2024").is_none());
    }

    #[test]
    fn resolves_partial_and_relative_dates_against_the_release() {
        let r = Date::new(2023, 6, 21).unwrap(); // a Wednesday
        assert_eq!(r.weekday(), 2);
        let found = find_dates("India signed on Wednesday and again on Aug. 25", Some(r));
        assert_eq!(found[0].date.to_string(), "2023-06-21");
        assert_eq!(found[1].date.to_string(), "2023-08-25");
        let jan = Date::new(2024, 1, 3).unwrap();
        assert_eq!(find_dates("on Dec. 28", Some(jan))[0].date.year, 2023);
        assert_eq!(find_dates("today", Some(r))[0].date, r);
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = Date::new(2024, 2, 28).unwrap();
        assert_eq!(d.add_days(1).to_string(), "2024-02-29");
        assert_eq!(d.add_days(2).to_string(), "2024-03-01");
        assert_eq!(d.add_days(-59).to_string(), "2023-12-31");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn dates_found_are_real_days(text in "(\\PC|Jan\\. |Feb |[0-9]{1,4}|, |-|on Monday ){0,80}") {
            for d in find_dates(&text, Date::new(2024, 2, 29)) {
                prop_assert!(Date::new(d.date.year, d.date.month, d.date.day).is_some());
                prop_assert!(d.start < d.end && d.end <= text.len());
            }
        }
    }
}
