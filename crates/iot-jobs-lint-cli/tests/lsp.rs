//! `iot-jobs-lint lsp` over the wire: the built binary, driven through its standard input and
//! output with JSON-RPC framing (Content-Length headers), as an editor drives it.
//!
//! The server takes `now` from the host clock, so the expected diagnostics are what `check
//! --format json` reports for the same text (also on the host clock), not a fixed list.

use serde_json::{Value, json};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const WAIT: Duration = Duration::from_secs(20);

fn repo() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

fn broken() -> String {
    std::fs::read_to_string(repo().join("examples/broken.job.json")).unwrap()
}

/// A fresh scratch directory holding `files` (path, content).
fn scratch(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("iot-jobs-lint-lsp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (path, content) in files {
        std::fs::write(dir.join(path), content).unwrap();
    }
    dir
}

fn file_uri(path: &Path) -> String {
    format!("file://{}", path.display())
}

/// `iot-jobs-lint lsp` with piped input, its output going to `stdout`.
fn spawn_server(stdout: Stdio) -> Child {
    Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
        .arg("lsp")
        .stdin(Stdio::piped())
        .stdout(stdout)
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap()
}

/// Writes one JSON-RPC message with its Content-Length header.
fn write_frame(stdin: &mut ChildStdin, message: &Value) {
    let body = message.to_string();
    write!(stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
    stdin.flush().unwrap();
}

/// A client: the server process, its input, and the messages it sent, read on a thread.
struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    messages: Receiver<Value>,
    /// Notifications read while waiting for something else.
    pending: Vec<Value>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        Client::start_with(Value::Null)
    }

    /// A server initialized with `initializationOptions` `options`.
    fn start_with(options: Value) -> Client {
        let mut child = spawn_server(Stdio::piped());
        let stdin = child.stdin.take();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = None;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = Some(n.parse::<usize>().unwrap());
                    }
                }
                let mut body = vec![0; length.expect("Content-Length header")];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            messages: rx,
            pending: Vec::new(),
            next_id: 1,
        };
        let result = client.request(
            "initialize",
            json!({"capabilities": {}, "processId": null, "initializationOptions": options}),
        );
        let caps = &result["capabilities"];
        assert_eq!(caps["textDocumentSync"], json!(1), "full sync: {caps}");
        assert_eq!(caps["hoverProvider"], json!(true));
        assert_eq!(
            caps["completionProvider"]["triggerCharacters"],
            json!(["\""])
        );
        assert_eq!(caps["codeLensProvider"]["resolveProvider"], json!(false));
        let kinds = &caps["codeActionProvider"]["codeActionKinds"];
        assert_eq!(kinds, &json!(["quickfix", "source.fixAll.iot-jobs-lint"]));
        assert_eq!(result["serverInfo"]["name"], "iot-jobs-lint");
        client.notify("initialized", json!({}));
        client
    }

    fn send(&mut self, message: Value) {
        write_frame(self.stdin.as_mut().unwrap(), &message);
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn next(&mut self) -> Value {
        self.messages
            .recv_timeout(WAIT)
            .expect("a message from the server in time")
    }

    /// Sends a request and returns its result (panics on an error response).
    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self.next();
            if message["id"] == json!(id) {
                assert!(message.get("error").is_none(), "{message}");
                return message["result"].clone();
            }
            self.pending.push(message);
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Vec<Value> {
        let matches = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        if let Some(i) = self.pending.iter().position(matches) {
            let m = self.pending.remove(i);
            return m["params"]["diagnostics"].as_array().unwrap().clone();
        }
        loop {
            let message = self.next();
            if matches(&message) {
                return message["params"]["diagnostics"].as_array().unwrap().clone();
            }
            self.pending.push(message);
        }
    }

    fn open(&mut self, uri: &str, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "json", "version": 1, "text": text}}),
        );
        self.diagnostics(uri)
    }

    fn change(&mut self, uri: &str, version: i32, text: &str) -> Vec<Value> {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
        self.diagnostics(uri)
    }

    /// The code actions for `range` (a JSON range) of kinds `only`.
    fn code_actions(&mut self, uri: &str, range: &Value, only: &str) -> Vec<Value> {
        let result = self.request(
            "textDocument/codeAction",
            json!({
                "textDocument": {"uri": uri},
                "range": range,
                "context": {"diagnostics": [], "only": [only]},
            }),
        );
        result.as_array().unwrap().clone()
    }

    /// `shutdown` then `exit`: the process ends with status 0.
    fn shut_down(mut self) {
        assert_eq!(self.request("shutdown", Value::Null), Value::Null);
        self.notify("exit", Value::Null);
        let status = wait_for_exit(&mut self.child, Duration::from_secs(5));
        assert_eq!(status.map(|s| s.code()), Some(Some(0)));
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_for_exit(child: &mut Child, limit: Duration) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < limit {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

/// What `check --format json` reports for `text` (saved as `name` in a scratch directory).
fn check_json(name: &str, text: &str) -> Vec<Value> {
    let dir = scratch(
        &format!("check-{}", name.replace('.', "-")),
        &[(name, text)],
    );
    let out = Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
        .current_dir(&dir)
        .args(["check", "--no-config", "--format", "json", name])
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    v["files"][0]["diagnostics"].as_array().unwrap().clone()
}

/// The first diagnostic with `code`.
fn find(diagnostics: &[Value], code: &str) -> Value {
    let found = diagnostics.iter().find(|d| d["code"] == code);
    found
        .unwrap_or_else(|| panic!("no {code} in {diagnostics:?}"))
        .clone()
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

/// The UTF-16 column of byte `offset` within its line.
fn utf16_column(text: &str, offset: usize) -> u64 {
    let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    text[start..offset].encode_utf16().count() as u64
}

/// The byte offset of an LSP position (line, UTF-16 character).
fn offset_of(text: &str, position: &Value) -> usize {
    let line = position["line"].as_u64().unwrap() as usize;
    let character = position["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// Applies LSP text edits (non-overlapping) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset_of(text, &e["range"]["start"]),
                offset_of(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.0));
    let mut out = text.to_string();
    for (start, end, new) in spans {
        out.replace_range(start..end, new);
    }
    out
}

fn position(line: u64, character: u64) -> Value {
    json!({"line": line, "character": character})
}

/// Where the tests open examples/broken.job.json (no configuration file applies there).
const BROKEN_URI: &str = "file:///nonexistent-dir/broken.job.json";

/// A started server with examples/broken.job.json open at [`BROKEN_URI`]: the client, the text
/// and the diagnostics published for it.
fn open_broken() -> (Client, String, Vec<Value>) {
    let text = broken();
    let mut client = Client::start();
    let got = client.open(BROKEN_URI, &text);
    (client, text, got)
}

#[test]
fn broken_example_gets_the_diagnostics_of_check_with_their_ranges() {
    let (mut client, text, got) = open_broken();
    let uri = BROKEN_URI;
    let expected = check_json("broken.job.json", &text);
    assert_eq!(codes(&got), codes(&expected));
    assert!(got.len() >= 20, "{}", got.len());
    for code in [
        "model/pattern",
        "targets/duplicate",
        "model/enum",
        "model/unknown-member",
    ] {
        assert!(codes(&got).iter().any(|c| c == code), "{code}");
    }
    // The file is ASCII: UTF-16 characters are the code-point columns less one.
    for (g, e) in got.iter().zip(&expected) {
        let at =
            |l: &str, c: &str| position(e[l].as_u64().unwrap() - 1, e[c].as_u64().unwrap() - 1);
        assert_eq!(g["range"]["start"], at("line", "column"), "{g}");
        assert_eq!(g["range"]["end"], at("endLine", "endColumn"), "{g}");
        assert_eq!(g["source"], "iot-jobs-lint");
        let severity = match e["severity"].as_str().unwrap() {
            "error" => 1,
            "warning" => 2,
            _ => 3,
        };
        assert_eq!(g["severity"], json!(severity));
    }
    // Closing clears them.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );
    assert!(client.diagnostics(uri).is_empty());
    client.shut_down();
}

#[test]
fn ranges_count_utf16_code_units_after_an_emoji() {
    // The emoji (2 UTF-16 units, 1 code point) and the CJK (1 unit, 3 bytes) come before the bad
    // jobId on the same line; the repeated jobId carries related information.
    let text = "{\"description\": \"🚀 部署\", \"jobId\": \"bad id\", \"jobId\": \"bad 2\",\n \"targets\": [\"arn:aws:iot:us-east-1:111122223333:thing/a\"], \"document\": \"{}\"}\n";
    let mut client = Client::start();
    let uri = "file:///nonexistent-dir/emoji.job.json";
    let got = client.open(uri, text);
    let bad = text.find("\"bad 2\"").unwrap();
    let pattern = got
        .iter()
        .find(|d| d["code"] == "model/pattern" && d["range"]["start"]["line"] == 0)
        .expect("the jobId pattern diagnostic");
    let start = utf16_column(text, bad);
    assert_eq!(pattern["range"]["start"], position(0, start));
    assert_eq!(
        pattern["range"]["end"],
        position(0, start + "\"bad 2\"".len() as u64)
    );
    // Code points would give one less.
    assert_eq!(text[..bad].chars().count() as u64 + 1, start);
    // Every diagnostic's range, mapped back, covers the bytes that check reports.
    let expected = check_json("emoji.job.json", text);
    assert_eq!(codes(&got), codes(&expected));
    for (g, e) in got.iter().zip(&expected) {
        let span = (e["span"]["start"].as_u64().unwrap() as usize)
            ..(e["span"]["end"].as_u64().unwrap() as usize);
        assert_eq!(offset_of(text, &g["range"]["start"]), span.start, "{g}");
        assert_eq!(offset_of(text, &g["range"]["end"]), span.end, "{g}");
        let related = e["related"].as_array().unwrap();
        if !related.is_empty() {
            let info = g["relatedInformation"]
                .as_array()
                .expect("related information");
            assert_eq!(info.len(), related.len());
            for (i, r) in info.iter().zip(related) {
                assert_eq!(i["location"]["uri"], uri);
                assert_eq!(i["message"], r["message"]);
                let start = r["span"]["start"].as_u64().unwrap() as usize;
                assert_eq!(offset_of(text, &i["location"]["range"]["start"]), start);
            }
        }
    }
    assert!(
        got.iter().any(|d| d["relatedInformation"].is_array()),
        "the repeated jobId has related information: {got:?}"
    );
    client.shut_down();
}

#[test]
fn duplicate_target_quick_fix_removes_the_diagnostic() {
    let (mut client, text, got) = open_broken();
    let uri = BROKEN_URI;
    let duplicate = find(&got, "targets/duplicate");
    let actions = client.code_actions(uri, &duplicate["range"], "quickfix");
    let fix = actions
        .iter()
        .find(|a| a["diagnostics"][0]["code"] == "targets/duplicate")
        .expect("a quick fix for targets/duplicate");
    assert_eq!(fix["kind"], "quickfix");
    assert_eq!(fix["title"], "remove the repeated target");
    assert_eq!(fix["isPreferred"], true);
    // Only quick fixes were asked for, and only the diagnostics in the range have them.
    assert!(actions.iter().all(|a| a["kind"] == "quickfix"));
    assert!(
        actions
            .iter()
            .all(|a| a["diagnostics"][0]["range"] == duplicate["range"])
    );
    let edits = fix["edit"]["changes"][uri].as_array().unwrap();
    let fixed = apply(&text, edits);
    assert!(!fixed.contains("\"pump-0043\",\n    \"arn"), "{fixed}");
    let after = client.change(uri, 2, &fixed);
    assert!(!codes(&after).iter().any(|c| c == "targets/duplicate"));
    assert_eq!(after.len(), got.len() - 1);
    client.shut_down();
}

#[test]
fn fix_all_applies_every_safe_fix_in_one_edit() {
    let (mut client, text, got) = open_broken();
    let uri = BROKEN_URI;
    let start = json!({"start": position(0, 0), "end": position(0, 0)});
    let actions = client.code_actions(uri, &start, "source.fixAll");
    assert_eq!(actions.len(), 1, "{actions:?}");
    let fix_all = &actions[0];
    assert_eq!(fix_all["kind"], "source.fixAll.iot-jobs-lint");
    let edits = fix_all["edit"]["changes"][uri].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["range"]["start"], position(0, 0));
    let fixed = apply(&text, edits);
    assert!(fixed.contains("\"targetSelection\": \"SNAPSHOT\""));
    let after = client.change(uri, 2, &fixed);
    for gone in ["targets/duplicate", "model/enum"] {
        assert!(!codes(&after).iter().any(|c| c == gone), "{gone}");
    }
    assert_eq!(after.len(), got.len() - 2);
    // Nothing safe is left to fix: no more fix-all action.
    assert!(client.code_actions(uri, &start, "source").is_empty());
    client.shut_down();
}

#[test]
fn changes_in_a_burst_are_linted_once_and_requests_see_the_latest_text() {
    let (mut client, text, got) = open_broken();
    let uri = BROKEN_URI;
    let duplicate = find(&got, "targets/duplicate");
    let fixed = text.replace("\"snapshot\"", "\"SNAPSHOT\"");
    for (version, t) in [(2, &fixed), (3, &text), (4, &fixed)] {
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": t}]}),
        );
    }
    // Asked before the pause is over: answered from version 4 (no model/enum fix any more).
    let actions = client.code_actions(uri, &duplicate["range"], "quickfix");
    assert!(!actions.is_empty());
    let all = json!({"start": position(0, 0), "end": position(60, 0)});
    let actions = client.code_actions(uri, &all, "quickfix");
    assert!(
        !actions
            .iter()
            .any(|a| a["diagnostics"][0]["code"] == "model/enum"),
        "{actions:?}"
    );
    // One publication, for the last version.
    let published = loop {
        let m = client.pending.pop().unwrap_or_else(|| client.next());
        if m["method"] == "textDocument/publishDiagnostics" {
            break m;
        }
    };
    assert_eq!(published["params"]["version"], json!(4));
    assert_eq!(
        published["params"]["diagnostics"].as_array().unwrap().len(),
        got.len() - 1
    );
    client.shut_down();
}

#[test]
fn hover_shows_the_rule_under_the_cursor() {
    let (mut client, _, got) = open_broken();
    let uri = BROKEN_URI;
    let enum_diag = &find(&got, "model/enum");
    let start = &enum_diag["range"]["start"];
    let inside = position(
        start["line"].as_u64().unwrap(),
        start["character"].as_u64().unwrap() + 2,
    );
    let hover = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": inside}),
    );
    assert_eq!(hover["contents"]["kind"], "markdown");
    let value = hover["contents"]["value"].as_str().unwrap();
    assert!(value.contains("`model/enum`"), "{value}");
    assert!(value.contains("Source:"), "{value}");
    assert!(value.contains("Fix:"), "{value}");
    assert_eq!(hover["range"], enum_diag["range"]);
    // Outside every diagnostic: nothing.
    let nothing = client.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": uri}, "position": position(0, 0)}),
    );
    assert_eq!(nothing, Value::Null);
    client.shut_down();
}

