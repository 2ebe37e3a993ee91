//! The rules, one module per family. A rule's code names its module: `schedule/start-too-soon`
//! lives in [`schedule`], `model/range` in [`model`].
//!
//! Every module exposes its registry entries as `RULES` (see [`crate::registry`]) and a `check`
//! function that reads the typed [`View`] of the input and reports through [`Ctx`]. The [`model`]
//! family is the generic walker over the [`crate::shapes`] table; the others are the documented
//! rules that the service model cannot express.
//!
//! One pass: the input is parsed once into the positioned [`Tree`]; the model walk judges every
//! value that is sent (the last copy of a repeated member) and marks the values that fail their own
//! constraint, so the rules derived from them stay quiet (no cascades); [`View`] resolves once
//! where each part of the job lives; the families read it; the same pass yields the schedule
//! preview.

pub mod abort;
pub mod cfn;
pub mod cron;
pub mod describe;
pub mod document;
pub mod input;
pub mod json;
pub mod model;
pub mod packages;
pub mod presigned_url;
pub mod retry;
pub mod rollout;
pub mod schedule;
pub mod tags;
pub mod targets;
pub mod timeout;
pub mod window;

mod view;

pub(crate) use view::View;

use crate::diagnostic::{Code, Diagnostic, Fix, Related};
use crate::registry::RuleInfo;
use crate::selection::RuleSelection;
use crate::shapes::{Shape, ShapeKind};
use crate::syntax::{Array, Guide, Keep, Object, Tree, Value};
use crate::{Edition, LintOptions, Operation, Report};
use chrono::{DateTime, Utc};

/// A diagnostic before its line and column are known.
pub(crate) struct Pending {
    rule: &'static RuleInfo,
    pointer: String,
    span: (usize, usize),
    message: String,
    help: Option<String>,
    fixes: Vec<Fix>,
    related: Vec<(String, String, (usize, usize))>,
}

impl Pending {
    /// Adds a machine-applicable fix (the first one added is the preferred one).
    pub(crate) fn fix(&mut self, fix: Fix) -> &mut Pending {
        self.fixes.push(fix);
        self
    }

    /// Adds a fix when there is one.
    pub(crate) fn fix_opt(&mut self, fix: Option<Fix>) -> &mut Pending {
        self.fixes.extend(fix);
        self
    }

    /// Adds another place that explains the problem.
    pub(crate) fn related(
        &mut self,
        pointer: String,
        message: impl Into<String>,
        span: (usize, usize),
    ) -> &mut Pending {
        self.related.push((pointer, message.into(), span));
        self
    }
}

/// Everything a rule needs: the options, the tree, the validity marks and the sink for
/// diagnostics.
pub(crate) struct Ctx<'d> {
    tree: &'d Tree<'d>,
    pub(crate) edition: Edition,
    pub(crate) operation: Operation,
    pub(crate) now: DateTime<Utc>,
    /// Which rules report (diagnostics of the others are never worded).
    rules: &'d RuleSelection,
    diagnostics: Vec<Pending>,
    /// One bit per node that failed its own model constraint; empty until the first one.
    invalid: Vec<u64>,
    /// How many diagnostics each rule reported, for the cap of [`MAX_PER_RULE`].
    tallies: Vec<Tally>,
    /// What [`Ctx::report`] hands back for a diagnostic past the cap: fixes and related places
    /// attached to it go nowhere.
    spare: Pending,
}

/// The most diagnostics one rule keeps for one input; the rest are counted, and one
/// `input/too-many-diagnostics` says how many were left out. A hostile input (a million invalid
/// targets) would otherwise cost a report a hundred times its size; no person reads past the
/// first hundred of one kind.
pub const MAX_PER_RULE: usize = 100;

/// Diagnostics of one rule so far.
struct Tally {
    rule: &'static RuleInfo,
    reported: usize,
    /// Where the first diagnostic left out was (its pointer and span).
    first_omitted: Option<(String, (usize, usize))>,
}

