// Benchmark: one two-year nsclc_icb patient on pembrolizumab 200 mg q3w (35 30-min infusions, the
// pd1 slot resolved from the drug catalogue for the typical patient), daily output with observables,
// through the engine's Simulator against a hand-written Boost.Odeint segment loop over the same
// system (the model's rhs called directly). Prints median times, RHS evaluations and their ratios.
#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "benchmarks/bench_timing.hpp"
#include "benchmarks/hand_written_loop.hpp"

#include "engine/io/config/drug_catalogue_loader.hpp"
#include "engine/ode/simulator.hpp"
#include "models/nsclc_icb/nsclc_icb.hpp"

namespace {

using Clock = std::chrono::steady_clock;
using Model = icbsim::models::NsclcIcb;
constexpr std::size_t kStates = Model::kVariables.size();
constexpr std::size_t kObservables = Model::kObservables.size();
using State = std::array<double, kStates>;
constexpr double kEnd = 730.0, kTol = 1e-6;

using HandWritten = icbsim::bench::HandWritten<Model>;

}  // namespace

int main(int argc, char** argv) {
  const std::string folder = argc > 1 ? argv[1] : std::string(ICBSIM_SOURCE_DIR) + "/configs/drugs";
  const icbsim::pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(folder);
  const icbsim::pk::Drug& drug = catalogue.get("pembrolizumab");
  const icbsim::pk::PatientCovariates patient;
  const icbsim::pk::PkParameters pk = icbsim::pk::resolve(drug.pk, patient);

  icbsim::TaskInput in;
  for (const auto& p : Model::kParameters) in.parameters.push_back(p.value);
  auto set = [&](std::string_view name, double v) {
    for (std::size_t i = 0; i < Model::kParameters.size(); ++i)
      if (Model::kParameters[i].name == name) in.parameters[i] = v;
  };
  set("pd1_cl0", pk.cl0);
  set("pd1_vc", pk.vc);
  set("pd1_q2", pk.q2);
  set("pd1_v2", pk.v2);
  set("pd1_kd", drug.kd);
  set("pd1_mw", drug.molecular_weight);
  set("pd1_partition", drug.tumour_partition);
  for (const auto& v : Model::kVariables) in.initial_state.push_back(v.initial);
  in.t_end = kEnd;
  for (int d = 0; d <= static_cast<int>(kEnd); ++d) in.output_times.push_back(d);
  icbsim::pk::DosingSchedule schedule = drug.regimen("200mg_q3w").phases.front();
  schedule.cycles = 35;
  in.doses = icbsim::pk::expand_schedule(schedule, patient, Model::kPd1, kEnd);
  in.solver.rtol = kTol;
  in.solver.atol = kTol;

  const Model model(in.parameters);
  State x0{};
  std::copy(in.initial_state.begin(), in.initial_state.end(), x0.begin());
  std::vector<double> buffer((kStates + kObservables) * in.output_times.size());
  HandWritten hand{model, in.doses, kEnd, kTol, kTol};
  const icbsim::TaskOutput engine_out = icbsim::Simulator<Model>(in).run();
  const double hand_last = hand.run(x0, in.output_times, buffer.data());
  const std::size_t hand_evaluations = hand.rhs_evaluations;
  const double engine_last = engine_out.trajectories[in.output_times.size() - 1];

  volatile double sink = 0;
  constexpr int kCalls = 10, kBatches = 15;
  const auto [t_engine, t_hand] = icbsim::bench::median_seconds_per_call(
      [&] { sink = sink + icbsim::Simulator<Model>(in).run().trajectories.back(); },
      [&] {
        HandWritten h{model, in.doses, kEnd, kTol, kTol};
        sink = sink + h.run(x0, in.output_times, buffer.data());
      },
      kCalls, kBatches);

  const std::size_t n = in.output_times.size();
  std::printf("nsclc_icb (%zu states, %zu observables), pembrolizumab 200 mg q3w x 35 (30-min infusions), 730 days, "
              "daily output, dopri5 rtol = atol = %g\n",
              kStates, kObservables, kTol);
  const std::size_t last = n - 1;  // tumour_diameter is observable 0; tumour_visible is state 0
  std::printf("day 730: tumour diameter engine %.8g mm, hand-written %.8g mm; antigenic clone engine %.8g, "
              "hand-written %.8g cells\n",
              engine_out.trajectories[kStates * n + last], buffer[kStates * n + last], engine_last, hand_last);
  std::printf("%-26s %12s %10s %9s\n", "run", "median [ms]", "rhs evals", "segments");
  std::printf("%-26s %12.3f %10zu %9zu\n", "engine Simulator", t_engine * 1e3, engine_out.stats.rhs_evaluations,
              engine_out.stats.segments);
  std::printf("%-26s %12.3f %10zu %9s\n", "hand-written odeint loop", t_hand * 1e3, hand_evaluations, "-");
  std::printf("ratio engine / hand-written: time %.3f, rhs evaluations %.3f\n", t_engine / t_hand,
              static_cast<double>(engine_out.stats.rhs_evaluations) / static_cast<double>(hand_evaluations));
  return 0;
}
