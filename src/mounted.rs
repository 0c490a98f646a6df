//! A mounted widget ([`Mounted`]): its state and what must be undone on shutdown. Apart from
//! `crate::mount`, which makes one, so that what holds one (the bridge, the first build's
//! `crate::stage`) does not import the view that `mount` mounts.

use std::any::Any;

use leptos::prelude::*;

#[cfg(feature = "desk")]
use crate::flow::FlowDesk;
use crate::state::WidgetState;
#[cfg(feature = "desk")]
use crate::ticket::TicketDesk;

/// A mounted widget: its state and what must be undone on shutdown.
pub struct Mounted {
    /// Shared reactive state.
    pub state: WidgetState,
    /// The ticket being written or sent.
    #[cfg(feature = "desk")]
    pub desk: TicketDesk,
    /// The guided flow being run (or left unfinished) and the host's checks.
    #[cfg(feature = "desk")]
    pub flows: FlowDesk,
    /// The requests followed here and their reply boxes.
    #[cfg(feature = "desk")]
    pub talks: crate::conversation::Conversations,
    pub(crate) root: web_sys::HtmlElement,
    pub(crate) handle: Box<dyn Any>,
    pub(crate) listeners: Vec<WindowListenerHandle>,
}

impl Mounted {
    /// Unmounts the view and clears the render root.
    pub fn unmount(self) {
        for l in self.listeners {
            l.remove();
        }
        #[cfg(feature = "desk")]
        self.desk.save_now();
        drop(self.handle);
        self.root.set_text_content(None);
    }
}
