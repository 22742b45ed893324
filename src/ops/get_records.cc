// GetRecords: https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_streams_GetRecords.html
// Up to Limit (at most 1,000) records and at most 1 MB; NextShardIterator is absent once a
// closed shard has been read to its end.
#include "model/result.h"
#include "ops/operations.h"
#include "ops/stream_operations.h"

namespace eddy::ops {

Result<std::string> get_records(RequestContext& context, const p::GetRecordsRequest& request) {
  EDDY_TRY(streams::Streams * streams, streams_of(context));
  std::string body;
  body.reserve(std::size_t{256} * 1024);  // typical full pages are hundreds of KB; grows at most a few times to 1 MB
  body = "{\"Records\":[";
  EDDY_TRY(auto page,
           streams->get_records(request.shard_iterator, static_cast<std::size_t>(request.limit.value_or(1000)), body));
  body += ']';
  if (page.next_iterator) {
    // Iterators are ARNs and base64: nothing in them needs JSON escaping.
    body += ",\"NextShardIterator\":\"";
    body += *page.next_iterator;
    body += '"';
  }
  body += '}';
  return body;
}

}  // namespace eddy::ops
