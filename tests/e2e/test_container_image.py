"""The container contract of docker/Dockerfile, without a container engine: the image's final stage
is read from the Dockerfile, and its ENTRYPOINT and HEALTHCHECK are run as the image would run them
(with this build's eddy in place of /usr/local/bin/eddy and a temporary folder standing in for the
working folder), with the commands compose files pass to amazon/dynamodb-local. docs/docker.md.

Each test starts its own eddy (eddy_only); the entrypoint listens on every address, and the tests
reach it through loopback only (127.0.0.1 and 127.0.0.2)."""
import json
import os
import shlex
import socket
import subprocess

import pytest

from conftest import REPO_ROOT, eddy_bin, free_port, make_client
from e2e_helpers import raw_request

pytestmark = pytest.mark.eddy_only

DOCKERFILE = REPO_ROOT / "docker" / "Dockerfile"
IMAGE_EDDY = "/usr/local/bin/eddy"
# The command of the compose file in AWS's DynamoDB Local guide ("Deploying DynamoDB locally").
AWS_GUIDE_COMMAND = "-jar DynamoDBLocal.jar -sharedDb -dbPath ./data"


def final_stage():
    """{instruction: [arguments, ...]} of the Dockerfile's last stage (continuations joined)."""
    text = DOCKERFILE.read_text().replace("\\\n", " ")
    stage = {}
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        instruction, _, rest = line.partition(" ")
        if instruction.upper() == "FROM":
            stage = {}
        stage.setdefault(instruction.upper(), []).append(rest.strip())
    return stage


def exec_form(text):
    """A JSON exec form, with this build's eddy for the image's."""
    argv = json.loads(text)
    return [eddy_bin() if arg == IMAGE_EDDY else arg for arg in argv]


def entrypoint():
    return exec_form(final_stage()["ENTRYPOINT"][-1])


def healthcheck():
    options, _, command = final_stage()["HEALTHCHECK"][-1].partition("CMD ")
    return options.split(), exec_form(command)


def working_folder(tmp_path):
    """Stands in for the image's WORKDIR, /home/dynamodblocal."""
    folder = tmp_path / "dynamodblocal"
    folder.mkdir(exist_ok=True)
    return folder


def start_entrypoint(eddy_server, workdir, command):
    """Runs ENTRYPOINT + command in `workdir`, as `docker run` would in the image's WORKDIR."""
    port = command[command.index("-port") + 1]
    return eddy_server(raw_args=entrypoint()[1:] + command, port=int(port), cwd=workdir)


def test_final_stage_is_the_small_image_the_contract_names():
    stage = final_stage()
    assert stage["FROM"] == ["scratch"]
    assert stage["USER"] == ["1000:1000"]
    assert stage["WORKDIR"] == ["/home/dynamodblocal"]
    assert stage["VOLUME"] == ["/data"]
    assert stage["EXPOSE"] == ["8000"]
    copied = " ".join(stage["COPY"])
    assert f"/build/eddy {IMAGE_EDDY}" in copied
    assert "/etc/ssl/certs/ca-certificates.crt" in copied
    assert "--chown=1000:1000 /rootfs/data/ /data/" in copied
    assert json.loads(stage["ENTRYPOINT"][-1]) == [IMAGE_EDDY, "--container"]
    options, command = healthcheck()
    assert command == [eddy_bin(), "healthcheck"]
    assert "--timeout=3s" in options


def test_the_aws_guide_compose_command_keeps_its_data_path(eddy_server, tmp_path):
    port = free_port()
    command = shlex.split(AWS_GUIDE_COMMAND) + ["-port", str(port)]
    home = working_folder(tmp_path)
    server = start_entrypoint(eddy_server, home, command)
    client = make_client(server.endpoint)
    client.create_table(TableName="Music", KeySchema=[{"AttributeName": "Artist", "KeyType": "HASH"}],
                        AttributeDefinitions=[{"AttributeName": "Artist", "AttributeType": "S"}],
                        BillingMode="PAY_PER_REQUEST")
    client.put_item(TableName="Music", Item={"Artist": {"S": "Acme Band"}})
    # Listening on every address, as a container must: another loopback address reaches it too.
    assert raw_request(f"http://127.0.0.2:{port}", "ListTables", {}).json == {"TableNames": ["Music"]}
    assert server.stop() == 0
    assert (home / "data" / "CURRENT").is_file(), os.listdir(home)
    output = server.log_path.read_text()
    assert f"listening on http://0.0.0.0:{port}" in output
    assert f"data folder: {home / 'data'}" in output
    again = start_entrypoint(eddy_server, home, command)
    got = make_client(again.endpoint).get_item(TableName="Music", Key={"Artist": {"S": "Acme Band"}})
    assert got["Item"] == {"Artist": {"S": "Acme Band"}}
    assert again.stop() == 0


