// Kaplan-Meier, log-rank and Cox estimators on the Freireich 6-MP versus placebo remission data
// (Freireich et al., Blood 1963; Gehan 1965), as printed in Kleinbaum & Klein, "Survival
// Analysis" (3rd ed., ch. 1-3) and Collett, "Modelling Survival Data in Medical Research".
// Each published value is checked to its printed digits, and against an independent
// computation of ours (plain Python, same formulas) to 1e-8.
#include "engine/readout/survival.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "engine/core/errors.hpp"

using namespace icbsim::readout;

namespace {

// Weeks in remission; arm 1 = placebo, arm 0 = 6-MP, so the HR is placebo versus 6-MP.
std::vector<ArmSurvivalTime> freireich() {
  std::vector<ArmSurvivalTime> d;
  const double mp_events[] = {6, 6, 6, 7, 10, 13, 16, 22, 23};
  const double mp_censored[] = {6, 9, 10, 11, 17, 19, 20, 25, 32, 32, 34, 35};
  const double placebo[] = {1, 1, 2, 2, 3, 4, 4, 5, 5, 8, 8, 8, 8, 11, 11, 12, 12, 15, 17, 22, 23};
  for (double t : mp_events) d.push_back({t, true, 0});
  for (double t : mp_censored) d.push_back({t, false, 0});
  for (double t : placebo) d.push_back({t, true, 1});
  return d;
}

std::vector<SurvivalTime> arm(int which) {
  std::vector<SurvivalTime> out;
  for (const ArmSurvivalTime& s : freireich())
    if (s.arm == which) out.push_back({s.time, s.event});
  return out;
}

const KaplanMeierStep& step_at(const KaplanMeierCurve& c, double t) {
  for (const KaplanMeierStep& s : c.steps)
    if (s.time == t) return s;
  FAIL("no step at time " << t);
  return c.steps.front();
}

}  // namespace

TEST_CASE("Kaplan-Meier: 6-MP arm product-limit values and Greenwood variance", "[readout][survival]") {
  const std::vector<SurvivalTime> mp = arm(0);
  REQUIRE(mp.size() == 21);
  const KaplanMeierCurve km = kaplan_meier(mp);
  // Kleinbaum & Klein Table 2 prints S(t) to 4 digits: 0.8571 0.8067 0.7529 0.6902 0.6275 0.5378 0.4482.
  const double s6 = 18.0 / 21.0;
  const double s7 = s6 * 16.0 / 17.0;
  const double s10 = s7 * 14.0 / 15.0;
  const double s13 = s10 * 11.0 / 12.0;
  const double s16 = s13 * 10.0 / 11.0;
  const double s22 = s16 * 6.0 / 7.0;
  const double s23 = s22 * 5.0 / 6.0;
  CHECK(step_at(km, 6).survival == Approx(s6).epsilon(1e-14));
  CHECK(step_at(km, 7).survival == Approx(s7).epsilon(1e-14));
  CHECK(step_at(km, 10).survival == Approx(s10).epsilon(1e-14));
  CHECK(step_at(km, 13).survival == Approx(s13).epsilon(1e-14));
  CHECK(step_at(km, 16).survival == Approx(s16).epsilon(1e-14));
  CHECK(step_at(km, 22).survival == Approx(s22).epsilon(1e-14));
  CHECK(step_at(km, 23).survival == Approx(s23).epsilon(1e-14));
  CHECK(step_at(km, 23).survival == Approx(0.4482).epsilon(0).margin(0.00005));
  CHECK(step_at(km, 13).survival == Approx(0.6902).epsilon(0).margin(0.00005));
  // Risk sets: 21 at week 6 (3 events, 1 censored), 17 at week 7, 15 at week 10, 6 at week 23.
  CHECK(step_at(km, 6).at_risk == 21);
  CHECK(step_at(km, 6).events == 3);
  CHECK(step_at(km, 6).censored == 1);
  CHECK(step_at(km, 7).at_risk == 17);
  CHECK(step_at(km, 10).at_risk == 15);
  CHECK(step_at(km, 23).at_risk == 6);
  CHECK(survival_at(km, 12.0) == Approx(s10).epsilon(1e-14));
  CHECK(survival_at(km, 5.9) == 1.0);

  // Greenwood by hand at week 10: S² · [3/(21·18) + 1/(17·16) + 1/(15·14)]
  //   = 0.7529412² · (0.0079365 + 0.0036765 + 0.0047619) = 0.5669204 · 0.0163749 = 0.0092833;
  //   SE = 0.09635 (R survfit prints std.err 0.0963 for this step).
  const double sum = 3.0 / (21.0 * 18.0) + 1.0 / (17.0 * 16.0) + 1.0 / (15.0 * 14.0);
  CHECK(step_at(km, 10).variance == Approx(s10 * s10 * sum).epsilon(1e-12));
  CHECK(step_at(km, 10).variance == Approx(0.0092833).epsilon(0).margin(5e-8));
  CHECK(std::sqrt(step_at(km, 10).variance) == Approx(0.0963).epsilon(0).margin(0.00005));
  // Log-log interval at week 10: S^exp(±1.96·sqrt(0.0163749)/|ln S|), independent computation
  // 0.5031995 to 0.8893618.
  CHECK(step_at(km, 10).lower == Approx(0.5031995).epsilon(0).margin(5e-8));
  CHECK(step_at(km, 10).upper == Approx(0.8893618).epsilon(0).margin(5e-8));
}

