//! The Expat C library, loaded at run time: `pyexpat` calls the system's `libexpat.so.1`
//! (the library CPython's own `pyexpat` is built on) through this table of entry points,
//! found with `dlopen`/`dlsym` the first time the module is imported. Nothing is linked at
//! build time, so a machine without Expat still builds and runs Taipan: `import pyexpat`
//! raises ImportError there. Entry points newer than the loaded Expat are `None`.

use std::ffi::{CStr, c_char, c_int, c_long, c_uint, c_ulong, c_void};
use std::sync::OnceLock;

/// `XML_Parser`: an opaque parser handle.
pub type XmlParser = *mut c_void;
/// `XML_Char` is `char` (UTF-8) in the library build we load (`sizeof(XML_Char)` is 1).
pub type XChar = c_char;

/// `XML_Content`: one node of an element declaration's content model.
#[repr(C)]
pub struct XmlContent {
    pub ty: c_int,
    pub quant: c_int,
    pub name: *const XChar,
    pub numchildren: c_uint,
    pub children: *const XmlContent,
}

/// `XML_Encoding`: the byte map an unknown-encoding handler fills in.
#[repr(C)]
pub struct XmlEncoding {
    pub map: [c_int; 256],
    pub data: *mut c_void,
    pub convert: *const c_void,
    pub release: *const c_void,
}

/// `XML_Feature`.
#[repr(C)]
pub struct XmlFeature {
    pub feature: c_int,
    pub name: *const XChar,
    pub value: c_long,
}

/// `XML_Expat_Version`.
#[repr(C)]
pub struct ExpatVersion {
    pub major: c_int,
    pub minor: c_int,
    pub micro: c_int,
}

