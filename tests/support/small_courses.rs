//! The small synthetic course set the report's tests run on (an onboarding module and one
//! refresher, banks of six questions, four drawn), so that figures do not move when the
//! bundled courses change. Included with `#[path]` by the test crates that use it.

use bevidst::course::CourseSet;
use bevidst::simulate::courses::{Shape, synthetic_courses};

/// The course set.
pub fn courses() -> CourseSet {
    synthetic_courses(Shape {
        refreshers: 1,
        bank: 6,
        draw: 4,
    })
    .expect("valid synthetic courses")
}
