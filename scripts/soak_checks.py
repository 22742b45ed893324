"""The soak's invariants (scripts/soak.py): what the clients' logs say must hold, checked against
eddy after every restart, and the webhook the trigger delivers to."""
import http.server
import json
import sys
import threading
import urllib.error
import urllib.request

from soak_model import content, gsi_projection, key_attrs, key_from_item, lsi_projection

SHOWN = 10  # differences printed per invariant


class InvariantFailed(Exception):
    pass


def fail(message):
    print(f"soak FAILED: {message}", file=sys.stderr, flush=True)
    raise InvariantFailed(message)


def canonical(item):
    return json.dumps(item, sort_keys=True)


def version_of(image):
    return int(image["v"]["N"]) if image else None


class Webhook:
    """The trigger's function: an HTTP server on loopback that keeps every record delivered to it."""

    def __init__(self):
        self.records = []
        self.lock = threading.Lock()
        hook = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                event = json.loads(body) if body else {}
                with hook.lock:
                    hook.records.extend(event.get("Records", []))
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", "4")
                    self.end_headers()
                    self.wfile.write(b"null")
                except OSError:  # eddy was killed while it waited for the answer: it delivers again
                    pass

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def snapshot(self):
        with self.lock:
            return list(self.records)

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def scan_all(ddb, **kwargs):
    items, start = [], None
    while True:
        page = ddb.scan(**kwargs, **({"ExclusiveStartKey": start} if start else {}))
        items += page["Items"]
        start = page.get("LastEvaluatedKey")
        if not start:
            return items


def compare(what, expected, actual):
    """expected and actual: canonical text -> description; fails with the first differences."""
    missing = [expected[k] for k in expected.keys() - actual.keys()]
    extra = [actual[k] for k in actual.keys() - expected.keys()]
    if missing or extra:
        fail(f"{what}: {len(missing)} expected entries missing, {len(extra)} unexpected entries; missing "
             f"{missing[:SHOWN]}; unexpected {extra[:SHOWN]}")


