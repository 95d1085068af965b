// A quantity a calibration may change in a scenario — a model parameter, a field of a population
// distribution, an overlay prevalence or a correlation — with its bounds, and the map between its
// value and the optimiser's coordinate in [0, 1] (linear or logarithmic between the bounds).
#pragma once

#include <string>
#include <vector>

#include "engine/core/enum_table.hpp"
#include "engine/run/scenario.hpp"

namespace icbsim::calibrate {

/// What a free parameter sets.
enum class Quantity { kModelParameter, kDistribution, kPrevalence, kCorrelation };

/// Which number of a population distribution (names as in the scenario's YAML).
enum class Field { kMedian, kCv, kMean, kSd, kMin, kMax, kValue };
inline constexpr EnumTable<Field, 7> kFieldNames{{{
    {Field::kMedian, "median"},
    {Field::kCv, "cv"},
    {Field::kMean, "mean"},
    {Field::kSd, "sd"},
    {Field::kMin, "min"},
    {Field::kMax, "max"},
    {Field::kValue, "value"},
}}};

/// How the optimiser's coordinate u in [0, 1] maps to the value: lower + u·(upper − lower), or
/// lower·(upper/lower)^u (bounds > 0), for quantities spanning orders of magnitude.
enum class Scale { kLinear, kLog };
inline constexpr EnumTable<Scale, 2> kScaleNames{{{{Scale::kLinear, "linear"}, {Scale::kLog, "log"}}}};

struct FreeParameter {
  std::string label;  ///< e.g. "antigenicity.median", "correlation antigenicity:tumour_pdl1_base"
  Quantity quantity = Quantity::kModelParameter;
  std::string target;         ///< model parameter, distributed quantity, overlay, or first quantity
  std::string second_target;  ///< second quantity of a correlation
  Field field = Field::kMedian;
  std::string unit;           ///< unit of the value (the quantity's declared unit; "" dimensionless)
  double lower = 0.0, upper = 1.0, start = 0.0;
  Scale scale = Scale::kLinear;
  std::vector<std::size_t> scenarios;  ///< indices of the scenarios it applies to (empty: all)
  std::string group;                   ///< output overlay the fitted value is written to

  bool applies_to(std::size_t scenario) const;
};

/// The optimiser coordinate of a value (clamped into [0, 1]).
double to_unit(const FreeParameter& p, double value);
/// The value at optimiser coordinate u (u clamped into [0, 1]).
double from_unit(const FreeParameter& p, double u);

/// Writes `value` into the scenario (re-factorising the correlation matrix when a correlation
/// changes). Throws icbsim::Error when the scenario lacks the quantity or the result is invalid
/// (e.g. a correlation matrix that is not positive definite, a cv <= 0).
void apply(const FreeParameter& p, double value, Scenario& scenario);
/// The quantity's current value in the scenario; throws icbsim::Error when it has none.
double current_value(const FreeParameter& p, const Scenario& scenario);

}  // namespace icbsim::calibrate
