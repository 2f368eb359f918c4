//! Spelling in the window: the state kept between frames, the checks and commands run on
//! the window's behalf, and the underlines and word menu drawn in the fields.

pub(in crate::app) mod actions;
pub(in crate::app) mod marks;
pub(in crate::app) mod state;