TEST_CASE("Kaplan-Meier: medians 23 weeks (6-MP) and 8 weeks (placebo)", "[readout][survival]") {
  const MedianSurvival mp = median_survival(kaplan_meier(arm(0)));
  const MedianSurvival placebo = median_survival(kaplan_meier(arm(1)));
  REQUIRE(mp.median);
  REQUIRE(placebo.median);
  CHECK(*mp.median == 23.0);       // Kleinbaum & Klein: 23 weeks
  CHECK(*placebo.median == 8.0);   // Kleinbaum & Klein: 8 weeks
  // Brookmeyer-Crowley with the log-log band (independent computation): 6-MP 13 to not reached;
  // placebo 4 to 11 (lower band 0.4254 at week 4, upper band 0.4818 at week 11).
  CHECK(mp.lower == 13.0);
  CHECK_FALSE(mp.upper);
  CHECK(placebo.lower == 4.0);
  CHECK(placebo.upper == 11.0);
  // The placebo curve reaches 0 at week 23.
  const KaplanMeierCurve pc = kaplan_meier(arm(1));
  CHECK(pc.steps.back().survival == 0.0);
}

TEST_CASE("Kaplan-Meier: median at exactly S = 0.5 is the midpoint to the next event", "[readout][survival]") {
  // S = 0.8, 0.6, (censored), 0.3, 0: median 4.
  const std::vector<SurvivalTime> d{{1, true}, {2, true}, {3, false}, {4, true}, {5, true}};
  CHECK(median_survival(kaplan_meier(d)).median == 4.0);
  // S = 0.75, (censored), 0.375: median 3.
  const std::vector<SurvivalTime> below{{1, true}, {2, false}, {3, true}, {4, true}};
  CHECK(median_survival(kaplan_meier(below)).median == 3.0);
  // S = 0.75, 0.5 exactly at week 2, (censored), 0 at 5: median (2 + 5) / 2.
  const std::vector<SurvivalTime> flat{{1, true}, {2, true}, {3, false}, {5, true}};
  CHECK(median_survival(kaplan_meier(flat)).median == 3.5);  // S(2) = 0.5 exactly; next event 5
}

TEST_CASE("Kaplan-Meier restricted mean survival: the area under the step curve", "[readout][survival]") {
  // Four subjects: events at 2, 5, 8 and a censoring at 4, so S = 1 on [0, 2), 3/4 on [2, 5),
  // 3/8 on [5, 8) and 0 from 8 on.
  const std::vector<SurvivalTime> four{{5, true}, {2, true}, {8, true}, {4, false}};
  const KaplanMeierCurve c = kaplan_meier(four);
  CHECK(restricted_mean_survival(c, 0.0) == 0.0);
  CHECK(restricted_mean_survival(c, 2.0) == 2.0);  // the drop at the horizon adds nothing
  CHECK(restricted_mean_survival(c, 3.0) == Approx(2.0 + 0.75));
  CHECK(restricted_mean_survival(c, 6.0) == Approx(2.0 + 3 * 0.75 + 1 * 0.375));
  CHECK(restricted_mean_survival(c, 10.0) == Approx(2.0 + 3 * 0.75 + 3 * 0.375));  // 5.375: S = 0 after 8
  // 6-MP arm to 10 weeks: 6·1 + 1·(18/21) + 3·(18/21)(16/17) = 9.2773 weeks; to 35 weeks
  // (the last follow-up) the exact sum of the seven steps is 13856/595 weeks.
  const KaplanMeierCurve mp = kaplan_meier(arm(0));
  CHECK(restricted_mean_survival(mp, 10.0) == Approx(6.0 + 18.0 / 21 + 3 * (18.0 / 21) * (16.0 / 17)).epsilon(1e-12));
  CHECK(restricted_mean_survival(mp, 35.0) == Approx(13856.0 / 595).epsilon(1e-12));
  // Without any subject S = 1 throughout; a negative or infinite horizon is refused.
  CHECK(restricted_mean_survival(KaplanMeierCurve{}, 7.0) == 7.0);
  CHECK_THROWS_AS(restricted_mean_survival(c, -1.0), icbsim::Error);
  CHECK_THROWS_AS(restricted_mean_survival(c, INFINITY), icbsim::Error);
}

