// Design construction per kind, then the map from unit-cube coordinates to axis values.
#include "engine/sweep/sweep_points.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/core/random_stream.hpp"

namespace icbsim::sweep {

double Axis::value_at(double u) const {
  if (discrete()) {
    const auto k = levels.size();
    const auto index = std::min(static_cast<std::size_t>(std::max(u, 0.0) * static_cast<double>(k)), k - 1);
    return levels[index];
  }
  return cohort::quantile(distribution, u);
}

namespace {

/// Stream indices of the design's random draws (purpose kSweep, task 0).
constexpr std::uint64_t kDesignStream = 0;

Eigen::MatrixXd unit_design(const SweepSpec& spec, std::uint64_t seed, std::optional<MorrisDesign>& morris) {
  const std::size_t d = spec.axes.size();
  switch (spec.design) {
    case DesignKind::kGrid: {
      std::vector<std::size_t> levels;
      for (const Axis& axis : spec.axes) levels.push_back(axis.discrete() ? axis.levels.size() : spec.levels);
      return full_grid(levels);
    }
    case DesignKind::kLatinHypercube: {
      RandomEngine rng = random_stream(seed, 0, StreamPurpose::kSweep, kDesignStream);
      return latin_hypercube(spec.samples, d, rng);
    }
    case DesignKind::kSobol: return sobol_sequence(spec.samples, d);
    case DesignKind::kSaltelli: return saltelli_design(spec.samples, d).stacked();
    case DesignKind::kMorris: {
      for (const Axis& axis : spec.axes) {
        if (axis.discrete()) continue;
        const cohort::Distribution& dist = axis.distribution;
        const bool tails = dist.kind == cohort::DistributionKind::kNormal || dist.kind == cohort::DistributionKind::kLogNormal;
        if (tails && !(dist.max && (dist.min || dist.kind == cohort::DistributionKind::kLogNormal)))
          throw Error("a Morris design reaches both ends of every axis, but the distribution of axis '" + axis.label +
                      "' is unbounded: give it min and max");
      }
      RandomEngine rng = random_stream(seed, 0, StreamPurpose::kSweep, kDesignStream);
      morris = morris_design(spec.samples, d, spec.levels, rng);
      return morris->points;
    }
  }
  throw Error("unknown sweep design");
}

}  // namespace

SweepPoints make_sweep_points(const SweepSpec& spec, std::uint64_t seed) {
  if (spec.axes.empty()) throw Error("a sweep needs at least one axis");
  SweepPoints points;
  points.unit = unit_design(spec, seed, points.morris);
  points.values.resize(points.unit.rows(), points.unit.cols());
  for (Eigen::Index j = 0; j < points.unit.cols(); ++j) {
    const Axis& axis = spec.axes[static_cast<std::size_t>(j)];
    for (Eigen::Index i = 0; i < points.unit.rows(); ++i) points.values(i, j) = axis.value_at(points.unit(i, j));
  }
  return points;
}

}  // namespace icbsim::sweep
