// Forbidden: protocol links only model, so the engine's headers are out of its reach.
#include "engine/storage.h"

int layering_probe() { return 0; }
