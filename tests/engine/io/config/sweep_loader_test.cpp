// The sweep: section reader: design settings with their defaults, axes of every kind with their
// labels, units and levels (values converted into the axis unit), outputs; and the located errors
// the bad-input catalogue (tests/data/bad/sweep_*.yaml) does not already cover.
#include <catch2/catch.hpp>

#include <string>

#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_loader.hpp"
#include "models/register_builtin.hpp"
#include "tests/support/builtin_registry.hpp"

using namespace icbsim;
using sweep::AxisKind;
using sweep::DesignKind;

namespace {

using icbsim::testing::registry;

/// A Kuznetsov scenario whose sweep section starts on line 4 with `lines`.
std::string kuznetsov_sweep(const std::string& lines) {
  return "model: kuznetsov1994\ntime: {end: 10 days}\nsweep:\n" + lines;
}

/// A treated nsclc_icb patient whose only sweep axis (line 8, column 10) is `axis`.
std::string treated_sweep(const std::string& axis) {
  return "model: nsclc_icb\n"
         "patient: {weight: 70 kg, height: 175 cm}\n"
         "time: {end: 200 days, output_every: 7 days}\n"
         "treatment:\n"
         "  drugs: [{drug: pembrolizumab, regimen: 200mg_q3w}]\n"
         "sweep:\n"
         "  design: grid\n"
         "  axes: [" + axis + "]\n"
         "  outputs: [final:tumour_diameter]\n";
}

Scenario load(const std::string& text) { return load_scenario_text(text, "sweep.yaml", registry()); }

/// Loading `text` fails with a ScenarioError at sweep.yaml:`location` holding `fragment`, with the
/// offending line and a caret.
void rejected(const std::string& text, const std::string& location, const std::string& fragment) {
  INFO(text);
  try {
    (void)load(text);
    FAIL("accepted");
  } catch (const ScenarioError& e) {
    const std::string message = e.what();
    INFO(message);
    CHECK(message.rfind("sweep.yaml:" + location + ": ", 0) == 0);
    CHECK(message.find(fragment) != std::string::npos);
    CHECK(message.back() == '^');
  }
}

}  // namespace

TEST_CASE("the sweep section is read into the design, axes and outputs", "[io][sweep]") {
  const Scenario s = load(kuznetsov_sweep("  design: lhs\n"
                                          "  samples: 6\n"
                                          "  replicates: 3\n"
                                          "  axes:\n"
                                          "    - {parameter: a, distribution: uniform, min: 0.01 1/hour, max: 0.02 1/hour}\n"
                                          "    - {parameter: s, scale: true, values: [0.5, 1, 2]}\n"
                                          "    - {parameter: d, values: [0.03 1/day, 0.05 1/day]}\n"
                                          "    - {phenotype: b2m_loss}\n"
                                          "    - {host: antibiotics}\n"
                                          "  outputs: [final:T, min:E, max:T]\n"));
  REQUIRE(s.sweep);
  const sweep::SweepSpec& spec = *s.sweep;
  CHECK(spec.design == DesignKind::kLatinHypercube);
  CHECK(spec.samples == 6);
  CHECK(spec.replicates == 3);
  CHECK(spec.bootstrap == 500);  // defaults
  CHECK(spec.level == 0.95);
  CHECK(spec.outputs == std::vector<std::string>{"final:T", "min:E", "max:T"});
  REQUIRE(spec.axes.size() == 5);

  const sweep::Axis& a = spec.axes[0];
  CHECK(a.kind == AxisKind::kParameter);
  CHECK(a.label == "a");
  CHECK(a.unit == "1/day");
  CHECK(a.parameter == static_cast<std::size_t>(s.model->parameter_index("a")));
  CHECK_FALSE(a.scale);
  CHECK_FALSE(a.discrete());
  CHECK(a.value_at(0.0) == Approx(0.24));  // 0.01 1/hour in the parameter's 1/day
  CHECK(a.value_at(1.0) == Approx(0.48));

  const sweep::Axis& factor = spec.axes[1];
  CHECK(factor.scale);
  CHECK(factor.unit == "1");
  CHECK(factor.levels == std::vector<double>{0.5, 1.0, 2.0});

  CHECK(spec.axes[2].levels == std::vector<double>{0.03, 0.05});
  CHECK(spec.axes[2].unit == "1/day");

  for (std::size_t j : {3, 4}) {
    const sweep::Axis& o = spec.axes[j];
    CHECK(o.kind == AxisKind::kOverlay);
    CHECK(o.unit == "1");
    CHECK(o.levels == std::vector<double>{0.0, 1.0});
    REQUIRE(o.overlay);
  }
  CHECK(spec.axes[3].label == "phenotype:b2m_loss");
  CHECK(spec.axes[3].overlay->name == "b2m_loss");
  CHECK(spec.axes[4].label == "host:antibiotics");
  CHECK(spec.axes[4].overlay->kind == OverlayKind::kHost);
}

