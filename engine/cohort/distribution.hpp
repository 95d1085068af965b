// Parameter distributions of a virtual population, each evaluated through its quantile function so
// that correlated draws (Gaussian copula) and independent ones share one code path.
#pragma once

#include <optional>

#include "engine/core/enum_table.hpp"

namespace icbsim::cohort {

enum class DistributionKind { kFixed, kNormal, kLogNormal, kUniform, kLogUniform };
inline constexpr EnumTable<DistributionKind, 5> kDistributionNames{{{
    {DistributionKind::kFixed, "fixed"},
    {DistributionKind::kNormal, "normal"},
    {DistributionKind::kLogNormal, "lognormal"},
    {DistributionKind::kUniform, "uniform"},
    {DistributionKind::kLogUniform, "loguniform"},
}}};

/// One distribution, in the unit of the quantity it draws.
struct Distribution {
  DistributionKind kind = DistributionKind::kFixed;
  double a = 0.0;  ///< fixed: value; normal: mean; lognormal: median; (log)uniform: lower bound
  double b = 0.0;  ///< normal: standard deviation; lognormal: coefficient of variation; (log)uniform: upper bound
  std::optional<double> min;  ///< truncation (normal, lognormal)
  std::optional<double> max;
};

/// The value at probability u in (0, 1). A log-normal with median m and coefficient of variation
/// CV has σ² = ln(1 + CV²) and μ = ln m. Truncation rescales u into [F(min), F(max)].
double quantile(const Distribution& d, double u);

/// Throws icbsim::Error for inconsistent settings (non-positive sd or cv, empty or reversed
/// bounds, non-positive log-scale values).
void validate(const Distribution& d);

}  // namespace icbsim::cohort
