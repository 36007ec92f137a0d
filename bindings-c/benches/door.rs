//! What the C door costs: the name check called through the C ABI (`cncd_name_check`,
//! exactly as a C program calls it: pointer and length in, status and canonical name out,
//! the string freed with `cncd_string_free`) beside the same check called from Rust
//! (`cncd::names::check`), over 20,000 typed names of the national list:
//! `cargo bench -p cncd-c --bench door`. The target is at most 1.2x.

/// The core, as `common/typed.rs` names it.
use cncd_core as core_crate;

#[path = "../../core/benches/common/typed.rs"]
mod typed;

use cncd::{cncd_name_check, cncd_name_status, cncd_profile, cncd_profile_builtin, cncd_registry, cncd_registry_builtin, cncd_string_free};
use cncd_core::names::check;
use cncd_core::profile::Profile;
use cncd_core::units::Registry;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::ffi::c_char;
use std::hint::black_box;

fn bench(c: &mut Criterion) {
    let names = typed::typed_names(&Registry::vietnam_2022(), 20_000);
    let (mut reg, mut profile): (*const cncd_registry, *const cncd_profile) = (std::ptr::null(), std::ptr::null());
    unsafe {
        assert_eq!(cncd_registry_builtin(c"vietnam-2022".as_ptr(), 12, &mut reg), 0);
        assert_eq!(cncd_profile_builtin(c"ninh-thuan-2022".as_ptr(), 15, &mut profile), 0);
    }
    let rust_reg = Registry::vietnam_2022();
    let rules = Profile::ninh_thuan_2022().naming;
    let mut g = c.benchmark_group("name check, 20k typed names");
    g.throughput(Throughput::Elements(names.len() as u64));
    g.bench_function("Rust names::check", |b| {
        b.iter(|| {
            for n in &names {
                let r = check(&rust_reg, &rules, black_box(n), None, "/name");
                black_box((r.status, r.canonical));
            }
        })
    });
    g.bench_function("C ABI cncd_name_check (status + canonical)", |b| {
        b.iter(|| {
            for n in &names {
                let mut status = cncd_name_status::CNCD_NAME_INVALID;
                let mut canonical: *mut c_char = std::ptr::null_mut();
                let rc =
                    unsafe { cncd_name_check(reg, profile, n.as_ptr().cast(), n.len(), &mut status, &mut canonical, std::ptr::null_mut()) };
                black_box((rc, status));
                unsafe { cncd_string_free(canonical) };
            }
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10).measurement_time(std::time::Duration::from_secs(5)).warm_up_time(std::time::Duration::from_secs(1));
    targets = bench
}
criterion_main!(benches);