impl<'d> Ctx<'d> {
    /// The whole input text.
    pub(crate) fn text(&self) -> &'d str {
        self.tree.text()
    }

    /// Reports a problem of `rule` at `pointer`, spanning the byte range `span` of the input.
    /// Returns the pending diagnostic, to attach fixes and related places.
    pub(crate) fn report(
        &mut self,
        rule: &'static RuleInfo,
        pointer: impl Into<String>,
        span: (usize, usize),
        message: impl Into<String>,
        help: Option<String>,
    ) -> &mut Pending {
        if !self.rules.enabled(rule) {
            self.spare.fixes.clear();
            self.spare.related.clear();
            return &mut self.spare;
        }
        if !self.admit(rule) {
            return self.omit(rule, pointer.into(), span);
        }
        self.diagnostics.push(Pending {
            rule,
            pointer: pointer.into(),
            span: (span.0, span.1.max(span.0)),
            message: message.into(),
            help,
            fixes: Vec::new(),
            related: Vec::new(),
        });
        let last = self.diagnostics.len() - 1;
        #[allow(clippy::indexing_slicing, reason = "the element just pushed")]
        &mut self.diagnostics[last]
    }

    /// Counts a diagnostic of `rule`; whether it is within the cap (to be kept).
    fn admit(&mut self, rule: &'static RuleInfo) -> bool {
        if !self.tallies.iter().any(|t| t.rule.code == rule.code) {
            self.tallies.push(Tally {
                rule,
                reported: 0,
                first_omitted: None,
            });
        }
        self.tallies
            .iter_mut()
            .find(|t| t.rule.code == rule.code)
            .is_some_and(|tally| {
                tally.reported += 1;
                tally.reported <= MAX_PER_RULE
            })
    }

    /// Whether another diagnostic of `rule` would be kept: a rule that reports in a loop can
    /// skip wording one that would be dropped (it still calls [`Ctx::report`], or
    /// [`Ctx::omitted`], so that it is counted).
    pub(crate) fn wants(&self, rule: &'static RuleInfo) -> bool {
        self.rules.enabled(rule)
            && self
                .tallies
                .iter()
                .find(|t| t.rule.code == rule.code)
                .is_none_or(|t| t.reported < MAX_PER_RULE)
    }

    /// Counts a diagnostic of `rule` at `pointer` and `span` that is past the cap, without
    /// wording it (see [`Ctx::wants`]).
    pub(crate) fn omitted(
        &mut self,
        rule: &'static RuleInfo,
        pointer: impl FnOnce() -> String,
        span: (usize, usize),
    ) {
        if self.rules.enabled(rule) && !self.admit(rule) {
            let first = self
                .tallies
                .iter()
                .any(|t| t.rule.code == rule.code && t.first_omitted.is_none());
            if first {
                self.omit(rule, pointer(), span);
            }
        }
    }

    /// Records a diagnostic past the cap (where the first one was) and returns the spare.
    fn omit(
        &mut self,
        rule: &'static RuleInfo,
        pointer: String,
        span: (usize, usize),
    ) -> &mut Pending {
        if let Some(t) = self
            .tallies
            .iter_mut()
            .find(|t| t.rule.code == rule.code && t.first_omitted.is_none())
        {
            t.first_omitted = Some((pointer, (span.0, span.1.max(span.0))));
        }
        self.spare.fixes.clear();
        self.spare.related.clear();
        &mut self.spare
    }

    /// The diagnostics reported, with one `input/too-many-diagnostics` per rule that went past
    /// the cap, placed where its first left-out diagnostic was.
    fn take_pending(&mut self) -> Vec<Pending> {
        let mut pending = std::mem::take(&mut self.diagnostics);
        for t in std::mem::take(&mut self.tallies) {
            let Some((pointer, span)) = t.first_omitted else {
                continue;
            };
            pending.push(input::too_many(
                t.rule,
                t.reported - MAX_PER_RULE,
                pointer,
                span,
            ));
        }
        pending
    }

    /// Marks a value as failing its own constraint: rules derived from it stay quiet.
    pub(crate) fn mark_invalid(&mut self, v: Value<'_>) {
        if self.invalid.is_empty() {
            self.invalid = vec![0; self.tree.len().div_ceil(64)];
        }
        let id = v.id();
        if let Some(word) = self.invalid.get_mut(id / 64) {
            *word |= 1 << (id % 64);
        }
    }

    /// Whether a value passed its own model constraints (type, range, length, pattern, enum).
    pub(crate) fn is_valid(&self, v: Value<'_>) -> bool {
        let id = v.id();
        self.invalid
            .get(id / 64)
            .is_none_or(|word| word & (1 << (id % 64)) == 0)
    }
}

/// The outcome of one pass: the report and what the schedule preview needs.
pub(crate) struct Analysis {
    pub(crate) report: Report,
    pub(crate) schedule: Option<crate::preview::Schedule>,
}