#[test]
fn ordinary_json_is_left_alone_and_the_configuration_applies() {
    let text = broken();
    let dir = scratch(
        "config",
        &[
            ("iot-jobs-lint.toml", "ignore = [\"targets/duplicate\"]\n"),
            ("broken.job.json", &text),
        ],
    );
    let mut client = Client::start();
    // A JSON file whose operation cannot be told, not named as a job file: nothing.
    let package = file_uri(&dir.join("package.json"));
    assert!(client.open(&package, "{\"name\": \"x\"}").is_empty());
    // Named as a job file: the unknown operation is reported.
    let named = file_uri(&dir.join("x.job.json"));
    let got = client.open(&named, "{\"name\": \"x\"}");
    assert_eq!(codes(&got), ["input/operation-unknown"]);
    // The configuration beside the file is honoured.
    let job = file_uri(&dir.join("broken.job.json"));
    let got = client.open(&job, &text);
    assert!(!got.is_empty());
    assert!(!codes(&got).iter().any(|c| c == "targets/duplicate"));
    client.shut_down();
}

#[test]
fn closing_standard_input_ends_the_server() {
    let mut client = Client::start();
    assert!(!client.open(BROKEN_URI, &broken()).is_empty());
    drop(client.stdin.take());
    let status = wait_for_exit(&mut client.child, Duration::from_secs(5));
    assert!(status.is_some(), "still running 5 s after its input closed");
    // No shutdown first: status 1, as the protocol asks.
    assert_eq!(status.unwrap().code(), Some(1));
}

