// A model's declarations as a document: its variables, observables and parameter table (unit,
// default, range, meaning, source) as wrapped text, Markdown or JSON (`icbsim models --describe`;
// the parameter tables of docs/models/*.md are made from the Markdown form).
#pragma once

#include <cstddef>
#include <string>

#include "engine/core/model_info.hpp"

namespace icbsim {

/// Plain text no wider than `width` columns where it can be: long meanings and sources wrap.
std::string describe_text(const ModelInfo& model, std::size_t width);
/// Markdown: a heading line, the reference, and tables of variables, observables and parameters.
std::string describe_markdown(const ModelInfo& model);
/// JSON: every declared field of every variable, observable and parameter.
std::string describe_json(const ModelInfo& model);

}  // namespace icbsim
