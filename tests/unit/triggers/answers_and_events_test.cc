// The function's answers (batch item failures, tumbling-window state), Lambda's event and record
// rendering, and the persisted forms of mappings and checkpoints.
#include <gtest/gtest.h>

#include "triggers/checkpoint.h"
#include "triggers/function_answer.h"
#include "triggers/lambda_event.h"
#include "triggers/mapping_codec.h"

namespace eddy::triggers {
namespace {

const std::vector<std::string> kBatch = {"100", "200", "300", "400"};

TEST(FunctionAnswer, AnythingIsSuccessWithoutReportBatchItemFailures) {
  EXPECT_EQ(read_function_answer("not json", kBatch, false, false).outcome, FunctionAnswer::Outcome::kSuccess);
}

TEST(FunctionAnswer, BatchItemFailuresRetryFromTheLowest) {
  auto answer = read_function_answer(R"({"batchItemFailures":[{"itemIdentifier":"400"},{"itemIdentifier":"200"}]})",
                                     kBatch, true, false);
  EXPECT_EQ(answer.outcome, FunctionAnswer::Outcome::kPartialFailure);
  EXPECT_EQ(answer.first_failed, 1u);
}

TEST(FunctionAnswer, EmptyNullAndNoBodyAreSuccess) {
  for (const char* body : {"", "null", "{}", R"({"batchItemFailures":[]})", R"({"batchItemFailures":null})"}) {
    EXPECT_EQ(read_function_answer(body, kBatch, true, false).outcome, FunctionAnswer::Outcome::kSuccess) << body;
  }
}

TEST(FunctionAnswer, MalformedAnswersFailTheWholeBatch) {
  for (const char* body :
       {"oops", "[1]", R"({"batchItemFailures":{}})", R"({"batchItemFailures":[{"itemIdentifier":""}]})",
        R"({"batchItemFailures":[{"itemIdentifier":null}]})", R"({"batchItemFailures":[{"itemIdentifier":"999"}]})",
        R"({"batchItemFailures":[{"id":"100"}]})"}) {
    EXPECT_EQ(read_function_answer(body, kBatch, true, false).outcome, FunctionAnswer::Outcome::kMalformed) << body;
  }
}

TEST(FunctionAnswer, TumblingWindowsNeedAState) {
  auto answer = read_function_answer(R"({"state":{"n":2}})", kBatch, false, true);
  EXPECT_EQ(answer.outcome, FunctionAnswer::Outcome::kSuccess);
  EXPECT_EQ(answer.state_json, R"({"n":2})");
  EXPECT_EQ(read_function_answer("null", kBatch, false, true).outcome, FunctionAnswer::Outcome::kMalformed);
  EXPECT_EQ(read_function_answer(R"({"state":1})", kBatch, false, true).outcome, FunctionAnswer::Outcome::kMalformed);
}

TEST(LambdaEvent, RecordEndsWithTheStreamArn) {
  std::string stored = R"({"eventID":"e","eventName":"INSERT","dynamodb":{"SequenceNumber":"1"}})";
  EXPECT_EQ(lambda_record(stored, "arn:s"),
            R"({"eventID":"e","eventName":"INSERT","dynamodb":{"SequenceNumber":"1"},"eventSourceARN":"arn:s"})");
}

TEST(LambdaEvent, TtlDeletionKeepsItsUserIdentityInLambdasWords) {
  std::string stored =
      R"({"eventName":"REMOVE","userIdentity":{"PrincipalId":"dynamodb.amazonaws.com","Type":"Service"}})";
  EXPECT_EQ(lambda_record(stored, "arn:s"),
            R"({"eventName":"REMOVE","userIdentity":{"type":"Service","principalId":"dynamodb.amazonaws.com"},)"
            R"("eventSourceARN":"arn:s"})");
}

TEST(LambdaEvent, EventsWithAndWithoutAWindow) {
  std::string a = R"({"a":1})", b = R"({"b":2})";
  EXPECT_EQ(records_event({&a, &b}, "arn:s"), R"({"Records":[{"a":1},{"b":2}]})");
  WindowFields window{1767225600, 1767225630, R"({"n":1})", "shardId-1", true, false};
  EXPECT_EQ(records_event({}, "arn:s", &window),
            R"({"Records":[],"window":{"start":"2026-01-01T00:00:00Z","end":"2026-01-01T00:00:30Z"},)"
            R"("state":{"n":1},"shardId":"shardId-1","eventSourceARN":"arn:s","isFinalInvokeForWindow":true,)"
            R"("isWindowTerminatedEarly":false})");
  EXPECT_EQ(iso_millis(1767225600.25), "2026-01-01T00:00:00.250Z");
}

TEST(MappingCodec, RoundTrips) {
  EventSourceMapping mapping;
  mapping.uuid = "u-1";
  mapping.event_source_arn = "arn:aws:dynamodb:us-east-1:000000000000:table/t/stream/2026-01-01T00:00:00.000";
  mapping.starting_position = StartingPosition::kTrimHorizon;
  mapping.settings.function_name = "orders";
  mapping.settings.enabled = false;
  mapping.settings.batch_size = 7;
  mapping.settings.filter_patterns = {R"({"eventName":["INSERT"]})"};
  mapping.settings.has_filter_criteria = true;
  mapping.settings.on_failure_destination = "file:///tmp/x";
  mapping.settings.tumbling_window_seconds = 30;
  mapping.settings.report_batch_item_failures = true;
  mapping.function_arn = "arn:aws:lambda:us-east-1:000000000000:function:orders";
  mapping.created_at = 1767225600.5;
  mapping.last_modified = 1767225601.25;
  mapping.origin = MappingOrigin::kFile;
  auto decoded = decode_mapping(encode_mapping(mapping));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->uuid, mapping.uuid);
  EXPECT_EQ(decoded->event_source_arn, mapping.event_source_arn);
  EXPECT_EQ(decoded->starting_position, mapping.starting_position);
  EXPECT_EQ(decoded->settings, mapping.settings);
  EXPECT_EQ(decoded->function_arn, mapping.function_arn);
  EXPECT_EQ(decoded->origin, MappingOrigin::kFile);
  EXPECT_DOUBLE_EQ(decoded->last_modified, mapping.last_modified);
  EXPECT_FALSE(decode_mapping("garbage").has_value());
}

TEST(CheckpointCodec, RoundTripsWithAnOpenWindow) {
  Checkpoint checkpoint{12345, false, WindowState{true, 1767225600, R"({"n":3})"}};
  auto decoded = decode_checkpoint(encode_checkpoint(checkpoint));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->position, 12345u);
  EXPECT_FALSE(decoded->finished);
  EXPECT_TRUE(decoded->window.open);
  EXPECT_DOUBLE_EQ(decoded->window.start, 1767225600);
  EXPECT_EQ(decoded->window.state_json, R"({"n":3})");
  auto closed = decode_checkpoint(encode_checkpoint(Checkpoint{9, true, {}}));
  ASSERT_TRUE(closed.has_value());
  EXPECT_TRUE(closed->finished);
  EXPECT_FALSE(closed->window.open);
}

}  // namespace
}  // namespace eddy::triggers
