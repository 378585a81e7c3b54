//! `brief draft`: a first brief from an article's text.

use std::io::Read;
use std::path::{Component, Path, PathBuf};

use brief::output::Inputs;
use brief::{DraftError, DraftOptions, Limits};

use super::args::{MessageFormat, parse_size};
use super::output::{print_stdout, same_file, write_file};
use super::report::{Problem, Reporter};

/// The languages an article may be drafted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ArticleLang {
    /// English.
    En,
}

/// The flags of `brief draft`.
#[derive(Debug, clap::Args)]
pub struct DraftArgs {
    /// The article, as plain text; `-` reads standard input.
    article: PathBuf,
    /// The article's publication date (`2031-05-14`, `14 May 2031`):
    /// relative dates are resolved against it. Default: the dateline's
    /// date, if it gives one.
    #[arg(long, value_name = "DATE", value_parser = parse_published)]
    published: Option<brief::date::Point>,
    /// The brief's title. Default: the article's headline.
    #[arg(long, value_name = "TEXT")]
    title: Option<String>,
    /// The brief's id. Default: made from the title and the date.
    #[arg(long, value_name = "ID", value_parser = parse_id)]
    id: Option<String>,
    /// Write the draft to this file (atomically) instead of standard
    /// output; `-` is standard output. An existing file is replaced,
    /// never the article.
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// The article's language.
    #[arg(long, value_enum, default_value_t = ArticleLang::En, value_name = "LANG")]
    lang: ArticleLang,
    /// Largest article read, in bytes or with a unit (512KiB, 16MiB).
    /// Default: 16MiB.
    #[arg(long, value_name = "SIZE", value_parser = parse_size)]
    max_file_size: Option<usize>,
    /// How to print errors and warnings on standard error: `human` for a
    /// reader, or `json`, one JSON object per line, for editors and CI.
    #[arg(long, value_enum, default_value_t = MessageFormat::Human, value_name = "FORMAT")]
    message_format: MessageFormat,
}

/// A `--published` date: a whole day.
fn parse_published(text: &str) -> Result<brief::date::Point, String> {
    brief::draft::article::read_date(text).ok_or_else(|| {
        format!("`{text}` is not a day's date: write it as 2031-05-14 or 14 May 2031")
    })
}

/// An `--id`: letters, digits, `-`, `_` and `.`.
fn parse_id(text: &str) -> Result<String, String> {
    let ok = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok {
        Ok(text.to_owned())
    } else {
        Err(format!(
            "`{text}` is not a valid id: ids are letters, digits, `-`, `_` and `.`"
        ))
    }
}

/// What `brief draft` does, decided from its flags.
#[derive(Debug)]
pub struct DraftConfig {
    /// The article; `-` is standard input.
    pub article: PathBuf,
    /// Where to write the draft; `None` is standard output.
    pub output: Option<PathBuf>,
    /// The drafter's options, but for `text_path`, set once the article
    /// is read.
    pub options: DraftOptions,
    /// The largest article read.
    pub max_bytes: usize,
}

impl DraftArgs {
    /// The reporter these flags ask for, colouring when `color`.
    pub fn reporter(&self, color: bool) -> Reporter {
        Reporter::new(self.message_format == MessageFormat::Json, color, false)
    }

    /// The settings these flags ask for, or why they do not go together.
    pub fn config(&self) -> Result<DraftConfig, Problem> {
        let output = self
            .output
            .clone()
            .filter(|o| o.as_path() != Path::new("-"));
        if let Some(out) = &output
            && self.article != Path::new("-")
            && same_file(&self.article, out)
        {
            return Err(Problem::refusal(format!(
                "the output `{}` is the article; refusing to overwrite it",
                out.display()
            )));
        }
        let max_bytes = self
            .max_file_size
            .unwrap_or(Limits::default().max_file_bytes);
        let mut options = DraftOptions::new();
        options.published = self.published;
        options.title = self.title.clone();
        options.id = self.id.clone();
        options.max_bytes = max_bytes;
        Ok(DraftConfig {
            article: self.article.clone(),
            output,
            options,
            max_bytes,
        })
    }
}