#[test]
fn input_closed_during_initialization_ends_the_server() {
    // Before `initialize`, and between `initialize` and `initialized`.
    for messages in [0, 1] {
        let mut child = spawn_server(Stdio::null());
        let mut stdin = child.stdin.take().unwrap();
        if messages == 1 {
            let initialize = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}});
            write_frame(&mut stdin, &initialize);
        }
        drop(stdin);
        let status = wait_for_exit(&mut child, Duration::from_secs(5));
        let _ = child.kill();
        assert_eq!(
            status.map(|s| s.code()),
            Some(Some(1)),
            "after {messages} messages"
        );
    }
}

#[test]
fn exit_without_shutdown_ends_with_status_1() {
    let mut client = Client::start();
    client.notify("exit", Value::Null);
    let status = wait_for_exit(&mut client.child, Duration::from_secs(5));
    assert_eq!(status.map(|s| s.code()), Some(Some(1)));
    // An unknown request gets an error rather than silence (checked on a fresh server).
    let mut client = Client::start();
    client
        .send(json!({"jsonrpc": "2.0", "id": 99, "method": "textDocument/unknown", "params": {}}));
    let reply = loop {
        let m = client.next();
        if m["id"] == json!(99) {
            break m;
        }
    };
    assert_eq!(reply["error"]["code"], json!(-32601));
    client.shut_down();
}

