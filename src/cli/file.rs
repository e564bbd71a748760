//! The files a command writes (`--output`, `--errors`), kept from harm in one place.
//!
//! - Before a case list is read, each file to write is checked against it and against the
//!   other ([`check_targets`]): neither may be the case list itself, by whatever name (a
//!   symbolic or hard link, `dir/../`, standard input redirected from it), nor may both name
//!   the same file. Files are compared by device and inode, not by how their paths read; a
//!   symbolic link to no file yet as the file it names ([`link_target`]). Standard output may
//!   not be the case list either, nor standard error any file the command is given
//!   ([`stderr_is_a_given_file`], asked before anything is written).
//! - An existing file is replaced only if the user may write it, as the shell's `> FILE` would
//!   allow, and never when no one may write it (`chmod 444`), even by root. A symbolic link
//!   owned by another user in a folder everyone may write to (like `/tmp`) is not followed:
//!   it could point anywhere (the Linux kernel's `protected_symlinks` rule).
//! - Each file is written under a temporary name beside its place and renamed into place only
//!   when complete ([`AtomicFile`]); the replaced file's permissions and owner carry over, a
//!   new file is readable by its owner only.
//! - On Ctrl-C, SIGTERM or SIGHUP the temporary files are removed and the process ends with
//!   128 + the signal's number; the earlier files stay as they were.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use maaraika::error::{Error, FileWriteError, Result};
use maaraika::labels::Label;

/// Checks the files a case-list command will write, before the case list `input` is read
/// (see the module's header). `output: None` means standard output.
pub fn check_targets(input: &Path, output: Option<&Path>, errors: Option<&Path>) -> Result<()> {
    let lang = super::message_lang();
    let from_stdin = input == Path::new("-");
    let input_id = if from_stdin {
        stream_identity(io::stdin())
    } else {
        fs::metadata(input).ok().as_ref().and_then(identity)
    };
    if output.is_some() || errors.is_some() {
        // From the start, so that a run writing files always ends the same way on a signal.
        temporary::watch_signals();
    }
    let mut named: Vec<(&str, &Path, Identity)> = Vec::new();
    for (flag, path) in [("--output", output), ("--errors", errors)] {
        let Some(path) = path else { continue };
        let target = Resolved::new(path)?;
        let Some(id) = target.identity() else {
            continue;
        };
        let shown = path.display().to_string();
        if input_id.as_ref() == Some(&id) {
            return Err(Error::Usage(if from_stdin {
                lang.fill(Label::UseOutputIsStdin, &[flag, &shown])
            } else {
                let input = input.display().to_string();
                lang.fill(Label::UseOutputIsInput, &[flag, &shown, &input])
            }));
        }
        if let Some((other, other_path, _)) = named.iter().find(|(_, _, seen)| *seen == id) {
            let other_path = other_path.display().to_string();
            return Err(Error::Usage(
                lang.fill(Label::UseSameFile, &[other, &other_path, flag, &shown]),
            ));
        }
        target.check_writable(path)?;
        named.push((flag, path, id));
    }
    if output.is_none() {
        if super::stdout_closed() {
            return Err(Error::Output(super::closed_stdout_error()));
        }
        if input_id.is_some() && stream_identity(io::stdout()) == input_id {
            let input = input.display().to_string();
            return Err(Error::Usage(lang.fill(Label::UseStdoutIsInput, &[&input])));
        }
    }
    Ok(())
}

/// Whether standard error of a case-list command (`audit`, `overdue`, `summary`, `thl`) is a
/// file it is given, as the case list or any other file on the command line (`maaraika audit
/// cases.csv 2>> cases.csv`; `2<> cases.csv` would even write over its first lines), or the
/// file standard input reads (`- < cases.csv 2>> cases.csv`). Asked before anything is
/// written, as standard output is in [`check_targets`] and compared the same way (by device
/// and inode): such a run is refused, and the refusal cannot be written there either. Other
/// commands may share a file with standard error (`serve --access-log FILE 2>> FILE`).
pub fn stderr_is_a_given_file() -> bool {
    const LIST_COMMANDS: [&str; 4] = ["audit", "overdue", "summary", "thl"];
    let command = std::env::args_os().nth(1);
    if !command.is_some_and(|c| LIST_COMMANDS.iter().any(|name| c == *name)) {
        return false;
    }
    let Some(stderr) = stream_identity(io::stderr()) else {
        return false;
    };
    let is_stderr =
        |path: &Path| fs::metadata(path).ok().as_ref().and_then(identity).as_ref() == Some(&stderr);
    stream_identity(io::stdin()).as_ref() == Some(&stderr)
        || std::env::args_os()
            .skip(1)
            .any(|arg| named_paths(&arg).iter().any(|path| is_stderr(path)))
}