/// Reads the article, drafts the brief and writes it; returns the exit
/// status.
pub fn run(config: &DraftConfig, report: &Reporter) -> i32 {
    let stdin = config.article == Path::new("-");
    let label = if stdin {
        "<stdin>".to_owned()
    } else {
        config.article.display().to_string()
    };
    let text = match read_article(&config.article, config.max_bytes) {
        Ok(text) => text,
        Err(message) => {
            report.error(Some(&label), &message);
            return 1;
        }
    };
    let mut options = config.options.clone();
    // `text:` names the article relative to the draft's directory; an
    // article with no file of its own (standard input, a pipe) has none.
    let regular = !stdin && std::fs::metadata(&config.article).is_ok_and(|m| m.is_file());
    if regular {
        let from = match &config.output {
            Some(out) => out
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map_or_else(|| PathBuf::from("."), Path::to_path_buf),
            None => PathBuf::from("."),
        };
        options.text_path = relative_path(&from, &config.article);
        if config.output.is_some()
            && options
                .text_path
                .as_deref()
                .is_some_and(|t| t.starts_with("../"))
        {
            report.warning(&format!(
                "`{label}` is outside the draft's directory: `brief check` reads it only with --import-root naming a directory that holds both (or inside one git repository)"
            ));
        }
        if options.text_path.is_none() {
            report.warning(&format!(
                "cannot name `{label}` relative to the draft's directory: the draft has no `text:`, and gives its evidence as comments"
            ));
        }
        options.article_label = config
            .article
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
    } else {
        let what = if stdin {
            "the article was read from standard input".to_owned()
        } else {
            format!("the article `{label}` is not a regular file")
        };
        report.warning(&format!(
            "{what}: the draft has no `text:` to name it, and gives its evidence as comments"
        ));
        options.article_label = Some(if stdin {
            "standard input".to_owned()
        } else {
            label.clone()
        });
    }
    let yaml = match brief::draft(&text, &options) {
        Ok(yaml) => yaml,
        Err(e) => {
            report.error(Some(&label), &draft_error(&e, &text, &label));
            return 1;
        }
    };
    match &config.output {
        None => print_stdout(&yaml, report),
        Some(out) => {
            let mut inputs = Inputs::new();
            if !stdin {
                inputs.add(&config.article);
            }
            write_file(out, yaml.as_bytes(), &inputs, report)
        }
    }
}

/// The message for an article the drafter refused.
fn draft_error(e: &DraftError, text: &str, label: &str) -> String {
    match e {
        DraftError::Binary(at) => {
            let before = &text[..*at];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            format!("{label}:{line}:{column}: the article is not text: it holds a NUL byte")
        }
        DraftError::Control(at, c) => {
            let before = &text[..*at];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            format!(
                "{label}:{line}:{column}: the article holds the control character U+{:04X}, which a brief may not hold: remove it",
                *c as u32
            )
        }
        DraftError::Empty => format!("`{label}` is empty: there is nothing to draft from"),
        e => format!("cannot draft from `{label}`: {e}"),
    }
}

/// Reads the article: standard input for `-`, else the file named; never
/// more than `max` bytes (and one).
fn read_article(path: &Path, max: usize) -> Result<String, String> {
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        std::io::stdin()
            .take(max as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
    } else {
        let shown = path.display();
        let meta = std::fs::metadata(path).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
        if meta.is_dir() {
            return Err(format!("`{shown}` is a directory, not an article"));
        }
        if meta.is_file() && meta.len() > max as u64 {
            return Err(format!(
                "`{shown}` is larger than the limit of {max} bytes (see --max-file-size)"
            ));
        }
        let file = std::fs::File::open(path).map_err(|e| format!("cannot read `{shown}`: {e}"))?;
        file.take(max as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    }
    if bytes.len() > max {
        return Err(format!(
            "the article is larger than the limit of {max} bytes (see --max-file-size)"
        ));
    }
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text.replace("\r\n", "\n")),
        Err(e) => {
            let good = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let text = std::str::from_utf8(good).unwrap_or_default();
            let line = text.matches('\n').count() + 1;
            let column = text.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            Err(format!(
                "{}:{line}:{column}: the article is not UTF-8 text (save it as UTF-8)",
                if path == Path::new("-") {
                    "<stdin>".to_owned()
                } else {
                    path.display().to_string()
                }
            ))
        }
    }
}

/// `target` as a path relative to the directory `from`, with `/`
/// between its parts; `None` when it cannot be written so (a path that
/// is not UTF-8, or on another drive).
fn relative_path(from: &Path, target: &Path) -> Option<String> {
    let from = std::fs::canonicalize(from).ok()?;
    let target = std::fs::canonicalize(target).ok()?;
    let a: Vec<Component> = from.components().collect();
    let b: Vec<Component> = target.components().collect();
    let common = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    if common == 0 {
        return None;
    }
    let mut parts: Vec<String> = vec!["..".to_owned(); a.len() - common];
    for c in &b[common..] {
        parts.push(c.as_os_str().to_str()?.to_owned());
    }
    Some(parts.join("/"))
}
