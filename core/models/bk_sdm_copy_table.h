#pragma once
#include <string>
#include <string_view>

namespace bksdm {

// BK-SDM's students began as SD's U-Net, block by block, a few kept blocks from a teacher block of
// another index: the copy table of BK-SDM's training code (copy_weight_from_teacher). The name a
// student U-Net parameter had in the teacher, for the student's layout ("BK-Base", "BK-Small",
// "BK-Tiny", as unet_layout() names it); the name itself elsewhere and for any other layout. A LoRA
// trained on the teacher finds its layer for such a block under that name.
std::string teacher_parameter(std::string_view layout, const std::string& parameter);
// Whether the layout has such a table: BK-SDM's students.
bool has_copy_table(std::string_view layout);

}  // namespace bksdm
