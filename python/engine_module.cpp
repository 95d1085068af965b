// icbsim._engine: the engine run in the Python process (engine/app), the front end behind
// icbsim.run. Errors become Python exceptions with the engine's located message; the GIL is
// released while simulating and Ctrl-C stops the run the way SIGINT stops the command line.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <icbsim/build_info.hpp>

#include "engine/app/run_scenario.hpp"
#include "engine/core/errors.hpp"
#include "engine/io/config/scenario_writer.hpp"
#include "models/register_builtin.hpp"

namespace py = pybind11;

namespace {

const icbsim::ModelRegistry& registry() {
  static const icbsim::ModelRegistry models = icbsim::models::builtin_registry();  // immutable
  return models;
}

icbsim::app::ScenarioText source(const std::optional<std::string>& text, const std::string& name) {
  return text ? icbsim::app::ScenarioText{*text, name} : icbsim::app::quickstart_text();
}

std::optional<icbsim::app::ScenarioText> overrides_of(const std::optional<std::string>& overrides) {
  if (!overrides) return std::nullopt;
  return icbsim::app::ScenarioText{*overrides, "<overrides>"};
}

/// Runs the scenario on a worker thread while this (Python's) thread waits without the GIL, taking
/// it back briefly every 50 ms to let Python's signal handlers run: a KeyboardInterrupt stops
/// starting tasks (the finished ones are kept in OUT.interrupted.h5) and is raised at the end.
icbsim::app::RunOutcome run_interruptibly(const icbsim::Scenario& scenario) {
  std::atomic<bool> stop{false};
  icbsim::app::RunRequest request;
  request.interrupt = &stop;
  request.output_typed = true;  // the caller named the output (or it is a private temporary file)
  std::optional<icbsim::app::RunOutcome> outcome;
  std::exception_ptr failure;
  std::mutex mutex;
  std::condition_variable finished;
  bool done = false;
  bool interrupted = false;
  {
    py::gil_scoped_release release;
    std::thread worker([&] {
      try {
        outcome = icbsim::app::run_scenario(scenario, request, registry(), icbsim::app::SingleProcess{}, {});
      } catch (...) {
        failure = std::current_exception();
      }
      const std::lock_guard lock(mutex);
      done = true;
      finished.notify_one();
    });
    std::unique_lock lock(mutex);
    while (!finished.wait_for(lock, std::chrono::milliseconds(50), [&] { return done; })) {
      if (interrupted) continue;
      lock.unlock();
      {
        py::gil_scoped_acquire acquire;
        interrupted = PyErr_CheckSignals() != 0;  // the exception stays set until we return
      }
      if (interrupted) stop = true;
      lock.lock();
    }
    lock.unlock();
    worker.join();
  }
  if (interrupted) throw py::error_already_set();
  if (failure) std::rethrow_exception(failure);
  return *outcome;
}

}  // namespace

PYBIND11_MODULE(_engine, m) {
  m.doc() = "The icbsim engine in the Python process (use icbsim.run; this module is its back end).";
  auto error = py::register_exception<icbsim::Error>(m, "Error", PyExc_RuntimeError);
  py::register_exception<icbsim::SolverError>(m, "SolverError", error.ptr());
  py::register_exception<icbsim::IoError>(m, "IoError", error.ptr());
  py::register_exception<icbsim::ScenarioError>(m, "ScenarioError", error.ptr());

  m.def(
      "run",
      [](const std::optional<std::string>& text, const std::string& name, const std::optional<std::string>& overrides,
         const std::string& output, bool sweep) {
        const icbsim::Scenario scenario =
            icbsim::app::load_run_scenario_text(source(text, name), overrides_of(overrides), output, sweep, registry());
        const icbsim::app::RunOutcome outcome = run_interruptibly(scenario);
        py::dict result;
        result["output"] = outcome.interrupted ? outcome.unfinished : outcome.output;
        result["tasks"] = outcome.report.tasks;
        result["failed"] = outcome.report.failed;
        result["not_run"] = outcome.report.not_run;
        result["threads"] = outcome.report.threads;
        result["wall_seconds"] = outcome.report.wall_seconds;
        result["trial_report"] = outcome.report.trial_report;
        return result;
      },
      py::arg("text"), py::arg("name"), py::arg("overrides"), py::arg("output"), py::arg("sweep") = false,
      "Runs scenario `text` (None: the built-in quickstart; `name` is cited in messages and locates "
      "relative paths) with `overrides` (YAML of a partial scenario) merged on top, writing `output`.");
  m.def(
      "resolve",
      [](const std::optional<std::string>& text, const std::string& name, const std::optional<std::string>& overrides) {
        return icbsim::resolved_scenario_yaml(
            icbsim::app::load_scenario_with_overrides(source(text, name), overrides_of(overrides), registry()));
      },
      py::arg("text"), py::arg("name"), py::arg("overrides"),
      "The scenario validated and with every default filled in, as `icbsim validate` prints it.");
  m.attr("__version__") = std::string(icbsim::build_info::kVersion);
}
