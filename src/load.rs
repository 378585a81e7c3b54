//! Stage 1, load: YAML text → the raw [`format::Brief`] plus diagnostics.
//!
//! This is the only module that knows about the YAML crate. The text is
//! parsed once, under an explicit resource budget, into a small tree of
//! [`Node`]s that remember where they came from. The schema types are then
//! deserialized from that tree by our own serde `Deserializer`, which
//! (a) attaches a line and column to every error, (b) fills in
//! [`Located`] values, and (c) recovers at each item of a top-level list
//! ([`Items`]), so that one bad actor does not hide the problems of the
//! next one.

use std::cell::RefCell;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};

use crate::date::Edtf;
use crate::diagnostic::{Diagnostic, closest};
use crate::format::{
    self, Attribution, AttributionFull, DateFull, DateSpec, Evidence, Ref, Selector, SelectorFull,
    Speakers,
};
use crate::pos::{Items, Located, Pos};

pub(crate) mod controls;
mod fast;

/// Limits on what one brief file may cost to load. Hostile input (alias
/// bombs, deep nesting, huge files) is refused with an error instead of
/// exhausting memory or time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted file, in bytes.
    pub max_file_bytes: usize,
    /// Deepest accepted nesting of lists and maps; at most
    /// [`Limits::MAX_DEPTH`] (a larger value counts as that).
    pub max_depth: usize,
    /// Most YAML nodes (scalars, lists, maps) in one file, aliases
    /// expanded.
    pub max_nodes: usize,
    /// Most alias uses (`*name`) in one file.
    pub max_aliases: usize,
    /// Longest accepted string value, in bytes.
    pub max_string_bytes: usize,
}

impl Limits {
    /// The highest nesting limit honoured: loading at any depth up to it
    /// needs no more than a few hundred kilobytes of the caller's stack
    /// (the parser grows its own stack as it goes deeper).
    pub const MAX_DEPTH: usize = 1000;
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: 16 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 1_000_000,
            max_aliases: 10_000,
            max_string_bytes: 1024 * 1024,
        }
    }
}

/// The result of loading: the raw brief if the file had the right shape,
/// and every problem found.
#[derive(Debug)]
pub struct Loaded {
    /// The brief, when its overall shape could be read. Items that failed
    /// to load are missing from it (and reported in `diagnostics`).
    pub brief: Option<format::Brief>,
    /// Ids of list items that failed to load: references to them are not
    /// reported again as unknown.
    pub broken_ids: Vec<String>,
    /// Problems found, in source order.
    pub diagnostics: Vec<Diagnostic>,
}

