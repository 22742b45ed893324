"""The AWS CLI (Debian's awscli, AWS CLI v2) runs the shop scenario (support/orders.mjs) the way a
shell script would: create-table with its index and stream and `wait table-exists`,
batch-write-item from a file, conditional put-item and update-item, transact-write-items, query
paged with --max-items/--starting-token, delete-item, and the dynamodbstreams commands."""
import json
import os
import shutil
import subprocess

import pytest

import shop
from conftest import unique_table_name

AWS = os.environ.get("EDDY_AWS_CLI", "/usr/bin/aws")
CLI_TIMEOUT_S = 60


@pytest.fixture(scope="module")
def cli(endpoint, tmp_path_factory):
    if shutil.which(AWS) is None:
        pytest.skip(f"the AWS CLI ({AWS}) is not installed; scripts/install-deps.sh installs Debian's awscli")
    home = tmp_path_factory.mktemp("aws-cli")
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update({"AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret", "AWS_DEFAULT_REGION": "us-east-1",
                "AWS_PAGER": "", "AWS_CONFIG_FILE": str(home / "config"),
                "AWS_SHARED_CREDENTIALS_FILE": str(home / "credentials"), "HOME": str(home)})

    def run(service, *args, ok=True):
        result = subprocess.run([AWS, service, *args, "--endpoint-url", endpoint, "--output", "json"], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=CLI_TIMEOUT_S)
        if ok:
            assert result.returncode == 0, f"aws {service} {args[0]}: {result.stderr}"
            return json.loads(result.stdout) if result.stdout.strip() else {}
        assert result.returncode != 0, f"aws {service} {args[0]} succeeded: {result.stdout}"
        return result.stderr.strip()

    def write(name, value):
        path = home / name
        path.write_text(json.dumps(value))
        return f"file://{path}"

    run.write = write
    return run


@pytest.fixture(scope="module")
def table(cli):
    name = unique_table_name()
    index = shop.create_table_request(name)["GlobalSecondaryIndexes"]
    created = cli("dynamodb", "create-table", "--table-name", name, "--billing-mode", "PAY_PER_REQUEST",
                  "--attribute-definitions", *[f"AttributeName={a},AttributeType=S"
                                               for a in ("customerId", "orderId", "status", "createdAt")],
                  "--key-schema", "AttributeName=customerId,KeyType=HASH", "AttributeName=orderId,KeyType=RANGE",
                  "--global-secondary-indexes", cli.write("index.json", index),
                  "--stream-specification", "StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES")
    cli("dynamodb", "wait", "table-exists", "--table-name", name)
    yield name, created["TableDescription"]["LatestStreamArn"]
    cli("dynamodb", "delete-table", "--table-name", name)


def item(order):
    return json.dumps({k: {"N": str(v)} if isinstance(v, int) else {"S": v} for k, v in order.items()})


def key(customer, order_id):
    return json.dumps({"customerId": {"S": customer}, "orderId": {"S": order_id}})


def test_1_batch_write_and_a_refused_conditional_put(cli, table):
    name, _ = table
    requests = {name: [{"PutRequest": {"Item": json.loads(item(o))}} for o in shop.ORDERS]}
    assert cli("dynamodb", "batch-write-item", "--request-items", cli.write("seed.json", requests)) == {
        "UnprocessedItems": {}}
    error = cli("dynamodb", "put-item", "--table-name", name, "--item", item(shop.ORDERS[0]),
                "--condition-expression", "attribute_not_exists(orderId)", ok=False)
    assert error == ("An error occurred (ConditionalCheckFailedException) when calling the PutItem operation: "
                     "The conditional request failed")


