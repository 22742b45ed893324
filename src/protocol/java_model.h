// JavaStructure: one structure of DynamoDB's service model as its Java class prints it, its members
// in the model's order, each with its type. DynamoDB echoes a list or map that breaks a constraint
// with Java's toString of that class ("KeySchemaElement(attributeName=pk, keyType=HASH)"), so eddy
// needs the order and the type of every member, sent or not (unsent ones print "null").
//
// A type is written as a small expression:
//   ""                 a scalar: string, number, boolean
//   "<Structure>"      a structure of the model ("Projection"), or "AttributeValue"
//   "[<type>]"         a list of <type> ("[KeySchemaElement]", "[]" a list of strings)
//   "{<type>}"         a map of string to <type> ("{AttributeValue}", "{}" a map of strings)
// The table (java_model.cc) is written by scripts/java_model.py from botocore's copy of the model.
#pragma once

#include <span>
#include <string_view>

namespace eddy::protocol {

struct JavaMember {
  std::string_view name;  // as in the JSON ("AttributeName")
  std::string_view type;  // as above
};

struct JavaStructure {
  std::string_view name;
  std::span<const JavaMember> members;
};

// The structure named `name`, or nullptr when the table does not hold it.
const JavaStructure* java_structure(std::string_view name);

}  // namespace eddy::protocol