/// `text` with each lone carriage return (old Mac line endings) turned
/// into a line feed, as YAML reads it; CRLF is left alone. Byte offsets do
/// not change, so positions in one are positions in the other.
pub fn normalize_line_breaks(text: &str) -> std::borrow::Cow<'_, str> {
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text.into();
    }
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (i, c) in text.char_indices() {
        if c == '\r' && bytes.get(i + 1) != Some(&b'\n') {
            out.push('\n');
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// Parses and deserializes a brief from YAML text.
pub fn load(source: &str, limits: &Limits) -> Loaded {
    let (brief, broken_ids, diagnostics) = load_as::<format::Brief>(source, limits, 0);
    Loaded {
        brief,
        broken_ids,
        diagnostics,
    }
}

/// Parses and deserializes one file as a `T` (a brief, or a shared file
/// it imports), whose positions are in file number `file` (see
/// [`Pos::file`]). Returns the value when its overall shape could be read,
/// the ids of list items that failed to load, and every problem found, in
/// source order.
pub(crate) fn load_as<T: serde::de::DeserializeOwned>(
    source: &str,
    limits: &Limits,
    file: u32,
) -> (Option<T>, Vec<String>, Vec<Diagnostic>) {
    let source = &*normalize_line_breaks(source);
    let in_file = |mut d: Diagnostic| {
        d.pos.file = file;
        if let Some(related) = &mut d.related {
            related.0.file = file;
        }
        d
    };
    let fail = |d: Diagnostic| (None, Vec::new(), vec![in_file(d)]);
    if source.len() > limits.max_file_bytes {
        return fail(
            Diagnostic::error(
                "too-large",
                Pos::default(),
                format!(
                    "file is {} bytes, more than the limit of {} bytes",
                    source.len(),
                    limits.max_file_bytes
                ),
            )
            .with_help("split the brief into smaller files"),
        );
    }
    let mut root = match parse_yaml(source, limits) {
        Ok(node) => node,
        Err(d) => return fail(d),
    };
    if let Err(d) = check_strings(&root, limits) {
        return fail(d);
    }
    // Reported beside what deserializing finds: each is about one string.
    let text_checks = controls::check(&root);
    if file != 0 {
        set_file(&mut root, file);
    }
    let sink = RefCell::new(Sink::default());
    let de = NodeDe {
        node: &root,
        sink: &sink,
    };
    let result = T::deserialize(de);
    let Sink {
        mut errors,
        broken_ids,
    } = sink.into_inner();
    let value = match result {
        Ok(value) => Some(value),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    let mut diagnostics: Vec<Diagnostic> = errors
        .into_iter()
        .map(|e| in_file(e.into_diagnostic()))
        .chain(text_checks.into_iter().map(in_file))
        .collect();
    diagnostics.sort_by_key(|d| d.pos);
    diagnostics.dedup();
    (value, broken_ids, diagnostics)
}

/// Marks every node of a tree as being in file number `file`.
fn set_file(root: &mut Node, file: u32) {
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        node.pos.file = file;
        match &mut node.kind {
            Kind::Seq(items) => stack.extend(items.iter_mut()),
            Kind::Map(entries) => {
                for (k, v) in entries {
                    stack.push(k);
                    stack.push(v);
                }
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------
// The node tree.

#[derive(Debug, Clone)]
pub(crate) struct Node {
    kind: Kind,
    pos: Pos,
    /// For numbers and booleans: the text as written, so that a string
    /// field given `1.10` reads "1.10", not "1.1".
    raw: Option<Box<str>>,
}

impl Drop for Node {
    /// Drops the children one by one rather than recursively, so that
    /// freeing a deep tree needs no more stack than a shallow one.
    fn drop(&mut self) {
        let mut stack = Vec::new();
        take_children(&mut self.kind, &mut stack);
        while let Some(mut node) = stack.pop() {
            take_children(&mut node.kind, &mut stack);
        }
    }
}

fn take_children(kind: &mut Kind, stack: &mut Vec<Node>) {
    match kind {
        Kind::Seq(items) => stack.append(items),
        Kind::Map(entries) => {
            for (k, v) in entries.drain(..) {
                stack.push(k);
                stack.push(v);
            }
        }
        _ => {}
    }
}

#[derive(Debug, Clone)]
enum Kind {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Kind {
    fn describe(&self) -> &'static str {
        match self {
            Kind::Null => "nothing (null)",
            Kind::Bool(_) => "a boolean",
            Kind::Int(_) | Kind::UInt(_) => "an integer",
            Kind::Float(_) => "a number",
            Kind::Str(_) => "a string",
            Kind::Seq(_) => "a list",
            Kind::Map(_) => "a map",
        }
    }
}

fn parse_yaml(source: &str, limits: &Limits) -> Result<Node, Diagnostic> {
    parse_yaml_with(source, limits, true)
}

/// Parses with the fast path first when `fast` (see [`fast`]).
fn parse_yaml_with(source: &str, limits: &Limits, fast: bool) -> Result<Node, Diagnostic> {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = limits.max_depth.min(Limits::MAX_DEPTH);
    // Flow collections (`[[...]]`) have a nesting cap of their own: keep it
    // above the depth limit, so that the depth limit is what is reported.
    budget.flow_nesting_limit = budget.flow_nesting_limit.max(budget.max_depth + 1);
    budget.max_nodes = limits.max_nodes;
    budget.max_aliases = limits.max_aliases;
    budget.max_events = limits.max_nodes.saturating_mul(2);
    budget.max_total_scalar_bytes = limits.max_file_bytes.saturating_mul(4);
    budget.max_documents = 1;
    // Anchors and aliases are rare in briefs: keep their expansion small so
    // that an alias bomb is refused in milliseconds.
    budget.max_recorded_anchor_events = limits.max_aliases.saturating_mul(10);
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.alias_limits.max_total_replayed_events = limits.max_aliases.saturating_mul(10);
    options.duplicate_keys = serde_saphyr::DuplicateKeyPolicy::Error;
    options.strict_booleans = true;
    // A tag (`!city`, `!!binary`) would change or drop what the text says;
    // briefs have no use for them.
    options.reject_unsupported_tags = true;
    options.with_snippet = false;
    let empty = source
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with('#'));
    if empty {
        return Err(Diagnostic::error(
            "empty-file",
            Pos {
                file: 0,
                line: 1,
                column: 1,
                offset: 0,
                len: 0,
            },
            "the file holds no brief",
        )
        .with_help("a brief is a YAML map starting with `id:` and `title:`"));
    }
    if fast && let Some(node) = fast::parse(source, limits) {
        return Ok(node);
    }
    let raw: serde_saphyr::Spanned<RawNode> = serde_saphyr::from_str_with_options(source, options)
        .map_err(|e| yaml_error(&e, source, limits))?;
    Ok(raw_to_node(raw, source))
}

fn yaml_error(e: &serde_saphyr::Error, source: &str, limits: &Limits) -> Diagnostic {
    use serde_saphyr::Error as E;
    use serde_saphyr::budget::BudgetBreach as B;
    let pos = e
        .location()
        .map(|l| location_to_pos(&l, source))
        .unwrap_or_default();
    let limit = |message: String, help: String| {
        Diagnostic::error("limit-exceeded", pos, message).with_help(help)
    };
    match e {
        E::DuplicateMappingKey { key, .. } => {
            let key = key
                .as_deref()
                .map(|k| format!("`{k}` "))
                .unwrap_or_default();
            Diagnostic::error(
                "duplicate-key",
                pos,
                format!("the key {key}appears twice in this map"),
            )
            .with_label("given again here")
            .with_help("each key may appear once in a map; remove or rename one")
        }
        E::NonFiniteFloat { value, .. } => Diagnostic::error(
            "invalid-value",
            pos,
            format!("`{value}` is not a finite number"),
        )
        .with_label("not a finite number")
        .with_help("write a finite number, such as `20` or `99.5`"),
        E::Budget { breach, .. } => match breach {
            B::Depth { .. } => limit(
                format!(
                    "the file is nested more than {} levels deep",
                    limits.max_depth.min(Limits::MAX_DEPTH)
                ),
                "briefs need only a few levels of nesting; check the indentation".into(),
            ),
            B::Documents { .. } => Diagnostic::error(
                "yaml-syntax",
                pos,
                "the file holds more than one YAML document",
            )
            .with_label("a second document starts here")
            .with_help("a brief is one YAML document: put each brief in a file of its own"),
            B::Nodes { .. } | B::Events { .. } => limit(
                format!("the file holds more than {} YAML values", limits.max_nodes),
                "split the brief into smaller files".into(),
            ),
            B::Aliases { .. } => limit(
                format!(
                    "the file uses YAML aliases (`*name`) more than {} times",
                    limits.max_aliases
                ),
                "write the values out instead of repeating aliases".into(),
            ),
            _ => limit(
                "the file expands YAML anchors and aliases into too much data".into(),
                "a brief should not need more than a few aliases; write the values out".into(),
            ),
        },
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => limit(
            "the file expands YAML anchors and aliases into too much data".into(),
            "a brief should not need more than a few aliases; write the values out".into(),
        ),
        // The parser's own cap on nesting, when it trips before ours.
        _ if e.to_string().contains("recursion limit exceeded") => limit(
            format!(
                "the file is nested more than {} levels deep",
                limits.max_depth.min(Limits::MAX_DEPTH)
            ),
            "briefs need only a few levels of nesting; check the indentation".into(),
        ),
        _ if e.to_string().contains("budget breached") => limit(
            "the file expands YAML anchors and aliases into too much data".into(),
            "a brief should not need more than a few aliases; write the values out".into(),
        ),
        _ => {
            let message = e.without_snippet().to_string();
            let message = message.lines().next().unwrap_or("invalid YAML");
            let message = strip_position_suffix(message);
            if message.contains("unsupported tag") {
                return Diagnostic::error("yaml-syntax", pos, format!("invalid YAML: {message}"))
                    .with_label("tagged value")
                    .with_help("briefs use no YAML tags (`!name`); remove the tag");
            }
            if message.contains("tab") {
                let pos = first_tab_indent(source, pos).unwrap_or(pos);
                return Diagnostic::error("yaml-syntax", pos, format!("invalid YAML: {message}"))
                    .with_label("tab")
                    .with_help("indent YAML with spaces, not tabs");
            }
            Diagnostic::error("yaml-syntax", pos, format!("invalid YAML: {message}")).with_help(
                "check the indentation here and on the lines above, and quote text that holds `: ` or ` #`",
            )
        }
    }
}

/// The first tab in a line's indentation, from the line before `near` on:
/// the parser reports tab errors where it noticed them, not at the tab.
fn first_tab_indent(source: &str, near: Pos) -> Option<Pos> {
    let mut offset = 0;
    for (i, line) in source.split_inclusive('\n').enumerate() {
        let line_no = i as u32 + 1;
        if line_no + 1 >= near.line {
            let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
            if let Some(col) = line[..indent].find('\t') {
                return Some(Pos {
                    file: 0,
                    line: line_no,
                    column: col as u32 + 1,
                    offset: offset + col,
                    len: 1,
                });
            }
        }
        offset += line.len();
    }
    None
}

fn strip_position_suffix(message: &str) -> String {
    // "... at line 3 column 5" is shown in the header already.
    match message.rfind(" at line ") {
        Some(i) if message[i..].contains("column") => message[..i].to_string(),
        _ => message.to_string(),
    }
}

fn location_to_pos(l: &serde_saphyr::Location, source: &str) -> Pos {
    let span = l.span();
    let line = u32::try_from(l.line()).unwrap_or(u32::MAX);
    let column = u32::try_from(l.column()).unwrap_or(u32::MAX);
    let offset = span
        .byte_offset()
        .map(|o| o as usize)
        .unwrap_or_else(|| offset_of(source, line, column));
    let len = span.byte_len().map(|o| o as usize).unwrap_or(0);
    Pos {
        file: 0,
        line,
        column,
        offset,
        len,
    }
}

fn offset_of(source: &str, line: u32, column: u32) -> usize {
    if line == 0 {
        return 0;
    }
    let mut offset = 0;
    for (i, l) in source.split_inclusive('\n').enumerate() {
        if i + 1 == line as usize {
            return offset
                + l.char_indices()
                    .nth(column.saturating_sub(1) as usize)
                    .map(|(b, _)| b)
                    .unwrap_or(0);
        }
        offset += l.len();
    }
    source.len()
}

/// The first string longer than the limit, in document order. Walks the
/// tree with a list of its own rather than by recursion, so it needs no
/// stack however deep the YAML nests.
fn check_strings(root: &Node, limits: &Limits) -> Result<(), Diagnostic> {
    let mut pending = vec![root];
    while let Some(node) = pending.pop() {
        match &node.kind {
            Kind::Str(s) if s.len() > limits.max_string_bytes => {
                return Err(Diagnostic::error(
                    "limit-exceeded",
                    node.pos,
                    format!(
                        "string of {} bytes is longer than the limit of {} bytes",
                        s.len(),
                        limits.max_string_bytes
                    ),
                )
                .with_help("shorten the text, or split it over several items"));
            }
            Kind::Seq(items) => pending.extend(items.iter().rev()),
            Kind::Map(entries) => {
                for (k, v) in entries.iter().rev() {
                    pending.push(v);
                    pending.push(k);
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// What the YAML parser hands us: a node with located children.
enum RawNode {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Seq(Vec<serde_saphyr::Spanned<RawNode>>),
    Map(
        Vec<(
            serde_saphyr::Spanned<RawNode>,
            serde_saphyr::Spanned<RawNode>,
        )>,
    ),
}

/// Stack kept free before recursing one level deeper into the YAML tree,
/// and the size of each extra stack segment when it runs short: the
/// parser recurses once per nesting level, with large frames in debug
/// builds, so a deeply nested file could otherwise overflow a small
/// thread stack before the depth limit is reached.
const STACK_RED_ZONE: usize = 256 * 1024;
const STACK_SEGMENT: usize = 4 * 1024 * 1024;

/// Runs `f` with at least [`STACK_RED_ZONE`] bytes of stack to spare.
fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(STACK_RED_ZONE, STACK_SEGMENT, f)
}

impl<'de> Deserialize<'de> for RawNode {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        with_stack(|| RawNode::deserialize_here(d))
    }
}

impl RawNode {
    fn deserialize_here<'de, D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawNode;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any YAML value")
            }
            fn visit_unit<E>(self) -> Result<RawNode, E> {
                Ok(RawNode::Null)
            }
            fn visit_none<E>(self) -> Result<RawNode, E> {
                Ok(RawNode::Null)
            }
            fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<RawNode, D::Error> {
                RawNode::deserialize(d)
            }
            fn visit_bool<E>(self, v: bool) -> Result<RawNode, E> {
                Ok(RawNode::Bool(v))
            }
            fn visit_i64<E>(self, v: i64) -> Result<RawNode, E> {
                Ok(RawNode::Int(v))
            }
            fn visit_u64<E>(self, v: u64) -> Result<RawNode, E> {
                Ok(RawNode::UInt(v))
            }
            fn visit_f64<E>(self, v: f64) -> Result<RawNode, E> {
                Ok(RawNode::Float(v))
            }
            fn visit_str<E>(self, v: &str) -> Result<RawNode, E> {
                Ok(RawNode::Str(v.to_string()))
            }
            fn visit_string<E>(self, v: String) -> Result<RawNode, E> {
                Ok(RawNode::Str(v))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RawNode, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(RawNode::Seq(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawNode, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = map.next_entry()? {
                    entries.push(entry);
                }
                Ok(RawNode::Map(entries))
            }
        }
        d.deserialize_any(V)
    }
}

fn raw_to_node(raw: serde_saphyr::Spanned<RawNode>, source: &str) -> Node {
    with_stack(|| raw_to_node_here(raw, source))
}

fn raw_to_node_here(raw: serde_saphyr::Spanned<RawNode>, source: &str) -> Node {
    let pos = location_to_pos(&raw.referenced, source);
    let text = match raw.value {
        RawNode::Bool(_) | RawNode::Int(_) | RawNode::UInt(_) | RawNode::Float(_) => source
            .get(pos.offset..pos.offset + pos.len)
            .filter(|t| !t.is_empty())
            .map(Box::from),
        _ => None,
    };
    let kind = match raw.value {
        RawNode::Null => Kind::Null,
        RawNode::Bool(b) => Kind::Bool(b),
        RawNode::Int(i) => Kind::Int(i),
        RawNode::UInt(u) => Kind::UInt(u),
        RawNode::Float(f) => Kind::Float(f),
        RawNode::Str(s) => Kind::Str(s),
        RawNode::Seq(items) => {
            Kind::Seq(items.into_iter().map(|n| raw_to_node(n, source)).collect())
        }
        RawNode::Map(entries) => Kind::Map(
            entries
                .into_iter()
                .map(|(k, v)| (raw_to_node(k, source), raw_to_node(v, source)))
                .collect(),
        ),
    };
    Node {
        kind,
        pos,
        raw: text,
    }
}

// ---------------------------------------------------------------------------
// Errors.

/// A deserialization error with the position it belongs to.
#[derive(Debug, Clone)]
pub(crate) struct DeError {
    code: &'static str,
    message: String,
    label: Option<Box<str>>,
    help: Option<Box<str>>,
    /// Where the error is; unknown until the innermost node that knows
    /// its position sets it.
    pos: Pos,
    /// For unknown fields: the known field it is probably a typo of; for
    /// missing fields: the field. Lets a typo be reported once, not also
    /// as a missing field.
    field: Option<&'static str>,
}

impl DeError {
    fn new(code: &'static str, message: String) -> Self {
        Self {
            code,
            message,
            label: None,
            help: None,
            pos: Pos::default(),
            field: None,
        }
    }

    fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into().into_boxed_str());
        self
    }

    fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into().into_boxed_str());
        self
    }

    fn at(mut self, pos: Pos) -> Self {
        if !self.pos.is_known() {
            self.pos = pos;
        }
        self
    }

    fn into_diagnostic(self) -> Diagnostic {
        let mut d = Diagnostic::error(self.code, self.pos, self.message);
        d.label = self.label;
        d.help = self.help;
        d
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeError {}

fn article(noun: &str) -> &'static str {
    if noun.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

fn one_of(expected: &[&str]) -> String {
    match expected {
        [] => "none".to_string(),
        [one] => format!("`{one}`"),
        _ => {
            let list: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
            list.join(", ")
        }
    }
}

/// The help listing the values an enumeration accepts, with a
/// did-you-mean when `given` is close to one of them.
fn accepted_values(given: Option<&str>, expected: &[&str]) -> String {
    let list: Vec<String> = expected.iter().map(|e| format!("`{e}`")).collect();
    let list = format!("accepted values: {}", list.join(", "));
    match given.and_then(|g| closest(g, expected.iter().copied())) {
        Some(s) => format!("did you mean `{s}`? ({list})"),
        None => list,
    }
}

/// What the values of an enumeration of the schema are, for messages.
fn enum_noun(name: &str) -> &'static str {
    match name {
        "SourceKind" => "source kind",
        "ActorKind" => "actor kind",
        "PlaceKind" => "place kind",
        "EventKind" => "event kind",
        "EventStatus" => "event status",
        "StatementKind" => "statement kind",
        "AppliesTo" => "`applies_to` value",
        "FigureKind" => "figure kind",
        "Qualifier" => "qualifier",
        "ControlStatus" => "control status",
        "Likelihood" => "likelihood",
        "Confidence" => "confidence level",
        "DatePart" => "date part",
        _ => "value",
    }
}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        let msg = msg.to_string();
        if let Some(wording) = msg.strip_prefix(DATE_WORDING) {
            return date_wording_error(wording);
        }
        if msg.starts_with(DATE_ERROR) {
            return DeError::new("invalid-date", msg).label("not an accepted date").help(
                "write an EDTF date: `2025-02-12`, `2025-02`, `2025`, `2025-02~` (approximate), \
                 `2025-02-12?` (uncertain) or `2025-02-20/2025-02-23` (interval)",
            );
        }
        DeError::new("invalid-value", msg)
    }

    fn invalid_type(unexp: de::Unexpected, exp: &dyn de::Expected) -> Self {
        DeError::new("wrong-type", format!("expected {exp}, found {unexp}"))
    }

    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        let mut e = DeError::new("unknown-field", format!("unknown field `{field}`"))
            .label("unknown field");
        match closest(field, expected.iter().copied()) {
            Some(s) => {
                e.field = Some(s);
                e.help(format!("did you mean `{s}`?"))
            }
            None => e.help(format!("expected one of {}", one_of(expected))),
        }
    }

    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        DeError::new("unknown-value", format!("unknown value `{variant}`"))
            .label("not an accepted value")
            .help(accepted_values(Some(variant), expected))
    }

    fn missing_field(field: &'static str) -> Self {
        let mut e = DeError::new("missing-field", format!("missing required field `{field}`"))
            .label(format!("no `{field}` in this map"))
            .help(format!("add `{field}:` to this map"));
        e.field = Some(field);
        e
    }

    fn duplicate_field(field: &'static str) -> Self {
        DeError::new("duplicate-key", format!("field `{field}` is given twice"))
            .label("given again here")
            .help("each key may appear once in a map; remove or rename one")
    }
}

