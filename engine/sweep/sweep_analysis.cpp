// Per design kind, the matching estimator; a failed estimate is reported, not fatal.
#include "engine/sweep/sweep_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <exception>

#include "engine/core/random_stream.hpp"

namespace icbsim::sweep {

namespace {

constexpr std::uint64_t kBootstrapStream = 1;

std::string format(const char* pattern, double a, double b = 0.0, double c = 0.0) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, pattern, a, b, c);
  return buffer;
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

void estimate(const SweepSpec& spec, const SweepPoints& points, OutputAnalysis& a, std::uint64_t seed) {
  for (Eigen::Index i = 0; i < a.values.size(); ++i)
    if (!std::isfinite(a.values(i))) {
      a.problem = "no value at point " + std::to_string(i) + " (every task failed, or a median was not reached)";
      return;
    }
  try {
    switch (spec.design) {
      case DesignKind::kSaltelli: {
        RandomEngine rng = random_stream(seed, 0, StreamPurpose::kSweep, kBootstrapStream);
        a.sobol = sobol_indices_bootstrap(split_saltelli_outputs(a.values, spec.axes.size()), spec.bootstrap, spec.level, rng);
        break;
      }
      case DesignKind::kMorris: a.morris = morris_indices(*points.morris, a.values); break;
      case DesignKind::kGrid:
      case DesignKind::kLatinHypercube:
      case DesignKind::kSobol: a.prcc = prcc(points.values, a.values); break;
    }
  } catch (const std::exception& e) {
    a.problem = e.what();
  }
}

std::string report(const SweepSpec& spec, const SweepAnalysis& analysis) {
  std::size_t width = 6;
  for (const Axis& axis : spec.axes) width = std::max(width, axis.label.size() + 2);
  std::string text;
  for (const OutputAnalysis& a : analysis.outputs) {
    text += "\n" + a.output.name + (a.arm.empty() ? "" : " (arm " + a.arm + ")") + "\n";
    if (!a.problem.empty()) {
      text += "  not computed: " + a.problem + "\n";
      continue;
    }
    if (a.sobol) {
      const auto& s = *a.sobol;
      text += "  " + pad("axis", width) + "S1       [" + format("%.0f", 100 * s.level) + "% interval]    ST       interval\n";
      for (std::size_t j = 0; j < spec.axes.size(); ++j) {
        const auto k = static_cast<Eigen::Index>(j);
        text += "  " + pad(spec.axes[j].label, width) + format("%7.3f  [%6.3f, ", s.estimate.first(k), s.first_lower(k)) +
                format("%6.3f]  ", s.first_upper(k)) + format("%7.3f  [%6.3f, ", s.estimate.total(k), s.total_lower(k)) +
                format("%6.3f]\n", s.total_upper(k));
      }
      text += "  output variance " + format("%.4g", s.estimate.variance) + "\n";
    } else if (a.morris) {
      text += "  " + pad("axis", width) + "mu*        mu         sigma\n";
      for (std::size_t j = 0; j < spec.axes.size(); ++j) {
        const auto k = static_cast<Eigen::Index>(j);
        text += "  " + pad(spec.axes[j].label, width) +
                format("%-10.4g %-10.4g %-10.4g\n", a.morris->mu_star(k), a.morris->mu(k), a.morris->sigma(k));
      }
    } else if (a.prcc) {
      text += "  " + pad("axis", width) + "PRCC\n";
      for (std::size_t j = 0; j < spec.axes.size(); ++j)
        text += "  " + pad(spec.axes[j].label, width) + format("%7.3f\n", (*a.prcc)(static_cast<Eigen::Index>(j)));
    }
  }
  return text;
}

}  // namespace

SweepAnalysis analyse_sweep(const SweepSpec& spec, const SweepPoints& points, const std::vector<OutputDefinition>& outputs,
                            const std::vector<std::string>& arms, const TaskTable& table, std::uint64_t seed) {
  SweepAnalysis analysis;
  for (std::size_t arm = 0; arm < arms.size(); ++arm) {
    for (const OutputDefinition& output : outputs) {
      OutputAnalysis a;
      a.arm = arms.size() > 1 ? arms[arm] : std::string();
      a.output = output;
      a.values = point_values(output, table, arm);
      estimate(spec, points, a, seed);
      analysis.outputs.push_back(std::move(a));
    }
  }
  analysis.text = report(spec, analysis);
  return analysis;
}

}  // namespace icbsim::sweep