/// Runs every rule family over `text`; with `preview`, also builds the schedule preview of
/// `count` window starts from the same pass.
pub(crate) fn run(text: &str, options: &LintOptions, preview: Option<usize>) -> Analysis {
    run_with(text, options, preview, &[])
}

/// The diagnostics of a request built from a template resource ([`crate::template::request`]),
/// whose values starting at the offsets `unknown` are only known at deploy time: they count as
/// values that failed already, so no rule judges them or what derives from them.
pub(crate) fn run_request(text: &str, options: &LintOptions, unknown: &[usize]) -> Vec<Diagnostic> {
    run_with(text, options, None, unknown).report.diagnostics
}

fn run_with(
    text: &str,
    options: &LintOptions,
    preview: Option<usize>,
    unknown: &[usize],
) -> Analysis {
    let mut report = Report {
        operation: options.operation,
        operation_detected: false,
        service_model: options.service_model,
        diagnostics: Vec::new(),
        template_resources: None,
    };
    let tree = match Tree::parse_guided(text, Keep::Guided(&ROOTS)) {
        Ok(tree) => tree,
        Err(_) if unknown.is_empty() && crate::template::looks_like_yaml_template(text) => {
            let report = if text.len() > cfn::MAX_TEMPLATE_BYTES {
                cfn::too_large(text, options)
            } else if !cfg!(feature = "templates") {
                input::template_not_checked(options)
            } else {
                match crate::template::yaml::read(text) {
                    Ok(root) => cfn::run(text, &crate::template::from_node(root), options),
                    Err(e) => cfn::unreadable(text, &e, options),
                }
            };
            return without_schedule(report, options, preview);
        }
        Err(e) => {
            let mut ctx = new_ctx(&EMPTY_TREE, options);
            json::syntax_error(&mut ctx, &e);
            report.diagnostics = finish(text, ctx.take_pending(), &options.rules);
            return without_schedule(report, options, preview);
        }
    };
    // A template's keys are not API members, so the guided tree keeps them opaque: a root with
    // one of them is read again in full and judged as a template when it is one.
    if unknown.is_empty()
        && let Some(obj) = tree.root().as_object()
        && ["AWSTemplateFormatVersion", "Resources", "Type"]
            .iter()
            .any(|k| obj.has(k))
    {
        // Over CloudFormation's own size limit: said at once, nothing more is read.
        if text.len() > cfn::MAX_TEMPLATE_BYTES && !obj.has("Type") {
            return without_schedule(cfn::too_large(text, options), options, preview);
        }
        if let Ok(full) = Tree::parse(text)
            && let Some(root) = full.root().as_object()
            && crate::template::is_json_template(root)
        {
            let report = if cfg!(feature = "templates") {
                cfn::run(text, &crate::template::from_json(root), options)
            } else {
                input::template_not_checked(options)
            };
            return without_schedule(report, options, preview);
        }
    }
    let mut ctx = new_ctx(&tree, options);
    for &start in unknown {
        if let Some(v) = tree.value_at(start) {
            ctx.mark_invalid(v);
        }
    }
    let mut schedule = None;
    let root = tree.root();
    match root.as_object() {
        None => json::root_not_object(&mut ctx, root),
        Some(obj) => {
            let operation = match options.operation {
                Some(op) => {
                    if let Some(detected) = detect(obj).filter(|d| *d != op) {
                        input::operation_mismatch(&mut ctx, obj, op, detected);
                    }
                    Some(op)
                }
                None => {
                    let detected = detect(obj);
                    report.operation_detected = detected.is_some();
                    detected
                }
            };
            report.operation = operation;
            match operation {
                Some(op) => {
                    ctx.operation = op;
                    let view = View::new(op, obj);
                    let (times, windows) = check_operation(&mut ctx, &view);
                    if let Some(count) = preview {
                        schedule =
                            Some(crate::preview::build(&ctx, &view, &times, &windows, count));
                    }
                }
                None => input::operation_unknown(&mut ctx, obj),
            }
        }
    }
    report.diagnostics = finish(text, ctx.take_pending(), &options.rules);
    let schedule = preview.map(|_| match schedule {
        Some((mut s, spans)) => {
            s.diagnostics = crate::preview::relevant(&report.diagnostics, &spans);
            s
        }
        None => crate::preview::empty(&report, options),
    });
    Analysis { report, schedule }
}

