// java_text: a request value as DynamoDB echoes it in a constraint message, which is Java's toString
// of the value's model class (DynamoDB is a Java service):
//   a structure      KeySchemaElement(attributeName=pk, keyType=HASH): every member of the model,
//                    in the model's order (protocol/java_model.h), one not sent as "null"
//   a list           [a, b]
//   a map            {table=[...], other=[...]}, in the order sent
//   a string         bare: pk
//   a number         as Java prints a Long: 5
//   an AttributeValue   AttributeValue(s=bw-0, n=null, b=null, iNT=null, ..., nULL=null, bOOL=null),
//                    with DynamoDB's internal members (iNT, dECIMAL, ...) as recorded from AWS
// `type` is the value's type expression (java_model.h); "" prints the JSON value by its JSON type.
#pragma once

#include <string>
#include <string_view>

#include "protocol/json.h"

namespace eddy::protocol {

std::string java_text(const JsonValue& value, std::string_view type);

}  // namespace eddy::protocol