// ---------------------------------------------------------------------------
// The deserializer over nodes.

const LOCATED: &str = "$brief::Located";
const ATTEMPT: &str = "$brief::Attempt";

#[derive(Default)]
struct Sink {
    errors: Vec<DeError>,
    broken_ids: Vec<String>,
}

#[derive(Clone, Copy)]
struct NodeDe<'a> {
    node: &'a Node,
    sink: &'a RefCell<Sink>,
}

impl<'a> NodeDe<'a> {
    fn of(&self, node: &'a Node) -> Self {
        Self {
            node,
            sink: self.sink,
        }
    }

    fn wrong_type(&self, expected: &str) -> DeError {
        let found = self.node.kind.describe();
        let e = DeError::new("wrong-type", format!("expected {expected}, found {found}"))
            .label(format!("expected {expected}"));
        let e = match (&self.node.kind, expected) {
            (Kind::Null, _) => e.help("write a value after the colon"),
            (Kind::Str(_) | Kind::Map(_), "a list") => {
                e.help("write a list: `[a, b]`, or one `- item` per line")
            }
            (Kind::Str(s), "a number") if s.trim().parse::<f64>().is_ok() => {
                e.help("write the number without quotes")
            }
            (_, "a number" | "an integer") => e.help("write a number, such as `20` or `99.5`"),
            (_, "`true` or `false`") => e.help("write `true` or `false`"),
            (Kind::Seq(_) | Kind::Map(_), "a string") => {
                e.help("write the text after the colon; quote it if it starts with `[` or `{`")
            }
            (_, "a map of `key: value` lines") => {
                e.help("write one `key: value` per line, indented under its parent")
            }
            _ => e,
        };
        e.at(self.node.pos)
    }

