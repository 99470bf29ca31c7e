// fearless: Rust's fearless-concurrency toolkit for C++20.
//
//   #include <fearless/fearless.hpp>
//   using namespace fearless;
//
//   auto counter = make_arc<Mutex<int>>(0);
//   std::vector<thread::JoinHandle<void>> handles;
//   for (int i = 0; i < 10; ++i)
//       handles.push_back(thread::spawn([](Arc<Mutex<int>> c) { *c->lock() += 1; }, counter.clone()));
//   for (auto& h : handles) h.join();
//
// Misuse that Rust rejects at compile time is rejected here at compile time,
// with Rust's wording: see marker.hpp (Send/Sync), thread.hpp, mpsc.hpp,
// mutex.hpp, rc.hpp, arc.hpp and cell.hpp.
#pragma once

// The Send/Sync checks first: Clang prints the chain of includes that first
// reached the header an error is in, so a short chain keeps messages short.
#include "detail/thread_safety_checks.hpp"
#include "marker.hpp"
#include "rc.hpp"
#include "arc.hpp"
#include "cell.hpp"
#include "mutex.hpp"
#include "thread.hpp"
#include "mpsc.hpp"
