//! `brief serve`: a local preview of a brief or a directory of briefs,
//! rendered on request and reloaded in the browser on every save.

use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::mpsc;

use brief::serve::{ServeOptions, Server};

use super::args::{ImportArgs, LangArg, LimitArgs, ReadConfig, TemplateArgs};
use super::clock;
use super::report::{Problem, Reporter};

/// The port served on unless --port says otherwise.
pub const DEFAULT_PORT: u16 = 4747;

/// The flags of `brief serve`.
#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// A brief, served at `/`, or a directory of briefs, served with an
    /// index at `/` and each brief at the name `build` gives its page.
    #[arg(default_value = ".")]
    path: PathBuf,
    /// The port to listen on; 0 picks a free one (printed at start).
    #[arg(short, long, value_name = "N", default_value_t = DEFAULT_PORT)]
    port: u16,
    /// The address to listen on. The default serves this machine only;
    /// another address lets other machines read the briefs.
    #[arg(long, value_name = "ADDR", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    bind: IpAddr,
    /// Open the preview in the default browser.
    #[arg(long)]
    open: bool,
    /// Look at the files every quarter of a second instead of waiting for
    /// the system's file events (for network or container file systems
    /// whose events do not arrive).
    #[arg(long)]
    poll: bool,
    #[command(flatten)]
    templates: TemplateArgs,
    /// The template to render each brief with: `flash`, or one of your
    /// own from --templates. Default: `brief`.
    #[arg(short, long, value_name = "NAME")]
    template: Option<String>,
    /// The language of the pages: their labels, dates, qualifiers and
    /// numbers. The brief's own text is never translated.
    #[arg(long, value_enum, value_name = "LANG", default_value = "en")]
    lang: LangArg,
    #[command(flatten)]
    imports: ImportArgs,
    #[command(flatten)]
    limits: LimitArgs,
}

/// What reaches the main thread while serving.
enum Event {
    /// Files changed: open pages reload.
    Changed,
    /// Ctrl-C or a termination signal.
    Stop,
}

/// Serves until stopped; returns the exit status: 0 when stopped by a
/// signal, 1 when the server could not start.
pub fn run(args: &ServeArgs, report: &Reporter) -> i32 {
    let read = ReadConfig::new(&args.imports, &args.limits);
    let options = ServeOptions {
        path: args.path.clone(),
        templates: args.templates.templates.clone(),
        template: args.template.clone(),
        import_root: read.import_root,
        limits: read.limits,
        lang: args.lang.lang(),
    };
    let address = SocketAddr::new(args.bind, args.port);
    let listener = match TcpListener::bind(address) {
        Ok(l) => l,
        Err(e) if e.kind() == std::io::ErrorKind::AddrInUse => {
            return report.problem(
                &Problem::refusal(format!("cannot serve on {address}: the port is in use"))
                    .help("pick another with `--port N`, or `--port 0` for a free one"),
            );
        }
        Err(e) => {
            report.error(None, &format!("cannot serve on {address}: {e}"));
            return 1;
        }
    };
    let address = listener.local_addr().unwrap_or(address);
    let server = match Server::new(options, listener, args.poll) {
        Ok(s) => s,
        Err(e) => {
            report.error(None, &e.to_string());
            return 1;
        }
    };
    let (send, events) = mpsc::channel();
    let stop = send.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(Event::Stop);
    }) {
        report.error(None, &format!("cannot handle Ctrl-C: {e}"));
        return 1;
    }
    let mode = server.mode();
    let changes = server.changes();
    std::thread::spawn(move || {
        let mut seen = changes.current();
        loop {
            seen = changes.wait_past(seen, None);
            if send.send(Event::Changed).is_err() {
                return;
            }
        }
    });
    std::thread::spawn(move || server.run());

    let url = format!("http://{address}/");
    report.note(&format!(
        "{} serving `{}` at {url}, watching {}; press Ctrl-C to stop",
        clock::stamp(),
        args.path.display(),
        mode.describe()
    ));
    if !args.bind.is_loopback() {
        report.warning(&format!(
            "listening on {}: other machines can read these briefs",
            args.bind
        ));
    }
    if args.open
        && let Err(e) = open_browser(&url)
    {
        report.warning(&format!("cannot open a browser: {e}; open {url} yourself"));
    }
    while let Ok(event) = events.recv() {
        match event {
            Event::Changed => report.note(&format!(
                "{} change detected; open pages reload",
                clock::stamp()
            )),
            Event::Stop => break,
        }
    }
    report.note(&format!("{} stopped serving", clock::stamp()));
    0
}

/// Opens `url` with the system's handler for web pages.
fn open_browser(url: &str) -> std::io::Result<()> {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .map(drop)
}
