// Reading the credentials eddy verifies signatures against (--credentials, --credentials-file and
// EDDY_CREDENTIALS): pairs "ACCESS_KEY_ID:SECRET_ACCESS_KEY".
#pragma once

#include <string>
#include <string_view>

#include "auth/signature_check.h"

namespace eddy::auth {

// Adds one "ACCESS_KEY_ID:SECRET_ACCESS_KEY" (split at the first ':'). False, with `error` set, when
// either part is empty.
bool add_credential(std::string_view pair, Credentials& credentials, std::string& error);

// Adds every pair of `list`, pairs separated by commas or white space (EDDY_CREDENTIALS).
bool add_credential_list(std::string_view list, Credentials& credentials, std::string& error);

// Adds one pair per line of the file at `path`; blank lines and lines starting with '#' are skipped.
bool read_credentials_file(const std::string& path, Credentials& credentials, std::string& error);

}  // namespace eddy::auth
