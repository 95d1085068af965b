// Progress bar and periodic progress lines.
#include "engine/cli/progress.hpp"

#include <unistd.h>

#include <cstdio>

namespace icbsim::cli {

Progress::Progress(bool enabled)
    : enabled_(enabled), terminal_(isatty(STDERR_FILENO) != 0), start_(std::chrono::steady_clock::now()), last_(start_) {}

void Progress::operator()(std::size_t done, std::size_t total) {
  if (!enabled_ || total < 2) return;
  const auto now = std::chrono::steady_clock::now();
  const double since_last = std::chrono::duration<double>(now - last_).count();
  const bool finished = done == total;
  if (!finished && since_last < (terminal_ ? 0.2 : 10.0)) return;
  last_ = now;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  const double fraction = static_cast<double>(done) / static_cast<double>(total);
  const double eta = done > 0 ? elapsed * (1.0 / fraction - 1.0) : 0.0;
  if (terminal_) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth);
    std::fprintf(stderr, "\r[%.*s%*s] %5.1f%% %zu/%zu tasks, %.0f s elapsed, ~%.0f s left", filled,
                 "##############################", kWidth - filled, "", 100 * fraction, done, total, elapsed, eta);
    if (finished) std::fputc('\n', stderr);
  } else {
    std::fprintf(stderr, "progress: %zu/%zu tasks (%.1f%%), %.0f s elapsed, ~%.0f s left\n", done, total,
                 100 * fraction, elapsed, eta);
  }
  std::fflush(stderr);
}

}  // namespace icbsim::cli