def test_2_conditional_update_succeeds_once(cli, table):
    name, _ = table
    cancel = ("dynamodb", "update-item", "--table-name", name, "--key", key("alice", "o01"),
              "--update-expression", "SET #s = :c", "--condition-expression", "#s = :p",
              "--expression-attribute-names", '{"#s": "status"}',
              "--expression-attribute-values", '{":c": {"S": "CANCELLED"}, ":p": {"S": "PENDING"}}',
              "--return-values", "UPDATED_NEW")
    assert cli(*cancel) == {"Attributes": {"status": {"S": "CANCELLED"}}}
    assert "ConditionalCheckFailedException" in cli(*cancel, ok=False)


def test_3_transactions_commit_together_or_not_at_all(cli, table):
    name, _ = table
    names = {"#s": "status"}
    ship = {"Update": {"TableName": name, "Key": json.loads(key("alice", "o03")), "UpdateExpression": "SET #s = :s",
                       "ConditionExpression": "#s = :p", "ExpressionAttributeNames": names,
                       "ExpressionAttributeValues": {":s": {"S": "SHIPPED"}, ":p": {"S": "PENDING"}}}}
    create = {"Put": {"TableName": name, "Item": json.loads(item(shop.NEW_ORDER)),
                      "ConditionExpression": "attribute_not_exists(customerId)"}}
    assert cli("dynamodb", "transact-write-items", "--transact-items", cli.write("ship.json", [ship, create])) == {}
    ship_o05 = {"Update": {**ship["Update"], "Key": json.loads(key("alice", "o05"))}}
    check = {"ConditionCheck": {"TableName": name, "Key": json.loads(key("alice", "o01")),
                                "ConditionExpression": "#s = :p", "ExpressionAttributeNames": names,
                                "ExpressionAttributeValues": {":p": {"S": "PENDING"}}}}
    error = cli("dynamodb", "transact-write-items", "--transact-items", cli.write("refused.json", [ship_o05, check]),
                ok=False)
    assert error == ("An error occurred (TransactionCanceledException) when calling the TransactWriteItems operation: "
                     "Transaction cancelled, please refer cancellation reasons for specific reasons "
                     "[None, ConditionalCheckFailed]")
    got = cli("dynamodb", "get-item", "--table-name", name, "--key", key("alice", "o05"), "--consistent-read")
    assert got["Item"]["status"] == {"S": "PENDING"}


def test_4_queries_page_with_max_items_and_starting_token(cli, table):
    name, _ = table
    query = ("dynamodb", "query", "--table-name", name, "--key-condition-expression", "customerId = :c",
             "--expression-attribute-values", '{":c": {"S": "alice"}}', "--max-items", "3")
    pages, token = [], []
    while True:
        page = cli(*query, *token)
        pages.append([o["orderId"]["S"] for o in page["Items"]])
        if "NextToken" not in page:
            break
        token = ["--starting-token", page["NextToken"]]
    assert pages == [["o01", "o02", "o03"], ["o04", "o05", "o06"], ["o07"]]
    shipped = cli("dynamodb", "query", "--table-name", name, "--index-name", "byStatus", "--page-size", "2",
                  "--key-condition-expression", "#s = :s", "--expression-attribute-names", '{"#s": "status"}',
                  "--expression-attribute-values", '{":s": {"S": "SHIPPED"}}')
    assert [o["orderId"]["S"] for o in shipped["Items"]] == shop.SHIPPED_ORDER_IDS
    assert shipped["Count"] == 4


def test_5_dynamodbstreams_commands_read_every_change(cli, table):
    name, arn = table
    cli("dynamodb", "delete-item", "--table-name", name, "--key", key("bob", "o01"))
    shards = cli("dynamodbstreams", "describe-stream", "--stream-arn", arn)["StreamDescription"]["Shards"]
    records = []
    for shard in shards:
        iterator = cli("dynamodbstreams", "get-shard-iterator", "--stream-arn", arn, "--shard-id", shard["ShardId"],
                       "--shard-iterator-type", "TRIM_HORIZON")["ShardIterator"]
        records += cli("dynamodbstreams", "get-records", "--shard-iterator", iterator)["Records"]
    assert shop.events_by_key(records) == shop.EXPECTED_EVENTS