/// The paths an argument may name: itself, the value of `--flag=FILE`, of `-oFILE`.
#[cfg(unix)]
fn named_paths(arg: &std::ffi::OsStr) -> Vec<&Path> {
    use std::os::unix::ffi::OsStrExt;
    let bytes = arg.as_bytes();
    let path = |bytes| Path::new(std::ffi::OsStr::from_bytes(bytes));
    let mut paths = vec![path(bytes)];
    if let Some(flag) = bytes.strip_prefix(b"--") {
        if let Some(at) = flag.iter().position(|&b| b == b'=') {
            paths.push(path(&flag[at + 1..]));
        }
    } else if bytes.len() > 2 && bytes[0] == b'-' {
        paths.push(path(&bytes[2..]));
    }
    paths
}

#[cfg(not(unix))]
fn named_paths(arg: &std::ffi::OsStr) -> Vec<&Path> {
    vec![Path::new(arg)]
}

/// What makes two names one file: an existing regular file's device and inode, or for a file
/// still to be created, its folder's canonical path and its name.
#[derive(Debug, PartialEq, Eq)]
enum Identity {
    File { dev: u64, ino: u64 },
    New(PathBuf),
}

#[cfg(unix)]
fn identity(meta: &fs::Metadata) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    meta.is_file().then(|| Identity::File {
        dev: meta.dev(),
        ino: meta.ino(),
    })
}

#[cfg(not(unix))]
fn identity(_: &fs::Metadata) -> Option<Identity> {
    None
}

/// The file a standard stream reads or writes, if it is a regular file (`- < cases.csv`,
/// `>> cases.csv`).
#[cfg(unix)]
fn stream_identity(stream: impl std::os::fd::AsFd) -> Option<Identity> {
    let fd = stream.as_fd().try_clone_to_owned().ok()?;
    identity(&fs::File::from(fd).metadata().ok()?)
}

#[cfg(not(unix))]
fn stream_identity<T>(_: T) -> Option<Identity> {
    None
}

/// A path to write, checked, and the file it leads to.
struct Resolved {
    /// Where the file goes: the path given, or the file a symbolic link points to.
    path: PathBuf,
    kind: Kind,
}

enum Kind {
    /// No file there yet.
    New,
    /// A regular file, to be replaced.
    Existing(fs::Metadata),
    /// A device or pipe (`/dev/stdout`, `/dev/null`, a FIFO): written directly.
    Special,
}

impl Resolved {
    /// Resolves `path`, refusing a folder and a path through another user's link in a shared
    /// folder (see [`through_foreign_symlink`]).
    fn new(path: &Path) -> Result<Resolved> {
        let refused = |reason: Label| Error::Refused {
            path: path.to_path_buf(),
            reason,
        };
        if through_foreign_symlink(path) {
            return Err(refused(Label::ErrForeignLink));
        }
        if path.is_dir() {
            return Err(refused(Label::ErrOutputIsFolder));
        }
        let Some(target) = link_target(path) else {
            return Err(refused(Label::ErrLinkLoop));
        };
        let kind = match fs::metadata(&target) {
            Ok(meta) if meta.is_file() => Kind::Existing(meta),
            Ok(_) => Kind::Special,
            Err(_) => Kind::New,
        };
        Ok(Resolved { path: target, kind })
    }

    /// Refuses an existing file the user may not replace; `given` is the path as given.
    fn check_writable(&self, given: &Path) -> Result<()> {
        let Kind::Existing(meta) = &self.kind else {
            return Ok(());
        };
        let refused = |reason: Label| Error::Refused {
            path: given.to_path_buf(),
            reason,
        };
        if meta.permissions().readonly() {
            return Err(refused(Label::ErrReadOnlyFile));
        }
        #[cfg(target_os = "linux")]
        {
            use rustix::fs::{accessat, Access, AtFlags, CWD};
            use rustix::io::Errno;
            use std::os::unix::fs::MetadataExt;
            let denied = refused(Label::ErrNotYourFile);
            match accessat(CWD, &self.path, Access::WRITE_OK, AtFlags::empty()) {
                Err(Errno::ACCESS | Errno::PERM) => return Err(denied),
                Err(Errno::ROFS) => return Err(refused(Label::ErrReadOnlyDisk)),
                _ => {}
            }
            // In a sticky folder (like /tmp) only a file's owner, the folder's owner or root
            // may replace it, whoever may write it.
            let user = rustix::process::geteuid().as_raw();
            if let Ok(folder) = fs::metadata(self.folder()) {
                let sticky = folder.mode() & 0o1000 != 0;
                if sticky && user != 0 && meta.uid() != user && folder.uid() != user {
                    return Err(denied);
                }
            }
        }
        Ok(())
    }

