// The records of an incremental export (ExportType INCREMENTAL_EXPORT), one line per item changed
// in the export period, as DynamoDB writes them
// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/S3DataExport.Output.html):
//   json_line := '{"Metadata":{"WriteTimestampMicros":{"N":"<micros>"}},"Keys":' map
//                [',"OldImage":' map] [',"NewImage":' map] '}' '\n'
//   ion_line  := '$ion_1_0 {Metadata:{WriteTimestampMicros:<micros>},Keys:' struct
//                [',OldImage:' struct] [',NewImage:' struct] '}' '\n'
// WriteTimestampMicros is the time of the item's last change in the period. NewImage is the item at
// the end of the period (absent: it was deleted); OldImage, with the NEW_AND_OLD_IMAGES view only,
// the item just before the period (absent: it was made in the period).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "model/attribute_value.h"

namespace eddy::exports {

struct IncrementalRecord {
  uint64_t write_timestamp_micros = 0;
  Item keys;
  std::optional<Item> old_image;
  std::optional<Item> new_image;
};

// The record's DYNAMODB_JSON line, '\n' included.
std::string incremental_json_line(const IncrementalRecord& record);
// The record's ION line, '\n' included.
std::string incremental_ion_line(const IncrementalRecord& record);

}  // namespace eddy::exports
