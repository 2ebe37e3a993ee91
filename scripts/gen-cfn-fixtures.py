#!/usr/bin/env python3
"""Writes the CloudFormation template cases of the spec corpus (tests/corpus/cfn/).

Each case is one AWS::IoT::JobTemplate or AWS::IoT::Job resource (or a small template) written
twice, as a YAML template (block style, short-form intrinsics) and as a JSON template (as
`cdk synth` writes it, long-form intrinsics), with an `.expect.json` header naming the rule the
case is about. The diagnostics of a new case are filled in by the corpus's bless mode
(`IOT_JOBS_LINT_BLESS=1 cargo test -p iot-jobs-lint --test corpus`) and reviewed in the diff;
running this script again keeps the diagnostics of existing expectations.

    python3 scripts/gen-cfn-fixtures.py
"""
import json
import os

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "corpus", "cfn")


class Fn:
    """An intrinsic function: `Fn("Sub", "x")` is `!Sub x` in YAML, {"Fn::Sub": "x"} in JSON."""

    def __init__(self, name, arg):
        self.name, self.arg = name, arg

    def long(self):
        return "Ref" if self.name == "Ref" else "Fn::" + self.name


def to_json(v):
    if isinstance(v, Fn):
        return {v.long(): to_json(v.arg)}
    if isinstance(v, dict):
        return {k: to_json(x) for k, x in v.items()}
    if isinstance(v, list):
        return [to_json(x) for x in v]
    return v


PLAIN_UNSAFE = set(":#{}[],&*!|>'\"%@`")


def scalar(v):
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return json.dumps(v)
    s = str(v)
    needs = (
        s == ""
        or s in ("-", "?")
        or s != s.strip()
        or any(c in PLAIN_UNSAFE for c in s[:1])
        or ": " in s
        or " #" in s
        or "\n" in s
        or s.lower() in ("true", "false", "null", "yes", "no", "~")
        or s.replace(".", "", 1).lstrip("-").isdigit()
        or any(ord(c) < 32 for c in s)
    )
    return json.dumps(s, ensure_ascii=False) if needs else s


def yaml_lines(v, indent):
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return [pad + "{}"]
        out = []
        for k, x in v.items():
            out += yaml_item(pad + scalar(k) + ":", x, indent)
        return out
    if isinstance(v, list):
        if not v:
            return [pad + "[]"]
        out = []
        for x in v:
            sub = yaml_lines(x, indent + 1)
            if isinstance(x, (dict, list)) and not isinstance(x, Fn) and x:
                first = sub[0].lstrip()
                out.append(pad + "- " + first)
                out += sub[1:]
            else:
                out.append(pad + "- " + sub[0].lstrip())
                out += sub[1:]
        return out
    if isinstance(v, Fn):
        return [pad + short(v)]
    return [pad + scalar(v)]


def short(f):
    arg = f.arg
    if isinstance(arg, list):
        return "!%s [%s]" % (f.name, ", ".join(flow(a) for a in arg))
    if isinstance(arg, dict):
        return "!%s %s" % (f.name, json.dumps(to_json(arg)))
    return "!%s %s" % (f.name, scalar(arg))


def flow(v):
    if isinstance(v, Fn):
        return "{%s: %s}" % (json.dumps(v.long()), json.dumps(to_json(v.arg)))
    if isinstance(v, (dict, list)):
        return json.dumps(to_json(v))
    return scalar(v)


def yaml_item(head, x, indent):
    pad = "  " * indent
    if isinstance(x, Fn):
        if x.name in ("Sub", "ToJsonString") and isinstance(x.arg, str) and "\n" in x.arg:
            body = x.arg.rstrip("\n").split("\n")
            return [head + " !%s |" % x.name] + [pad + "  " + l for l in body]
        if x.name == "ToJsonString" and isinstance(x.arg, dict):
            return [head + " !ToJsonString"] + yaml_lines(x.arg, indent + 1)
        return [head + " " + short(x)]
    if isinstance(x, (dict, list)) and x:
        return [head] + yaml_lines(x, indent + 1)
    return [head + " " + yaml_lines(x, 0)[0]]


