// systemic_part: doses cut to a coupling interval (boluses by start, infusions in proportion), the
// bed composition read from the systemic state, the tumour-bed overwrite from lattice counts × S,
// drug signals (cytotoxic kill per cycling cell), bad initial states, and integration over an
// interval in pieces agreeing with one piece.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/io/config/drug_catalogue_loader.hpp"
#include "models/nsclc_spatial/systemic_part.hpp"
#include "tests/models/nsclc_icb_harness.hpp"

namespace {

namespace sp = icbsim::models::spatial;
using icbsim::DoseEvent;
using icbsim::models::NsclcIcb;

icbsim::SolverSettings solver() {
  icbsim::SolverSettings s;
  s.rtol = 1e-8;
  s.atol = 1e-8;
  return s;
}

}  // namespace

TEST_CASE("doses within an interval: boluses by start time, infusions cut in proportion", "[spatial][systemic_part]") {
  const std::vector<DoseEvent> doses{{0.0, 3, 10.0, 0.0},   // bolus at t0: in [0, 1)
                                     {1.0, 3, 20.0, 0.0},   // bolus at t1: belongs to the next interval
                                     {0.5, 4, 8.0, 1.0},    // infusion over [0.5, 1.5): half inside [0, 1)
                                     {2.0, 4, 5.0, 0.5}};   // infusion after the interval
  const auto first = sp::doses_within(doses, 0.0, 1.0);
  REQUIRE(first.size() == 2);
  CHECK(first[0].time == 0.0);
  CHECK(first[0].amount == 10.0);
  CHECK(first[0].target == 3);
  CHECK(first[1].time == 0.5);
  CHECK(first[1].duration == Approx(0.5));
  CHECK(first[1].amount == Approx(4.0));  // 8 × 0.5/1.0, at the same rate 8/day
  CHECK(first[1].target == 4);
  const auto second = sp::doses_within(doses, 1.0, 2.0);
  REQUIRE(second.size() == 2);
  CHECK(second[0].amount == 20.0);
  CHECK(second[1].time == 1.0);
  CHECK(second[1].duration == Approx(0.5));
  CHECK(second[1].amount == Approx(4.0));
  // The whole infusion in pieces delivers its amount: 4 + 4 = 8; one of 5 in [2, 2.5) inside [2, 3).
  const auto third = sp::doses_within(doses, 2.0, 3.0);
  REQUIRE(third.size() == 1);
  CHECK(third[0].amount == Approx(5.0));
  CHECK(sp::doses_within(doses, 3.0, 4.0).empty());
}

TEST_CASE("bed composition and tumour-bed overwrite between systemic state and lattice counts", "[spatial][systemic_part]") {
  std::vector<double> x = nsclc_test::default_state();
  x[NsclcIcb::kVisible] = 800.0;
  x[NsclcIcb::kEscape] = 200.0;
  x[NsclcIcb::kDying] = 250.0;
  x[NsclcIcb::kEffector] = 30.0;
  x[NsclcIcb::kExhausted] = 10.0;
  x[NsclcIcb::kTreg] = 5.0;
  x[NsclcIcb::kMdsc] = 7.0;
  x[NsclcIcb::kM1] = 2.0;
  x[NsclcIcb::kM2] = 20.0;
  sp::SystemicPart part(nsclc_test::default_parameters(), x, {}, solver());
  const sp::BedComposition bed = part.bed_composition();
  // Per viable tumour cell (800 + 200 = 1000); dead share of viable + dead: 250/1250.
  CHECK(bed.escape_fraction == Approx(0.2));
  CHECK(bed.dead_fraction == Approx(0.2));
  CHECK(bed.effector == Approx(0.03));
  CHECK(bed.exhausted == Approx(0.01));
  CHECK(bed.treg == Approx(0.005));
  CHECK(bed.mdsc == Approx(0.007));
  CHECK(bed.m1 == Approx(0.002));
  CHECK(bed.m2 == Approx(0.02));
  CHECK(part.tumour_cells() == 1000.0);

  // Overwrite: patient cells = lattice counts × S (docs "Scaling"); the IFN-γ signal is the lattice mean.
  sp::LatticeCounts c;
  c.antigenic = 600;
  c.escape = 100;
  c.dead = 50;
  c.effector = 20;
  c.exhausted = 4;
  c.treg = 3;
  c.mdsc = 2;
  c.m1 = 1;
  c.m2 = 9;
  c.mean_signal = 0.35;
  const std::vector<double> before = part.state();
  part.set_tumour_bed(c, 1e6);
  const auto& y = part.state();
  CHECK(y[NsclcIcb::kVisible] == 6e8);
  CHECK(y[NsclcIcb::kEscape] == 1e8);
  CHECK(y[NsclcIcb::kDying] == 5e7);
  CHECK(y[NsclcIcb::kSignal] == 0.35);
  CHECK(y[NsclcIcb::kEffector] == 2e7);
  CHECK(y[NsclcIcb::kExhausted] == 4e6);
  CHECK(y[NsclcIcb::kTreg] == 3e6);
  CHECK(y[NsclcIcb::kMdsc] == 2e6);
  CHECK(y[NsclcIcb::kM1] == 1e6);
  CHECK(y[NsclcIcb::kM2] == 9e6);
  // Priming, blood and drug states are left alone.
  CHECK(y[NsclcIcb::kBlood] == before[NsclcIcb::kBlood]);
  CHECK(y[NsclcIcb::kDc] == before[NsclcIcb::kDc]);
  CHECK(y[NsclcIcb::kNaive] == before[NsclcIcb::kNaive]);
  CHECK(part.tumour_cells() == 7e8);
}

