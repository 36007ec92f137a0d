//! Gives the shared library an soname, `libcncd.so.MAJOR`, as a C library has, so that
//! programs linked against it keep working across compatible updates.
fn main() {
    let target_os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    if target_os == "linux" {
        let major = std::env::var("CARGO_PKG_VERSION_MAJOR").unwrap_or_else(|_| "0".into());
        println!("cargo:rustc-cdylib-link-arg=-Wl,-soname,libcncd.so.{major}");
    }
}
