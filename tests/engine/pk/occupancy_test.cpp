// Receptor occupancy at quasi-equilibrium, checked against values computed by hand.
#include "engine/pk/occupancy.hpp"

#include <catch2/catch.hpp>

namespace pk = icbsim::pk;

TEST_CASE("mass to molar concentration", "[pk][occupancy]") {
  // 1 mg/L of a 146 kDa IgG: 1e-3 g/L / 146000 g/mol = 6.849e-9 mol/L (~6.8 nM)
  CHECK(pk::mg_per_l_to_nanomolar(1.0, 146'000.0) == Approx(6.849315068));
  CHECK(pk::mg_per_l_to_nanomolar(25.81, 149'000.0) == Approx(173.2214765));
}

TEST_CASE("occupancy C/(C + Kd)", "[pk][occupancy]") {
  CHECK(pk::receptor_occupancy(4.0, 4.0) == Approx(0.5));
  CHECK(pk::receptor_occupancy(36.0, 4.0) == Approx(0.9));
  CHECK(pk::receptor_occupancy(0.0, 4.0) == 0.0);
  CHECK(pk::receptor_occupancy(-1.0, 4.0) == 0.0);
}

TEST_CASE("pembrolizumab trough occupancy in plasma and tumour", "[pk][occupancy]") {
  // KD 29 pM (Fessas 2017), MW 149 kDa, partition 0.114; Cmin,ss 25.81 mg/L
  // (Ahamadi 2017 model at 70 kg, 200 mg every 3 weeks: docs/pk.md validation table)
  const pk::OccupancyModel pembro{149'000.0, 0.029, 0.114};
  // plasma: 173.2215 nM / (173.2215 + 0.029) = 0.9998326
  CHECK(pembro.plasma(25.81) == Approx(0.9998326).epsilon(1e-6));
  // tumour: 0.114 × 173.2215 = 19.74725 nM; 19.74725 / 19.77625 = 0.9985336
  CHECK(pembro.tumour(25.81) == Approx(0.9985336).epsilon(1e-6));
  // inverse: the plasma level for 90% tumour occupancy, 9·Kd/partition in nM = 2.2895 nM = 0.3411 mg/L
  CHECK(pembro.plasma_for_tumour_occupancy(0.9) == Approx(0.029 * 9 / 0.114 * 149'000.0 * 1e-6));
  CHECK(pembro.plasma_for_tumour_occupancy(0.9) == Approx(0.3411316).epsilon(1e-6));
  CHECK(pembro.tumour(pembro.plasma_for_tumour_occupancy(0.9)) == Approx(0.9));
}
