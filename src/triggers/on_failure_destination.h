// OnFailureDestination: where a mapping writes Lambda's invocation record of a batch it gave up
// on (retries exhausted, records too old), in place of Lambda's SQS, SNS and S3 destinations:
//   file:///path/to/folder             one JSON file per record in that folder
//   arn:aws:dynamodb:REGION:ACCOUNT:table/NAME
//                                       one item in that eddy table: its partition key (a string)
//                                       holds the record's requestId, its sort key (a string, if
//                                       any) the timestamp, and the record's members are attributes
// The record (https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html):
//   {"requestContext":{"requestId","functionArn","condition","approximateInvokeCount"},
//    "responseContext":{"statusCode","executedVersion","functionError"},"version":"1.0",
//    "timestamp":"...Z","DDBStreamBatchInfo":{"shardId","startSequenceNumber","endSequenceNumber",
//    "approximateArrivalOfFirstRecord","approximateArrivalOfLastRecord","batchSize","streamArn"}}
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/database.h"
#include "model/api_error.h"

namespace eddy::triggers {

// What the invocation record says about the batch.
struct FailedBatch {
  std::string condition;       // "RetryAttemptsExhausted" or "RecordAgeExceeded"
  int64_t invoke_count = 0;    // approximateInvokeCount
  int status = 0;              // the last invocation's HTTP status (0: never invoked)
  std::string function_error;  // its X-Amz-Function-Error, empty for none
  std::string executed_version = "$LATEST";
  std::string function_arn;
  std::string shard_id;
  std::string stream_arn;
  std::string first_sequence;
  std::string last_sequence;
  double first_arrival = 0;  // ApproximateCreationDateTime of the first and last record
  double last_arrival = 0;
  std::size_t batch_size = 0;
};

// Lambda's invocation record, with a new requestId, timestamped `now`.
std::string invocation_record(const FailedBatch& batch, const std::string& request_id, double now);

class OnFailureDestination {
 public:
  // Checks a DestinationConfig.OnFailure.Destination (InvalidParameterValueException): a file:// URL
  // of an absolute folder, or the ARN of an existing eddy table whose keys are strings.
  static Result<OnFailureDestination> parse(std::string_view destination, engine::Database& database);

  // Writes the record (the folder is created if need be). An error is logged by the caller; the
  // batch is given up on all the same, as Lambda does when its destination fails.
  Result<void> send(const FailedBatch& batch, engine::Database& database, double now) const;

 private:
  Result<void> send_to_folder(const std::string& request_id, const std::string& record, double now) const;
  Result<void> send_to_table(const std::string& request_id, const std::string& record, engine::Database& database,
                             double now) const;

  std::string folder_;      // file:// destinations
  std::string table_name_;  // table destinations
};

}  // namespace eddy::triggers
