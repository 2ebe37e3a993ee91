//! Reading the input of `lint()` and `schedule()` without ever copying more than the input limit
//! (`maxInputBytes`) into WebAssembly memory.
//!
//! The input is taken in two steps. `given` checks its type and, for a plain object, runs
//! `JSON.stringify`; nothing is copied into WebAssembly memory yet. Then, once the options (and so
//! the limit) are known, `load` measures it where it lies, in JS memory, and copies it only when
//! it is within the limit; a larger one is answered by [`too_large_report`] (or
//! [`too_large_schedule`]), which needs only its length:
//!
//! * a `Uint8Array` or `ArrayBuffer`: its `byteLength`, read with the built-in getter (a brand
//!   check, which no own property or spoofed `Symbol.toStringTag` can fool);
//! * a string (given, or written by `JSON.stringify`): its UTF-8 length is at least its `.length`
//!   (UTF-16 code units) and at most 3 times it (see [`fits_unmeasured`]); between the two
//!   bounds, and for the message of one over the limit, it is measured with
//!   `TextEncoder.encodeInto` into a fixed JS buffer, a chunk at a time (no copy of the whole
//!   string anywhere).
//!
//! Every failure of a JS call made here (a throwing getter or proxy trap, a detached buffer, a
//! `toJSON` that throws) becomes a `TypeError` that names the input, with the original error as
//! its `cause`.

use crate::{caused_type_error, describe, dto, error_message, object_tag, reflect_get, type_error};
use iot_jobs_lint::LintOptions;
use js_sys::JsString;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `Uint8Array.prototype.slice.call(value)`: a fresh copy (throws for a detached buffer).
    #[wasm_bindgen(catch, js_namespace = ["Uint8Array", "prototype", "slice"], js_name = call)]
    fn u8_copy(value: &JsValue) -> Result<js_sys::Uint8Array, JsValue>;
    /// `ArrayBuffer.prototype.slice.call(value)`: a fresh copy (throws for a detached buffer).
    #[wasm_bindgen(catch, js_namespace = ["ArrayBuffer", "prototype", "slice"], js_name = call)]
    fn buffer_copy(value: &JsValue) -> Result<js_sys::ArrayBuffer, JsValue>;

    /// `Uint8Array.prototype`, whose prototype (`%TypedArray%.prototype`) has the `byteLength`
    /// getter of every typed array.
    #[wasm_bindgen(thread_local_v2, js_namespace = Uint8Array, js_name = prototype)]
    static UINT8_ARRAY_PROTOTYPE: JsValue;
    /// `ArrayBuffer.prototype`, which has the `byteLength` getter of array buffers.
    #[wasm_bindgen(thread_local_v2, js_namespace = ArrayBuffer, js_name = prototype)]
    static ARRAY_BUFFER_PROTOTYPE: JsValue;
    /// `Reflect.getPrototypeOf(target)`.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = getPrototypeOf)]
    fn prototype_of(target: &JsValue) -> Result<JsValue, JsValue>;
    /// `Reflect.getOwnPropertyDescriptor(target, key)`.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = getOwnPropertyDescriptor)]
    fn own_property_descriptor(target: &JsValue, key: &str) -> Result<JsValue, JsValue>;
    /// `Reflect.apply(function, this, args)`.
    #[wasm_bindgen(catch, js_namespace = Reflect, js_name = apply)]
    fn reflect_apply(
        function: &JsValue,
        this: &JsValue,
        args: &js_sys::Array,
    ) -> Result<JsValue, JsValue>;

    /// The host's `TextEncoder`, used only to measure strings (see [`utf8_length`]).
    type TextEncoder;
    #[wasm_bindgen(catch, constructor)]
    fn new() -> Result<TextEncoder, JsValue>;
    /// `encoder.encodeInto(source, destination)`: encodes whole code points of `source` while they
    /// fit, and tells how many UTF-16 units it read and how many bytes it wrote.
    #[wasm_bindgen(catch, method, js_name = encodeInto)]
    fn encode_into(
        this: &TextEncoder,
        source: &JsString,
        destination: &js_sys::Uint8Array,
    ) -> Result<EncodeIntoResult, JsValue>;
    type EncodeIntoResult;
    #[wasm_bindgen(catch, method, getter)]
    fn read(this: &EncodeIntoResult) -> Result<f64, JsValue>;
    #[wasm_bindgen(catch, method, getter)]
    fn written(this: &EncodeIntoResult) -> Result<f64, JsValue>;
}

/// An input whose type has been checked, still where the caller keeps it (JS memory).
pub(crate) enum Given {
    /// JSON text: a string, or what `JSON.stringify` wrote for a plain object or array.
    Text(JsString),
    /// A `Uint8Array` (or a Node `Buffer`, any view) and its byte length.
    View(JsValue, f64),
    /// An `ArrayBuffer` and its byte length.
    Buffer(JsValue, f64),
}

