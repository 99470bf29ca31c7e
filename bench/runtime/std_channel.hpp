// The textbook C++ std channel, the baseline the fearless channels are
// measured against: a std::deque under a std::mutex, with a
// std::condition_variable for "not empty" (and "not full" when bounded).
// Same interface as fearless::mpsc: clone(), send(v&&), recv() -> optional;
// recv() returns nullopt once every sender is gone and the queue is empty.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>

namespace bench::std_chan {

template <class T>
struct shared {
  explicit shared(std::size_t cap) : capacity(cap) {}
  std::mutex m;
  std::condition_variable not_empty;
  std::condition_variable not_full;
  std::deque<T> queue;
  const std::size_t capacity;  // 0: unbounded
  std::size_t senders = 1;
  bool receiver_alive = true;
};

template <class T>
class Sender {
 public:
  explicit Sender(std::shared_ptr<shared<T>> s) : s_(std::move(s)) {}
  Sender(Sender&&) noexcept = default;
  Sender& operator=(Sender&&) = delete;
  ~Sender() {
    if (!s_) return;
    bool last;
    {
      std::lock_guard lock(s_->m);
      last = --s_->senders == 0;
    }
    if (last) s_->not_empty.notify_all();
  }

  Sender clone() const {
    std::lock_guard lock(s_->m);
    ++s_->senders;
    return Sender(s_);
  }

  // False when the receiver is gone.
  bool send(T&& v) {
    {
      std::unique_lock lock(s_->m);
      if (s_->capacity)
        s_->not_full.wait(lock, [&] { return s_->queue.size() < s_->capacity || !s_->receiver_alive; });
      if (!s_->receiver_alive) return false;
      s_->queue.push_back(std::move(v));
    }
    s_->not_empty.notify_one();
    return true;
  }

 private:
  std::shared_ptr<shared<T>> s_;
};

template <class T>
class Receiver {
 public:
  explicit Receiver(std::shared_ptr<shared<T>> s) : s_(std::move(s)) {}
  Receiver(Receiver&&) noexcept = default;
  ~Receiver() {
    if (!s_) return;
    {
      std::lock_guard lock(s_->m);
      s_->receiver_alive = false;
    }
    s_->not_full.notify_all();
  }

  std::optional<T> recv() {
    std::optional<T> out;
    {
      std::unique_lock lock(s_->m);
      s_->not_empty.wait(lock, [&] { return !s_->queue.empty() || s_->senders == 0; });
      if (s_->queue.empty()) return out;
      out.emplace(std::move(s_->queue.front()));
      s_->queue.pop_front();
    }
    if (s_->capacity) s_->not_full.notify_one();
    return out;
  }

 private:
  std::shared_ptr<shared<T>> s_;
};

template <class T>
std::pair<Sender<T>, Receiver<T>> channel(std::size_t capacity = 0) {
  auto s = std::make_shared<shared<T>>(capacity);
  return {Sender<T>(s), Receiver<T>(s)};
}

}  // namespace bench::std_chan
