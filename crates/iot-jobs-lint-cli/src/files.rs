//! The FILE arguments of `check`, expanded into the list of inputs: a file as given, `-` for
//! standard input, a directory walked recursively for `*.json` files and YAML CloudFormation
//! templates (in a CDK `cdk.out/`, only `*.template.json`; skipping hidden entries and
//! what `.gitignore`, `.ignore` and the configuration's `exclude` leave out), or a glob pattern
//! (`jobs/**/*.job.json`) matched under its literal leading directories. Walks list entries in
//! file-name order, so the output order does not depend on the file system.

use crate::config::{Config, Finder};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// One input to check.
pub(crate) struct Target {
    /// The path to read (`-`: standard input), as the file system has it (a name from a walk
    /// need not be UTF-8).
    pub(crate) path: PathBuf,
    /// The path shown in the output and matched by per-file ignores and the baseline (for
    /// standard input: `--stdin-filename`, or `<stdin>`).
    pub(crate) shown: String,
    /// The configuration that applies to it.
    pub(crate) config: Option<Arc<Config>>,
    /// A directory walk listed it as a regular file (not a link): its type need not be checked
    /// again before it is opened (the open file is still checked).
    pub(crate) walked: bool,
}

impl Target {
    /// Whether this is standard input (`-`).
    pub(crate) fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }
}

/// Whether `arg` is a glob pattern rather than a path.
fn is_glob(arg: &str) -> bool {
    arg.contains(['*', '?', '[', '{'])
}

/// A path as the output shows it: without a leading `./`.
fn shown(path: &Path) -> String {
    let text = path.to_string_lossy();
    text.strip_prefix("./").unwrap_or(&text).to_string()
}

/// Expands the FILE arguments. A glob that matches nothing, a directory without any JSON file,
/// a directory the walk cannot read or a broken link is an error in the returned list, as (the
/// argument or path it concerns, the message): the run exits with 2, as for an unreadable file,
/// and JSON and SARIF output list it. The same file named twice, or found by two
/// arguments, is checked once.
pub(crate) fn expand(
    args: &[String],
    stdin_filename: Option<&str>,
    finder: &Finder,
) -> (Vec<Target>, Vec<(String, String)>) {
    let mut targets: Vec<Target> = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        if arg == "-" {
            if targets.iter().any(|t| t.is_stdin()) {
                continue;
            }
            let shown = stdin_filename.unwrap_or("<stdin>").to_string();
            let config = finder.for_file(Path::new(stdin_filename.unwrap_or("stdin")));
            targets.push(Target {
                path: PathBuf::from(arg),
                shown,
                config,
                walked: false,
            });
            continue;
        }
        let path = Path::new(arg);
        if path.is_dir() {
            let before = targets.len();
            walk(path, None, finder, &mut targets, &mut errors);
            if targets.len() == before {
                errors.push((
                    arg.clone(),
                    format!(
                        "no *.json file or YAML template in directory {}",
                        iot_jobs_lint::text::printable(arg)
                    ),
                ));
            }
        } else if is_glob(arg) && !path.exists() {
            let pattern = arg.strip_prefix("./").unwrap_or(arg);
            // The literal leading directories (an absolute pattern keeps its root).
            let mut base = PathBuf::new();
            if pattern.starts_with('/') {
                base.push("/");
            }
            for part in pattern.split('/').filter(|p| !p.is_empty()) {
                if is_glob(part) {
                    break;
                }
                base.push(part);
            }
            if base.as_os_str().is_empty() {
                base.push(".");
            }
            let glob = globset::GlobBuilder::new(pattern)
                .literal_separator(true)
                .build();
            match glob {
                Ok(glob) => {
                    let before = targets.len();
                    let matcher = glob.compile_matcher();
                    // A pattern whose literal directories do not exist matches nothing (one
                    // message, not a walk error as well).
                    if base.exists() {
                        walk(&base, Some(&matcher), finder, &mut targets, &mut errors);
                    }
                    if targets.len() == before {
                        errors.push((
                            arg.clone(),
                            format!("no file matches {}", iot_jobs_lint::text::printable(arg)),
                        ));
                    }
                }
                Err(e) => errors.push((
                    arg.clone(),
                    format!(
                        "invalid glob {}",
                        iot_jobs_lint::text::printable(&format!("{arg}: {e}"))
                    ),
                )),
            }
        } else {
            // A file given by name is checked whatever its name or the exclude globs say.
            targets.push(Target {
                path: PathBuf::from(arg),
                shown: shown(path),
                config: finder.for_file(path),
                walked: false,
            });
        }
    }
    // Two fixes of one file would race, and a baseline would count its findings twice. One
    // argument walked without meeting a link lists each file once by construction: resolving
    // every path (a readlink per component) is skipped then.
    if args.len() < 2 && targets.iter().all(|t| t.walked) {
        return (targets, errors);
    }
    let mut seen = std::collections::HashSet::new();
    targets.retain(|t| {
        t.is_stdin()
            || seen.insert(std::fs::canonicalize(&t.path).unwrap_or_else(|_| t.path.clone()))
    });
    (targets, errors)
}

