// Maps each ErrorCode to DynamoDB's __type (with its namespace) and HTTP status.
#include "model/api_error.h"

namespace eddy {
namespace {

struct ErrorInfo {
  const char* type;
  int status;
};

// DynamoDB's own errors live in com.amazonaws.dynamodb.v20120810; errors raised by the
// request framework before the service sees the request live in com.amazon.coral.service.
ErrorInfo info(ErrorCode code) {
  switch (code) {
    case ErrorCode::kValidation: return {"com.amazon.coral.validate#ValidationException", 400};
    case ErrorCode::kSerialization: return {"com.amazon.coral.service#SerializationException", 400};
    case ErrorCode::kUnknownOperation: return {"com.amazon.coral.service#UnknownOperationException", 400};
    case ErrorCode::kMissingAuthenticationToken:
      return {"com.amazon.coral.service#MissingAuthenticationTokenException", 400};
    case ErrorCode::kIncompleteSignature: return {"com.amazon.coral.service#IncompleteSignatureException", 400};
    case ErrorCode::kResourceNotFound: return {"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException", 400};
    case ErrorCode::kResourceInUse: return {"com.amazonaws.dynamodb.v20120810#ResourceInUseException", 400};
    case ErrorCode::kConditionalCheckFailed:
      return {"com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException", 400};
    case ErrorCode::kTransactionCanceled: return {"com.amazonaws.dynamodb.v20120810#TransactionCanceledException", 400};
    case ErrorCode::kTransactionConflict: return {"com.amazonaws.dynamodb.v20120810#TransactionConflictException", 400};
    case ErrorCode::kTransactionInProgress:
      return {"com.amazonaws.dynamodb.v20120810#TransactionInProgressException", 400};
    case ErrorCode::kIdempotentParameterMismatch:
      return {"com.amazonaws.dynamodb.v20120810#IdempotentParameterMismatchException", 400};
    case ErrorCode::kItemCollectionSizeLimitExceeded:
      return {"com.amazonaws.dynamodb.v20120810#ItemCollectionSizeLimitExceededException", 400};
    case ErrorCode::kLimitExceeded: return {"com.amazonaws.dynamodb.v20120810#LimitExceededException", 400};
    case ErrorCode::kProvisionedThroughputExceeded:
      return {"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException", 400};
    case ErrorCode::kRequestLimitExceeded: return {"com.amazonaws.dynamodb.v20120810#RequestLimitExceeded", 400};
    case ErrorCode::kExpiredIterator: return {"com.amazonaws.dynamodb.v20120810#ExpiredIteratorException", 400};
    case ErrorCode::kTrimmedDataAccess: return {"com.amazonaws.dynamodb.v20120810#TrimmedDataAccessException", 400};
    case ErrorCode::kAccessDenied: return {"com.amazon.coral.service#AccessDeniedException", 400};
    case ErrorCode::kRequestEntityTooLarge: return {"com.amazon.coral.service#RequestEntityTooLarge", 413};
    case ErrorCode::kUnrecognizedClient: return {"com.amazon.coral.service#UnrecognizedClientException", 400};
    case ErrorCode::kInvalidSignature: return {"com.amazon.coral.service#InvalidSignatureException", 400};
    case ErrorCode::kDuplicateItem: return {"com.amazonaws.dynamodb.v20120810#DuplicateItemException", 400};
    case ErrorCode::kExportNotFound: return {"com.amazonaws.dynamodb.v20120810#ExportNotFoundException", 400};
    case ErrorCode::kImportNotFound: return {"com.amazonaws.dynamodb.v20120810#ImportNotFoundException", 400};
    case ErrorCode::kInvalidExportTime: return {"com.amazonaws.dynamodb.v20120810#InvalidExportTimeException", 400};
    case ErrorCode::kExportConflict: return {"com.amazonaws.dynamodb.v20120810#ExportConflictException", 400};
    case ErrorCode::kImportConflict: return {"com.amazonaws.dynamodb.v20120810#ImportConflictException", 400};
    case ErrorCode::kInternalServerError: return {"com.amazonaws.dynamodb.v20120810#InternalServerError", 500};
    // Throttling of the request rate itself is the availability framework's, before the service.
    case ErrorCode::kThrottling: return {"com.amazon.coral.availability#ThrottlingException", 400};
    case ErrorCode::kServiceUnavailable: return {"com.amazonaws.dynamodb.v20120810#ServiceUnavailable", 503};
    case ErrorCode::kInvalidParameterValue: return {"InvalidParameterValueException", 400};
    case ErrorCode::kResourceConflict: return {"ResourceConflictException", 409};
    case ErrorCode::kInvalidRequestContent: return {"InvalidRequestContentException", 400};
    case ErrorCode::kBackupNotFound: return {"com.amazonaws.dynamodb.v20120810#BackupNotFoundException", 400};
    case ErrorCode::kBackupInUse: return {"com.amazonaws.dynamodb.v20120810#BackupInUseException", 400};
    case ErrorCode::kTableAlreadyExists: return {"com.amazonaws.dynamodb.v20120810#TableAlreadyExistsException", 400};
    case ErrorCode::kTableNotFound: return {"com.amazonaws.dynamodb.v20120810#TableNotFoundException", 400};
    case ErrorCode::kTableInUse: return {"com.amazonaws.dynamodb.v20120810#TableInUseException", 400};
    case ErrorCode::kPointInTimeRecoveryUnavailable:
      return {"com.amazonaws.dynamodb.v20120810#PointInTimeRecoveryUnavailableException", 400};
    case ErrorCode::kInvalidRestoreTime: return {"com.amazonaws.dynamodb.v20120810#InvalidRestoreTimeException", 400};
    case ErrorCode::kContinuousBackupsUnavailable:
      return {"com.amazonaws.dynamodb.v20120810#ContinuousBackupsUnavailableException", 400};
  }
  return {"com.amazonaws.dynamodb.v20120810#InternalServerError", 500};
}

}  // namespace

std::string ApiError::type_name() const { return info(code).type; }
int ApiError::http_status() const { return info(code).status; }

}  // namespace eddy
