//! Small presentational components: data in, callbacks out.

pub mod banners;
pub mod choice_field;
pub mod choices_field;
pub mod lang_switch;
pub mod matrix_field;
pub mod number_field;
pub mod progress_bar;
pub mod question_view;
pub mod text_field;
