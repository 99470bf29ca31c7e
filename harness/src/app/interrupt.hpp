// Ctrl-C and SIGTERM: the first stops the run in order (every child's group
// killed at once, no job started or judged after it, the summary of what
// finished, exit 128 + signal); a second one quits at once.
#pragma once

namespace fearless::check {

// Call first thing in main, before any thread exists: it blocks SIGINT and
// SIGTERM in this thread (so in every thread made later; children get an empty
// mask again, run/process/launch.cpp) and starts the thread that waits for them.
void handle_interrupts();

}  // namespace fearless::check
