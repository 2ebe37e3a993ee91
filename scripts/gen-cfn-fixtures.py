#!/usr/bin/env python3
"""Generate the CloudFormation template fixtures of the spec corpus (tests/corpus/cfn/).

Usage:  python3 scripts/gen-cfn-fixtures.py          (from anywhere; Python 3 standard library only)

What it writes (deterministic: the same bytes on every run; it first deletes the *.yaml, *.json
inputs and *.expect.json files it owns under tests/corpus/cfn/, so a case dropped here disappears):

  tests/corpus/cfn/yaml/NAME.yaml + NAME.expect.json   hand-formatted block-style YAML templates
  tests/corpus/cfn/json/NAME.json + NAME.expect.json   2-space indented JSON, as `cdk synth` writes

The two folders keep one expectation per input: the same case in YAML and in JSON has the same
NAME, and its diagnostics differ (spans, lines), so each format has its own NAME.expect.json.

The cases, for AWS::IoT::JobTemplate (`jobtemplate-*`, logical id OtaTemplate) and AWS::IoT::Job
(`job-*`, logical id FirmwareJob):
  * `*-pass`: a complete, realistic resource that both CloudFormation (the registry schema) and the
    IoT API accept; together they are the passing neighbour of every property case;
  * one `*-fail` case for EVERY property, nested members included, in both formats. Where the
    CloudFormation schema and the API differ, the failing value sits in the gap (e.g. IncrementFactor
    1.05 in a JobTemplate: CloudFormation accepts 1..5, the API wants 1.1..5);
  * a few more failures in one format only (cron never firing or in Unix form, camelCase keys of
    field report 1, a presigned-URL placeholder without PresignedUrlConfig, ...);
  * intrinsic functions (Ref, Sub with and without variables, GetAtt, If, Join, Select, FindInMap,
    ImportValue, Fn::ToJsonString under AWS::LanguageExtensions, an unknown Fn::Subb / !Subb);
  * a template with several resources, one with no IoT resource, and bare resources
    (`{"Type": ..., "Properties": ...}`, as in field reports 1 and 11).

Each NAME.expect.json holds the header only: `rule` (the code the case is about, or the code whose
passing neighbour it is), `description` (who rejects it: CloudFormation or the API) and an empty
`diagnostics` list, filled later by the corpus bless mode and reviewed then. An expectation that
already exists is left as it is when its header is unchanged, so blessed diagnostics survive a
re-run; a changed header resets it. The corpus `now` default (2026-01-01T00:00:00Z) is assumed:
scheduled start times in 2025 are in the past, those in March 2026 are valid.
"""

import copy
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "corpus", "cfn")

ACCOUNT = "111122223333"
REGION = "eu-west-1"
ROLE_ARN = f"arn:aws:iam::{ACCOUNT}:role/IotOtaPresignedUrlRole"
PACKAGE_ARN = f"arn:aws:iot:{REGION}:{ACCOUNT}:package/gw-firmware/version/2.4.1"
GROUP_ARN = f"arn:aws:iot:{REGION}:{ACCOUNT}:thinggroup/gateways-eu"
PLACEHOLDER = f"${{aws:iot:s3-presigned-url:https://s3.{REGION}.amazonaws.com/acme-firmware/gw/2.4.1.bin}}"


# ---------------------------------------------------------------------------------------------
# Values that render differently in YAML and JSON


class Fn:
    """An intrinsic function. YAML: short tag `!Name arg` (or long form); JSON: {"Fn::Name": arg}."""

    def __init__(self, name, arg, long_form=False):
        self.name, self.arg, self.long_form = name, arg, long_form

    def json_key(self):
        return "Ref" if self.name == "Ref" else "Fn::" + self.name

    def to_json(self):
        arg = self.arg
        if self.name == "GetAtt" and isinstance(arg, str):
            arg = arg.split(".", 1)
        return {self.json_key(): to_plain(arg)}


class Block:
    """A multi-line string: a `|-` block scalar in YAML, an ordinary string in JSON."""

    def __init__(self, text, json_text=None):
        self.text = text
        self.json_text = text if json_text is None else json_text