    /// The text of a scalar: strings as they are, and numbers and booleans
    /// as written in the file.
    fn scalar_str(&self) -> Option<String> {
        if let Some(raw) = &self.node.raw {
            return Some(raw.to_string());
        }
        match &self.node.kind {
            Kind::Str(s) => Some(s.clone()),
            Kind::Bool(b) => Some(b.to_string()),
            Kind::Int(i) => Some(i.to_string()),
            Kind::UInt(u) => Some(u.to_string()),
            Kind::Float(f) => Some(f.to_string()),
            _ => None,
        }
    }
}

macro_rules! forward_number {
    ($($method:ident => $visit:ident as $ty:ty),* $(,)?) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
            let pos = self.node.pos;
            let r = match self.node.kind {
                Kind::Int(i) => <$ty>::try_from(i).ok().map(|v| visitor.$visit(v)),
                Kind::UInt(u) => <$ty>::try_from(u).ok().map(|v| visitor.$visit(v)),
                _ => return Err(self.wrong_type("an integer")),
            };
            match r {
                Some(r) => r.map_err(|e: DeError| e.at(pos)),
                None => Err(DeError::new("invalid-value", "integer out of range".into()).at(pos)),
            }
        }
    )*};
}

impl<'de, 'a> de::Deserializer<'de> for NodeDe<'a> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let pos = self.node.pos;
        match &self.node.kind {
            Kind::Null => visitor.visit_unit(),
            Kind::Bool(b) => visitor.visit_bool(*b),
            Kind::Int(i) => visitor.visit_i64(*i),
            Kind::UInt(u) => visitor.visit_u64(*u),
            Kind::Float(f) => visitor.visit_f64(*f),
            Kind::Str(s) => visitor.visit_str(s),
            Kind::Seq(_) => return self.deserialize_seq(visitor),
            Kind::Map(_) => return self.deserialize_map(visitor),
        }
        .map_err(|e: DeError| e.at(pos))
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.kind {
            Kind::Bool(b) => visitor
                .visit_bool(b)
                .map_err(|e: DeError| e.at(self.node.pos)),
            _ => Err(self.wrong_type("`true` or `false`")),
        }
    }

    forward_number! {
        deserialize_i8 => visit_i64 as i64,
        deserialize_i16 => visit_i64 as i64,
        deserialize_i32 => visit_i64 as i64,
        deserialize_i64 => visit_i64 as i64,
        deserialize_u8 => visit_u64 as u64,
        deserialize_u16 => visit_u64 as u64,
        deserialize_u32 => visit_u64 as u64,
        deserialize_u64 => visit_u64 as u64,
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        let v = match self.node.kind {
            Kind::Int(i) => i as f64,
            Kind::UInt(u) => u as f64,
            Kind::Float(f) => f,
            _ => return Err(self.wrong_type("a number")),
        };
        if !v.is_finite() {
            return Err(
                DeError::new("invalid-value", "the number must be finite".into())
                    .help("write a finite number, such as `20` or `99.5`")
                    .at(self.node.pos),
            );
        }
        visitor
            .visit_f64(v)
            .map_err(|e: DeError| e.at(self.node.pos))
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.scalar_str() {
            Some(s) => visitor
                .visit_string(s)
                .map_err(|e: DeError| e.at(self.node.pos)),
            None => Err(self.wrong_type("a string")),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, DeError> {
        Err(self.wrong_type("bytes"))
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, _visitor: V) -> Result<V::Value, DeError> {
        Err(self.wrong_type("bytes"))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.kind {
            Kind::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
        .map_err(|e: DeError| e.at(self.node.pos))
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.node.kind {
            Kind::Null => visitor
                .visit_unit()
                .map_err(|e: DeError| e.at(self.node.pos)),
            _ => Err(self.wrong_type("nothing")),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let pos = self.node.pos;
        match name {
            LOCATED => visitor.visit_seq(LocatedSeq { de: self, step: 0 }),
            ATTEMPT => visitor.visit_seq(AttemptSeq {
                de: self,
                done: false,
            }),
            _ => visitor.visit_newtype_struct(self),
        }
        .map_err(|e: DeError| e.at(pos))
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.node.kind {
            Kind::Seq(items) => visitor
                .visit_seq(Seq {
                    de: self,
                    items: items.iter(),
                })
                .map_err(|e: DeError| e.at(self.node.pos)),
            _ => Err(self.wrong_type("a list")),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        match &self.node.kind {
            Kind::Map(entries) => visitor
                .visit_map(Map {
                    de: self,
                    entries: entries.iter(),
                    value: None,
                })
                .map_err(|e: DeError| e.at(self.node.pos)),
            _ => Err(self.wrong_type("a map of `key: value` lines")),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let Kind::Map(entries) = &self.node.kind else {
            return self.deserialize_map(visitor);
        };
        // Unknown keys are reported here, all of them, and skipped, so that
        // the rest of the map is still checked.
        let typos = self.sink.borrow().errors.len();
        let mut known = Vec::with_capacity(entries.len());
        for entry in entries {
            let key = &entry.0;
            let name = self.of(key).scalar_str();
            match name {
                Some(name) if !fields.contains(&name.as_str()) => {
                    let e = <DeError as de::Error>::unknown_field(&name, fields).at(key.pos);
                    self.sink.borrow_mut().errors.push(e);
                }
                _ => known.push(entry),
            }
        }
        visitor
            .visit_map(Map {
                de: self,
                entries: known.into_iter(),
                value: None,
            })
            .map_err(|e: DeError| {
                // `titel:` given and `title` missing: one error, at the typo.
                if e.code == "missing-field" {
                    let mut sink = self.sink.borrow_mut();
                    let typo = sink.errors[typos..].iter().position(|t| {
                        t.code == "unknown-field" && t.field.is_some() && t.field == e.field
                    });
                    if let Some(i) = typo {
                        return sink.errors.remove(typos + i);
                    }
                }
                e.at(self.node.pos)
            })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let noun = enum_noun(name);
        match &self.node.kind {
            Kind::Str(s) => {
                visitor
                    .visit_enum(s.as_str().into_deserializer())
                    .map_err(|mut e: DeError| {
                        if e.code == "unknown-value" {
                            e.message = format!("unknown {noun} `{s}`");
                            // Qualifiers are suggested by meaning, never
                            // by spelling alone: `almost` is not `at-most`.
                            if name == "Qualifier" {
                                e.help = Some(format::qualifier_help(s).into());
                            }
                        }
                        e.at(self.node.pos)
                    })
            }
            _ => Err(self
                .wrong_type(&format!("{} {noun}", article(noun)))
                .help(accepted_values(None, variants))),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}

struct Seq<'a> {
    de: NodeDe<'a>,
    items: std::slice::Iter<'a, Node>,
}

impl<'de, 'a> SeqAccess<'de> for Seq<'a> {
    type Error = DeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        match self.items.next() {
            Some(node) => seed.deserialize(self.de.of(node)).map(Some),
            None => Ok(None),
        }
    }
    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'a, I> {
    de: NodeDe<'a>,
    entries: I,
    value: Option<&'a Node>,
}

impl<'de, 'a, I: Iterator<Item = &'a (Node, Node)>> MapAccess<'de> for Map<'a, I> {
    type Error = DeError;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        match self.entries.next() {
            Some((k, v)) => {
                self.value = Some(v);
                let key = self.de.of(k);
                if !matches!(
                    k.kind,
                    Kind::Str(_) | Kind::Int(_) | Kind::UInt(_) | Kind::Bool(_)
                ) {
                    return Err(key.wrong_type("a plain key"));
                }
                seed.deserialize(key).map(Some).map_err(|e| e.at(k.pos))
            }
            None => Ok(None),
        }
    }
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let node = self
            .value
            .take()
            .ok_or_else(|| DeError::new("invalid-value", "value without a key".into()))?;
        seed.deserialize(self.de.of(node))
    }
}

/// Hands a [`Located`] visitor the position, then the value.
struct LocatedSeq<'a> {
    de: NodeDe<'a>,
    step: u8,
}

impl<'de, 'a> SeqAccess<'de> for LocatedSeq<'a> {
    type Error = DeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        self.step += 1;
        match self.step {
            1 => {
                let p = self.de.node.pos;
                let parts = [
                    p.file as u64,
                    p.line as u64,
                    p.column as u64,
                    p.offset as u64,
                    p.len as u64,
                ];
                let d: de::value::SeqDeserializer<_, DeError> =
                    de::value::SeqDeserializer::new(parts.into_iter());
                seed.deserialize(d).map(Some)
            }
            2 => seed.deserialize(self.de).map(Some),
            _ => Ok(None),
        }
    }
}

