// An incremental export's records in both formats: the write time in microseconds, the keys, and
// the images present only when the item was there before or after the period.
#include "export/incremental_record.h"

#include <gtest/gtest.h>

namespace eddy::exports {
namespace {

IncrementalRecord updated() {
  IncrementalRecord record;
  record.write_timestamp_micros = 1893456120000000;
  record.keys = Item{{"pk", AttributeValue::string("a")}};
  record.old_image = Item{{"pk", AttributeValue::string("a")}, {"n", AttributeValue::number("1")}};
  record.new_image = Item{{"pk", AttributeValue::string("a")}, {"n", AttributeValue::number("2")}};
  return record;
}

TEST(IncrementalRecord, JsonLineHasMetadataKeysAndBothImages) {
  EXPECT_EQ(incremental_json_line(updated()),
            "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1893456120000000\"}},\"Keys\":{\"pk\":{\"S\":\"a\"}},"
            "\"OldImage\":{\"n\":{\"N\":\"1\"},\"pk\":{\"S\":\"a\"}},"
            "\"NewImage\":{\"n\":{\"N\":\"2\"},\"pk\":{\"S\":\"a\"}}}\n");
}

TEST(IncrementalRecord, ADeletionHasNoNewImage) {
  IncrementalRecord record = updated();
  record.new_image.reset();
  record.old_image.reset();
  EXPECT_EQ(incremental_json_line(record),
            "{\"Metadata\":{\"WriteTimestampMicros\":{\"N\":\"1893456120000000\"}},\"Keys\":{\"pk\":{\"S\":\"a\"}}}\n");
}

TEST(IncrementalRecord, IonLineHasTheSameMembers) {
  IncrementalRecord record = updated();
  record.old_image.reset();
  EXPECT_EQ(incremental_ion_line(record),
            "$ion_1_0 {Metadata:{WriteTimestampMicros:1893456120000000},Keys:{pk:\"a\"},NewImage:{n:2.,pk:\"a\"}}\n");
}

}  // namespace
}  // namespace eddy::exports
