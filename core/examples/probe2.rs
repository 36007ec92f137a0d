use std::hint::black_box;
fn main() {
    let csv = include_str!("../data/vn-units-2022.csv");
    let names: Vec<&str> = csv.lines().skip(1).map(|l| l.rsplit(',').next().unwrap()).collect();
    let which = std::env::args().nth(1).unwrap_or_default();
    let mut buf = String::new();
    for _ in 0..10 { for n in &names {
        match which.as_str() { "a" => cncd::text::ascii_key_into(black_box(n), &mut buf), "n" => cncd::text::name_key_into(black_box(n), &mut buf), "x" => { buf.clear(); buf.push_str(n) } _ => cncd::text::clean_into(black_box(n), &mut buf) }
        black_box(&buf);
    } }
}
