// Forbidden: dependencies point one way; ops uses streams, never the reverse.
#include "ops/operation_table.h"

int layering_probe() { return 0; }
