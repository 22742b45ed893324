"""--init PATH (repeatable) and --init-param K=V: tables from the user's own definitions at start
(docs/init.md). Each test starts its own eddy (eddy_only) over files it writes in tmp_path."""
import json
import pathlib

import pytest

from conftest import make_client

pytestmark = pytest.mark.eddy_only

SAM_TEMPLATE = """\
AWSTemplateFormatVersion: '2010-09-09'
Transform: AWS::Serverless-2016-10-31
Parameters:
  Stage:
    Type: String
    Default: dev
  Unused:
    Type: String
Resources:
  OrdersTable:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Sub "orders-${Stage}"
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
        - AttributeName: sk
          AttributeType: S
        - AttributeName: gsi1pk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
        - AttributeName: sk
          KeyType: RANGE
      GlobalSecondaryIndexes:
        - IndexName: gsi1
          KeySchema:
            - AttributeName: gsi1pk
              KeyType: HASH
          Projection:
            ProjectionType: KEYS_ONLY
      StreamSpecification:
        StreamViewType: NEW_AND_OLD_IMAGES
      TimeToLiveSpecification:
        AttributeName: expiresAt
        Enabled: true
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true
      KinesisStreamSpecification:
        StreamArn: !GetAtt Stream.Arn
      Tags:
        - Key: stage
          Value: !Ref Stage
  UsersTable:
    Type: AWS::Serverless::SimpleTable
    Properties:
      TableName:
        Fn::Sub: "users-${Stage}-${AWS::Region}"
      PrimaryKey:
        Name: userId
        Type: Number
      ProvisionedThroughput:
        ReadCapacityUnits: 5
        WriteCapacityUnits: "3"
  Handler:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Environment:
        Variables:
          TABLE: !Ref OrdersTable
          ARN: !GetAtt OrdersTable.Arn
"""


def write(path, text):
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text if isinstance(text, str) else json.dumps(text))
    return str(path)


def client_of(server):
    return make_client(server.endpoint)


def refused(eddy_server, args):
    """Runs eddy with `args`, which must make it exit non-zero; returns its output."""
    result = eddy_server.run(["--in-memory", "--port", "0"] + args)
    assert result.returncode != 0, result.stdout
    return result.stdout


def test_sam_template_in_yaml_with_sub_and_a_parameter(eddy_server, tmp_path):
    template = write(tmp_path / "template.yaml", SAM_TEMPLATE)
    server = eddy_server(["--init", template, "--init-param", "Stage=prod"], in_memory=True)
    ddb = client_of(server)
    assert sorted(ddb.list_tables()["TableNames"]) == ["orders-prod", "users-prod-us-east-1"]
    orders = ddb.describe_table(TableName="orders-prod")["Table"]
    assert orders["KeySchema"] == [{"AttributeName": "pk", "KeyType": "HASH"},
                                   {"AttributeName": "sk", "KeyType": "RANGE"}]
    assert orders["BillingModeSummary"]["BillingMode"] == "PAY_PER_REQUEST"
    assert [(i["IndexName"], i["Projection"]) for i in orders["GlobalSecondaryIndexes"]] == \
        [("gsi1", {"ProjectionType": "KEYS_ONLY"})]
    assert orders["StreamSpecification"] == {"StreamEnabled": True, "StreamViewType": "NEW_AND_OLD_IMAGES"}
    assert ddb.describe_time_to_live(TableName="orders-prod")["TimeToLiveDescription"] == \
        {"TimeToLiveStatus": "ENABLED", "AttributeName": "expiresAt"}
    assert ddb.list_tags_of_resource(ResourceArn=orders["TableArn"])["Tags"] == [{"Key": "stage", "Value": "prod"}]
    users = ddb.describe_table(TableName="users-prod-us-east-1")["Table"]
    assert users["AttributeDefinitions"] == [{"AttributeName": "userId", "AttributeType": "N"}]
    assert users["ProvisionedThroughput"]["ReadCapacityUnits"] == 5
    assert users["ProvisionedThroughput"]["WriteCapacityUnits"] == 3
    backups = ddb.describe_continuous_backups(TableName="orders-prod")["ContinuousBackupsDescription"]
    assert backups["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"] == "ENABLED"
    users_backups = ddb.describe_continuous_backups(TableName="users-prod-us-east-1")["ContinuousBackupsDescription"]
    assert users_backups["PointInTimeRecoveryDescription"]["PointInTimeRecoveryStatus"] == "DISABLED"
    output = server.output()
    assert "not applied by eddy: KinesisStreamSpecification" in output
    assert server.stop() == 0


