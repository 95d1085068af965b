// A scenario's `sweep:` section as plain data: the design, its axes (model parameters, phenotype
// or host overlays on/off, a drug's dose, interval or the drug itself), replicates, the scalar
// outputs to analyse and the bootstrap settings. Read by engine/io/sweep_loader.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/cohort/distribution.hpp"
#include "engine/core/enum_table.hpp"
#include "engine/core/overlay.hpp"
#include "engine/pk/treatment.hpp"

namespace icbsim::sweep {

enum class DesignKind { kGrid, kLatinHypercube, kSobol, kSaltelli, kMorris };
inline constexpr EnumTable<DesignKind, 5> kDesignNames{{{
    {DesignKind::kGrid, "grid"},
    {DesignKind::kLatinHypercube, "lhs"},
    {DesignKind::kSobol, "sobol"},
    {DesignKind::kSaltelli, "saltelli"},
    {DesignKind::kMorris, "morris"},
}}};

/// What an axis changes at a design point.
enum class AxisKind {
  kParameter,  ///< a model parameter: set to the axis value, or scaled by it
  kOverlay,    ///< a phenotype or host factor: carried (value 1) or not (value 0)
  kDose,       ///< every dose of a drug, as a multiple of its planned amount
  kInterval,   ///< the cycle length of every schedule phase of a drug [day]
  kDrug,       ///< which catalogue drug takes the place of a drug (value: index into alternatives)
};
inline constexpr EnumTable<AxisKind, 5> kAxisKindNames{{{
    {AxisKind::kParameter, "parameter"},
    {AxisKind::kOverlay, "overlay"},
    {AxisKind::kDose, "dose"},
    {AxisKind::kInterval, "interval"},
    {AxisKind::kDrug, "drug"},
}}};

struct Axis {
  AxisKind kind = AxisKind::kParameter;
  std::string label;                 ///< e.g. "tumour_growth_rate", "phenotype:b2m_loss", "dose:pembrolizumab"
  std::string unit;                  ///< of the axis value ("1" for factors, overlays and drug indices)
  std::size_t parameter = 0;         ///< kParameter: the parameter's index
  bool scale = false;                ///< kParameter: multiply the patient's value instead of setting it
  cohort::Distribution distribution; ///< continuous axes: the value at unit-cube coordinate u is its quantile
  std::vector<double> levels;        ///< discrete axes: the values; u picks level floor(u·k) (k levels)
  std::optional<Overlay> overlay;    ///< kOverlay
  std::string drug;                  ///< kDose, kInterval, kDrug: the drug of the treatments it changes
  std::vector<TreatmentItem> alternatives;  ///< kDrug: the drug each level gives (its standard regimen)

  bool discrete() const noexcept { return !levels.empty(); }
  /// The axis value at unit-cube coordinate u in [0, 1].
  double value_at(double u) const;
};

struct SweepSpec {
  DesignKind design = DesignKind::kSobol;
  std::size_t samples = 0;     ///< saltelli: base samples N; lhs, sobol: points; morris: trajectories
  std::size_t levels = 4;      ///< grid: levels of every continuous axis; morris: grid levels (even)
  std::size_t replicates = 1;  ///< independent patients (or cohorts) per point
  std::vector<Axis> axes;
  std::vector<std::string> outputs;  ///< scalar outputs analysed per point (docs/sensitivity.md)
  std::size_t bootstrap = 500;       ///< saltelli: resamples for the intervals of the indices
  double level = 0.95;               ///< coverage of the bootstrap intervals
};

}  // namespace icbsim::sweep
