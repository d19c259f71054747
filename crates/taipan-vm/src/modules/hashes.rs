//! The hash modules `_md5`, `_sha1`, `_sha2`, `_sha3` (SHA-3 and SHAKE) and `_blake2`
//! (CPython's `Modules/md5module.c`, `sha1module.c`, `sha2module.c`, `sha3module.c`,
//! `blake2module.c`), what `hashlib` (and `random.seed(str)`) use without OpenSSL. The hash
//! state is native (RustCrypto's `md-5`, `sha1`, `sha2`, `sha3`, `shake`;
//! `blake2b_simd`/`blake2s_simd`, which take every BLAKE2 parameter), held in a native handle;
//! the hash classes and their signatures are Python (`py/hashes.py`).

use ::sha3::Digest;
use shake::{ExtendableOutput, Update};

use super::handle::{c_ssize, index_ibig, new_handle, with_state};
use crate::builtins::args::Args;
use crate::error::{PyErr, PyResult};
use crate::object::{Object, ObjectRef};
use crate::types::bytes::new_bytes;
use crate::types::dict::as_dict;
use crate::types::function::{NativeFn, new_builtin_function};
use crate::types::module::{module_dict, new_module};
use crate::types::singletons::{is_none, none};
use crate::types::str::Str;

const SOURCE: &str = include_str!("py/hashes.py");

type S<'a> = Option<ObjectRef<'a>>;

/// The running state of one hash object.
#[derive(Clone)]
enum HashState {
    Md5(::md5::Md5),
    Sha1(::sha1::Sha1),
    Sha224(::sha2::Sha224),
    Sha256(::sha2::Sha256),
    Sha384(::sha2::Sha384),
    Sha512(::sha2::Sha512),
    Sha3_224(::sha3::Sha3_224),
    Sha3_256(::sha3::Sha3_256),
    Sha3_384(::sha3::Sha3_384),
    Sha3_512(::sha3::Sha3_512),
    Shake128(shake::Shake128),
    Shake256(shake::Shake256),
    Blake2b(blake2b_simd::State),
    Blake2s(blake2s_simd::State),
}

impl HashState {
    fn update(&mut self, data: &[u8]) {
        match self {
            HashState::Md5(h) => Digest::update(h, data),
            HashState::Sha1(h) => Digest::update(h, data),
            HashState::Sha224(h) => Digest::update(h, data),
            HashState::Sha256(h) => Digest::update(h, data),
            HashState::Sha384(h) => Digest::update(h, data),
            HashState::Sha512(h) => Digest::update(h, data),
            HashState::Sha3_224(h) => Digest::update(h, data),
            HashState::Sha3_256(h) => Digest::update(h, data),
            HashState::Sha3_384(h) => Digest::update(h, data),
            HashState::Sha3_512(h) => Digest::update(h, data),
            HashState::Shake128(h) => Update::update(h, data),
            HashState::Shake256(h) => Update::update(h, data),
            HashState::Blake2b(h) => {
                h.update(data);
            }
            HashState::Blake2s(h) => {
                h.update(data);
            }
        }
    }

    /// The digest of what was fed so far (`len` bytes for SHAKE); the state goes on.
    fn digest(&self, len: usize) -> Vec<u8> {
        match self {
            HashState::Md5(h) => h.clone().finalize().to_vec(),
            HashState::Sha1(h) => h.clone().finalize().to_vec(),
            HashState::Sha224(h) => h.clone().finalize().to_vec(),
            HashState::Sha256(h) => h.clone().finalize().to_vec(),
            HashState::Sha384(h) => h.clone().finalize().to_vec(),
            HashState::Sha512(h) => h.clone().finalize().to_vec(),
            HashState::Sha3_224(h) => h.clone().finalize().to_vec(),
            HashState::Sha3_256(h) => h.clone().finalize().to_vec(),
            HashState::Sha3_384(h) => h.clone().finalize().to_vec(),
            HashState::Sha3_512(h) => h.clone().finalize().to_vec(),
            HashState::Shake128(h) => {
                let mut out = vec![0; len];
                h.clone().finalize_xof_into(&mut out);
                out
            }
            HashState::Shake256(h) => {
                let mut out = vec![0; len];
                h.clone().finalize_xof_into(&mut out);
                out
            }
            HashState::Blake2b(h) => h.finalize().as_bytes().to_vec(),
            HashState::Blake2s(h) => h.finalize().as_bytes().to_vec(),
        }
    }
}

