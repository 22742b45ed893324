// Forbidden: http knows no DynamoDB type; it links none of eddy's layers.
#include "model/api_error.h"

int layering_probe() { return 0; }
