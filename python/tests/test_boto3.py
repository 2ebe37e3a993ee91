"""The boto3 hook against the real botocore: no network (fake credentials, Stubber).

The Stubber checks that a response is queued before the hook runs (its own
before-parameter-build handler comes first), so a call the hook rejects still needs one queued;
that response staying in the queue shows the call was never sent.
"""

from __future__ import annotations

import copy
import warnings

import boto3
import botocore.session
import pytest
from botocore.exceptions import ParamValidationError
from botocore.stub import Stubber

import iot_jobs_lint.boto3 as hook
from iot_jobs_lint.boto3 import JobLintWarning, JobValidationError

from conftest import THING

GOOD = {"jobId": "fw-2-5", "targets": [THING], "document": "{}"}
BAD = {
    "jobId": "fw 2.5",
    "targets": [THING, "pump-0043"],
    "document": "{}",
    "targetSelection": "snapshot",
    "schedulingConfig": {
        "maintenanceWindows": [{"startTime": "cron(0 2 ? * SUN *)", "durationInMinutes": 1440}]
    },
}
RESPONSE = {"jobArn": "arn:aws:iot:us-east-1:111122223333:job/fw-2-5", "jobId": "fw-2-5"}
TEMPLATE_RESPONSE = {
    "jobTemplateArn": "arn:aws:iot:us-east-1:111122223333:jobtemplate/t1",
    "jobTemplateId": "t1",
}


def client(session: boto3.Session | None = None):  # type: ignore[no-untyped-def]
    return (session or boto3.Session(region_name="us-east-1")).client("iot")


def hooked_client():  # type: ignore[no-untyped-def]
    """An IoT client of a fresh session with the hook installed on the session."""
    session = boto3.Session(region_name="us-east-1")
    hook.install(session)
    return session.client("iot")


def test_bad_create_job_raises_before_sending_listing_every_problem() -> None:
    iot = hooked_client()
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE)
        with pytest.raises(JobValidationError) as caught:
            iot.create_job(**BAD)
        # never sent: the queued response is still there
        with pytest.raises(AssertionError):
            stub.assert_no_pending_responses()
    err = caught.value
    assert isinstance(err, ParamValidationError)
    text = str(err)
    assert text.startswith("Parameter validation failed:\niot-jobs-lint rejected CreateJob before sending it")
    for path in (
        "jobId:",
        "targets[1]:",
        "targetSelection:",
        "schedulingConfig.maintenanceWindows[0].durationInMinutes:",
    ):
        assert path in text, path
    assert "fix: did you mean `SNAPSHOT`?" in text
    assert "fix: targets take ARNs, not names" in text
    assert err.lint_report.errors == len(
        [d for d in err.diagnostics if d.severity.value == "error"]
    ) >= 4
    assert err.operation_name == "CreateJob"


def test_existing_except_clause_catches_it() -> None:
    iot = client()
    hook.install(iot)
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE)
        try:
            iot.create_job(**BAD)
        except ParamValidationError as e:
            assert "durationInMinutes" in str(e)
        else:
            pytest.fail("not rejected")


def test_good_create_job_reaches_the_stub_unchanged() -> None:
    iot = client()
    hook.install(iot)
    sent = copy.deepcopy(GOOD)
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE, expected_params=copy.deepcopy(GOOD))
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            assert iot.create_job(**sent)["jobId"] == "fw-2-5"
        stub.assert_no_pending_responses()
    assert sent == GOOD


def test_document_source_only_and_template_based_jobs_pass() -> None:
    iot = client()
    hook.install(iot)
    from_s3 = {
        "jobId": "from-s3",
        "targets": [THING],
        "documentSource": "https://s3.us-east-1.amazonaws.com/bucket/job.json",
    }
    from_template = {
        "jobId": "reboot",
        "targets": ["arn:aws:iot:us-east-1:111122223333:thinggroup/kiosks"],
        "jobTemplateArn": "arn:aws:iot:us-east-1::jobtemplate/AWS-Reboot:1.0",
        "documentParameters": {"pathToHandler": "/opt/aws/jobs/handlers", "runAsUser": "kiosk"},
    }
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE, expected_params=from_s3)
        stub.add_response("create_job", RESPONSE, expected_params=from_template)
        iot.create_job(**from_s3)
        iot.create_job(**from_template)
        stub.assert_no_pending_responses()


def test_create_job_template_is_checked() -> None:
    iot = client()
    hook.install(iot)
    with Stubber(iot) as stub:
        stub.add_response("create_job_template", TEMPLATE_RESPONSE)
        stub.add_response("create_job_template", TEMPLATE_RESPONSE)
        iot.create_job_template(jobTemplateId="t1", description="d", document="{}")
        with pytest.raises(JobValidationError, match=r"CreateJobTemplate[\s\S]*maintenanceWindows\[0\]"):
            iot.create_job_template(
                jobTemplateId="t1",
                description="d",
                document="{}",
                maintenanceWindows=[{"startTime": "0 2 * * 0", "durationInMinutes": 60}],
            )