def test_jvm_options_in_memory_cors_and_delayed_statuses(eddy_server, tmp_path):
    port = free_port()
    command = ["-Djava.library.path=./DynamoDBLocal_lib", "-Xmx256m", "-jar", "DynamoDBLocal.jar", "-inMemory",
               "-sharedDb", "-cors", "*", "-delayTransientStatuses", "-port", str(port)]
    home = working_folder(tmp_path)
    server = start_entrypoint(eddy_server, home, command)
    preflight = raw_request(server.endpoint, None, "", method="OPTIONS",
                            headers={"Origin": "http://localhost:3000", "Access-Control-Request-Method": "POST"})
    assert preflight.status == 200
    assert preflight.headers["access-control-allow-origin"] == "*"
    created = raw_request(server.endpoint, "CreateTable", {
        "TableName": "Delayed", "BillingMode": "PAY_PER_REQUEST",
        "KeySchema": [{"AttributeName": "pk", "KeyType": "HASH"}],
        "AttributeDefinitions": [{"AttributeName": "pk", "AttributeType": "S"}]})
    assert created.json["TableDescription"]["TableStatus"] == "CREATING"
    assert server.stop() == 0
    assert os.listdir(home) == []  # in memory: nothing in the working folder


def test_healthcheck_passes_when_eddy_answers(eddy_server):
    server = eddy_server(in_memory=True)
    _, command = healthcheck()
    result = subprocess.run(command + ["--port", str(server.port)], capture_output=True, text=True, timeout=10)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"eddy healthcheck: http://127.0.0.1:{server.port} answers ListTables\n"
    result = subprocess.run(command + ["--endpoint", f"http://localhost:{server.port}/"], capture_output=True,
                            text=True, timeout=10)
    assert result.returncode == 0, result.stderr
    assert server.stop() == 0


def test_healthcheck_fails_when_nothing_listens():
    port = free_port()
    _, command = healthcheck()
    result = subprocess.run(command + ["--port", str(port)], capture_output=True, text=True, timeout=10)
    assert result.returncode == 1
    assert result.stderr.startswith(f"eddy healthcheck: http://127.0.0.1:{port} is not healthy: "), result.stderr


def test_healthcheck_fails_when_the_answer_does_not_come_in_time():
    with socket.socket() as listener:  # accepts connections (the kernel's backlog) and never answers
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        _, command = healthcheck()
        result = subprocess.run(command + ["--port", str(port), "--timeout", "0.3"], capture_output=True, text=True,
                                timeout=10)
    assert result.returncode == 1
    assert "is not healthy" in result.stderr


def test_healthcheck_fails_on_an_error_answer():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        _, command = healthcheck()
        check = subprocess.Popen(command + ["--port", str(port)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 text=True)
        connection, _ = listener.accept()
        with connection:
            connection.settimeout(5)
            connection.recv(65536)
            body = b'{"__type":"com.amazon.coral.service#InternalFailure","message":"no"}'
            connection.sendall(b"HTTP/1.1 500 Internal Server Error\r\nContent-Length: %d\r\n\r\n%s" % (len(body), body))
        _, stderr = check.communicate(timeout=10)
    assert check.returncode == 1
    assert "ListTables answered 500" in stderr


@pytest.mark.parametrize("args", [["--bogus", "1"], ["--port"], ["--port", "http"], ["--port", "70000"],
                                  ["--endpoint", "http://127.0.0.1"], ["--timeout", "0"], ["--timeout", "soon"]])
def test_healthcheck_refuses_a_bad_command_line(args):
    result = subprocess.run([eddy_bin(), "healthcheck", *args], capture_output=True, text=True, timeout=10)
    assert result.returncode == 2
    assert "usage: eddy healthcheck" in result.stderr


def test_a_volume_that_served_dynamodb_local_gets_a_warning(eddy_server, tmp_path):
    """eddy cannot read DynamoDB Local's SQLite files; it says so, and keeps its own data beside them."""
    port = free_port()
    home = working_folder(tmp_path)
    (home / "data").mkdir()
    (home / "data" / "shared-local-instance.db").write_bytes(b"SQLite format 3\0")
    server = start_entrypoint(eddy_server, home, shlex.split(AWS_GUIDE_COMMAND) + ["-port", str(port)])
    assert raw_request(server.endpoint, "ListTables", {}).json == {"TableNames": []}
    assert server.stop() == 0
    assert (f" warning the data folder {home / 'data'} holds DynamoDB Local's database files "
            "(shared-local-instance.db); eddy does not read them: its tables are its own, kept beside them"
            in server.log_path.read_text())
    assert (home / "data" / "shared-local-instance.db").read_bytes() == b"SQLite format 3\0"
