// The stop switch: how an interrupted run (SIGINT, SIGTERM) ends every child
// at once and starts no more.
//
// Every running child is registered here between its launch and its reaping.
// request_stop() sets the flag first, then kills the process group of every
// registered child; a child registered after that sees the flag and is killed
// by its own runner. So once request_stop() returns, no child of this process
// runs on, and run_process() starts none (it reports "interrupted").
//
// A job whose run overlapped a stop cannot be told apart from one the kill
// ended, so callers treat every job that ends after stop_requested() as not
// run: its result is not judged, cached or blessed.
//
// Thread-safe; request_stop() may be called from any thread (not from a
// signal handler: it takes a mutex; app/interrupt.cpp calls it from a thread
// of its own that waits for the signals).
#pragma once

#include <sys/types.h>

namespace fearless::check {

// Sets the flag (remembering `signal`, 0 for none) and kills every registered child's group.
void request_stop(int signal);

bool stop_requested();

// The signal that requested the stop, 0 if none did.
int stop_signal();

namespace proc {

// Registers a launched, unreaped child; false (nothing registered) if a stop was requested.
bool register_child(pid_t pid);
// Before reaping it: after this its pid may be reused, so it must not be killed by pid.
void unregister_child(pid_t pid);

}  // namespace proc

}  // namespace fearless::check
