// A job's outcome, on its own so a reporter can name it without the judge.
#pragma once

namespace fearless::check {

enum class Status { pass, fail, skip };

}  // namespace fearless::check
