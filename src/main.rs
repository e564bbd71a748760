//! The `maaraika` command: see `maaraika --help` and the README.

fn main() -> std::process::ExitCode {
    maaraika::cli::run()
}
