// Benchmark: throughput of the spatial hybrid model on the problem size of PhysiCell's 3-D
// cancer–immune example — a 1.5-mm cube at 20-um voxels (75^3), ~18,000 tumour cells at the start,
// immune cells present — for 21 simulated days on 2 threads, with agent and voxel updates per
// second, simulated days per wall hour, the ratio to PhysiCell's ~180 s of wall time per 30
// simulated minutes on 2 cores, and the 1 -> 2 thread speed-up measured on the same problem in the
// same process. `--million`: a 3-D lattice with ~10^6 tumour cells, a few lattice steps, reporting
// the rate and the peak resident memory. `--days N` shortens the 21-day run.
#include <omp.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "models/nsclc_icb/nsclc_icb.hpp"
#include "models/nsclc_spatial/spatial_parameters.hpp"
#include "models/nsclc_spatial/spatial_patient.hpp"

namespace {

namespace sp = icbsim::models::spatial;
using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

/// PhysiCell's 3-D cancer–immune example: ~180 s of wall time per 30 simulated minutes on 2 cores.
constexpr double kPhysiCellDaysPerWallHour = (0.5 / 24.0) * 3600.0 / 180.0;

/// Peak resident memory of this process [MB] (Linux VmHWM).
double peak_rss_mb() {
  std::ifstream status("/proc/self/status");
  std::string key;
  while (status >> key) {
    if (key == "VmHWM:") {
      double kb = 0;
      status >> kb;
      return kb / 1024.0;
    }
    status.ignore(1 << 16, '\n');
  }
  return 0.0;
}

/// nsclc_icb defaults (untreated) and nsclc_spatial defaults with a nest of `radius_um`.
sp::SpatialPatientInput input(icbsim::abm::Coord lattice, double radius_um) {
  sp::SpatialPatientInput in;
  for (const auto& p : icbsim::models::NsclcIcb::kParameters) in.systemic_parameters.push_back(p.value);
  for (const auto& v : icbsim::models::NsclcIcb::kVariables) in.systemic_state.push_back(v.initial);
  in.spatial_parameters = sp::default_parameters();
  in.spatial_parameters[icbsim::index_of(sp::kParameters, "nest_radius")] = radius_um;
  in.solver.rtol = 1e-6;
  in.solver.atol = 1e-6;
  in.settings.lattice = lattice;
  in.settings.seed = 2026;
  return in;
}

/// Nest radius [um] holding `cells` tumour cells at one per 20-um voxel (1 % vessels, ~9 % dead).
double radius_for(double cells) { return std::cbrt(cells / (0.99 * 0.91) * 8000.0 * 3.0 / (4.0 * M_PI)); }

struct Rate {
  double seconds = 0, agent_updates = 0, steps = 0;
};

/// Advances `patient` by `days`, counting agent updates (agents alive at each coupling time ×
/// lattice steps of the interval).
Rate run(sp::SpatialPatient& patient, double days) {
  Rate r;
  const double t_end = patient.time() + days;
  const auto start = Clock::now();
  while (patient.time() < t_end - 1e-9) {
    const double agents = static_cast<double>(patient.lattice().tissue().agents.size());
    const auto steps_before = patient.lattice().steps_done();
    patient.advance_to(patient.time() + patient.coupling_days());
    const auto steps = static_cast<double>(patient.lattice().steps_done() - steps_before);
    r.agent_updates += agents * steps;
    r.steps += steps;
  }
  r.seconds = seconds_since(start);
  return r;
}

int million() {
  const icbsim::abm::Coord lattice{144, 144, 144};
  omp_set_num_threads(2);
  const auto start = Clock::now();
  sp::SpatialPatient patient(input(lattice, radius_for(1e6)));
  const double setup = seconds_since(start);
  const auto c = patient.lattice().counts();
  std::printf("10^6-cell run: %d^3 voxels (%.2f mm cube), %zu viable + %zu dead tumour cells, %zu agents in all\n",
              lattice[0], lattice[0] * 0.02, c.viable(), c.dead, patient.lattice().tissue().agents.size());
  std::printf("set-up (layout, seeding, oxygen to steady state): %.1f s\n", setup);
  const Rate r = run(patient, patient.coupling_days());  // one coupling interval (60 lattice steps)
  const double voxels = static_cast<double>(patient.lattice().tissue().lattice().voxel_count());
  std::printf("%.0f lattice steps in %.1f s on 2 threads: %.3g agent-updates/s, %.3g voxel-updates/s (4 fields), "
              "%.2f simulated days per wall hour\n",
              r.steps, r.seconds, r.agent_updates / r.seconds, 4.0 * voxels * r.steps / r.seconds,
              r.steps * patient.lattice().dt() * 3600.0 / r.seconds);
  std::printf("peak resident memory: %.0f MB (%.0f bytes per agent and voxel pair)\n", peak_rss_mb(),
              peak_rss_mb() * 1048576.0 / (voxels + static_cast<double>(patient.lattice().tissue().agents.size())));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  double days = 21.0;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--million") return million();
    if (a == "--days" && i + 1 < argc) days = std::stod(argv[++i]);
  }
  const icbsim::abm::Coord lattice{75, 75, 75};
  const double radius = radius_for(18000);
  const double voxels = 75.0 * 75.0 * 75.0;

  // Speed-up: the same problem, one simulated day, from the same start, on 1 and on 2 threads.
  double one_thread = 0, two_threads = 0;
  for (const int threads : {1, 2}) {
    omp_set_num_threads(threads);
    sp::SpatialPatient patient(input(lattice, radius));
    const Rate r = run(patient, 1.0);
    (threads == 1 ? one_thread : two_threads) = r.seconds;
  }

  omp_set_num_threads(2);
  const auto start = Clock::now();
  sp::SpatialPatient patient(input(lattice, radius));
  const double setup = seconds_since(start);
  const auto c0 = patient.lattice().counts();
  std::printf("spatial hybrid: 75^3 voxels of 20 um (1.5 mm cube), %zu viable tumour cells (+%zu dead), %zu CD8, "
              "%zu Treg, %zu MDSC, %zu macrophages at the start; set-up %.1f s\n",
              c0.viable(), c0.dead, c0.effector + c0.exhausted, c0.treg, c0.mdsc, c0.m1 + c0.m2, setup);
  std::printf("schedule of one lattice step (6 min):\n%s", patient.lattice().schedule().c_str());
  const Rate r = run(patient, days);
  const auto c1 = patient.lattice().counts();
  const double days_per_hour = days * 3600.0 / r.seconds;
  std::printf("%.1f simulated days (%.0f lattice steps) on 2 threads in %.1f s; at the end %zu viable tumour cells, "
              "%zu CD8\n",
              days, r.steps, r.seconds, c1.viable(), c1.effector + c1.exhausted);
  std::printf("agent-updates/s: %.3g   voxel-updates/s (4 fields): %.3g\n", r.agent_updates / r.seconds,
              4.0 * voxels * r.steps / r.seconds);
  std::printf("simulated days per wall hour: %.1f (target: 21 days in < 1 h, i.e. >= 21); PhysiCell: %.2f; "
              "ratio %.0fx\n",
              days_per_hour, kPhysiCellDaysPerWallHour, days_per_hour / kPhysiCellDaysPerWallHour);
  std::printf("1 simulated day: 1 thread %.1f s, 2 threads %.1f s, speed-up 1 -> 2 threads %.2f\n", one_thread,
              two_threads, one_thread / two_threads);
  std::printf("peak resident memory: %.0f MB\n", peak_rss_mb());
  return 0;
}
