//! Typed lengths. Everything in layout is measured in points (1/72 inch).

use serde::{Deserialize, Serialize};
use std::ops::{Add, AddAssign, Div, Mul, Neg, Sub, SubAssign};

/// A length in PostScript points (1/72 inch).
#[derive(Debug, Clone, Copy, Default, PartialEq, PartialOrd, Serialize, Deserialize)]
pub struct Pt(pub f32);

impl Pt {
    /// Zero length.
    pub const ZERO: Pt = Pt(0.0);

    /// Converts millimetres to points.
    pub fn mm(mm: f32) -> Pt {
        Pt(mm * 72.0 / 25.4)
    }

    /// The length in millimetres.
    pub fn to_mm(self) -> f32 {
        self.0 * 25.4 / 72.0
    }

    /// The larger of two lengths.
    pub fn max(self, other: Pt) -> Pt {
        Pt(self.0.max(other.0))
    }

    /// The smaller of two lengths.
    pub fn min(self, other: Pt) -> Pt {
        Pt(self.0.min(other.0))
    }
}

impl Add for Pt {
    type Output = Pt;
    fn add(self, rhs: Pt) -> Pt {
        Pt(self.0 + rhs.0)
    }
}
impl AddAssign for Pt {
    fn add_assign(&mut self, rhs: Pt) {
        self.0 += rhs.0;
    }
}
impl Sub for Pt {
    type Output = Pt;
    fn sub(self, rhs: Pt) -> Pt {
        Pt(self.0 - rhs.0)
    }
}
impl SubAssign for Pt {
    fn sub_assign(&mut self, rhs: Pt) {
        self.0 -= rhs.0;
    }
}
impl Mul<f32> for Pt {
    type Output = Pt;
    fn mul(self, rhs: f32) -> Pt {
        Pt(self.0 * rhs)
    }
}
impl Div<f32> for Pt {
    type Output = Pt;
    fn div(self, rhs: f32) -> Pt {
        Pt(self.0 / rhs)
    }
}
impl Neg for Pt {
    type Output = Pt;
    fn neg(self) -> Pt {
        Pt(-self.0)
    }
}

/// A position on a page, from the top-left corner.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub x: Pt,
    pub y: Pt,
}

impl Point {
    /// A point at `x`, `y`.
    pub fn new(x: Pt, y: Pt) -> Point {
        Point { x, y }
    }
}

/// A width and height.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
pub struct Size {
    pub width: Pt,
    pub height: Pt,
}
