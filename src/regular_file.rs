//! Reading a file the user named: only a regular file (a symlink is followed to one), and
//! never more than a limit. A named pipe blocks a read until something writes to it, and a
//! device such as `/dev/zero` never ends, so both are refused by what they are before a
//! single byte is read.

use std::io::Read;
use std::path::Path;

/// Why a file was not read. The caller names the file in its own message.
#[derive(Debug, thiserror::Error)]
pub enum ReadRefusal {
    #[error("{0}")]
    Io(std::io::Error),
    #[error("is a folder")]
    Folder,
    /// Not a regular file: what it is, such as "a named pipe (FIFO)".
    #[error("is {0}, not a file")]
    Special(&'static str),
    /// Larger than the limit (`size` is what was found, at least `limit + 1`).
    #[error("is larger than the limit")]
    TooLarge { size: u64 },
}

/// The whole of the regular file at `path`, at most `limit` bytes.
///
/// The type is looked at twice: by path before opening (stat never blocks), and on the
/// opened file, which is opened without blocking, so that a pipe swapped in between is
/// still refused. The read itself stops after `limit + 1` bytes, so a file that grows
/// while it is read cannot fill memory either.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, ReadRefusal> {
    let metadata = std::fs::metadata(path).map_err(ReadRefusal::Io)?;
    check_kind(&metadata)?;
    if metadata.len() > limit {
        return Err(ReadRefusal::TooLarge {
            size: metadata.len(),
        });
    }
    let file = open_without_blocking(path).map_err(ReadRefusal::Io)?;
    let opened = file.metadata().map_err(ReadRefusal::Io)?;
    check_kind(&opened)?;
    let capacity = usize::try_from(opened.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(ReadRefusal::Io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadRefusal::TooLarge {
            size: bytes.len() as u64,
        });
    }
    Ok(bytes)
}

/// The text of the regular file at `path`, at most `limit` bytes, for files the user names
/// that are small by nature (templates, marking schemes). A refusal becomes an I/O error
/// whose message says what the file is.
pub fn read_regular_text(path: &Path, limit: u64) -> std::io::Result<String> {
    let bytes = read_regular(path, limit).map_err(|refusal| match refusal {
        ReadRefusal::Io(cause) => cause,
        ReadRefusal::TooLarge { .. } => std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("it is larger than {} KB", limit / 1024),
        ),
        other => std::io::Error::new(std::io::ErrorKind::InvalidInput, format!("it {other}")),
    })?;
    // Windows editors start UTF-8 files with a byte-order mark.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(&bytes);
    String::from_utf8(bytes.to_vec())
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "it is not UTF-8 text"))
}

/// Refuses anything but a regular file, naming what it is.
pub fn check_kind(metadata: &std::fs::Metadata) -> Result<(), ReadRefusal> {
    let kind = metadata.file_type();
    if kind.is_dir() {
        return Err(ReadRefusal::Folder);
    }
    if kind.is_file() {
        return Ok(());
    }
    Err(ReadRefusal::Special(special_kind(&kind)))
}

#[cfg(unix)]
fn special_kind(kind: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if kind.is_fifo() {
        "a named pipe (FIFO)"
    } else if kind.is_socket() {
        "a socket"
    } else if kind.is_char_device() {
        "a character device (such as /dev/zero)"
    } else if kind.is_block_device() {
        "a block device (a disk)"
    } else {
        "not a regular file"
    }
}

#[cfg(not(unix))]
fn special_kind(_kind: &std::fs::FileType) -> &'static str {
    "not a regular file"
}

#[cfg(unix)]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open_without_blocking(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_regular_file_is_read_up_to_the_limit() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("a.txt");
        std::fs::write(&path, b"hello").expect("write");
        assert_eq!(read_regular(&path, 5).expect("read"), b"hello");
        assert!(matches!(
            read_regular(&path, 4),
            Err(ReadRefusal::TooLarge { size: 5 })
        ));
        assert!(matches!(
            read_regular(dir.path(), 5),
            Err(ReadRefusal::Folder)
        ));
    }

    #[cfg(unix)]
    #[test]
    fn pipes_devices_and_links_to_devices_are_refused_unread() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("pipe.txt");
        let name = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).expect("path");
        // SAFETY: mkfifo reads a NUL-terminated path and touches nothing else.
        assert_eq!(unsafe { libc::mkfifo(name.as_ptr(), 0o600) }, 0);
        assert!(matches!(
            read_regular(&fifo, 1024),
            Err(ReadRefusal::Special("a named pipe (FIFO)"))
        ));
        let link = dir.path().join("zero.txt");
        std::os::unix::fs::symlink("/dev/zero", &link).expect("symlink");
        assert!(matches!(
            read_regular(&link, 1024),
            Err(ReadRefusal::Special(
                "a character device (such as /dev/zero)"
            ))
        ));
    }
}