/// Hands an [`Attempt`] visitor the value; if it fails, the error is kept
/// in the sink and the visitor reports nothing.
struct AttemptSeq<'a> {
    de: NodeDe<'a>,
    done: bool,
}

impl<'de, 'a> SeqAccess<'de> for AttemptSeq<'a> {
    type Error = DeError;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        if std::mem::replace(&mut self.done, true) {
            return Ok(None);
        }
        seed.deserialize(self.de).map(Some).map_err(|e| {
            let e = e.at(self.de.node.pos);
            let mut sink = self.de.sink.borrow_mut();
            sink.errors.push(e.clone());
            if let Kind::Map(entries) = &self.de.node.kind {
                for (k, v) in entries {
                    if let (Kind::Str(k), Kind::Str(v)) = (&k.kind, &v.kind)
                        && k == "id"
                    {
                        sink.broken_ids.push(v.clone());
                    }
                }
            }
            e
        })
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Located<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Located<T>, A::Error> {
                let (file, line, column, offset, len): (u64, u64, u64, u64, u64) = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::custom("missing position"))?;
                let value = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::custom("missing value"))?;
                Ok(Located {
                    value,
                    pos: Pos {
                        file: file as u32,
                        line: line as u32,
                        column: column as u32,
                        offset: offset as usize,
                        len: len as usize,
                    },
                })
            }
        }
        d.deserialize_newtype_struct(LOCATED, V(PhantomData))
    }
}

