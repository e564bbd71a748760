//! `serve --tls-cert FILE --tls-key FILE`: HTTPS without a proxy (rustls, PEM files). Every
//! problem with the files is named at start, with the file and what is wrong.

use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, PrivateKeyDer};

/// The server's TLS settings, read from the two files.
#[derive(Clone)]
pub struct Tls(pub(crate) Arc<rustls::ServerConfig>);

impl std::fmt::Debug for Tls {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Tls")
    }
}

/// Reads a certificate chain and its private key (PEM) and checks that they belong together.
pub fn load(cert: &Path, key: &Path) -> Result<Tls, String> {
    let named =
        |path: &Path, why: String| format!("--tls-cert/--tls-key: {}: {why}", path.display());
    let cert_text = read(cert).map_err(|why| named(cert, why))?;
    let key_text = read(key).map_err(|why| named(key, why))?;
    let chain: Vec<CertificateDer<'static>> = CertificateDer::pem_slice_iter(&cert_text)
        .collect::<Result<_, _>>()
        .map_err(|e| named(cert, format!("the certificate cannot be read as PEM ({e})")))?;
    if chain.is_empty() {
        return Err(named(
            cert,
            "no certificate in it: give the PEM file that holds `-----BEGIN CERTIFICATE-----` \
             (the server's certificate first, then its chain)"
                .into(),
        ));
    }
    let private = PrivateKeyDer::from_pem_slice(&key_text).map_err(|e| {
        named(
            key,
            match e {
                rustls::pki_types::pem::Error::NoItemsFound => {
                    "no private key in it: give the PEM file that holds `-----BEGIN PRIVATE \
                     KEY-----` (or an RSA or EC private key)"
                        .to_string()
                }
                e => format!("the private key cannot be read as PEM ({e})"),
            },
        )
    })?;
    // ring: builds with a C compiler only (aws-lc-rs needs cmake). rustls 0.23.48 marks it
    // deprecated for lacking post-quantum key exchange; the classical suites it has are the
    // ones browsers and nginx speak today.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| format!("--tls-cert: {e}"))?
        .with_no_client_auth()
        .with_single_cert(chain, private)
        .map_err(|e| {
            format!(
                "--tls-cert {} and --tls-key {}: {}",
                cert.display(),
                key.display(),
                match e {
                    rustls::Error::InconsistentKeys(_) => {
                        "the private key does not belong to the certificate".to_string()
                    }
                    e => format!("the certificate or the key cannot be used ({e})"),
                }
            )
        })?;
    let mut config = config;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Tls(Arc::new(config)))
}

fn read(path: &Path) -> Result<Vec<u8>, String> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_string(),
        std::io::ErrorKind::PermissionDenied => {
            "permission denied: the server's user must be able to read it".to_string()
        }
        _ => e.to_string(),
    })?;
    if bytes.is_empty() {
        return Err("the file is empty".into());
    }
    Ok(bytes)
}
