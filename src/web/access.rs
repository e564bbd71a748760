//! Who may use a shared server, and the record of who did: the sign-in route through the
//! county's proxy (`--auth-proxy-header`, `--auth-proxy-from`), the one public address
//! (`--public-url`), and one access-log line per request (time, user, action, status, rows
//! read, duration: never a case's data, a file name or an identity code).

use std::fmt;
use std::io::Write;
use std::net::IpAddr;
use std::sync::atomic::AtomicU64;
use std::sync::{Arc, Mutex};

use axum::http::HeaderName;

/// An address or a network: `192.0.2.10`, `10.0.0.0/8`, `::1`, `2001:db8::/32`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct IpNet {
    address: IpAddr,
    prefix: u8,
}

impl IpNet {
    /// Whether `ip` is in this network (an IPv4 address written as IPv6, `::ffff:a.b.c.d`,
    /// counts as the IPv4 address).
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        match (self.address, ip) {
            (IpAddr::V4(net), IpAddr::V4(ip)) => {
                let mask = u32::MAX
                    .checked_shl(32 - u32::from(self.prefix))
                    .unwrap_or(0);
                u32::from(net) & mask == u32::from(ip) & mask
            }
            (IpAddr::V6(net), IpAddr::V6(ip)) => {
                let mask = u128::MAX
                    .checked_shl(128 - u32::from(self.prefix))
                    .unwrap_or(0);
                u128::from(net) & mask == u128::from(ip) & mask
            }
            _ => false,
        }
    }
}

/// `::ffff:a.b.c.d` as `a.b.c.d`; any other address as it is.
pub fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6
            .to_ipv4_mapped()
            .map(IpAddr::V4)
            .unwrap_or(IpAddr::V6(v6)),
        ip => ip,
    }
}

impl std::str::FromStr for IpNet {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let wrong = || {
            format!(
                "`{text}` is not an address or a network: write e.g. 127.0.0.1, 10.1.2.0/24 or \
                 ::1"
            )
        };
        let (address, prefix) = match text.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (text, None),
        };
        let address = canonical(address.parse::<IpAddr>().map_err(|_| wrong())?);
        let most = if address.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => most,
            Some(prefix) => match prefix.parse::<u8>() {
                Ok(prefix) if prefix <= most => prefix,
                _ => {
                    return Err(format!(
                        "`{text}`: the network's length after `/` must be 0 to {most}"
                    ))
                }
            },
        };
        Ok(IpNet { address, prefix })
    }
}

impl fmt::Display for IpNet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.address, self.prefix)
    }
}

/// The one address the users reach the server at (`--public-url https://maaraika.example.fi`):
/// the only `Host` and `Origin` taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicUrl {
    /// `https` or `http`.
    pub scheme: String,
    /// The host, lower case, with its port unless it is the scheme's default.
    pub authority: String,
    /// The host without the port (`maaraika.example.fi`, `[2001:db8::1]`).
    host: String,
}

impl PublicUrl {
    /// `https://maaraika.example.fi` (no final slash).
    pub fn origin(&self) -> String {
        format!("{}://{}", self.scheme, self.authority)
    }

    /// Whether a `Host` header names this address (the default port may be written or not).
    pub fn is_host(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        let default = if self.scheme == "https" { 443 } else { 80 };
        host == self.authority || host == format!("{}:{default}", self.host)
    }

    /// Whether an `Origin` header names this address.
    pub fn is_origin(&self, origin: &str) -> bool {
        let origin = origin.trim().to_ascii_lowercase();
        match origin.split_once("://") {
            Some((scheme, host)) => scheme == self.scheme && self.is_host(host),
            None => false,
        }
    }
}

impl std::str::FromStr for PublicUrl {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let wrong = |why: &str| {
            format!(
                "`{text}` is not a public address: {why}; write e.g. https://maaraika.example.fi"
            )
        };
        let lower = text.trim().to_ascii_lowercase();
        let (scheme, rest) = lower
            .split_once("://")
            .ok_or_else(|| wrong("it has no scheme"))?;
        if scheme != "https" && scheme != "http" {
            return Err(wrong("the scheme must be https or http"));
        }
        let authority = rest.strip_suffix('/').unwrap_or(rest);
        if authority.contains(['/', '?', '#', '@']) {
            return Err(wrong(
                "the server answers at the root of its address: no path, query or user",
            ));
        }
        let (host, port) = match authority.rsplit_once(':') {
            Some((host, port)) if !port.contains(']') => {
                let port: u16 = port
                    .parse()
                    .map_err(|_| wrong("its port is not a number"))?;
                (host, Some(port))
            }
            _ => (authority, None),
        };
        let valid_name = !host.is_empty()
            && host
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
        let valid_ip6 = host
            .strip_prefix('[')
            .and_then(|h| h.strip_suffix(']'))
            .is_some_and(|h| h.parse::<std::net::Ipv6Addr>().is_ok());
        if !valid_name && !valid_ip6 {
            return Err(wrong("its host is not a name or an address"));
        }
        let default = if scheme == "https" { 443 } else { 80 };
        let authority = match port {
            Some(port) if port != default => format!("{host}:{port}"),
            _ => host.to_string(),
        };
        Ok(PublicUrl {
            scheme: scheme.to_string(),
            authority,
            host: host.to_string(),
        })
    }
}

