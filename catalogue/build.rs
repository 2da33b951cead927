//! The data files are read when the macros run, not compiled into this
//! crate: this makes cargo rebuild the crate, and so the macros and every
//! crate that uses them, when a file under `data/` changes. (Tracking them
//! from the generated code instead, one `include_bytes!` per file, made
//! rustc load all 12 MB of them into every build of the product enums.)

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=sources.toml");
}
