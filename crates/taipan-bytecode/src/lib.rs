//! CPython 3.14's bytecode: opcode numbers and metadata, the code object, and marshal.
//! (Grows with the compiler issue.)