class Checker:
    def __init__(self, items, accounts, total, hook):
        self.items, self.accounts, self.total, self.hook = items, accounts, total, hook
        self.expected_events = {}  # key -> [(eventName, old version, new version)], the applied changes
        self.observed_events = {}  # key -> the same, as the stream has them
        self.stream_by_sequence = {}  # SequenceNumber -> (key, record's dynamodb part)
        self.sequence_order = {}  # key -> [SequenceNumber] in stream order
        self.shard_positions = {}  # ShardId -> last SequenceNumber read, or "closed" once read to its end
        self.stream_records = 0
        self.deliveries = 0

    # -- the clients' logs --------------------------------------------------------------------------

    def absorb(self, ddb, logs, states):
        """Applies the acknowledged writes to the expected state and decides each in-flight one by
        reading its item: it holds either the old version or the new one (checked whole later)."""
        stats = {"acked": 0, "in_flight": 0, "unsent": 0, "applied_in_flight": 0, "transfers": 0}
        for client, lines in enumerate(logs):
            state = states[client]
            pending, unsent = {}, False
            for entry in lines:
                status = entry["status"]
                if entry["op"] == "lost":
                    # refused connection: the request never reached eddy (it is still resolved below)
                    unsent = entry["error"].startswith("EndpointConnectionError")
                    continue
                if status == "unexpected":
                    fail(f"client {client} got an answer that should never come: {entry}")
                if entry["op"] == "transfer":
                    if status == "sent":
                        pending["transfer"] = entry
                    else:
                        pending.pop("transfer", None)
                        stats["transfers"] += status == "acked"
                    continue
                key = entry["key"]
                if status == "sent":
                    pending[key] = entry
                    continue
                del pending[key]
                if status == "acked":
                    stats["acked"] += 1
                    self.applied(state, key, entry["version"], entry["present"])
            for key, entry in pending.items():
                stats["unsent" if unsent else "in_flight"] += 1
                if key == "transfer" or entry["op"] == "stale":
                    continue
                if self.in_flight_applied(ddb, key, entry):
                    stats["applied_in_flight"] += 1
                    self.applied(state, key, entry["version"], entry["present"])
        return stats

    def applied(self, state, key, version, present):
        old_version, old_present = state[key]
        old = old_version if old_present else None
        new = version if present else None
        name = "REMOVE" if not present else ("MODIFY" if old_present else "INSERT")
        self.expected_events.setdefault(key, []).append((name, old, new))
        state[key] = [version, present]

    def in_flight_applied(self, ddb, key, entry):
        item = ddb.get_item(TableName=self.items, Key=key_attrs(key), ConsistentRead=True).get("Item")
        if entry["present"]:
            return item is not None and version_of(item) == entry["version"]
        return item is None

    # -- what eddy holds ----------------------------------------------------------------------------

    def check(self, ddb, streams, arn):
        base = scan_all(ddb, TableName=self.items, ConsistentRead=True)
        self.check_items(base)
        self.check_indexes(ddb, base)
        self.check_accounts(ddb)
        self.read_stream(streams, arn)
        self.check_stream()

    def check_items(self, base):
        expected = {}
        for key, events in self.expected_events.items():
            last = events[-1][2]
            if last is not None:
                expected[canonical(content(key, last))] = f"{key} at version {last}"
        actual = {canonical(item): item for item in base}
        compare("items (every acknowledged write present, nothing half-applied)", expected, actual)

    def check_indexes(self, ddb, base):
        for index, project in (("by_g", gsi_projection), ("by_l", lsi_projection)):
            expected = {}
            for item in base:
                projected = project(item)
                if projected is not None:
                    expected[canonical(projected)] = projected
            actual = {canonical(item): item for item in scan_all(ddb, TableName=self.items, IndexName=index)}
            compare(f"index {index} (a Scan of the index against the projection of the base table)", expected, actual)

    def check_accounts(self, ddb):
        balances = {a["pk"]["S"]: int(a["balance"]["N"]) for a in scan_all(ddb, TableName=self.accounts,
                                                                             ConsistentRead=True)}
        if sum(balances.values()) != self.total or min(balances.values()) < 0:
            fail(f"transfers: the balances sum to {sum(balances.values())}, not {self.total}: {balances}")

    def read_stream(self, streams, arn):
        shards, start = [], None
        while True:
            page = streams.describe_stream(StreamArn=arn, **({"ExclusiveStartShardId": start} if start else {}))
            shards += page["StreamDescription"]["Shards"]
            start = page["StreamDescription"].get("LastEvaluatedShardId")
            if not start:
                break
        for shard in shards:  # ShardId order: a parent before its children
            shard_id = shard["ShardId"]
            last = self.shard_positions.get(shard_id)
            if last == "closed":
                continue
            position = ({"ShardIteratorType": "AFTER_SEQUENCE_NUMBER", "SequenceNumber": last} if last
                        else {"ShardIteratorType": "TRIM_HORIZON"})
            iterator = streams.get_shard_iterator(StreamArn=arn, ShardId=shard_id, **position)["ShardIterator"]
            while iterator:
                page = streams.get_records(ShardIterator=iterator, Limit=1000)
                for record in page["Records"]:
                    self.take(record)
                    self.shard_positions[shard_id] = record["dynamodb"]["SequenceNumber"]
                iterator = page.get("NextShardIterator")
                if not page["Records"]:
                    break
            if not iterator and "EndingSequenceNumber" in shard["SequenceNumberRange"]:
                self.shard_positions[shard_id] = "closed"

    def take(self, record):
        body = record["dynamodb"]
        key = key_from_item(body["Keys"])
        old, new = body.get("OldImage"), body.get("NewImage")
        for image in (old, new):
            if image is not None and canonical(image) != canonical(content(key, version_of(image))):
                fail(f"stream: a record of {key} carries an image no write made: {record}")
        event = (record["eventName"], version_of(old), version_of(new))
        self.observed_events.setdefault(key, []).append(event)
        sequence = body["SequenceNumber"]
        if sequence in self.stream_by_sequence:
            fail(f"stream: sequence number {sequence} read twice")
        self.stream_by_sequence[sequence] = (key, canonical({n: body.get(n) for n in ("Keys", "OldImage", "NewImage")}))
        self.sequence_order.setdefault(key, []).append(sequence)
        self.stream_records += 1

    def check_stream(self):
        differ = [(key, self.expected_events.get(key, []), self.observed_events.get(key, []))
                  for key in self.expected_events.keys() | self.observed_events.keys()
                  if self.expected_events.get(key, []) != self.observed_events.get(key, [])]
        if differ:
            shown = [f"{key}: applied {want[-8:]} but the stream has {got[-8:]}" for key, want, got in differ[:SHOWN]]
            fail(f"stream: {len(differ)} keys' records are not exactly their applied changes in order "
                 f"(eventName, old v, new v):\n  " + "\n  ".join(shown))

    # -- the trigger --------------------------------------------------------------------------------

    def check_trigger(self, endpoint, mapping, timeout_s):
        url = f"{endpoint}/eddy/v1/triggers/{mapping}/wait?timeout_ms={int(timeout_s * 1000)}"
        try:
            with urllib.request.urlopen(url, timeout=timeout_s + 10) as answer:
                if not json.loads(answer.read()).get("delivered"):
                    fail("trigger: the wait answered without delivered: true")
        except urllib.error.HTTPError as e:
            fail(f"trigger: {url} answered {e.code} {e.read()!r}")
        delivered = self.hook.snapshot()
        self.deliveries = len(delivered)
        first_seen, order = set(), {}
        for record in delivered:
            body = record["dynamodb"]
            sequence = body["SequenceNumber"]
            if sequence not in self.stream_by_sequence:
                fail(f"trigger: a delivered record is not in the stream: {record}")
            key, text = self.stream_by_sequence[sequence]
            if canonical({n: body.get(n) for n in ("Keys", "OldImage", "NewImage")}) != text:
                fail(f"trigger: the delivered record {sequence} differs from the stream's: {record}")
            if sequence not in first_seen:
                first_seen.add(sequence)
                order.setdefault(key, []).append(sequence)
        missing = self.stream_by_sequence.keys() - first_seen
        if missing:
            fail(f"trigger: {len(missing)} stream records never delivered, e.g. "
                 f"{[self.stream_by_sequence[s][0] + ' ' + s for s in sorted(missing)[:SHOWN]]}")
        out_of_order = [key for key, sequences in self.sequence_order.items() if order.get(key) != sequences]
        if out_of_order:
            key = out_of_order[0]
            fail(f"trigger: {len(out_of_order)} keys' records first delivered out of stream order, e.g. {key}: "
                 f"stream {self.sequence_order[key][-8:]}, delivered {order.get(key, [])[-8:]}")
