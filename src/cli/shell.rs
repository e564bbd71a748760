//! `maaraika completions SHELL` and `maaraika man`: shell completions and the manual page, made
//! from the same clap definitions as `--help`, so they can never disagree with the program.

use std::io::Write;

use clap::{Args, CommandFactory};

use super::Cli;
use maaraika::error::{Error, Result};

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to write completions for.
    #[arg(value_enum, value_name = "SHELL")]
    shell: clap_complete::Shell,
}

pub fn completions(args: CompletionsArgs, out: &mut dyn Write) -> Result<u8> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "maaraika", out);
    Ok(0)
}

#[derive(Args, Debug)]
pub struct ManArgs {
    /// A command whose own page to write (`maaraika man audit` is maaraika-audit(1)); without it,
    /// the page of maaraika itself, which lists the commands.
    #[arg(value_name = "COMMAND")]
    command: Option<String>,
}

pub fn man(args: ManArgs, out: &mut dyn Write) -> Result<u8> {
    let mut command = Cli::command();
    command.build();
    let man = match &args.command {
        None => clap_mangen::Man::new(command),
        Some(name) => {
            let names: Vec<String> = command
                .get_subcommands()
                .filter(|c| !c.is_hide_set())
                .map(|c| c.get_name().to_string())
                .collect();
            let Some(sub) = command.find_subcommand(name) else {
                let lang = super::message_lang();
                return Err(Error::Usage(lang.fill(
                    maaraika::labels::Label::UseNoSuchCommand,
                    &[name, &names.join(", ")],
                )));
            };
            clap_mangen::Man::new(sub.clone().version(env!("CARGO_PKG_VERSION")))
                .title(format!("maaraika-{}", sub.get_name()))
        }
    };
    man.render(out)?;
    Ok(0)
}
