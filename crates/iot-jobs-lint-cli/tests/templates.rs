//! CloudFormation templates through the CLI as a user runs it: a CDK `cdk.out` folder (only the
//! synthesised templates are inputs), a hand-written YAML template with both verdicts at
//! template positions, SARIF regions, `--fix` writing YAML, and walks that skip YAML files that
//! are not templates.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const NOW: &str = "2026-12-01T00:00:00Z";

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("iot-jobs-lint-tpl-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_iot-jobs-lint"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("binary runs")
}

fn json(o: &Output) -> Value {
    serde_json::from_slice(&o.stdout).expect("JSON output")
}

const YAML: &str = "AWSTemplateFormatVersion: \"2010-09-09\"
Resources:
  OtaTemplate:
    Type: AWS::IoT::JobTemplate
    Properties:
      JobTemplateId: !Sub ota-${AWS::Region}
      Description: Pump controller firmware
      Document: |
        {\"operation\": \"firmware-update\"}
      PresignedUrlConfig:
        roleArn: !GetAtt DownloadRole.Arn
      MaintenanceWindows:
        - StartTime: cron(0 2 ? * SAT *)
          DurationInMinutes: 2000
  FirmwareJob:
    Type: AWS::IoT::Job
    Properties:
      JobId: firmware-2026-12
      Targets:
        - arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps
      Document: '{\"operation\": \"firmware-update\"}'
      SchedulingConfig:
        StartTime: 2027-01-05T22:00:00Z
";

#[test]
fn yaml_template_both_verdicts_at_template_positions() {
    let dir = scratch("yaml");
    std::fs::write(dir.join("ota-stack.yaml"), YAML).unwrap();
    let o = run(
        &dir,
        &["check", "--now", NOW, "--format", "json", "ota-stack.yaml"],
    );
    assert_eq!(
        o.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let v = json(&o);
    let found: Vec<(String, String, u64, u64)> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["pointer"].as_str().unwrap().to_owned(),
                d["line"].as_u64().unwrap(),
                d["column"].as_u64().unwrap(),
            )
        })
        .collect();
    let expected = [
        (
            "cfn/unknown-property",
            "/Resources/OtaTemplate/Properties/PresignedUrlConfig/roleArn",
            11,
            9,
        ),
        (
            "cfn/range",
            "/Resources/OtaTemplate/Properties/MaintenanceWindows/0/DurationInMinutes",
            14,
            30,
        ),
        (
            "schedule/time-not-canonical",
            "/Resources/FirmwareJob/Properties/SchedulingConfig/StartTime",
            23,
            20,
        ),
    ];
    let expected: Vec<(String, String, u64, u64)> = expected
        .iter()
        .map(|(c, p, l, col)| (c.to_string(), p.to_string(), *l, *col))
        .collect();
    assert_eq!(found, expected);
    // The human output names the template and its resources.
    let human = run(&dir, &["check", "--now", NOW, "ota-stack.yaml"]);
    let text = String::from_utf8(human.stdout).unwrap();
    assert!(text.contains("ota-stack.yaml:14:30"), "{text}");
    assert!(
        text.contains("CloudFormation template, 2 IoT job resources"),
        "{text}"
    );
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn sarif_regions_point_into_the_template() {
    let dir = scratch("sarif");
    std::fs::write(dir.join("ota-stack.yaml"), YAML).unwrap();
    let o = run(
        &dir,
        &["check", "--now", NOW, "--format", "sarif", "ota-stack.yaml"],
    );
    let v = json(&o);
    let results = v["runs"][0]["results"].as_array().unwrap();
    let range = results
        .iter()
        .find(|r| r["ruleId"] == "cfn/range")
        .expect("cfn/range in SARIF");
    let region = &range["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 14);
    assert_eq!(region["startColumn"], 30);
    let rules = v["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().any(|r| r["id"] == "cfn/unknown-property"));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn fix_rewrites_the_yaml_template() {
    let dir = scratch("fix");
    std::fs::write(dir.join("ota-stack.yaml"), YAML).unwrap();
    let o = run(&dir, &["check", "--now", NOW, "--fix", "ota-stack.yaml"]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "problems without a safe fix remain"
    );
    let fixed = std::fs::read_to_string(dir.join("ota-stack.yaml")).unwrap();
    assert!(fixed.contains("StartTime: \"2027-01-05T22:00\""), "{fixed}");
    // The rest of the file is as it was, and it still reads as a template.
    assert_eq!(
        fixed.replace("\"2027-01-05T22:00\"", "2027-01-05T22:00:00Z"),
        YAML
    );
    let again = run(
        &dir,
        &["check", "--now", NOW, "--format", "json", "ota-stack.yaml"],
    );
    let codes: Vec<String> = json(&again)["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        !codes.contains(&"schedule/time-not-canonical".to_owned()),
        "{codes:?}"
    );
    assert!(codes.contains(&"cfn/range".to_owned()));
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn cdk_out_folder_checks_only_the_templates() {
    let dir = scratch("cdk");
    let out = dir.join("cdk.out");
    std::fs::create_dir_all(&out).unwrap();
    std::fs::write(out.join("cdk.out"), "{\"version\":\"48.0.0\"}").unwrap();
    std::fs::write(
        out.join("manifest.json"),
        "{\"version\":\"48.0.0\",\"artifacts\":{}}",
    )
    .unwrap();
    std::fs::write(
        out.join("tree.json"),
        "{\"version\":\"tree-0.1\",\"tree\":{}}",
    )
    .unwrap();
    std::fs::write(
        out.join("IotOtaStack.assets.json"),
        "{\"version\":\"48.0.0\",\"files\":{}}",
    )
    .unwrap();
    let template = serde_json::json!({
        "Resources": {
            "OtaTemplate": {
                "Type": "AWS::IoT::JobTemplate",
                "Properties": {
                    "JobTemplateId": "ota pumps",
                    "Description": "Pump controller firmware",
                    "Document": "{\"operation\":\"firmware-update\"}",
                    "PresignedUrlConfig": {"ExpiresInSec": 3600}
                },
                "Metadata": {"aws:cdk:path": "IotOtaStack/OtaTemplate"}
            }
        },
        "Parameters": {"BootstrapVersion": {"Type": "AWS::SSM::Parameter::Value<String>", "Default": "/cdk-bootstrap/hnb659fds/version"}}
    });
    std::fs::write(
        out.join("IotOtaStack.template.json"),
        serde_json::to_string_pretty(&template).unwrap(),
    )
    .unwrap();
    // A YAML file that is not a template is skipped in a walk.
    std::fs::write(
        dir.join("compose.yaml"),
        "services:\n  web:\n    image: nginx\n",
    )
    .unwrap();
    let o = run(&dir, &["check", "--now", NOW, "--format", "json", "."]);
    let v = json(&o);
    let files: Vec<&str> = v["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["cdk.out/IotOtaStack.template.json"], "{v}");
    let codes: Vec<(&str, u64)> = v["files"][0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["line"].as_u64().unwrap()))
        .collect();
    assert_eq!(codes, [("model/pattern", 16), ("cfn/required", 17)], "{v}");
    std::fs::remove_dir_all(dir).unwrap();
}
