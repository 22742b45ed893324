// `eddy admin <command>`: each admin API call from the command line, against a running eddy
// (docs/test-controls.md). Prints the answer's JSON on stdout; exits 0 when the call succeeded,
// 1 when eddy answered an error (its message on stderr) or could not be reached, 2 on bad usage.
#pragma once

namespace eddy::cli {

// argv[0] is "admin". Returns the process exit status.
int run_admin_command(int argc, char** argv);

}  // namespace eddy::cli
