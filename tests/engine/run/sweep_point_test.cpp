// What a sweep point changes in a task: parameter axes set or scale, overlay axes switch on at
// values >= 0.5, axes act in the scenario's order; dose, interval and drug axes change only the
// treatment items of their drug; which axis kinds change treatments.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "engine/run/sweep_point.hpp"
#include "models/register_builtin.hpp"

using namespace icbsim;
using sweep::Axis;
using sweep::AxisKind;

namespace {

const ModelInfo& kuznetsov() {
  static const ModelRegistry r = models::builtin_registry();
  return r.get("kuznetsov1994");
}

std::size_t index(const char* name) { return static_cast<std::size_t>(kuznetsov().parameter_index(name)); }

Axis parameter_axis(const char* name, bool scale) {
  Axis a;
  a.kind = AxisKind::kParameter;
  a.label = name;
  a.parameter = index(name);
  a.scale = scale;
  return a;
}

Axis treatment_axis(AxisKind kind, const std::string& drug) {
  Axis a;
  a.kind = kind;
  a.drug = drug;
  a.label = std::string(sweep::kAxisKindNames.name(kind)) + ":" + drug;
  return a;
}

std::vector<double> defaults() {
  std::vector<double> p;
  for (const ParameterSpec& spec : kuznetsov().parameters) p.push_back(spec.value);
  return p;
}

/// An item of `drug` with two schedule phases (a loading phase, then maintenance).
TreatmentItem item(const std::string& drug, double dose, double interval) {
  TreatmentItem t;
  t.drug.name = drug;
  t.regimen = "custom";
  t.slot = drug.substr(0, 4);
  pk::DosingSchedule loading, maintenance;
  loading.drug = maintenance.drug = drug;
  loading.dose.amount = 2 * dose;
  loading.interval = interval;
  loading.cycles = 1;
  maintenance.dose.amount = dose;
  maintenance.interval = interval;
  maintenance.start = interval;
  t.phases = {loading, maintenance};
  return t;
}

Treatment two_drugs() {
  Treatment t;
  t.items = {item("pembrolizumab", 200, 21), item("ipilimumab", 70, 42)};
  t.stop = StopRule::kProgression;
  return t;
}

}  // namespace

TEST_CASE("parameter axes set or scale the patient's value, in axis order", "[run][sweep]") {
  sweep::SweepSpec spec;
  spec.axes = {parameter_axis("s", false), parameter_axis("a", true), parameter_axis("d", false),
               parameter_axis("d", true)};
  std::vector<double> p = defaults();
  p[index("a")] = 0.2;  // this patient's own drawn value
  const std::vector<double> before = p;
  apply_point_parameters(spec, Eigen::Vector4d(1.5e4, 0.5, 0.03, 2.0), kuznetsov(), p);
  CHECK(p[index("s")] == 1.5e4);   // set
  CHECK(p[index("a")] == 0.1);     // 0.2 x 0.5: scales the patient's value, not the default 0.18
  CHECK(p[index("d")] == 0.06);    // set to 0.03 by the third axis, then doubled by the fourth
  for (const char* untouched : {"p", "g", "m", "b", "n"}) {
    INFO(untouched);
    CHECK(p[index(untouched)] == before[index(untouched)]);
  }
  // The other order: doubled first, then set.
  spec.axes = {parameter_axis("d", true), parameter_axis("d", false)};
  apply_point_parameters(spec, Eigen::Vector2d(2.0, 0.03), kuznetsov(), p);
  CHECK(p[index("d")] == 0.03);
}

TEST_CASE("an overlay axis applies its overlay from the value 0.5 up", "[run][sweep]") {
  Overlay halve_s;
  halve_s.name = "halve_s";
  halve_s.changes_by_model["kuznetsov1994"] = {{"s", ChangeOp::kScale, 0.5, "test"}, {"n", ChangeOp::kSet, 0.0, "test"}};
  Axis overlay;
  overlay.kind = AxisKind::kOverlay;
  overlay.label = "phenotype:halve_s";
  overlay.overlay = halve_s;
  overlay.levels = {0.0, 1.0};
  sweep::SweepSpec spec;
  spec.axes = {parameter_axis("s", false), overlay};
  for (const double v : {0.0, 0.49, 0.5, 1.0}) {
    INFO("overlay axis value " << v);
    std::vector<double> p = defaults();
    apply_point_parameters(spec, Eigen::Vector2d(1.2e4, v), kuznetsov(), p);
    const bool on = v >= 0.5;
    CHECK(p[index("s")] == (on ? 6e3 : 1.2e4));  // the overlay sees the first axis's value
    CHECK(p[index("n")] == (on ? 0.0 : kuznetsov().parameters[index("n")].value));
  }
}

