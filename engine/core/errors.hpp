// Typed exceptions thrown by library code; only main() turns them into messages and exit codes.
#pragma once

#include <stdexcept>
#include <string>

namespace icbsim {

/// Where a value came from in an input file (1-based line and column; 0 when unknown).
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
};

/// Base class of every icbsim error.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

/// Bad input: a scenario, phenotype or catalogue file that cannot be accepted. The message names
/// file:line:column and shows the offending line with a caret.
class ScenarioError : public Error {
 public:
  ScenarioError(SourceLocation where, const std::string& problem, const std::string& source_line = {});
  const SourceLocation& where() const noexcept { return where_; }
  const std::string& problem() const noexcept { return problem_; }

 private:
  SourceLocation where_;
  std::string problem_;
};

/// A numerical failure inside one task: carries the simulated time and step size [day].
class SolverError : public Error {
 public:
  SolverError(const std::string& problem, double t, double dt);
  double t() const noexcept { return t_; }
  double dt() const noexcept { return dt_; }

 private:
  double t_;
  double dt_;
};

/// A file could not be read or written.
class IoError : public Error {
 public:
  using Error::Error;
};

/// Formats "file:line:column: problem" followed by the source line and a caret under the column.
std::string format_located(const SourceLocation& where, const std::string& problem,
                           const std::string& source_line);

}  // namespace icbsim