/// A CreateJob with a schedule, for completion and the lenses (valid at [`NOW`]).
const SCHEDULED: &str = r#"{
  "jobId": "pump-fw-2-5",
  "targets": ["arn:aws:iot:eu-central-1:111122223333:thinggroup/pumps"],
  "documentSource": "https://s3.amazonaws.com/example-firmware/job.json",
  "schedulingConfig": {
    "startTime": "2026-12-06T00:00",
    "endTime": "2027-01-31T00:00",
    "endBehavior": "CANCEL",
    "maintenanceWindows": [
      { "startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 120 }
    ]
  }
}
"#;

const SCHEDULED_URI: &str = "file:///nonexistent-dir/scheduled.job.json";

/// The `now` the lens and completion tests pass in `initializationOptions`.
const NOW: &str = "2026-12-05T12:00:00Z";

/// The LSP position of byte `offset` of `text`.
fn position_of(text: &str, offset: usize) -> Value {
    let line = text[..offset].matches('\n').count() as u64;
    position(line, utf16_column(text, offset))
}

fn complete(client: &mut Client, uri: &str, at: Value) -> Vec<Value> {
    let result = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": uri}, "position": at}),
    );
    result.as_array().unwrap().clone()
}

fn labels(items: &[Value]) -> Vec<&str> {
    items.iter().map(|i| i["label"].as_str().unwrap()).collect()
}

