// Progress of a long run on stderr: a bar redrawn in place on a terminal, a plain line every
// 10 seconds otherwise (batch logs).
#pragma once

#include <chrono>
#include <cstddef>

namespace icbsim::cli {

class Progress {
 public:
  explicit Progress(bool enabled);
  /// Called with (tasks done, tasks total); prints when due.
  void operator()(std::size_t done, std::size_t total);

 private:
  bool enabled_;
  bool terminal_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace icbsim::cli
