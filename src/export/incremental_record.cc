// Incremental export records; the grammar is in incremental_record.h.
#include "export/incremental_record.h"

#include "export/ion_format.h"
#include "protocol/attribute_value_json.h"

namespace eddy::exports {

std::string incremental_json_line(const IncrementalRecord& record) {
  std::string line = "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"";
  line += std::to_string(record.write_timestamp_micros);
  line += "\"}},\"Keys\":";
  line += attribute_map_to_json(record.keys);
  if (record.old_image) line += ",\"OldImage\":" + attribute_map_to_json(*record.old_image);
  if (record.new_image) line += ",\"NewImage\":" + attribute_map_to_json(*record.new_image);
  line += "}\n";
  return line;
}

std::string incremental_ion_line(const IncrementalRecord& record) {
  std::string line = "$ion_1_0 {Metadata:{WriteTimestampMicros:";
  line += std::to_string(record.write_timestamp_micros);
  line += "},Keys:";
  line += ion_struct(record.keys);
  if (record.old_image) line += ",OldImage:" + ion_struct(*record.old_image);
  if (record.new_image) line += ",NewImage:" + ion_struct(*record.new_image);
  line += "}\n";
  return line;
}

}  // namespace eddy::exports
