//! The `koban` binary: see [`koban_server::cli`].

fn main() -> std::process::ExitCode {
    koban_server::cli::main()
}
