// Sampling of virtual patients: Gaussian copula, overlays by prevalence, inclusion by resampling.
#include "engine/cohort/population.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/Cholesky>
#include <boost/math/distributions/normal.hpp>
#include <boost/random/normal_distribution.hpp>
#include <boost/random/uniform_01.hpp>

#include "engine/core/errors.hpp"
#include "engine/core/random_stream.hpp"

namespace icbsim::cohort {

Eigen::MatrixXd correlation_factor(const Eigen::MatrixXd& c) {
  if (c.rows() != c.cols()) throw Error("the correlation matrix is not square");
  for (Eigen::Index i = 0; i < c.rows(); ++i) {
    if (std::abs(c(i, i) - 1.0) > 1e-12) throw Error("the correlation matrix needs ones on its diagonal");
    for (Eigen::Index j = 0; j < c.cols(); ++j)
      if (std::abs(c(i, j) - c(j, i)) > 1e-12 || std::abs(c(i, j)) > 1.0)
        throw Error("the correlation matrix must be symmetric with entries in [-1, 1]");
  }
  const Eigen::LLT<Eigen::MatrixXd> llt(c);
  if (llt.info() != Eigen::Success) throw Error("the correlation matrix is not positive definite");
  return llt.matrixL();
}

VirtualPatient sample_patient(const PopulationSpec& spec, const Eigen::MatrixXd& factor, const ModelInfo& model,
                              const std::vector<double>& base_parameters, const std::vector<double>& base_initial,
                              std::uint64_t seed, std::size_t id, std::size_t candidate) {
  const boost::math::normal_distribution<double> standard(0.0, 1.0);
  const auto n = static_cast<Eigen::Index>(spec.quantities.size());
  for (std::size_t attempt = 0; attempt < spec.max_attempts; ++attempt) {
    RandomEngine rng = random_stream(seed, id, StreamPurpose::kPatient, candidate * spec.max_attempts + attempt);
    boost::random::normal_distribution<double> normal(0.0, 1.0);
    boost::random::uniform_01<double> uniform;
    VirtualPatient p;
    p.parameters = base_parameters;
    p.initial_state = base_initial;
    p.attempts = attempt + 1;

    Eigen::VectorXd z(n);
    for (Eigen::Index k = 0; k < n; ++k) z[k] = normal(rng);
    if (factor.size() > 0) z = factor * z;
    for (Eigen::Index k = 0; k < n; ++k) {
      const QuantityDistribution& q = spec.quantities[static_cast<std::size_t>(k)];
      const double u = std::clamp(boost::math::cdf(standard, z[k]), 1e-16, 1.0 - 1e-16);
      const double value = quantile(q.distribution, u);
      (q.target == Target::kParameter ? p.parameters : p.initial_state)[q.index] = value;
    }
    for (const OverlayPrevalence& o : spec.overlays) {
      const bool carries = uniform(rng) < o.prevalence;
      p.carries.push_back(carries);
      if (carries) apply_overlay(o.overlay, model, p.parameters);
    }
    bool included = true;
    for (const Inclusion& c : spec.inclusion) {
      const double v = (c.target == Target::kParameter ? p.parameters : p.initial_state)[c.index];
      included = included && v >= c.min && v <= c.max;
    }
    if (included) return p;
  }
  throw Error("no draw of patient " + std::to_string(id) + " met the inclusion criteria in " +
              std::to_string(spec.max_attempts) + " attempts");
}

}  // namespace icbsim::cohort
