// Dosing schedules: dose bases (mg, mg/kg, mg/m², Calvert), cycles vs maximal duration, start day,
// offsets within a cycle, infusion events, and the bad-input messages.
#include "engine/pk/schedule.hpp"

#include <catch2/catch.hpp>
#include <cmath>

#include "engine/core/errors.hpp"
#include "engine/io/config/config_node.hpp"
#include "engine/io/config/drug_catalogue_loader.hpp"

namespace pk = icbsim::pk;

namespace {

pk::DosingSchedule q3w(double amount, pk::DoseBasis basis = pk::DoseBasis::kFlat) {
  pk::DosingSchedule s;
  s.drug = "testumab";
  s.dose = {amount, basis};
  s.interval = 21.0;
  s.infusion = 30.0 / 1440.0;
  return s;
}

std::vector<double> times_of(const std::vector<icbsim::DoseEvent>& events) {
  std::vector<double> t;
  for (const auto& e : events) t.push_back(e.time);
  return t;
}

}  // namespace

TEST_CASE("dose bases for the typical patient (70 kg, 175 cm, 65 y, SCr 80 umol/L, male)", "[pk][schedule]") {
  const pk::PatientCovariates typical;
  CHECK(pk::dose_mg({200, pk::DoseBasis::kFlat}, typical) == 200);
  CHECK(pk::dose_mg({3, pk::DoseBasis::kPerKg}, typical) == Approx(210));
  // Mosteller 1987: sqrt(175·70/3600) = 1.844662 m²
  CHECK(pk::dose_mg({75, pk::DoseBasis::kPerM2}, typical) == Approx(75 * std::sqrt(175.0 * 70.0 / 3600.0)));
  CHECK(pk::dose_mg({75, pk::DoseBasis::kPerM2}, typical) == Approx(138.35).epsilon(1e-4));
  // Calvert 1989: 5·(CrCL_CG + 25) = 529.7 mg, CrCL_CG = 75·70·0.074/80 L/h = 80.9375 mL/min (Cockcroft–Gault
  // in the µmol/L form of Zandvliet 2008)
  CHECK(pk::dose_mg({5, pk::DoseBasis::kCalvertAuc}, typical) == Approx(5 * (80.9375 + 25)));
  pk::PatientCovariates measured = typical;
  measured.crcl = 100.0;  // a recorded clearance takes precedence
  CHECK(pk::dose_mg({5, pk::DoseBasis::kCalvertAuc}, measured) == Approx(625));
  pk::PatientCovariates heavy = typical;
  heavy.weight = 80.0;
  CHECK(pk::dose_mg({3, pk::DoseBasis::kPerKg}, heavy) == Approx(240));
  heavy.sex = pk::Sex::kFemale;  // Cockcroft–Gault ×0.85
  CHECK(*pk::crcl_cockcroft_gault(heavy) == Approx(75 * 80 * 0.85 * 0.074 / 80 * 1000 / 60));
}

TEST_CASE("expansion: interval, t_end, target and infusion", "[pk][schedule]") {
  const auto events = pk::expand_schedule(q3w(200), pk::PatientCovariates{}, 2, 63.0);
  REQUIRE(events.size() == 3);  // 0, 21, 42; a dose at t_end itself is not given
  CHECK(times_of(events) == std::vector<double>{0, 21, 42});
  for (const auto& e : events) {
    CHECK(e.target == 2);
    CHECK(e.amount == 200);
    CHECK(e.duration == Approx(30.0 / 1440.0));
  }
}

TEST_CASE("expansion: mg/kg amount follows the patient's weight", "[pk][schedule]") {
  pk::PatientCovariates p;
  p.weight = 82.5;
  const auto events = pk::expand_schedule(q3w(3, pk::DoseBasis::kPerKg), p, 0, 30.0);
  REQUIRE(events.size() == 2);
  CHECK(events[1].amount == Approx(247.5));
}

TEST_CASE("expansion: cycles, maximal duration, start day and offsets", "[pk][schedule]") {
  pk::DosingSchedule s = q3w(200);
  SECTION("cycles") {
    s.cycles = 4;
    CHECK(times_of(pk::expand_schedule(s, {}, 0, 1000)) == std::vector<double>{0, 21, 42, 63});
  }
  SECTION("max duration: doses strictly before start + max_duration") {
    s.max_duration = 63.0;
    CHECK(times_of(pk::expand_schedule(s, {}, 0, 1000)) == std::vector<double>{0, 21, 42});
  }
  SECTION("the earlier of cycles and max duration wins") {
    s.cycles = 2;
    s.max_duration = 100.0;
    CHECK(times_of(pk::expand_schedule(s, {}, 0, 1000)).size() == 2);
    s.cycles = 10;
    CHECK(times_of(pk::expand_schedule(s, {}, 0, 1000)).size() == 5);
  }
  SECTION("start day") {
    s.start = 7.0;
    s.cycles = 3;
    CHECK(times_of(pk::expand_schedule(s, {}, 0, 1000)) == std::vector<double>{7, 28, 49});
  }
  SECTION("days 1 and 8 of a 21-day cycle") {
    s.days = {0.0, 7.0};
    s.cycles = 2;
    CHECK(times_of(pk::expand_schedule(s, {}, 0, 1000)) == std::vector<double>{0, 7, 21, 28});
  }
  SECTION("a single dose needs no interval") {
    pk::DosingSchedule once;
    once.dose = {75, pk::DoseBasis::kFlat};
    once.cycles = 1;
    once.start = 112;
    CHECK(times_of(pk::expand_schedule(once, {}, 0, 1000)) == std::vector<double>{112});
  }
}

