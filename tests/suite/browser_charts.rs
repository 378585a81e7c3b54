//! End to end in a real browser: the seed briefing's charts are drawn by
//! headless Chromium, and `brief render --format pdf` makes a PDF with
//! the briefing's text and numbered pages. These need Chromium and
//! poppler-utils (pdfinfo, pdftotext); `.ci/run` installs them and runs
//! this with `--ignored`. `BRIEF_CHROMIUM` names the browser if it is not
//! on PATH.

use std::path::{Path, PathBuf};
use std::process::Command;

use brief::{Format, RenderOptions};

use crate::common;

fn browser() -> PathBuf {
    brief::pdf::find_browser(
        None,
        std::env::var_os(brief::pdf::BROWSER_VAR),
        std::env::var_os("PATH"),
    )
    .expect("Chromium or Chrome is installed")
}

fn seed_html(diagrams: Option<brief::render::Diagrams>) -> String {
    let options = RenderOptions {
        format: Format::Html,
        diagrams,
        ..RenderOptions::default()
    };
    common::render(&common::seed(), &options)
}

/// Where each chart is put on the test page: (its element id, top).
const SLOTS: [(&str, u32); 3] = [
    ("brief-us-russia-talks-territory-chart", 0),
    ("brief-us-russia-talks-chronology-chart", 300),
    ("brief-us-russia-talks-relations-chart", 700),
];
const WIDTH: u32 = 720;
const HEIGHT: u32 = 1300;

/// The seed page with everything but the charts hidden, and each chart
/// placed at a known spot, so the screenshot can be read region by region.
fn staged(html: &str) -> String {
    let mut style = String::from(
        "<style>body { margin: 0; background: #fff; color: #000; } body * { visibility: hidden; } \
         .chart svg, .chart svg * { visibility: visible; } \
         .chart { position: absolute; left: 0; width: 720px; margin: 0; }",
    );
    for (id, top) in SLOTS {
        style.push_str(&format!(" #{id} {{ top: {top}px; }}"));
    }
    style.push_str("</style>");
    html.replace("</head>", &format!("{style}\n</head>"))
}

/// Takes a screenshot of a page and returns its RGBA pixels.
fn screenshot(html: &str) -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    let png = dir.path().join("shot.png");
    std::fs::write(&page, html).unwrap();
    let status = Command::new(browser())
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!(
            "--user-data-dir={}",
            dir.path().join("profile").display()
        ))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("--window-size={WIDTH},{HEIGHT}"))
        .arg(format!("file://{}", page.display()))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .expect("the browser runs");
    assert!(status.success(), "the browser failed: {status}");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (WIDTH, HEIGHT));
    // Normalise to RGBA.
    match info.color_type {
        png::ColorType::Rgba => buf[..info.buffer_size()].to_vec(),
        png::ColorType::Rgb => buf[..info.buffer_size()]
            .chunks(3)
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect(),
        other => panic!("unexpected PNG colour type {other:?}"),
    }
}

/// The share of pixels in rows `top..bottom` that are clearly not white.
fn ink(pixels: &[u8], top: u32, bottom: u32) -> f64 {
    let mut dark = 0usize;
    let mut all = 0usize;
    for y in top..bottom.min(HEIGHT) {
        for x in 0..WIDTH {
            let i = ((y * WIDTH + x) * 4) as usize;
            let lum =
                (u32::from(pixels[i]) + u32::from(pixels[i + 1]) + u32::from(pixels[i + 2])) / 3;
            all += 1;
            dark += usize::from(lum < 200);
        }
    }
    dark as f64 / all as f64
}

#[test]
#[ignore = "needs Chromium; run by .ci/run"]
fn the_seed_charts_are_drawn_in_a_browser() {
    let pixels = screenshot(&staged(&seed_html(None)));
    for (id, top) in SLOTS {
        let share = ink(&pixels, top, top + 200);
        assert!(share > 0.01, "{id}: only {share:.4} of the region is drawn");
    }
    // Between the territory chart (232 px high) and the chronology, and
    // everything else of the page, nothing shows.
    assert_eq!(ink(&pixels, 240, 295), 0.0, "the gap should be blank");
    // Without the charts the same regions stay blank: the check sees them.
    let blank = screenshot(&staged(&seed_html(Some(brief::render::Diagrams::Off))));
    for (id, top) in SLOTS {
        assert_eq!(ink(&blank, top, top + 200), 0.0, "{id} without charts");
    }
}

fn run(tool: &str, args: &[&Path]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (install poppler-utils): {e}"));
    assert!(
        out.status.success(),
        "{tool}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn pdf_of(paper: &str) -> (String, String) {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("talks.pdf");
    let out = common::brief()
        .args(["render", common::SEED, "--paper", paper, "-o"])
        .arg(&pdf)
        .arg("--chromium")
        .arg(browser())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    // Only the PDF is left beside it: it was written through a temporary
    // file, renamed into place.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    let info = run("pdfinfo", &[&pdf]);
    let text = run("pdftotext", &[Path::new("-layout"), &pdf, Path::new("-")]);
    (info, text)
}

#[test]
#[ignore = "needs Chromium and poppler-utils; run by .ci/run"]
fn the_seed_prints_to_a_paged_pdf_with_its_facts() {
    let (info, text) = pdf_of("a4");
    let pages: usize = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo gives the page count");
    assert!((3..=12).contains(&pages), "{pages} pages\n{info}");
    assert!(info.contains("(A4)"), "A4: {info}");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for fact in [
        "Russian and U.S. diplomats set to meet at the end of the week",
        "nearly 20%",
        "over 99%",
        "12 February 2025 (year inferred)",
        "this week, at the end of the week (exact date unknown)",
        "Rejected firmly by Ukraine's Western European allies",
        // The last column of the widest table: nothing is clipped.
        "controlled",
        "TASS",
    ] {
        assert!(flat.contains(fact), "the PDF lacks `{fact}`:\n{flat}");
    }
    // Every page is numbered "n / N" (pdftotext drops the spaces).
    let squeezed: String = flat.chars().filter(|c| !c.is_whitespace()).collect();
    for n in 1..=pages {
        assert!(
            squeezed.contains(&format!("{n}/{pages}")),
            "no page number {n} / {pages}"
        );
    }
    let (info, _) = pdf_of("letter");
    assert!(info.contains("612 x 792"), "Letter: {info}");
}