/// An analysis whose preview, when asked for, is empty (the report says why): an input that is
/// not a request (a template) or could not be read.
fn without_schedule(report: Report, options: &LintOptions, preview: Option<usize>) -> Analysis {
    let schedule = preview.map(|_| crate::preview::empty(&report, options));
    Analysis { report, schedule }
}

/// What the tree keeps: the values the model describes. The value of a member the model does not
/// have (in any operation, at the root) is kept as one opaque node, so `"x": [13 million small
/// objects]` costs one node; `model/unknown-member` needs only its name, and `json/duplicate-key`
/// reads its text ([`crate::syntax::repeated_members`]). A container where the model wants a
/// scalar is kept as one node too (`model/type` needs only its kind).
fn keep_for(shape: &'static Shape) -> Keep {
    match shape.kind {
        ShapeKind::Structure(_) | ShapeKind::List(_) | ShapeKind::Map { .. } => Keep::Guided(shape),
        _ => Keep::Skip,
    }
}

impl Guide for Shape {
    fn member(&self, name: &str) -> Keep {
        match self.kind {
            // The latest edition has every member of the older one.
            ShapeKind::Structure(_) => self
                .member(name, Edition::Latest)
                .map_or(Keep::Skip, |m| keep_for(m.target)),
            ShapeKind::Map { value, .. } => keep_for(value),
            _ => Keep::Skip,
        }
    }

    fn element(&self) -> Keep {
        match self.kind {
            ShapeKind::List(item) => keep_for(item),
            _ => Keep::Skip,
        }
    }
}

/// The root before the operation is known: a member any operation's root has is kept as that
/// operation's model describes it.
struct Roots;

static ROOTS: Roots = Roots;

impl Guide for Roots {
    fn member(&self, name: &str) -> Keep {
        Operation::ALL
            .into_iter()
            .find_map(|op| crate::shapes::root_shape(op).member(name, Edition::Latest))
            .map_or(Keep::Skip, |m| keep_for(m.target))
    }

    fn element(&self) -> Keep {
        Keep::Skip
    }
}

/// The positioned tree of a request, guided as [`run`] reads it.
pub(crate) fn parse_request(text: &str) -> Result<Tree<'_>, crate::syntax::SyntaxError> {
    Tree::parse_guided(text, Keep::Guided(&ROOTS))
}

/// A tree for reports made before any parse succeeded.
static EMPTY_TREE: std::sync::LazyLock<Tree<'static>> =
    std::sync::LazyLock::new(Tree::empty_object);

fn new_ctx<'d>(tree: &'d Tree<'d>, options: &'d LintOptions) -> Ctx<'d> {
    Ctx {
        tree,
        edition: options.service_model,
        operation: options.operation.unwrap_or(Operation::CreateJob),
        now: options.now,
        rules: &options.rules,
        diagnostics: Vec::new(),
        invalid: Vec::new(),
        tallies: Vec::new(),
        spare: Pending {
            rule: &input::TOO_MANY_DIAGNOSTICS,
            pointer: String::new(),
            span: (0, 0),
            message: String::new(),
            help: None,
            fixes: Vec::new(),
            related: Vec::new(),
        },
    }
}

/// Sorts the pending diagnostics in source order and gives them lines and columns: one pass over
/// the text for all start positions, then each end from its start, so the cost stays linear in
/// the input however many diagnostics share a long line.
fn finish(text: &str, mut pending: Vec<Pending>, rules: &RuleSelection) -> Vec<Diagnostic> {
    crate::sort::sort_by_key(&mut pending, |p| p.span.0);
    // Every offset a diagnostic needs (starts, ends, related places), resolved by one forward
    // walk over the text: linear in the text however many diagnostics point where.
    let mut offsets: Vec<usize> = pending
        .iter()
        .flat_map(|p| {
            [p.span.0, p.span.1.max(p.span.0)]
                .into_iter()
                .chain(p.related.iter().map(|r| r.2.0))
        })
        .collect();
    crate::sort::sort(&mut offsets);
    offsets.dedup();
    let mut cursor = Cursor::new(text);
    let positions: Vec<(usize, u32, u32)> = offsets
        .iter()
        .map(|&o| {
            cursor.advance_to(o);
            (cursor.byte, cursor.line, cursor.column)
        })
        .collect();
    let at = |o: usize| {
        offsets
            .binary_search(&o)
            .ok()
            .and_then(|i| positions.get(i).copied())
            .unwrap_or((0, 1, 1))
    };
    pending
        .into_iter()
        .map(|p| {
            let (start, line, column) = at(p.span.0);
            let (end, end_line, end_column) = at(p.span.1.max(p.span.0));
            let related = p
                .related
                .into_iter()
                .map(|(pointer, message, span)| {
                    let (_, line, column) = at(span.0);
                    Related {
                        pointer,
                        message: safe_text(message),
                        span: span.0..span.1,
                        line,
                        column,
                    }
                })
                .collect();
            Diagnostic {
                code: Code::of(p.rule),
                severity: rules.severity(p.rule),
                pointer: p.pointer,
                message: safe_text(p.message),
                help: p.help.map(safe_text),
                span: start..end.max(start),
                line,
                column,
                end_line,
                end_column,
                fixes: p
                    .fixes
                    .into_iter()
                    .map(|f| Fix {
                        message: safe_text(f.message),
                        ..f
                    })
                    .collect(),
                related,
            }
        })
        .collect()
}

