//! The `spacekg` command: parse flags, run, turn errors into exit codes.

fn main() {
    match cli::run() {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                std::process::exit(0);
            }
            eprintln!("spacekg: error: {e:#}");
            std::process::exit(2);
        }
    }
}

mod cli;