TEST_CASE("a wrong systemic state is refused", "[spatial][systemic_part]") {
  std::vector<double> x = nsclc_test::default_state();
  x.pop_back();
  CHECK_THROWS_WITH(sp::SystemicPart(nsclc_test::default_parameters(), x, {}, solver()),
                    Catch::Contains("nsclc_icb states"));
  x = nsclc_test::default_state();
  x[NsclcIcb::kVisible] = 0.0;
  x[NsclcIcb::kEscape] = 0.0;
  CHECK_THROWS_WITH(sp::SystemicPart(nsclc_test::default_parameters(), x, {}, solver()),
                    Catch::Contains("no viable tumour cells"));
  sp::SystemicPart part(nsclc_test::default_parameters(), nsclc_test::default_state(), {}, solver());
  CHECK(part.parameter("proliferating_fraction") ==
        nsclc_test::default_parameters()[nsclc_test::parameter("proliferating_fraction")]);
  CHECK_THROWS_AS(part.parameter("no_such_parameter"), icbsim::Error);
}

TEST_CASE("drug signals: occupancy and the cytotoxic kill per cycling cell", "[spatial][systemic_part]") {
  std::vector<double> p = nsclc_test::default_parameters();
  std::vector<double> x = nsclc_test::default_state();
  {
    const sp::SystemicPart untreated(p, x, {}, solver());
    const sp::SystemicSignals s = untreated.signals();
    CHECK(s.ro_pd1 == 0.0);
    CHECK(s.ro_pdl1 == 0.0);
    CHECK(s.ro_ctla4 == 0.0);
    CHECK(s.chemo_kill == 0.0);
    CHECK(s.adc_kill == 0.0);
    CHECK(s.lymphocyte_kill == 0.0);
    CHECK(s.cd8_arrivals == 0.0);  // arrivals are set by the patient, not here
  }
  const icbsim::pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(nsclc_test::configs() + "/drugs");
  nsclc_test::set_slot(p, "cyto1", catalogue.get("carboplatin"), icbsim::pk::PatientCovariates{}, 0.0);
  nsclc_test::set_slot(p, "pd1", catalogue.get("pembrolizumab"), icbsim::pk::PatientCovariates{}, 0.0);
  x[NsclcIcb::kCyto1] = 500.0;  // a carboplatin dose in the central compartment [mg]
  x[NsclcIcb::kPd1] = 200.0;    // a pembrolizumab dose [mg]
  const sp::SystemicPart treated(p, x, {}, solver());
  const sp::SystemicSignals s = treated.signals();
  const auto k = NsclcIcb(p).terms<double>(x.data(), 0.0);
  REQUIRE(k.chemo_tumour > 0.0);
  REQUIRE(k.ro_pd1 > 0.0);
  CHECK(s.ro_pd1 == k.ro_pd1);
  // nsclc_icb's cytotoxic kill is per tumour cell = per cycling cell × proliferating_fraction;
  // the lattice applies it to cycling cells only, so it reads the per-cycling-cell rate.
  const double proliferating = p[nsclc_test::parameter("proliferating_fraction")];
  CHECK(s.chemo_kill == Approx(k.chemo_tumour / proliferating).epsilon(1e-14));
  CHECK(s.lymphocyte_kill == k.chemo_lymph);
  CHECK(s.lymphocyte_kill > 0.0);
}

TEST_CASE("advancing an interval in two pieces agrees with one piece across an infusion", "[spatial][systemic_part]") {
  std::vector<double> p = nsclc_test::default_parameters();
  const icbsim::pk::DrugCatalogue catalogue = icbsim::load_drug_catalogue(nsclc_test::configs() + "/drugs");
  // Pembrolizumab 200 mg over 30 min from day 0.1: the split at 0.11 cuts the infusion.
  std::vector<DoseEvent> doses = nsclc_test::pembrolizumab(catalogue, p, 0.1, 1.0);
  REQUIRE(!doses.empty());
  REQUIRE(doses[0].duration > 0.01);
  const sp::CouplingInputs inputs{1e6, 0.9, 0.05};
  sp::SystemicPart whole(p, nsclc_test::default_state(), doses, solver());
  sp::SystemicPart pieces(p, nsclc_test::default_state(), doses, solver());
  pieces.advance(0.05, inputs);
  CHECK(pieces.state()[NsclcIcb::kPd1] == 0.0);  // before the infusion nothing of it is delivered
  pieces.advance(0.11, inputs);
  pieces.advance(0.25, inputs);
  whole.advance(0.25, inputs);
  CHECK(whole.time() == 0.25);
  CHECK(pieces.time() == 0.25);
  REQUIRE(whole.state()[NsclcIcb::kPd1] > 0.0);
  for (std::size_t i = 0; i < whole.state().size(); ++i) {
    INFO(NsclcIcb::kVariables[i].name);
    CHECK(pieces.state()[i] == Approx(whole.state()[i]).epsilon(1e-5).margin(1e-6));
  }
}
