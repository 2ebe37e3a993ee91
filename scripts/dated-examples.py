#!/usr/bin/env python3
"""Copies example job files into a directory, moving each CreateJob's schedule into the future.

The examples carry fixed dates (the README runs them with --now). A test that runs the CLI with
the real clock (the pre-commit hook, the GitHub Action) copies them with this script instead:
every `schedulingConfig.startTime` and `endTime` moves forward by whole weeks (so each window's
weekday and hour stay put) until `startTime` is at least a day after now. Other files are copied
unchanged.

    python3 scripts/dated-examples.py DEST_DIR FILE...
"""
import datetime
import json
import pathlib
import shutil
import sys

FORMAT = "%Y-%m-%dT%H:%M"


def main(dest, files):
    dest = pathlib.Path(dest)
    soon = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None) + datetime.timedelta(days=1)
    for name in files:
        source = pathlib.Path(name)
        doc = json.loads(source.read_text())
        config = doc.get("schedulingConfig") if isinstance(doc, dict) and "jobId" in doc else None
        start = config.get("startTime") if isinstance(config, dict) else None
        if not isinstance(start, str):
            shutil.copyfile(source, dest / source.name)
            continue
        try:
            times = {k: datetime.datetime.strptime(config[k], FORMAT)
                     for k in ("startTime", "endTime") if isinstance(config.get(k), str)}
        except ValueError:
            # A deliberately broken time (examples/broken.job.json) stays as it is.
            shutil.copyfile(source, dest / source.name)
            continue
        weeks = max(0, -(-(soon - times["startTime"]).days // 7) + 1)
        for key, value in times.items():
            config[key] = (value + datetime.timedelta(weeks=weeks)).strftime(FORMAT)
        (dest / source.name).write_text(json.dumps(doc, indent=2) + "\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