/// One item of an [`Items`] list: `None` when it failed (and was reported).
struct Attempt<T>(Option<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Attempt<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Attempt<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list item")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Attempt<T>, A::Error> {
                // A failure was recorded by the deserializer; skip the item.
                Ok(Attempt(seq.next_element().ok().flatten()))
            }
        }
        d.deserialize_newtype_struct(ATTEMPT, V(PhantomData))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Items<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let items: Option<Vec<Attempt<T>>> = Deserialize::deserialize(d)?;
        Ok(Items(
            items
                .unwrap_or_default()
                .into_iter()
                .filter_map(|a| a.0)
                .collect(),
        ))
    }
}

/// Message prefix that marks a date error, so it gets its own code and
/// the list of accepted forms as help.
const DATE_ERROR: &str = "invalid date: ";

/// Message prefix that marks a date written as the source's wording
/// (`date: Tuesday`), followed by that wording: its help shows the map
/// form that keeps the wording.
const DATE_WORDING: &str = "invalid date wording: ";

/// Whether a plain date that is not EDTF is wording ("Tuesday", "this
/// week", "Feb 12") rather than a mistyped EDTF date: it has letters
/// other than EDTF's `X`.
fn is_wording(v: &str) -> bool {
    v.chars().any(|c| c.is_alphabetic() && c != 'X')
}

