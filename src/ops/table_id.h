// A new table's TableId: a random UUID, as DynamoDB gives (CreateTable and the restores).
#pragma once

#include <string>

namespace eddy::ops {

std::string new_table_id();

}  // namespace eddy::ops
