//! The conversation views (desk build): "Your requests" ([`requests::RequestsView`]), one
//! request's thread ([`thread::ThreadView`]) with the reply box ([`reply::ReplyBox`]) and the
//! satisfaction question ([`rating::RatingBlock`]), and the row that leads to them from the home
//! view ([`entry::RequestsEntry`]). All in the desk build.

pub mod entry;
pub mod rating;
pub mod reply;
pub mod requests;
pub mod thread;
pub mod time;
