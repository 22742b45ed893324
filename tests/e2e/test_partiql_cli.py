"""The AWS CLI's `aws dynamodb execute-statement`, as a new user tries it: the statement from the
issue (SELECT * FROM Music WHERE Artist='Acme'), parameters in the CLI's JSON shorthand, paging, and
an error as the CLI prints it (DynamoDB Local's text)."""
import json
import subprocess

import pytest

from conftest import unique_table_name

CLI_TIMEOUT_S = 60


@pytest.fixture
def aws(aws_cli_env, endpoint):
    def run(*args, ok=True):
        result = subprocess.run(["aws", "dynamodb", *args, "--endpoint-url", endpoint, "--output", "json"],
                                env=aws_cli_env, capture_output=True, text=True, timeout=CLI_TIMEOUT_S)
        if ok:
            assert result.returncode == 0, result.stderr
            return json.loads(result.stdout) if result.stdout.strip() else {}
        assert result.returncode != 0, result.stdout
        return result.stderr.strip()
    return run


def test_execute_statement_from_the_cli(aws, ddb):
    name = unique_table_name()
    ddb.create_table(TableName=name, BillingMode="PAY_PER_REQUEST",
                     KeySchema=[{"AttributeName": "Artist", "KeyType": "HASH"},
                                {"AttributeName": "SongTitle", "KeyType": "RANGE"}],
                     AttributeDefinitions=[{"AttributeName": "Artist", "AttributeType": "S"},
                                           {"AttributeName": "SongTitle", "AttributeType": "S"}])
    try:
        for title in ("Happy Day", "Sad Day", "Another Day"):
            aws("execute-statement", "--statement",
                f"INSERT INTO \"{name}\" VALUE {{'Artist': 'Acme', 'SongTitle': '{title}'}}")
        out = aws("execute-statement", "--statement", f"SELECT * FROM \"{name}\" WHERE Artist='Acme'")
        assert [i["SongTitle"]["S"] for i in out["Items"]] == ["Another Day", "Happy Day", "Sad Day"]
        out = aws("execute-statement", "--statement", f"SELECT SongTitle FROM \"{name}\" WHERE Artist=? AND SongTitle=?",
                  "--parameters", '[{"S": "Acme"}, {"S": "Sad Day"}]')
        assert out["Items"] == [{"SongTitle": {"S": "Sad Day"}}]
        page = aws("execute-statement", "--statement", f"SELECT * FROM \"{name}\" WHERE Artist='Acme'", "--limit", "2")
        assert len(page["Items"]) == 2 and page["NextToken"]
        rest = aws("execute-statement", "--statement", f"SELECT * FROM \"{name}\" WHERE Artist='Acme'",
                   "--next-token", page["NextToken"])
        assert [i["SongTitle"]["S"] for i in rest["Items"]] == ["Sad Day"]
        error = aws("execute-statement", "--statement", f"SELECT * FROM \"{name}\" WHERE Artist=", ok=False)
        assert ("An error occurred (ValidationException) when calling the ExecuteStatement operation: Statement wasn't "
                f"well formed, can't be processed: SELECT * FROM \"{name}\" WHERE Artist=") in error
    finally:
        ddb.delete_table(TableName=name)
