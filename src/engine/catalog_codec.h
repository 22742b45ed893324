// The persisted form of a TableDefinition: a JSON document stored under 'c' <table name>.
// JSON keeps the catalog readable with `ldb` and easy to extend; it is read once at start.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/table_definition.h"

namespace eddy::engine {

std::string encode_table_definition(const TableDefinition& table);
std::optional<TableDefinition> decode_table_definition(std::string_view json);

}  // namespace eddy::engine
