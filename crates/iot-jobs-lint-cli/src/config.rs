//! The configuration file `iot-jobs-lint.toml`: found upward from each checked file (as ruff and
//! biome find theirs) or named with `--config`. It only fills in the core's
//! [`RuleSelection`](iot_jobs_lint::selection::RuleSelection) and the file lists; every rule
//! stays in the core.
//!
//! ```toml
//! service-model = "latest"            # or "2023-03-02"
//! select = ["ALL"]                     # codes, families (`cron`) or ALL; default ALL
//! ignore = ["tags/reserved-prefix"]
//! exclude = ["fixtures/**"]            # globs, relative to this file, for directory walks
//!
//! [severity]                           # error, warning, info or off
//! "window/overlap" = "error"
//!
//! [per-file-ignores]                   # globs relative to this file
//! "legacy/**" = ["cron/unix-five-fields"]
//!
//! [operations]                         # what a file is, when its content cannot tell
//! "templates/**/*.json" = "create-job-template"
//! ```

use globset::{Glob, GlobBuilder, GlobMatcher, GlobSet, GlobSetBuilder};
use iot_jobs_lint::Edition;
use iot_jobs_lint::selection::{Level, RuleSelection};
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use toml::Spanned;

/// The file name looked for.
pub(crate) const FILE_NAME: &str = "iot-jobs-lint.toml";

/// The largest configuration file read (a real one is a few hundred bytes).
const MAX_CONFIG_BYTES: usize = 1024 * 1024;

/// The keys of the file, for did-you-mean.
const KEYS: [&str; 7] = [
    "service-model",
    "select",
    "ignore",
    "exclude",
    "severity",
    "per-file-ignores",
    "operations",
];

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct RawConfig {
    service_model: Option<Spanned<String>>,
    #[serde(default)]
    select: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    severity: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    per_file_ignores: BTreeMap<Spanned<String>, Vec<Spanned<String>>>,
    #[serde(default)]
    operations: BTreeMap<Spanned<String>, Spanned<String>>,
}

/// One loaded configuration file.
#[derive(Debug)]
pub(crate) struct Config {
    /// The file, as it is reported in messages.
    pub(crate) path: PathBuf,
    /// Its directory: globs are relative to it.
    dir: PathBuf,
    /// `service-model`, when set.
    pub(crate) service_model: Option<Edition>,
    /// `select`, as written (the CLI's `--select` replaces it).
    select: Vec<String>,
    /// `ignore`, as written (the CLI's `--ignore` adds to it).
    ignore: Vec<String>,
    /// `[severity]`, as written.
    levels: Vec<(String, Level)>,
    exclude: GlobSet,
    per_file: Vec<(GlobMatcher, Vec<String>)>,
    /// `[operations]`, in the order written: the first glob that matches a file says what it is.
    operations: Vec<(GlobMatcher, iot_jobs_lint::Operation)>,
}

/// One problem in a configuration file, already formatted `FILE:LINE:COLUMN: message`.
pub(crate) type ConfigError = String;

/// The rule-selection flags of the command line, applied over every configuration.
#[derive(Debug, Default, Clone)]
pub(crate) struct Overrides {
    /// `--select` (replaces the file's `select`).
    pub(crate) select: Option<Vec<String>>,
    /// `--ignore` (added to the file's `ignore`).
    pub(crate) ignore: Vec<String>,
}