#[test]
fn completion_offers_the_missing_members_with_their_documentation() {
    let mut client = Client::start_with(json!({"now": NOW}));
    // A blank member slot in schedulingConfig, where endBehavior was.
    let text = SCHEDULED.replace("\"endBehavior\": \"CANCEL\",\n", "\n");
    client.open(SCHEDULED_URI, &text);
    let blank = text.find("    \n").unwrap() + 4;
    let items = complete(&mut client, SCHEDULED_URI, position_of(&text, blank));
    // Present members are not offered again, also those after the cursor.
    assert_eq!(labels(&items), ["endBehavior"]);
    for item in &items {
        assert_eq!(item["kind"], 10, "property: {item}");
        let name = item["label"].as_str().unwrap();
        assert_eq!(item["insertText"], format!("\"{name}\": "));
        let doc = item["documentation"]["value"].as_str().unwrap();
        assert!(doc.contains(name), "{name}: {doc}");
    }
    // At the root: the root members it lacks, `document`'s description from the model.
    let root = text.find("\n  \"jobId\"").unwrap() + 1;
    let items = complete(&mut client, SCHEDULED_URI, position_of(&text, root));
    let names = labels(&items);
    assert!(names.contains(&"description"), "{names:?}");
    assert!(names.contains(&"abortConfig"), "{names:?}");
    assert!(!names.contains(&"jobId") && !names.contains(&"schedulingConfig"));
    // Inside a member name being typed (the text is not JSON then: the operation is the one
    // last detected): the edit replaces the whole name, quotes included.
    let typing = SCHEDULED.replace("  \"jobId\"", "  \"abo\"\n  \"jobId\"");
    client.change(SCHEDULED_URI, 2, &typing);
    let at = typing.find("\"abo\"").unwrap();
    let items = complete(&mut client, SCHEDULED_URI, position_of(&typing, at + 4));
    let abort = items.iter().find(|i| i["label"] == "abortConfig").unwrap();
    let edit = &abort["textEdit"];
    assert_eq!(edit["newText"], "\"abortConfig\"");
    assert_eq!(edit["range"]["start"], position_of(&typing, at));
    assert_eq!(edit["range"]["end"], position_of(&typing, at + 5));
    assert_eq!(abort["filterText"], "\"abortConfig\"");
    // A new, empty template: its name says the operation; the required members are marked.
    let uri = "file:///nonexistent-dir/new.job-template.json";
    client.open(uri, "{\n  \n}\n");
    let items = complete(&mut client, uri, position(1, 2));
    let job_template_id = items
        .iter()
        .find(|i| i["label"] == "jobTemplateId")
        .unwrap();
    assert_eq!(job_template_id["detail"], "required");
    assert!(labels(&items).contains(&"description"));
    assert!(!labels(&items).contains(&"jobId"), "{:?}", labels(&items));
    client.shut_down();
}