def test_parameter_default_applies_without_init_param(eddy_server, tmp_path):
    template = write(tmp_path / "template.yml", SAM_TEMPLATE)
    server = eddy_server(["--init", template], in_memory=True)
    assert sorted(client_of(server).list_tables()["TableNames"]) == ["orders-dev", "users-dev-us-east-1"]
    assert server.stop() == 0


CDK_TEMPLATE = {
    "Parameters": {"BootstrapVersion": {"Type": "AWS::SSM::Parameter::Value<String>",
                                        "Default": "/cdk-bootstrap/hnb659fds/version"}},
    "Resources": {
        "EventsTableD24865E5": {
            "Type": "AWS::DynamoDB::GlobalTable",
            "Properties": {
                "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}],
                "BillingMode": "PAY_PER_REQUEST",
                "Replicas": [{"Region": {"Ref": "AWS::Region"},
                              "Tags": [{"Key": "app", "Value": "shop"}]}],
                "StreamSpecification": {"StreamViewType": "NEW_IMAGE"},
                "TableName": {"Fn::Join": ["-", [{"Ref": "AWS::StackName"}, "events"]]},
            },
            "UpdateReplacePolicy": "Retain", "DeletionPolicy": "Retain",
        },
        "CartsTable": {
            "Type": "AWS::DynamoDB::Table",
            "Properties": {
                "AttributeDefinitions": [{"AttributeName": "cartId", "AttributeType": "S"}],
                "KeySchema": [{"AttributeName": "cartId", "KeyType": "HASH"}],
                "ProvisionedThroughput": {"ReadCapacityUnits": 2, "WriteCapacityUnits": 2},
            },
        },
        "CDKMetadata": {"Type": "AWS::CDK::Metadata", "Properties": {"Analytics": "v2:deflate64:H4sI"}},
    },
}