crate::dyn_api! {
    Expat;
    required {
        parser_create = "XML_ParserCreate\0": fn(*const XChar) -> XmlParser;
        parser_create_ns = "XML_ParserCreateNS\0": fn(*const XChar, XChar) -> XmlParser;
        external_entity_parser_create = "XML_ExternalEntityParserCreate\0": fn(XmlParser, *const XChar, *const XChar) -> XmlParser;
        parser_free = "XML_ParserFree\0": fn(XmlParser);
        set_user_data = "XML_SetUserData\0": fn(XmlParser, *mut c_void);
        parse = "XML_Parse\0": fn(XmlParser, *const c_char, c_int, c_int) -> c_int;
        get_buffer = "XML_GetBuffer\0": fn(XmlParser, c_int) -> *mut c_void;
        parse_buffer = "XML_ParseBuffer\0": fn(XmlParser, c_int, c_int) -> c_int;
        stop_parser = "XML_StopParser\0": fn(XmlParser, u8) -> c_int;
        get_error_code = "XML_GetErrorCode\0": fn(XmlParser) -> c_int;
        error_string = "XML_ErrorString\0": fn(c_int) -> *const XChar;
        current_line = "XML_GetCurrentLineNumber\0": fn(XmlParser) -> c_ulong;
        current_column = "XML_GetCurrentColumnNumber\0": fn(XmlParser) -> c_ulong;
        current_byte_index = "XML_GetCurrentByteIndex\0": fn(XmlParser) -> c_long;
        input_context = "XML_GetInputContext\0": fn(XmlParser, *mut c_int, *mut c_int) -> *const c_char;
        specified_attribute_count = "XML_GetSpecifiedAttributeCount\0": fn(XmlParser) -> c_int;
        set_encoding = "XML_SetEncoding\0": fn(XmlParser, *const XChar) -> c_int;
        set_base = "XML_SetBase\0": fn(XmlParser, *const XChar) -> c_int;
        get_base = "XML_GetBase\0": fn(XmlParser) -> *const XChar;
        set_return_ns_triplet = "XML_SetReturnNSTriplet\0": fn(XmlParser, c_int);
        set_param_entity_parsing = "XML_SetParamEntityParsing\0": fn(XmlParser, c_int) -> c_int;
        use_foreign_dtd = "XML_UseForeignDTD\0": fn(XmlParser, u8) -> c_int;
        set_unknown_encoding_handler = "XML_SetUnknownEncodingHandler\0": fn(XmlParser, *const c_void, *mut c_void);
        free_content_model = "XML_FreeContentModel\0": fn(XmlParser, *mut XmlContent);
        expat_version = "XML_ExpatVersion\0": fn() -> *const XChar;
        expat_version_info = "XML_ExpatVersionInfo\0": fn() -> ExpatVersion;
        feature_list = "XML_GetFeatureList\0": fn() -> *const XmlFeature;
        set_start_element = "XML_SetStartElementHandler\0": fn(XmlParser, *const c_void);
        set_end_element = "XML_SetEndElementHandler\0": fn(XmlParser, *const c_void);
        set_processing_instruction = "XML_SetProcessingInstructionHandler\0": fn(XmlParser, *const c_void);
        set_character_data = "XML_SetCharacterDataHandler\0": fn(XmlParser, *const c_void);
        set_unparsed_entity_decl = "XML_SetUnparsedEntityDeclHandler\0": fn(XmlParser, *const c_void);
        set_notation_decl = "XML_SetNotationDeclHandler\0": fn(XmlParser, *const c_void);
        set_start_namespace_decl = "XML_SetStartNamespaceDeclHandler\0": fn(XmlParser, *const c_void);
        set_end_namespace_decl = "XML_SetEndNamespaceDeclHandler\0": fn(XmlParser, *const c_void);
        set_comment = "XML_SetCommentHandler\0": fn(XmlParser, *const c_void);
        set_start_cdata = "XML_SetStartCdataSectionHandler\0": fn(XmlParser, *const c_void);
        set_end_cdata = "XML_SetEndCdataSectionHandler\0": fn(XmlParser, *const c_void);
        set_default = "XML_SetDefaultHandler\0": fn(XmlParser, *const c_void);
        set_default_expand = "XML_SetDefaultHandlerExpand\0": fn(XmlParser, *const c_void);
        set_not_standalone = "XML_SetNotStandaloneHandler\0": fn(XmlParser, *const c_void);
        set_external_entity_ref = "XML_SetExternalEntityRefHandler\0": fn(XmlParser, *const c_void);
        set_start_doctype_decl = "XML_SetStartDoctypeDeclHandler\0": fn(XmlParser, *const c_void);
        set_end_doctype_decl = "XML_SetEndDoctypeDeclHandler\0": fn(XmlParser, *const c_void);
        set_entity_decl = "XML_SetEntityDeclHandler\0": fn(XmlParser, *const c_void);
        set_xml_decl = "XML_SetXmlDeclHandler\0": fn(XmlParser, *const c_void);
        set_element_decl = "XML_SetElementDeclHandler\0": fn(XmlParser, *const c_void);
        set_attlist_decl = "XML_SetAttlistDeclHandler\0": fn(XmlParser, *const c_void);
        set_skipped_entity = "XML_SetSkippedEntityHandler\0": fn(XmlParser, *const c_void);
    }
    optional {
        set_reparse_deferral = "XML_SetReparseDeferralEnabled\0": fn(XmlParser, u8) -> u8;
        set_billion_laughs_threshold = "XML_SetBillionLaughsAttackProtectionActivationThreshold\0": fn(XmlParser, u64) -> u8;
        set_billion_laughs_amplification = "XML_SetBillionLaughsAttackProtectionMaximumAmplification\0": fn(XmlParser, f32) -> u8;
        set_alloc_tracker_threshold = "XML_SetAllocTrackerActivationThreshold\0": fn(XmlParser, u64) -> u8;
        set_alloc_tracker_amplification = "XML_SetAllocTrackerMaximumAmplification\0": fn(XmlParser, f32) -> u8;
    }
}

/// The library, loaded on first use (once per process: the handle is never closed).
pub fn expat() -> Result<&'static Expat, String> {
    static LIB: OnceLock<Result<Expat, String>> = OnceLock::new();
    LIB.get_or_init(|| {
        let lib = crate::modules::dynlib::open(&[
            c"libexpat.so.1",
            c"libexpat.so",
            c"libexpat.1.dylib",
            c"libexpat.dylib",
        ])?;
        Expat::load(lib)
    })
    .as_ref()
    .map_err(Clone::clone)
}

/// A NUL-terminated C string from Expat as Rust bytes (`None` for a null pointer).
///
/// # Safety
/// `p` is null or points to a NUL-terminated string that outlives the returned slice.
pub unsafe fn bytes<'a>(p: *const XChar) -> Option<&'a [u8]> {
    // SAFETY: the caller's contract.
    (!p.is_null()).then(|| unsafe { CStr::from_ptr(p) }.to_bytes())
}
