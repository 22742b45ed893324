// YAML text as the JSON document the rest of --init reads (CloudFormation and SAM templates are
// the same data in either form). CloudFormation's short intrinsic forms become their long forms:
// `!Ref X` is {"Ref": "X"}, `!Sub S` is {"Fn::Sub": S}, `!GetAtt A.B` is {"Fn::GetAtt": ["A", "B"]},
// and any other `!Name V` is {"Fn::Name": V}. Every scalar stays a string (YAML's plain `5` and
// `true` too): CloudFormation itself turns strings into numbers and booleans where a property
// wants one, and so does cloudformation_table.cc. `~`, `null` and an empty plain value are JSON null.
#pragma once

#include <string>
#include <string_view>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::init {

// The first document of `text`; an error says where the YAML is malformed ("line 3, column 5: ...").
Result<void> read_yaml(std::string_view text, JsonDocument& document);

}  // namespace eddy::init