/// The diagnostic for a date written as wording: the map form with the
/// parts the wording does not give listed as inferred.
fn date_wording_error(wording: &str) -> DeError {
    let given = format::Given::by(wording);
    // The wording is echoed twice: keep an over-long one short.
    let short: String;
    let wording = if wording.chars().count() > 60 {
        short = format!("{}…", wording.chars().take(60).collect::<String>());
        short.as_str()
    } else {
        wording
    };
    let inferred: Vec<&str> = [
        ("year", given.year),
        ("month", given.month),
        ("day", given.day),
    ]
    .into_iter()
    .filter(|(_, g)| !g)
    .map(|(p, _)| p)
    .collect();
    let inferred = if inferred.is_empty() {
        String::new()
    } else {
        format!(", inferred: [{}]", inferred.join(", "))
    };
    let quoted = if wording.contains([':', ',', '{', '}', '[', ']', '#', '"']) {
        format!("'{}'", wording.replace('\'', "''"))
    } else {
        wording.to_string()
    };
    let error = DeError::new(
        "invalid-date",
        format!("`{wording}` is the source's wording, not a date such as `2025-02-12`"),
    )
    .label("wording, not a date");
    // A wording that states the whole date is that date in EDTF.
    if let Some(edtf) = format::edtf_of_wording(wording) {
        return error.help(format!(
            "write the date it states as `{edtf}`; or keep the wording too: \
             `{{stated: {quoted}, value: {edtf}}}`"
        ));
    }
    error.help(format!(
        "keep the wording in `stated` and give the date it means: \
         `{{stated: {quoted}, value: YYYY-MM-DD{inferred}, basis: ...}}`; \
         leave `value` out if the date cannot be worked out"
    ))
}

impl<'de> Deserialize<'de> for Edtf {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Edtf::parse(&text).map_err(|e| {
            if is_wording(&text) {
                de::Error::custom(format_args!("{DATE_WORDING}{}", text.trim()))
            } else {
                de::Error::custom(format_args!("{DATE_ERROR}{}", e.message))
            }
        })
    }
}

impl<'de> Deserialize<'de> for DateSpec {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        enum Shape {
            Text(Edtf),
            Full(Box<DateFull>),
        }
        impl<'de> Deserialize<'de> for Shape {
            fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Shape;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str(
                            "a date such as `2025-02-12`, or a map with `value` and `stated`",
                        )
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<Shape, E> {
                        Edtf::parse(v).map(Shape::Text).map_err(|e| {
                            if is_wording(v) {
                                E::custom(format_args!("{DATE_WORDING}{}", v.trim()))
                            } else {
                                E::custom(format_args!("{DATE_ERROR}{}", e.message))
                            }
                        })
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Shape, E> {
                        self.visit_str(&v.to_string())
                    }
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Shape, E> {
                        self.visit_str(&v.to_string())
                    }
                    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Shape, A::Error> {
                        DateFull::deserialize(de::value::MapAccessDeserializer::new(map))
                            .map(|f| Shape::Full(Box::new(f)))
                    }
                }
                d.deserialize_any(V)
            }
        }
        let shape: Located<Shape> = Located::deserialize(d)?;
        Ok(match shape.value {
            Shape::Text(value) => DateSpec {
                value: Some(value),
                stated: None,
                inferred: Vec::new(),
                basis: None,
                time: None,
                after: None,
                before: None,
                around: None,
                recent: false,
                pos: shape.pos,
            },
            Shape::Full(full) => DateSpec {
                value: full.value,
                stated: full.stated,
                inferred: full.inferred,
                basis: full.basis,
                time: full.time,
                after: full.after,
                before: full.before,
                around: full.around,
                recent: full.recent,
                pos: shape.pos,
            },
        })
    }
}

impl<'de> Deserialize<'de> for format::KeyPoint {
    /// Read as its fields, with the place it was written kept, so that a
    /// point with neither `text` nor `item` can be shown where it is.
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let fields: Located<format::KeyPointFields> = Located::deserialize(d)?;
        Ok(fields.value.at(fields.pos))
    }
}

impl<'de> Deserialize<'de> for Attribution {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        enum Shape {
            Actor(String),
            Full(AttributionFull),
        }
        impl<'de> Deserialize<'de> for Shape {
            fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Shape;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("an actor id, or a map with `actor` or `unnamed` and `verb`")
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<Shape, E> {
                        Ok(Shape::Actor(v.to_owned()))
                    }
                    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Shape, A::Error> {
                        AttributionFull::deserialize(de::value::MapAccessDeserializer::new(map))
                            .map(Shape::Full)
                    }
                }
                d.deserialize_any(V)
            }
        }
        let shape: Located<Shape> = Located::deserialize(d)?;
        let pos = shape.pos;
        Ok(match shape.value {
            Shape::Actor(id) => Attribution {
                actor: Some(Ref::new(Located { value: id, pos })),
                unnamed: None,
                verb: None,
                pos,
            },
            Shape::Full(full) => Attribution {
                actor: full.actor,
                unnamed: full.unnamed,
                verb: full.verb,
                pos,
            },
        })
    }
}