/// Prose that reaches users (messages, help, fix and related messages) with every character a
/// terminal or a one-line report would act on escaped: the rules echo values through
/// [`text::escape`], and this pass makes sure no echo (a cron token, a failure type) slips
/// through raw. Pointers stay exact (RFC 6901: a consumer resolves them), fix edits too.
fn safe_text(s: String) -> String {
    match crate::text::printable(&s) {
        std::borrow::Cow::Borrowed(_) => s,
        std::borrow::Cow::Owned(escaped) => escaped,
    }
}

/// A position in the text: byte offset, 1-based line and code-point column.
#[derive(Clone)]
pub(crate) struct Cursor<'t> {
    text: &'t str,
    byte: usize,
    line: u32,
    column: u32,
}

impl<'t> Cursor<'t> {
    pub(crate) fn new(text: &'t str) -> Self {
        Cursor {
            text,
            byte: 0,
            line: 1,
            column: 1,
        }
    }

    /// 1-based line and code-point column of a byte offset (one scan from the start).
    pub(crate) fn position(text: &str, offset: usize) -> (u32, u32) {
        let mut c = Cursor::new(text);
        c.advance_to(offset);
        (c.line, c.column)
    }

    /// Moves forward to `target` (clamped to the text and to a character boundary).
    pub(crate) fn advance_to(&mut self, target: usize) {
        let mut target = target.min(self.text.len());
        while !self.text.is_char_boundary(target) {
            target -= 1;
        }
        if target <= self.byte {
            return;
        }
        let slice = &self.text[self.byte..target];
        match slice.rfind('\n') {
            Some(last) => {
                let newlines = slice.bytes().filter(|b| *b == b'\n').count();
                self.line = self
                    .line
                    .saturating_add(u32::try_from(newlines).unwrap_or(u32::MAX));
                self.column = 1u32.saturating_add(
                    u32::try_from(slice[last + 1..].chars().count()).unwrap_or(u32::MAX),
                );
            }
            None => {
                self.column = self
                    .column
                    .saturating_add(u32::try_from(slice.chars().count()).unwrap_or(u32::MAX));
            }
        }
        self.byte = target;
    }
}

/// The scheduling times read by [`schedule::check`], for the window rules and the preview.
#[derive(Default, Clone, Copy)]
pub(crate) struct Times {
    /// `schedulingConfig.startTime`, when it is a date-time.
    pub(crate) start: Option<DateTime<Utc>>,
    /// `schedulingConfig.endTime`, when it is a date-time.
    pub(crate) end: Option<DateTime<Utc>>,
}

/// Runs the model walker and every documented-rule family for a known operation.
fn check_operation(ctx: &mut Ctx<'_>, view: &View<'_>) -> (Times, Vec<cron::ParsedWindow>) {
    let shape = crate::shapes::root_shape(ctx.operation);
    model::check_root(ctx, view.root, shape);
    document::check(ctx, view);
    presigned_url::check(ctx, view);
    let times = schedule::check(ctx, view);
    let windows = cron::check(ctx, view);
    window::check(ctx, view, &times, &windows);
    rollout::check(ctx, view);
    abort::check(ctx, view);
    retry::check(ctx, view);
    timeout::check(ctx, view);
    targets::check(ctx, view);
    tags::check(ctx, view);
    packages::check(ctx, view);
    describe::check(ctx, view);
    (times, windows)
}

