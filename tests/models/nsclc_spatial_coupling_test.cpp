// nsclc_spatial coupling: the operator-split hybrid converges as the coupling step shrinks (the
// lattice step fixed at 6 min). An antibody-drug conjugate given at day 0 makes the coupling
// matter: its kill reaches the lattice only from the next coupling time, so the lag is of the
// order of the coupling step. Means of two seeds; the reference couples every 1/16 day.
#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "tests/models/nsclc_spatial_harness.hpp"

namespace sp = icbsim::models::spatial;
using icbsim::models::NsclcIcb;

namespace {

/// Mean systemic state over seeds 3 and 4 after 3 days, sacituzumab govitecan 10 mg/kg at day 0.
std::vector<double> systemic_after(int steps_per_coupling) {
  const icbsim::pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(nsclc_test::configs() + "/drugs");
  const icbsim::pk::Drug& drug = catalogue.get("sacituzumab_govitecan");
  const icbsim::pk::PatientCovariates typical;
  std::vector<double> mean(NsclcIcb::kVariables.size(), 0.0);
  for (const std::uint64_t seed : {3, 4}) {
    sp::SpatialSettings s = spatial_test::small_section(seed);
    s.lattice = {60, 60, 1};
    s.steps_per_coupling = steps_per_coupling;
    sp::SpatialPatientInput in = spatial_test::patient_input({}, s);
    nsclc_test::set_slot(in.systemic_parameters, "adc", drug, typical, 0.0);
    in.doses = nsclc_test::regimen_doses(drug, "10mgkg_d1d8_q3w", typical, NsclcIcb::kAdc, 0.0, 30.0);
    const spatial_test::SingleThread one;
    sp::SpatialPatient patient(in);
    patient.advance_to(3.0);
    for (std::size_t i = 0; i < mean.size(); ++i) mean[i] += 0.5 * patient.systemic().state()[i];
  }
  return mean;
}

}  // namespace

TEST_CASE("the coupled result converges as the coupling step shrinks", "[nsclc_spatial][coupling]") {
  // Coupling steps of 1, 1/2, 1/4 and 1/8 day (240 ... 30 lattice steps); the default is 1/4 day.
  const std::vector<int> steps{240, 120, 60, 30, 15};
  std::vector<std::vector<double>> runs;
  for (const int k : steps) runs.push_back(systemic_after(k));
  const std::vector<double>& ref = runs.back();
  for (const std::size_t s : {NsclcIcb::kDying, NsclcIcb::kBlood}) {
    std::vector<double> error;
    for (std::size_t r = 0; r + 1 < runs.size(); ++r) error.push_back(std::abs(runs[r][s] / ref[s] - 1.0));
    INFO("state " << NsclcIcb::kVariables[s].name << ": relative differences from the 1/16-day coupling at "
                  << "1, 1/2, 1/4, 1/8 day: " << error[0] << ", " << error[1] << ", " << error[2] << ", " << error[3]);
    CHECK(error[1] < error[0]);
    CHECK(error[2] < error[1]);
    CHECK(error[2] < 0.5 * error[0]);
    CHECK(error[3] < 0.25 * error[0]);
  }
}