TEST_CASE("grid levels, Morris levels and bootstrap settings", "[io][sweep]") {
  const Scenario grid = load(kuznetsov_sweep("  design: grid\n  levels: 3\n"
                                             "  axes: [{parameter: s, distribution: uniform, min: 1e4 cells/day, max: 2e4 cells/day}]\n"
                                             "  outputs: [final:T]\n"));
  CHECK(grid.sweep->design == DesignKind::kGrid);
  CHECK(grid.sweep->levels == 3);
  CHECK(grid.sweep->samples == 0);
  const Scenario morris = load(kuznetsov_sweep("  design: morris\n  samples: 2\n  levels: 6\n"
                                               "  axes: [{parameter: s, distribution: uniform, min: 1e4 cells/day, max: 2e4 cells/day}]\n"
                                               "  outputs: [final:T]\n"));
  CHECK(morris.sweep->levels == 6);
  CHECK(morris.sweep->samples == 2);
  const Scenario saltelli = load(kuznetsov_sweep("  design: saltelli\n  samples: 4\n  bootstrap: {resamples: 20, level: 90 %}\n"
                                                 "  axes: [{parameter: s, distribution: uniform, min: 1e4 cells/day, max: 2e4 cells/day}]\n"
                                                 "  outputs: [final:T]\n"));
  CHECK(saltelli.sweep->bootstrap == 20);
  CHECK(saltelli.sweep->level == Approx(0.9));
}

TEST_CASE("dose interval and drug axes name the drug they change", "[io][sweep]") {
  const Scenario dose = load(treated_sweep("{dose: pembrolizumab, distribution: uniform, min: 0.5, max: 2}"));
  const sweep::Axis& d = dose.sweep->axes.at(0);
  CHECK(d.kind == AxisKind::kDose);
  CHECK(d.label == "dose:pembrolizumab");
  CHECK(d.drug == "pembrolizumab");
  CHECK(d.unit == "1");
  const Scenario interval = load(treated_sweep("{interval: pembrolizumab, values: [2 weeks, 21 days, 1.5 weeks]}"));
  const sweep::Axis& i = interval.sweep->axes.at(0);
  CHECK(i.kind == AxisKind::kInterval);
  CHECK(i.unit == "day");
  CHECK(i.levels == std::vector<double>{14.0, 21.0, 10.5});
  const Scenario drug = load(treated_sweep("{drug: pembrolizumab, values: [atezolizumab, nivolumab]}"));
  const sweep::Axis& g = drug.sweep->axes.at(0);
  CHECK(g.kind == AxisKind::kDrug);
  CHECK(g.levels == std::vector<double>{0.0, 1.0});
  REQUIRE(g.alternatives.size() == 2);
  CHECK(g.alternatives[0].drug.name == "atezolizumab");
  CHECK(g.alternatives[1].drug.name == "nivolumab");
}

