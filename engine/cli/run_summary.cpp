// Per-variable table (initial, minimum, maximum, final) of each task, and the failed tasks.
#include "engine/cli/run_summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>

#include "engine/io/results/sweep_results.hpp"

namespace icbsim::cli {
namespace {
constexpr std::size_t kTasksShown = 5;  // a cohort's per-task tables belong in its trial report

std::string number(const OutcomeColumn* c, std::size_t task, const char* format) {
  if (c == nullptr || task >= c->values.size()) return "-";
  if (std::isnan(c->values[task])) return "none";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, format, c->values[task]);
  return buffer;
}

std::string name(const OutcomeColumn* c, std::size_t task) {
  return (c == nullptr || task >= c->names.size()) ? "-" : c->names[task];
}

/// Per-patient readout: outcomes, then the scan-by-scan record.
void print_readouts(const ResultFileContents& c, std::ostream& out) {
  const std::size_t n_scans = c.scan_times.size();
  for (std::size_t task = 0; task < std::min(c.tasks, kTasksShown); ++task) {
    if (!c.failure_reasons[task].empty()) continue;
    out << "\nreadout of task " << task << "\n";
    out << "  best response       " << name(c.outcome("best_response"), task) << " (best change "
        << number(c.outcome("best_change_pct"), task, "%+.1f") << " %)\n";
    if (c.outcome("best_irecist")) out << "  best iRECIST        " << name(c.outcome("best_irecist"), task) << "\n";
    out << "  progression         day " << number(c.outcome("progression_day"), task, "%.0f") << "\n";
    out << "  PFS                 " << number(c.outcome("pfs_days"), task, "%.1f") << " day ("
        << (name(c.outcome("pfs_event"), task) == "TRUE" ? "event" : "censored") << ")\n";
    out << "  OS                  " << number(c.outcome("os_days"), task, "%.1f") << " day ("
        << (name(c.outcome("os_event"), task) == "TRUE" ? "death" : "censored") << ")\n";
    out << "  SITC class          " << name(c.outcome("sitc_class"), task) << " (exposure "
        << number(c.outcome("exposure_days"), task, "%.0f") << " day)\n";
    out << "  hyperprogression    " << (name(c.outcome("hyperprogression"), task) == "TRUE" ? "yes" : "no")
        << " (TGR before " << number(c.outcome("tgr_pre"), task, "%.1f") << ", on treatment "
        << number(c.outcome("tgr_on"), task, "%.1f") << " %/month)\n";
    if (c.outcome("pathological_response"))
      out << "  at surgery          " << number(c.outcome("viable_tumour_pct"), task, "%.1f") << " % viable: "
          << name(c.outcome("pathological_response"), task) << ", " << name(c.outcome("neoadjuvant_class"), task) << "\n";
    out << "  scans (day: SLD mm, RECIST)\n   ";
    for (std::size_t s = 0; s < n_scans; ++s) {
      char cell[64];
      std::snprintf(cell, sizeof cell, " %.0f: %.1f %s;", c.scan_times[s], c.scan_sld_mm[task * n_scans + s],
                    c.scan_recist[task * n_scans + s].c_str());
      out << cell;
      if (s % 5 == 4 && s + 1 < n_scans) out << "\n   ";
    }
    out << "\n";
  }
}
}  // namespace

void print_result_summary(const ResultFileContents& c, const std::string& path, std::ostream& out, bool show_tasks,
                          bool carrier_rows) {
  out << "result file   " << path << "\n"
      << "model         " << c.model << "\n"
      << "tasks         " << c.tasks << " (" << c.failed << " failed)\n"
      << "time          " << (c.time.empty() ? 0.0 : c.time.front()) << " to " << (c.time.empty() ? 0.0 : c.time.back())
      << " day, " << c.time.size() << " output points\n";
  const std::size_t n_times = c.time.size();
  const std::size_t shown = show_tasks ? std::min(c.tasks, kTasksShown) : 0;
  for (std::size_t task = 0; task < shown; ++task) {
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
  if (show_tasks && !c.scan_times.empty()) print_readouts(c, out);
  if (show_tasks && c.tasks > kTasksShown) out << "\n(" << c.tasks - kTasksShown << " more tasks in the file)\n";
  if (c.report.empty()) return;
  if (carrier_rows) {
    out << "\n" << c.report;
    return;
  }
  // The group rows of mechanism carriers read "<arm>  <mechanism>: carriers  <n> ...".
  std::istringstream lines(c.report);
  std::string line;
  std::size_t left_out = 0;
  out << "\n";
  while (std::getline(lines, line)) {
    if (line.find(": carriers ") != std::string::npos || line.find(": non-carriers ") != std::string::npos) {
      ++left_out;
      continue;
    }
    out << line << "\n";
  }
  if (left_out > 0)
    out << "  (" << left_out << " rows of mechanism carriers and non-carriers: icbsim summary " << path << ")\n";
}

void print_sweep_report(const std::string& path, std::ostream& out) {
  const std::string report = read_sweep_report(path);
  if (!report.empty()) out << "\nsensitivity (/sweep/sensitivity)\n" << report;
}

}  // namespace icbsim::cli
