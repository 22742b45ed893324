// The manifests' texts, field by field in DynamoDB's order, and their times.
#include "export/manifest.h"

#include <gtest/gtest.h>

namespace eddy::exports {
namespace {

TEST(Manifest, SummaryHasDynamoDbsFieldsInOrder) {
  ExportManifest m;
  m.export_arn = "arn:aws:dynamodb:us-east-1:000000000000:table/T/export/01604474914028-a1b2c3d4";
  m.start_time = 1604474914.028;
  m.end_time = 1604475223.897;
  m.table_arn = "arn:aws:dynamodb:us-east-1:000000000000:table/T";
  m.table_id = "id";
  m.export_time = 1604474914.028;
  m.s3_bucket = "b";
  m.manifest_files_key = "AWSDynamoDB/01604474914028-a1b2c3d4/manifest-files.json";
  m.billed_size_bytes = 10;
  m.item_count = 2;
  EXPECT_EQ(manifest_summary_json(m),
            "{\"version\":\"2020-06-30\",\"exportArn\":\"" + m.export_arn +
                "\",\"startTime\":\"2020-11-04T07:28:34.028Z\",\"endTime\":\"2020-11-04T07:33:43.897Z\","
                "\"tableArn\":\"" +
                m.table_arn +
                "\",\"tableId\":\"id\",\"exportTime\":\"2020-11-04T07:28:34.028Z\","
                "\"s3Bucket\":\"b\",\"s3Prefix\":null,\"s3SseAlgorithm\":\"AES256\",\"s3SseKmsKeyId\":null,"
                "\"manifestFilesS3Key\":\"" +
                m.manifest_files_key +
                "\",\"billedSizeBytes\":10,\"itemCount\":2,\"outputFormat\":\"DYNAMODB_JSON\","
                "\"exportType\":\"FULL_EXPORT\"}\n");
}

TEST(Manifest, FilesRoundTrip) {
  std::vector<DataFileEntry> files{
      {3, "sQMSpEILNgoQmarvDFonGQ==", "b10312a4420b360a1099aaef0c5a2719", "k/data/a.json.gz"}};
  std::string text = manifest_files_json(files);
  EXPECT_EQ(
      text,
      "{\"itemCount\":3,\"md5Checksum\":\"sQMSpEILNgoQmarvDFonGQ==\",\"etag\":\"b10312a4420b360a1099aaef0c5a2719\","
      "\"dataFileS3Key\":\"k/data/a.json.gz\"}\n");
  auto read = read_manifest_files(text + "\n");
  ASSERT_TRUE(read.has_value());
  ASSERT_EQ(read->size(), 1u);
  EXPECT_EQ((*read)[0].data_file_key, "k/data/a.json.gz");
  EXPECT_EQ((*read)[0].item_count, 3);
  EXPECT_FALSE(read_manifest_files("{\"itemCount\":1}").has_value());
}

TEST(Manifest, Md5AndTimes) {
  EXPECT_EQ(hex(md5("")), "d41d8cd98f00b204e9800998ecf8427e");
  EXPECT_EQ(iso8601_milliseconds(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(iso8601_milliseconds(1.9996), "1970-01-01T00:00:02.000Z");
}

}  // namespace
}  // namespace eddy::exports