TEST_CASE("schedule validation messages", "[pk][schedule]") {
  pk::DosingSchedule s = q3w(200);
  SECTION("non-positive dose") {
    s.dose.amount = 0;
    CHECK_THROWS_WITH(pk::validate(s),
                      Catch::Contains("schedule of testumab") && Catch::Contains("dose must be positive"));
  }
  SECTION("non-positive interval") {
    s.interval = -1;
    CHECK_THROWS_WITH(pk::validate(s), Catch::Contains("interval must be positive"));
  }
  SECTION("infusion longer than the interval") {
    s.interval = 1.0;
    s.infusion = 2.0;
    CHECK_THROWS_WITH(pk::validate(s),
                      Catch::Contains("infusion (2 day) is longer than the interval between doses (1 day)"));
  }
  SECTION("infusion longer than the gap between offsets") {
    s.days = {0.0, 1.0};
    s.infusion = 1.5;
    CHECK_THROWS_WITH(pk::validate(s), Catch::Contains("longer than the interval between doses (1 day)"));
  }
  SECTION("offset outside the cycle") {
    s.days = {0.0, 21.0};
    CHECK_THROWS_WITH(pk::validate(s), Catch::Contains("offset 21 lies outside the cycle [0, 21)"));
  }
  SECTION("mg/kg without weight") {
    pk::PatientCovariates p;
    p.weight.reset();
    CHECK_THROWS_AS(pk::expand_schedule(q3w(3, pk::DoseBasis::kPerKg), p, 0, 100), icbsim::Error);
    CHECK_THROWS_WITH(pk::expand_schedule(q3w(3, pk::DoseBasis::kPerKg), p, 0, 100),
                      Catch::Contains("3 mg/kg needs the patient's body weight"));
  }
  SECTION("mg/m^2 without height") {
    pk::PatientCovariates p;
    p.height.reset();
    CHECK_THROWS_WITH(pk::dose_mg({75, pk::DoseBasis::kPerM2}, p),
                      Catch::Contains("needs the patient's height and weight"));
  }
}

TEST_CASE("read_dosing_schedule: units, bases and located errors", "[pk][schedule]") {
  const auto read = [](const std::string& yaml) {
    return icbsim::read_dosing_schedule(icbsim::parse_yaml_text(yaml, "sched.yaml"), "testumab");
  };
  const pk::DosingSchedule s = read("{dose: 3 mg/kg, every: 2 weeks, infusion: 30 min, cycles: 5, start: 1 week}\n");
  CHECK(s.dose.basis == pk::DoseBasis::kPerKg);
  CHECK(s.dose.amount == Approx(3));
  CHECK(s.interval == 14);
  CHECK(s.infusion == Approx(30.0 / 1440.0));
  CHECK(s.cycles == 5);
  CHECK(s.start == 7);
  CHECK(read("{dose: 0.2 g, every: 21 day}\n").dose.amount == Approx(200));
  CHECK(read("{dose: 75 mg/m^2, every: 3 weeks}\n").dose.basis == pk::DoseBasis::kPerM2);
  CHECK(read("{dose: 5 mg*min/mL, every: 3 weeks}\n").dose.basis == pk::DoseBasis::kCalvertAuc);
  CHECK(read("{dose: 1 mg, every: 21 day, days: [0 day, 1 week]}\n").days == std::vector<double>{0, 7});
  CHECK_THROWS_AS(read("{dose: 3 mL, every: 2 weeks}\n"), icbsim::ScenarioError);
  CHECK_THROWS_WITH(read("{dose: 3 mL, every: 2 weeks}\n"),
                    Catch::Contains("sched.yaml:1:") && Catch::Contains("dose unit 'mL'"));
  CHECK_THROWS_WITH(read("{dose: 200, every: 2 weeks}\n"), Catch::Contains("dose needs a number and a unit"));
  CHECK_THROWS_WITH(read("{dose: 200 mg}\n"), Catch::Contains("needs 'every:'"));
  CHECK_THROWS_WITH(read("{dose: 200 mg, evry: 2 weeks}\n"), Catch::Contains("did you mean 'every'"));
  CHECK_THROWS_WITH(read("{dose: 200 mg, every: 1 day, infusion: 2 day}\n"),
                    Catch::Contains("sched.yaml:1:40") && Catch::Contains("longer than the interval"));
}