def test_cdk_cloud_assembly(eddy_server, tmp_path):
    cdk_out = tmp_path / "cdk.out"
    write(cdk_out / "ShopStack.template.json", CDK_TEMPLATE)
    write(cdk_out / "ShopStack.assets.json", {"version": "36.0.0", "files": {}})
    write(cdk_out / "tree.json", {"version": "tree-0.1", "tree": {}})
    write(cdk_out / "manifest.json", {"version": "36.0.0", "artifacts": {
        "ShopStack.assets": {"type": "cdk:asset-manifest", "properties": {"file": "ShopStack.assets.json"}},
        "ShopStack": {"type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region",
                      "properties": {"templateFile": "ShopStack.template.json"}},
        "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}}}})
    server = eddy_server(["--init", str(cdk_out), "--init-param", "AWS::StackName=shop"], in_memory=True)
    ddb = client_of(server)
    # A table without TableName is named after its logical id.
    assert sorted(ddb.list_tables()["TableNames"]) == ["CartsTable", "shop-events"]
    events = ddb.describe_table(TableName="shop-events")["Table"]
    assert events["StreamSpecification"] == {"StreamEnabled": True, "StreamViewType": "NEW_IMAGE"}
    assert ddb.list_tags_of_resource(ResourceArn=events["TableArn"])["Tags"] == [{"Key": "app", "Value": "shop"}]
    carts = ddb.describe_table(TableName="CartsTable")["Table"]
    assert carts["ProvisionedThroughput"]["ReadCapacityUnits"] == 2
    assert server.stop() == 0


def create_request(name, **extra):
    return dict({"TableName": name, "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
                 "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}],
                 "BillingMode": "PAY_PER_REQUEST"}, **extra)


def puts(table, count, start=0):
    return {"RequestItems": {table: [{"PutRequest": {"Item": {"pk": {"S": f"item{i:03}"}, "n": {"N": str(i)}}}}
                                     for i in range(start, start + count)]}}


def scan_all(ddb, table):
    items, start = [], {}
    while True:
        page = ddb.scan(TableName=table, **start)
        items += page["Items"]
        if "LastEvaluatedKey" not in page:
            return items
        start = {"ExclusiveStartKey": page["LastEvaluatedKey"]}


def test_create_table_list_describe_output_and_items_across_a_restart(eddy_server, tmp_path):
    folder = tmp_path / "init"
    write(folder / "1-tables.json", [create_request("Products"),
                                     create_request("Orders", StreamSpecification={
                                         "StreamEnabled": True, "StreamViewType": "KEYS_ONLY"})])
    # A DescribeTable output, as `aws dynamodb describe-table` prints it.
    write(folder / "2-described.json", {"Table": {
        "TableName": "Audit", "TableStatus": "ACTIVE", "ItemCount": 7, "TableSizeBytes": 100,
        "TableArn": "arn:aws:dynamodb:eu-west-1:123456789012:table/Audit", "CreationDateTime": 1700000000.0,
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}, {"AttributeName": "at", "KeyType": "RANGE"}],
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"},
                                 {"AttributeName": "at", "AttributeType": "N"},
                                 {"AttributeName": "n", "AttributeType": "N"}],
        "ProvisionedThroughput": {"NumberOfDecreasesToday": 0, "ReadCapacityUnits": 4, "WriteCapacityUnits": 6,
                                  "LastIncreaseDateTime": 1700000000.0},
        "LocalSecondaryIndexes": [{"IndexName": "byPk", "IndexArn": "arn:x", "IndexSizeBytes": 0, "ItemCount": 0,
                                   "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"},
                                                 {"AttributeName": "n", "KeyType": "RANGE"}],
                                   "Projection": {"ProjectionType": "ALL"}}],
        "TableId": "c6f1e0e4-0000-0000-0000-000000000000"}})
    items = write(tmp_path / "items.json", puts("Products", 60))
    data_dir = tmp_path / "data"
    server = eddy_server(["--init", str(folder), "--init", items], data_dir=data_dir)
    ddb = client_of(server)
    assert sorted(ddb.list_tables()["TableNames"]) == ["Audit", "Orders", "Products"]
    audit = ddb.describe_table(TableName="Audit")["Table"]
    assert audit["ProvisionedThroughput"]["ReadCapacityUnits"] == 4
    assert audit["ProvisionedThroughput"]["WriteCapacityUnits"] == 6
    assert [i["IndexName"] for i in audit["LocalSecondaryIndexes"]] == ["byPk"]
    assert ddb.describe_table(TableName="Orders")["Table"]["StreamSpecification"]["StreamViewType"] == "KEYS_ONLY"
    loaded = scan_all(ddb, "Products")
    assert sorted(item["pk"]["S"] for item in loaded) == [f"item{i:03}" for i in range(60)]
    # The user's changes survive a restart with the same --init: nothing is created or loaded again.
    ddb.delete_item(TableName="Products", Key={"pk": {"S": "item007"}})
    ddb.update_item(TableName="Products", Key={"pk": {"S": "item008"}}, UpdateExpression="SET n = :v",
                    ExpressionAttributeValues={":v": {"N": "-1"}})
    ddb.delete_table(TableName="Orders")
    assert server.stop() == 0
    again = eddy_server(["--init", str(folder), "--init", items], data_dir=data_dir)
    ddb = client_of(again)
    assert sorted(ddb.list_tables()["TableNames"]) == ["Audit", "Orders", "Products"]
    assert "Item" not in ddb.get_item(TableName="Products", Key={"pk": {"S": "item007"}})
    assert ddb.get_item(TableName="Products", Key={"pk": {"S": "item008"}})["Item"]["n"] == {"N": "-1"}
    assert len(scan_all(ddb, "Products")) == 59
    output = again.output()
    assert "table Products exists; left as it is" in output
    assert "table Products was not created by this start; its items are not loaded" in output
    assert again.stop() == 0


