// A virtual population: per-quantity distributions (parameters or initial values), correlations
// through a Gaussian copula, mechanism/host-factor prevalences, and inclusion criteria applied by
// resampling. Patient i is drawn from its own stream (seed, i), so the cohort does not depend on
// thread count, order or splitting.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "engine/cohort/distribution.hpp"
#include "engine/core/overlay.hpp"

namespace icbsim::cohort {

/// What a distribution draws: a model parameter or an initial value of a state variable.
enum class Target { kParameter, kInitial };

struct QuantityDistribution {
  std::string name;
  Target target = Target::kParameter;
  std::size_t index = 0;  ///< parameter or state index
  Distribution distribution;
};

/// A mechanism or host factor carried by a share of the population.
struct OverlayPrevalence {
  Overlay overlay;
  double prevalence = 0.0;  ///< [0, 1]
};

/// Inclusion criterion on a drawn quantity (after overlays): min <= value <= max.
struct Inclusion {
  std::string name;
  Target target = Target::kParameter;
  std::size_t index = 0;
  double min = -1e300;
  double max = 1e300;
};

struct PopulationSpec {
  std::size_t size = 1;
  std::vector<QuantityDistribution> quantities;
  /// Correlation matrix of the quantities' normal scores (identity when empty); checked positive
  /// definite when the spec is finalised.
  Eigen::MatrixXd correlation;
  std::vector<OverlayPrevalence> overlays;
  std::vector<Inclusion> inclusion;
  /// Inclusion on the measured baseline PD-L1 TPS [%] (`include: {tps: ...}`): min inclusive, max
  /// exclusive (1e300 without a max, so that 100 % is admitted). The model's state decides the TPS, so the runner
  /// screens each drawn candidate after its run-in (engine/run/tps_screening); sampling here ignores it.
  std::optional<Inclusion> tps_inclusion;
  std::size_t max_attempts = 1000;  ///< draws per patient before the criteria count as unmet
};

/// Lower Cholesky factor of the correlation matrix; throws icbsim::Error when it is not a valid
/// correlation matrix (symmetric, unit diagonal, positive definite).
Eigen::MatrixXd correlation_factor(const Eigen::MatrixXd& correlation);

/// One virtual patient.
struct VirtualPatient {
  std::vector<double> parameters;
  std::vector<double> initial_state;
  std::vector<bool> carries;  ///< per PopulationSpec::overlays
  std::size_t attempts = 1;   ///< draws needed to meet the inclusion criteria
};

/// Draws patient `id` from base values (the scenario's resolved parameters and initial state).
/// `candidate` numbers the candidates a screening draws for one place in the cohort (each from its
/// own streams; candidate 0 is the patient of a cohort without screening). Throws icbsim::Error
/// when no draw meets the inclusion criteria within max_attempts.
VirtualPatient sample_patient(const PopulationSpec& spec, const Eigen::MatrixXd& factor, const ModelInfo& model,
                              const std::vector<double>& base_parameters, const std::vector<double>& base_initial,
                              std::uint64_t seed, std::size_t id, std::size_t candidate = 0);

}  // namespace icbsim::cohort