TEST_CASE("bad design settings are located errors", "[io][sweep][bad-input]") {
  const std::string axes = "  axes: [{parameter: s, distribution: uniform, min: 1e4 cells/day, max: 2e4 cells/day}]\n"
                           "  outputs: [final:T]\n";
  rejected(kuznetsov_sweep("  design: morris\n  samples: 1\n" + axes), "5:12", "sweep.samples must be at least 2");
  rejected(kuznetsov_sweep("  design: lhs\n  samples: 0\n" + axes), "5:12", "sweep.samples must be at least 1");
  rejected(kuznetsov_sweep("  design: sobol\n" + axes), "4:3", "samples");
  rejected(kuznetsov_sweep("  design: lhs\n  samples: 4\n  levels: 4\n" + axes), "6:11",
           "sweep.levels applies to grid and morris designs only");
  rejected(kuznetsov_sweep("  design: morris\n  samples: 4\n  levels: 3\n" + axes), "6:11",
           "a Morris design needs an even number of levels, at least 2");
  rejected(kuznetsov_sweep("  design: grid\n  levels: 1\n" + axes), "5:11", "a grid needs at least 2 levels");
  rejected(kuznetsov_sweep("  design: lhs\n  samples: 4\n  replicates: 0\n" + axes), "6:15",
           "sweep.replicates must be at least 1");
  rejected(kuznetsov_sweep("  design: saltelli\n  samples: 4\n  bootstrap: {resamples: 1}\n" + axes), "6:26",
           "sweep.bootstrap.resamples must be at least 2");
  rejected(kuznetsov_sweep("  design: saltelli\n  samples: 4\n  bootstrap: {level: 1.5}\n" + axes), "6:22",
           "sweep.bootstrap.level must lie in (0, 1)");
  rejected(kuznetsov_sweep("  design: saltelli\n  samples: 4\n  bootstrap: {levle: 0.9}\n" + axes), "6:15",
           "unknown key 'levle' in sweep.bootstrap");
  rejected(kuznetsov_sweep("  design: lhs\n  sample: 4\n" + axes), "5:3", "unknown key 'sample' in sweep");
}

TEST_CASE("bad axes and outputs are located errors", "[io][sweep][bad-input]") {
  const std::string head = "  design: lhs\n  samples: 4\n";
  const std::string s_axis = "{parameter: s, distribution: uniform, min: 1e4 cells/day, max: 2e4 cells/day}";
  rejected(kuznetsov_sweep(head + "  axes: []\n  outputs: [final:T]\n"), "6:9", "sweep.axes must list at least one axis");
  rejected(kuznetsov_sweep(head + "  axes: [" + s_axis + "]\n  outputs: []\n"), "7:12",
           "sweep.outputs must list at least one output");
  rejected(kuznetsov_sweep(head + "  axes: [" + s_axis + ", {parameter: s, values: [1e4, 2e4]}]\n  outputs: [final:T]\n"),
           "6:89", "axis 's' appears twice");
  rejected(kuznetsov_sweep(head + "  axes: [" + s_axis + "]\n  outputs: [final:T, final:T]\n"), "7:22",
           "output 'final:T' appears twice");
  rejected(kuznetsov_sweep(head + "  axes: [" + s_axis + "]\n  outputs: [final:T, mean:T]\n"), "7:22",
           "unknown sweep output 'mean:T'");
  rejected(kuznetsov_sweep(head + "  axes: [s]\n  outputs: [final:T]\n"), "6:10", "a sweep axis is a map");
  rejected(kuznetsov_sweep(head + "  axes: [{parameter: s, values: [1e4]}]\n  outputs: [final:T]\n"), "6:33",
           "axis 's' needs at least two values");
  rejected(kuznetsov_sweep(head + "  axes: [{parameter: s}]\n  outputs: [final:T]\n"), "6:10", "axis 's' needs its values");
  rejected(kuznetsov_sweep(head + "  axes: [{parameter: s, values: [1e4, 2e4], distribution: uniform}]\n  outputs: [final:T]\n"),
           "6:45", "unknown key 'distribution' in a sweep axis");
  rejected(kuznetsov_sweep(head + "  axes: [{parameter: s, values: [-1, 2e4]}]\n  outputs: [final:T]\n"), "6:10",
           "axis 's' reaches outside the admissible range");
  rejected(kuznetsov_sweep(head + "  axes: [{phenotype: b2m_loss, values: [0, 1]}]\n  outputs: [final:T]\n"), "6:32",
           "unknown key 'values' in an overlay axis");
}