def test_items_go_only_to_tables_this_start_created(eddy_server, tmp_path):
    tables = write(tmp_path / "tables.json", [create_request("Fresh")])
    items = write(tmp_path / "items.json", puts("Fresh", 3))
    server = eddy_server(["--init", tables, "--init", items], in_memory=True)
    assert len(scan_all(client_of(server), "Fresh")) == 3
    assert server.stop() == 0


def test_errors_name_the_file_the_resource_and_the_problem(eddy_server, tmp_path):
    template = write(tmp_path / "t.yaml", SAM_TEMPLATE.replace("!Ref Stage", "!Ref Unused"))
    output = refused(eddy_server, ["--init", template])
    assert (f"--init {template}, resource OrdersTable (AWS::DynamoDB::Table): Tags: Ref Unused: the parameter has "
            "no Default and no --init-param Unused=VALUE") in output

    bad_key = write(tmp_path / "bad.json", [create_request("Okay"), create_request(
        "Bad", KeySchema=[{"AttributeName": "missing", "KeyType": "HASH"}])])
    output = refused(eddy_server, ["--init", bad_key])
    assert f"--init {bad_key}, entry 2: Invalid KeySchema: Some index key attribute have no definition" in output

    output = refused(eddy_server, ["--init", str(tmp_path / "absent.yaml")])
    assert f"--init {tmp_path / 'absent.yaml'}: does not exist" in output

    broken = write(tmp_path / "broken.yaml", "Resources:\n  T: [unclosed\n")
    output = refused(eddy_server, ["--init", broken])
    assert f"--init {broken}: not valid YAML: line " in output

    orphan = write(tmp_path / "orphan.json", puts("Nowhere", 1))
    output = refused(eddy_server, ["--init", orphan])
    assert f"--init {orphan}: table Nowhere does not exist and no --init declares it" in output

    getatt = write(tmp_path / "getatt.json", {"Resources": {"T": {"Type": "AWS::DynamoDB::Table", "Properties": {
        "TableName": {"Fn::GetAtt": ["Other", "Name"]}}}}})
    output = refused(eddy_server, ["--init", getatt])
    assert (f"--init {getatt}, resource T (AWS::DynamoDB::Table): TableName: Fn::GetAtt is not resolved by "
            "eddy's --init") in output

    output = refused(eddy_server, ["--init", template, "--init-param", "novalue"])
    assert "--init-param takes NAME=VALUE, not novalue" in output


def test_a_failed_init_writes_nothing(eddy_server, tmp_path):
    """A file that cannot be read stops eddy before storage is touched, even after good files."""
    good = write(tmp_path / "a.json", [create_request("Good")])
    bad = write(tmp_path / "b.json", "[{")
    data_dir = tmp_path / "data"
    result = eddy_server.run(["--data-dir", str(data_dir), "--port", "0", "--init", good, "--init", bad])
    assert result.returncode != 0
    assert f"--init {bad}: is not valid JSON" in result.stdout
    server = eddy_server([], data_dir=data_dir)
    assert client_of(server).list_tables()["TableNames"] == []
    assert server.stop() == 0


def test_a_failed_item_load_leaves_no_table_behind(eddy_server, tmp_path):
    """The tables this start created are deleted again when a later step fails, so that the next
    start, with the file corrected, creates them and loads their items."""
    tables = write(tmp_path / "tables.json", [create_request("Kept"), create_request("Loaded")])
    items = puts("Loaded", 30)
    items["RequestItems"]["Loaded"][27]["PutRequest"]["Item"] = {"other": {"S": "no key"}}
    items_file = write(tmp_path / "items.json", items)
    data_dir = tmp_path / "data"
    result = eddy_server.run(["--data-dir", str(data_dir), "--port", "0", "--init", tables, "--init", items_file])
    assert result.returncode != 0
    assert (f"--init {items_file}: table Loaded, requests 26-30: The provided key element does not match the "
            "schema") in result.stdout
    write(items_file, puts("Loaded", 30))
    server = eddy_server(["--init", tables, "--init", items_file], data_dir=data_dir)
    ddb = client_of(server)
    assert sorted(ddb.list_tables()["TableNames"]) == ["Kept", "Loaded"]
    assert len(scan_all(ddb, "Loaded")) == 30
    assert server.stop() == 0
