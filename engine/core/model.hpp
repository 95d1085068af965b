// The model contract. A model is a C++ type that declares its state variables, parameters and
// observables once (constexpr arrays of specs), is constructed from resolved parameter values, and
// provides a right-hand side templated on the scalar type (so the engine can differentiate it for
// the stiff solver's Jacobian). The hot loop is a template on the model type: no virtual calls.
#pragma once

#include <concepts>
#include <cstddef>
#include <span>
#include <string_view>

#include "engine/core/parameter_spec.hpp"
#include "engine/core/variable_spec.hpp"

namespace icbsim {

/// Concept every model satisfies. Required members:
///   static constexpr std::string_view kName, kDescription, kReference;
///   static constexpr std::array<VariableSpec, N> kVariables;     // state, in integration order
///   static constexpr std::array<ParameterSpec, P> kParameters;
///   static constexpr std::array<VariableSpec, K> kObservables;   // derived outputs (may be empty)
///   explicit M(std::span<const double> parameters);               // values in declared units
///   template <class Real> void rhs(const Real* x, Real* dxdt, double t) const;   // t in days
///   void observe(const double* x, double t, double* out) const;  // fills kObservables.size() values
template <typename M>
concept Model = requires(const M& m, std::span<const double> p, const double* x, double* dx, double t) {
  { M::kName } -> std::convertible_to<std::string_view>;
  { M::kDescription } -> std::convertible_to<std::string_view>;
  { M::kReference } -> std::convertible_to<std::string_view>;
  M::kVariables.size();
  M::kParameters.size();
  M::kObservables.size();
  M{p};
  m.rhs(x, dx, t);
  m.observe(x, t, dx);
};

}  // namespace icbsim
