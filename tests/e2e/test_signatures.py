"""Signature verification with --credentials (also --credentials-file and EDDY_CREDENTIALS):
boto3, the AWS CLI and a presigned request signing for real. The right key passes; another key
gets UnrecognizedClientException, a wrong secret InvalidSignatureException, a request signed more
than 15 minutes off "Signature expired" or "Signature not yet current", a malformed Authorization
header IncompleteSignatureException, each with AWS's text. Without the flag anything well-formed
is accepted (test_protocol.py).
"""
import datetime
import gzip
import hashlib
import hmac
import json
import os
import re
import subprocess
import types
import urllib.parse

import boto3
import botocore.auth
import pytest
from botocore.config import Config
from botocore.exceptions import ClientError

try:
    import botocore.crt.auth as crt_auth  # botocore signs with awscrt when it is installed
except ImportError:
    crt_auth = None

from conftest import eddy_bin
from e2e_helpers import assert_error, raw_request, wait_until_healthy

pytestmark = pytest.mark.eddy_only

KEY, SECRET = "AKIDEDDYTEST", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
SECOND_KEY, SECOND_SECRET = "AKIDSECOND", "second/secret+value"
MISMATCH = ("The request signature we calculated does not match the signature you provided. Check your AWS "
            "Secret Access Key and signing method. Consult the service documentation for details.")


@pytest.fixture
def signed_eddy(eddy_server):
    server = eddy_server(["--credentials", f"{KEY}:{SECRET}", "--credentials", f"{SECOND_KEY}:{SECOND_SECRET}"],
                         in_memory=True, wait=False)
    return wait_until_healthy(server)


def client(endpoint, key=KEY, secret=SECRET, service="dynamodb"):
    return boto3.client(service, endpoint_url=endpoint, region_name="eu-west-1", aws_access_key_id=key,
                        aws_secret_access_key=secret, config=Config(retries={"max_attempts": 1}))


def test_boto3_with_the_right_keys(signed_eddy):
    for key, secret in ((KEY, SECRET), (SECOND_KEY, SECOND_SECRET)):
        ddb = client(signed_eddy.endpoint, key, secret)
        name = f"t_{key.lower()}"
        ddb.create_table(TableName=name, KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                         AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                         BillingMode="PAY_PER_REQUEST", StreamSpecification={"StreamEnabled": True,
                                                                             "StreamViewType": "NEW_IMAGE"})
        ddb.put_item(TableName=name, Item={"pk": {"S": "a"}, "v": {"S": "signed"}})
        assert ddb.get_item(TableName=name, Key={"pk": {"S": "a"}})["Item"]["v"] == {"S": "signed"}
        # The region of the credential scope still goes into ARNs.
        assert ":eu-west-1:" in ddb.describe_table(TableName=name)["Table"]["TableArn"]
    # DynamoDB Streams signs with the same service name.
    streams = client(signed_eddy.endpoint, service="dynamodbstreams")
    assert len(streams.list_streams()["Streams"]) == 2


def test_another_key_is_unrecognized(signed_eddy):
    with pytest.raises(ClientError) as e:
        client(signed_eddy.endpoint, key="AKIDSTRANGER").list_tables()
    assert_error(e, "UnrecognizedClientException", "The security token included in the request is invalid.")


def test_a_wrong_secret_is_an_invalid_signature(signed_eddy):
    with pytest.raises(ClientError) as e:
        client(signed_eddy.endpoint, secret="not-the-secret").list_tables()
    code = e.value.response["Error"]["Code"]
    message = e.value.response["Error"]["Message"]
    assert code == "InvalidSignatureException"
    assert message.startswith(MISMATCH + "\n\nThe Canonical String for this request should have been\n'POST\n/\n\n")
    assert "\n\nThe String-to-Sign should have been\n'AWS4-HMAC-SHA256\n" in message


REAL_DATETIME = datetime.datetime


class SkewedDatetime(datetime.datetime):
    skew = datetime.timedelta(0)

    @classmethod
    def utcnow(cls):
        return REAL_DATETIME.utcnow() + cls.skew


def skew_signing_clock(monkeypatch, minutes):
    """Moves the clock botocore signs with (its own signer and the CRT one, whichever it uses)."""
    monkeypatch.setattr(SkewedDatetime, "skew", datetime.timedelta(minutes=minutes))
    clock = types.SimpleNamespace(datetime=SkewedDatetime, timezone=datetime.timezone, timedelta=datetime.timedelta)
    monkeypatch.setattr(botocore.auth, "datetime", clock)
    if crt_auth is not None:
        monkeypatch.setattr(crt_auth, "datetime", clock)


