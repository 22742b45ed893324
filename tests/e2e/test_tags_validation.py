"""TagResource and UntagResource as DynamoDB validates and answers them: a Tag's Value is required,
the 128/256 length limits count characters (UTF-16 code units, as DynamoDB's validator), an index
ARN is refused, and both answer with an empty body. DynamoDB Local does not support tagging.
"""
import pytest

from e2e_helpers import assert_error, constraint, target, validation_errors

pytestmark = pytest.mark.skipif(target.is_dynamodb_local, reason="DynamoDB Local does not support tagging")


@pytest.fixture
def table_arn(ddb, make_table):
    name = make_table()
    return ddb.describe_table(TableName=name)["Table"]["TableArn"]


def test_tag_and_untag_answer_an_empty_body(raw, table_arn):
    resp = raw("TagResource", {"ResourceArn": table_arn, "Tags": [{"Key": "k", "Value": "v"}]})
    assert resp.status == 200 and resp.body == b"", resp
    resp = raw("UntagResource", {"ResourceArn": table_arn, "TagKeys": ["k"]})
    assert resp.status == 200 and resp.body == b"", resp


def test_value_is_required(raw, table_arn):
    resp = raw("TagResource", {"ResourceArn": table_arn, "Tags": [{"Key": "k"}]})
    assert_error(resp, "ValidationException",
                 validation_errors(constraint(None, "tags.1.member.value", "Member must not be null")))


def test_lengths_count_characters_not_bytes(raw, ddb, table_arn):
    key, value = "é" * 128, "ü" * 256  # 256 and 512 bytes in UTF-8
    resp = raw("TagResource", {"ResourceArn": table_arn, "Tags": [{"Key": key, "Value": value}]})
    assert resp.status == 200, resp
    assert ddb.list_tags_of_resource(ResourceArn=table_arn)["Tags"] == [{"Key": key, "Value": value}]
    resp = raw("TagResource", {"ResourceArn": table_arn, "Tags": [{"Key": "é" * 129, "Value": "v"}]})
    assert_error(resp, "ValidationException", validation_errors(
        constraint("é" * 129, "tags.1.member.key", "Member must have length less than or equal to 128")))


def test_index_arn_is_refused(raw, table_arn):
    arn = table_arn + "/index/by_x"
    resp = raw("TagResource", {"ResourceArn": arn, "Tags": [{"Key": "k", "Value": "v"}]})
    assert_error(resp, "ValidationException",
                 "One or more parameter values were invalid: Invalid resource arn provided, only table or stream is "
                 f"accepted. Provided resource arn: {arn}")


def test_key_and_value_pattern(raw, table_arn):
    pattern = "Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*"
    resp = raw("TagResource", {"ResourceArn": table_arn, "Tags": [{"Key": "ok é:/=+-@ 1", "Value": "fine"},
                                                                  {"Key": "a#", "Value": "b*"}]})
    assert_error(resp, "ValidationException", validation_errors(
        constraint("a#", "tags.2.member.key", pattern), constraint("b*", "tags.2.member.value", pattern)))


# A malformed ARN, as DynamoDB answers each form (recorded against the service): no "arn:" prefix;
# a DynamoDB ARN that names no table; any other ARN that is not a table's.
@pytest.mark.parametrize("target_name,extra", [
    ("TagResource", {"Tags": [{"Key": "k", "Value": "v"}]}),
    ("UntagResource", {"TagKeys": ["k"]}),
    ("ListTagsOfResource", {}),
])
@pytest.mark.parametrize("arn,message", [
    ("not-an-arn", "One or more parameter values were invalid: ARNs must start with 'arn:': not-an-arn"),
    ("arn:aws:dynamodb:us-east-1:000000000000:backup/b1",
     "One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: "
     "arn:aws:dynamodb:us-east-1:000000000000:backup/b1"),
    ("arn:aws:dynamodb", "Invalid TableArn: Invalid ResourceArn provided as input arn:aws:dynamodb"),
], ids=["no-arn-prefix", "not-a-table", "no-resource"])
def test_malformed_arns(raw, target_name, extra, arn, message):
    resp = raw(target_name, dict({"ResourceArn": arn}, **extra))
    assert_error(resp, "ValidationException", message)


# An ARN of another service is IAM's refusal of the DynamoDB action on that resource, in AWS's
# documented form "User: <principal> is not authorized to perform: <action> on resource: <arn>"
# (eddy has no IAM users: the principal is the account's root). Nothing is tagged.
@pytest.mark.parametrize("target_name,extra", [
    ("TagResource", {"Tags": [{"Key": "k", "Value": "v"}]}),
    ("UntagResource", {"TagKeys": ["k"]}),
    ("ListTagsOfResource", {}),
])
@pytest.mark.parametrize("arn", ["arn:aws:s3:::bucket", "arn:aws:s3:::bucket/table/x",
                                 "arn:aws:lambda:us-east-1:123456789012:function:f"])
def test_arn_of_another_service_is_access_denied(raw, target_name, extra, arn):
    resp = raw(target_name, dict({"ResourceArn": arn}, **extra))
    assert resp.status == 400, resp
    assert_error(resp, "AccessDeniedException",
                 f"User: arn:aws:iam::000000000000:root is not authorized to perform: dynamodb:{target_name} "
                 f"on resource: {arn}")
    assert resp.json["__type"] == "com.amazon.coral.service#AccessDeniedException"


def test_access_denied_leaves_the_table_untagged(raw, ddb, table_arn):
    name = table_arn.split("/")[-1]
    other = f"arn:aws:s3:::{name}"
    assert raw("TagResource", {"ResourceArn": other, "Tags": [{"Key": "k", "Value": "v"}]}).status == 400
    assert ddb.list_tags_of_resource(ResourceArn=table_arn)["Tags"] == []


def tags(count):
    return [{"Key": f"k{i}", "Value": "v"} for i in range(count)]


def test_at_most_50_tags_at_create_table(raw, ddb, make_table):
    name = make_table(Tags=tags(50))
    arn = ddb.describe_table(TableName=name)["Table"]["TableArn"]
    assert len(ddb.list_tags_of_resource(ResourceArn=arn)["Tags"]) == 50
    resp = raw("CreateTable", {"TableName": name + "_51", "BillingMode": "PAY_PER_REQUEST", "Tags": tags(51),
                               "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                               "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}]})
    assert_error(resp, "LimitExceededException", "The number of tags on the resource exceeds the limit of 50")
    assert raw("DescribeTable", {"TableName": name + "_51"}).status == 400


def test_tag_resource_counts_the_total(raw, ddb, make_table):
    name = make_table(Tags=tags(49))
    arn = ddb.describe_table(TableName=name)["Table"]["TableArn"]
    resp = raw("TagResource", {"ResourceArn": arn, "Tags": [{"Key": "k0", "Value": "replaced"},
                                                            {"Key": "new1", "Value": "v"}, {"Key": "new2", "Value": "v"}]})
    assert_error(resp, "LimitExceededException", "The number of tags on the resource exceeds the limit of 50")
    assert len(ddb.list_tags_of_resource(ResourceArn=arn)["Tags"]) == 49
    resp = raw("TagResource", {"ResourceArn": arn, "Tags": [{"Key": "k0", "Value": "replaced"}, {"Key": "new1", "Value": "v"}]})
    assert resp.status == 200, resp
    assert len(ddb.list_tags_of_resource(ResourceArn=arn)["Tags"]) == 50
