// NLopt C API behind minimise(); exceptions cannot cross NLopt's C frames, so they are stored and
// re-thrown after nlopt_optimize returns.
#include "engine/calibrate/optimiser.hpp"

#include <nlopt.h>

#include <exception>
#include <limits>
#include <memory>

#include "engine/core/errors.hpp"

namespace icbsim::calibrate {
namespace {

nlopt_algorithm nlopt_code(Algorithm a) {
  switch (a) {
    case Algorithm::kSubplex: return NLOPT_LN_SBPLX;
    case Algorithm::kNelderMead: return NLOPT_LN_NELDERMEAD;
    case Algorithm::kBobyqa: return NLOPT_LN_BOBYQA;
  }
  return NLOPT_LN_SBPLX;
}

struct Context {
  const std::function<double(const std::vector<double>&)>* f = nullptr;
  std::exception_ptr error;
  std::size_t evaluations = 0;
  nlopt_opt opt = nullptr;
};

double call(unsigned n, const double* x, double* gradient, void* data) {
  auto* c = static_cast<Context*>(data);
  (void)gradient;  // derivative-free algorithms only
  try {
    ++c->evaluations;
    return (*c->f)(std::vector<double>(x, x + n));
  } catch (...) {
    c->error = std::current_exception();
    nlopt_force_stop(c->opt);
    return std::numeric_limits<double>::max();
  }
}

std::string status_text(nlopt_result r) {
  switch (r) {
    case NLOPT_SUCCESS: return "success";
    case NLOPT_STOPVAL_REACHED: return "objective reached the stop value";
    case NLOPT_FTOL_REACHED: return "objective change below ftol";
    case NLOPT_XTOL_REACHED: return "step below xtol";
    case NLOPT_MAXEVAL_REACHED: return "maximum number of evaluations reached";
    case NLOPT_MAXTIME_REACHED: return "maximum time reached";
    case NLOPT_ROUNDOFF_LIMITED: return "roundoff limited";
    case NLOPT_FORCED_STOP: return "stopped";
    default: return "NLopt failure (code " + std::to_string(static_cast<int>(r)) + ")";
  }
}

}  // namespace

OptimiserResult minimise(const std::function<double(const std::vector<double>&)>& f, std::vector<double> start,
                         const OptimiserSettings& settings) {
  const auto n = static_cast<unsigned>(start.size());
  if (n == 0) throw Error("calibration: no free parameters");
  std::unique_ptr<nlopt_opt_s, decltype(&nlopt_destroy)> opt(nlopt_create(nlopt_code(settings.algorithm), n),
                                                             &nlopt_destroy);
  if (!opt) throw Error("calibration: NLopt could not create the optimiser");
  Context context{&f, nullptr, 0, opt.get()};
  const std::vector<double> lower(n, 0.0), upper(n, 1.0), step(n, settings.initial_step);
  nlopt_set_lower_bounds(opt.get(), lower.data());
  nlopt_set_upper_bounds(opt.get(), upper.data());
  nlopt_set_min_objective(opt.get(), &call, &context);
  nlopt_set_maxeval(opt.get(), static_cast<int>(settings.max_evaluations));
  nlopt_set_xtol_abs1(opt.get(), settings.xtol);
  nlopt_set_ftol_abs(opt.get(), settings.ftol);
  nlopt_set_stopval(opt.get(), settings.stop_value);
  nlopt_set_initial_step(opt.get(), step.data());
  double best = 0.0;
  const nlopt_result r = nlopt_optimize(opt.get(), start.data(), &best);
  if (context.error) std::rethrow_exception(context.error);
  if (r < 0 && r != NLOPT_ROUNDOFF_LIMITED) throw Error("calibration: the optimiser failed: " + status_text(r));
  return OptimiserResult{start, best, context.evaluations, status_text(r)};
}

std::string optimiser_description(Algorithm algorithm) {
  int major = 0, minor = 0, bugfix = 0;
  nlopt_version(&major, &minor, &bugfix);
  return "NLopt " + std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(bugfix) + " " +
         nlopt_algorithm_name(nlopt_code(algorithm));
}

}  // namespace icbsim::calibrate
