// Reading one request; see request_reader.h.
#include "http/request_reader.h"

namespace eddy::http {

namespace bhttp = boost::beast::http;

void prepare_request_parser(std::optional<RequestParser>& parser, const ListenerOptions& options) {
  parser.emplace();
  parser->body_limit(options.body_limit);
  parser->header_limit(static_cast<std::uint32_t>(options.header_limit));
}

ReadOutcome read_outcome(const boost::beast::error_code& error) {
  if (!error) return ReadOutcome::kRequest;
  if (error == bhttp::error::body_limit) return ReadOutcome::kBodyTooLarge;
  if (error == bhttp::error::end_of_stream || error == bhttp::error::partial_message) return ReadOutcome::kClosed;
  // Every other error of Beast's HTTP category is the request's: bad syntax, header_limit, ...
  if (error.category() == bhttp::make_error_code(bhttp::error::bad_method).category()) return ReadOutcome::kMalformed;
  return ReadOutcome::kFailed;
}

}  // namespace eddy::http