    /// The folder the file goes in.
    fn folder(&self) -> &Path {
        folder_of(&self.path)
    }

    fn identity(&self) -> Option<Identity> {
        match &self.kind {
            Kind::Existing(meta) => identity(meta),
            Kind::Special => None,
            Kind::New => {
                let folder = fs::canonicalize(self.folder()).ok()?;
                Some(Identity::New(folder.join(self.path.file_name()?)))
            }
        }
    }
}

/// Where `path` leads: the path itself, or for a symbolic link the file it points to, followed
/// link by link (up to 40, as the kernel does) to an existing file, or to the name a new file
/// gets: a link to no file yet (a dangling link) is followed as the shell's `> link` would, its
/// target created and the link kept. `None` for a loop of links.
fn link_target(path: &Path) -> Option<PathBuf> {
    let mut at = path.to_path_buf();
    for _ in 0..=40 {
        match fs::symlink_metadata(&at) {
            Ok(meta) if meta.file_type().is_symlink() => {
                // Relative to the link's folder (`join` keeps an absolute target as it is);
                // `..` in it is left for the kernel, which resolves it after the folder.
                let to = fs::read_link(&at).ok()?;
                at = folder_of(&at).join(to);
            }
            _ if at == path => return Some(at),
            _ => return Some(fs::canonicalize(&at).unwrap_or(at)),
        }
    }
    None
}

/// Whether `path` leads through a symbolic link that the kernel's `protected_symlinks` rule
/// guards: one in a sticky folder everyone may write to, owned neither by the user nor by the
/// folder's owner. Such a link may have been put there by anyone, pointing anywhere. Links are
/// followed as the kernel would (each step of the path, and where each link points), up to 40.
#[cfg(target_os = "linux")]
fn through_foreign_symlink(path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    fn walk(path: &Path, user: u32, links_left: &mut u32) -> bool {
        for step in path.ancestors().filter(|p| !p.as_os_str().is_empty()) {
            let Ok(link) = fs::symlink_metadata(step) else {
                continue;
            };
            if !link.file_type().is_symlink() {
                continue;
            }
            if *links_left == 0 {
                return false;
            }
            *links_left -= 1;
            if link.uid() != user {
                if let Ok(folder) = fs::metadata(folder_of(step)) {
                    let (sticky, everyone_writes) =
                        (folder.mode() & 0o1000 != 0, folder.mode() & 0o002 != 0);
                    if sticky && everyone_writes && folder.uid() != link.uid() {
                        return true;
                    }
                }
            }
            if let Ok(to) = fs::read_link(step) {
                if walk(&folder_of(step).join(to), user, links_left) {
                    return true;
                }
            }
        }
        false
    }
    walk(path, rustix::process::geteuid().as_raw(), &mut 40)
}

#[cfg(not(target_os = "linux"))]
fn through_foreign_symlink(_: &Path) -> bool {
    false
}

/// The folder a path names a file in: its parent, or `.` for a bare name.
fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    }
}

/// An output file written under a temporary name beside it and renamed into place only when
/// complete: a failure leaves no half-written file. A symbolic link is followed (the file it
/// points to is replaced, the link stays). A device or pipe (`/dev/stdout`, `/dev/null`, a
/// FIFO) is written directly: it cannot be replaced, and must not be (as root, renaming over
/// `/dev/null` would turn it into a regular file).
pub struct AtomicFile {
    path: PathBuf,
    target: Target,
    /// Bytes written, and how many of them the disk has been asked to take already.
    written: u64,
    flushed: u64,
    /// Syncs the temporary file while it is written (see [`WriteBack`]).
    write_back: Option<WriteBack>,
}

enum Target {
    /// The temporary file and the path it is moved to.
    Temp(tempfile::NamedTempFile, PathBuf),
    Special(fs::File),
    Committed,
}

/// How much output gathers before the disk is asked to take it.
const WRITE_BACK_BYTES: u64 = 8 << 20;