/// The bytes to hash: CPython's messages for a str and for a non-buffer.
fn hash_data(o: ObjectRef<'_>) -> PyResult<std::borrow::Cow<'_, [u8]>> {
    if Str::new(o).is_some() {
        return Err(PyErr::type_error("Strings must be encoded before hashing"));
    }
    crate::builtins::bytesmethods::bytes_like(o)
        .ok_or_else(|| PyErr::type_error("object supporting the buffer API required"))
}

/// `_new(kind, data_or_None)`: a handle on a fresh state of `kind`.
fn hash_new(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_new", 2, 2)?;
    let kind = Str::new(a.pos[0].as_ref()).map(|s| s.to_string_lossy()).unwrap_or_default();
    let mut st = match kind.as_str() {
        "md5" => HashState::Md5(Default::default()),
        "sha1" => HashState::Sha1(Default::default()),
        "sha224" => HashState::Sha224(Default::default()),
        "sha256" => HashState::Sha256(Default::default()),
        "sha384" => HashState::Sha384(Default::default()),
        "sha512" => HashState::Sha512(Default::default()),
        "sha3_224" => HashState::Sha3_224(Default::default()),
        "sha3_256" => HashState::Sha3_256(Default::default()),
        "sha3_384" => HashState::Sha3_384(Default::default()),
        "sha3_512" => HashState::Sha3_512(Default::default()),
        "shake_128" => HashState::Shake128(Default::default()),
        "shake_256" => HashState::Shake256(Default::default()),
        _ => return Err(PyErr::value_error("unknown hash")),
    };
    if !is_none(a.pos[1].as_ref()) {
        st.update(&hash_data(a.pos[1].as_ref())?);
    }
    Ok(new_handle(st))
}

/// An unsigned parameter of BLAKE2 (`Cannot convert negative int`, then `NAME is too large`
/// above `max`).
fn blake_uint(o: ObjectRef<'_>, name: &str, max: u64) -> PyResult<u64> {
    let v = index_ibig(o)?;
    if v.signum() < dashu_int::IBig::ZERO {
        return Err(PyErr::value_error("Cannot convert negative int"));
    }
    let v = u64::try_from(&v)
        .map_err(|_| PyErr::overflow_error("Python int too large for C unsigned long long"))?;
    if v > max {
        return Err(PyErr::overflow_error(format!("{name} is too large")));
    }
    Ok(v)
}

fn small_int(o: ObjectRef<'_>) -> PyResult<i64> {
    let v = index_ibig(o)?;
    i32::try_from(&v)
        .map(i64::from)
        .map_err(|_| PyErr::overflow_error("Python int too large to convert to C int"))
}

fn key_bytes(o: ObjectRef<'_>) -> PyResult<Vec<u8>> {
    crate::builtins::bytesmethods::bytes_like(o).map(|b| b.into_owned()).ok_or_else(|| {
        PyErr::type_error(format!("a bytes-like object is required, not '{}'", o.type_().name()))
    })
}

/// `_new_blake2(is_b, data, digest_size, key, salt, person, fanout, depth, leaf_size,
/// node_offset, node_depth, inner_size, last_node)`.
fn blake2_new(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_new_blake2", 13, 13)?;
    let p = a.pos;
    let is_b = crate::ops::is_true(p[0].as_ref())?;
    let (name, outbytes, keybytes, saltbytes) =
        if is_b { ("Blake2b", 64, 64, 16) } else { ("Blake2s", 32, 32, 8) };
    let digest_size = small_int(p[2].as_ref())?;
    if !(1..=outbytes).contains(&digest_size) {
        return Err(PyErr::value_error(format!(
            "digest_size for {name} must be between 1 and {outbytes} bytes, here it is {digest_size}"
        )));
    }
    let salt = key_bytes(p[4].as_ref())?;
    if salt.len() > saltbytes {
        return Err(PyErr::value_error(format!("maximum salt length is {saltbytes} bytes")));
    }
    let person = key_bytes(p[5].as_ref())?;
    if person.len() > saltbytes {
        return Err(PyErr::value_error(format!("maximum person length is {saltbytes} bytes")));
    }
    let fanout = small_int(p[6].as_ref())?;
    if !(0..=255).contains(&fanout) {
        return Err(PyErr::value_error("fanout must be between 0 and 255"));
    }
    let depth = small_int(p[7].as_ref())?;
    if !(1..=255).contains(&depth) {
        return Err(PyErr::value_error("depth must be between 1 and 255"));
    }
    let leaf_size = blake_uint(p[8].as_ref(), "leaf_size", u32::MAX as u64)?;
    let node_offset =
        blake_uint(p[9].as_ref(), "node_offset", if is_b { u64::MAX } else { (1 << 48) - 1 })?;
    let node_depth = small_int(p[10].as_ref())?;
    if !(0..=255).contains(&node_depth) {
        return Err(PyErr::value_error("node_depth must be between 0 and 255"));
    }
    let inner_size = small_int(p[11].as_ref())?;
    if !(0..=outbytes).contains(&inner_size) {
        return Err(PyErr::value_error(format!("inner_size must be between 0 and is {outbytes}")));
    }
    let key = key_bytes(p[3].as_ref())?;
    if key.len() > keybytes {
        return Err(PyErr::value_error(format!("maximum key length is {keybytes} bytes")));
    }
    let last_node = crate::ops::is_true(p[12].as_ref())?;
    let mut st = if is_b {
        let mut pr = blake2b_simd::Params::new();
        pr.hash_length(digest_size as usize)
            .key(&key)
            .salt(&salt)
            .personal(&person)
            .fanout(fanout as u8)
            .max_depth(depth as u8)
            .max_leaf_length(leaf_size as u32)
            .node_offset(node_offset)
            .node_depth(node_depth as u8)
            .inner_hash_length(inner_size as usize)
            .last_node(last_node);
        HashState::Blake2b(pr.to_state())
    } else {
        let mut pr = blake2s_simd::Params::new();
        pr.hash_length(digest_size as usize)
            .key(&key)
            .salt(&salt)
            .personal(&person)
            .fanout(fanout as u8)
            .max_depth(depth as u8)
            .max_leaf_length(leaf_size as u32)
            .node_offset(node_offset)
            .node_depth(node_depth as u8)
            .inner_hash_length(inner_size as usize)
            .last_node(last_node);
        HashState::Blake2s(pr.to_state())
    };
    if !is_none(p[1].as_ref()) {
        st.update(&hash_data(p[1].as_ref())?);
    }
    Ok(new_handle(st))
}

/// `_update(h, data)`.
fn hash_update(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_update", 2, 2)?;
    let data = hash_data(a.pos[1].as_ref())?;
    with_state(a.pos[0].as_ref(), |st: &mut HashState| {
        st.update(&data);
        Ok(none())
    })
}

/// `_digest(h, length)` (the length matters for SHAKE only).
fn hash_digest(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_digest", 2, 2)?;
    let len = c_ssize(a.pos[1].as_ref()).map_err(|e| {
        if e.matches(&crate::types::exceptions::OVERFLOW_ERROR) {
            PyErr::value_error("length is too large")
        } else {
            e
        }
    })?;
    if len < 0 {
        return Err(PyErr::value_error("Cannot convert negative int"));
    }
    if len >= 1 << 29 {
        return Err(PyErr::value_error("length is too large"));
    }
    with_state(a.pos[0].as_ref(), |st: &mut HashState| Ok(new_bytes(&st.digest(len as usize))))
}

/// `_copy(h)`.
fn hash_copy(_: S<'_>, args: &[Object], kw: S<'_>) -> PyResult<Object> {
    let a = Args::new(args, kw);
    a.count("_copy", 1, 1)?;
    let st = with_state(a.pos[0].as_ref(), |st: &mut HashState| Ok(st.clone()))?;
    Ok(new_handle(st))
}

/// A hash module `name`: the native functions, the shared Python part, then `tail` (which
/// builds this module's classes and constructors).
fn make(name: &str, tail: &str) -> PyResult<Object> {
    let m = new_module(name);
    let d = as_dict(module_dict(m.as_ref()).expect("dict")).expect("dict");
    for (fname, f) in [
        ("_new", hash_new as NativeFn),
        ("_new_blake2", blake2_new),
        ("_update", hash_update),
        ("_digest", hash_digest),
        ("_copy", hash_copy),
    ] {
        d.set_str(fname, new_builtin_function(fname, f))?;
    }
    let src = format!("{SOURCE}\n{tail}\n_cleanup()\n");
    let code = crate::import::path::compile_bytes(src.as_bytes(), &format!("<frozen {name}>"))?;
    crate::import::path::exec_code_in_module(m.as_ref(), code)?;
    Ok(m)
}

/// Makes the `_md5` module.
pub fn make_md5() -> PyResult<Object> {
    make("_md5", "MD5Type, md5 = _plain('_md5', 'md5', 16, 64)")
}

/// Makes the `_sha1` module.
pub fn make_sha1() -> PyResult<Object> {
    make("_sha1", "SHA1Type, sha1 = _plain('_sha1', 'sha1', 20, 64)")
}

/// Makes the `_sha2` module.
pub fn make_sha2() -> PyResult<Object> {
    make(
        "_sha2",
        "SHA224Type, sha224 = _plain('_sha2', 'sha224', 28, 64, 'SHA224Type')\n\
         SHA256Type, sha256 = _plain('_sha2', 'sha256', 32, 64, 'SHA256Type')\n\
         SHA384Type, sha384 = _plain('_sha2', 'sha384', 48, 128, 'SHA384Type')\n\
         SHA512Type, sha512 = _plain('_sha2', 'sha512', 64, 128, 'SHA512Type')",
    )
}

/// Makes the `_sha3` module.
pub fn make_sha3() -> PyResult<Object> {
    make(
        "_sha3",
        "sha3_224 = _sha3('sha3_224', 28, 144)\n\
         sha3_256 = _sha3('sha3_256', 32, 136)\n\
         sha3_384 = _sha3('sha3_384', 48, 104)\n\
         sha3_512 = _sha3('sha3_512', 64, 72)\n\
         shake_128 = _sha3('shake_128', 0, 168)\n\
         shake_256 = _sha3('shake_256', 0, 136)\n\
         implementation = 'HACL'",
    )
}

/// Makes the `_blake2` module.
pub fn make_blake2() -> PyResult<Object> {
    make(
        "_blake2",
        "blake2b = _blake2(True)\nblake2s = _blake2(False)\n\
         BLAKE2B_SALT_SIZE = 16\nBLAKE2B_PERSON_SIZE = 16\n\
         BLAKE2B_MAX_KEY_SIZE = 64\nBLAKE2B_MAX_DIGEST_SIZE = 64\n\
         BLAKE2S_SALT_SIZE = 8\nBLAKE2S_PERSON_SIZE = 8\n\
         BLAKE2S_MAX_KEY_SIZE = 32\nBLAKE2S_MAX_DIGEST_SIZE = 32",
    )
}
