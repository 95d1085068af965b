// Formatting fitted values as a scenario fragment.
#include "engine/io/calibration/calibration_overlay.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "engine/core/errors.hpp"
#include "engine/io/h5/complete_file.hpp"

namespace icbsim {
namespace {

using calibrate::FreeParameter;
using calibrate::Quantity;

std::string number(double v, const std::string& unit) {
  std::ostringstream out;
  out.precision(6);
  out << v;
  if (!unit.empty()) out << ' ' << unit;
  return out.str();
}

/// The scenario a group's correlations are taken from, with every fitted value applied.
Scenario fitted_scenario(const CalibrationConfig& c, const std::vector<double>& values, std::size_t k) {
  Scenario s = c.problem.scenarios[k];
  for (std::size_t i = 0; i < c.problem.parameters.size(); ++i)
    if (c.problem.parameters[i].applies_to(k)) calibrate::apply(c.problem.parameters[i], values[i], s);
  return s;
}

}  // namespace

std::string calibration_overlay_text(const CalibrationConfig& c, const std::vector<double>& values,
                                     const std::string& overlay_path, const std::string& header) {
  std::map<std::string, std::string> parameters, prevalence;
  std::map<std::string, std::vector<std::string>> fields;  // distribution -> "field: value"
  const FreeParameter* correlation = nullptr;
  for (std::size_t i = 0; i < c.problem.parameters.size(); ++i) {
    const FreeParameter& p = c.problem.parameters[i];
    if (p.group != overlay_path) continue;
    switch (p.quantity) {
      case Quantity::kModelParameter: parameters[p.target] = number(values[i], p.unit); break;
      case Quantity::kDistribution:
        fields[p.target].push_back(std::string(calibrate::kFieldNames.name(p.field)) + ": " + number(values[i], p.unit));
        break;
      case Quantity::kPrevalence: prevalence[p.target] = number(values[i], ""); break;
      case Quantity::kCorrelation: correlation = &p; break;
    }
  }
  std::ostringstream out;
  std::istringstream lines(header);
  for (std::string line; std::getline(lines, line);) out << "# " << line << '\n';
  if (!parameters.empty()) {
    out << "parameters:\n";
    for (const auto& [name, value] : parameters) out << "  " << name << ": " << value << '\n';
  }
  if (fields.empty() && prevalence.empty() && correlation == nullptr) return out.str();
  out << "population:\n";
  if (!fields.empty()) {
    out << "  distributions:\n";
    for (const auto& [name, entries] : fields) {
      out << "    " << name << ": {";
      for (std::size_t i = 0; i < entries.size(); ++i) out << (i ? ", " : "") << entries[i];
      out << "}\n";
    }
  }
  if (!prevalence.empty()) {
    out << "  prevalence:\n";
    for (const auto& [name, value] : prevalence) out << "    " << name << ": " << value << '\n';
  }
  if (correlation != nullptr) {
    // A list replaces the base file's list as a whole: write every correlation of the population.
    std::size_t k = 0;
    while (!correlation->applies_to(k)) ++k;
    const Scenario s = fitted_scenario(c, values, k);
    const auto& q = s.population->quantities;
    const Eigen::MatrixXd& m = s.population->correlation;
    out << "  correlations:\n";
    for (Eigen::Index i = 0; i < m.rows(); ++i)
      for (Eigen::Index j = i + 1; j < m.cols(); ++j)
        if (m(i, j) != 0.0)
          out << "    - {between: [" << q[static_cast<std::size_t>(i)].name << ", " << q[static_cast<std::size_t>(j)].name
              << "], rho: " << number(m(i, j), "") << "}\n";
  }
  return out.str();
}

void write_calibration_overlays(const CalibrationConfig& c, const std::vector<double>& values, const std::string& header) {
  for (const std::string& path : c.overlays) {
    const std::string text = calibration_overlay_text(c, values, path, header);
    write_complete_file(
        path,
        [&](const std::string& temporary) {
          std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
          out << text;
          out.close();
          if (!out) throw IoError("cannot write the fitted overlay '" + path + "' (is the disk full?)");
        },
        CompleteFileKind::kText);
  }
}

}  // namespace icbsim
