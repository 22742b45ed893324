// Allowed: http sees its own headers (the companion of http_includes_model).
#include "http/listener.h"

int layering_probe() { return 0; }
