// Per-variable table (initial, minimum, maximum, final) of each task, and the failed tasks.
#include "engine/cli/run_summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace icbsim::cli {
namespace {
constexpr std::size_t kTasksShown = 5;  // a cohort's per-task tables belong in its trial report
}

void print_result_summary(const ResultFileContents& c, const std::string& path, std::ostream& out) {
  out << "result file   " << path << "\n"
      << "model         " << c.model << "\n"
      << "tasks         " << c.tasks << " (" << c.failed << " failed)\n"
      << "time          " << (c.time.empty() ? 0.0 : c.time.front()) << " to " << (c.time.empty() ? 0.0 : c.time.back())
      << " day, " << c.time.size() << " output points\n";
  const std::size_t n_times = c.time.size();
  for (std::size_t task = 0; task < std::min(c.tasks, kTasksShown); ++task) {
    out << "\ntask " << task;
    if (!c.failure_reasons[task].empty()) {
      out << ": FAILED: " << c.failure_reasons[task] << "\n";
      continue;
    }
    char line[256];
    std::snprintf(line, sizeof line, "\n  %-14s %-16s %12s %12s %12s %12s\n", "variable", "unit", "initial", "minimum",
                  "maximum", "final");
    out << line;
    for (const auto& column : c.trajectories) {
      const auto first = column.values.begin() + static_cast<std::ptrdiff_t>(task * n_times);
      const auto last = first + static_cast<std::ptrdiff_t>(n_times);
      const auto [lo, hi] = std::minmax_element(first, last);
      std::snprintf(line, sizeof line, "  %-14s %-16s %12.5g %12.5g %12.5g %12.5g\n", column.name.c_str(),
                    column.unit.c_str(), *first, *lo, *hi, *(last - 1));
      out << line;
    }
  }
  if (c.tasks > kTasksShown) out << "\n(" << c.tasks - kTasksShown << " more tasks in the file)\n";
}

}  // namespace icbsim::cli
