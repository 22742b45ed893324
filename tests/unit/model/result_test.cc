// EDDY_TRY and EDDY_TRY_VOID: the value when there is one, else the error returned at once.
#include "model/result.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace eddy {
namespace {

Result<int> number(bool ok) {
  if (!ok) return validation_error("no number");
  return 41;
}

Result<void> check(bool ok) {
  if (!ok) return validation_error("check failed");
  return {};
}

int steps = 0;

Result<int> add_one(bool number_ok, bool check_ok) {
  steps = 0;
  EDDY_TRY(int n, number(number_ok));
  ++steps;
  EDDY_TRY_VOID(check(check_ok));
  ++steps;
  return n + 1;
}

TEST(Result, TryGivesTheValueOrReturnsTheError) {
  auto ok = add_one(true, true);
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(*ok, 42);
  EXPECT_EQ(steps, 2);

  auto no_number = add_one(false, true);
  ASSERT_FALSE(no_number.has_value());
  EXPECT_EQ(no_number.error().message, "no number");
  EXPECT_EQ(steps, 0);

  auto failed_check = add_one(true, false);
  ASSERT_FALSE(failed_check.has_value());
  EXPECT_EQ(failed_check.error().message, "check failed");
  EXPECT_EQ(steps, 1);
}

Result<std::unique_ptr<std::string>> owned() { return std::make_unique<std::string>("moved"); }

Result<std::string> assign_existing() {
  std::unique_ptr<std::string> target;
  EDDY_TRY(target, owned());  // an lvalue receives the value, moved out
  EDDY_TRY(auto second, owned());
  return *target + " " + *second;
}

TEST(Result, TryMovesIntoDeclarationsAndExistingVariables) {
  auto text = assign_existing();
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(*text, "moved moved");
}

}  // namespace
}  // namespace eddy
