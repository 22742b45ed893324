#!/usr/bin/env python3
"""Writes src/protocol/java_model.cc: the structures of DynamoDB's service model that a constraint
message can echo, each with its members in the model's order and their types, from botocore's copy of
the model (Debian's python3-botocore). DynamoDB prints an echoed value with Java's toString of its
model classes, which lists every member in this order (protocol/java_text.h).

  scripts/java_model.py > src/protocol/java_model.cc && clang-format -i src/protocol/java_model.cc
"""
import json
import sys

MODEL = "/usr/lib/python3/dist-packages/botocore/data/dynamodb/2012-08-10/service-2.json"
# The structures whose lists or maps carry a length constraint, and so are echoed.
ROOTS = ["KeySchemaElement", "AttributeDefinition", "WriteRequest", "KeysAndAttributes", "TransactWriteItem",
         "TransactGetItem", "ParameterizedStatement", "BatchStatementRequest", "GlobalSecondaryIndex",
         "LocalSecondaryIndex", "GlobalSecondaryIndexUpdate", "Tag", "ReplicationGroupUpdate"]
# Members AWS's classes print that the public model does not declare, as recorded from DynamoDB
# (a BatchWriteItem over 25 requests echoes "PutRequest(item={...}, workloadProfileName=null)").
HIDDEN = {"PutRequest": ["workloadProfileName"]}


def type_of(shapes, name):
    shape = shapes[name]
    kind = shape["type"]
    if kind == "structure":
        return name
    if kind == "list":
        return "[" + type_of(shapes, shape["member"]["shape"]) + "]"
    if kind == "map":
        return "{" + type_of(shapes, shape["value"]["shape"]) + "}"
    return ""


def reachable(shapes):
    seen, order, todo = set(), [], list(ROOTS)
    while todo:
        name = todo.pop(0)
        if name in seen or name == "AttributeValue":
            continue
        seen.add(name)
        order.append(name)
        for member in shapes[name]["members"].values():
            inner = member["shape"]
            while shapes[inner]["type"] in ("list", "map"):
                inner = shapes[inner].get("member", shapes[inner].get("value"))["shape"]
            if shapes[inner]["type"] == "structure":
                todo.append(inner)
    return sorted(order)


def main():
    shapes = json.load(open(MODEL))["shapes"]
    out = sys.stdout
    out.write("// The structures of DynamoDB's service model that constraint messages echo; see java_model.h.\n")
    out.write("// Written by scripts/java_model.py from botocore's copy of the model: do not edit by hand.\n")
    out.write('#include "protocol/java_model.h"\n\n#include <algorithm>\n#include <array>\n\n')
    out.write("namespace eddy::protocol {\nnamespace {\n\n")
    names = reachable(shapes)
    for name in names:
        members = [(m, type_of(shapes, s["shape"])) for m, s in shapes[name]["members"].items()]
        members += [(m, "") for m in HIDDEN.get(name, [])]
        body = ", ".join(f'{{"{m}", "{t}"}}' for m, t in members)
        out.write(f"constexpr JavaMember k{name}[] = {{{body}}};\n")
    out.write("\n// Sorted by name.\nconstexpr std::array<JavaStructure, %d> kStructures{{\n" % len(names))
    for name in names:
        out.write(f'    {{"{name}", k{name}}},\n')
    out.write("}};\n\n}  // namespace\n\n")
    out.write("const JavaStructure* java_structure(std::string_view name) {\n")
    out.write("  auto it = std::lower_bound(kStructures.begin(), kStructures.end(), name,\n")
    out.write("                             [](const JavaStructure& s, std::string_view n) { return s.name < n; });\n")
    out.write("  return it != kStructures.end() && it->name == name ? &*it : nullptr;\n}\n\n")
    out.write("}  // namespace eddy::protocol\n")


if __name__ == "__main__":
    main()