impl<'de> Deserialize<'de> for Speakers {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // The shorthand (one id) is located by the value itself; each id
        // of a list keeps its own position through `Ref`'s deserializer.
        enum Shape {
            One(String),
            Many(Vec<Ref<format::Actors>>),
        }
        impl<'de> Deserialize<'de> for Shape {
            fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> Visitor<'de> for V {
                    type Value = Shape;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str("an actor id, or a list of actor ids")
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<Shape, E> {
                        Ok(Shape::One(v.to_owned()))
                    }
                    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Shape, A::Error> {
                        Vec::deserialize(de::value::SeqAccessDeserializer::new(seq))
                            .map(Shape::Many)
                    }
                }
                d.deserialize_any(V)
            }
        }
        let shape: Located<Shape> = Located::deserialize(d)?;
        Ok(match shape.value {
            Shape::One(id) => Speakers(vec![Ref::new(Located {
                value: id,
                pos: shape.pos,
            })]),
            Shape::Many(ids) => Speakers(ids),
        })
    }
}

/// A passage as written: its exact words, a map, or (for evidence) a
/// list of passages.
enum PassageShape {
    Exact(String),
    Full(SelectorFull),
    Many(Vec<Selector>),
}

impl<'de> Deserialize<'de> for PassageShape {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = PassageShape;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a passage (its exact words, or a map with `exact`), or a list of them")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<PassageShape, E> {
                Ok(PassageShape::Exact(v.to_owned()))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<PassageShape, A::Error> {
                SelectorFull::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(PassageShape::Full)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<PassageShape, A::Error> {
                Vec::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(PassageShape::Many)
            }
        }
        d.deserialize_any(V)
    }
}

/// One passage: `Many` is refused (a list inside a list).
fn selector<E: de::Error>(shape: Located<PassageShape>) -> Result<Selector, E> {
    let pos = shape.pos;
    match shape.value {
        PassageShape::Exact(exact) => Ok(Selector {
            exact: Located { value: exact, pos },
            prefix: None,
            suffix: None,
            source: None,
            pos,
        }),
        PassageShape::Full(full) => Ok(Selector {
            exact: full.exact,
            prefix: full.prefix,
            suffix: full.suffix,
            source: full.source,
            pos,
        }),
        PassageShape::Many(_) => Err(E::invalid_type(
            de::Unexpected::Seq,
            &"a passage (its exact words, or a map with `exact`)",
        )),
    }
}

impl<'de> Deserialize<'de> for Selector {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        selector(Located::deserialize(d)?)
    }
}

impl<'de> Deserialize<'de> for Evidence {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // One passage is the shorthand for a list of one.
        let shape: Located<PassageShape> = Located::deserialize(d)?;
        match shape.value {
            PassageShape::Many(all) => Ok(Evidence(all)),
            _ => Ok(Evidence(vec![selector(shape)?])),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn diags(src: &str) -> Vec<String> {
        load(src, &Limits::default())
            .diagnostics
            .iter()
            .map(|d| format!("{}:{} {} {}", d.pos.line, d.pos.column, d.code, d.message))
            .collect()
    }

    #[test]
    fn minimal_brief_loads() {
        let l = load("id: x\ntitle: T\n", &Limits::default());
        assert!(l.diagnostics.is_empty(), "{:?}", l.diagnostics);
        let b = l.brief.unwrap();
        assert_eq!(b.id.value, "x");
        assert_eq!((b.id.pos.line, b.id.pos.column), (1, 5));
    }

    #[test]
    fn every_bad_item_is_reported() {
        let src = "id: x\ntitle: T\nactors:\n  - id: a\n    name: A\n    kind: persn\n  - id: b\n    nme: B\n    kind: state\n";
        let d = diags(src);
        assert_eq!(d.len(), 2, "{d:?}");
        assert!(d[0].starts_with("6:11 unknown-value"), "{d:?}");
        assert!(d[1].starts_with("8:5 unknown-field"), "{d:?}");
    }

    /// `depth` nested flow lists as the value of `background`.
    fn nested(depth: usize) -> String {
        format!(
            "id: x\ntitle: T\nbackground: {}{}\n",
            "[".repeat(depth),
            "]".repeat(depth)
        )
    }

    /// Loads on a thread with a small stack, as a library user's worker
    /// thread might have: deep nesting is refused, never a stack overflow.
    fn load_on_small_stack(source: String, limits: Limits) -> Vec<String> {
        std::thread::Builder::new()
            .stack_size(128 * 1024)
            .spawn(move || {
                load(&source, &limits)
                    .diagnostics
                    .iter()
                    .map(|d| format!("{} {}", d.code, d.message))
                    .collect::<Vec<_>>()
            })
            .unwrap()
            .join()
            .unwrap()
    }

    #[test]
    fn deep_nesting_never_overflows_the_stack() {
        let limits = Limits::default();
        let d = load_on_small_stack(nested(limits.max_depth + 10), limits);
        assert_eq!(
            d,
            ["limit-exceeded the file is nested more than 64 levels deep"]
        );
        // Just under the limit it loads (and fails on the type only).
        let d = load_on_small_stack(nested(limits.max_depth - 1), limits);
        assert_eq!(d.len(), 1, "{d:?}");
        assert!(d[0].starts_with("wrong-type"), "{d:?}");
        // The highest limit honoured, and a larger one, still hold.
        let high = Limits {
            max_depth: usize::MAX,
            ..Limits::default()
        };
        let d = load_on_small_stack(nested(Limits::MAX_DEPTH - 1), high);
        assert!(d[0].starts_with("wrong-type"), "{d:?}");
        let d = load_on_small_stack(nested(100_000), high);
        assert_eq!(
            d,
            ["limit-exceeded the file is nested more than 1000 levels deep"]
        );
    }

    #[test]
    fn numbers_in_string_fields_keep_their_text() {
        let l = load("id: 2024\ntitle: T\n", &Limits::default());
        assert_eq!(l.brief.unwrap().id.value, "2024");
    }
}
