//! The `maaraika` command: see `maaraika --help` and the README. The command line is this
//! binary's own (`src/cli/`): it parses arguments and prints what the library hands back.

mod cli;

fn main() -> std::process::ExitCode {
    // Workbooks are read by calamine in child processes of this program: a process started as
    // one reads and ends here (see `maaraika::input::sandbox`).
    maaraika::input::sandbox::init();
    cli::run()
}

/// Runs before `main`, and before the Rust runtime replaces a closed standard output with
/// `/dev/null` (see `cli::note_closed_stdout`).
#[cfg(target_os = "linux")]
#[used]
#[link_section = ".init_array"]
static NOTE_CLOSED_STDOUT: extern "C" fn() = {
    extern "C" fn note() {
        cli::note_closed_stdout();
    }
    note
};