#[test]
fn completion_in_an_enum_value_lists_the_values_with_their_meanings() {
    let mut client = Client::start_with(json!({"now": NOW}));
    client.open(SCHEDULED_URI, SCHEDULED);
    let string = SCHEDULED.find("\"CANCEL\"").unwrap();
    let items = complete(
        &mut client,
        SCHEDULED_URI,
        position_of(SCHEDULED, string + 2),
    );
    assert_eq!(labels(&items), ["STOP_ROLLOUT", "CANCEL", "FORCE_CANCEL"]);
    for item in &items {
        assert_eq!(item["kind"], 20, "enum member: {item}");
        let meaning = item["documentation"]["value"].as_str().unwrap();
        assert!(!meaning.is_empty());
        assert_eq!(item["detail"].as_str(), Some(meaning));
        let edit = &item["textEdit"];
        assert_eq!(edit["range"]["start"], position_of(SCHEDULED, string));
        assert_eq!(edit["range"]["end"], position_of(SCHEDULED, string + 8));
        assert_eq!(
            edit["newText"],
            format!("\"{}\"", item["label"].as_str().unwrap())
        );
    }
    assert!(
        items[2]["detail"].as_str().unwrap().contains("in progress"),
        "{}",
        items[2]
    );
    // An enum in an array item's object: abortConfig.criteriaList[0].action.
    let text = SCHEDULED.replace(
        "\"jobId\"",
        "\"abortConfig\": {\"criteriaList\": [{\"action\": \"\"}]},\n  \"jobId\"",
    );
    client.change(SCHEDULED_URI, 2, &text);
    let empty = text.find("\"action\": \"\"").unwrap() + "\"action\": \"".len();
    let items = complete(&mut client, SCHEDULED_URI, position_of(&text, empty));
    assert_eq!(labels(&items), ["CANCEL"]);
    // After the colon, no string yet: the value is inserted with its quotes.
    let bare = SCHEDULED.replace("\"endBehavior\": \"CANCEL\"", "\"endBehavior\": ");
    client.change(SCHEDULED_URI, 3, &bare);
    let colon = bare.find("\"endBehavior\": ").unwrap() + "\"endBehavior\": ".len();
    let items = complete(&mut client, SCHEDULED_URI, position_of(&bare, colon));
    assert_eq!(labels(&items), ["STOP_ROLLOUT", "CANCEL", "FORCE_CANCEL"]);
    assert_eq!(items[1]["insertText"], "\"CANCEL\"");
    assert_eq!(items[1]["textEdit"], Value::Null);
    client.change(SCHEDULED_URI, 4, &text);
    // A value that is not an enum: nothing.
    let job_id = text.find("pump-fw").unwrap();
    let items = client.request(
        "textDocument/completion",
        json!({"textDocument": {"uri": SCHEDULED_URI}, "position": position_of(&text, job_id)}),
    );
    assert_eq!(items, Value::Null);
    client.shut_down();
}

#[test]
fn code_lenses_show_the_next_windows_and_the_rollout_period() {
    let mut client = Client::start_with(json!({"now": NOW}));
    let got = client.open(SCHEDULED_URI, SCHEDULED);
    assert_eq!(got, Vec::<Value>::new(), "a clean file at {NOW}");
    let lenses = client.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": SCHEDULED_URI}}),
    );
    let lenses = lenses.as_array().unwrap();
    assert_eq!(lenses.len(), 2, "{lenses:?}");
    let scheduling = SCHEDULED.find("\"schedulingConfig\"").unwrap();
    assert_eq!(
        lenses[0]["range"]["start"],
        position_of(SCHEDULED, scheduling)
    );
    assert_eq!(
        lenses[0]["command"]["title"],
        "rollout: 2026-12-06 00:00 UTC → 2027-01-31 00:00 UTC"
    );
    let windows = SCHEDULED.find("\"maintenanceWindows\"").unwrap();
    assert_eq!(lenses[1]["range"]["start"], position_of(SCHEDULED, windows));
    assert_eq!(
        lenses[1]["range"]["end"],
        position_of(SCHEDULED, windows + "\"maintenanceWindows\"".len())
    );
    assert_eq!(
        lenses[1]["command"]["title"],
        "next: 2026-12-06 02:00 UTC, 2026-12-13 02:00 UTC, 2026-12-20 02:00 UTC, …"
    );
    // A later `now` moves the preview; no endTime: the period is open.
    let mut client2 = Client::start_with(json!({"now": "2027-01-20T00:00:00Z"}));
    let open_ended = SCHEDULED.replace("    \"endTime\": \"2027-01-31T00:00\",\n", "");
    client2.open(SCHEDULED_URI, &open_ended);
    let lenses = client2.request(
        "textDocument/codeLens",
        json!({"textDocument": {"uri": SCHEDULED_URI}}),
    );
    let titles: Vec<_> = lenses
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["command"]["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        titles,
        [
            "rollout: from 2027-01-20 00:00 UTC, no end time",
            "next: 2027-01-24 02:00 UTC, 2027-01-31 02:00 UTC, 2027-02-07 02:00 UTC, …"
        ]
    );
    client.shut_down();
    client2.shut_down();
}

