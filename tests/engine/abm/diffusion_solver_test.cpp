// Lattice diffusion at the production step (6 min) and voxel (20 um), against analytic solutions:
// a decaying IFN-γ pulse from a point (transient LOD steps, first order in the step); a steady point
// source in oxygen-consuming tissue and a steady slab with uptake and supplied faces (quasi-steady
// ADI relaxation). Also: exact mass balance with reflecting faces, no ringing after a point release,
// and identical results for 1 and 2 threads.
#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <omp.h>
#include <vector>

#include "engine/abm/diffusion_solver.hpp"

using icbsim::abm::Boundary;
using icbsim::abm::DiffusionSolver;
using icbsim::abm::Field;
using icbsim::abm::FieldSpec;
using icbsim::abm::Lattice;

namespace {

constexpr double kPi = std::numbers::pi;
constexpr double kStep = 1.0 / 240.0;  // production lattice step [day] (6 min)
constexpr double kVoxel = 20.0;        // production voxel [um]
constexpr double kPerMinute = 1440.0;
// Production constants (nsclc_spatial defaults): IFN-γ and oxygen in tumour tissue.
constexpr double kIfngDiffusion = 1000.0 * kPerMinute;  // [um^2/day]
constexpr double kIfngDecay = 7.68;                     // [1/day]
constexpr double kO2Diffusion = 1e5 * kPerMinute;
constexpr double kO2Decay = 0.1 * kPerMinute;
constexpr double kO2Uptake = 3.12 * kPerMinute;         // per voxel holding a tumour cell [1/day]

constexpr std::array<Boundary, 3> kAllDirichlet{Boundary::kDirichlet, Boundary::kDirichlet, Boundary::kDirichlet};

double distance_um(const Lattice& l, std::size_t v, std::size_t centre) {
  const auto a = l.centre_um(v), b = l.centre_um(centre);
  return std::sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
}

/// Largest deviation from the instantaneous-point-release solution within 2 sigma of the
/// centre, relative to the exact peak, after releasing one voxel-full at the centre of a 2-D
/// section and stepping to `t` [day] with step `dt`: u = M/(4πDt)·exp(−r²/4Dt − λt).
double pulse_error(double dt, double t) {
  const int n = 201;
  const Lattice lattice({n, n, 1}, kVoxel);
  Field field(FieldSpec{"ifng", "nM", kIfngDiffusion, kIfngDecay, kAllDirichlet, 0.0}, lattice, 0.0);
  const std::size_t centre = lattice.index({n / 2, n / 2, 0});
  field.values()[centre] = 1.0;  // amount 1·h^2 per unit thickness
  DiffusionSolver solver(lattice);
  const int steps = static_cast<int>(std::lround(t / dt));
  for (int k = 0; k < steps; ++k) solver.step(field, dt);
  const double h2 = kVoxel * kVoxel;
  const double four_dt = 4.0 * kIfngDiffusion * t;
  const double peak = h2 / (kPi * four_dt) * std::exp(-kIfngDecay * t);
  const double sigma = std::sqrt(2.0 * kIfngDiffusion * t);
  double worst = 0.0;
  for (std::size_t v = 0; v < lattice.voxel_count(); ++v) {
    const double r = distance_um(lattice, v, centre);
    if (r > 2.0 * sigma) continue;
    const double exact = peak * std::exp(-r * r / four_dt);
    worst = std::max(worst, std::abs(field[v] - exact));
  }
  return worst / peak;
}

}  // namespace

TEST_CASE("a decaying IFN-γ pulse from a point matches the analytic solution at the production step",
          "[abm][diffusion]") {
  // Compared two hours after the release (20 steps; sigma ~ 24 voxels); halving the step halves
  // the error (first order).
  const double t = 20 * kStep;
  const double production = pulse_error(kStep, t);
  const double half = pulse_error(kStep / 2, t);
  INFO("largest error relative to the peak: production step " << production << ", half step " << half);
  CHECK(production < 0.06);
  CHECK(half < 0.6 * production);
  CHECK(half > 0.4 * production);
}

TEST_CASE("a point release leaves no negative or ringing values", "[abm][diffusion]") {
  const Lattice lattice({21, 21, 21}, kVoxel);
  Field field(FieldSpec{"ifng", "nM", kIfngDiffusion, kIfngDecay, kAllDirichlet, 0.0}, lattice, 0.0);
  const std::size_t centre = lattice.index({10, 10, 10});
  field.values()[centre] = 1.0;
  DiffusionSolver solver(lattice);
  solver.step(field, kStep);
  double smallest = 1.0, neighbour = field[lattice.index({11, 10, 10})];
  for (double u : field.values()) smallest = std::min(smallest, u);
  CHECK(smallest >= 0.0);
  CHECK(field[centre] < 0.05);  // one step spreads the release over ~5 voxels each way
  CHECK(neighbour < field[centre]);
}

