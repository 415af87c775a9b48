//! The schemas in an editor: yaml-language-server (installed by
//! scripts/test.sh with npm, as VS Code, Neovim and Helix run it) is
//! driven over stdio with the Language Server Protocol, and its field-name
//! and value completion and its diagnostics are checked on real records.

mod common;

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;

use serde_json::{Value, json};

use common::{real_records, stdout, tsc};

/// The yaml-language-server that scripts/test.sh installs.
fn server_path() -> PathBuf {
    let dir = std::env::var_os("TSC_NODETOOLS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target/nodetools/node_modules/.bin"),
        PathBuf::from,
    );
    dir.join("yaml-language-server")
}

/// A running language server and the messages it sends.
struct Server {
    child: Child,
    input: ChildStdin,
    messages: Receiver<Value>,
    next_id: u64,
}

fn read_message(reader: &mut impl BufRead) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    serde_json::from_slice(&body).ok()
}

impl Server {
    fn start(root: &Path) -> Server {
        let path = server_path();
        let mut child = Command::new(&path)
            .arg("--stdio")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| {
                panic!(
                    "{} runs (installed by scripts/test.sh): {e}",
                    path.display()
                )
            });
        let input = child.stdin.take().unwrap();
        let mut output = BufReader::new(child.stdout.take().unwrap());
        let (send, messages) = channel();
        std::thread::spawn(move || {
            while let Some(message) = read_message(&mut output) {
                if send.send(message).is_err() {
                    break;
                }
            }
        });
        let mut server = Server {
            child,
            input,
            messages,
            next_id: 1,
        };
        let root_uri = format!("file://{}", root.display());
        server.request(
            "initialize",
            json!({
                "processId": std::process::id(),
                "rootUri": root_uri,
                "capabilities": {
                    "textDocument": {
                        "completion": { "completionItem": { "snippetSupport": true } },
                        "publishDiagnostics": {}
                    },
                    "workspace": { "configuration": true }
                }
            }),
        );
        server.notify("initialized", json!({}));
        server.notify(
            "workspace/didChangeConfiguration",
            json!({ "settings": settings() }),
        );
        server
    }

    fn send(&mut self, message: &Value) {
        let body = message.to_string();
        write!(self.input, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.input.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The next message that satisfies `wanted`, answering the server's
    /// own requests (`workspace/configuration`, ...) on the way.
    fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        loop {
            // A limit so that a broken server fails the test instead of
            // hanging it; no timing is asserted.
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(60))
                .unwrap_or_else(|_| panic!("yaml-language-server sent no {what}"));
            if wanted(&message) {
                return message;
            }
            if let (Some(id), Some(method)) = (message.get("id"), message["method"].as_str()) {
                let result = if method == "workspace/configuration" {
                    let n = message["params"]["items"].as_array().map_or(1, Vec::len);
                    Value::Array(vec![settings()["yaml"].clone(); n])
                } else {
                    Value::Null
                };
                let reply = json!({ "jsonrpc": "2.0", "id": id, "result": result });
                self.send(&reply);
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        let reply = self.wait_for(method, |m| m["id"] == id && m.get("method").is_none());
        reply["result"].clone()
    }

    fn open(&mut self, path: &Path, text: &str) -> String {
        let uri = format!("file://{}", path.display());
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": {
                "uri": uri, "languageId": "yaml", "version": 1, "text": text
            }}),
        );
        uri
    }

    /// The labels completion offers at the end of `text`.
    fn complete_at_end(&mut self, path: &Path, text: &str) -> Vec<String> {
        let uri = self.open(path, text);
        let line = text.matches('\n').count();
        let character = text.rsplit('\n').next().unwrap().chars().count();
        let result = self.request(
            "textDocument/completion",
            json!({
                "textDocument": { "uri": uri },
                "position": { "line": line, "character": character }
            }),
        );
        let items = result["items"]
            .as_array()
            .or(result.as_array())
            .cloned()
            .unwrap_or_default();
        items
            .iter()
            .map(|i| i["label"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// The diagnostics published for `text`.
    fn diagnostics(&mut self, path: &Path, text: &str) -> Vec<String> {
        let uri = self.open(path, text);
        let message = self.wait_for("diagnostics", |m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri.as_str()
        });
        message["params"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                format!(
                    "{}: {}",
                    d["range"]["start"]["line"],
                    d["message"].as_str().unwrap()
                )
            })
            .collect()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn settings() -> Value {
    json!({ "yaml": { "completion": true, "validate": true, "hover": true, "schemaStore": { "enable": false } } })
}

/// The committee's schemas of the real records, written to a fresh
/// directory, and the modeline that points a file at `kind`'s.
fn schemas() -> (tempfile::TempDir, impl Fn(&str) -> String) {
    let dir = tempfile::tempdir().unwrap();
    let records = real_records();
    let out = tsc(&[
        "--records",
        records.to_str().unwrap(),
        "schema",
        "--out-dir",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    let base = dir.path().to_path_buf();
    let modeline = move |kind: &str| {
        format!(
            "# yaml-language-server: $schema=file://{}/{kind}.schema.json\n",
            base.display()
        )
    };
    (dir, modeline)
}

/// The first lines of the real meeting file, up to its attendee list.
fn meeting_head() -> String {
    let text = std::fs::read_to_string(real_records().join("meetings/TSC_07_1606.yaml")).unwrap();
    let end = text
        .find("\nattendees:")
        .expect("the meeting lists attendees");
    text[..=end]
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| format!("{l}\n"))
        .collect()
}

#[test]
fn field_names_and_vocabulary_values_complete_in_the_editor() {
    let (dir, modeline) = schemas();
    let mut server = Server::start(dir.path());

    // A meeting: the top-level fields not yet written are offered.
    let meeting = dir.path().join("TSC_07_1606.yaml");
    let text = format!("{}{}", modeline("meeting"), meeting_head());
    let labels = server.complete_at_end(&meeting, &format!("{text}a"));
    for field in ["attendees", "apologies", "agenda"] {
        assert!(
            labels.iter().any(|l| l == field),
            "{field} not in {labels:?}"
        );
    }
    assert!(!labels.iter().any(|l| l == "status"), "{labels:?}");

    // Inside an attendee: the fields of an attendance.
    let attendee = format!("{text}attendees:\n  - person: julian-hughes\n    ");
    let labels = server.complete_at_end(&meeting, &attendee);
    for field in ["category", "constituency", "role", "part"] {
        assert!(
            labels.iter().any(|l| l == field),
            "{field} not in {labels:?}"
        );
    }

    // An action: `updates` is offered beside `due` and `closed`.
    let action = dir.path().join("TSC07-01.yaml");
    let text = format!(
        "{}id: \"TSC07/01\"\nmeeting: TSC_07_1606\nagenda_item: 2\nowner: SECAS\ntext: Amend.\nstatus: open\n",
        modeline("action")
    );
    let labels = server.complete_at_end(&action, &text);
    for field in ["due", "closed", "updates"] {
        assert!(
            labels.iter().any(|l| l == field),
            "{field} not in {labels:?}"
        );
    }

    // The committee's action statuses, from records/tsc.yaml.
    let status = format!(
        "{}id: \"TSC07/01\"\nmeeting: TSC_07_1606\nagenda_item: 2\nowner: SECAS\ntext: Amend.\nstatus: ",
        modeline("action")
    );
    let labels = server.complete_at_end(&action, &status);
    for value in ["open", "on-target", "closed", "withdrawn"] {
        assert!(
            labels.iter().any(|l| l == value),
            "{value} not in {labels:?}"
        );
    }
}

#[test]
fn a_status_outside_the_vocabulary_is_flagged_in_the_editor() {
    let (dir, modeline) = schemas();
    let mut server = Server::start(dir.path());
    let action = dir.path().join("TSC07-02.yaml");
    let text = std::fs::read_to_string(real_records().join("actions/TSC07-02.yaml")).unwrap();
    let clean = format!("{}{text}", modeline("action"));
    assert_eq!(server.diagnostics(&action, &clean), Vec::<String>::new());
    let broken = clean.replacen("status: open", "status: opne", 1);
    let line = broken
        .lines()
        .position(|l| l == "status: opne")
        .expect("the status line");
    let found = server.diagnostics(&dir.path().join("TSC07-03.yaml"), &broken);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(&format!(
            "{line}: Value is not accepted. Valid values: \"open\""
        )),
        "{found:?}"
    );
}