/// An input in WebAssembly memory, or only its length when it is over the limit.
pub(crate) enum Loaded {
    Text(String),
    Bytes(Vec<u8>),
    /// Over the limit: its length in bytes (UTF-8 for text).
    TooLarge(u64),
}

impl Loaded {
    /// The input's bytes, or its length when it is over the limit.
    pub(crate) fn bytes(&self) -> Result<&[u8], u64> {
        match self {
            Loaded::Text(t) => Ok(t.as_bytes()),
            Loaded::Bytes(b) => Ok(b),
            Loaded::TooLarge(len) => Err(*len),
        }
    }
}

/// Checks the input's type and, for a plain object or array, writes it with `JSON.stringify`.
/// Nothing is copied into WebAssembly memory.
pub(crate) fn given(input: &JsValue, func: &str) -> Result<Given, JsValue> {
    if let Some(text) = input.dyn_ref::<JsString>() {
        return Ok(Given::Text(text.clone()));
    }
    let wrong_type = || {
        type_error(format!(
            "{func}(): input must be a JSON string, a Uint8Array or ArrayBuffer of UTF-8 JSON, or a plain object; got {}",
            describe(input)
        ))
    };
    if !input.is_object() {
        return Err(wrong_type());
    }
    let unreadable = |e: JsValue| {
        caused_type_error(
            format!("{func}(): input cannot be read: {}", error_message(&e)),
            &e,
        )
    };
    match object_tag(input, &format!("{func}(): input"))?.as_str() {
        "[object Uint8Array]" => {
            let len = byte_length(&typed_array_prototype(), input).map_err(unreadable)?;
            return Ok(Given::View(input.clone(), len));
        }
        "[object ArrayBuffer]" => {
            let prototype = ARRAY_BUFFER_PROTOTYPE.with(JsValue::clone);
            let len = byte_length(&prototype, input).map_err(unreadable)?;
            return Ok(Given::Buffer(input.clone(), len));
        }
        "[object Object]" | "[object Array]" => {}
        _ => return Err(wrong_type()),
    }
    match js_sys::JSON::stringify(input) {
        Ok(text) => match text.dyn_into::<JsString>() {
            Ok(text) => Ok(Given::Text(text)),
            Err(_) => Err(type_error(format!(
                "{func}(): JSON.stringify(input) gave no JSON text (a toJSON() that returns undefined?)"
            ))),
        },
        Err(e) => Err(caused_type_error(
            format!(
                "{func}(): the input object cannot be written as JSON: {}",
                error_message(&e)
            ),
            &e,
        )),
    }
}

/// Brings the input into WebAssembly memory if it is at most `limit` bytes; otherwise only
/// measures it.
pub(crate) fn load(given: Given, limit: usize, func: &str) -> Result<Loaded, JsValue> {
    let unreadable = |e: JsValue| {
        caused_type_error(
            format!("{func}(): input cannot be read: {}", error_message(&e)),
            &e,
        )
    };
    let limit_bytes = limit as u64;
    let bytes = match given {
        Given::Text(text) => {
            if !fits_unmeasured(u64::from(text.length()), limit) {
                let len = utf8_length(&text).map_err(unreadable)?;
                if len > limit_bytes {
                    return Ok(Loaded::TooLarge(len));
                }
            }
            // `as_string` encodes the string into WebAssembly memory: at most `limit` bytes.
            return Ok(Loaded::Text(
                JsValue::from(text).as_string().unwrap_or_default(),
            ));
        }
        Given::View(view, len) => {
            if len > limit as f64 {
                return Ok(Loaded::TooLarge(len as u64));
            }
            u8_copy(&view).map_err(unreadable)?.to_vec()
        }
        Given::Buffer(buffer, len) => {
            if len > limit as f64 {
                return Ok(Loaded::TooLarge(len as u64));
            }
            let copy = buffer_copy(&buffer).map_err(unreadable)?;
            js_sys::Uint8Array::new(&copy).to_vec()
        }
    };
    // The copy is of the length measured above (a resizable buffer cannot grow in between: no JS
    // code runs there but the species constructor, which `slice` calls after fixing the length);
    // checked again all the same, since the core must never see more than the limit.
    if bytes.len() as u64 > limit_bytes {
        return Ok(Loaded::TooLarge(bytes.len() as u64));
    }
    Ok(Loaded::Bytes(bytes))
}

/// Whether a JS string of `units` UTF-16 code units is within `limit` bytes of UTF-8 whatever its
/// text. Each code unit is 1 to 3 bytes of UTF-8 (a surrogate pair, two units, is 4 bytes; a lone
/// surrogate becomes U+FFFD, 3 bytes, as `TextEncoder` and wasm-bindgen write it): `3 * units <=
/// limit` fits for sure, `units > limit` is over for sure (it is still measured, for the length the
/// message states), and in between only measuring tells.
pub fn fits_unmeasured(units: u64, limit: usize) -> bool {
    units
        .checked_mul(3)
        .is_some_and(|bytes| bytes <= limit as u64)
}

