"""The soak's item model: a key's content is a function of (key, version), so the expected state of
every item is known from the clients' logs and a half-applied write shows as content no version has.

A key is "<pk>|<sk>"; several keys share a partition so that the LSI has collections to order. Some
versions leave out the GSI's key (g) or the LSI's sort key (l): the indexes are sparse."""

TTL_BASE = 4102444800  # 2100-01-01: TTL is on, and no item expires during a soak


def key_of(client, j):
    return f"c{client}-p{j % 5}|k{j}"


def split(key):
    pk, sk = key.split("|")
    return pk, sk


def key_attrs(key):
    pk, sk = split(key)
    return {"pk": {"S": pk}, "sk": {"S": sk}}


def key_from_item(item):
    return f"{item['pk']['S']}|{item['sk']['S']}"


def content(key, version):
    item = key_attrs(key)
    item["v"] = {"N": str(version)}
    item["exp"] = {"N": str(TTL_BASE + version)}
    item["data"] = {"S": "x" * (version % 40 + 1)}
    item["m"] = {"M": {"v": {"N": str(version)}, "key": {"S": key}, "l": {"L": [{"N": str(version)}, {"BOOL": True}]}}}
    if version % 4 != 0:
        item["g"] = {"S": f"g{version % 3}"}
    if version % 5 != 0:
        item["l"] = {"N": str(version % 7)}
    return item


def gsi_projection(item):
    """by_g: KEYS_ONLY plus v (INCLUDE); only items that have g."""
    if "g" not in item:
        return None
    return {name: item[name] for name in ("pk", "sk", "g", "v")}


def lsi_projection(item):
    """by_l: ALL; only items that have l."""
    return dict(item) if "l" in item else None