impl Config {
    /// Reads and checks one configuration file; every problem is returned, with its position.
    pub(crate) fn load(path: &Path) -> Result<Config, Vec<ConfigError>> {
        let shown = iot_jobs_lint::text::printable(&path.to_string_lossy()).into_owned();
        let bytes = crate::input::read_aux(path, MAX_CONFIG_BYTES)
            .map_err(|e| vec![format!("{shown}: cannot read the configuration: {e}")])?;
        let text = String::from_utf8(bytes)
            .map_err(|_| vec![format!("{shown}: the configuration is not UTF-8")])?;
        let at = |span: std::ops::Range<usize>, message: &str| {
            let before = text.get(..span.start).unwrap_or("");
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            format!("{shown}:{line}:{column}: {message}")
        };
        let raw: RawConfig = toml::from_str(&text).map_err(|e| {
            let mut message = iot_jobs_lint::text::printable(e.message().trim_end()).into_owned();
            if let Some(unknown) = message
                .strip_prefix("unknown field `")
                .and_then(|rest| rest.split('`').next())
                && let Some(near) = iot_jobs_lint::text::closest(unknown, KEYS)
            {
                message = format!(
                    "unknown key `{}`; did you mean `{near}`?",
                    iot_jobs_lint::text::escape(unknown)
                );
            }
            vec![at(e.span().unwrap_or(0..0), &message)]
        })?;
        let mut errors = Vec::new();
        let service_model = raw
            .service_model
            .as_ref()
            .and_then(|m| match m.get_ref().as_str() {
                "latest" => Some(Edition::Latest),
                "2023-03-02" => Some(Edition::V2023_03_02),
                other => {
                    errors.push(at(
                        m.span(),
                        &format!(
                            "`{}` is not a service model; use \"latest\" or \"2023-03-02\"",
                            iot_jobs_lint::text::escape(other)
                        ),
                    ));
                    None
                }
            });
        // Patterns are checked here, where their positions are known.
        let check = |patterns: &[Spanned<String>], errors: &mut Vec<String>| -> Vec<String> {
            for p in patterns {
                if let Err(e) = RuleSelection::new(&[p.get_ref().as_str()], &[] as &[&str]) {
                    errors.extend(e.iter().map(|e| at(p.span(), &e.message)));
                }
            }
            patterns.iter().map(|p| p.get_ref().clone()).collect()
        };
        let select = check(&raw.select, &mut errors);
        let ignore = check(&raw.ignore, &mut errors);
        let mut per_file = Vec::new();
        for (glob, written) in &raw.per_file_ignores {
            let codes = check(written, &mut errors);
            // Known codes that may not be ignored (unknown ones are reported above).
            if let Err(e) = RuleSelection::new(&[] as &[String], &codes) {
                for e in e
                    .iter()
                    .filter(|e| iot_jobs_lint::registry::find(&e.pattern).is_some())
                {
                    let place = written
                        .iter()
                        .find(|p| *p.get_ref() == e.pattern)
                        .map_or(glob.span(), Spanned::span);
                    errors.push(at(place, &e.message));
                }
            }
            match matcher(glob.get_ref()) {
                Ok(m) => per_file.push((m.compile_matcher(), codes)),
                Err(e) => errors.push(at(glob.span(), &e)),
            }
        }
        let mut levels = Vec::new();
        let mut probe = RuleSelection::default();
        for (pattern, level) in &raw.severity {
            match level.get_ref().parse::<Level>() {
                Ok(l) => match probe.set_level(pattern.get_ref(), l) {
                    Ok(()) => levels.push((pattern.get_ref().clone(), l)),
                    Err(e) => errors.push(at(pattern.span(), &e.message)),
                },
                Err(e) => errors.push(at(level.span(), &e)),
            }
        }
        // The file's own select/ignore must also work together (an ignored fatal code by name).
        if let Err(e) = RuleSelection::new(&select, &ignore) {
            for e in e {
                let place = raw
                    .ignore
                    .iter()
                    .chain(&raw.select)
                    .find(|p| *p.get_ref() == e.pattern)
                    .map_or(0..0, Spanned::span);
                let message = at(place, &e.message);
                if !errors.contains(&message) {
                    errors.push(message);
                }
            }
        }
        let mut exclude = GlobSetBuilder::new();
        for glob in &raw.exclude {
            match matcher(glob.get_ref()) {
                Ok(g) => {
                    exclude.add(g);
                }
                Err(e) => errors.push(at(glob.span(), &e)),
            }
        }
        let exclude = exclude.build().unwrap_or_else(|_| GlobSet::empty());
        let mut written: Vec<_> = raw.operations.iter().collect();
        written.sort_by_key(|(glob, _)| glob.span().start);
        let mut operations = Vec::new();
        for (glob, operation) in written {
            let parsed = operation.get_ref().parse::<iot_jobs_lint::Operation>();
            match (matcher(glob.get_ref()), parsed) {
                (Ok(g), Ok(op)) => operations.push((g.compile_matcher(), op)),
                (Err(e), _) => errors.push(at(glob.span(), &e)),
                (_, Err(_)) => {
                    let written = operation.get_ref();
                    let names = iot_jobs_lint::Operation::ALL.map(|o| o.as_str());
                    let mut message = format!(
                        "`{}` is not an operation; use one of {}",
                        iot_jobs_lint::text::escape(written),
                        names.join(", ")
                    );
                    if let Some(near) = iot_jobs_lint::text::closest(written, names) {
                        message = format!(
                            "`{}` is not an operation; did you mean `{near}`?",
                            iot_jobs_lint::text::escape(written)
                        );
                    }
                    errors.push(at(operation.span(), &message));
                }
            }
        }
        if !errors.is_empty() {
            // In the order of the file (they were found key by key).
            let place = |e: &String| -> (usize, usize) {
                let mut parts = e
                    .get(shown.len() + 1..)
                    .unwrap_or("")
                    .splitn(3, ':')
                    .map(|n| n.parse().unwrap_or(usize::MAX));
                (
                    parts.next().unwrap_or(usize::MAX),
                    parts.next().unwrap_or(usize::MAX),
                )
            };
            errors.sort_by_key(place);
            return Err(errors);
        }
        let dir = path
            .parent()
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        Ok(Config {
            path: path.to_path_buf(),
            dir: std::path::absolute(&dir).unwrap_or(dir),
            service_model,
            select,
            ignore,
            levels,
            exclude,
            per_file,
            operations,
        })
    }

