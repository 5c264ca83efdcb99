// Scheduler configs that would end a run in NaN or run another scheduler than the one named: a beta
// outside (0, 1) is refused by name (was: NaN blamed on the weights); a class not implemented here
// is named, so a warning can say PNDM runs instead.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "core/schedulers/scheduler.h"
#include "tests/core/test_support.h"

namespace {

using bksdm::testing::error_of;

TEST(HostileSchedulerConfigs, ABetaOutsideZeroToOneIsRefused) {
  for (const char* key : {"beta_start", "beta_end"})
    for (const double beta : {2.0, -0.1, 0.0}) {
      const nlohmann::json config = {{"_class_name", "PNDMScheduler"}, {key, beta}};
      const std::string message = error_of([&] { bksdm::make_scheduler("pndm", config); });
      EXPECT_NE(message.find(std::string("\"") + key + "\" must be between 0 and 1"), std::string::npos)
          << key << " " << beta << ": " << message;
    }
}

TEST(HostileSchedulerConfigs, AClassNotImplementedHereIsNamed) {
  EXPECT_EQ(bksdm::unimplemented_scheduler_class({{"_class_name", "LMSDiscreteScheduler"}}), "LMSDiscreteScheduler");
  EXPECT_EQ(bksdm::default_scheduler_name({{"_class_name", "LMSDiscreteScheduler"}}), "pndm");
  EXPECT_EQ(bksdm::unimplemented_scheduler_class({{"_class_name", "DDIMScheduler"}}), std::nullopt);
  EXPECT_EQ(bksdm::unimplemented_scheduler_class(nlohmann::json::object()), std::nullopt);
}

}  // namespace
