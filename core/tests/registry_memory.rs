//! The national registry's heap, counted by a counting allocator (a count of bytes, not a
//! timing: it is the same on every machine).

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicIsize, Ordering};

struct Counting;
static LIVE: AtomicIsize = AtomicIsize::new(0);

// SAFETY: every call is forwarded to the system allocator unchanged; the counter only
// records the sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size() as isize, Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_add(new_size as isize - layout.size() as isize, Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn vietnam_2022_fits_in_8_mib_of_heap() {
    let before = LIVE.load(Ordering::Relaxed);
    let reg = cncd::units::Registry::vietnam_2022();
    let built = LIVE.load(Ordering::Relaxed) - before;
    // The typo index is built on first use; count it too.
    let _ = reg.resolve("xxxxxxxx", &cncd::units::ResolveOptions::default());
    let with_typo = LIVE.load(Ordering::Relaxed) - before;
    // So are the index of names as the list writes them and the flags of shared names,
    // which a group name's check builds.
    let rules = cncd::names::NamingRules::ninh_thuan_2022();
    let check = cncd::names::check(&reg, &rules, "CNCĐ_Phước Hà_Thuận Nam", None, "/name");
    drop(check);
    let with_all = LIVE.load(Ordering::Relaxed) - before;
    eprintln!("vietnam_2022: {built} bytes of heap, {with_typo} with the typo index, {with_all} with the names' indexes");
    assert!(with_all < 8 << 20, "{with_all} bytes");
    drop(reg);
}