@pytest.mark.parametrize("minutes, pattern", [
    (-20, r"Signature expired: (\d{8}T\d{6}Z) is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 15 min\.\)"),
    (20, r"Signature not yet current: (\d{8}T\d{6}Z) is still later than \d{8}T\d{6}Z \(\d{8}T\d{6}Z \+ 15 min\.\)"),
])
def test_a_request_signed_more_than_15_minutes_off(signed_eddy, monkeypatch, minutes, pattern):
    skew_signing_clock(monkeypatch, minutes)
    with pytest.raises(ClientError) as e:
        client(signed_eddy.endpoint).list_tables()
    assert e.value.response["Error"]["Code"] == "InvalidSignatureException"
    assert re.fullmatch(pattern, e.value.response["Error"]["Message"]), e.value.response["Error"]["Message"]
    skew_signing_clock(monkeypatch, minutes // 2)
    assert "TableNames" in client(signed_eddy.endpoint).list_tables()  # ten minutes off is fine


def test_a_gzip_body_signed_as_sent(signed_eddy):
    ddb = client(signed_eddy.endpoint)

    def compress(request, **kwargs):  # before-sign: the signature covers the compressed bytes
        request.data = gzip.compress(request.data if isinstance(request.data, bytes) else request.data.encode())
        request.headers["Content-Encoding"] = "gzip"

    ddb.meta.events.register("before-sign.dynamodb.ListTables", compress)
    assert "TableNames" in ddb.list_tables()


@pytest.mark.parametrize("authorization, code, message", [
    ("AWS4-", "IncompleteSignatureException",
     "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. "
     "Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-"),
    ("AWS4-HMAC-SHA256 Credential=a/b/c/d, SignedHeaders=host, Signature=00", "IncompleteSignatureException",
     "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got 'a/b/c/d'"),
    ("AWS4-HMAC-SHA256 Credential=AKIDEDDYTEST/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=x-amz-date, "
     "Signature=00", "InvalidSignatureException", "'Host' must be a 'SignedHeader' in the AWS Authorization."),
    ("Basic dXNlcjpwYXNz", "MissingAuthenticationTokenException", "Request is missing Authentication Token"),
])
def test_malformed_authorization_headers(signed_eddy, authorization, code, message):
    now = datetime.datetime.utcnow().strftime("%Y%m%dT%H%M%SZ")
    resp = raw_request(signed_eddy.endpoint, "ListTables", {}, headers={"Authorization": authorization,
                                                                        "X-Amz-Date": now})
    assert resp.status == 400
    assert_error(resp, code, message)


def presigned_target(endpoint, body, key, secret, region="us-east-1"):
    """A presigned request's target, signed here by hand (SigV4's query form)."""
    host = urllib.parse.urlparse(endpoint).netloc
    now = datetime.datetime.utcnow()
    amz_date, date = now.strftime("%Y%m%dT%H%M%SZ"), now.strftime("%Y%m%d")
    scope = f"{date}/{region}/dynamodb/aws4_request"
    query = {"X-Amz-Algorithm": "AWS4-HMAC-SHA256", "X-Amz-Credential": f"{key}/{scope}", "X-Amz-Date": amz_date,
             "X-Amz-Expires": "300", "X-Amz-SignedHeaders": "host;x-amz-target"}
    canonical_query = "&".join(f"{urllib.parse.quote(k, safe='-_.~')}={urllib.parse.quote(v, safe='-_.~')}"
                               for k, v in sorted(query.items()))
    canonical = "\n".join(["POST", "/", canonical_query, f"host:{host}", "x-amz-target:DynamoDB_20120810.ListTables",
                           "", "host;x-amz-target", hashlib.sha256(body).hexdigest()])
    to_sign = "\n".join(["AWS4-HMAC-SHA256", amz_date, scope, hashlib.sha256(canonical.encode()).hexdigest()])
    signing_key = ("AWS4" + secret).encode()
    for part in (date, region, "dynamodb", "aws4_request"):
        signing_key = hmac.new(signing_key, part.encode(), hashlib.sha256).digest()
    signature = hmac.new(signing_key, to_sign.encode(), hashlib.sha256).hexdigest()
    return "/?" + canonical_query + "&X-Amz-Signature=" + signature


def test_a_presigned_request(signed_eddy):
    body = b"{}"
    headers = {"Authorization": None, "X-Amz-Date": None}
    target = presigned_target(signed_eddy.endpoint, body, KEY, SECRET)
    resp = raw_request(signed_eddy.endpoint, "ListTables", body, headers=headers, path=target)
    assert resp.status == 200, resp
    wrong = presigned_target(signed_eddy.endpoint, body, KEY, "wrong")
    resp = raw_request(signed_eddy.endpoint, "ListTables", body, headers=headers, path=wrong)
    assert_error(resp, "InvalidSignatureException", None)
    assert resp.json["message"].startswith(MISMATCH)


def aws_cli(env, endpoint, key, secret, *args):
    env = dict(env, AWS_ACCESS_KEY_ID=key, AWS_SECRET_ACCESS_KEY=secret)
    return subprocess.run(["aws", "dynamodb", *args, "--endpoint-url", endpoint, "--output", "json"], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)


def test_aws_cli(signed_eddy, aws_cli_env):
    ok = aws_cli(aws_cli_env, signed_eddy.endpoint, KEY, SECRET, "list-tables")
    assert ok.returncode == 0, ok.stderr
    assert json.loads(ok.stdout) == {"TableNames": []}
    refused = aws_cli(aws_cli_env, signed_eddy.endpoint, "AKIDSTRANGER", SECRET, "list-tables")
    assert refused.returncode != 0
    assert ("An error occurred (UnrecognizedClientException) when calling the ListTables operation: "
            "The security token included in the request is invalid.") in refused.stderr


def test_credentials_from_a_file_and_the_environment(eddy_server, tmp_path, monkeypatch):
    path = tmp_path / "credentials"
    path.write_text(f"# eddy's keys\n{KEY}:{SECRET}\n\n")
    monkeypatch.setenv("EDDY_CREDENTIALS", f"{SECOND_KEY}:{SECOND_SECRET}, AKIDTHIRD:third")
    server = wait_until_healthy(eddy_server(["--credentials-file", str(path)], in_memory=True, wait=False))
    for key, secret in ((KEY, SECRET), (SECOND_KEY, SECOND_SECRET), ("AKIDTHIRD", "third")):
        assert client(server.endpoint, key, secret).list_tables()["TableNames"] == []
    with pytest.raises(ClientError) as e:
        client(server.endpoint, "AKIDSTRANGER").list_tables()
    assert e.value.response["Error"]["Code"] == "UnrecognizedClientException"


@pytest.mark.parametrize("args, message", [
    (["--credentials", "no-colon"], "eddy: credentials must be ACCESS_KEY_ID:SECRET_ACCESS_KEY, got 'no-colon'"),
    (["--credentials-file", "/nonexistent/credentials"], "eddy: cannot read credentials file /nonexistent/credentials"),
])
def test_bad_credentials_are_refused_at_start(eddy_server, args, message):
    result = eddy_server.run(["--in-memory", "--port", "0", *args])
    assert result.returncode == 2
    assert message in result.stdout


def test_without_credentials_any_signature_passes(client_factory):
    # The session's server runs without --credentials.
    assert "TableNames" in client_factory(key="anyone", secret="anything").list_tables()


def test_streams_tail_signs_with_the_environment_credentials(signed_eddy):
    ddb = client(signed_eddy.endpoint)
    ddb.create_table(TableName="t_tail", KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
                     AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
                     BillingMode="PAY_PER_REQUEST",
                     StreamSpecification={"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"})
    ddb.put_item(TableName="t_tail", Item={"pk": {"S": "a"}})
    args = [eddy_bin(), "streams", "tail", "t_tail", "--port", str(signed_eddy.port), "--from-start",
            "--max-records", "1"]
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    tail = subprocess.run(args, env=dict(env, AWS_ACCESS_KEY_ID=KEY, AWS_SECRET_ACCESS_KEY=SECRET),
                          capture_output=True, text=True, timeout=30)
    assert tail.returncode == 0, tail.stderr
    assert json.loads(tail.stdout)["dynamodb"]["Keys"] == {"pk": {"S": "a"}}
    refused = subprocess.run(args, env=dict(env, AWS_ACCESS_KEY_ID="AKIDSTRANGER", AWS_SECRET_ACCESS_KEY=SECRET),
                             capture_output=True, text=True, timeout=30)
    assert refused.returncode == 1
    assert refused.stderr == "eddy streams tail: The security token included in the request is invalid.\n"