TEST_CASE("axes that clash with the rest of the scenario are refused", "[io][sweep][bad-input]") {
  const std::string sweep = "sweep:\n  design: lhs\n  samples: 4\n";
  // An overlay every patient already carries.
  rejected("model: kuznetsov1994\ntime: {end: 10 days}\nphenotypes: [b2m_loss]\n" + sweep +
               "  axes: [{phenotype: b2m_loss}]\n  outputs: [final:T]\n",
           "7:22", "'b2m_loss' is already carried by every patient");
  // An overlay the population draws at a prevalence, and a parameter it draws for every patient.
  const std::string population = "population:\n  size: 4\n  distributions:\n"
                                 "    s: {distribution: uniform, min: 1e4 cells/day, max: 2e4 cells/day}\n"
                                 "  prevalence: {b2m_loss: 0.3}\n";
  rejected("model: kuznetsov1994\ntime: {end: 10 days}\n" + population + sweep +
               "  axes: [{phenotype: b2m_loss}]\n  outputs: [final:T]\n",
           "11:22", "'b2m_loss' is already drawn by the population's prevalence");
  rejected("model: kuznetsov1994\ntime: {end: 10 days}\n" + population + sweep +
               "  axes: [{parameter: s, values: [1e4, 2e4]}]\n  outputs: [final:T]\n",
           "11:22", "sweep it as a factor with `scale: true`");
  CHECK_NOTHROW(load("model: kuznetsov1994\ntime: {end: 10 days}\n" + population + sweep +
                     "  axes: [{parameter: s, scale: true, values: [0.5, 2]}]\n  outputs: [final:T]\n"));
  // Two arms compared patient by patient only.
  rejected("model: kuznetsov1994\ntime: {end: 10 days}\n" + population +
               "arms: {one: {}, two: {phenotypes: [low_tmb]}}\nallocation: randomised\n" + sweep +
               "  axes: [{parameter: s, scale: true, values: [0.5, 2]}]\n  outputs: [final:T]\n",
           "11:3", "use `allocation: paired`");
}

TEST_CASE("bad treatment axes are located errors", "[io][sweep][bad-input]") {
  rejected(treated_sweep("{dose: pembrolizumab, values: [0, 2]}"), "8:10",
           "a dose axis is a multiple of the planned dose and must stay positive");
  rejected(treated_sweep("{dose: pembrolizumab, distribution: uniform, min: -1, max: 2}"), "8:10",
           "must stay positive");
  rejected(treated_sweep("{interval: pembrolizumab, values: [0 days, 21 days]}"), "8:10", "an interval axis must stay positive");
  rejected(treated_sweep("{drug: pembrolizumab, values: [atezolizumab]}"), "8:40", "a drug axis needs at least two drugs");
  rejected(treated_sweep("{drug: pembrolizumab, scale: true, values: [atezolizumab, nivolumab]}"), "8:32",
           "unknown key 'scale' in a drug axis");
  rejected(treated_sweep("{dose: nivolumab, values: [1, 2]}"), "8:17", "no treatment of the scenario gives 'nivolumab'");
}

TEST_CASE("an outcome output the readout does not record is refused before any task runs", "[io][sweep][bad-input]") {
  // viable_tumour_pct is recorded at surgery only (docs/hdf5-layout.md): without readout.surgery
  // the result file would have no /outcomes/viable_tumour_pct to analyse.
  const std::string head = "model: kuznetsov1994\n"
                           "time: {end: 20 weeks}\n"
                           "tumour: {size: T, cells_per_ml: 1e6}\n"
                           "scans: {baseline: 0 day, every: 6 weeks}\n";
  const std::string sweep = "sweep:\n"
                            "  design: grid\n"
                            "  axes: [{parameter: a, values: [0.1 1/day, 0.2 1/day]}]\n"
                            "  outputs: [orr, viable_tumour_pct]\n";
  rejected(head + sweep, "8:18", "output 'viable_tumour_pct' needs readout.surgery");
  const Scenario s = load(head + "readout: {surgery: 8 weeks}\n" + sweep);
  CHECK(s.sweep->outputs == std::vector<std::string>{"orr", "viable_tumour_pct"});
}
