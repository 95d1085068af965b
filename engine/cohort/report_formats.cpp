// JSON, CSV and Markdown renderings of TrialReport.
#include "engine/cohort/report_formats.hpp"

#include <cmath>
#include <cstdio>
#include <optional>
#include <sstream>

#include "engine/core/number_text.hpp"
#include "engine/readout/calendar.hpp"
#include "engine/readout/recist.hpp"
#include "engine/readout/sitc.hpp"

namespace icbsim::cohort {
namespace {

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char b[8];
      std::snprintf(b, sizeof b, "\\u%04x", c);
      out += b;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string json_number(double v) { return std::isfinite(v) ? shortest(v) : "null"; }
std::string json_months(const std::optional<double>& days) {
  return days ? shortest(*days / readout::kDaysPerMonth) : "null";
}
std::string csv_months(const std::optional<double>& days) {
  return days ? shortest(*days / readout::kDaysPerMonth) : "NR";
}
std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) return s;
  std::string out = "\"";
  for (const char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

constexpr const char* kBest[5] = {"CR", "PR", "SD", "PD", "NE"};

std::string json_proportion(const readout::Proportion& p) {
  return "{\"successes\": " + std::to_string(p.successes) + ", \"n\": " + std::to_string(p.trials) +
         ", \"estimate\": " + json_number(p.estimate) + ", \"wilson\": [" + json_number(p.wilson.lower) + ", " +
         json_number(p.wilson.upper) + "]}";
}

std::string json_median(const readout::MedianSurvival& m) {
  return "{\"median\": " + json_months(m.median) + ", \"lower\": " + json_months(m.lower) +
         ", \"upper\": " + json_months(m.upper) + "}";
}

}  // namespace

std::string report_json(const TrialReport& report) {
  std::ostringstream out;
  out << "{\n  \"survival_unit\": \"month\",\n  \"days_per_month\": " << shortest(readout::kDaysPerMonth)
      << ",\n  \"groups\": [";
  for (std::size_t i = 0; i < report.groups.size(); ++i) {
    const GroupStatistics& g = report.groups[i];
    out << (i ? "," : "") << "\n    {\"arm\": " << json_string(g.arm) << ", \"group\": " << json_string(g.subgroup)
        << ", \"n\": " << g.n << ", \"failed\": " << g.failed << ", \"best_response\": {";
    for (std::size_t k = 0; k < 5; ++k) out << (k ? ", " : "") << "\"" << kBest[k] << "\": " << g.best[k];
    out << "}, \"orr\": " << json_proportion(g.orr) << ", \"dcr\": " << json_proportion(g.dcr)
        << ", \"pfs\": " << json_median(g.pfs) << ", \"os\": " << json_median(g.os) << ", \"sitc\": {";
    for (std::size_t k = 0; k < g.sitc.size(); ++k)
      out << (k ? ", " : "") << "\"" << readout::kSitcClassNames.name(static_cast<readout::SitcClass>(k))
          << "\": " << g.sitc[k];
    out << "}, \"primary_resistance_rate\": " << json_number(g.primary_resistance_rate)
        << ", \"hyperprogression_rate\": " << json_number(g.hyperprogression_rate) << "}";
  }
  out << "\n  ],\n  \"comparisons\": [";
  for (std::size_t i = 0; i < report.comparisons.size(); ++i) {
    const ArmComparison& c = report.comparisons[i];
    out << (i ? "," : "") << "\n    {\"arm\": " << json_string(c.arm) << ", \"pfs_hr\": " << json_number(c.pfs_hr.hr)
        << ", \"pfs_hr_interval\": [" << json_number(c.pfs_hr.lower) << ", " << json_number(c.pfs_hr.upper)
        << "], \"pfs_logrank_p\": " << json_number(c.pfs_logrank.p_value) << ", \"os_hr\": " << json_number(c.os_hr.hr)
        << ", \"os_hr_interval\": [" << json_number(c.os_hr.lower) << ", " << json_number(c.os_hr.upper)
        << "], \"os_logrank_p\": " << json_number(c.os_logrank.p_value) << "}";
  }
  out << "\n  ],\n  \"attributions\": [";
  for (std::size_t i = 0; i < report.attributions.size(); ++i) {
    const Attribution& a = report.attributions[i];
    out << (i ? "," : "") << "\n    {\"arm\": " << json_string(a.arm) << ", \"mechanism\": " << json_string(a.mechanism)
        << ", \"carriers\": " << a.carriers << ", \"carriers_rate\": " << json_number(a.carriers_rate)
        << ", \"non_carriers_rate\": " << json_number(a.non_carriers_rate)
        << ", \"attributable_fraction\": " << json_number(a.attributable_fraction) << "}";
  }
  out << "\n  ]\n}\n";
  return out.str();
}

std::string report_csv(const TrialReport& report) {
  std::ostringstream out;
  out << "arm,group,n,failed,CR,PR,SD,PD,NE,orr,orr_lower,orr_upper,dcr,dcr_lower,dcr_upper,"
         "pfs_median_months,pfs_lower,pfs_upper,os_median_months,os_lower,os_upper,primary_resistance_rate,"
         "hyperprogression_rate\n";
  for (const GroupStatistics& g : report.groups) {
    out << csv_field(g.arm) << "," << csv_field(g.subgroup) << "," << g.n << "," << g.failed;
    for (const std::size_t count : g.best) out << "," << count;
    for (const readout::Proportion* p : {&g.orr, &g.dcr})
      out << "," << shortest(p->estimate) << "," << shortest(p->wilson.lower) << "," << shortest(p->wilson.upper);
    for (const readout::MedianSurvival* m : {&g.pfs, &g.os})
      out << "," << csv_months(m->median) << "," << csv_months(m->lower) << "," << csv_months(m->upper);
    out << "," << shortest(g.primary_resistance_rate) << "," << shortest(g.hyperprogression_rate) << "\n";
  }
  return out.str();
}

std::string report_markdown(const TrialReport& report) {
  auto pct = [](double p) {
    char b[16];
    std::snprintf(b, sizeof b, "%.1f", 100.0 * p);
    return std::string(b);
  };
  auto mo = [](const std::optional<double>& d) {
    if (!d) return std::string("NR");
    char b[16];
    std::snprintf(b, sizeof b, "%.1f", *d / readout::kDaysPerMonth);
    return std::string(b);
  };
  std::ostringstream out;
  out << "| arm | group | n | CR | PR | SD | PD | NE | ORR % (95% CI) | DCR % (95% CI) | median PFS, months (95% CI) "
         "| median OS, months (95% CI) |\n|---|---|---:|---:|---:|---:|---:|---:|---|---|---|---|\n";
  for (const GroupStatistics& g : report.groups) {
    out << "| " << g.arm << " | " << g.subgroup << " | " << g.n;
    for (const std::size_t count : g.best) out << " | " << count;
    out << " | " << pct(g.orr.estimate) << " (" << pct(g.orr.wilson.lower) << "–" << pct(g.orr.wilson.upper) << ")"
        << " | " << pct(g.dcr.estimate) << " (" << pct(g.dcr.wilson.lower) << "–" << pct(g.dcr.wilson.upper) << ")"
        << " | " << mo(g.pfs.median) << " (" << mo(g.pfs.lower) << "–" << mo(g.pfs.upper) << ")"
        << " | " << mo(g.os.median) << " (" << mo(g.os.lower) << "–" << mo(g.os.upper) << ") |\n";
  }
  if (!report.comparisons.empty()) {
    out << "\n| arm | PFS HR (95% CI) | log-rank p | OS HR (95% CI) | log-rank p |\n|---|---|---|---|---|\n";
    for (const ArmComparison& c : report.comparisons) {
      char line[256];
      std::snprintf(line, sizeof line, "| %s | %.3f (%.3f–%.3f) | %.3g | %.3f (%.3f–%.3f) | %.3g |\n", c.arm.c_str(),
                    c.pfs_hr.hr, c.pfs_hr.lower, c.pfs_hr.upper, c.pfs_logrank.p_value, c.os_hr.hr, c.os_hr.lower,
                    c.os_hr.upper, c.os_logrank.p_value);
      out << line;
    }
  }
  return out.str();
}

}  // namespace icbsim::cohort
