// Entry point of the icbsim executable: parses the command line with CLI11, dispatches to a verb
// and turns exceptions into messages and exit codes (0 ok, 1 tasks failed, 2 bad input,
// 3 I/O or internal error).
#include <atomic>
#include <csignal>
#include <iostream>
#include <map>
#include <string>

#include <CLI/CLI.hpp>
#include <icbsim/build_info.hpp>

#include "engine/cli/commands.hpp"
#include "engine/cli/mpi_session.hpp"
#include "engine/core/errors.hpp"
#include "engine/io/h5/output_target.hpp"
#include "models/register_builtin.hpp"

namespace {
// Set by SIGINT/SIGTERM: the runner stops starting tasks, finishes those in flight and writes what
// it has (a signal handler can only reach a static, lock-free flag).
std::atomic<bool> interrupted{false};
extern "C" void on_interrupt(int) { interrupted.store(true); }
}  // namespace

int main(int argc, char** argv) {
  using namespace icbsim;
  disable_hdf5_exit_teardown();  // before any HDF5 call: a failed close must not crash the exit
  cli::MpiSession mpi(argc, argv);
  CLI::App app{"icbsim: tumour-immune simulation under immune checkpoint blockade in NSCLC"};
  app.set_version_flag("--version", "icbsim " + std::string(build_info::kVersion) + " (commit " +
                                        std::string(build_info::kGitCommit) + ")\nbuilt with " +
                                        std::string(build_info::kDependencies));
  app.require_subcommand(1);
  // Read before parsing (MpiSession): MPI is initialised under a launcher or with --mpi only.
  bool mpi_requested = false;  // already acted on by MpiSession; declared so that parsing accepts it
  app.add_flag("--mpi", mpi_requested,
               "Initialise MPI even without a launcher's environment (mpirun and srun are detected)");
  app.fallthrough();  // --mpi may follow the verb

  // `run` and `sweep` take the same options: a sweep is a scenario whose tasks span design points.
  cli::RunOptions run;
  auto add_run_options = [&run](CLI::App* cmd) {
    cmd->add_option("-o,--output", run.output, "Result file (.h5); overrides the scenario's output:");
    cmd->add_flag("-q,--quiet", run.quiet, "Print only errors and the result file's path");
    cmd->add_flag("--show-tasks", run.show_tasks, "Also print the per-task tables of the first tasks");
    cmd->add_flag("--resume", run.resume, "Complete the interrupted or killed run of OUT (OUT.interrupted.h5 or OUT.parts/)");
    cmd->add_option("--part-size", run.part_size,
                    "Tasks per part of a long run (default 16384): finished parts survive a killed process");
    cmd->add_flag(
        "--overwrite", run.overwrite,
        "Replace whatever regular file is at the output (without it, only an icbsim result under a typed -o)");
    auto* tasks_opt =
        cmd->add_option("--tasks", run.tasks, "Run only task ids BEGIN:END (a slice; rows keep their global ids)");
    cmd->add_option("--shard", run.shard, "Run slice I of N equal slices, I from 0 (e.g. $SLURM_ARRAY_TASK_ID/4)")
        ->excludes(tasks_opt);
  };
  auto* run_cmd = app.add_subcommand("run", "Run a scenario (no file: the built-in quickstart scenario)");
  run_cmd->add_option("scenario", run.scenario, "Scenario YAML file");
  add_run_options(run_cmd);
  run_cmd->add_option("--from-checkpoint", run.from_checkpoint,
                      "Continue the run of a checkpoint file (icbsim checkpoint) to the scenario's end");
  auto* sweep_cmd = app.add_subcommand("sweep", "Run a scenario's sweep: design, tasks per point, sensitivity indices");
  sweep_cmd->add_option("scenario", run.scenario, "Scenario YAML file with a sweep: section")->required();
  add_run_options(sweep_cmd);

  std::string validate_file;
  auto* validate_cmd = app.add_subcommand("validate", "Check a scenario and print it with every default filled in");
  validate_cmd->add_option("scenario", validate_file, "Scenario YAML file")->required();

  // Output forms of `summary` and `models --describe`.
  const std::map<std::string, cli::Format> formats{{"text", cli::Format::kText},
                                                   {"markdown", cli::Format::kMarkdown},
                                                   {"json", cli::Format::kJson},
                                                   {"csv", cli::Format::kCsv}};
  std::optional<std::string> describe;
  cli::Format describe_format = cli::Format::kText;
  auto* models_cmd = app.add_subcommand("models", "List the models, or describe one");
  models_cmd->add_option("--describe", describe, "Model name: print its variables and parameter table");
  models_cmd->add_option("--format", describe_format, "Form of --describe: text, markdown or json")
      ->transform(CLI::CheckedTransformer(std::map<std::string, cli::Format>{
          {"text", cli::Format::kText}, {"markdown", cli::Format::kMarkdown}, {"json", cli::Format::kJson}}));

  std::string merge_output;
  std::vector<std::string> merge_shards;
  auto* merge_cmd = app.add_subcommand("merge", "Join the shard files of one scenario into one result file");
  merge_cmd->add_option("output", merge_output, "Merged result file (.h5)")->required();
  merge_cmd->add_option("shards", merge_shards, "Shard files (any order)")->required();
  bool merge_overwrite = false;
  merge_cmd->add_flag("--overwrite", merge_overwrite, "Replace whatever regular file is at OUT");

  std::string summary_file;
  cli::Format summary_format = cli::Format::kText;
  bool summary_show_tasks = false;
  auto* summary_cmd = app.add_subcommand("summary", "Print the summary and trial report of a finished result file");
  summary_cmd->add_option("file", summary_file, "Result file (.h5)")->required();
  summary_cmd->add_option("--format", summary_format, "text (default), or the trial report as markdown, json or csv")
      ->transform(CLI::CheckedTransformer(formats));
  summary_cmd->add_flag("--show-tasks", summary_show_tasks, "Also print the per-task tables of the first tasks");

  cli::CalibrateOptions calibrate;
  auto* calibrate_cmd =
      app.add_subcommand("calibrate", "Fit population parameters to published trial statistics (docs/calibration.md)");
  calibrate_cmd->add_option("config", calibrate.config, "Calibration config YAML file")->required();
  calibrate_cmd->add_option("--max-evaluations", calibrate.max_evaluations, "Override the optimiser's evaluation budget");
  calibrate_cmd->add_flag("-q,--quiet", calibrate.quiet, "Print only errors");
  calibrate_cmd->add_flag("--overwrite", calibrate.overwrite,
                          "Replace whatever regular files are at the overlays and record the config names");

  cli::CheckpointOptions checkpoint;
  auto* checkpoint_cmd =
      app.add_subcommand("checkpoint", "Run every task of a scenario up to a time and save its state there (docs/checkpoints.md)");
  checkpoint_cmd->add_option("scenario", checkpoint.scenario, "Scenario YAML file")->required();
  checkpoint_cmd->add_option("--at", checkpoint.at, "Checkpoint time, e.g. '84 day' or '12 weeks'")->required();
  checkpoint_cmd->add_option("-o,--output", checkpoint.output, "Checkpoint file (.h5)")->required();
  checkpoint_cmd->add_flag("-q,--quiet", checkpoint.quiet, "Print only errors");
  checkpoint_cmd->add_flag("--overwrite", checkpoint.overwrite, "Replace whatever regular file is at the output");

  cli::BranchOptions branch;
  auto* branch_cmd = app.add_subcommand("branch", "Continue a checkpoint under several treatments from its time");
  branch_cmd->add_option("checkpoint", branch.checkpoint, "Checkpoint file (.h5)")->required();
  branch_cmd->add_option("branches", branch.branches, "YAML file naming the arms (docs/checkpoints.md)")->required();
  branch_cmd->add_option("-o,--output", branch.output, "Result file (.h5); overrides the branches file's output:");
  branch_cmd->add_flag("-q,--quiet", branch.quiet, "Print only errors");
  branch_cmd->add_flag("--overwrite", branch.overwrite, "Replace whatever regular file is at the output");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return cli::kBadInput;
  }

  try {
    const ModelRegistry registry = models::builtin_registry();
    std::signal(SIGINT, on_interrupt);
    std::signal(SIGTERM, on_interrupt);
    if (*run_cmd || *sweep_cmd) {
      run.sweep = sweep_cmd->parsed();
      run.interrupt = &interrupted;
      return mpi.max(cli::run_command(run, registry, mpi));
    }
    if (*validate_cmd) return cli::validate_command(validate_file, registry);
    if (*models_cmd) return cli::models_command(describe, describe_format, registry);
    if (*summary_cmd) return cli::summary_command(summary_file, summary_format, summary_show_tasks, registry);
    if (*calibrate_cmd) return cli::calibrate_command(calibrate, registry);
    if (*merge_cmd) return cli::merge_command(merge_output, merge_shards, merge_overwrite, registry);
    if (*checkpoint_cmd) return cli::checkpoint_command(checkpoint, registry);
    if (*branch_cmd) return cli::branch_command(branch, registry, &interrupted);
  } catch (const ScenarioError& e) {
    // Bad input is the same on every rank: rank 0 reports it. An error on any rank ends them all.
    if (mpi.rank() == 0) std::cerr << "error: " << e.what() << '\n';
    mpi.end_all(cli::kBadInput);
    return cli::kBadInput;
  } catch (const IoError& e) {
    std::cerr << (mpi.size() > 1 ? "rank " + std::to_string(mpi.rank()) + ": " : std::string())
              << "I/O error: " << e.what() << '\n';
    mpi.end_all(cli::kIoOrInternal);
    return cli::kIoOrInternal;
  } catch (const std::exception& e) {
    std::cerr << (mpi.size() > 1 ? "rank " + std::to_string(mpi.rank()) + ": " : std::string())
              << "internal error: " << e.what() << '\n';
    mpi.end_all(cli::kIoOrInternal);
    return cli::kIoOrInternal;
  }
  return cli::kIoOrInternal;
}
