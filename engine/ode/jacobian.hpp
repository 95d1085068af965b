// Automatic Jacobian of a model's right-hand side by forward-mode differentiation (Eigen's
// AutoDiffScalar), for the stiff Rosenbrock path. Exact to rounding, no step-size choice.
#pragma once

#include <array>
#include <cstddef>

#include <Eigen/Core>
#include <unsupported/Eigen/AutoDiff>

namespace icbsim {

/// J(i, j) = d rhs_i / d x_j at (x, t), written through `set(i, j, value)`.
template <typename M, std::size_t N, typename Setter>
void model_jacobian(const M& model, const double* x, double t, Setter&& set) {
  using Derivatives = Eigen::Matrix<double, static_cast<int>(N), 1>;
  using Dual = Eigen::AutoDiffScalar<Derivatives>;
  std::array<Dual, N> xd;
  std::array<Dual, N> fd;
  for (std::size_t j = 0; j < N; ++j) xd[j] = Dual(x[j], static_cast<int>(N), static_cast<int>(j));
  model.rhs(xd.data(), fd.data(), t);
  for (std::size_t i = 0; i < N; ++i)
    for (std::size_t j = 0; j < N; ++j) set(i, j, fd[i].derivatives()[static_cast<Eigen::Index>(j)]);
}

}  // namespace icbsim