/// See [`crate::detect_operation`].
pub(crate) fn detect(obj: Object<'_>) -> Option<Operation> {
    if obj.get("job").is_some_and(|v| v.as_object().is_some()) {
        Some(Operation::DescribeJob)
    } else if obj.has("jobTemplateId") {
        if obj.has("createdAt") || obj.has("jobTemplateArn") {
            Some(Operation::DescribeJobTemplate)
        } else {
            Some(Operation::CreateJobTemplate)
        }
    } else if obj.has("jobId") || obj.has("targets") {
        Some(Operation::CreateJob)
    } else if obj.has("jobArn") {
        // Only CreateJobTemplate takes `jobArn` (a template copied from a job); its
        // `jobTemplateId` often travels on the command line instead.
        Some(Operation::CreateJobTemplate)
    } else {
        None
    }
}

// ---- typed accessors over the tree; a wrong type reads as absent (model/type reports it)

/// The object member `name` of `obj`, when it is an object.
pub(crate) fn object<'d>(obj: Object<'d>, name: &str) -> Option<Object<'d>> {
    obj.get(name)?.as_object()
}

/// The array member `name` of `obj`, when it is an array.
pub(crate) fn array<'d>(obj: Object<'d>, name: &str) -> Option<Array<'d>> {
    obj.get(name)?.as_array()
}

/// The string member `name` of `obj` with its byte range, when it is a string.
pub(crate) fn string<'d>(
    obj: Object<'d>,
    name: &str,
) -> Option<(std::borrow::Cow<'d, str>, (usize, usize))> {
    let v = obj.get(name)?;
    Some((v.as_str()?, v.span()))
}

/// The number member `name` of `obj` as written, with its value node, when it is a number.
pub(crate) fn number<'d>(obj: Object<'d>, name: &str) -> Option<(&'d str, Value<'d>)> {
    let v = obj.get(name)?;
    Some((v.as_number()?, v))
}

/// The byte range of member `name`'s value, or of the object's `{` when the member is absent.
pub(crate) fn span_of(obj: Object<'_>, name: &str) -> (usize, usize) {
    match obj.get(name) {
        Some(v) => v.span(),
        None => obj.opening(),
    }
}

/// The byte range to delete to remove member `index` of `obj` (its name and value) with the
/// comma that separates it from a neighbour, so the object stays valid JSON.
pub(crate) fn remove_member(obj: Object<'_>, index: usize, text: &str) -> (usize, usize) {
    let item = |i: usize| {
        obj.member_at(i)
            .map(|m| (m.name_span().0, m.value().span().1))
    };
    remove_item(item, index, obj.span(), text)
}

/// The byte range to delete to remove element `index` of `arr`, with its separating comma.
pub(crate) fn remove_element(arr: Array<'_>, index: usize, text: &str) -> (usize, usize) {
    remove_item(|i| arr.get(i).map(|v| v.span()), index, arr.span(), text)
}

/// Removal of item `index` of a container whose item `i` spans `item(i)` (only the item and its
/// neighbours are looked at, so removing many items of a long list stays linear).
fn remove_item(
    item: impl Fn(usize) -> Option<(usize, usize)>,
    index: usize,
    container: (usize, usize),
    text: &str,
) -> (usize, usize) {
    let Some((start, end)) = item(index) else {
        return (container.0, container.0);
    };
    if let Some(next) = item(index + 1) {
        // Up to the start of the next item: the comma and the whitespace after it go too.
        (start, next.0)
    } else if let Some(previous) = index.checked_sub(1).and_then(&item) {
        // The last item: from the end of the previous one, taking the comma before it.
        (previous.1, end)
    } else {
        // The only item: everything between the brackets.
        let inner = &text[container.0 + 1..container.1 - 1];
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        (container.0 + 1 + lead, container.1 - 1 - trail)
    }
}

/// The items whose key repeats an earlier item's, in source order, each with the first item of
/// its key. Sorting keeps it `n log n` however long a hostile list is.
pub(crate) fn repeats<'a, T, K: Ord + ?Sized>(
    items: &'a [T],
    key: impl Fn(&T) -> &K,
) -> Vec<(&'a T, &'a T)> {
    let mut order: Vec<(usize, &'a T)> = items.iter().enumerate().collect();
    crate::sort::sort_by(&mut order, |a, b| key(a.1).cmp(key(b.1)));
    let mut out = Vec::new();
    let mut first: Option<&'a T> = None;
    for &(n, item) in &order {
        match first {
            Some(f) if key(f) == key(item) => out.push((n, item, f)),
            _ => first = Some(item),
        }
    }
    crate::sort::sort_by_key(&mut out, |r| r.0);
    out.into_iter().map(|(_, item, f)| (item, f)).collect()
}

/// Formats a number bound for messages: `1430`, `1.1` (as `{}` would; see [`crate::text::float`]).
pub(crate) fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        crate::text::float(v)
    }
}

