// ApiError: the one error type that crosses every layer and reaches the wire as
// DynamoDB's {"__type": "...", "message": "..."} body. Expected failures are returned
// as values (Result<T>), never thrown.
#pragma once

#include <string>
#include <utility>

#include <tl/expected.hpp>

namespace eddy {

// Do not renumber: codes are compared in tests and mapped to __type in api_error.cc.
enum class ErrorCode {
  kValidation,
  kSerialization,
  kUnknownOperation,
  kMissingAuthenticationToken,
  kIncompleteSignature,
  kResourceNotFound,
  kResourceInUse,
  kConditionalCheckFailed,
  kTransactionCanceled,
  kTransactionConflict,
  kTransactionInProgress,
  kIdempotentParameterMismatch,
  kItemCollectionSizeLimitExceeded,
  kLimitExceeded,
  kProvisionedThroughputExceeded,
  kRequestLimitExceeded,
  kExpiredIterator,
  kTrimmedDataAccess,
  kAccessDenied,
  kInternalServerError,
  kRequestEntityTooLarge,
  kUnrecognizedClient,
  kInvalidSignature,
  kThrottling,
  kServiceUnavailable,
  kDuplicateItem,  // PartiQL INSERT of an existing key
  // Lambda's API (event source mappings, src/lambda_api/), rendered by server/lambda_dispatcher.
  kInvalidParameterValue,
  kResourceConflict,
  kInvalidRequestContent,
  // Backups and point-in-time recovery (docs/backups.md).
  kBackupNotFound,
  kBackupInUse,
  kTableAlreadyExists,
  kTableNotFound,
  kTableInUse,
  kPointInTimeRecoveryUnavailable,
  kInvalidRestoreTime,
  kContinuousBackupsUnavailable,
  // Exports to and imports from S3 (docs/export-import.md).
  kExportNotFound,
  kImportNotFound,
  kInvalidExportTime,
  kExportConflict,
  kImportConflict,
};

struct ApiError {
  ErrorCode code = ErrorCode::kInternalServerError;
  std::string message;
  // Extra members for the error body, as a JSON fragment without braces, e.g.
  // "\"Item\":{...}" for ConditionalCheckFailedException with ALL_OLD, or
  // "\"CancellationReasons\":[...]" for TransactionCanceledException. Empty when none.
  std::string extra_json;

  // The full "__type" string, with the namespace DynamoDB uses for this code.
  std::string type_name() const;
  // HTTP status DynamoDB answers with (400 for client errors, 500 for InternalServerError, 413 ...).
  int http_status() const;

  static ApiError validation(std::string message) { return ApiError{ErrorCode::kValidation, std::move(message), {}}; }
  static ApiError serialization(std::string message) {
    return ApiError{ErrorCode::kSerialization, std::move(message), {}};
  }
  static ApiError not_found(std::string message) {
    return ApiError{ErrorCode::kResourceNotFound, std::move(message), {}};
  }
  static ApiError in_use(std::string message) { return ApiError{ErrorCode::kResourceInUse, std::move(message), {}}; }
  static ApiError internal(std::string message) {
    return ApiError{ErrorCode::kInternalServerError, std::move(message), {}};
  }
};

template <typename T>
using Result = tl::expected<T, ApiError>;

// A failed Result<T> from an ApiError: `return fail(ApiError::validation("..."));`
inline tl::unexpected<ApiError> fail(ApiError error) { return tl::unexpected<ApiError>(std::move(error)); }

// Shorthand for the most common failure.
inline tl::unexpected<ApiError> validation_error(std::string message) {
  return fail(ApiError::validation(std::move(message)));
}

}  // namespace eddy
