#include "core/models/bk_sdm_copy_table.h"

#include <utility>
#include <vector>

namespace bksdm {
namespace {

using Table = std::vector<std::pair<std::string_view, std::string_view>>;  // student prefix -> teacher's

// BK-Base and BK-Small keep two of each up block's three resnets (and attentions): the second
// from the teacher's third.
const Table kBaseAndSmall{
    {"up_blocks.0.resnets.1.", "up_blocks.0.resnets.2."},     {"up_blocks.1.resnets.1.", "up_blocks.1.resnets.2."},
    {"up_blocks.1.attentions.1.", "up_blocks.1.attentions.2."}, {"up_blocks.2.resnets.1.", "up_blocks.2.resnets.2."},
    {"up_blocks.2.attentions.1.", "up_blocks.2.attentions.2."}, {"up_blocks.3.resnets.1.", "up_blocks.3.resnets.2."},
    {"up_blocks.3.attentions.1.", "up_blocks.3.attentions.2."}};

// BK-Tiny drops the teacher's first up block (and its last down block): up block i is the teacher's
// i + 1, its second resnet and attention the teacher's third.
const Table kTiny{
    {"up_blocks.0.resnets.0.", "up_blocks.1.resnets.0."},       {"up_blocks.0.attentions.0.", "up_blocks.1.attentions.0."},
    {"up_blocks.0.resnets.1.", "up_blocks.1.resnets.2."},       {"up_blocks.0.attentions.1.", "up_blocks.1.attentions.2."},
    {"up_blocks.0.upsamplers.", "up_blocks.1.upsamplers."},     {"up_blocks.1.resnets.0.", "up_blocks.2.resnets.0."},
    {"up_blocks.1.attentions.0.", "up_blocks.2.attentions.0."}, {"up_blocks.1.resnets.1.", "up_blocks.2.resnets.2."},
    {"up_blocks.1.attentions.1.", "up_blocks.2.attentions.2."}, {"up_blocks.1.upsamplers.", "up_blocks.2.upsamplers."},
    {"up_blocks.2.resnets.0.", "up_blocks.3.resnets.0."},       {"up_blocks.2.attentions.0.", "up_blocks.3.attentions.0."},
    {"up_blocks.2.resnets.1.", "up_blocks.3.resnets.2."},       {"up_blocks.2.attentions.1.", "up_blocks.3.attentions.2."}};

const Table* table_for(std::string_view layout) {
  if (layout == "BK-Base" || layout == "BK-Small") return &kBaseAndSmall;
  if (layout == "BK-Tiny") return &kTiny;
  return nullptr;
}

}  // namespace

bool has_copy_table(std::string_view layout) { return table_for(layout) != nullptr; }

std::string teacher_parameter(std::string_view layout, const std::string& parameter) {
  if (const Table* table = table_for(layout))
    for (const auto& [student, teacher] : *table)
      if (std::string_view(parameter).starts_with(student))
        return std::string(teacher) + parameter.substr(student.size());
  return parameter;
}

}  // namespace bksdm
