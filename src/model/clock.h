// The Clock types are part of eddy's public API (include/eddy/clock.h), so that a program or test
// that embeds eddy::Server can pass its own; the layers include them through this header.
#pragma once

#include "eddy/clock.h"
