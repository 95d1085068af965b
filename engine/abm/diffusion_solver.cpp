// LOD backward-Euler steps and the pseudo-time Douglas ADI iteration. Lines along y and z are solved
// in batches over x (contiguous memory).
#include "engine/abm/diffusion_solver.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <utility>

namespace icbsim::abm {
namespace {

/// Smaller lattices are solved on one thread (same result; less than a parallel region costs).
constexpr std::size_t kMinParallelVoxels = 16384;

/// Geometry of a batch of `width` parallel lines of `length` voxels: voxel (j, k) of the batch
/// is at base + j·stride + k.
struct LineBatch {
  std::size_t base, width, stride, length;
};

/// The implicit system of one direction.
struct LineSystem {
  double r;           ///< D·Δt/h²
  double dt_over_d;   ///< Δt/d: the share of the reaction in each direction (Douglas)
  bool dirichlet;     ///< outside value held beyond both faces
  double outside;     ///< that value
  bool douglas;       ///< Douglas correction (else LOD backward Euler)
};

/// Solves the implicit system of one direction for a batch of lines (Thomas algorithm),
/// writing the result into v. Douglas: (I − ΔtA_i)v_i = v − ΔtA_i·u, with the homogeneous A_i
/// (the outside value cancels), solved in place (v is also the right-hand side); LOD:
/// (I − Δt·Dδ_i²)v_i = u, outside value on the right. `cp`, `dp` are scratch arrays of length·width.
void solve_batch(const LineBatch& b, const LineSystem& sys, const double* u, double* v, const double* kappa,
                 double* cp, double* dp) {
  const double r = sys.r;
  for (std::size_t j = 0; j < b.length; ++j) {
    const bool lo = j > 0;
    const bool hi = j + 1 < b.length;
    const double missing = static_cast<double>(!lo) + static_cast<double>(!hi);
    const double present = 2.0 - missing;
    const double ghost_weight = sys.dirichlet ? missing : 0.0;
    const double a = lo ? -r : 0.0;
    const double c = hi ? -r : 0.0;
    for (std::size_t k = 0; k < b.width; ++k) {
      const std::size_t i = b.base + j * b.stride + k;
      double reaction = 0.0, rhs = sys.douglas ? v[i] : u[i];
      if (sys.douglas) {
        const double uj = u[i];
        double lap = -ghost_weight * uj;  // homogeneous operator: Dirichlet ghosts are 0
        if (lo) lap += u[i - b.stride] - uj;
        if (hi) lap += u[i + b.stride] - uj;
        reaction = sys.dt_over_d * kappa[i];
        rhs -= r * lap - reaction * uj;
      } else {
        rhs += r * ghost_weight * sys.outside;
      }
      const double diag = 1.0 + reaction + r * (present + ghost_weight);
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

void DiffusionSolver::fill_kappa(const Field& field) {
  const std::size_t n = lattice_.voxel_count();
  kappa_.resize(n);
  work_.resize(n);
  const double decay = field.spec().decay;
  const double* sink = field.sink().data();
  double* kappa = kappa_.data();
#pragma omp parallel for schedule(static) if (n >= kMinParallelVoxels)
  for (std::ptrdiff_t i = 0; i < static_cast<std::ptrdiff_t>(n); ++i) kappa[i] = decay + sink[i];
}

void DiffusionSolver::step(Field& field, double dt) {
  fill_kappa(field);
  std::vector<double>& u = field.values();
  const double* f = field.source().data();
  const double* kappa = kappa_.data();
  double* values = u.data();
  const auto n = static_cast<std::ptrdiff_t>(u.size());
#pragma omp parallel for schedule(static) if (u.size() >= kMinParallelVoxels)
  for (std::ptrdiff_t i = 0; i < n; ++i) values[i] = (values[i] + dt * f[i]) / (1.0 + dt * kappa[i]);
  for (int axis = 0; axis < lattice_.dimensions(); ++axis) {
    implicit_direction(field, axis, dt, /*douglas=*/false);  // field values -> work_
    std::swap(u, work_);
  }
}

void DiffusionSolver::relax(Field& field, int cycles) {
  fill_kappa(field);
  // Pseudo time steps spread geometrically (ratio 3) between those that damp the sharpest mode,
  // τ·(4dD/h² + κ) ~ 1, and the smoothest, τ·(dDπ²/L² + κ_min) ~ 1.
  const double d = lattice_.dimensions();
  const double h = lattice_.voxel_um();
  double extent = 0.0;
  for (int a = 0; a < lattice_.dimensions(); ++a) extent = std::max(extent, lattice_.size()[static_cast<std::size_t>(a)] * h);
  const double kappa_min = *std::min_element(kappa_.begin(), kappa_.end());
  const double kappa_max = *std::max_element(kappa_.begin(), kappa_.end());
  const double sharpest = 4.0 * d * field.spec().diffusion / (h * h) + kappa_max;
  const double smoothest = d * field.spec().diffusion * std::numbers::pi * std::numbers::pi / (extent * extent) + kappa_min;
  const int count = 1 + static_cast<int>(std::ceil(std::log(sharpest / smoothest) / std::log(3.0)));
  for (int c = 0; c < cycles; ++c)
    for (int k = 0; k < count; ++k) douglas_step(field, 1.0 / (smoothest * std::pow(3.0, k)));
}

void DiffusionSolver::douglas_step(Field& field, double tau) {
  explicit_predictor(field, tau);
  for (int axis = 0; axis < lattice_.dimensions(); ++axis) implicit_direction(field, axis, tau, /*douglas=*/true);
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
#pragma omp parallel for schedule(static) if (lattice_.voxel_count() >= kMinParallelVoxels)
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

void DiffusionSolver::implicit_direction(const Field& field, int axis, double dt, bool douglas) {
  const auto& size = lattice_.size();
  const auto nx = static_cast<std::size_t>(size[0]);
  const auto ny = static_cast<std::size_t>(size[1]);
  const auto nz = static_cast<std::size_t>(size[2]);
  const double h = lattice_.voxel_um();
  const LineSystem sys{field.spec().diffusion * dt / (h * h), dt / lattice_.dimensions(),
                       field.spec().boundary[static_cast<std::size_t>(axis)] == Boundary::kDirichlet,
                       field.spec().boundary_value, douglas};
  const double* u = field.values().data();
  double* v = work_.data();
  const double* kappa = kappa_.data();
  // Batches: x lines one at a time (contiguous); y lines per z-plane and z lines per y-row,
  // each batch spanning all x.
  const std::size_t batches = axis == 0 ? ny * nz : (axis == 1 ? nz : ny);
  const std::size_t width = axis == 0 ? 1 : nx;
  const std::size_t length = axis == 0 ? nx : (axis == 1 ? ny : nz);
  const std::size_t stride = axis == 0 ? 1 : (axis == 1 ? nx : nx * ny);
#pragma omp parallel if (lattice_.voxel_count() >= kMinParallelVoxels)
  {
    std::vector<double> cp(length * width), dp(length * width);
#pragma omp for schedule(static)
    for (std::ptrdiff_t bb = 0; bb < static_cast<std::ptrdiff_t>(batches); ++bb) {
      const auto b = static_cast<std::size_t>(bb);
      const std::size_t base = axis == 0 ? b * nx : (axis == 1 ? b * nx * ny : b * nx);
      solve_batch(LineBatch{base, width, stride, length}, sys, u, v, kappa, cp.data(), dp.data());
    }
  }
}

}  // namespace icbsim::abm