/// Digits after the decimal point of a JSON number literal as written, exactly (no binary
/// floating point): trailing zeros do not count, an exponent shifts the point.
/// `1.5` → 1, `1.50` → 1, `1.55` → 2, `155e-2` → 2, `10` → 0.
pub(crate) fn decimal_places(literal: &str) -> u64 {
    let (mantissa, exponent) = match literal.find(['e', 'E']) {
        // An exponent beyond i64 saturates: the number then has no (or astronomically many)
        // decimal places, which the comparison below still judges right.
        Some(i) => {
            let e = &literal[i + 1..];
            let saturated = if e.starts_with('-') {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            };
            (
                &literal[..i],
                e.parse::<i64>()
                    .unwrap_or(saturated)
                    .clamp(i64::MIN / 2, i64::MAX / 2),
            )
        }
        None => (literal, 0),
    };
    let mantissa = mantissa.trim_start_matches('-');
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // value = digits × 10^(exponent − frac.len()); trailing zeros of the digits raise the power.
    if int.bytes().chain(frac.bytes()).all(|b| b == b'0') {
        return 0;
    }
    let frac_zeros = frac.len() - frac.trim_end_matches('0').len();
    let zeros = if frac_zeros == frac.len() {
        frac.len() + (int.len() - int.trim_end_matches('0').len())
    } else {
        frac_zeros
    } as i64;
    (frac.len() as i64)
        .saturating_sub(exponent)
        .saturating_sub(zeros)
        .max(0) as u64
}

/// Rounds a decimal literal to `places` digits after the point, exactly (half away from zero),
/// for fix suggestions (`10.999`, 2 → `11.00`; `1055e-3`, 2 → `1.06`). `None` for non-numbers
/// and for values of 1e308 or more.
///
/// A literal with an exponent is first written without it ([`without_exponent`]) and rounded
/// like any other. It used to be parsed to `f64` and printed with `format!("{v:.N}")`, which
/// links core's exact float formatting and rounds the binary value instead of the decimal the
/// user wrote: a decimal tie could go down (`1.005e0` → `1.00`, now `1.01` as for `1.005`) and a
/// large value printed its binary expansion (`1.1e30` → `1099999999999999995602601181184.0`);
/// otherwise the result is the same (proptest `exponent_rounding_as_before` below).
pub(crate) fn round_decimal(literal: &str, places: usize) -> Option<String> {
    if literal.contains(['e', 'E']) {
        return round_decimal(&without_exponent(literal, places)?, places);
    }
    let negative = literal.starts_with('-');
    let digits = literal.trim_start_matches('-');
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty()
        || !int.bytes().all(|b| b.is_ascii_digit())
        || !frac.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let mut kept: Vec<u8> = int
        .bytes()
        .chain(frac.bytes().chain(std::iter::repeat(b'0')).take(places))
        .collect();
    let round_up = frac.as_bytes().get(places).is_some_and(|d| *d >= b'5');
    if round_up {
        // Add one at the last kept digit, carrying through nines (9.99 → 10.00).
        let mut carry = true;
        for d in kept.iter_mut().rev() {
            if *d == b'9' {
                *d = b'0';
            } else {
                *d += 1;
                carry = false;
                break;
            }
        }
        if carry {
            kept.insert(0, b'1');
        }
    }
    let split = kept.len() - places;
    let (i, f) = kept.split_at(split);
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(std::str::from_utf8(i).ok()?);
    if places > 0 {
        out.push('.');
        out.push_str(std::str::from_utf8(f).ok()?);
    }
    Some(out)
}

