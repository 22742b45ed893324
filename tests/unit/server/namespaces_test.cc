// Namespaces by access key and region (server/namespaces.h): which command lines ask for them
// (DynamoDB Local's without -sharedDb), the folder each namespace is kept in, and that two
// namespaces are two sets of tables.
#include "server/namespaces.h"

#include <gtest/gtest.h>

#include "server/launch_arguments.h"

namespace eddy::server {
namespace {

using Args = std::vector<std::string>;

TEST(Namespaces, DynamoDbLocalCommandLinesAreRecognised) {
  EXPECT_TRUE(is_dynamodb_local_command_line(Args{"-jar", "DynamoDBLocal.jar"}));
  EXPECT_TRUE(is_dynamodb_local_command_line(Args{"-port", "8000"}));
  EXPECT_TRUE(is_dynamodb_local_command_line(Args{"-inMemory"}));
  EXPECT_TRUE(is_dynamodb_local_command_line(Args{"--container", "-dbPath", "./data"}));
  EXPECT_TRUE(is_dynamodb_local_command_line(Args{"-sharedDb"}));
  EXPECT_FALSE(is_dynamodb_local_command_line(Args{"--port", "8000", "--in-memory"}));
  EXPECT_FALSE(is_dynamodb_local_command_line(Args{"--container"}));
  EXPECT_FALSE(is_dynamodb_local_command_line(Args{}));
}

TEST(Namespaces, FolderNamesAreOneSafeName) {
  EXPECT_EQ(Namespaces::folder_name("AKIDEXAMPLE", "us-east-1"), "AKIDEXAMPLE_us-east-1");
  EXPECT_EQ(Namespaces::folder_name("a/b", "..x"), "a%2Fb_..x");
  EXPECT_EQ(Namespaces::folder_name("", "eu west"), "_eu%20west");
}

TEST(Namespaces, EachAccessKeyAndRegionHasItsOwnState) {
  ServerOptions options;
  options.in_memory = true;
  Namespaces namespaces(options, ops::OperationSettings{}, triggers::TriggerOptions{}, init::InitPlan{});
  auto first = namespaces.state_for("AKIDA", "us-east-1");
  auto again = namespaces.state_for("AKIDA", "us-east-1");
  auto region = namespaces.state_for("AKIDA", "eu-west-1");
  auto key = namespaces.state_for("AKIDB", "us-east-1");
  ASSERT_TRUE(first && again && region && key);
  EXPECT_EQ(*first, *again);
  EXPECT_NE(&(*first)->database, &(*region)->database);
  EXPECT_NE(&(*first)->database, &(*key)->database);
  namespaces.stop();
  EXPECT_FALSE(namespaces.state_for("AKIDA", "us-east-1"));
}

}  // namespace
}  // namespace eddy::server
