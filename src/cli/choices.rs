//! The library's choices as the command line spells them. The library's types (`Lang`,
//! `EncodingChoice`) know nothing of clap; each has a twin here that derives `ValueEnum` (its
//! names, aliases and the help of each value) and becomes the library's value as it is parsed.

use clap::builder::{EnumValueParser, TypedValueParser};
use clap::ValueEnum;

use maaraika::input::EncodingChoice;
use maaraika::labels::Lang;

/// `--lang`.
#[derive(ValueEnum, Clone, Copy, Debug)]
enum LangArg {
    /// English.
    En,
    /// Finnish (suomi).
    Fi,
    /// Swedish (svenska).
    Sv,
}

/// `--encoding`.
#[derive(ValueEnum, Clone, Copy, Debug)]
enum EncodingArg {
    /// Each field that is valid UTF-8 is UTF-8, any other is Windows-1252.
    Auto,
    /// UTF-8 only: anything else is reported as a row problem.
    #[value(name = "utf-8", alias = "utf8")]
    Utf8,
    /// Windows-1252 (Excel's plain "CSV" on Finnish Windows).
    #[value(name = "windows-1252", alias = "cp1252", alias = "latin1")]
    Windows1252,
}

/// The parser of `--lang`: `en`, `fi` or `sv`, as a [`Lang`].
pub fn lang() -> impl TypedValueParser<Value = Lang> {
    EnumValueParser::<LangArg>::new().map(|lang| match lang {
        LangArg::En => Lang::En,
        LangArg::Fi => Lang::Fi,
        LangArg::Sv => Lang::Sv,
    })
}

/// The parser of `--encoding`: `auto`, `utf-8` or `windows-1252`, as an [`EncodingChoice`].
pub fn encoding() -> impl TypedValueParser<Value = EncodingChoice> {
    EnumValueParser::<EncodingArg>::new().map(|encoding| match encoding {
        EncodingArg::Auto => EncodingChoice::Auto,
        EncodingArg::Utf8 => EncodingChoice::Utf8,
        EncodingArg::Windows1252 => EncodingChoice::Windows1252,
    })
}

#[cfg(test)]
mod tests {
    use clap::{Arg, Command};

    use super::*;

    /// Parses `--NAME TEXT` with `parser`, as the command line would.
    fn parse<T: Clone + Send + Sync + 'static>(
        parser: impl TypedValueParser<Value = T>,
        text: &str,
    ) -> Option<T> {
        let command = Command::new("t").arg(Arg::new("v").long("v").value_parser(parser));
        let matches = command.try_get_matches_from(["t", "--v", text]).ok()?;
        matches.get_one::<T>("v").cloned()
    }

    #[test]
    fn every_spelling_of_encoding_and_lang_is_the_librarys_value() {
        for (text, choice) in [
            ("auto", EncodingChoice::Auto),
            ("utf-8", EncodingChoice::Utf8),
            ("utf8", EncodingChoice::Utf8),
            ("windows-1252", EncodingChoice::Windows1252),
            ("cp1252", EncodingChoice::Windows1252),
            ("latin1", EncodingChoice::Windows1252),
        ] {
            assert_eq!(parse(encoding(), text), Some(choice), "{text}");
        }
        assert_eq!(parse(encoding(), "ascii"), None);
        for (text, want) in [("en", Lang::En), ("fi", Lang::Fi), ("sv", Lang::Sv)] {
            assert_eq!(parse(lang(), text), Some(want), "{text}");
        }
        assert_eq!(parse(lang(), "de"), None);
    }
}