impl AtomicFile {
    pub fn create(path: &Path) -> Result<AtomicFile> {
        let error = |source| Error::Write {
            path: path.to_path_buf(),
            source,
        };
        let resolved = Resolved::new(path)?;
        resolved.check_writable(path)?;
        let target = match resolved.kind {
            Kind::Special => Target::Special(
                fs::OpenOptions::new()
                    .write(true)
                    .open(&resolved.path)
                    .map_err(error)?,
            ),
            Kind::New | Kind::Existing(_) => Target::Temp(
                temporary::create(resolved.folder()).map_err(error)?,
                resolved.path,
            ),
        };
        Ok(AtomicFile {
            path: path.to_path_buf(),
            target,
            written: 0,
            flushed: 0,
            write_back: None,
        })
    }

    pub fn error(&self, source: io::Error) -> Error {
        Error::Write {
            path: self.path.clone(),
            source,
        }
    }

    /// Moves the finished file into place, with the permissions and owner of the file it
    /// replaces.
    pub fn commit(mut self) -> Result<()> {
        match std::mem::replace(&mut self.target, Target::Committed) {
            Target::Temp(file, final_path) => {
                keep_mode_and_owner(file.as_file(), &final_path).map_err(|e| self.error(e))?;
                if let Some(write_back) = self.write_back.take() {
                    write_back.finish();
                }
                file.as_file().sync_all().map_err(|e| self.error(e))?;
                temporary::persist(file, &final_path).map_err(|e| self.error(e))?;
            }
            Target::Special(mut file) => file.flush().map_err(|e| self.error(e))?,
            Target::Committed => {}
        }
        Ok(())
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        if let Target::Temp(file, _) = std::mem::replace(&mut self.target, Target::Committed) {
            temporary::remove(file);
        }
    }
}

/// Gives `file` the permissions, owner and group of the file at `path` it is about to
/// replace, where the system allows (only root may give a file to another user; the group is
/// kept where the user is in it). A new file keeps the temporary file's: owner only (0600).
#[cfg(unix)]
fn keep_mode_and_owner(file: &fs::File, path: &Path) -> io::Result<()> {
    use std::os::unix::fs::{fchown, MetadataExt, PermissionsExt};
    let Ok(old) = fs::metadata(path) else {
        return Ok(());
    };
    if !old.is_file() {
        return Ok(());
    }
    if fchown(file, Some(old.uid()), Some(old.gid())).is_err() {
        let _ = fchown(file, None, Some(old.gid()));
    }
    file.set_permissions(fs::Permissions::from_mode(old.mode() & 0o7777))
}

#[cfg(not(unix))]
fn keep_mode_and_owner(_: &fs::File, _: &Path) -> io::Result<()> {
    Ok(())
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let file = match &mut self.target {
            Target::Temp(file, _) => file,
            Target::Special(file) => {
                return file
                    .write(buf)
                    .map_err(|e| FileWriteError::wrap(&self.path, e))
            }
            Target::Committed => return Err(io::Error::other("file already committed")),
        };
        let written = file
            .write(buf)
            .map_err(|e| FileWriteError::wrap(&self.path, e))?;
        self.written += written as u64;
        if self.written - self.flushed >= WRITE_BACK_BYTES {
            self.flushed = self.written;
            match &self.write_back {
                Some(write_back) => write_back.sync(),
                None => self.write_back = WriteBack::start(file.as_file()),
            }
        }
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.target {
            Target::Temp(file, _) => file.flush(),
            Target::Special(file) => file.flush(),
            Target::Committed => Ok(()),
        }
        .map_err(|e| FileWriteError::wrap(&self.path, e))
    }
}

/// A thread that syncs the data of a temporary file to disk while the run goes on writing it,
/// each time [`WRITE_BACK_BYTES`] more have been written: the sync before the rename in
/// [`AtomicFile::commit`] then finds nearly all of a large output (an audit of a million cases
/// is 110 MB) on disk already, instead of writing all of it while the user waits. (Only asking
/// the kernel to start writing, with `fadvise` or `sync_file_range`, left most of the wait:
/// measured in the README, "Performance".) Only the commit's sync guarantees the data, so a
/// failure here is harmless, and a request while the thread is still busy with the last one
/// is dropped: the next covers it.
struct WriteBack {
    requests: std::sync::mpsc::SyncSender<()>,
    thread: std::thread::JoinHandle<()>,
}