TEST_CASE("dose and interval axes change every phase of their drug only", "[run][sweep]") {
  sweep::SweepSpec spec;
  spec.axes = {parameter_axis("s", false), treatment_axis(AxisKind::kDose, "pembrolizumab"),
               treatment_axis(AxisKind::kInterval, "ipilimumab")};
  const Treatment planned = two_drugs();
  const Treatment t = apply_point_treatment(spec, Eigen::Vector3d(1e4, 1.5, 28.0), planned);
  REQUIRE(t.items.size() == 2);
  const TreatmentItem& pembro = t.items[0];
  const TreatmentItem& ipi = t.items[1];
  CHECK(pembro.phases[0].dose.amount == 600.0);  // 400 x 1.5
  CHECK(pembro.phases[1].dose.amount == 300.0);  // 200 x 1.5
  CHECK(pembro.phases[0].interval == 21.0);
  CHECK(pembro.phases[1].interval == 21.0);
  CHECK(ipi.phases[0].interval == 28.0);
  CHECK(ipi.phases[1].interval == 28.0);
  CHECK(ipi.phases[0].dose.amount == 140.0);
  CHECK(ipi.phases[1].dose.amount == 70.0);
  CHECK(ipi.phases[1].start == 42.0);  // only the cycle length changes
  CHECK(t.stop == StopRule::kProgression);
  CHECK(planned.items[0].phases[1].dose.amount == 200.0);  // the plan's treatment is a copy
}

TEST_CASE("a drug axis swaps in the alternative its rounded value names", "[run][sweep]") {
  Axis drug = treatment_axis(AxisKind::kDrug, "pembrolizumab");
  drug.alternatives = {item("pembrolizumab", 200, 21), item("atezolizumab", 1200, 21), item("nivolumab", 240, 14)};
  drug.levels = {0.0, 1.0, 2.0};
  sweep::SweepSpec spec;
  // A later dose axis on the replaced drug no longer applies; one on the new drug does.
  spec.axes = {drug, treatment_axis(AxisKind::kDose, "pembrolizumab"), treatment_axis(AxisKind::kDose, "nivolumab")};
  SECTION("value 2: nivolumab, at the nivolumab dose multiple") {
    const Treatment t = apply_point_treatment(spec, Eigen::Vector3d(2.0, 10.0, 0.5), two_drugs());
    REQUIRE(t.items.size() == 2);
    CHECK(t.items[0].drug.name == "nivolumab");
    CHECK(t.items[0].slot == "nivo");
    CHECK(t.items[0].phases[1].dose.amount == 120.0);  // 240 x 0.5; the pembrolizumab x10 is gone
    CHECK(t.items[0].phases[1].interval == 14.0);
    CHECK(t.items[1].drug.name == "ipilimumab");  // the other drug stays
    CHECK(t.items[1].phases[1].dose.amount == 70.0);
  }
  SECTION("value 0.6 rounds to 1: atezolizumab") {
    const Treatment t = apply_point_treatment(spec, Eigen::Vector3d(0.6, 10.0, 0.5), two_drugs());
    CHECK(t.items[0].drug.name == "atezolizumab");
    CHECK(t.items[0].phases[1].dose.amount == 1200.0);
  }
  SECTION("value 0: the planned drug's alternative, which later axes on its name still change") {
    const Treatment t = apply_point_treatment(spec, Eigen::Vector3d(0.0, 10.0, 0.5), two_drugs());
    CHECK(t.items[0].drug.name == "pembrolizumab");
    CHECK(t.items[0].phases[1].dose.amount == 2000.0);
  }
}

TEST_CASE("only dose, interval and drug axes change treatments", "[run][sweep]") {
  sweep::SweepSpec spec;
  CHECK_FALSE(sweep_changes_treatment(spec));
  Axis overlay;
  overlay.kind = AxisKind::kOverlay;
  spec.axes = {parameter_axis("s", false), overlay};
  CHECK_FALSE(sweep_changes_treatment(spec));
  for (AxisKind kind : {AxisKind::kDose, AxisKind::kInterval, AxisKind::kDrug}) {
    INFO(sweep::kAxisKindNames.name(kind));
    sweep::SweepSpec with = spec;
    with.axes.push_back(treatment_axis(kind, "pembrolizumab"));
    CHECK(sweep_changes_treatment(with));
  }
  // Parameter and overlay axes leave the treatment as planned.
  const Treatment t = apply_point_treatment(spec, Eigen::Vector2d(1e4, 1.0), two_drugs());
  CHECK(t.items[0].phases[0].dose.amount == 400.0);
  CHECK(t.items[1].phases[0].interval == 42.0);
}
