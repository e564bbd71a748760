//! The library's layers are true (DESIGN.md, "The layers, bottom up"): no two source files use
//! each other, so that each module can be read, tested and changed knowing only the ones below
//! it; and no two public types share a name, so that a name says which type it is without its
//! import. Read from `src/` as text, the code before each file's `#[cfg(test)]`: a use is any
//! path that names another module (`crate::a::b`, `crate::{a, b::c}`, `super::x`), doc links
//! included, since a doc link to a module above is the same dependency said in words.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// `src/report/csv.rs` is `report::csv`; `src/web/mod.rs` is `web`; `src/lib.rs` is the root.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap().with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts.join("::")
}

/// The code of a file before its tests.
fn library_code(text: &str) -> &str {
    text.find("#[cfg(test)]").map_or(text, |at| &text[..at])
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The path that starts at `text`: identifiers joined by `::`.
fn path_at(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text;
    loop {
        let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        parts.push(&rest[..end]);
        match rest[end..].strip_prefix("::") {
            Some(after) if after.starts_with(is_ident) => rest = after,
            _ => break,
        }
    }
    parts
}

/// The longest start of `path` that is a module.
fn resolve(modules: &BTreeSet<String>, path: &[&str]) -> Option<String> {
    (1..=path.len())
        .rev()
        .map(|n| path[..n].join("::"))
        .find(|m| modules.contains(m))
}

/// The modules `code` (of module `module`) names.
fn uses(modules: &BTreeSet<String>, module: &str, code: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let parent = module.rsplit_once("::").map_or("", |(p, _)| p);
    let mut add = |path: Vec<&str>| {
        if let Some(m) = resolve(modules, &path) {
            if m != module {
                found.insert(m);
            }
        }
    };
    for (at, _) in code.match_indices("crate::") {
        let after = &code[at + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            // `crate::{a, b::c}`: each path of the group.
            let group = &group[..group.find("};").unwrap_or(group.len())];
            let mut rest = group;
            while let Some(start) = rest.find(is_ident) {
                let path = path_at(&rest[start..]);
                let len: usize = path.iter().map(|p| p.len() + 2).sum::<usize>() - 2;
                add(path);
                rest = &rest[start + len..];
            }
        } else {
            add(path_at(after));
        }
    }
    for (at, _) in code.match_indices("super::") {
        let mut path: Vec<&str> = parent.split("::").filter(|p| !p.is_empty()).collect();
        path.extend(path_at(&code[at + "super::".len()..]));
        add(path);
    }
    found
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_two_library_files_use_each_other() {
    let src = src();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let modules: BTreeSet<String> = files.iter().map(|f| module_of(&src, f)).collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let module = module_of(&src, file);
        let text = std::fs::read_to_string(file).unwrap();
        graph.insert(module.clone(), uses(&modules, &module, library_code(&text)));
    }
    let mut pairs = Vec::new();
    for (a, used) in &graph {
        for b in used {
            if a < b && graph.get(b).is_some_and(|back| back.contains(a)) {
                pairs.push(format!("{a} <-> {b}"));
            }
        }
    }
    assert!(
        pairs.is_empty(),
        "these modules use each other; move what both need into a module below them: {pairs:#?}"
    );
}

#[test]
fn the_check_sees_a_use_in_each_form() {
    let modules: BTreeSet<String> = ["a", "b", "b::c", "d"].map(String::from).into();
    let code = "use crate::{a::X, b::c::{Y, Z}};\n/// [`crate::d::W`]\nfn f() { super::a::g() }";
    let found = uses(&modules, "b::c", code);
    assert_eq!(found, ["a", "b", "d"].map(String::from).into());
    let found = uses(&modules, "d", "use crate::b::c::Y;");
    assert_eq!(found, ["b::c"].map(String::from).into());
}

#[test]
fn no_two_public_types_share_a_name() {
    let src = src();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut seen: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        for line in text.lines() {
            let line = line.trim_start();
            for kind in ["pub struct ", "pub enum ", "pub type ", "pub trait "] {
                if let Some(rest) = line.strip_prefix(kind) {
                    let name: String = rest.chars().take_while(|&c| is_ident(c)).collect();
                    if name.starts_with(|c: char| c.is_ascii_uppercase()) {
                        seen.entry(name).or_default().push(module_of(&src, file));
                    }
                }
            }
        }
    }
    let repeated: Vec<_> = seen.iter().filter(|(_, where_)| where_.len() > 1).collect();
    assert!(
        repeated.is_empty(),
        "public types with the same name: give each a name of its own: {repeated:#?}"
    );
}
