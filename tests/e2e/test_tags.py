"""TagResource, UntagResource, ListTagsOfResource and DescribeLimits."""
import pytest
from botocore.exceptions import ClientError

from e2e_helpers import assert_error, target


@pytest.fixture
def table_arn(ddb, make_table):
    name = make_table()
    return ddb.describe_table(TableName=name)["Table"]["TableArn"]


def tags_of(ddb, arn):
    return sorted((t["Key"], t["Value"]) for t in ddb.list_tags_of_resource(ResourceArn=arn)["Tags"])


@pytest.mark.skipif(target.is_dynamodb_local, reason="DynamoDB Local does not support tagging")
def test_tag_list_replace_untag(ddb, table_arn):
    assert tags_of(ddb, table_arn) == []
    ddb.tag_resource(ResourceArn=table_arn, Tags=[{"Key": "team", "Value": "a"}, {"Key": "env", "Value": "dev"}])
    assert tags_of(ddb, table_arn) == [("env", "dev"), ("team", "a")]
    ddb.tag_resource(ResourceArn=table_arn, Tags=[{"Key": "team", "Value": "b"}])
    assert tags_of(ddb, table_arn) == [("env", "dev"), ("team", "b")]
    ddb.untag_resource(ResourceArn=table_arn, TagKeys=["env", "absent"])
    assert tags_of(ddb, table_arn) == [("team", "b")]


@pytest.mark.skipif(target.is_dynamodb_local, reason="DynamoDB Local does not support tagging")
def test_unknown_table_arn(ddb, table_arn):
    missing = table_arn.rsplit("/", 1)[0] + "/t_missing_table"
    with pytest.raises(ClientError) as e:
        ddb.list_tags_of_resource(ResourceArn=missing)
    assert_error(e, "ResourceNotFoundException", f"Requested resource not found: ResourcArn: {missing} not found")


@pytest.mark.skipif(target.is_dynamodb_local, reason="DynamoDB Local does not support tagging")
def test_malformed_arn(ddb):
    with pytest.raises(ClientError) as e:
        ddb.tag_resource(ResourceArn="not-an-arn", Tags=[{"Key": "k", "Value": "v"}])
    assert_error(e, "ValidationException",
                 "One or more parameter values were invalid: ARNs must start with 'arn:': not-an-arn")


def test_describe_limits(ddb):
    limits = ddb.describe_limits()
    for key in ("AccountMaxReadCapacityUnits", "AccountMaxWriteCapacityUnits", "TableMaxReadCapacityUnits",
                "TableMaxWriteCapacityUnits"):
        assert limits[key] > 0