TEST_CASE("Log-rank test: chi-square 16.79 on 1 df", "[readout][survival]") {
  const LogRankResult r = log_rank_test(freireich());
  CHECK(r.observed_1 == 21.0);
  // Kleinbaum & Klein print 16.793 (p < 0.0001); Collett prints 16.79.
  CHECK(r.chi_square == Approx(16.793).epsilon(0).margin(0.0005));
  CHECK(r.chi_square == Approx(16.79294098921653).epsilon(1e-8));
  CHECK(r.expected_1 == Approx(10.74949905196887).epsilon(1e-10));
  CHECK(r.variance == Approx(6.2569605736755).epsilon(1e-10));
  CHECK(r.p_value < 0.0001);
  CHECK(r.p_value == Approx(4.16880910933455e-05).epsilon(1e-6));
}

TEST_CASE("Cox model with Efron ties: log HR 1.572 and HR 4.817 and SE 0.412", "[readout][survival]") {
  const CoxResult r = cox_binary(freireich(), TieMethod::kEfron);
  // Printed Efron fit (R coxph default; e.g. Venables & Ripley's gehan example):
  // coef 1.572, exp(coef) 4.817, se 0.412, 95% CI 2.147-10.81; LR 16.35, Wald 14.53, score 17.25.
  CHECK(r.log_hr == Approx(1.572).epsilon(0).margin(0.0005));
  CHECK(r.hr == Approx(4.817).epsilon(0).margin(0.0005));
  CHECK(r.se == Approx(0.412).epsilon(0).margin(0.0005));
  CHECK(r.lower == Approx(2.147).epsilon(0).margin(0.0005));
  CHECK(r.upper == Approx(10.81).epsilon(0).margin(0.005));
  CHECK(r.lr_chi_square == Approx(16.35).epsilon(0).margin(0.005));
  CHECK(r.wald_chi_square == Approx(14.53).epsilon(0).margin(0.005));
  CHECK(r.score_chi_square == Approx(17.25).epsilon(0).margin(0.005));
  // Independent computation (Python, same partial likelihood).
  CHECK(r.log_hr == Approx(1.5721251488290668).epsilon(1e-8));
  CHECK(r.se == Approx(0.4123967177094555).epsilon(1e-8));
  CHECK(r.lr_chi_square == Approx(16.351690838952265).epsilon(1e-8));
  CHECK(r.iterations < 10);
  CHECK(r.ties == TieMethod::kEfron);
}

TEST_CASE("Cox model with Breslow ties: log HR 1.509 and HR 4.52", "[readout][survival]") {
  const CoxResult r = cox_binary(freireich(), TieMethod::kBreslow);
  // Kleinbaum & Klein (Stata, Breslow): coef 1.509, HR 4.523, se 0.410.
  CHECK(r.log_hr == Approx(1.509).epsilon(0).margin(0.0005));
  CHECK(r.hr == Approx(4.523).epsilon(0).margin(0.0005));
  CHECK(r.se == Approx(0.410).epsilon(0).margin(0.0005));
  CHECK(r.log_hr == Approx(1.5091914125858783).epsilon(1e-8));
  CHECK(r.lr_chi_square == Approx(15.210856814199133).epsilon(1e-8));
}

TEST_CASE("Survival statistics reject unusable input", "[readout][survival]") {
  std::vector<ArmSurvivalTime> one_arm{{1, true, 0}, {2, true, 0}};
  CHECK_THROWS_AS(log_rank_test(one_arm), icbsim::Error);
  std::vector<ArmSurvivalTime> no_events_in_arm_1{{1, true, 0}, {2, true, 0}, {3, false, 1}};
  CHECK_THROWS_AS(cox_binary(no_events_in_arm_1), icbsim::Error);
  std::vector<ArmSurvivalTime> bad_arm{{1, true, 0}, {2, true, 2}};
  CHECK_THROWS_AS(log_rank_test(bad_arm), icbsim::Error);
  const std::vector<SurvivalTime> negative{{-1, true}};
  CHECK_THROWS_AS(kaplan_meier(negative), icbsim::Error);
  CHECK(chi_square_1_p_value(3.841458820694124) == Approx(0.05).epsilon(1e-10));
  CHECK(kTieMethodNames.parse("breslow") == TieMethod::kBreslow);
}
