// Overlays (engine/core/overlay): scale/set/add on a model's parameters, composition in order, and
// the errors for an uncovered model, an unknown parameter, a wrong vector size and an inadmissible
// result, none of which may leave the parameters half-changed.
#include <catch2/catch.hpp>

#include <vector>

#include "engine/core/errors.hpp"
#include "engine/core/overlay.hpp"
#include "models/register_builtin.hpp"

namespace {

using icbsim::ChangeOp;
using icbsim::Overlay;

std::vector<double> defaults(const icbsim::ModelInfo& m) {
  std::vector<double> p;
  for (const auto& spec : m.parameters) p.push_back(spec.value);
  return p;
}

double value_of(const icbsim::ModelInfo& m, const std::vector<double>& p, const char* name) {
  const int i = m.parameter_index(name);
  REQUIRE(i >= 0);
  return p[static_cast<std::size_t>(i)];
}

Overlay overlay_on(const char* model, std::vector<icbsim::ParameterChange> changes) {
  Overlay o;
  o.name = "test_overlay";
  o.group = "tumour";
  o.changes_by_model[model] = std::move(changes);
  return o;
}

}  // namespace

TEST_CASE("scale, set and add change only the named parameters", "[overlay][core]") {
  const auto registry = icbsim::models::builtin_registry();
  const auto& kuz = registry.get("kuznetsov1994");
  const Overlay o = overlay_on("kuznetsov1994", {{"n", ChangeOp::kScale, 0.5, "half the kill"},
                                                 {"s", ChangeOp::kSet, 2e4, "more influx"},
                                                 {"d", ChangeOp::kAdd, 0.01, "more death"}});
  std::vector<double> p = defaults(kuz);
  const std::vector<double> before = p;
  icbsim::apply_overlay(o, kuz, p);
  CHECK(value_of(kuz, p, "n") == 0.5 * 1.101e-7);
  CHECK(value_of(kuz, p, "s") == 2e4);
  CHECK(value_of(kuz, p, "d") == 0.0412 + 0.01);
  for (const char* untouched : {"p", "g", "m", "a", "b"}) CHECK(value_of(kuz, p, untouched) == value_of(kuz, before, untouched));
}

TEST_CASE("overlays compose in the order they are applied", "[overlay][core]") {
  const auto registry = icbsim::models::builtin_registry();
  const auto& kuz = registry.get("kuznetsov1994");
  const Overlay twice = overlay_on("kuznetsov1994", {{"d", ChangeOp::kScale, 2.0, "double"}});
  const Overlay plus = overlay_on("kuznetsov1994", {{"d", ChangeOp::kAdd, 0.1, "add"}});
  std::vector<double> a = defaults(kuz);
  std::vector<double> b = defaults(kuz);
  icbsim::apply_overlays({twice, plus}, kuz, a);
  icbsim::apply_overlays({plus, twice}, kuz, b);
  CHECK(value_of(kuz, a, "d") == Approx(2 * 0.0412 + 0.1));
  CHECK(value_of(kuz, b, "d") == Approx(2 * (0.0412 + 0.1)));
}

TEST_CASE("an overlay without changes for the model is an error naming the models it covers", "[overlay][core]") {
  const auto registry = icbsim::models::builtin_registry();
  Overlay o = overlay_on("kuznetsov1994", {{"n", ChangeOp::kScale, 0.0, "no kill"}});
  o.changes_by_model["de_pillis2005"] = {{"d", ChangeOp::kScale, 0.0, "no kill"}};
  std::vector<double> p = defaults(registry.get("nikolopoulou2018"));
  const std::vector<double> before = p;
  CHECK_THROWS_WITH(icbsim::apply_overlay(o, registry.get("nikolopoulou2018"), p),
                    Catch::Contains("phenotype 'test_overlay' has no changes for model 'nikolopoulou2018'") &&
                        Catch::Contains("it covers: de_pillis2005, kuznetsov1994"));
  CHECK(p == before);
}

TEST_CASE("an unknown parameter is an error with a suggestion, and nothing is changed", "[overlay][core]") {
  const auto registry = icbsim::models::builtin_registry();
  const auto& kuz = registry.get("kuznetsov1994");
  const Overlay o = overlay_on("kuznetsov1994", {{"s", ChangeOp::kScale, 2.0, "first, valid"},
                                                 {"dd", ChangeOp::kScale, 2.0, "misspelt"}});
  std::vector<double> p = defaults(kuz);
  const std::vector<double> before = p;
  CHECK_THROWS_AS(icbsim::apply_overlay(o, kuz, p), icbsim::Error);
  CHECK_THROWS_WITH(icbsim::apply_overlay(o, kuz, p),
                    Catch::Contains("changes unknown parameter 'dd' of model 'kuznetsov1994' (did you mean 'd'?)"));
  CHECK(p == before);  // the valid first change was not applied either
}

TEST_CASE("a result outside the admissible range or a wrong vector size is an error", "[overlay][core]") {
  const auto registry = icbsim::models::builtin_registry();
  const auto& kuz = registry.get("kuznetsov1994");
  std::vector<double> p = defaults(kuz);
  const std::vector<double> before = p;
  const Overlay negative = overlay_on("kuznetsov1994", {{"d", ChangeOp::kAdd, -1.0, "too much"}});
  CHECK_THROWS_WITH(icbsim::apply_overlay(negative, kuz, p),
                    Catch::Contains("moves parameter 'd' of model 'kuznetsov1994' from 0.0412 to -0.9588") &&
                        Catch::Contains("outside its admissible range [0, inf] 1/day"));
  CHECK(p == before);
  std::vector<double> short_vector(3, 1.0);
  const Overlay fine = overlay_on("kuznetsov1994", {{"d", ChangeOp::kScale, 2.0, "ok"}});
  CHECK_THROWS_WITH(icbsim::apply_overlay(fine, kuz, short_vector), Catch::Contains("expected 8 parameters"));
}

TEST_CASE("the change and overlay kinds are named from one table", "[overlay][core]") {
  for (const auto& [op, name] : icbsim::kChangeOpNames.entries) CHECK(icbsim::kChangeOpNames.parse(name) == op);
  CHECK(icbsim::kOverlayKindNames.name(icbsim::OverlayKind::kHost) == "host_factor");
  CHECK(icbsim::kOverlayKindNames.parse("phenotype") == icbsim::OverlayKind::kPhenotype);
}
