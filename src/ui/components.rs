//! Small presentational components: data in, callbacks out.

pub mod banners;
pub mod full_screen;
pub mod lang_switch;
pub mod number_field;
pub mod option_list;
pub mod progress_bar;
pub mod qr_code;
pub mod question_view;
pub mod text_field;