/// A JSON number literal with an exponent (`-1.25e3`, `155E-2`) as the same decimal without one
/// (`-1250`, `1.55`), exactly: the digits are shifted, not converted to binary floating point.
/// Digits far below `places` (past `places + 2` zeros after the point) are dropped, as they
/// round away; `None` when the literal is malformed or the value is 1e308 or more.
fn without_exponent(literal: &str, places: usize) -> Option<String> {
    let (mantissa, exponent) = literal.split_once(['e', 'E'])?;
    let (negative, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => (true, m),
        None => (false, mantissa),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digit = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
    if int.is_empty() || !digit(int) || !digit(frac) || unsigned.is_empty() || !digit(unsigned) {
        return None;
    }
    let all = format!("{int}{frac}");
    let digits = all.trim_start_matches('0');
    let sign = if negative { "-" } else { "" };
    if digits.bytes().all(|b| b == b'0') {
        return Some(format!("{sign}0"));
    }
    // value = 0.DIGITS × 10^point; an exponent beyond i64 saturates.
    let e = exponent
        .parse::<i64>()
        .unwrap_or(if exponent.starts_with('-') {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        });
    let point = (int.len() as i64 - (all.len() - digits.len()) as i64).saturating_add(e);
    if point > 308 {
        return None;
    }
    let len = digits.len() as i64;
    Some(if point <= 0 {
        let zeros = (-point).min(places as i64 + 2) as usize;
        let kept = if zeros as i64 == -point { digits } else { "" };
        format!("{sign}0.{}{kept}", "0".repeat(zeros))
    } else if point >= len {
        format!("{sign}{digits}{}", "0".repeat((point - len) as usize))
    } else {
        let (i, f) = digits.split_at(point as usize);
        format!("{sign}{i}.{f}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_places_as_written() {
        for (lit, places) in [
            ("1.5", 1),
            ("1.50", 1),
            ("1.55", 2),
            ("155e-2", 2),
            ("10", 0),
            ("100", 0),
            ("0.0", 0),
            ("1e-3", 3),
            ("1.25e1", 1),
            ("-10.999", 3),
            ("1500e-3", 1),
        ] {
            assert_eq!(decimal_places(lit), places, "{lit}");
        }
    }

    /// The former exponent path: round the binary double.
    fn round_binary(literal: &str, places: usize) -> Option<String> {
        let v: f64 = literal.parse().ok()?;
        let s = format!("{v:.places$}");
        s.parse::<f64>().ok().filter(|r| r.is_finite()).map(|_| s)
    }

    proptest::proptest! {
        /// For literals with an exponent whose value is below 1e17 (so that its binary double
        /// prints exactly), the result is what rounding the double gave, except at a decimal tie
        /// (a 5 and then only zeros right after the kept digits), which now rounds away from zero.
        #[test]
        fn exponent_rounding_as_before(
            literal in "-?[0-9]{1,4}(\\.[0-9]{0,4})?[eE][+-]?[0-9]",
            places in 0usize..4,
        ) {
            let ours = round_decimal(&literal, places);
            let before = round_binary(&literal, places);
            if ours != before {
                let plain = without_exponent(&literal, 99).unwrap();
                let frac = plain.split_once('.').map_or("", |(_, f)| f);
                let tail = frac.get(places..).unwrap_or("");
                proptest::prop_assert!(
                    tail.starts_with('5') && tail[1..].bytes().all(|b| b == b'0'),
                    "{} {}: {:?} before {:?}", literal, places, ours, before
                );
            }
        }
    }

    #[test]
    fn exponent_literals() {
        for (literal, places, want) in [
            ("155e-2", 1, Some("1.6")),
            ("1.25e1", 0, Some("13")),
            ("-1.25E+1", 1, Some("-12.5")),
            ("1e-9", 2, Some("0.00")),
            ("-1e-9", 2, Some("-0.00")),
            ("0e5", 1, Some("0.0")),
            ("1e-99999999999999999999", 1, Some("0.0")),
            ("1.005e0", 2, Some("1.01")),
            ("1.1e30", 0, Some("1100000000000000000000000000000")),
            ("1e308", 1, None),
            ("1e99999999999999999999", 1, None),
            ("1e", 1, None),
            ("e5", 1, None),
            ("1.2.3e4", 1, None),
        ] {
            assert_eq!(round_decimal(literal, places).as_deref(), want, "{literal}");
        }
    }

    #[test]
    fn rounding_is_decimal() {
        assert_eq!(round_decimal("10.999", 2).as_deref(), Some("11.00"));
        assert_eq!(round_decimal("1.55", 1).as_deref(), Some("1.6"));
        assert_eq!(round_decimal("1.549", 1).as_deref(), Some("1.5"));
        assert_eq!(round_decimal("-2.345", 2).as_deref(), Some("-2.35"));
        assert_eq!(round_decimal("99.995", 2).as_deref(), Some("100.00"));
        assert_eq!(round_decimal("1.2", 2).as_deref(), Some("1.20"));
    }
}
