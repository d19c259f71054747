//! binascii