TEST_CASE("a steady point source in oxygen-consuming tissue matches q·exp(−r/ℓ)/(4πDr)", "[abm][diffusion]") {
  const int n = 61;
  const Lattice lattice({n, n, n}, kVoxel);
  Field field(FieldSpec{"oxygen", "uM", kO2Diffusion, kO2Decay, kAllDirichlet, 0.0}, lattice, 0.0);
  const std::size_t centre = lattice.index({n / 2, n / 2, n / 2});
  const double q = 1e6;  // source [uM/day] in the centre voxel: amount q·h^3 per day
  for (std::size_t v = 0; v < lattice.voxel_count(); ++v) field.sink()[v] = kO2Uptake;  // uptake by tumour cells
  field.source()[centre] = q;
  DiffusionSolver solver(lattice);
  solver.relax(field, 10);
  const double kappa = kO2Decay + kO2Uptake;
  const double ell = std::sqrt(kO2Diffusion / kappa);  // ~176 um
  const double amount = q * kVoxel * kVoxel * kVoxel;
  double worst = 0.0;
  for (std::size_t v = 0; v < lattice.voxel_count(); ++v) {
    const double r = distance_um(lattice, v, centre);
    // From 5 voxels (the lattice Green's function differs from 1/r closer in) to 1.5 decay
    // lengths (beyond, the zero outside value 30 voxels away pulls the solution down).
    if (r < 5 * kVoxel || r > 1.5 * ell) continue;
    const double exact = amount / (4 * kPi * kO2Diffusion * r) * std::exp(-r / ell);
    worst = std::max(worst, std::abs(field[v] - exact) / exact);
  }
  INFO("largest relative error from 5 voxels to 1.5 decay lengths: " << worst);
  CHECK(worst < 0.03);
}

TEST_CASE("a slab with uptake and supplied faces reaches the cosh steady state", "[abm][diffusion]") {
  const int n = 60;
  const Lattice lattice({n, 1, 1}, kVoxel);
  const double supply = 50.9;  // uM at both faces
  Field field(FieldSpec{"oxygen", "uM", kO2Diffusion, kO2Decay,
                        {Boundary::kDirichlet, Boundary::kNoFlux, Boundary::kNoFlux}, supply},
              lattice, supply);
  for (std::size_t v = 0; v < lattice.voxel_count(); ++v) field.sink()[v] = kO2Uptake;
  DiffusionSolver solver(lattice);
  solver.relax(field, 10);
  // The outside value sits one voxel beyond the edge voxels: the slab spans (n + 1)·h.
  const double ell = std::sqrt(kO2Diffusion / (kO2Decay + kO2Uptake));
  const double half = 0.5 * (n + 1) * kVoxel;
  double worst = 0.0;
  for (int i = 0; i < n; ++i) {
    const double x = (i + 0.5) * kVoxel - 0.5 * n * kVoxel;
    const double exact = supply * std::cosh(x / ell) / std::cosh(half / ell);
    worst = std::max(worst, std::abs(field[static_cast<std::size_t>(i)] - exact) / exact);
  }
  INFO("largest relative error " << worst);
  CHECK(worst < 0.01);
}

TEST_CASE("reflecting faces conserve mass exactly and sources add dt·f", "[abm][diffusion]") {
  const Lattice lattice({12, 10, 8}, kVoxel);
  Field field(FieldSpec{"tracer", "nM", kIfngDiffusion, 0.0, {}, 0.0}, lattice, 0.0);
  double mass = 0.0;
  for (std::size_t v = 0; v < lattice.voxel_count(); ++v) {
    field.values()[v] = std::sin(0.37 * static_cast<double>(v)) + 1.0;
    mass += field.values()[v];
  }
  field.source()[17] = 240.0;
  DiffusionSolver solver(lattice);
  for (int k = 0; k < 10; ++k) solver.step(field, kStep);
  double after = 0.0;
  for (double u : field.values()) after += u;
  CHECK(after == Approx(mass + 10 * kStep * 240.0).epsilon(1e-12));
}

TEST_CASE("diffusion results are identical for 1 and 2 threads", "[abm][diffusion]") {
  const Lattice lattice({32, 28, 24}, kVoxel);  // large enough to run in parallel
  auto run = [&](int threads) {
    omp_set_num_threads(threads);
    Field field(FieldSpec{"ifng", "nM", kIfngDiffusion, kIfngDecay, kAllDirichlet, 0.1}, lattice, 0.0);
    for (std::size_t v = 0; v < lattice.voxel_count(); v += 7) field.source()[v] = 1.0 + 0.01 * static_cast<double>(v);
    for (std::size_t v = 0; v < lattice.voxel_count(); v += 5) field.sink()[v] = 30.0;
    DiffusionSolver solver(lattice);
    for (int k = 0; k < 5; ++k) solver.step(field, kStep);
    solver.relax(field, 2);
    return field.values();
  };
  const int before = omp_get_max_threads();
  const std::vector<double> one = run(1), two = run(2);
  omp_set_num_threads(before);
  CHECK(one == two);
}
