// Forbidden: the engine links model and RocksDB only; it evaluates no expressions.
#include "expr/expression_cache.h"

int layering_probe() { return 0; }
