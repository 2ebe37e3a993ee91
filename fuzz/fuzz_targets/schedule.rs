//! `schedule`: `analyze` and `schedule` with an arbitrary count (0..=1000) and options. The
//! windows are in time order, each ends at or after its start, there are at most `count`, the
//! DescribeJob list matches them, `schedule` returns what `analyze` does, the report is
//! well-formed and the preview's diagnostics are the report's.
#![no_main]
use iot_jobs_lint::{analyze, schedule};
use iot_jobs_lint_fuzz::{check_report, split};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (options, count, input) = split(data);
    let a = analyze(input, &options, count);
    check_report(&a.report, input);
    let s = &a.schedule;
    assert!(
        s.windows.len() <= count,
        "{} windows for count {count}",
        s.windows.len()
    );
    assert_eq!(s.windows.len(), s.scheduled_job_rollouts.len());
    assert!(s.previewable_windows <= s.declared_windows);
    let mut last = None;
    for (w, r) in s.windows.iter().zip(&s.scheduled_job_rollouts) {
        assert_eq!(w.start, r.start_time);
        let (start, end) = (w.start_instant.expect("start"), w.end_instant.expect("end"));
        assert!(end >= start, "window ends before it starts: {w:?}");
        assert!(
            last.is_none_or(|l| l <= start),
            "windows out of order: {:?}",
            s.windows
        );
        assert!(
            w.maintenance_window < s.declared_windows,
            "window index {w:?}"
        );
        last = Some(start);
    }
    for d in &s.diagnostics {
        assert!(
            a.report.diagnostics.contains(d),
            "preview diagnostic not in the report: {d:?}"
        );
    }
    let again = schedule(input, &options, count);
    assert_eq!(&again, s, "schedule() differs from analyze().schedule");
});
