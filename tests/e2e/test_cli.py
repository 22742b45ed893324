"""The AWS CLI against the server: the commands a README shows (create, put, get, list, delete)."""
import json
import subprocess
import uuid


def aws(env, endpoint, *args):
    result = subprocess.run(["aws", "dynamodb", *args, "--endpoint-url", endpoint, "--output", "json"],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode == 0, f"aws dynamodb {args[0]} failed: {result.stderr}"
    return json.loads(result.stdout) if result.stdout.strip() else {}


def test_readme_walkthrough(aws_cli_env, endpoint):
    name = f"t_{uuid.uuid4().hex[:8]}"
    created = aws(aws_cli_env, endpoint, "create-table", "--table-name", name,
                  "--attribute-definitions", "AttributeName=id,AttributeType=S",
                  "--key-schema", "AttributeName=id,KeyType=HASH", "--billing-mode", "PAY_PER_REQUEST")
    try:
        assert created["TableDescription"]["TableStatus"] == "ACTIVE"
        aws(aws_cli_env, endpoint, "put-item", "--table-name", name,
            "--item", '{"id": {"S": "1"}, "title": {"S": "hello"}, "views": {"N": "10"}}')
        got = aws(aws_cli_env, endpoint, "get-item", "--table-name", name, "--key", '{"id": {"S": "1"}}')
        assert got["Item"] == {"id": {"S": "1"}, "title": {"S": "hello"}, "views": {"N": "10"}}
        assert name in aws(aws_cli_env, endpoint, "list-tables")["TableNames"]
        described = aws(aws_cli_env, endpoint, "describe-table", "--table-name", name)
        assert described["Table"]["KeySchema"] == [{"AttributeName": "id", "KeyType": "HASH"}]
    finally:
        deleted = aws(aws_cli_env, endpoint, "delete-table", "--table-name", name)
    assert deleted["TableDescription"]["TableName"] == name
    assert name not in aws(aws_cli_env, endpoint, "list-tables")["TableNames"]


def test_cli_reports_errors(aws_cli_env, endpoint):
    result = subprocess.run(["aws", "dynamodb", "describe-table", "--table-name", f"t_none_{uuid.uuid4().hex[:6]}",
                             "--endpoint-url", endpoint], env=aws_cli_env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, timeout=60)
    assert result.returncode != 0
    assert "ResourceNotFoundException" in result.stderr
