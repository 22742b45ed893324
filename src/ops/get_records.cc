// GetRecords: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html
// Up to Limit (at most 1,000) records and at most 1 MB; NextShardIterator is absent once a
// closed shard has been read to its end.
#include "ops/operations.h"
#include "ops/stream_requests.h"
#include "protocol/request_fields.h"

namespace eddy::ops {

Result<std::string> get_records(RequestContext& context, const JsonValue& request) {
  auto iterator = read_string(request, "ShardIterator");
  if (!iterator) return fail(iterator.error());
  auto limit = read_integer(request, "Limit");
  if (!limit) return fail(limit.error());
  ConstraintViolations violations;
  violations.not_null("shardIterator", iterator->has_value());
  violations.length("shardIterator", *iterator, 1, 2048);
  if (*limit && **limit < 1) violations.integer_range("limit", *limit, 1, INT32_MAX);
  if (auto checked = violations.result(); !checked) return fail(checked.error());
  if (*limit && **limit > 1000) {
    return validation_error("One or more parameter values were invalid: Limit should be less than or equal to 1000");
  }
  auto service = stream_service(context);
  if (!service) return fail(service.error());
  std::string body;
  body.reserve(256 * 1024);  // typical full pages are hundreds of KB; grows at most a few times to 1 MB
  body = "{\"Records\":[";
  auto page = (*service)->get_records(**iterator, static_cast<std::size_t>(limit->value_or(1000)), body);
  if (!page) return fail(page.error());
  body += ']';
  if (page->next_iterator) {
    // Iterators are ARNs and base64: nothing in them needs JSON escaping.
    body += ",\"NextShardIterator\":\"";
    body += *page->next_iterator;
    body += '"';
  }
  body += '}';
  return body;
}

}  // namespace eddy::ops
