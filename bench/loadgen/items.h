// The JSON of the benchmark's tables and items. Items are about 200 bytes by DynamoDB's size rules:
// a string key, a number counter and a 170-byte string of incompressible text.
#pragma once

#include <cstdint>
#include <string>

namespace eddy::bench {

// "k0000042": the keys of the preloaded tables, so a GetItem can pick any of them at random.
std::string preloaded_key(std::uint64_t index);

// {"pk":{"S":key},"c":{"N":"0"},"data":{"S":<170 bytes>}}; the text varies with the key.
std::string item_json(const std::string& key);

// The same with a numeric sort key, for the Query table.
std::string item_json_with_sort(const std::string& key, std::uint64_t sort);

// A BatchWriteItem body of PutRequests for keys first..first+count-1 made by key_of.
std::string batch_put_json(const std::string& table, std::uint64_t first, std::uint64_t count,
                           const std::string& key_prefix);

// CreateTable: pk (S) hash key, optional sk (N) range key, optional stream of NEW_AND_OLD_IMAGES.
std::string create_table_json(const std::string& table, bool with_sort_key, bool with_stream);

}  // namespace eddy::bench
