// FunctionAnswer: what a function's response body means for its batch, by Lambda's rules
// (https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-batchfailurereporting.html):
//  - with ReportBatchItemFailures, {"batchItemFailures":[{"itemIdentifier":"<SequenceNumber>"}]}
//    retries from the lowest failed record; an empty list, null, an empty object or no body is
//    success; an empty, null or unknown itemIdentifier, or a key other than itemIdentifier, fails
//    the whole batch (as does an answer that is not JSON);
//  - with a tumbling window the answer must hold a "state" object (else the batch failed);
//  - otherwise any answer of a successful invocation is success.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace eddy::triggers {

struct FunctionAnswer {
  enum class Outcome { kSuccess, kPartialFailure, kMalformed };
  Outcome outcome = Outcome::kSuccess;
  std::size_t first_failed = 0;           // kPartialFailure: index in the batch of the lowest failed record
  std::optional<std::string> state_json;  // tumbling windows: the state returned
  std::string problem;                    // kMalformed: why, for the log
};

// `sequence_numbers`: the batch's records' SequenceNumbers, in batch order.
FunctionAnswer read_function_answer(std::string_view body, const std::vector<std::string>& sequence_numbers,
                                    bool report_batch_item_failures, bool tumbling_window);

}  // namespace eddy::triggers
