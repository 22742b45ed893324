// The admin API's registration table: routing by method and path, with {…}
// parameters.
#include "admin/route_table.h"

#include <gtest/gtest.h>

#include "admin/calls.h"

namespace eddy::admin {
namespace {

TEST(RouteTable, FindsCallsByMethodAndPath) {
  RouteMatch clock = find_route("GET", "/eddy/v1/clock");
  EXPECT_EQ(clock.handler, &get_clock);
  EXPECT_TRUE(clock.parameters.empty());
  EXPECT_EQ(find_route("POST", "/eddy/v1/clock").handler, &move_clock);
}

TEST(RouteTable, GivesThePathsParametersInOrder) {
  RouteMatch restore = find_route("POST", "/eddy/v1/snapshots/seeded/restore");
  EXPECT_EQ(restore.handler, &restore_snapshot);
  EXPECT_EQ(restore.parameters, std::vector<std::string>{"seeded"});
  RouteMatch wait = find_route("GET", "/eddy/v1/streams/Orders/wait");
  EXPECT_EQ(wait.handler, &wait_for_stream);
  EXPECT_EQ(wait.parameters, std::vector<std::string>{"Orders"});
}

TEST(RouteTable, TellsAnUnknownPathFromAnotherMethod) {
  RouteMatch other_method = find_route("PUT", "/eddy/v1/snapshots");
  EXPECT_EQ(other_method.handler, nullptr);
  EXPECT_TRUE(other_method.path_known);
  RouteMatch unknown = find_route("GET", "/eddy/v1/snapshots/a/b/c");
  EXPECT_EQ(unknown.handler, nullptr);
  EXPECT_FALSE(unknown.path_known);
  EXPECT_FALSE(find_route("GET", "/eddy/v1/").path_known);
}

TEST(RouteTable, DeleteOfOneRuleAndOfAll) {
  EXPECT_EQ(find_route("DELETE", "/eddy/v1/faults").handler, &delete_faults);
  RouteMatch one = find_route("DELETE", "/eddy/v1/faults/12");
  EXPECT_EQ(one.handler, &delete_fault);
  EXPECT_EQ(one.parameters, std::vector<std::string>{"12"});
}

}  // namespace
}  // namespace eddy::admin
