//! `maaraika serve`: the local web page and JSON API (see `maaraika::web`).

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use clap::builder::TypedValueParser;
use clap::Args;

use maaraika::error::{Error, Result};
use maaraika::web::{self, AuthProxy, IpNet, PublicUrl, ServeSettings};

const EXAMPLES: &str = "\
Examples:
  maaraika serve                    a free port on 127.0.0.1; the address is printed
  maaraika serve --port 8080 --open
  maaraika serve --max-upload 1GB   for very large lists

  A shared server behind the county's sign-in proxy (nginx, Apache, oauth2-proxy), which
  passes the signed-in user in a header and the Host it was asked for:
  maaraika serve --listen 0.0.0.0 --port 8080 --auth-proxy-header X-Forwarded-User \\
      --auth-proxy-from 10.1.2.3 --public-url https://maaraika.example.fi

  HTTPS without a proxy (PEM files):
  maaraika serve --listen 0.0.0.0 --port 8443 --tls-cert cert.pem --tls-key key.pem --no-login

By default the page and the API answer on this machine only (127.0.0.1). Listening on another
address needs a sign-in route (--auth-proxy-header and --auth-proxy-from) or --no-login. Nothing
is stored: an uploaded list is processed in memory and dropped. The access log (JSON lines on
stderr, or --access-log FILE) holds the time, user, action, status, rows read and duration of
each request, never its data, a file name or an identity code. GET /healthz answers `ok`
without a sign-in; GET /metrics (Prometheus' text format) answers this machine and the proxy's
addresses only. Ctrl-C (or SIGTERM) stops the server: requests under way get 10 seconds to
finish.";

#[derive(Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct ServeArgs {
    /// The port to listen on [default: a free one, printed].
    #[arg(long, value_name = "PORT")]
    port: Option<u16>,
    /// The address to listen on. Anything but 127.0.0.1 or ::1 makes the page reachable from
    /// other machines: that needs --auth-proxy-header (a sign-in) or --no-login.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    listen: IpAddr,
    /// The largest upload taken: `1MB`, `200MB`, `1GB` (binary units; plain bytes too).
    #[arg(long, value_name = "SIZE", value_parser = parse_size, default_value = "256MB")]
    max_upload: u64,
    /// Audits run at once; more wait their turn.
    #[arg(long, value_name = "N", default_value_t = web::DEFAULT_CONCURRENT_AUDITS,
          value_parser = clap::value_parser!(u16).range(1..=1024).map(usize::from))]
    concurrent_audits: usize,
    /// How long one whole request (its headers and its body: an upload) may take, in seconds;
    /// a slower one is cut off and its audit slot freed.
    #[arg(long, value_name = "SECONDS", default_value_t = web::DEFAULT_REQUEST_DEADLINE.as_secs(),
          value_parser = clap::value_parser!(u64).range(1..=86400))]
    request_deadline: u64,
    /// Open the page in the browser once the server is listening.
    #[arg(long)]
    open: bool,
    /// The header in which the county's sign-in proxy names the signed-in user
    /// (`X-Forwarded-User`, `Remote-User`). Requests without it get 401.
    #[arg(long, value_name = "NAME", requires = "auth_proxy_from")]
    auth_proxy_header: Option<String>,
    /// The sign-in proxy's addresses or networks (`10.1.2.3`, `10.1.2.0/24,::1`): requests from
    /// anywhere else get 403.
    #[arg(
        long,
        value_name = "ADDR[,CIDR…]",
        value_delimiter = ',',
        requires = "auth_proxy_header"
    )]
    auth_proxy_from: Vec<IpNet>,
    /// The address users open (`https://maaraika.example.fi`): the only Host and Origin taken
    /// (the health check also answers on this machine); printed at start.
    #[arg(long, value_name = "URL")]
    public_url: Option<PublicUrl>,
    /// Listen beyond this machine without a sign-in, on purpose: a warning at start and on
    /// every page.
    #[arg(long, conflicts_with = "auth_proxy_header")]
    no_login: bool,
    /// The server's certificate (PEM; the chain after it): serve HTTPS, with HSTS.
    #[arg(long, value_name = "FILE", requires = "tls_key")]
    tls_cert: Option<PathBuf>,
    /// The certificate's private key (PEM).
    #[arg(long, value_name = "FILE", requires = "tls_cert")]
    tls_key: Option<PathBuf>,
    /// Append the access log (JSON lines) to this file instead of standard error.
    #[arg(long, value_name = "FILE")]
    access_log: Option<PathBuf>,
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
    let auth_proxy = match args.auth_proxy_header {
        None => None,
        Some(name) => Some(AuthProxy {
            header: name.trim().parse().map_err(|_| {
                Error::Usage(format!(
                    "--auth-proxy-header `{name}` is not a header name: write e.g. \
                     X-Forwarded-User"
                ))
            })?,
            from: args.auth_proxy_from,
        }),
    };
    if let Some(path) = &args.access_log {
        // Named at start, like any output file that cannot be written.
        std::fs::OpenOptions::new()
            .append(true)
            .create(true)
            .open(path)
            .map_err(|source| Error::Write {
                path: path.clone(),
                source,
            })?;
    }
    let tls = match (&args.tls_cert, &args.tls_key) {
        (Some(cert), Some(key)) => Some(web::load_tls(cert, key).map_err(Error::Usage)?),
        _ => None,
    };
    let settings = ServeSettings {
        listen: args.listen,
        port: args.port.unwrap_or(0),
        max_upload: args.max_upload,
        open: args.open,
        concurrent_audits: args.concurrent_audits,
        auth_proxy,
        public_url: args.public_url,
        no_login: args.no_login,
        tls,
        access_log: args.access_log,
        request_deadline: Duration::from_secs(args.request_deadline),
    };
    if let Some(refusal) = settings.refusal() {
        return Err(Error::Usage(refusal));
    }
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