/// Neovim's own LSP client (headless, `tests/nvim/test.lua`) against the built server, on
/// examples/broken.job.json: the diagnostics `check` reports, hover at one and on a member,
/// completion of an enum, the rollout lens, and the `targets/duplicate` quick fix applied to
/// the buffer. Skipped (with a note) when `nvim` is not installed.
#[test]
fn neovim_headless_client_sees_diagnostics_hover_completion_lens_and_applies_a_fix() {
    if Command::new("nvim").arg("--version").output().is_err() {
        eprintln!("note: nvim is not installed; the Neovim client test is skipped");
        return;
    }
    let file = repo()
        .join("examples/broken.job.json")
        .canonicalize()
        .unwrap();
    // What check reports for the file at NOW, with the configuration it finds.
    let out = Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
        .args(["check", "--format", "json", "--now", NOW])
        .arg(&file)
        .output()
        .unwrap();
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let expected = v["files"][0]["diagnostics"].as_array().unwrap().len();
    assert!(expected > 0);
    let script = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/nvim/test.lua"));
    let mut child = Command::new("nvim")
        .args(["--headless", "--clean", "-u", "NONE", "-c"])
        .arg(format!("luafile {}", script.display()))
        .env("IOT_JOBS_LINT", env!("CARGO_BIN_EXE_iot-jobs-lint"))
        .env("IOT_JOBS_LINT_FILE", &file)
        .env("IOT_JOBS_LINT_NOW", NOW)
        .env("IOT_JOBS_LINT_EXPECTED", expected.to_string())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status = wait_for_exit(&mut child, Duration::from_secs(60));
    if status.is_none() {
        let _ = child.kill();
    }
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(
        status.and_then(|s| s.code()),
        Some(0),
        "nvim failed or timed out\nstdout: {stdout}\nstderr: {stderr}"
    );
    assert!(
        stdout.contains("nvim test: ok"),
        "stdout: {stdout}\nstderr: {stderr}"
    );
}

/// The editor's settings in `initializationOptions`: `jobFiles` replaces the default names and
/// gives an operation, `serviceModel` the edition (a window of 20 minutes is too short only in
/// the 2023-03-02 edition), and an `[operations]` glob of the configuration file wins.
#[test]
fn editor_settings_name_job_files_operations_and_edition() {
    let template = r#"{"description": "d", "document": "{}", "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 20}]}"#;
    let dir = scratch(
        "settings",
        &[(
            "iot-jobs-lint.toml",
            "[operations]\n\"jobs/described.json\" = \"describe-job-template\"\n",
        )],
    );
    let mut client = Client::start_with(json!({
        "now": "2026-12-05T12:00:00Z",
        "serviceModel": "2023-03-02",
        "jobFiles": [
            {"glob": "**/jobs/*.json", "operation": "create-job-template"},
            {"glob": "**/*.anything.json", "operation": null},
            {"glob": "[", "operation": "create-job"}
        ]
    }));
    let got = client.open(&file_uri(&dir.join("jobs/t.json")), template);
    let found = codes(&got);
    assert!(found.iter().any(|c| c == "model/range"), "{found:?}");
    assert!(found.iter().any(|c| c == "model/required"), "{found:?}");
    // The default names no longer make a job file; the configured ones do.
    assert!(
        client
            .open(&file_uri(&dir.join("x.job.json")), "{\"name\": \"x\"}")
            .is_empty()
    );
    let got = client.open(&file_uri(&dir.join("y.anything.json")), "{\"name\": \"x\"}");
    assert_eq!(codes(&got), ["input/operation-unknown"]);
    // The configuration file's [operations] wins over the settings for its file: read as a
    // DescribeJobTemplate output, nothing is required.
    let got = client.open(&file_uri(&dir.join("jobs/described.json")), template);
    assert_eq!(codes(&got), ["model/range"]);
    client.shut_down();
}

