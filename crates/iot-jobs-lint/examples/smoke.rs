fn main() {
    let path = std::env::args().nth(1).unwrap();
    let bytes = std::fs::read(path).unwrap();
    let now = "2026-01-01T00:00:00Z".parse().unwrap();
    let r = iot_jobs_lint::lint(&bytes, &iot_jobs_lint::LintOptions::new(now));
    println!("{}", serde_json::to_string_pretty(&r).unwrap());
}
