//! `iot-jobs-lint`: the command-line front end (see the library, `src/lib.rs`, for the command).

#![forbid(unsafe_code)]

fn main() -> std::process::ExitCode {
    let code = iot_jobs_lint_cli::run(std::env::args_os().collect());
    std::process::ExitCode::from(u8::try_from(code).unwrap_or(2))
}
