// Allowed: protocol links model (the companion of protocol_includes_engine).
#include "model/api_error.h"

int layering_probe() { return 0; }
