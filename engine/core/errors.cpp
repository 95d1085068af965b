// Message formatting of the typed icbsim errors.
#include "engine/core/errors.hpp"

#include <sstream>

namespace icbsim {

std::string format_located(const SourceLocation& where, const std::string& problem,
                           const std::string& source_line) {
  std::ostringstream out;
  // Without a file (the command line's own options) the message stands alone.
  if (!where.file.empty() || where.line > 0) {
    out << (where.file.empty() ? "<input>" : where.file);
    if (where.line > 0) out << ':' << where.line;
    if (where.column > 0) out << ':' << where.column;
    out << ": ";
  }
  out << problem;
  if (!source_line.empty()) {
    out << "\n  " << source_line << "\n  ";
    for (int i = 1; i < where.column; ++i) {
      const auto k = static_cast<std::size_t>(i - 1);
      out << (k < source_line.size() && source_line[k] == '\t' ? '\t' : ' ');
    }
    out << '^';
  }
  return out.str();
}

ScenarioError::ScenarioError(SourceLocation where, const std::string& problem, const std::string& source_line)
    : Error(format_located(where, problem, source_line)), where_(std::move(where)), problem_(problem) {}

namespace {
std::string solver_message(const std::string& problem, double t, double dt) {
  std::ostringstream out;
  out << problem << " at t = " << t << " day (step size " << dt << " day)";
  return out.str();
}
}  // namespace

SolverError::SolverError(const std::string& problem, double t, double dt)
    : Error(solver_message(problem, t, dt)), t_(t), dt_(dt) {}

}  // namespace icbsim
