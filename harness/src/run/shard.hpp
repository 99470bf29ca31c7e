// --shard K/N: which jobs one of N CI machines runs. Pure.
//
// A job's shard depends on its own id ("topic/name|gcc-12") and N alone
// (rendezvous hashing: the shard whose hash of id and shard number is highest),
// so adding or removing cases never moves another job, every job lands in
// exactly one shard, and going from N to N+1 shards moves only the jobs the new
// shard takes. Recorded times do not pick shards: each CI machine has its own
// cache, and shards that disagree about times would run a job twice or never.
// They balance within a shard (longest first) and estimate each shard's time.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace fearless::check {

struct Shard {
    unsigned index = 1;  // 1-based
    unsigned count = 1;
};

// "K/N" with 1 <= K <= N; nullopt with `error` set otherwise.
std::optional<Shard> parse_shard(std::string_view text, std::string* error = nullptr);

// The shard (1..count) of `job_id`.
unsigned shard_of(std::string_view job_id, unsigned count);

inline bool in_shard(std::string_view job_id, const Shard& s) {
    return s.count <= 1 || shard_of(job_id, s.count) == s.index;
}

std::string shard_name(const Shard& s);  // "2/3"

}  // namespace fearless::check
