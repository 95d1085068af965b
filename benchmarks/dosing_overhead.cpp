// Benchmark: the cost of dosing. pk_compartmental (pembrolizumab, Ahamadi 2017, typical NSCLC
// patient, from configs/drugs) over two years with daily output, run through the model registry
// (a) without doses, the drug present from t = 0, and (b) with the 35-dose 200 mg q3w schedule
// (30-min infusions: 70 discontinuities), in the same process. Prints median wall times, steps,
// right-hand-side evaluations, segments and the ratio.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "benchmarks/bench_timing.hpp"
#include "engine/io/config/drug_catalogue_loader.hpp"
#include "models/pk_compartmental.hpp"
#include "models/register_builtin.hpp"

namespace {

using Clock = std::chrono::steady_clock;
constexpr double kEnd = 730.0;

}  // namespace

int main(int argc, char** argv) {
  const std::string folder = argc > 1 ? argv[1] : std::string(ICBSIM_SOURCE_DIR) + "/configs/drugs";
  const icbsim::pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(folder);
  const icbsim::pk::Drug& drug = catalogue.get("pembrolizumab");
  const icbsim::pk::PatientCovariates patient;
  icbsim::pk::DosingSchedule schedule = drug.regimen("200mg_q3w").phases.front();
  schedule.cycles = 35;  // KEYNOTE-024/-042: up to 35 cycles (2 years)

  const icbsim::ModelRegistry registry = icbsim::models::builtin_registry();
  const icbsim::ModelInfo& model = registry.get("pk_compartmental");

  icbsim::TaskInput undosed;
  undosed.parameters = icbsim::models::PkCompartmental::parameters_from(icbsim::pk::resolve(drug.pk, patient));
  undosed.initial_state = {200.0, 0.0, 0.0, 0.0};  // the first dose as an initial amount
  undosed.t_end = kEnd;
  for (int d = 0; d <= static_cast<int>(kEnd); ++d) undosed.output_times.push_back(d);
  icbsim::TaskInput dosed = undosed;
  dosed.initial_state = {0.0, 0.0, 0.0, 0.0};
  dosed.doses = icbsim::pk::expand_schedule(schedule, patient, icbsim::models::PkCompartmental::kCentral, kEnd);

  const icbsim::TaskOutput a = model.simulate(undosed);
  const icbsim::TaskOutput b = model.simulate(dosed);
  volatile double sink = 0.0;
  const auto [t_a, t_b] =
      icbsim::bench::median_seconds_per_call([&] { sink = sink + model.simulate(undosed).trajectories.back(); },
                              [&] { sink = sink + model.simulate(dosed).trajectories.back(); }, 20, 15);

  std::printf("pk_compartmental, pembrolizumab (Ahamadi 2017), 730 days, daily output, dopri5 rtol %g atol %g\n",
              undosed.solver.rtol, undosed.solver.atol);
  std::printf("%-28s %12s %8s %10s %9s\n", "run", "median [us]", "steps", "rhs evals", "segments");
  std::printf("%-28s %12.1f %8zu %10zu %9zu\n", "no doses (A1(0) = 200 mg)", t_a * 1e6, a.stats.steps,
              a.stats.rhs_evaluations, a.stats.segments);
  std::printf("%-28s %12.1f %8zu %10zu %9zu\n", "35 x 200 mg q3w, 30-min inf.", t_b * 1e6, b.stats.steps,
              b.stats.rhs_evaluations, b.stats.segments);
  std::printf("ratio dosed/undosed: time %.2f, rhs evaluations %.2f (%zu doses)\n", t_b / t_a,
              static_cast<double>(b.stats.rhs_evaluations) / static_cast<double>(a.stats.rhs_evaluations),
              dosed.doses.size());
  return 0;
}