def template(resources, extra=None):
    t = {"AWSTemplateFormatVersion": "2010-09-09", "Description": "IoT jobs for the pump fleet"}
    t.update(extra or {})
    t["Resources"] = resources
    return t


ROLE = "arn:aws:iam::123456789012:role/ota-download"
GROUP = "arn:aws:iot:eu-west-1:123456789012:thinggroup/pumps-line-a"
DOC = '{"operation":"firmware-update","version":"2.4.1"}'
PRESIGNED_DOC = '{"operation":"download","url":"${aws:iot:s3-presigned-url:https://s3.amazonaws.com/fw-bucket/pump-2.4.1.bin}"}'


def jt(**props):
    base = {"JobTemplateId": "ota-pumps", "Description": "Pump controller firmware 2.4.1", "Document": DOC}
    base.update(props)
    return {k: v for k, v in base.items() if v is not DROP}


def job(**props):
    base = {"JobId": "firmware-2026-01", "Targets": [GROUP], "Document": DOC}
    base.update(props)
    return {k: v for k, v in base.items() if v is not DROP}


DROP = object()


def res(kind, props, name=None):
    name = name or ("OtaTemplate" if kind == "JobTemplate" else "FirmwareJob")
    return {name: {"Type": "AWS::IoT::" + kind, "Properties": props}}


FULL_JT = jt(
    JobArn="arn:aws:iot:eu-west-1:123456789012:job/firmware-2025-12",
    PresignedUrlConfig={"RoleArn": ROLE, "ExpiresInSec": 3600},
    Document=PRESIGNED_DOC,
    MaintenanceWindows=[{"StartTime": "cron(0 22 ? * SAT *)", "DurationInMinutes": 240}],
    JobExecutionsRolloutConfig={"ExponentialRolloutRate": {"BaseRatePerMinute": 50, "IncrementFactor": 2.5, "RateIncreaseCriteria": {"NumberOfSucceededThings": 100}}},
    AbortConfig={"CriteriaList": [{"FailureType": "FAILED", "Action": "CANCEL", "ThresholdPercentage": 10, "MinNumberOfExecutedThings": 20}]},
    JobExecutionsRetryConfig={"RetryCriteriaList": [{"FailureType": "TIMED_OUT", "NumberOfRetries": 3}]},
    TimeoutConfig={"InProgressTimeoutInMinutes": 120},
    DestinationPackageVersions=["arn:aws:iot:eu-west-1:123456789012:package/pump-fw/version/2.4.1"],
    Tags=[{"Key": "team", "Value": "fleet"}],
)
FULL_JOB = job(
    Description="Pump controller firmware 2.4.1",
    TargetSelection="SNAPSHOT",
    PresignedUrlConfig={"RoleArn": ROLE, "ExpiresInSec": 600},
    Document=PRESIGNED_DOC,
    SchedulingConfig={"StartTime": "2026-03-01T22:00", "EndTime": "2026-04-01T22:00", "EndBehavior": "STOP_ROLLOUT",
                      "MaintenanceWindows": [{"StartTime": "cron(0 22 ? * SAT *)", "DurationInMinutes": 240}]},
    JobExecutionsRolloutConfig={"MaximumPerMinute": 200},
    AbortConfig={"CriteriaList": [{"FailureType": "ALL", "Action": "CANCEL", "ThresholdPercentage": 25, "MinNumberOfExecutedThings": 10}]},
    JobExecutionsRetryConfig={"CriteriaList": [{"FailureType": "FAILED", "NumberOfRetries": 2}]},
    TimeoutConfig={"InProgressTimeoutInMinutes": 60},
    Tags=[{"Key": "team", "Value": "fleet"}],
)
LE = {"Transform": "AWS::LanguageExtensions"}