impl fmt::Display for PublicUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/", self.origin())
    }
}

/// The sign-in route: the header the county's proxy puts the signed-in user in, and the
/// addresses of that proxy.
#[derive(Clone, Debug)]
pub struct AuthProxy {
    /// The header that names the signed-in user (`X-Forwarded-User`, `Remote-User`).
    pub header: HeaderName,
    /// The proxy's addresses and networks.
    pub from: Vec<IpNet>,
}

impl AuthProxy {
    /// Whether a request from `ip` comes through the proxy.
    pub fn trusts(&self, ip: IpAddr) -> bool {
        self.from.iter().any(|net| net.contains(ip))
    }
}

/// The address a connection comes from, put on each of its requests.
#[derive(Clone, Copy, Debug)]
pub struct Peer(pub IpAddr);

/// Rows read by the request (an audit), for the access log and the metrics.
#[derive(Clone, Default, Debug)]
pub struct RowCount(pub Arc<AtomicU64>);

tokio::task_local! {
    /// The row count of the request being handled: an upload made while handling it counts
    /// its rows there (`stream::UploadFailure`).
    pub static ROWS: RowCount;
}

/// The row count of the request being handled, if any.
pub fn current_rows() -> Option<RowCount> {
    ROWS.try_with(RowCount::clone).ok()
}

/// Where access-log lines go: standard error, or the file of `--access-log`.
pub enum AccessLog {
    Stderr,
    File(Mutex<std::fs::File>),
}

impl AccessLog {
    pub(super) fn write(&self, line: &str) {
        match self {
            AccessLog::Stderr => {
                let _ = writeln!(std::io::stderr().lock(), "{line}");
            }
            AccessLog::File(file) => {
                if let Ok(mut file) = file.lock() {
                    let _ = writeln!(file, "{line}");
                }
            }
        }
    }
}

/// `%59` as `Y`: a path is decoded before it is redacted, so that an encoded identity code is
/// found. Bytes that do not decode to UTF-8 become `?`.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (bytes[i], bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&h), Some(&l)) if hex(h).is_some() && hex(l).is_some() => {
                out.push((hex(h).unwrap_or(0) * 16 + hex(l).unwrap_or(0)) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).replace('\u{FFFD}', "?")
}

/// A path as the log shows it: decoded, identity codes redacted (also through hidden
/// characters), control characters as `?`, at most 100 characters.
pub fn logged_path(path: &str) -> String {
    let decoded = percent_decode(path);
    crate::text::shown(&decoded, false)
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .take(100)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_network_holds_its_addresses_and_no_others() {
        let net: IpNet = "10.1.2.0/24".parse().unwrap();
        assert!(net.contains("10.1.2.77".parse().unwrap()));
        assert!(net.contains("::ffff:10.1.2.77".parse().unwrap()));
        assert!(!net.contains("10.1.3.1".parse().unwrap()));
        let one: IpNet = "127.0.0.1".parse().unwrap();
        assert!(one.contains("127.0.0.1".parse().unwrap()));
        assert!(!one.contains("127.0.0.2".parse().unwrap()));
        let v6: IpNet = "2001:db8::/32".parse().unwrap();
        assert!(v6.contains("2001:db8:1::5".parse().unwrap()));
        assert!(!v6.contains("2001:db9::5".parse().unwrap()));
        let all: IpNet = "0.0.0.0/0".parse().unwrap();
        assert!(all.contains("192.0.2.1".parse().unwrap()));
        assert!("10.0.0.0/33".parse::<IpNet>().is_err());
        assert!("proxy.example".parse::<IpNet>().is_err());
    }

    #[test]
    fn the_public_address_is_the_only_host_and_origin() {
        let url: PublicUrl = "https://Maaraika.Example.fi/".parse().unwrap();
        assert_eq!(url.origin(), "https://maaraika.example.fi");
        assert!(url.is_host("maaraika.example.fi"));
        assert!(url.is_host("maaraika.example.fi:443"));
        assert!(!url.is_host("maaraika.example.fi:8443"));
        assert!(!url.is_host("evil.example"));
        assert!(url.is_origin("https://maaraika.example.fi"));
        assert!(!url.is_origin("http://maaraika.example.fi"));
        let port: PublicUrl = "http://[::1]:8080".parse().unwrap();
        assert!(port.is_host("[::1]:8080"));
        assert!(!port.is_host("[::1]"));
        for wrong in [
            "maaraika.example.fi",
            "ftp://x.example",
            "https://x.example/app",
            "https://user@x.example",
            "https://",
            "https://x.example:port",
        ] {
            assert!(wrong.parse::<PublicUrl>().is_err(), "{wrong}");
        }
    }

    #[test]
    fn a_logged_path_is_decoded_before_an_identity_code_is_redacted() {
        let logged = logged_path("/api/calendar/010594%59903%32");
        assert!(
            !logged.contains("9032") && !logged.contains("010594"),
            "{logged}"
        );
        assert!(logged.contains("[henkilötunnus]"), "{logged}");
        assert_eq!(logged_path("/a%0Ab"), "/a?b");
    }
}
