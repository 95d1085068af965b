// Setting and reading free parameters in a Scenario; the [0, 1] coordinate transform.
#include "engine/calibrate/free_parameter.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/errors.hpp"

namespace icbsim::calibrate {
namespace {

std::size_t quantity_index(const Scenario& s, const std::string& name) {
  if (s.population)
    for (std::size_t i = 0; i < s.population->quantities.size(); ++i)
      if (s.population->quantities[i].name == name) return i;
  throw Error("the scenario's population has no distribution of '" + name + "'");
}

/// The number of a distribution that `field` names; throws when that kind has no such field.
double& field_of(cohort::Distribution& d, Field field, const std::string& name) {
  using cohort::DistributionKind;
  const auto fail = [&]() -> double& {
    throw Error("the " + std::string(cohort::kDistributionNames.name(d.kind)) + " distribution of '" + name +
                "' has no field '" + std::string(kFieldNames.name(field)) + "'");
  };
  switch (field) {
    case Field::kMedian: return d.kind == DistributionKind::kLogNormal ? d.a : fail();
    case Field::kCv: return d.kind == DistributionKind::kLogNormal ? d.b : fail();
    case Field::kMean: return d.kind == DistributionKind::kNormal ? d.a : fail();
    case Field::kSd: return d.kind == DistributionKind::kNormal ? d.b : fail();
    case Field::kValue: return d.kind == DistributionKind::kFixed ? d.a : fail();
    case Field::kMin:
      if (d.kind == DistributionKind::kUniform || d.kind == DistributionKind::kLogUniform) return d.a;
      if (!d.min) fail();
      return *d.min;
    case Field::kMax:
      if (d.kind == DistributionKind::kUniform || d.kind == DistributionKind::kLogUniform) return d.b;
      if (!d.max) fail();
      return *d.max;
  }
  return fail();
}

std::size_t overlay_index(const Scenario& s, const std::string& name) {
  if (s.population)
    for (std::size_t i = 0; i < s.population->overlays.size(); ++i)
      if (s.population->overlays[i].overlay.name == name) return i;
  throw Error("the scenario's population has no prevalence of '" + name + "'");
}

std::size_t parameter_index(const Scenario& s, const std::string& name) {
  const int i = s.model->parameter_index(name);
  if (i < 0) throw Error("model '" + std::string(s.model->name) + "' has no parameter '" + name + "'");
  if (s.population)
    for (const auto& q : s.population->quantities)
      if (q.target == cohort::Target::kParameter && q.name == name)
        throw Error("parameter '" + name + "' is drawn from the population's distribution: fit a field of it instead");
  return static_cast<std::size_t>(i);
}

}  // namespace

bool FreeParameter::applies_to(std::size_t scenario) const {
  return scenarios.empty() || std::find(scenarios.begin(), scenarios.end(), scenario) != scenarios.end();
}

double to_unit(const FreeParameter& p, double value) {
  const double u = p.scale == Scale::kLog ? std::log(value / p.lower) / std::log(p.upper / p.lower)
                                          : (value - p.lower) / (p.upper - p.lower);
  return std::clamp(u, 0.0, 1.0);
}

double from_unit(const FreeParameter& p, double u) {
  u = std::clamp(u, 0.0, 1.0);
  return p.scale == Scale::kLog ? p.lower * std::pow(p.upper / p.lower, u) : p.lower + u * (p.upper - p.lower);
}

void apply(const FreeParameter& p, double value, Scenario& s) {
  switch (p.quantity) {
    case Quantity::kModelParameter:
      s.parameters[parameter_index(s, p.target)] = value;
      return;
    case Quantity::kDistribution: {
      cohort::Distribution& d = s.population->quantities[quantity_index(s, p.target)].distribution;
      field_of(d, p.field, p.target) = value;
      cohort::validate(d);
      return;
    }
    case Quantity::kPrevalence:
      if (value < 0.0 || value > 1.0) throw Error("a prevalence must lie in [0, 1]");
      s.population->overlays[overlay_index(s, p.target)].prevalence = value;
      return;
    case Quantity::kCorrelation: {
      const std::size_t i = quantity_index(s, p.target), j = quantity_index(s, p.second_target);
      if (i == j) throw Error("a correlation needs two different quantities");
      Eigen::MatrixXd& c = s.population->correlation;
      const auto n = static_cast<Eigen::Index>(s.population->quantities.size());
      if (c.size() == 0) c = Eigen::MatrixXd::Identity(n, n);
      c(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = value;
      c(static_cast<Eigen::Index>(j), static_cast<Eigen::Index>(i)) = value;
      s.population_factor = cohort::correlation_factor(c);
      return;
    }
  }
}

double current_value(const FreeParameter& p, const Scenario& s) {
  switch (p.quantity) {
    case Quantity::kModelParameter: return s.parameters[parameter_index(s, p.target)];
    case Quantity::kDistribution: {
      cohort::Distribution d = s.population->quantities[quantity_index(s, p.target)].distribution;
      return field_of(d, p.field, p.target);
    }
    case Quantity::kPrevalence: return s.population->overlays[overlay_index(s, p.target)].prevalence;
    case Quantity::kCorrelation: {
      const std::size_t i = quantity_index(s, p.target), j = quantity_index(s, p.second_target);
      const Eigen::MatrixXd& c = s.population->correlation;
      return c.size() == 0 ? (i == j ? 1.0 : 0.0) : c(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j));
    }
  }
  return 0.0;
}

}  // namespace icbsim::calibrate