WARNS = {**GOOD, "schedulingConfig": {"endBehavior": "STOP_ROLLOUT"}}


def test_warnings_are_warned_and_the_call_goes_on() -> None:
    iot = client()
    hook.install(iot)
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE)
        with pytest.warns(JobLintWarning, match=r"schedulingConfig.endBehavior"):
            iot.create_job(**WARNS)
        stub.assert_no_pending_responses()


def test_fail_on_warning_raises_and_warn_false_is_silent() -> None:
    iot = client()
    hook.install(iot, fail_on="warning")
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE)
        with pytest.raises(JobValidationError, match=r"warning\[schedule/end-behavior-without-end-time\]"):
            iot.create_job(**WARNS)
    quiet = client()
    hook.install(quiet, warn=False)
    with Stubber(quiet) as stub:
        stub.add_response("create_job", RESPONSE)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            quiet.create_job(**WARNS)


def test_fail_on_never_warns_about_errors() -> None:
    iot = client()
    hook.install(iot, fail_on="never")
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE)
        with pytest.warns(JobLintWarning, match="jobId"):
            # botocore itself lets the bad jobId through (it checks no pattern)
            iot.create_job(**{**GOOD, "jobId": "fw 2.5"})


def test_install_on_a_session_applies_to_clients_created_afterwards() -> None:
    session = boto3.Session(region_name="us-east-1")
    before = session.client("iot")
    hook.install(session)
    after = session.client("iot")
    with Stubber(before) as stub:
        stub.add_response("create_job", RESPONSE)
        before.create_job(**{**GOOD, "jobId": "fw 2.5"})  # not checked: the pitfall
    with Stubber(after) as stub:
        stub.add_response("create_job", RESPONSE)
        with pytest.raises(JobValidationError):
            after.create_job(**{**GOOD, "jobId": "fw 2.5"})


def test_install_on_a_botocore_session() -> None:
    session = botocore.session.get_session()
    hook.install(session)
    iot = session.create_client("iot", region_name="us-east-1")
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE)
        with pytest.raises(JobValidationError):
            iot.create_job(**BAD)


def test_install_on_the_default_session(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(boto3, "DEFAULT_SESSION", None)
    installation = hook.install()
    iot = boto3.client("iot")
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE)
        with pytest.raises(JobValidationError):
            iot.create_job(**BAD)
    installation.uninstall()
    iot = boto3.client("iot")
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE)
        iot.create_job(**{**GOOD, "jobId": "fw 2.5"})


def test_install_twice_replaces_and_other_operations_are_untouched() -> None:
    iot = client()
    hook.install(iot, fail_on="never", warn=False)
    hook.install(iot)  # replaces: fail on errors again
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE)
        with pytest.raises(JobValidationError):
            iot.create_job(**BAD)
    with Stubber(iot) as stub:
        stub.add_response("describe_job", {"job": {"jobId": "x"}})
        iot.describe_job(jobId="fw 2.5")


def test_bad_arguments() -> None:
    with pytest.raises(ValueError, match="fail_on"):
        hook.install(client(), fail_on="errors")
    with pytest.raises(ValueError, match="service_model"):
        hook.install(client(), service_model="2019")
    with pytest.raises(TypeError, match="install"):
        hook.install(object())


def test_error_pickles() -> None:
    import pickle

    iot = client()
    hook.install(iot)
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE)
        with pytest.raises(JobValidationError) as caught:
            iot.create_job(**BAD)
    again = pickle.loads(pickle.dumps(caught.value))
    assert str(again) == str(caught.value)


def test_message_lists_the_warnings_it_counts() -> None:
    """An error and a warning: the message counted the warning but did not list it."""
    iot = hooked_client()
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE)
        with pytest.raises(JobValidationError) as caught:
            iot.create_job(jobId="a", targets=[THING, THING], document="{}", targetSelection="x")
    text = str(caught.value)
    assert "(1 error, 1 warning)" in text
    assert "targets[1]:" in text and "targetSelection:" in text


def test_values_json_cannot_hold_are_left_to_botocore() -> None:
    """A Decimal or a set once became a bare TypeError from json.dumps; botocore names them."""
    import decimal

    iot = hooked_client()
    with Stubber(iot) as stub:
        stub.add_response("create_job", RESPONSE)
        with pytest.raises(ParamValidationError) as caught:
            iot.create_job(
                jobId="a",
                targets=[THING],
                document="{}",
                timeoutConfig={"inProgressTimeoutInMinutes": decimal.Decimal(5)},
            )
    assert not isinstance(caught.value, JobValidationError)
    assert "timeoutConfig.inProgressTimeoutInMinutes" in str(caught.value)
