//! `maaraika serve`: the local web page and JSON API (see `maaraika::web`).

use std::net::IpAddr;

use clap::Args;

use maaraika::error::{Error, Result};
use maaraika::web::{self, Settings};

const EXAMPLES: &str = "\
Examples:
  maaraika serve                    a free port on 127.0.0.1; the address is printed
  maaraika serve --port 8080 --open
  maaraika serve --max-upload 1GB   for very large lists

The page and the API answer on this machine only (127.0.0.1). Nothing is stored: an uploaded
list is processed in memory and dropped. The log on stderr holds the method, path, status and
time of each request, never its data. Ctrl-C (or SIGTERM) stops the server.";

#[derive(Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct ServeArgs {
    /// The port to listen on [default: a free one, printed].
    #[arg(long, value_name = "PORT")]
    port: Option<u16>,
    /// The address to listen on. Anything but 127.0.0.1 or ::1 makes the page reachable from
    /// other machines, without any login.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    listen: IpAddr,
    /// The largest upload taken: `1MB`, `200MB`, `1GB` (binary units; plain bytes too).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "256MB")]
    max_upload: u64,
    /// Open the page in the browser once the server is listening.
    #[arg(long)]
    open: bool,
}

/// Parses a size: `512KB`, `1MB`, `200MB`, `1GB` (powers of 1024, as `--max-upload` documents),
/// or plain bytes.
pub fn parse_size(text: &str) -> std::result::Result<u64, String> {
    let trimmed = text.trim();
    let split = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (digits, unit) = trimmed.split_at(split);
    let number: u64 = digits
        .parse()
        .map_err(|_| format!("`{text}` is not a size: write e.g. 1MB, 200MB or 1GB"))?;
    let shift = match unit.trim().to_ascii_uppercase().as_str() {
        "" | "B" => 0,
        "K" | "KB" | "KIB" => 10,
        "M" | "MB" | "MIB" => 20,
        "G" | "GB" | "GIB" => 30,
        _ => {
            return Err(format!(
                "`{text}` is not a size: write e.g. 1MB, 200MB or 1GB"
            ))
        }
    };
    let size = number
        .checked_mul(1 << shift)
        .ok_or_else(|| format!("`{text}` is too large a size"))?;
    if size == 0 {
        return Err(format!("`{text}`: the upload limit must be above zero"));
    }
    Ok(size)
}

pub fn run(args: ServeArgs) -> Result<u8> {
    let settings = Settings {
        listen: args.listen,
        port: args.port.unwrap_or(0),
        max_upload: args.max_upload,
        open: args.open,
        ..Settings::default()
    };
    web::serve(settings).map_err(Error::from)?;
    Ok(0)
}

#[cfg(test)]
mod tests {
    use super::parse_size;
    use maaraika::web::DEFAULT_MAX_UPLOAD;

    #[test]
    fn the_default_upload_limit_is_the_documented_one() {
        assert_eq!(parse_size("256MB"), Ok(DEFAULT_MAX_UPLOAD));
    }

    #[test]
    fn sizes_read_in_binary_units() {
        assert_eq!(parse_size("1MB"), Ok(1 << 20));
        assert_eq!(parse_size("200MB"), Ok(200 << 20));
        assert_eq!(parse_size("256mb"), Ok(256 << 20));
        assert_eq!(parse_size("1GB"), Ok(1 << 30));
        assert_eq!(parse_size("512KB"), Ok(512 << 10));
        assert_eq!(parse_size("1000"), Ok(1000));
        assert!(parse_size("MB").is_err());
        assert!(parse_size("1TB").is_err());
        assert!(parse_size("0").is_err());
        assert!(parse_size("99999999999999GB").is_err());
    }
}