def to_plain(v):
    if isinstance(v, Fn):
        return v.to_json()
    if isinstance(v, Block):
        return v.json_text
    if isinstance(v, dict):
        return {k: to_plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [to_plain(x) for x in v]
    return v


# ---------------------------------------------------------------------------------------------
# A small block-style YAML writer (the subset templates use)

PLAIN = re.compile(r"^[A-Za-z_/(][A-Za-z0-9 _./:+@()=,*?-]*$")
RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


def y_scalar(v):
    if v is True:
        return "true"
    if v is False:
        return "false"
    if v is None:
        return "null"
    if isinstance(v, (int, float)):
        return json.dumps(v)
    s = v
    if (PLAIN.match(s) and s.lower() not in RESERVED and ": " not in s and " #" not in s
            and not s.endswith((" ", ":"))):
        return s
    if "'" not in s and all(c.isprintable() for c in s) and "\\" not in s and '"' in s:
        return "'" + s + "'"
    return json.dumps(s, ensure_ascii=False)


def y_inline(v):
    """A flow-style rendering for short arguments of short-form tags."""
    if isinstance(v, Fn):
        return "!" + v.name + " " + y_inline(v.arg)
    if isinstance(v, list):
        return "[" + ", ".join(y_inline(x) for x in v) + "]"
    if isinstance(v, dict):
        return "{" + ", ".join(f"{k}: {y_inline(x)}" for k, x in v.items()) + "}"
    return y_scalar(v)


def inline_ok(v):
    """Whether a tag argument reads well in flow style: scalars, tags and lists of them."""
    if isinstance(v, Fn):
        return not v.long_form and inline_ok(v.arg)
    if isinstance(v, list):
        return all(inline_ok(x) for x in v)
    return not isinstance(v, (dict, Block))


def y_simple(v):
    return not isinstance(v, (dict, list, Block, Fn)) or (isinstance(v, (dict, list)) and not v)


def y_value(v, indent):
    """Lines for a value placed after `key:` (returns (same_line_text, following_lines))."""
    pad = "  " * indent
    if isinstance(v, Block):
        return "|-", [pad + line if line else "" for line in v.text.split("\n")]
    if isinstance(v, Fn):
        if v.long_form:
            return "", y_node({v.json_key(): v.arg}, indent)
        if isinstance(v.arg, (dict, list)) and v.arg and not (inline_ok(v.arg) and len(y_inline(v)) <= 72):
            return "!" + v.name, y_node(v.arg, indent)
        if isinstance(v.arg, Block):
            text, lines = y_value(v.arg, indent)
            return "!" + v.name + " " + text, lines
        return y_inline(v), []
    if isinstance(v, dict) and v:
        return "", y_node(v, indent)
    if isinstance(v, list) and v:
        return "", y_node(v, indent)
    if isinstance(v, dict):
        return "{}", []
    if isinstance(v, list):
        return "[]", []
    return y_scalar(v), []


def y_node(v, indent):
    pad = "  " * indent
    out = []
    if isinstance(v, dict):
        for k, x in v.items():
            text, lines = y_value(x, indent + 1)
            out.append(f"{pad}{k}:" + (" " + text if text else ""))
            out.extend(lines)
    elif isinstance(v, list):
        for x in v:
            if isinstance(x, dict) and x and not isinstance(x, Fn):
                sub = y_node(x, indent + 1)
                out.append(pad + "- " + sub[0].lstrip())
                out.extend(sub[1:])
            else:
                text, lines = y_value(x, indent + 1)
                out.append(pad + "- " + text)
                out.extend(lines)
    return out


def to_yaml(template):
    lines = []
    for i, (k, v) in enumerate(template.items()):
        if i and isinstance(v, dict):
            lines.append("")
        if k == "AWSTemplateFormatVersion":
            lines.append(f'{k}: "{v}"')
            continue
        if k == "Resources" and isinstance(v, dict):
            lines.append(f"{k}:")
            for j, (name, res) in enumerate(v.items()):
                if j:
                    lines.append("")
                lines.extend(y_node({name: res}, 1))
            continue
        text, sub = y_value(v, 1)
        lines.append(f"{k}:" + (" " + text if text else ""))
        lines.extend(sub)
    return "\n".join(lines) + "\n"


def to_json_text(template):
    return json.dumps(to_plain(template), indent=2, ensure_ascii=False) + "\n"


# ---------------------------------------------------------------------------------------------
# Realistic resources

OTA_DOC = {
    "operation": "firmware-update",
    "version": "2.4.1",
    "files": [{"fileName": "gw-2.4.1.bin", "url": PLACEHOLDER}],
    "reboot": True,
}


def doc_block(obj):
    """A job document: pretty in a YAML block scalar, compact in JSON (as JSON.stringify in CDK)."""
    return Block(json.dumps(obj, indent=2), json.dumps(obj, separators=(",", ":")))


def jobtemplate_props():
    return {
        "JobTemplateId": "gw-firmware-ota",
        "Description": "Firmware OTA for the EU gateway fleet, staged and abortable",
        "Document": doc_block(OTA_DOC),
        "PresignedUrlConfig": {"RoleArn": ROLE_ARN, "ExpiresInSec": 3600},
        "TimeoutConfig": {"InProgressTimeoutInMinutes": 120},
        "JobExecutionsRolloutConfig": {
            "MaximumPerMinute": 500,
            "ExponentialRolloutRate": {
                "BaseRatePerMinute": 50,
                "IncrementFactor": 1.5,
                "RateIncreaseCriteria": {"NumberOfNotifiedThings": 200, "NumberOfSucceededThings": 100},
            },
        },
        "AbortConfig": {"CriteriaList": [
            {"FailureType": "FAILED", "Action": "CANCEL", "ThresholdPercentage": 10.5, "MinNumberOfExecutedThings": 20},
        ]},
        "JobExecutionsRetryConfig": {"RetryCriteriaList": [
            {"FailureType": "FAILED", "NumberOfRetries": 2},
            {"FailureType": "TIMED_OUT", "NumberOfRetries": 1},
        ]},
        "MaintenanceWindows": [{"StartTime": "cron(0 2 ? * SAT *)", "DurationInMinutes": 240}],
        "DestinationPackageVersions": [PACKAGE_ARN],
        "Tags": [{"Key": "team", "Value": "fleet-ops"}, {"Key": "cost-center", "Value": "4711"}],
    }


def job_props():
    return {
        "JobId": "gw-firmware-2-4-1",
        "Targets": [GROUP_ARN],
        "Description": "Roll gateway firmware 2.4.1 out to the EU fleet on Saturday nights",
        "Document": doc_block(OTA_DOC),
        "TargetSelection": "SNAPSHOT",
        "PresignedUrlConfig": {"RoleArn": ROLE_ARN, "ExpiresInSec": 3600},
        "JobExecutionsRolloutConfig": {
            "MaximumPerMinute": 500,
            "ExponentialRate": {
                "BaseRatePerMinute": 50,
                "IncrementFactor": 1.5,
                "RateIncreaseCriteria": {"NumberOfNotifiedThings": 200, "NumberOfSucceededThings": 100},
            },
        },
        "AbortConfig": {"CriteriaList": [
            {"FailureType": "FAILED", "Action": "CANCEL", "ThresholdPercentage": 10.5, "MinNumberOfExecutedThings": 20},
        ]},
        "TimeoutConfig": {"InProgressTimeoutInMinutes": 120},
        "JobExecutionsRetryConfig": {"CriteriaList": [
            {"FailureType": "FAILED", "NumberOfRetries": 2},
            {"FailureType": "TIMED_OUT", "NumberOfRetries": 1},
        ]},
        "SchedulingConfig": {
            "StartTime": "2026-03-01T02:00",
            "EndTime": "2026-03-15T02:00",
            "EndBehavior": "STOP_ROLLOUT",
            "MaintenanceWindows": [{"StartTime": "cron(0 2 ? * SAT *)", "DurationInMinutes": 240}],
        },
        "DestinationPackageVersions": [PACKAGE_ARN],
        "Tags": [{"Key": "team", "Value": "fleet-ops"}, {"Key": "release", "Value": "2.4.1"}],
    }


RESOURCE = {
    "jobtemplate": ("AWS::IoT::JobTemplate", "OtaTemplate", jobtemplate_props,
                    "Job template for gateway firmware over-the-air updates"),
    "job": ("AWS::IoT::Job", "FirmwareJob", job_props,
            "Scheduled firmware rollout to the EU gateway fleet"),
}


def template(kind, props, extra=None, head=None):
    rtype, logical, _, desc = RESOURCE[kind]
    t = {"AWSTemplateFormatVersion": "2010-09-09", "Description": desc}
    if head:
        t.update(head)
    resources = {logical: {"Type": rtype, "Properties": props}}
    if extra:
        resources.update(extra)
    t["Resources"] = resources
    return t


# ---------------------------------------------------------------------------------------------
# Mutations by path: "A.B[0].C"

def _walk(obj, path):
    parts = re.findall(r"[^.\[\]]+|\[\d+\]", path)
    for p in parts[:-1]:
        obj = obj[int(p[1:-1])] if p.startswith("[") else obj[p]
    last = parts[-1]
    return obj, (int(last[1:-1]) if last.startswith("[") else last)


def setp(props, path, value):
    obj, key = _walk(props, path)
    obj[key] = value


def delp(props, path):
    obj, key = _walk(props, path)
    del obj[key]


def renamep(props, path, new):
    """Rename the key at path, keeping its place."""
    obj, key = _walk(props, path)
    items = list(obj.items())
    obj.clear()
    for k, v in items:
        obj[new if k == key else k] = v


# ---------------------------------------------------------------------------------------------
# Cases: (name, formats, rule, description, template)

CASES = []


def case(name, rule, description, tpl, formats=("yaml", "json")):
    CASES.append((name, formats, rule, description, tpl))


def mutated(kind, *ops):
    props = RESOURCE[kind][2]()
    for op in ops:
        op(props)
    return template(kind, props)


S = lambda path, value: (lambda p: setp(p, path, value))  # noqa: E731
D = lambda path: (lambda p: delp(p, path))  # noqa: E731
R = lambda path, new: (lambda p: renamep(p, path, new))  # noqa: E731

# -- passing templates ---------------------------------------------------------------------------

case("jobtemplate-pass", "cfn/required",
     "A complete AWS::IoT::JobTemplate (every property but DocumentSource and JobArn) that CloudFormation and the CreateJobTemplate API both accept: the passing neighbour of each jobtemplate-* case.",
     mutated("jobtemplate"))
case("jobtemplate-document-source-pass", "document/source-conflict",
     "A JobTemplate whose document is in S3 (DocumentSource instead of Document): CloudFormation and the API both accept it.",
     mutated("jobtemplate", D("Document"),
             S("DocumentSource", "https://s3.eu-west-1.amazonaws.com/acme-firmware/jobs/gw-2.4.1.json")))
case("jobtemplate-job-arn-pass", "document/source-missing",
     "A JobTemplate copied from an existing job (JobArn, no Document or DocumentSource): CloudFormation and the API both accept it.",
     template("jobtemplate", {
         "JobTemplateId": "gw-firmware-ota-from-2-4-0",
         "Description": "Same rollout as the 2.4.0 firmware job",
         "JobArn": f"arn:aws:iot:{REGION}:{ACCOUNT}:job/gw-firmware-2-4-0",
         "Tags": [{"Key": "team", "Value": "fleet-ops"}],
     }))
case("job-pass", "cfn/required",
     "A complete scheduled AWS::IoT::Job (every writable property but JobTemplateArn and DocumentParameters) that CloudFormation and the CreateJob API both accept: the passing neighbour of each job-* case.",
     mutated("job"))
case("job-managed-template-pass", "document/parameters-without-managed-template",
     "A Job created from the AWS-managed AWS-Reboot template with DocumentParameters and no Document: CloudFormation and the API both accept it.",
     template("job", {
         "JobId": "reboot-kiosks-2026-03",
         "Targets": [f"arn:aws:iot:{REGION}:{ACCOUNT}:thinggroup/kiosks-lobby"],
         "JobTemplateArn": f"arn:aws:iot:{REGION}::jobtemplate/AWS-Reboot:1.0",
         "DocumentParameters": {"pathToHandler": "/opt/aws/jobs/handlers", "runAsUser": "kiosk"},
         "Description": "Monthly reboot of lobby kiosks",
         "TargetSelection": "SNAPSHOT",
         "JobExecutionsRolloutConfig": {"MaximumPerMinute": 100},
         "TimeoutConfig": {"InProgressTimeoutInMinutes": 15},
     }))

# -- one failing case per JobTemplate property (both formats) -----------------------------------

RB = "JobExecutionsRolloutConfig.ExponentialRolloutRate"
JT = [
    ("job-template-id", "model/pattern", S("JobTemplateId", "bad id!"),
     "JobTemplateId `bad id!`: CloudFormation's unanchored pattern [a-zA-Z0-9_-]+ accepts it (field report 11); the API rejects it."),
    ("description", "model/pattern", S("Description", "Firmware OTA\tEU gateways"),
     "Description with a tab (a control character): CloudFormation's unanchored pattern [^\\p{C}]+ accepts it; the API's anchored pattern rejects it."),
    ("document", "document/not-json", S("Document", Block("operation: firmware-update\nversion: 2.4.1")),
     "Document written as YAML text instead of a JSON string: CloudFormation accepts any string; the API (job document) rejects it as not JSON."),
    ("document-source", "cfn/length", lambda p: (delp(p, "Document"), setp(p, "DocumentSource", "")),
     "An empty DocumentSource: CloudFormation rejects it (minLength 1), and so does the API."),
    ("job-arn", "cfn/type", S("JobArn", [f"arn:aws:iot:{REGION}:{ACCOUNT}:job/gw-firmware-2-4-0"]),
     "JobArn given as a list of one ARN: CloudFormation rejects it (type string)."),
    ("timeout-in-progress", "cfn/required", S("TimeoutConfig", {}),
     "An empty TimeoutConfig: CloudFormation rejects it (InProgressTimeoutInMinutes is required in the JobTemplate schema); the API accepts an empty timeoutConfig."),
    ("rollout-maximum-per-minute", "cfn/range", S("JobExecutionsRolloutConfig.MaximumPerMinute", 0),
     "MaximumPerMinute 0: CloudFormation rejects it (minimum 1), and so does the API."),
    ("rollout-base-rate", "model/range", lambda p: (setp(p, RB + ".BaseRatePerMinute", 1001), setp(p, "JobExecutionsRolloutConfig.MaximumPerMinute", 1000)),
     "BaseRatePerMinute 1001: the JobTemplate schema has no maximum so CloudFormation accepts it; the API rejects it (1..1000)."),
    ("rollout-increment-factor", "model/range", S(RB + ".IncrementFactor", 1.05),
     "IncrementFactor 1.05: CloudFormation's JobTemplate schema accepts 1..5; the API rejects it (1.1..5)."),
    ("rollout-rate-increase-criteria", "rollout/rate-increase-criteria-empty", S(RB + ".RateIncreaseCriteria", {}),
     "An empty RateIncreaseCriteria: CloudFormation accepts it (no member required); the API gets a rollout that never speeds up."),
    ("rollout-notified-things", "cfn/range", S(RB + ".RateIncreaseCriteria.NumberOfNotifiedThings", 0),
     "NumberOfNotifiedThings 0: CloudFormation rejects it (minimum 1), and so does the API."),
    ("rollout-succeeded-things", "cfn/type", S(RB + ".RateIncreaseCriteria.NumberOfSucceededThings", 12.5),
     "NumberOfSucceededThings 12.5: CloudFormation rejects it (type integer), and so does the API."),
    ("abort-criteria-list", "cfn/items", S("AbortConfig.CriteriaList", []),
     "An empty abort CriteriaList: CloudFormation rejects it (minItems 1), and so does the API."),
    ("abort-failure-type", "cfn/enum", S("AbortConfig.CriteriaList[0].FailureType", "TIMEOUT"),
     "Abort FailureType TIMEOUT (not TIMED_OUT): CloudFormation rejects it (enum), and so does the API."),
    ("abort-action", "cfn/enum", S("AbortConfig.CriteriaList[0].Action", "cancel"),
     "Abort Action `cancel` in lower case: CloudFormation rejects it (enum CANCEL), and so does the API."),
    ("abort-threshold", "abort/threshold-precision", S("AbortConfig.CriteriaList[0].ThresholdPercentage", 10.999),
     "ThresholdPercentage 10.999: CloudFormation accepts it (maximum 100 only); the API allows at most two decimals."),
    ("abort-min-executed", "cfn/range", S("AbortConfig.CriteriaList[0].MinNumberOfExecutedThings", 0),
     "MinNumberOfExecutedThings 0: CloudFormation rejects it (minimum 1), and so does the API."),
    ("presigned-role-arn", "cfn/required", S("PresignedUrlConfig", {"ExpiresInSec": 3600}),
     "PresignedUrlConfig without RoleArn: CloudFormation rejects it (RoleArn is required in the JobTemplate schema); the API has roleArn optional."),
    ("presigned-expires", "cfn/range", S("PresignedUrlConfig.ExpiresInSec", 7200),
     "ExpiresInSec 7200: CloudFormation rejects it (60..3600), and so does the API."),
    ("retry-criteria-list", "cfn/items", S("JobExecutionsRetryConfig.RetryCriteriaList", [
        {"FailureType": "FAILED", "NumberOfRetries": 2},
        {"FailureType": "TIMED_OUT", "NumberOfRetries": 1},
        {"FailureType": "ALL", "NumberOfRetries": 1}]),
     "Three RetryCriteriaList entries: CloudFormation rejects it (maxItems 2), and so does the API."),
    ("retry-failure-type", "cfn/enum", S("JobExecutionsRetryConfig.RetryCriteriaList[0].FailureType", "REJECTED"),
     "Retry FailureType REJECTED (valid for abort, not for retry): CloudFormation rejects it (enum), and so does the API."),
    ("retry-number", "cfn/range", S("JobExecutionsRetryConfig.RetryCriteriaList[0].NumberOfRetries", 11),
     "NumberOfRetries 11: CloudFormation rejects it (0..10), and so does the API."),
    ("maintenance-window-start-time", "cron/never-fires", S("MaintenanceWindows[0].StartTime", "cron(0 0 31 2 ? *)"),
     "Maintenance window cron(0 0 31 2 ? *) (31 February): CloudFormation accepts any string; the window never opens, the API schedule never fires."),
    ("maintenance-window-duration", "cfn/range", S("MaintenanceWindows[0].DurationInMinutes", 2000),
     "DurationInMinutes 2000: CloudFormation rejects it (1..1430), and so does the API."),
    ("destination-package-versions", "model/pattern", S("DestinationPackageVersions", ["gw-firmware/2.4.1"]),
     "A package version given by name, not ARN: the JobTemplate schema has no pattern so CloudFormation accepts it; the API rejects it (^arn:[!-~]+$)."),
    ("tags", "cfn/items", S("Tags", [{"Key": f"label-{i:02d}", "Value": "on"} for i in range(1, 52)]),
     "51 Tags: CloudFormation rejects them (maxItems 50 in the JobTemplate schema)."),
    ("tag-key", "model/pattern", S("Tags[0].Key", "team#1"),
     "Tag Key `team#1`: the registry schema has no key pattern so CloudFormation accepts it; the API's tag key pattern rejects `#`."),
    ("tag-value", "cfn/length", S("Tags[1].Value", ""),
     "An empty tag Value: CloudFormation rejects it (minLength 1 in the JobTemplate schema); the API accepts empty values."),
    ("arn", "cfn/read-only", S("Arn", f"arn:aws:iot:{REGION}:{ACCOUNT}:jobtemplate/gw-firmware-ota"),
     "Arn set in the template: CloudFormation rejects it (read-only property)."),
]
# Failures that CloudFormation and the API both reject for a plain reason, written in one format only
# to keep the corpus near 150 inputs (the passing neighbours above are in both formats).
ONE_FORMAT = {
    "jobtemplate-document-source": "json", "jobtemplate-rollout-notified-things": "yaml",
    "jobtemplate-abort-action": "json", "jobtemplate-abort-min-executed": "json",
    "jobtemplate-retry-number": "yaml", "job-targets": "yaml", "job-document-source": "yaml",
    "job-presigned-expires": "json", "job-rollout-notified-things": "json", "job-abort-action": "yaml",
    "job-abort-threshold": "json", "job-retry-number": "yaml",
}


def formats_of(name):
    # Every property's failing case in both formats (ONE_FORMAT only documents which format a
    # case was first written for).
    return ("yaml", "json")


for slug, rule, op, desc in JT:
    case(f"jobtemplate-{slug}-fail", rule, desc, mutated("jobtemplate", op), formats_of(f"jobtemplate-{slug}"))

# -- one failing case per Job property (both formats) -------------------------------------------

JR = "JobExecutionsRolloutConfig.ExponentialRate"
JOB = [
    ("job-id", "cfn/pattern", S("JobId", "bad id!"),
     "JobId `bad id!`: the Job schema's anchored pattern ^[a-zA-Z0-9_-]+$ makes CloudFormation reject it, and the API too."),
    ("targets", "cfn/items", S("Targets", []),
     "An empty Targets list: CloudFormation rejects it (minItems 1), and so does the API."),
    ("target-arn", "targets/arn-format", S("Targets", ["gateway-eu-0042"]),
     "A thing name instead of a thing or thing group ARN in Targets: CloudFormation accepts any string; the API rejects it."),
    ("document", "presigned-url/missing-config", D("PresignedUrlConfig"),
     "A Document with a presigned-URL placeholder but no PresignedUrlConfig: CloudFormation accepts it; the placeholder is never replaced (API-side check)."),
    ("document-source", "cfn/length", lambda p: (delp(p, "Document"), setp(p, "DocumentSource", "")),
     "An empty DocumentSource: CloudFormation rejects it (minLength 1), and so does the API."),
    ("description", "cfn/length", S("Description", ""),
     "An empty Description: CloudFormation rejects it (minLength 1 in the Job schema); the API has no minimum."),
    ("target-selection", "cfn/enum", S("TargetSelection", "snapshot"),
     "TargetSelection `snapshot` in lower case: CloudFormation rejects it (enum), and so does the API."),
    ("job-template-arn", "cfn/pattern", lambda p: (delp(p, "Document"), delp(p, "PresignedUrlConfig"), setp(p, "JobTemplateArn", "AWS-Reboot:1.0")),
     "JobTemplateArn `AWS-Reboot:1.0` (a template name, not an ARN): CloudFormation rejects it (pattern ^arn:[!-~]+$), and so does the API."),
    ("document-parameters", "document/parameters-without-managed-template", S("DocumentParameters", {"runAsUser": "root"}),
     "DocumentParameters without an AWS-managed JobTemplateArn: CloudFormation accepts it; the API rejects it."),
    ("destination-package-versions", "cfn/pattern", S("DestinationPackageVersions", ["gw-firmware/2.4.1"]),
     "A package version given by name, not ARN: the Job schema's pattern ^arn:[!-~]+$ makes CloudFormation reject it (the JobTemplate schema has none), and the API too."),
    ("tags", "tags/reserved-prefix", S("Tags[1].Key", "aws:release"),
     "A tag key with the reserved `aws:` prefix: CloudFormation accepts it; the API rejects it."),
    ("presigned-role-arn", "presigned-url/role-arn-format", S("PresignedUrlConfig.RoleArn", "IotOtaPresignedUrlRole"),
     "RoleArn given as a role name: 22 characters pass CloudFormation's length check (20..2048); the API needs an IAM role ARN."),
    ("presigned-expires", "cfn/range", S("PresignedUrlConfig.ExpiresInSec", 59),
     "ExpiresInSec 59: CloudFormation rejects it (60..3600), and so does the API."),
    ("rollout-maximum-per-minute", "cfn/range", S("JobExecutionsRolloutConfig.MaximumPerMinute", 0),
     "MaximumPerMinute 0: the Job schema's minimum 1 makes CloudFormation reject it (neither the schema nor today's API model has a maximum)."),
    ("rollout-base-rate", "cfn/range", S(JR + ".BaseRatePerMinute", 1001),
     "BaseRatePerMinute 1001: the Job schema (1..1000) makes CloudFormation reject it, unlike the JobTemplate schema; the API too."),
    ("rollout-increment-factor", "cfn/range", S(JR + ".IncrementFactor", 1.05),
     "IncrementFactor 1.05: the Job schema (1.1..5) makes CloudFormation reject it, unlike the JobTemplate schema; the API too."),
    ("rollout-notified-things", "cfn/range", S(JR + ".RateIncreaseCriteria.NumberOfNotifiedThings", 0),
     "NumberOfNotifiedThings 0: CloudFormation rejects it (minimum 1), and so does the API."),
    ("rollout-succeeded-things", "cfn/type", S(JR + ".RateIncreaseCriteria.NumberOfSucceededThings", "one hundred"),
     "NumberOfSucceededThings as prose: CloudFormation rejects it (type integer), and so does the API."),
    ("abort-criteria-list", "cfn/required", S("AbortConfig", {}),
     "An AbortConfig without CriteriaList: CloudFormation rejects it (required), and so does the API."),
    ("abort-failure-type", "abort/all-with-specific", S("AbortConfig.CriteriaList", [
        {"FailureType": "FAILED", "Action": "CANCEL", "ThresholdPercentage": 10.5, "MinNumberOfExecutedThings": 20},
        {"FailureType": "ALL", "Action": "CANCEL", "ThresholdPercentage": 25, "MinNumberOfExecutedThings": 20}]),
     "Abort criteria for ALL beside FAILED: CloudFormation accepts the list (each entry is valid); the API-level check flags the overlap."),
    ("abort-action", "cfn/enum", S("AbortConfig.CriteriaList[0].Action", "ROLLBACK"),
     "Abort Action ROLLBACK: CloudFormation rejects it (enum CANCEL), and so does the API."),
    ("abort-threshold", "cfn/range", S("AbortConfig.CriteriaList[0].ThresholdPercentage", 100.5),
     "ThresholdPercentage 100.5: CloudFormation rejects it (maximum 100), and so does the API."),
    ("abort-min-executed", "cfn/required", D("AbortConfig.CriteriaList[0].MinNumberOfExecutedThings"),
     "Abort criteria without MinNumberOfExecutedThings: CloudFormation rejects it (all four members required), and so does the API."),
    ("timeout-in-progress", "timeout/in-progress-range", S("TimeoutConfig.InProgressTimeoutInMinutes", 0),
     "InProgressTimeoutInMinutes 0: the Job schema has no range so CloudFormation accepts it (the JobTemplate schema has 1..10080); the API rejects it."),
    ("retry-criteria-list", "cfn/items", S("JobExecutionsRetryConfig.CriteriaList", [
        {"FailureType": "FAILED", "NumberOfRetries": 2},
        {"FailureType": "TIMED_OUT", "NumberOfRetries": 1},
        {"FailureType": "ALL", "NumberOfRetries": 1}]),
     "Three retry CriteriaList entries: CloudFormation rejects it (maxItems 2), and so does the API."),
    ("retry-failure-type", "retry/timeout-without-timeout-config", D("TimeoutConfig"),
     "Retry on TIMED_OUT without a TimeoutConfig: CloudFormation accepts it; the API documents that a timeout retry needs the timeout configuration."),
    ("retry-number", "cfn/range", S("JobExecutionsRetryConfig.CriteriaList[0].NumberOfRetries", -1),
     "NumberOfRetries -1: CloudFormation rejects it (0..10), and so does the API."),
    ("scheduling-start-time", "schedule/start-too-soon", lambda p: (setp(p, "SchedulingConfig.StartTime", "2025-06-01T02:00"), setp(p, "SchedulingConfig.EndTime", "2025-06-15T02:00")),
     "A scheduled StartTime in 2025, in the past: CloudFormation accepts any string; the API rejects a start less than 30 minutes from now."),
    ("scheduling-end-time", "schedule/window-too-short", S("SchedulingConfig.EndTime", "2026-03-01T02:15"),
     "EndTime 15 minutes after StartTime: CloudFormation accepts it; the API needs at least 30 minutes between them."),
    ("scheduling-end-behavior", "cfn/enum", S("SchedulingConfig.EndBehavior", "STOP"),
     "EndBehavior STOP (not STOP_ROLLOUT): CloudFormation rejects it (enum), and so does the API."),
    ("maintenance-window-start-time", "cron/day-fields", S("SchedulingConfig.MaintenanceWindows[0].StartTime", "cron(0 2 * * SAT *)"),
     "Maintenance window cron(0 2 * * SAT *) with both day-of-month and day-of-week: CloudFormation accepts any string; the API wants `?` in one of them."),
    ("maintenance-window-duration", "cfn/required", D("SchedulingConfig.MaintenanceWindows[0].DurationInMinutes"),
     "A maintenance window without DurationInMinutes: CloudFormation rejects it (required in the Job schema, unlike the JobTemplate schema), and so does the API."),
    ("created-at", "cfn/read-only", S("CreatedAt", "2026-01-15T10:00:00Z"),
     "CreatedAt set in the template: CloudFormation rejects it (read-only property)."),
]
for slug, rule, op, desc in JOB:
    case(f"job-{slug}-fail", rule, desc, mutated("job", op), formats_of(f"job-{slug}"))

# -- more failures, one format each -------------------------------------------------------------

case("jobtemplate-presigned-camelcase-fail", "cfn/unknown-property",
     "Field report 1: API-style camelCase roleArn/expiresInSec inside PresignedUrlConfig; CloudFormation rejects them as extraneous and misses RoleArn (the API would accept the camelCase object).",
     mutated("jobtemplate", S("PresignedUrlConfig", {"roleArn": ROLE_ARN, "expiresInSec": 3600})), ("yaml",))
case("jobtemplate-maintenance-window-unix-cron-fail", "cron/unix-five-fields",
     "Maintenance window StartTime `0 2 * * 6` in Unix five-field form: CloudFormation accepts any string; the API wants cron(...) with six fields.",
     mutated("jobtemplate", S("MaintenanceWindows[0].StartTime", "0 2 * * 6")), ("json",))
case("jobtemplate-maintenance-window-start-missing-fail", "model/required",
     "A maintenance window with DurationInMinutes only: the JobTemplate schema requires no member so CloudFormation accepts it; the API requires startTime.",
     mutated("jobtemplate", D("MaintenanceWindows[0].StartTime")), ("yaml",))
case("jobtemplate-tags-duplicate-fail", "cfn/unique-items",
     "The same tag twice: CloudFormation rejects it (uniqueItems).",
     mutated("jobtemplate", S("Tags", [{"Key": "team", "Value": "fleet-ops"}, {"Key": "team", "Value": "fleet-ops"}])), ("json",))
case("jobtemplate-document-missing-fail", "document/source-missing",
     "A JobTemplate with neither Document nor DocumentSource: CloudFormation accepts it (neither is required); the API rejects it.",
     mutated("jobtemplate", D("Document"), D("PresignedUrlConfig")), ("yaml",))
case("job-namespace-id-fail", "cfn/unknown-property",
     "NamespaceId, valid in a CreateJob request, is not a property of the CloudFormation AWS::IoT::Job resource: CloudFormation rejects it.",
     mutated("job", S("NamespaceId", "greengrass")), ("yaml",))
case("job-rollout-template-spelling-fail", "cfn/unknown-property",
     "ExponentialRolloutRate (the JobTemplate spelling) inside an AWS::IoT::Job, which calls it ExponentialRate: CloudFormation rejects it.",
     mutated("job", R(JR, "ExponentialRolloutRate")), ("json",))
case("job-scheduling-end-behavior-without-end-fail", "schedule/end-behavior-without-end-time",
     "EndBehavior without EndTime: CloudFormation accepts it; the API ignores EndBehavior, so the setting does nothing.",
     mutated("job", D("SchedulingConfig.EndTime")), ("yaml",))
case("job-rollout-increment-precision-fail", "rollout/increment-factor-precision",
     "IncrementFactor 1.25: CloudFormation accepts it (1.1..5); the API allows one decimal digit only.",
     mutated("job", S(JR + ".IncrementFactor", 1.25)), ("json",))

# -- intrinsic functions ---------------------------------------------------------------------------

PARAM_ID = {"Parameters": {"TemplateId": {"Type": "String", "Default": "gw-firmware-ota",
                                          "AllowedPattern": "^[a-zA-Z0-9_-]+$"}}}
case("intrinsic-ref-job-template-id-pass", "cfn/intrinsic",
     "JobTemplateId from a parameter (Ref): an intrinsic CloudFormation resolves at deploy time; neither CloudFormation nor the API can be judged on it statically, nothing is reported.",
     template("jobtemplate", {**jobtemplate_props(), "JobTemplateId": Fn("Ref", "TemplateId")}, head=PARAM_ID))
case("intrinsic-sub-document-variables-pass", "cfn/intrinsic",
     "Document built with Fn::Sub over ${AWS::Region} and parameters, the presigned-URL placeholder escaped as ${!aws:iot:...}: CloudFormation and the API accept it.",
     template("jobtemplate", {**jobtemplate_props(), "Document": Fn("Sub", Block(json.dumps({
         "operation": "firmware-update", "version": "${FirmwareVersion}",
         "files": [{"fileName": "gw.bin", "url": "${!aws:iot:s3-presigned-url:https://s3.${AWS::Region}.amazonaws.com/${FirmwareBucket}/gw/${FirmwareVersion}.bin}"}]},
         indent=2)))},
         head={"Parameters": {"FirmwareBucket": {"Type": "String"}, "FirmwareVersion": {"Type": "String", "Default": "2.4.1"}}}),
     ("yaml",))
case("intrinsic-sub-unescaped-placeholder-fail", "cfn/intrinsic",
     "Fn::Sub over a document whose presigned-URL placeholder ${aws:iot:s3-presigned-url:...} is not escaped as ${!...}: CloudFormation reads it as an unresolvable Sub variable and rejects the template.",
     template("jobtemplate", {**jobtemplate_props(), "Document": Fn("Sub", Block(json.dumps({
         "operation": "firmware-update",
         "files": [{"fileName": "gw.bin", "url": "${aws:iot:s3-presigned-url:https://s3.${AWS::Region}.amazonaws.com/acme-firmware/gw/2.4.1.bin}"}]},
         indent=2)))}),
     ("yaml",))
case("intrinsic-sub-document-literal-fail", "document/not-json",
     "Document is Fn::Sub of a string with no ${} variable, so it is that string; it is not JSON (trailing comma) and the API rejects it.",
     template("jobtemplate", {**jobtemplate_props(), "Document": Fn("Sub", '{"operation": "reboot", "delaySeconds": 30,}')}))
case("intrinsic-getatt-role-arn-pass", "cfn/intrinsic",
     "PresignedUrlConfig.RoleArn from !GetAtt of an IAM role in the same template: accepted, nothing is reported.",
     template("jobtemplate", {**jobtemplate_props(), "PresignedUrlConfig": {"RoleArn": Fn("GetAtt", "OtaPresignRole.Arn"), "ExpiresInSec": 3600}},
              extra={"OtaPresignRole": {"Type": "AWS::IAM::Role", "Properties": {
                  "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
                      {"Effect": "Allow", "Principal": {"Service": "iot.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
                  "ManagedPolicyArns": ["arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"]}}}),
     ("yaml",))
case("intrinsic-if-duration-fail", "cfn/range",
     "DurationInMinutes chosen by Fn::If: the production branch 240 is valid, the other branch 2000 is out of 1..1430; CloudFormation and the API reject the stack when that condition holds.",
     template("jobtemplate", {**jobtemplate_props(), "MaintenanceWindows": [
         {"StartTime": "cron(0 2 ? * SAT *)", "DurationInMinutes": Fn("If", ["IsProduction", 240, 2000])}]},
         head={"Parameters": {"Stage": {"Type": "String", "AllowedValues": ["prod", "test"], "Default": "prod"}},
               "Conditions": {"IsProduction": Fn("Equals", [Fn("Ref", "Stage"), "prod"])}}))
case("intrinsic-join-targets-pass", "cfn/intrinsic",
     "A Job whose target ARN is built with Fn::Join from pseudo parameters: accepted, nothing is reported.",
     template("job", {**job_props(), "Targets": [Fn("Join", [":", ["arn:aws:iot", Fn("Ref", "AWS::Region"), Fn("Ref", "AWS::AccountId"), "thinggroup/gateways-eu"]])]}),
     ("json",))
case("intrinsic-select-end-behavior-pass", "cfn/intrinsic",
     "EndBehavior picked with Fn::Select from a literal list: it resolves to CANCEL, which CloudFormation and the API accept.",
     template("job", {**job_props(), "SchedulingConfig": {**job_props()["SchedulingConfig"], "EndBehavior": Fn("Select", [1, ["STOP_ROLLOUT", "CANCEL"]])}}),
     ("yaml",))
case("intrinsic-findinmap-expires-pass", "cfn/intrinsic",
     "ExpiresInSec from Fn::FindInMap by stage: every mapped value is in 60..3600, accepted.",
     template("jobtemplate", {**jobtemplate_props(), "PresignedUrlConfig": {"RoleArn": ROLE_ARN, "ExpiresInSec": Fn("FindInMap", ["StageSettings", Fn("Ref", "Stage"), "UrlExpiry"])}},
              head={"Parameters": {"Stage": {"Type": "String", "AllowedValues": ["prod", "test"], "Default": "prod"}},
                    "Mappings": {"StageSettings": {"prod": {"UrlExpiry": 3600}, "test": {"UrlExpiry": 600}}}}),
     ("yaml",))
case("intrinsic-importvalue-template-arn-pass", "cfn/intrinsic",
     "A Job whose JobTemplateArn is imported from another stack (Fn::ImportValue): accepted, nothing is reported.",
     template("job", {"JobId": "gw-firmware-2-4-1", "Targets": [GROUP_ARN],
                      "JobTemplateArn": Fn("ImportValue", "iot-ota-templates-GwFirmwareTemplateArn"),
                      "Description": "Firmware job from the shared OTA template"}),
     ("json",))
case("intrinsic-tojsonstring-document-pass", "cfn/intrinsic",
     "Transform AWS::LanguageExtensions with Document as Fn::ToJsonString of a YAML object: the document is JSON by construction, accepted.",
     {**template("jobtemplate", {**jobtemplate_props(), "Document": Fn("ToJsonString", OTA_DOC, long_form=True)}),
      "Transform": "AWS::LanguageExtensions"},
     ("yaml",))
case("intrinsic-unknown-function-fail", "cfn/intrinsic",
     "Document given as Fn::Subb, a misspelt Fn::Sub: CloudFormation rejects the template (unknown intrinsic function).",
     template("jobtemplate", {**jobtemplate_props(), "Document": Fn("Subb", '{"operation": "reboot"}', long_form=True)}))
case("intrinsic-unknown-short-tag-fail", "cfn/intrinsic",
     "Document given as !Subb, an unknown YAML short tag: CloudFormation rejects the template.",
     template("jobtemplate", {**jobtemplate_props(), "Document": Fn("Subb", '{"operation": "reboot"}')}),
     ("yaml",))

# -- whole templates ---------------------------------------------------------------------------------

def _multi():
    second = jobtemplate_props()
    second.update({"JobTemplateId": "gw-config-push", "Description": "Push gateway configuration",
                   "Document": doc_block({"operation": "config-push", "profile": "eu-default"})})
    del second["PresignedUrlConfig"], second["DestinationPackageVersions"]
    second["MaintenanceWindows"] = [{"StartTime": "cron(30 1 ? * SUN *)", "DurationInMinutes": 2000}]
    t = {"AWSTemplateFormatVersion": "2010-09-09",
         "Description": "Gateway fleet: firmware bucket, two job templates and this month's rollout",
         "Resources": {
             "FirmwareBucket": {"Type": "AWS::S3::Bucket", "Properties": {
                 "BucketName": "acme-firmware-eu", "VersioningConfiguration": {"Status": "Enabled"}}},
             "OtaTemplate": {"Type": "AWS::IoT::JobTemplate", "Properties": jobtemplate_props()},
             "ConfigTemplate": {"Type": "AWS::IoT::JobTemplate", "Properties": second},
             "FirmwareJob": {"Type": "AWS::IoT::Job", "Properties": job_props()}}}
    return t


case("multi-resource-fail", "cfn/range",
     "Two JobTemplates, one Job and an S3 bucket; only the second template (ConfigTemplate) is wrong: DurationInMinutes 2000, rejected by CloudFormation and the API.",
     _multi())
case("no-iot-resource-pass", "input/operation-unknown",
     "A template with an S3 bucket only: a CloudFormation template is recognised, and with no IoT resource there is nothing to report.",
     {"AWSTemplateFormatVersion": "2010-09-09", "Description": "Firmware artefact bucket",
      "Resources": {"FirmwareBucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "acme-firmware-eu"}}}},
     ("yaml",))
# Passing neighbours of the cfn/* rules: the value each failing case breaks, written as the schema
# wants it.
case("job-type-pass", "cfn/type",
     "Every property of the Job with the type its schema declares (numbers written as numbers, the document as a string).",
     mutated("job"))
case("jobtemplate-window-duration-max-pass", "cfn/range",
     "A maintenance window of 1430 minutes, the largest both CloudFormation and the API accept.",
     mutated("jobtemplate", S("MaintenanceWindows", [{"StartTime": "cron(0 22 ? * SAT *)", "DurationInMinutes": 1430}])), ("yaml",))
case("jobtemplate-length-pass", "cfn/length",
     "Every string of the JobTemplate within its schema's lengths (a one-character tag value included).",
     mutated("jobtemplate", S("Tags", [{"Key": "team", "Value": "a"}])))
case("jobtemplate-tags-fifty-pass", "cfn/items",
     "Fifty tags, the most the JobTemplate schema allows.",
     mutated("jobtemplate", S("Tags", [{"Key": f"k{i}", "Value": "v"} for i in range(50)])), ("yaml",))
case("job-pattern-pass", "cfn/pattern",
     "JobId, JobTemplateArn-free document and package version ARNs that match the Job schema's anchored patterns.",
     mutated("job", S("JobId", "firmware_2026-01")))
case("job-enum-pass", "cfn/enum",
     "TargetSelection, EndBehavior, failure types and abort action each one of their enum values.",
     mutated("job", S("TargetSelection", "CONTINUOUS")), ("yaml",))
case("jobtemplate-tags-distinct-pass", "cfn/unique-items",
     "Two different tags: unique items.",
     mutated("jobtemplate", S("Tags", [{"Key": "team", "Value": "fleet"}, {"Key": "site", "Value": "plant-3"}])), ("yaml",))
case("job-read-only-absent-pass", "cfn/read-only",
     "No read-only property (Arn, CreatedAt) in the template.",
     mutated("job"), ("json",))
case("yaml-readable-pass", "cfn/yaml-syntax",
     "A YAML template that reads: the passing neighbour of the YAML syntax error.",
     mutated("jobtemplate"), ("yaml",))

case("bare-jobtemplate-presigned-camelcase-fail", "cfn/unknown-property",
     "Field report 1 as a bare resource: camelCase roleArn/expiresInSec in PresignedUrlConfig; CloudFormation rejects them and misses RoleArn.",
     {"Type": "AWS::IoT::JobTemplate", "Properties": {"JobTemplateId": "tpl-1", "Description": "d", "Document": "{}",
      "PresignedUrlConfig": {"roleArn": f"arn:aws:iam::{ACCOUNT}:role/ROLE", "expiresInSec": 3600}}},
     ("json",))
case("bare-jobtemplate-unanchored-id-fail", "model/pattern",
     "Field report 11 as a bare resource: JobTemplateId `bad id!` passes CloudFormation's unanchored pattern; the API rejects it.",
     {"Type": "AWS::IoT::JobTemplate", "Properties": {"JobTemplateId": "bad id!", "Description": "d", "Document": "{}"}},
     ("json",))


# ---------------------------------------------------------------------------------------------

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    names = [c[0] for c in CASES]
    dupes = {n for n in names if names.count(n) > 1}
    if dupes:
        sys.exit(f"duplicate case names: {sorted(dupes)}")
    wanted = set()
    for name, formats, rule, desc, tpl in CASES:
        for fmt in formats:
            folder = os.path.join(OUT, fmt)
            src = os.path.join(folder, f"{name}.{fmt}")
            exp = os.path.join(folder, f"{name}.expect.json")
            wanted.update((src, exp))
            write(src, to_yaml(tpl) if fmt == "yaml" else to_json_text(tpl))
            header = {"rule": rule, "description": desc}
            keep = False
            if os.path.exists(exp):
                with open(exp, encoding="utf-8") as f:
                    old = json.load(f)
                keep = old.get("rule") == rule and old.get("description") == desc
            if not keep:
                write(exp, json.dumps({**header, "diagnostics": []}, indent=2, ensure_ascii=False) + "\n")
    removed = 0
    for fmt in ("yaml", "json"):
        folder = os.path.join(OUT, fmt)
        for f in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
            p = os.path.join(folder, f)
            if p not in wanted and (f.endswith(".json") or f.endswith(".yaml")):
                os.remove(p)
                removed += 1
    inputs = sum(len(c[1]) for c in CASES)
    print(f"{len(CASES)} cases, {inputs} inputs in {os.path.relpath(OUT, ROOT)}/ ({removed} stale files removed)")


if __name__ == "__main__":
    main()