impl WriteBack {
    /// Starts the thread, with a handle of its own to `file`, and asks it for a first sync;
    /// `None` (and no syncing before the commit) where the system gives neither.
    fn start(file: &fs::File) -> Option<WriteBack> {
        let file = file.try_clone().ok()?;
        let (requests, received) = std::sync::mpsc::sync_channel::<()>(1);
        let thread = std::thread::Builder::new()
            .name("write-back".into())
            .spawn(move || {
                for () in received {
                    let _ = file.sync_data();
                }
            })
            .ok()?;
        let write_back = WriteBack { requests, thread };
        write_back.sync();
        Some(write_back)
    }

    fn sync(&self) {
        let _ = self.requests.try_send(());
    }

    /// Waits for the sync under way, if any.
    fn finish(self) {
        drop(self.requests);
        let _ = self.thread.join();
    }
}

/// The temporary files that exist at any moment, and their removal on Ctrl-C, SIGTERM and
/// SIGHUP.
///
/// A temporary file is created, renamed into place and removed only while the list is locked,
/// and the thread that handles a signal takes the lock for good before it removes the files
/// and ends the process: so every temporary file on disk is in the list when the signal is
/// handled, and none is created or renamed after.
mod temporary {
    use super::*;

    static FILES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

    fn files() -> MutexGuard<'static, Vec<PathBuf>> {
        FILES.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A new temporary file in `folder`, readable by its owner only.
    pub fn create(folder: &Path) -> io::Result<tempfile::NamedTempFile> {
        watch_signals();
        let mut files = files();
        let file = tempfile::Builder::new()
            .prefix(".maaraika-")
            .tempfile_in(folder)?;
        files.push(file.path().to_path_buf());
        Ok(file)
    }

    /// Renames `file` to `path` (replacing what is there).
    pub fn persist(file: tempfile::NamedTempFile, path: &Path) -> io::Result<()> {
        let mut files = files();
        let temp = file.path().to_path_buf();
        // On failure the temporary file is removed here, still under the lock.
        let result = file.persist(path).map(drop).map_err(|e| e.error);
        files.retain(|p| *p != temp);
        result
    }

    pub fn remove(file: tempfile::NamedTempFile) {
        let mut files = files();
        let temp = file.path().to_path_buf();
        drop(file);
        files.retain(|p| *p != temp);
    }

    /// Starts, once, the thread that waits for a signal to end the run.
    pub fn watch_signals() {
        #[cfg(unix)]
        {
            use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
            static WATCHING: std::sync::Once = std::sync::Once::new();
            WATCHING.call_once(|| {
                // Without the handlers (they cannot fail in practice), a signal ends the
                // process as it would anyway, only leaving the temporary files.
                let Ok(mut signals) =
                    signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP])
                else {
                    return;
                };
                let _ = std::thread::Builder::new()
                    .name("signals".into())
                    .spawn(move || {
                        if let Some(signal) = signals.forever().next() {
                            let files = files();
                            for path in files.iter() {
                                let _ = fs::remove_file(path);
                            }
                            // At once, with the list still locked: no other thread may create
                            // or rename a file any more.
                            signal_hook::low_level::exit(128 + signal);
                        }
                    });
            });
        }
    }
}

/// Where a command's main output goes: standard output, or an `--output` file written atomically.
pub enum Output<'a> {
    Stdout(&'a mut dyn Write),
    File(io::BufWriter<AtomicFile>),
}

impl<'a> Output<'a> {
    pub fn new(path: Option<&Path>, stdout: &'a mut dyn Write) -> Result<Self> {
        Ok(match path {
            Some(path) => Output::File(io::BufWriter::with_capacity(
                1 << 16,
                AtomicFile::create(path)?,
            )),
            None => Output::Stdout(stdout),
        })
    }

    /// Finishes the output: an `--output` file is moved into place only now, and only when
    /// `keep` (a `--strict` run with invalid rows keeps nothing).
    pub fn finish(self, keep: bool) -> Result<()> {
        match self {
            Output::Stdout(out) => Ok(out.flush()?),
            Output::File(writer) => {
                let file = writer.into_inner().map_err(|e| {
                    let (error, writer) = e.into_parts();
                    writer.get_ref().error(error)
                })?;
                if keep {
                    file.commit()
                } else {
                    Ok(())
                }
            }
        }
    }
}

impl Write for Output<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Output::Stdout(out) => out.write(buf),
            Output::File(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Output::Stdout(out) => out.flush(),
            Output::File(file) => file.flush(),
        }
    }
}
