//! Start dates as people type them.

use jiff::ToSpan as _;
use jiff::civil::Date;

use super::FormError;

/// Reads a date typed as `2025-08-01`, `01-08-2025`, `1.8.2025` or `1/8/2025`, and accepts it
/// from 1970 until a year after `today`.
pub fn parse_date(s: &str, today: Date) -> Result<Date, FormError> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['-', '.', '/']).map(str::trim).collect();
    let nums: Option<Vec<i16>> = parts.iter().map(|p| p.parse::<i16>().ok()).collect();
    let Some(nums) = nums.filter(|n| n.len() == 3) else {
        return Err(FormError::DateUnreadable);
    };
    let (y, m, d) = if parts[0].len() == 4 {
        (nums[0], nums[1], nums[2])
    } else if parts[2].len() == 4 {
        (nums[2], nums[1], nums[0])
    } else {
        return Err(FormError::DateUnreadable);
    };
    let (Ok(m), Ok(d)) = (i8::try_from(m), i8::try_from(d)) else {
        return Err(FormError::DateUnreadable);
    };
    // A month and day in their ranges that still make no date (30 February) do not exist;
    // anything else is not a date at all.
    let date = Date::new(y, m, d).map_err(|_| {
        if (1..=12).contains(&m) && (1..=31).contains(&d) {
            FormError::DateNotExists
        } else {
            FormError::DateUnreadable
        }
    })?;
    let latest = today.checked_add(1.year()).unwrap_or(today);
    if date.year() < 1970 || date > latest {
        return Err(FormError::DateRange);
    }
    Ok(date)
}
