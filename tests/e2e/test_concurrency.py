"""Isolation of single-item writes: an update or a conditional write is atomic against concurrent
requests on the same item. Each thread has its own boto3 client (clients are not shared across
threads), and every thread's work is bounded.
"""
import threading

from botocore.exceptions import ClientError

CLIENTS = 8
INCREMENTS = 1000
RACERS = 16


def run_threads(count, work):
    errors = []

    def guarded(i):
        try:
            work(i)
        except Exception as e:  # reported below, with the thread that failed
            errors.append((i, repr(e)))

    threads = [threading.Thread(target=guarded, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not any(t.is_alive() for t in threads), "a thread did not finish"
    assert not errors, errors


def test_concurrent_add_loses_no_increment(ddb, client_factory, make_table):
    table = make_table("pk:S")
    clients = [client_factory() for _ in range(CLIENTS)]

    def add(i):
        for _ in range(INCREMENTS):
            clients[i].update_item(TableName=table, Key={"pk": {"S": "counter"}}, UpdateExpression="ADD n :one",
                                   ExpressionAttributeValues={":one": {"N": "1"}})

    run_threads(CLIENTS, add)
    item = ddb.get_item(TableName=table, Key={"pk": {"S": "counter"}}, ConsistentRead=True)["Item"]
    assert item["n"] == {"N": str(CLIENTS * INCREMENTS)}


def test_exactly_one_conditional_put_wins(ddb, client_factory, make_table):
    table = make_table("pk:S")
    clients = [client_factory() for _ in range(RACERS)]
    start = threading.Barrier(RACERS)
    winners, losers = [], []

    def race(i):
        start.wait(timeout=30)
        try:
            clients[i].put_item(TableName=table, Item={"pk": {"S": "prize"}, "winner": {"N": str(i)}},
                                ConditionExpression="attribute_not_exists(pk)")
            winners.append(i)
        except ClientError as e:
            assert e.response["Error"]["Code"] == "ConditionalCheckFailedException"
            losers.append(i)

    for round_number in range(5):
        ddb.delete_item(TableName=table, Key={"pk": {"S": "prize"}})
        winners.clear()
        losers.clear()
        start.reset()
        run_threads(RACERS, race)
        assert len(winners) == 1, f"round {round_number}: winners {winners}"
        assert len(losers) == RACERS - 1
        item = ddb.get_item(TableName=table, Key={"pk": {"S": "prize"}}, ConsistentRead=True)["Item"]
        assert item["winner"] == {"N": str(winners[0])}
