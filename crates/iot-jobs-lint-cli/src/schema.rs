//! `iot-jobs-lint schema`: the editor JSON Schema of an operation and edition.

use crate::{EditionArg, OperationArg};
use clap::Args;
use iot_jobs_lint::{Edition, Operation, schema};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Args, Debug)]
pub(crate) struct SchemaArgs {
    /// The operation: its request (create-*) or response (describe-*) is described.
    #[arg(long, value_enum, required_unless_present = "all")]
    operation: Option<OperationArg>,
    /// The service-model edition.
    #[arg(long, value_enum, default_value = "latest")]
    service_model: EditionArg,
    /// Write every schema (4 operations x 2 editions) as OUT_DIR/EDITION/OPERATION.schema.json
    /// instead of printing one.
    #[arg(long, requires = "out_dir", conflicts_with_all = ["operation", "service_model"])]
    all: bool,
    /// The directory for --all (the repository keeps them in `schemas/`).
    #[arg(long, value_name = "OUT_DIR", conflicts_with = "operation")]
    out_dir: Option<PathBuf>,
}

pub(crate) fn run(args: &SchemaArgs) -> ExitCode {
    match (args.all, &args.out_dir, args.operation) {
        (true, Some(dir), _) => write_all(dir),
        (false, _, Some(operation)) => {
            crate::input::emit(&schema::file_text(
                operation.into(),
                args.service_model.into(),
            ));
            ExitCode::SUCCESS
        }
        _ => unreachable!("clap requires --operation, or --all with --out-dir"),
    }
}

fn write_all(dir: &std::path::Path) -> ExitCode {
    for edition in Edition::ALL {
        for operation in Operation::ALL {
            let path = dir.join(schema::relative_path(operation, edition));
            let written = path
                .parent()
                .map_or(Ok(()), std::fs::create_dir_all)
                .and_then(|()| std::fs::write(&path, schema::file_text(operation, edition)));
            if let Err(e) = written {
                eprintln!("iot-jobs-lint: cannot write {}: {e}", path.display());
                return ExitCode::from(2);
            }
            eprintln!("wrote {}", path.display());
        }
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn parse(args: &[&str]) -> Result<crate::Cli, clap::Error> {
        crate::Cli::try_parse_from(std::iter::once("iot-jobs-lint").chain(args.iter().copied()))
    }

    #[test]
    fn arguments() {
        assert!(parse(&["schema", "--operation", "create-job"]).is_ok());
        assert!(
            parse(&[
                "schema",
                "--operation",
                "describe-job",
                "--service-model",
                "2023-03-02"
            ])
            .is_ok()
        );
        assert!(parse(&["schema", "--all", "--out-dir", "schemas"]).is_ok());
        // One of --operation and --all; --all needs a directory and takes no operation.
        assert!(parse(&["schema"]).is_err());
        assert!(parse(&["schema", "--all"]).is_err());
        assert!(parse(&["schema", "--out-dir", "x", "--operation", "create-job"]).is_err());
        assert!(
            parse(&[
                "schema",
                "--all",
                "--out-dir",
                "x",
                "--operation",
                "create-job"
            ])
            .is_err()
        );
        assert!(parse(&["schema", "--operation", "CreateJob"]).is_err());
    }

    #[test]
    fn all_writes_the_eight_files_of_the_repository_layout() {
        let dir = std::env::temp_dir().join(format!("iot-jobs-lint-schema-{}", std::process::id()));
        assert_eq!(write_all(&dir), ExitCode::SUCCESS);
        for edition in Edition::ALL {
            for operation in Operation::ALL {
                let text =
                    std::fs::read_to_string(dir.join(schema::relative_path(operation, edition)))
                        .expect("written");
                assert_eq!(text, schema::file_text(operation, edition));
            }
        }
        std::fs::remove_dir_all(&dir).expect("temporary directory removed");
    }
}