    /// The operation `[operations]` gives `path` (the first glob that matches), if any.
    pub(crate) fn operation_for(&self, path: &Path) -> Option<iot_jobs_lint::Operation> {
        let rel = self.relative(path)?;
        self.operations
            .iter()
            .find(|(glob, _)| glob.is_match(&rel))
            .map(|(_, op)| *op)
    }

    /// `path` relative to this file's directory, when it is inside it.
    fn relative(&self, path: &Path) -> Option<PathBuf> {
        let absolute = std::path::absolute(path).ok()?;
        absolute.strip_prefix(&self.dir).ok().map(Path::to_path_buf)
    }

    /// Whether a directory walk skips `path` (an `exclude` glob matches it).
    pub(crate) fn excludes(&self, path: &Path) -> bool {
        self.relative(path)
            .is_some_and(|rel| self.exclude.is_match(rel))
    }

    /// The rule selection for `path`: `select`, `ignore`, `[severity]`, the matching
    /// per-file ignores, and the command line's `--select` and `--ignore` over them.
    pub(crate) fn selection(
        &self,
        path: Option<&Path>,
        overrides: &Overrides,
    ) -> Result<RuleSelection, String> {
        let select = overrides.select.as_ref().unwrap_or(&self.select);
        let mut ignore = self.ignore.clone();
        ignore.extend(overrides.ignore.iter().cloned());
        if let Some(rel) = path.and_then(|p| self.relative(p)) {
            for (glob, codes) in &self.per_file {
                if glob.is_match(&rel) {
                    ignore.extend(codes.iter().cloned());
                }
            }
        }
        let mut rules = RuleSelection::new(select, &ignore).map_err(join)?;
        for (pattern, level) in &self.levels {
            rules.set_level(pattern, *level).map_err(|e| e.message)?;
        }
        Ok(rules)
    }
}

/// The selection without any configuration file: only `--select` and `--ignore`.
pub(crate) fn selection_without_config(overrides: &Overrides) -> Result<RuleSelection, String> {
    let empty = |list: &[String]| list.iter().any(|p| p.trim().is_empty());
    if overrides.select.as_deref().is_some_and(empty) || empty(&overrides.ignore) {
        return Err("an empty pattern (two commas in a row, or a trailing comma)".into());
    }
    let select = overrides.select.clone().unwrap_or_default();
    RuleSelection::new(&select, &overrides.ignore).map_err(join)
}

fn join(errors: Vec<iot_jobs_lint::selection::SelectionError>) -> String {
    errors
        .into_iter()
        .map(|e| e.message)
        .collect::<Vec<_>>()
        .join("; ")
}

