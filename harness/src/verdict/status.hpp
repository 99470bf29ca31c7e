// A job's outcome: the one verdict type the reporters see.
#pragma once

namespace fearless::check {

enum class Status { pass, fail, skip };

}  // namespace fearless::check
