//! `iot-jobs-lint`: the command-line front end. It reads files, passes the host's clock, and
//! renders reports; every rule lives in the `iot-jobs-lint` core crate.
//!
//! The command is a library so that other hosts can run it in-process: the binary
//! (`src/main.rs`) and the Python package's `iot-jobs-lint` console script
//! (`crates/iot-jobs-lint-py`) both call [`run`] with their argument list.

#![forbid(unsafe_code)]

/// `eprintln!` for the whole crate, without the standard one's panic when standard error is a
/// closed pipe (`iot-jobs-lint check … 2>&1 | head`): a message nobody reads is dropped.
macro_rules! eprintln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod baseline;
mod check;
mod config;
mod explain;
mod files;
mod input;
mod lsp;
mod render;
mod schedule;
mod schema;

use clap::{Parser, Subcommand, ValueEnum};
use iot_jobs_lint::{Edition, Operation};
use std::process::ExitCode;

/// Checks AWS IoT CreateJob / CreateJobTemplate requests and DescribeJob / DescribeJobTemplate
/// responses against every documented constraint of the AWS IoT Jobs API.
#[derive(Parser, Debug)]
#[command(name = "iot-jobs-lint", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Lint request or response files (exit 0: no errors, 1: errors found, 2: usage or I/O failure).
    #[command(after_help = CHECK_EXIT_CODES)]
    Check(check::CheckArgs),
    /// Explain one rule: what it checks, its severity, source and fix, and an example that fails
    /// (with what the linter reports for it) and the same request fixed.
    Explain {
        /// The rule's code, e.g. `targets/duplicate`.
        code: String,
    },
    /// Preview the next maintenance-window starts of a job or template (as DescribeJob's
    /// scheduledJobRollouts would list them), with the schedule's diagnostics.
    Schedule(schedule::ScheduleArgs),
    /// Print the editor JSON Schema (draft 2020-12) of an operation's request or response, or
    /// write all of them with --all --out-dir DIR.
    Schema(schema::SchemaArgs),
    /// Run the language server over standard input and output (diagnostics, quick fixes and
    /// hover for `*.json` job files in an editor; see the README's "Editors" section).
    Lsp,
    /// List every rule: code, severity, whether the JSON Schema carries it, summary and source.
    Rules {
        /// Output format.
        #[arg(long, value_enum, default_value_t = RulesFormat::Human)]
        format: RulesFormat,
    },
}

/// The exit codes of `check`, shown at the end of `check --help`.
const CHECK_EXIT_CODES: &str = "Exit status:
  0  no diagnostic is an error (and warnings are within --max-warnings); with --diff: nothing to change
  1  some diagnostic is an error, or there are more warnings than --max-warnings; with --diff: something to change
  2  usage error, a file that cannot be read or written, or an input whose operation cannot be told";

#[derive(Clone, Copy, Debug, ValueEnum)]
enum RulesFormat {
    Human,
    Json,
    Markdown,
}

/// `--operation` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum OperationArg {
    CreateJob,
    CreateJobTemplate,
    DescribeJob,
    DescribeJobTemplate,
}

impl From<OperationArg> for Operation {
    fn from(o: OperationArg) -> Self {
        match o {
            OperationArg::CreateJob => Operation::CreateJob,
            OperationArg::CreateJobTemplate => Operation::CreateJobTemplate,
            OperationArg::DescribeJob => Operation::DescribeJob,
            OperationArg::DescribeJobTemplate => Operation::DescribeJobTemplate,
        }
    }
}

/// `--service-model` values.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub(crate) enum EditionArg {
    #[value(name = "2023-03-02")]
    V20230302,
    Latest,
}

impl From<EditionArg> for Edition {
    fn from(e: EditionArg) -> Self {
        match e {
            EditionArg::V20230302 => Edition::V2023_03_02,
            EditionArg::Latest => Edition::Latest,
        }
    }
}

/// Runs the command with `args` (the program name first, as [`std::env::args_os`] gives them) and
/// returns its exit status: 0, 1 or 2 as `check --help` lists them (clap's own usage errors are 2,
/// `--help` and `--version` 0). Writes to this process's standard output and error, and may read
/// standard input (`check -`, `lsp`).
pub fn run(args: Vec<std::ffi::OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // What `Cli::parse` does, minus `std::process::exit`: an embedding host (Python)
            // decides how to end.
            let _ = e.print();
            return e.exit_code();
        }
    };
    let code = command(cli);
    if code == ExitCode::SUCCESS {
        0
    } else if code == ExitCode::from(1) {
        1
    } else {
        2
    }
}

fn command(cli: Cli) -> ExitCode {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Schedule(args) => schedule::run(&args),
        Command::Schema(args) => schema::run(&args),
        Command::Explain { code } => explain::run(&code),
        Command::Lsp => lsp::run(),
        Command::Rules { format } => {
            let rules = iot_jobs_lint::registry::all();
            match format {
                RulesFormat::Json => input::emit(&format!(
                    "{}\n",
                    serde_json::to_string_pretty(rules).unwrap_or_default()
                )),
                RulesFormat::Markdown => input::emit(&iot_jobs_lint::registry::markdown()),
                RulesFormat::Human => {
                    let width = rules.iter().map(|r| r.code.len()).max().unwrap_or(0);
                    for r in rules {
                        input::emit(&format!(
                            "{:width$}  {:7}  {:6}  {}\n{:width$}  {:7}  {:6}  source: {}\n",
                            r.code,
                            r.severity.as_str(),
                            if r.json_schema { "schema" } else { "-" },
                            r.summary,
                            "",
                            "",
                            "",
                            r.source
                        ));
                    }
                    input::emit(
                        "\n\"schema\": the exported JSON Schema (iot-jobs-lint schema) carries the rule, so an editor underlines it too; \"-\": only iot-jobs-lint checks it.\n",
                    );
                }
            }
            ExitCode::SUCCESS
        }
    }
}