/// Size of the JS buffer that [`utf8_length`] encodes into, a chunk at a time.
const MEASURE_CHUNK: u32 = 1 << 20;

/// The length of the UTF-8 encoding of `text` (lone surrogates as U+FFFD), measured in JS memory:
/// `TextEncoder.encodeInto` writes whole code points into a 1 MiB buffer until it is full and says
/// how far it read; the rest of the string is a `substring` (which engines share, not copy).
fn utf8_length(text: &JsString) -> Result<u64, JsValue> {
    let units = text.length();
    let encoder = TextEncoder::new()?;
    let buffer = js_sys::Uint8Array::new_with_length(MEASURE_CHUNK);
    let (mut read, mut written) = (0u32, 0u64);
    while read < units {
        let rest = if read == 0 {
            text.clone()
        } else {
            text.substring(read, units)
        };
        let step = encoder.encode_into(&rest, &buffer)?;
        let (r, w) = (step.read()?, step.written()?);
        // A 1 MiB buffer always takes a code point: no progress means a broken TextEncoder.
        if !(r >= 1.0 && r <= f64::from(units - read) && w >= 0.0) {
            return Err(js_sys::Error::new("TextEncoder.encodeInto made no progress").into());
        }
        read += r as u32;
        written += w as u64;
    }
    Ok(written)
}

/// `%TypedArray%.prototype`: the prototype of `Uint8Array.prototype`.
fn typed_array_prototype() -> JsValue {
    UINT8_ARRAY_PROTOTYPE.with(|p| prototype_of(p).unwrap_or_else(|_| p.clone()))
}

/// `value.byteLength` through the built-in getter of `prototype`: it throws for anything but a
/// genuine typed array / array buffer (0 for a detached one), and no own property shadows it.
fn byte_length(prototype: &JsValue, value: &JsValue) -> Result<f64, JsValue> {
    let descriptor = own_property_descriptor(prototype, "byteLength")?;
    let getter = reflect_get(&descriptor, "get")?;
    let len = reflect_apply(&getter, value, &js_sys::Array::new())?;
    len.as_f64()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .ok_or_else(|| js_sys::Error::new("byteLength is not a length").into())
}

/// The report of `lint()` for an input of `len` bytes over `options.max_input_bytes`: the
/// core's [`iot_jobs_lint::too_large`], which needs only the length, so the input is never
/// copied into WebAssembly memory.
pub fn too_large_report(len: u64, options: &LintOptions) -> dto::LintReport {
    (&iot_jobs_lint::too_large(Some(len), options).report).into()
}

/// The schedule of `schedule()` for an input over the limit (see [`too_large_report`]).
pub fn too_large_schedule(len: u64, options: &LintOptions) -> dto::Schedule {
    (&iot_jobs_lint::too_large(Some(len), options).schedule).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options(limit: usize, operation: Option<iot_jobs_lint::Operation>) -> LintOptions {
        LintOptions {
            max_input_bytes: limit,
            operation,
            service_model: iot_jobs_lint::Edition::V2023_03_02,
            ..LintOptions::new("2026-01-01T00:00:00Z".parse().unwrap())
        }
    }

    /// The report built from the length alone is the core's report for an input of that length,
    /// field for field (the core's message format included).
    #[test]
    fn too_large_is_the_cores_report() {
        let operations = [None, Some(iot_jobs_lint::Operation::CreateJobTemplate)];
        for (len, limit) in [(1, 0), (11, 10), (100, 1), (4097, 4096), (70_000, 65_536)] {
            for operation in operations {
                let options = options(limit, operation);
                let input = vec![b'{'; len];
                let core_lint = crate::lint_bytes(&input, &options);
                assert_eq!(core_lint.diagnostics.len(), 1);
                assert_eq!(core_lint.diagnostics[0].code, "input/too-large");
                assert_eq!(too_large_report(len as u64, &options), core_lint);
                let core_schedule = crate::schedule_bytes(&input, &options, 5);
                assert_eq!(too_large_schedule(len as u64, &options), core_schedule);
            }
        }
        let huge = too_large_report(1 << 33, &options(4 << 20, None));
        assert_eq!(
            huge.diagnostics[0].message,
            "the input is 8589934592 bytes, over the limit of 4194304 bytes; it is not checked"
        );
    }

    #[test]
    fn string_bounds() {
        assert!(fits_unmeasured(0, 1));
        assert!(fits_unmeasured(10, 30));
        assert!(!fits_unmeasured(11, 30));
        assert!(!fits_unmeasured(31, 30));
        assert!(!fits_unmeasured(u64::from(u32::MAX), 2_147_483_647));
        assert!(!fits_unmeasured(u64::MAX, usize::MAX));
    }
}