CASES = [
    # name, rule, description, template
    ("jobtemplate-every-property", "cfn/required", "Every AWS::IoT::JobTemplate property set validly: neither CloudFormation nor the API rejects anything.", template(res("JobTemplate", FULL_JT))),
    ("jobtemplate-missing-description", "cfn/required", "A JobTemplate without Description: CloudFormation's schema requires it.", template(res("JobTemplate", jt(Description=DROP)))),
    ("jobtemplate-id-unanchored-pattern", "model/pattern", "JobTemplateId `bad id!`: CloudFormation's unanchored pattern `[a-zA-Z0-9_-]+` lets it through; the CreateJobTemplate API rejects it.", template(res("JobTemplate", jt(JobTemplateId="bad id!")))),
    ("jobtemplate-presigned-camelcase", "cfn/unknown-property", "Field report 1 in a whole template: API camelCase keys inside PresignedUrlConfig are extraneous to CloudFormation, which also requires RoleArn.", template(res("JobTemplate", jt(Document=PRESIGNED_DOC, PresignedUrlConfig={"roleArn": ROLE, "expiresInSec": 3600})))),
    ("jobtemplate-exponential-rate-api-name", "cfn/unknown-property", "ExponentialRate (the AWS::IoT::Job and API name) in a JobTemplate, which calls it ExponentialRolloutRate: CloudFormation rejects it; the fix renames it.", template(res("JobTemplate", jt(JobExecutionsRolloutConfig={"ExponentialRate": {"BaseRatePerMinute": 50, "IncrementFactor": 2, "RateIncreaseCriteria": {"NumberOfNotifiedThings": 100}}})))),
    ("jobtemplate-window-duration-range", "cfn/range", "A maintenance window of 2000 minutes: CloudFormation's schema (1..1430) rejects it before the API would.", template(res("JobTemplate", jt(MaintenanceWindows=[{"StartTime": "cron(0 22 ? * SAT *)", "DurationInMinutes": 2000}])))),
    ("jobtemplate-window-unix-cron", "cron/unix-five-fields", "A Unix five-field cron as a window start: CloudFormation only checks the length; the API's cron dialect rejects it, with a fix into the template.", template(res("JobTemplate", jt(MaintenanceWindows=[{"StartTime": "0 2 * * 6", "DurationInMinutes": 60}])))),
    ("jobtemplate-window-without-start", "model/required", "A JobTemplate window without StartTime: the JobTemplate schema does not require it, the API does.", template(res("JobTemplate", jt(MaintenanceWindows=[{"DurationInMinutes": 60}])))),
    ("jobtemplate-increment-factor-gap", "model/range", "IncrementFactor 1.05: CloudFormation's JobTemplate schema (1..5) accepts it, the API (1.1..5, one decimal) rejects it.", template(res("JobTemplate", jt(JobExecutionsRolloutConfig={"ExponentialRolloutRate": {"BaseRatePerMinute": 50, "IncrementFactor": 1.05, "RateIncreaseCriteria": {"NumberOfNotifiedThings": 100}}})))),
    ("jobtemplate-base-rate-gap", "model/range", "BaseRatePerMinute 5000: the JobTemplate schema has no maximum, the API caps it at 1000.", template(res("JobTemplate", jt(JobExecutionsRolloutConfig={"ExponentialRolloutRate": {"BaseRatePerMinute": 5000, "IncrementFactor": 2, "RateIncreaseCriteria": {"NumberOfNotifiedThings": 100}}})))),
    ("jobtemplate-tags-over-50", "cfn/items", "51 tags: the JobTemplate schema caps Tags at 50, which the API does not.", template(res("JobTemplate", jt(Tags=[{"Key": "k%d" % i, "Value": "v"} for i in range(51)])))),
    ("jobtemplate-tags-repeated", "cfn/unique-items", "The same tag twice: the schema's uniqueItems.", template(res("JobTemplate", jt(Tags=[{"Key": "team", "Value": "fleet"}, {"Key": "team", "Value": "fleet"}])))),
    ("jobtemplate-tag-value-empty", "cfn/length", "An empty tag value: the JobTemplate schema wants at least one character, the API accepts it.", template(res("JobTemplate", jt(Tags=[{"Key": "team", "Value": ""}])))),
    ("jobtemplate-tag-key-pattern", "model/pattern", "A tag key with `#`: no pattern in CloudFormation's schema, the API's tag key pattern rejects it.", template(res("JobTemplate", jt(Tags=[{"Key": "team#1", "Value": "fleet"}])))),
    ("jobtemplate-timeout-range", "cfn/range", "InProgressTimeoutInMinutes 20000: the JobTemplate schema allows 1..10080.", template(res("JobTemplate", jt(TimeoutConfig={"InProgressTimeoutInMinutes": 20000})))),
    ("jobtemplate-timeout-empty", "cfn/required", "An empty TimeoutConfig: the JobTemplate schema requires InProgressTimeoutInMinutes; the API accepts it empty.", template(res("JobTemplate", jt(TimeoutConfig={})))),
    ("jobtemplate-retry-three-criteria", "cfn/items", "Three retry criteria: RetryCriteriaList allows at most 2.", template(res("JobTemplate", jt(JobExecutionsRetryConfig={"RetryCriteriaList": [{"FailureType": "FAILED", "NumberOfRetries": 1}, {"FailureType": "TIMED_OUT", "NumberOfRetries": 1}, {"FailureType": "ALL", "NumberOfRetries": 1}]})))),
    ("jobtemplate-abort-action-enum", "cfn/enum", "Abort action `cancel` in lower case: not in the schema's enum; the fix writes CANCEL.", template(res("JobTemplate", jt(AbortConfig={"CriteriaList": [{"FailureType": "FAILED", "Action": "cancel", "ThresholdPercentage": 10, "MinNumberOfExecutedThings": 20}]})))),
    ("jobtemplate-document-object", "cfn/type", "The job document written as a YAML/JSON object: CloudFormation wants a string (and the document is still checked as the JSON it would be).", template(res("JobTemplate", jt(Document={"operation": "firmware-update", "url": "${aws:iot:s3-presigned-url:https://s3.amazonaws.com/fw-bucket/fw.bin}"})))),
    ("jobtemplate-document-tojsonstring", "cfn/intrinsic", "Fn::ToJsonString of an object with the AWS::LanguageExtensions transform: serialised and checked as the document (passing neighbour).", template(res("JobTemplate", jt(Document=Fn("ToJsonString", {"operation": "firmware-update", "version": "2.4.1"}))), LE)),
    ("jobtemplate-document-tojsonstring-no-transform", "cfn/intrinsic", "Fn::ToJsonString without the AWS::LanguageExtensions transform.", template(res("JobTemplate", jt(Document=Fn("ToJsonString", {"operation": "firmware-update"}))))),
    ("jobtemplate-unknown-function", "cfn/intrinsic", "Fn::Subb: no such intrinsic function; the fix names Fn::Sub.", template(res("JobTemplate", jt(JobTemplateId=Fn("Subb", "ota-${AWS::Region}"))))),
    ("jobtemplate-intrinsics-unknown-values", "cfn/intrinsic", "Intrinsics everywhere (Ref, GetAtt, If, Join, Select, FindInMap, ImportValue, Sub with variables): their values are unknown at lint time, so no rule judges them.", template(res("JobTemplate", jt(
        JobTemplateId=Fn("Ref", "TemplateId"), Description=Fn("Join", ["-", ["Pump", Fn("Ref", "AWS::Region")]]),
        Document=Fn("Sub", '{"operation":"firmware-update","version":"${Version}"}'),
        PresignedUrlConfig={"RoleArn": Fn("GetAtt", "DownloadRole.Arn"), "ExpiresInSec": Fn("FindInMap", ["Limits", Fn("Ref", "AWS::Region"), "Expiry"])},
        MaintenanceWindows=[{"StartTime": Fn("ImportValue", "PumpWindowStart"), "DurationInMinutes": Fn("If", ["LongWindow", 240, 60])}],
        Tags=[{"Key": "team", "Value": Fn("Select", [0, Fn("Ref", "Teams")])}],
    )), {"Parameters": {"TemplateId": {"Type": "String"}, "Version": {"Type": "String"}, "Teams": {"Type": "CommaDelimitedList"}}, "Conditions": {"LongWindow": {"Fn::Equals": [{"Ref": "AWS::Region"}, "eu-west-1"]}}, "Mappings": {"Limits": {"eu-west-1": {"Expiry": 3600}}}})),
    ("jobtemplate-sub-without-variables", "document/not-json", "A Fn::Sub without variables is read as its string: this document is not JSON (the API rejects it).", template(res("JobTemplate", jt(Document=Fn("Sub", "operation=firmware-update"))))),
    ("jobtemplate-package-version-gap", "model/pattern", "A destination package version that is not an ARN: the JobTemplate schema has no pattern, the API does.", template(res("JobTemplate", jt(DestinationPackageVersions=["pump-fw-2.4.1"])))),
    ("job-every-property", "cfn/required", "Every AWS::IoT::Job property set validly: neither CloudFormation nor the API rejects anything.", template(res("Job", FULL_JOB))),
    ("job-missing-targets", "cfn/required", "A Job without Targets: CloudFormation's schema requires it (the API too; reported once).", template(res("Job", job(Targets=DROP)))),
    ("job-targets-empty", "cfn/items", "An empty Targets list: minItems 1.", template(res("Job", job(Targets=[])))),
    ("job-target-not-arn", "targets/arn-format", "A target that is not a thing or group ARN: CloudFormation checks only its length; the API rejects it.", template(res("Job", job(Targets=["pumps-line-a"])))),
    ("job-id-pattern", "cfn/pattern", "JobId `firmware 2026`: the AWS::IoT::Job schema's pattern is anchored, so CloudFormation rejects it (and the API would).", template(res("Job", job(JobId="firmware 2026")))),
    ("job-target-selection-enum", "cfn/enum", "TargetSelection `Continuous`: not in the enum; the fix writes CONTINUOUS.", template(res("Job", job(TargetSelection="Continuous")))),
    ("job-start-in-past", "schedule/start-too-soon", "A scheduled start in the past: the API rejects it when CloudFormation makes the call at deploy time.", template(res("Job", job(SchedulingConfig={"StartTime": "2025-06-01T22:00"})))),
    ("job-window-never-fires", "cron/never-fires", "A window on 31 February never opens.", template(res("Job", job(SchedulingConfig={"MaintenanceWindows": [{"StartTime": "cron(0 2 31 2 ? *)", "DurationInMinutes": 60}]})))),
    ("job-window-without-duration", "cfn/required", "A Job window without DurationInMinutes: the AWS::IoT::Job schema requires it.", template(res("Job", job(SchedulingConfig={"MaintenanceWindows": [{"StartTime": "cron(0 2 ? * SAT *)"}]})))),
    ("job-read-only-arn", "cfn/read-only", "Arn set in the template: a read-only property, not sent.", template(res("Job", job(Arn="arn:aws:iot:eu-west-1:123456789012:job/firmware-2026-01")))),
    ("job-document-parameter-key", "cfn/pattern", "A DocumentParameters key with a dot: the schema's patternProperties reject it.", template(res("Job", job(Document=DROP, JobTemplateArn="arn:aws:iot:eu-west-1::jobtemplate/AWS-Download-File:1.0", DocumentParameters={"download.url": "https://example.com/fw.bin"})))),
    ("job-retry-without-count", "cfn/required", "A retry criterion without NumberOfRetries: the AWS::IoT::Job schema requires it.", template(res("Job", job(JobExecutionsRetryConfig={"CriteriaList": [{"FailureType": "FAILED"}]})))),
    ("job-increment-factor-range", "cfn/range", "IncrementFactor 1.05: the AWS::IoT::Job schema (1.1..5) rejects it before the API.", template(res("Job", job(JobExecutionsRolloutConfig={"ExponentialRate": {"BaseRatePerMinute": 50, "IncrementFactor": 1.05, "RateIncreaseCriteria": {"NumberOfNotifiedThings": 100}}})))),
    ("job-description-newline", "cfn/pattern", "A description with a newline: the AWS::IoT::Job schema's anchored `^[^\\p{C}]+$` rejects it.", template(res("Job", job(Description="Pump firmware\nsecond line")))),
    ("job-namespace-not-exposed", "cfn/unknown-property", "NamespaceId: the API has it, the AWS::IoT::Job resource does not.", template(res("Job", job(NamespaceId="greengrass")))),
    ("job-presigned-placeholder-without-config", "presigned-url/missing-config", "A pre-signed URL placeholder without PresignedUrlConfig: the API warning, placed in the template.", template(res("Job", job(Document=PRESIGNED_DOC)))),
    ("stack-several-resources", "cfn/required", "Two templates, a job and an S3 bucket: each IoT resource judged on its own, the bucket ignored.", template({**res("JobTemplate", jt(), "OtaTemplate"), **res("JobTemplate", jt(JobTemplateId="ota-valves", MaintenanceWindows=[{"StartTime": "cron(0 3 ? * SUN *)", "DurationInMinutes": 90}]), "ValveTemplate"), **res("Job", job(), "FirmwareJob"), "FirmwareBucket": {"Type": "AWS::S3::Bucket", "Properties": {"BucketName": "pump-firmware"}}})),
    ("stack-without-iot-resources", "cfn/required", "A template with no IoT job resource: nothing to check.", template({"FirmwareBucket": {"Type": "AWS::S3::Bucket"}})),
    # Passing neighbours: the same properties, written as the schema wants.
    ("jobtemplate-presigned-pascalcase", "cfn/unknown-property", "Field report 1 corrected: RoleArn and ExpiresInSec in PascalCase.", template(res("JobTemplate", jt(Document=PRESIGNED_DOC, PresignedUrlConfig={"RoleArn": ROLE, "ExpiresInSec": 3600})))),
    ("jobtemplate-document-block-scalar", "cfn/type", "The job document as a string (a literal block in YAML).", template(res("JobTemplate", jt(Document='{\n  "operation": "firmware-update",\n  "version": "2.4.1"\n}\n')))),
    ("jobtemplate-window-duration-max", "cfn/range", "A maintenance window of 1430 minutes, the largest both CloudFormation and the API accept.", template(res("JobTemplate", jt(MaintenanceWindows=[{"StartTime": "cron(0 22 ? * SAT *)", "DurationInMinutes": 1430}])))),
    ("jobtemplate-tags-50", "cfn/items", "50 tags with values: the most the JobTemplate schema allows.", template(res("JobTemplate", jt(Tags=[{"Key": "k%d" % i, "Value": "v"} for i in range(50)])))),
    ("jobtemplate-tags-distinct", "cfn/unique-items", "Two different tags.", template(res("JobTemplate", jt(Tags=[{"Key": "team", "Value": "fleet"}, {"Key": "site", "Value": "plant-3"}])))),
    ("jobtemplate-tag-value-set", "cfn/length", "A tag value of one character.", template(res("JobTemplate", jt(Tags=[{"Key": "team", "Value": "a"}])))),
    ("job-id-valid", "cfn/pattern", "JobId of letters, digits, '-' and '_'.", template(res("Job", job(JobId="firmware_2026-01")))),
    ("job-target-selection-valid", "cfn/enum", "TargetSelection CONTINUOUS.", template(res("Job", job(TargetSelection="CONTINUOUS")))),
    ("job-arn-not-set", "cfn/read-only", "No read-only property in the template.", template(res("Job", job(Description="Pump firmware")))),
    ("stack-yaml-readable", "cfn/yaml-syntax", "A template that reads as YAML and JSON.", template(res("JobTemplate", jt()))),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, rule, description, tpl in CASES:
        for ext in ("yaml", "json"):
            stem = os.path.join(OUT, "%s-%s" % (name, ext))
            if ext == "json":
                text = json.dumps(to_json(tpl), indent=2, ensure_ascii=False) + "\n"
            else:
                text = "\n".join(yaml_lines(tpl, 0)) + "\n"
            with open(stem + "." + ext, "w", encoding="utf-8") as f:
                f.write(text)
            diagnostics = []
            if os.path.exists(stem + ".expect.json"):
                with open(stem + ".expect.json", encoding="utf-8") as f:
                    diagnostics = json.load(f).get("diagnostics", [])
            header = {"rule": rule, "description": "%s (%s)" % (description, ext.upper()), "diagnostics": diagnostics}
            with open(stem + ".expect.json", "w", encoding="utf-8") as f:
                f.write(json.dumps(header, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
