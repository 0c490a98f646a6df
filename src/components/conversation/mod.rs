//! The conversation views (desk build): "Your requests" ([`requests::RequestsView`]), one
//! request's thread ([`thread::ThreadView`]) with the reply box ([`reply::ReplyBox`]) and the
//! satisfaction question ([`rating::RatingBlock`]), and the row that leads to them from the home
//! view ([`entry::RequestsEntry`], in both builds).

pub mod entry;
#[cfg(feature = "desk")]
pub mod rating;
#[cfg(feature = "desk")]
pub mod reply;
#[cfg(feature = "desk")]
pub mod requests;
#[cfg(feature = "desk")]
pub mod thread;
#[cfg(feature = "desk")]
pub mod time;
