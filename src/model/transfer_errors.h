// The error codes of the export and import operations (docs/export-import.md). They extend
// api_error.h's ErrorCode from 100 on, so they never take one of its values; api_error.cc maps
// them to their __type. Do not renumber: codes are compared in tests.
#pragma once

#include "model/api_error.h"

namespace eddy::transfer_errors {

inline constexpr ErrorCode kExportNotFound = static_cast<ErrorCode>(100);
inline constexpr ErrorCode kImportNotFound = static_cast<ErrorCode>(101);
inline constexpr ErrorCode kInvalidExportTime = static_cast<ErrorCode>(102);
inline constexpr ErrorCode kPointInTimeRecoveryUnavailable = static_cast<ErrorCode>(103);
inline constexpr ErrorCode kExportConflict = static_cast<ErrorCode>(104);
inline constexpr ErrorCode kImportConflict = static_cast<ErrorCode>(105);
inline constexpr ErrorCode kTableNotFound = static_cast<ErrorCode>(106);

}  // namespace eddy::transfer_errors