/// A glob as the configuration file means it: `*` stays within one path component, `**`
/// crosses them; a glob without `/` matches a file name at any depth (as in .gitignore).
pub(crate) fn matcher(glob: &str) -> Result<Glob, String> {
    if glob.trim().is_empty() {
        return Err("an empty glob would match every file; remove it".into());
    }
    // As in .gitignore: a leading `/` anchors to this file's directory, a trailing `/` means
    // everything under that directory.
    let mut pattern = glob.trim_start_matches("./").to_string();
    if let Some(dir) = pattern.strip_suffix('/') {
        pattern = format!("{dir}/**");
    }
    let pattern = if let Some(anchored) = pattern.strip_prefix('/') {
        anchored.to_string()
    } else if pattern.contains('/') {
        pattern
    } else {
        format!("**/{pattern}")
    };
    GlobBuilder::new(&pattern)
        .literal_separator(true)
        .build()
        .map_err(|e| {
            format!(
                "invalid glob: {}",
                iot_jobs_lint::text::printable(&e.to_string())
            )
        })
}

/// Where configurations come from: `--config`, `--no-config`, or found upward from each file
/// (loaded once per directory).
pub(crate) struct Finder {
    fixed: Option<Option<Arc<Config>>>,
    found: std::sync::Mutex<HashMap<PathBuf, Option<Arc<Config>>>>,
    /// The directory of the last file asked about, as given, and its answer: a walk lists a
    /// directory's files one after another, and each lookup otherwise resolves the path against
    /// the working directory.
    last: std::sync::Mutex<Option<(PathBuf, Option<Arc<Config>>)>>,
    /// Problems in configuration files met so far (each reported once).
    pub(crate) errors: std::sync::Mutex<Vec<ConfigError>>,
}

impl Finder {
    /// `--config FILE` (loaded now; its problems are returned), `--no-config`, or discovery.
    pub(crate) fn new(config: Option<&Path>, no_config: bool) -> Result<Finder, Vec<ConfigError>> {
        let fixed = if no_config {
            Some(None)
        } else if let Some(path) = config {
            Some(Some(Arc::new(Config::load(path)?)))
        } else {
            None
        };
        Ok(Finder {
            fixed,
            found: std::sync::Mutex::default(),
            last: std::sync::Mutex::default(),
            errors: std::sync::Mutex::default(),
        })
    }

    /// The configuration that applies to a file in `dir` (the nearest `iot-jobs-lint.toml` in it
    /// or above it); `None` when there is none or it has problems (recorded in `errors`).
    pub(crate) fn for_dir(&self, dir: &Path) -> Option<Arc<Config>> {
        if let Some(fixed) = &self.fixed {
            return fixed.clone();
        }
        let start = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
        let mut cache = self
            .found
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let mut visited = Vec::new();
        let mut current = Some(start.as_path());
        let mut result = None;
        while let Some(d) = current {
            if let Some(known) = cache.get(d) {
                result = known.clone();
                break;
            }
            visited.push(d.to_path_buf());
            let candidate = d.join(FILE_NAME);
            // Anything by that name counts (a directory or a FIFO is an error, not skipped in
            // favour of a configuration further up).
            if std::fs::symlink_metadata(&candidate).is_ok() {
                match Config::load(&candidate) {
                    Ok(c) => result = Some(Arc::new(c)),
                    Err(e) => self
                        .errors
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .extend(e),
                }
                break;
            }
            current = d.parent();
        }
        for d in visited {
            cache.insert(d, result.clone());
        }
        result
    }

    /// The configuration for one checked file (stdin: the current directory, or the directory
    /// of `--stdin-filename`).
    pub(crate) fn for_file(&self, path: &Path) -> Option<Arc<Config>> {
        let dir = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p,
            _ => Path::new("."),
        };
        if self.fixed.is_none() {
            let last = self.last.lock().unwrap_or_else(|e| e.into_inner());
            if let Some((seen, config)) = last.as_ref()
                && seen == dir
            {
                return config.clone();
            }
        }
        let config = self.for_dir(dir);
        *self.last.lock().unwrap_or_else(|e| e.into_inner()) =
            Some((dir.to_path_buf(), config.clone()));
        config
    }

    /// Whether any configuration file had problems (reported, and the run exits with 2).
    pub(crate) fn take_errors(&self) -> Vec<ConfigError> {
        std::mem::take(
            &mut *self
                .errors
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner),
        )
    }
}