/// Hover without a diagnostic: a member's documentation from the service model (meaning, unit,
/// limits, edition difference), a member only the other edition has, and a maintenance
/// window's cron in words with its next openings.
#[test]
fn hover_explains_members_and_cron() {
    let text = r#"{
  "jobId": "fw-1",
  "targets": ["arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps"],
  "document": "{}",
  "destinationPackageVersions": [],
  "schedulingConfig": {
    "maintenanceWindows": [{"startTime": "cron(0 22 ? * SAT *)", "durationInMinutes": 240}]
  }
}"#;
    let dir = scratch("hover-members", &[]);
    let uri = file_uri(&dir.join("fw.job.json"));
    let mut client = Client::start_with(json!({
        "now": "2026-12-01T00:00:00Z",
        "serviceModel": "2023-03-02"
    }));
    let got = client.open(&uri, text);
    assert_eq!(
        codes(&got),
        ["model/not-in-edition"],
        "the 2023-03-02 edition lacks it"
    );
    let hover_at = |client: &mut Client, needle: &str, shift: usize| {
        let offset = text.find(needle).unwrap() + shift;
        let hover = client.request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": position_of(text, offset)}),
        );
        hover["contents"]["value"]
            .as_str()
            .unwrap_or("")
            .to_string()
    };
    // A member name: meaning, unit and the editions' limits.
    let duration = hover_at(&mut client, "\"durationInMinutes\"", 3);
    assert!(duration.contains("**minutes**"), "{duration}");
    assert!(duration.contains("30 to 1430"), "{duration}");
    // The cron value: in words, then the next openings from `now`.
    let cron = hover_at(&mut client, "cron(0 22", 6);
    assert!(cron.contains("at 22:00 UTC, on Saturday"), "{cron}");
    assert!(
        cron.contains("- Sat 2026-12-05 22:00 UTC\n- Sat 2026-12-12 22:00 UTC"),
        "{cron}"
    );
    // A member of the other edition: the rule's hover, then what the latest model says.
    let other = hover_at(&mut client, "destinationPackageVersions", 2);
    assert!(other.contains("`model/not-in-edition`"), "{other}");
    assert!(other.contains("the `latest` model has it"), "{other}");
    client.shut_down();
}

/// Completion leaves out a member that conflicts with one present (`documentSource` beside
/// `document`, either way round): accepting it gave `document/source-conflict`.
#[test]
fn completion_leaves_out_conflicting_members() {
    let dir = scratch("conflict", &[]);
    let mut client = Client::start();
    for (text, refused) in [
        (r#"{"document": "{}",  }"#, "documentSource"),
        (
            r#"{"documentSource": "https://s3.amazonaws.com/b/j.json",  }"#,
            "document",
        ),
    ] {
        let uri = file_uri(&dir.join(format!("{refused}.job.json")));
        client.open(&uri, text);
        let offset = text.find(",  ").unwrap() + 2;
        let labels: Vec<String> = complete(&mut client, &uri, position_of(text, offset))
            .iter()
            .map(|i| i["label"].as_str().unwrap().to_string())
            .collect();
        assert!(labels.iter().any(|l| l == "jobId"), "{labels:?}");
        assert!(
            !labels.iter().any(|l| l == refused),
            "{refused} offered: {labels:?}"
        );
    }
    client.shut_down();
}

#[test]
fn yaml_templates_get_both_verdicts_and_other_yaml_nothing() {
    let template = "Resources:\n  OtaTemplate:\n    Type: AWS::IoT::JobTemplate\n    Properties:\n      JobTemplateId: ota-pumps\n      Description: Pump firmware\n      Document: '{\"operation\":\"update\"}'\n      MaintenanceWindows:\n        - StartTime: 0 2 * * 6\n          DurationInMinutes: 2000\n";
    let dir = scratch("yaml-template", &[("ota.yaml", template)]);
    let expected = check_json("ota.yaml", template);
    let mut client = Client::start();
    let uri = file_uri(&dir.join("ota.yaml"));
    let got = client.open(&uri, template);
    assert_eq!(codes(&got), ["cron/unix-five-fields", "cfn/range"]);
    assert_eq!(codes(&got), codes(&expected));
    let range = find(&got, "cfn/range");
    assert_eq!(range["range"]["start"], position(9, 29));
    // A YAML file that is not a CloudFormation template is left alone.
    let compose = file_uri(&dir.join("compose.yaml"));
    assert!(
        client
            .open(&compose, "services:\n  web:\n    image: nginx\n")
            .is_empty()
    );
    client.shut_down();
}
