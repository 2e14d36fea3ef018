//! Little-endian byte reading and writing for the model format. Reading never panics: every
//! read is bounds-checked and reports [`Error::BadModel`].

use crate::error::Error;

pub(crate) struct Reader<'b> {
    bytes: &'b [u8],
    pos: usize,
}

fn truncated(what: &str) -> Error {
    Error::BadModel(format!("truncated model ({what})"))
}

impl<'b> Reader<'b> {
    pub(crate) fn new(bytes: &'b [u8]) -> Reader<'b> {
        Reader { bytes, pos: 0 }
    }

    pub(crate) fn remaining(&self) -> usize {
        self.bytes.len().saturating_sub(self.pos)
    }

    pub(crate) fn take(&mut self, n: usize, what: &str) -> Result<&'b [u8], Error> {
        let end = self.pos.checked_add(n).ok_or_else(|| truncated(what))?;
        let s = self.bytes.get(self.pos..end).ok_or_else(|| truncated(what))?;
        self.pos = end;
        Ok(s)
    }

    pub(crate) fn u8(&mut self, what: &str) -> Result<u8, Error> {
        Ok(self.take(1, what)?[0])
    }

    pub(crate) fn u16(&mut self, what: &str) -> Result<u16, Error> {
        let b = self.take(2, what)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }

    pub(crate) fn u32(&mut self, what: &str) -> Result<u32, Error> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// LEB128 unsigned, at most 5 bytes. (Read from the slice directly: a model holds hundreds
    /// of thousands of them, and loading it is part of the time to a page's first highlight.)
    pub(crate) fn varint(&mut self, what: &str) -> Result<u32, Error> {
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        let mut v: u64 = 0;
        for (k, &b) in rest.iter().take(5).enumerate() {
            v |= ((b & 0x7f) as u64) << (7 * k);
            if b & 0x80 == 0 {
                self.pos += k + 1;
                return u32::try_from(v).map_err(|_| Error::BadModel(format!("varint overflow ({what})")));
            }
        }
        Err(if rest.len() < 5 { truncated(what) } else { Error::BadModel(format!("varint too long ({what})")) })
    }

    /// A count of items that each take at least `min_bytes`, checked against what is left.
    pub(crate) fn count(&mut self, min_bytes: usize, what: &str) -> Result<usize, Error> {
        let n = self.u32(what)? as usize;
        if n.saturating_mul(min_bytes.max(1)) > self.remaining() {
            return Err(truncated(what));
        }
        Ok(n)
    }
}

#[derive(Default)]
pub(crate) struct Writer {
    pub bytes: Vec<u8>,
}

impl Writer {
    pub(crate) fn u8(&mut self, v: u8) {
        self.bytes.push(v);
    }
    pub(crate) fn u16(&mut self, v: u16) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn u32(&mut self, v: u32) {
        self.bytes.extend_from_slice(&v.to_le_bytes());
    }
    pub(crate) fn varint(&mut self, mut v: u32) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.bytes.push(b);
                return;
            }
            self.bytes.push(b | 0x80);
        }
    }
}

/// FNV-1a 32-bit, the file checksum.
pub(crate) fn checksum(bytes: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in bytes {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_round_trip_and_fail_cleanly() {
        let mut w = Writer::default();
        for v in [0, 1, 127, 128, 300, u32::MAX] {
            w.varint(v);
        }
        let mut r = Reader::new(&w.bytes);
        for v in [0, 1, 127, 128, 300, u32::MAX] {
            assert_eq!(r.varint("test").ok(), Some(v));
        }
        assert_eq!(r.remaining(), 0);
        // Cut inside a varint, a varint longer than 5 bytes, one over 32 bits.
        for (bytes, message) in [
            (&[0x80u8, 0x80][..], "truncated model (test)"),
            (&[0x80, 0x80, 0x80, 0x80, 0x80, 0x01][..], "varint too long (test)"),
            (&[0xff, 0xff, 0xff, 0xff, 0x7f][..], "varint overflow (test)"),
        ] {
            match Reader::new(bytes).varint("test") {
                Err(Error::BadModel(m)) => assert_eq!(m, message),
                other => panic!("{bytes:?}: {other:?}"),
            }
        }
    }
}
