//! A minimal SMTP sink for the email delivery tests.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A minimal SMTP server: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT. Keeps each message
/// (dot-unstuffed) and can refuse the first ones with a transient `451`.
pub struct Sink {
    /// Where it listens.
    pub addr: SocketAddr,
    /// The messages accepted.
    pub messages: Arc<Mutex<Vec<String>>>,
    /// How many messages were refused.
    pub refused: Arc<AtomicUsize>,
    /// The messages refused, in order.
    pub refused_messages: Arc<Mutex<Vec<String>>>,
}

/// A sink on a free port that refuses the first `fail_first` messages.
pub async fn sink(fail_first: usize) -> Sink {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let messages = Arc::new(Mutex::new(Vec::new()));
    let fail = Arc::new(AtomicUsize::new(fail_first));
    let refused = Arc::new(AtomicUsize::new(0));
    let refused_messages = Arc::new(Mutex::new(Vec::new()));
    let (m, f, r, rm) = (
        messages.clone(),
        fail.clone(),
        refused.clone(),
        refused_messages.clone(),
    );
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let (m, f, r, rm) = (m.clone(), f.clone(), r.clone(), rm.clone());
            tokio::spawn(async move {
                let _ = smtp_session(socket, m, f, r, rm).await;
            });
        }
    });
    Sink {
        addr,
        messages,
        refused,
        refused_messages,
    }
}

async fn smtp_session(
    socket: tokio::net::TcpStream,
    messages: Arc<Mutex<Vec<String>>>,
    fail: Arc<AtomicUsize>,
    refused: Arc<AtomicUsize>,
    refused_messages: Arc<Mutex<Vec<String>>>,
) -> std::io::Result<()> {
    let (read, mut write) = socket.into_split();
    let mut read = BufReader::new(read);
    write.write_all(b"220 sink ESMTP ready\r\n").await?;
    let mut line = String::new();
    loop {
        line.clear();
        if read.read_line(&mut line).await? == 0 {
            return Ok(());
        }
        let verb = line
            .split_whitespace()
            .next()
            .unwrap_or("")
            .to_ascii_uppercase();
        let reply: &[u8] = match verb.as_str() {
            "EHLO" => b"250-sink\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n",
            "HELO" | "MAIL" | "RCPT" | "RSET" | "NOOP" => b"250 OK\r\n",
            "DATA" => {
                write.write_all(b"354 end with <CRLF>.<CRLF>\r\n").await?;
                let mut message = String::new();
                loop {
                    line.clear();
                    if read.read_line(&mut line).await? == 0 {
                        return Ok(());
                    }
                    if line == ".\r\n" {
                        break;
                    }
                    message.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                if fail
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                    .is_ok()
                {
                    refused.fetch_add(1, Ordering::SeqCst);
                    refused_messages.lock().unwrap().push(message);
                    b"451 4.3.0 try again later\r\n"
                } else {
                    messages.lock().unwrap().push(message);
                    b"250 2.0.0 queued\r\n"
                }
            }
            "QUIT" => {
                write.write_all(b"221 bye\r\n").await?;
                return Ok(());
            }
            _ => b"502 5.5.2 command not recognized\r\n",
        };
        write.write_all(reply).await?;
    }
}
