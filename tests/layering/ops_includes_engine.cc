// Allowed: ops links the engine.
#include "engine/database.h"

int layering_probe() { return 0; }