/// Walks `root` (hidden entries, ignore files and the excluded globs of the configuration found
/// for `root` left out), adding the files that `glob` matches, or every `*.json` file. A
/// symbolic link to a file counts as that file; links to directories are not followed, so the
/// walk cannot loop.
fn walk(
    root: &Path,
    glob: Option<&globset::GlobMatcher>,
    finder: &Finder,
    targets: &mut Vec<Target>,
    errors: &mut Vec<(String, String)>,
) {
    let root_config = finder.for_dir(root);
    let mut builder = ignore::WalkBuilder::new(root);
    builder
        .require_git(false)
        .sort_by_file_name(std::cmp::Ord::cmp);
    if let Some(config) = root_config {
        builder.filter_entry(move |entry| !config.excludes(entry.path()));
    }
    let wanted = |path: &Path| match glob {
        // A glob names files by pattern; a YAML file among them is checked when it is a
        // template, as in a plain walk (`**/*.yaml` also matches CI workflows).
        Some(g) => {
            g.is_match(path.strip_prefix("./").unwrap_or(path))
                && (!matches!(
                    path.extension().and_then(|e| e.to_str()),
                    Some("yaml" | "yml")
                ) || is_yaml_template(path))
        }
        None => walked_kind(path),
    };
    for entry in builder.build() {
        // A directory the walk cannot read held files that go unchecked: an error (exit 2),
        // and the walk goes on.
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                errors.push((
                    shown(root),
                    format!(
                        "cannot walk: {}",
                        iot_jobs_lint::text::printable(&e.to_string())
                    ),
                ));
                continue;
            }
        };
        let path = entry.path();
        // Regular files, links to them, and, so that they are reported at their place instead
        // of skipped in silence, a broken link, a FIFO, a socket or a device with a wanted name
        // (reading them fails with the reason). Directories and links to directories are not.
        let take = match entry.file_type() {
            Some(t) if t.is_dir() => false,
            Some(t) if t.is_symlink() => std::fs::metadata(path).map_or(true, |m| !m.is_dir()),
            Some(_) => true,
            None => false,
        };
        if take && wanted(path) {
            let regular = entry.file_type().is_some_and(|t| t.is_file());
            targets.push(Target {
                path: path.to_path_buf(),
                shown: shown(path),
                config: finder.for_file(path),
                walked: regular,
            });
        }
    }
}

/// Whether a directory walk checks `path`: every `*.json` file, except that in a CDK cloud
/// assembly (`cdk.out/`) only the synthesised templates (`*.template.json`) are inputs (its
/// `manifest.json`, `tree.json` and asset manifests are not); and YAML files (`*.yaml`,
/// `*.yml`, `*.template`) that are CloudFormation templates (SAM and hand-written stacks).
fn walked_kind(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => !in_cloud_assembly(path) || name.ends_with(".template.json"),
        Some("yaml" | "yml" | "template") => is_yaml_template(path),
        _ => false,
    }
}

/// Whether `path` lies in a CDK cloud assembly: under a directory named `cdk.out`, or beside
/// the `cdk.out` marker file that `cdk synth` writes.
fn in_cloud_assembly(path: &Path) -> bool {
    path.ancestors()
        .skip(1)
        .any(|dir| dir.file_name().is_some_and(|n| n == "cdk.out") || dir.join("cdk.out").is_file())
}

/// Whether a YAML file met in a walk is a CloudFormation template: its first 64 KiB are read
/// (the keys that tell sit at the top level, near the start), so a walk over a repository's
/// YAML (CI workflows, compose files) skips the rest without reading them.
fn is_yaml_template(path: &Path) -> bool {
    use std::io::Read as _;
    let mut head = Vec::new();
    let read = std::fs::File::open(path).and_then(|f| f.take(64 * 1024).read_to_end(&mut head));
    read.is_ok() && iot_jobs_lint::is_template(&String::from_utf8_lossy(&head))
}
