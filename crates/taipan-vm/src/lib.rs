//! Taipan's virtual machine: object model, eval loop, frames, builtins, import.
//! (Grows with the VM issue.)
