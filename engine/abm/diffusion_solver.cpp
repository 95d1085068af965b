// Douglas ADI step: explicit predictor with the full operator, then one implicit tridiagonal
// correction per direction. Lines along y and z are solved in batches over x (contiguous memory).
#include "engine/abm/diffusion_solver.hpp"

#include <cstddef>
#include <utility>

namespace icbsim::abm {
namespace {

/// Geometry of a batch of `width` parallel lines of `length` voxels: voxel (j, k) of the batch
/// is at base + j·stride + k.
struct LineBatch {
  std::size_t base, width, stride, length;
};

/// Solves the implicit system of one direction for a batch of lines (Thomas algorithm),
/// writing the result into v. `cp`, `dp` are scratch arrays of length·width.
void solve_batch(const LineBatch& b, const double* u, double* v, const double* kappa, double r, double dt_over_d,
                 bool dirichlet, double* cp, double* dp) {
  for (std::size_t j = 0; j < b.length; ++j) {
    const bool lo = j > 0;
    const bool hi = j + 1 < b.length;
    const double missing = static_cast<double>(!lo) + static_cast<double>(!hi);
    const double present = 2.0 - missing;
    const double ghost_weight = dirichlet ? missing : 0.0;
    const double a = lo ? -r : 0.0;
    const double c = hi ? -r : 0.0;
    for (std::size_t k = 0; k < b.width; ++k) {
      const std::size_t i = b.base + j * b.stride + k;
      const double uj = u[i];
      double lap = -ghost_weight * uj;  // homogeneous operator: Dirichlet ghosts are 0
      if (lo) lap += u[i - b.stride] - uj;
      if (hi) lap += u[i + b.stride] - uj;
      const double reaction = dt_over_d * kappa[i];
      const double diag = 1.0 + reaction + r * (present + ghost_weight);
      const double rhs = v[i] - (r * lap - reaction * uj);
      const std::size_t s = j * b.width + k;
      if (!lo) {
        cp[s] = c / diag;
        dp[s] = rhs / diag;
      } else {
        const double m = diag - a * cp[s - b.width];
        cp[s] = c / m;
        dp[s] = (rhs - a * dp[s - b.width]) / m;
      }
    }
  }
  for (std::size_t k = 0; k < b.width; ++k) {
    const std::size_t last = (b.length - 1) * b.width + k;
    v[b.base + (b.length - 1) * b.stride + k] = dp[last];
  }
  for (std::size_t j = b.length - 1; j-- > 0;) {
    for (std::size_t k = 0; k < b.width; ++k) {
      const std::size_t s = j * b.width + k;
      const std::size_t i = b.base + j * b.stride + k;
      v[i] = dp[s] - cp[s] * v[i + b.stride];
    }
  }
}

}  // namespace

void DiffusionSolver::step(Field& field, double dt) {
  const std::size_t n = lattice_.voxel_count();
  kappa_.resize(n);
  work_.resize(n);
  const double decay = field.spec().decay;
  const std::vector<double>& sink = field.sink();
  for (std::size_t i = 0; i < n; ++i) kappa_[i] = decay + sink[i];
  explicit_predictor(field, dt);
  const int axes = lattice_.dimensions();
  for (int axis = 0; axis < axes; ++axis) implicit_direction(field, axis, dt);
  std::swap(field.values(), work_);
}

void DiffusionSolver::explicit_predictor(const Field& field, double dt) {
  const auto& size = lattice_.size();
  const auto nx = static_cast<std::size_t>(size[0]);
  const auto ny = static_cast<std::size_t>(size[1]);
  const auto nz = static_cast<std::size_t>(size[2]);
  const std::size_t strides[3] = {1, nx, nx * ny};
  const std::size_t lengths[3] = {nx, ny, nz};
  const int axes = lattice_.dimensions();
  const double h = lattice_.voxel_um();
  const double r = field.spec().diffusion * dt / (h * h);
  const double outside = field.spec().boundary_value;
  const auto& bc = field.spec().boundary;
  const double* u = field.values().data();
  const double* f = field.source().data();
  double* v = work_.data();
  const auto planes = static_cast<std::ptrdiff_t>(nz);
#pragma omp parallel for schedule(static)
  for (std::ptrdiff_t zz = 0; zz < planes; ++zz) {
    const auto z = static_cast<std::size_t>(zz);
    for (std::size_t y = 0; y < ny; ++y) {
      for (std::size_t x = 0; x < nx; ++x) {
        const std::size_t i = x + nx * (y + ny * z);
        const std::size_t pos[3] = {x, y, z};
        const double ui = u[i];
        double lap = 0.0;
        for (int a = 0; a < axes; ++a) {
          const std::size_t p = pos[a];
          const std::size_t s = strides[a];
          const bool dirichlet = bc[static_cast<std::size_t>(a)] == Boundary::kDirichlet;
          if (p > 0) lap += u[i - s] - ui;
          else if (dirichlet) lap += outside - ui;
          if (p + 1 < lengths[a]) lap += u[i + s] - ui;
          else if (dirichlet) lap += outside - ui;
        }
        v[i] = ui + r * lap + dt * (f[i] - kappa_[i] * ui);
      }
    }
  }
}

void DiffusionSolver::implicit_direction(const Field& field, int axis, double dt) {
  const auto& size = lattice_.size();
  const auto nx = static_cast<std::size_t>(size[0]);
  const auto ny = static_cast<std::size_t>(size[1]);
  const auto nz = static_cast<std::size_t>(size[2]);
  const double h = lattice_.voxel_um();
  const double r = field.spec().diffusion * dt / (h * h);
  const double dt_over_d = dt / lattice_.dimensions();
  const bool dirichlet = field.spec().boundary[static_cast<std::size_t>(axis)] == Boundary::kDirichlet;
  const double* u = field.values().data();
  double* v = work_.data();
  const double* kappa = kappa_.data();
  // Batches: x lines one at a time (contiguous); y lines per z-plane and z lines per y-row,
  // each batch spanning all x.
  const std::size_t batches = axis == 0 ? ny * nz : (axis == 1 ? nz : ny);
  const std::size_t width = axis == 0 ? 1 : nx;
  const std::size_t length = axis == 0 ? nx : (axis == 1 ? ny : nz);
  const std::size_t stride = axis == 0 ? 1 : (axis == 1 ? nx : nx * ny);
#pragma omp parallel
  {
    std::vector<double> cp(length * width), dp(length * width);
#pragma omp for schedule(static)
    for (std::ptrdiff_t bb = 0; bb < static_cast<std::ptrdiff_t>(batches); ++bb) {
      const auto b = static_cast<std::size_t>(bb);
      const std::size_t base = axis == 0 ? b * nx : (axis == 1 ? b * nx * ny : b * nx);
      solve_batch(LineBatch{base, width, stride, length}, u, v, kappa, r, dt_over_d, dirichlet, cp.data(), dp.data());
    }
  }
}

}  // namespace icbsim::abm
