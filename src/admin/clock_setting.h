// The clock's position, kept in storage so that virtual time survives a restart: after every move
// through the admin API the server's "now" and its offset from the system clock are written as the
// engine's "clock" setting, and at start the clock is put back there (a virtual clock at its "now",
// the wall clock at its offset). A restore or reset leaves the clock where it is.
#pragma once

#include "engine/database.h"
#include "model/api_error.h"
#include "model/clock.h"

namespace eddy::admin {

// Whether `clock` is a virtual one (--clock virtual: stands still until moved).
bool is_virtual(const Clock& clock);
// Moves `clock` to `epoch_seconds` (the wall clock by changing its offset).
void set_clock(Clock& clock, double epoch_seconds);
// The wall clock's offset from the system clock (for a virtual clock, its distance from it).
double clock_offset(const Clock& clock);

// Writes the clock's position as the "clock" setting.
Result<void> save_clock(engine::Database& database, const Clock& clock);
// Puts `clock` where the "clock" setting says; nothing when there is none.
Result<void> restore_clock(const engine::Database& database, Clock& clock);

}  // namespace eddy::admin
