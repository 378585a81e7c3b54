//! Load and validate arbitrary bytes as a brief, then lay out every
//! diagnostic (human, colour and JSON): none of it may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = brief::Limits::default();
    let text = match brief::decode_source(data.to_vec(), &limits) {
        Ok(text) => text,
        Err(d) => {
            let lossy = String::from_utf8_lossy(data);
            let _ = d.render("fuzz.yaml", &lossy);
            return;
        }
    };
    let (_, diagnostics) = brief::check_str(&text, &limits);
    for d in &diagnostics {
        let _ = d.render("fuzz.yaml", &text);
        let _ = d.render_ansi("fuzz.yaml", &text);
        let _ = d.to_json("fuzz.yaml", &text);
    }
});
