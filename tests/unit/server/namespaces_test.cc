// Namespaces by access key and region (server/namespaces.h): which command lines ask for them
// (DynamoDB Local's without -sharedDb), the folder each namespace is kept in, and that two
// namespaces are two sets of tables.
#include "server/namespaces.h"

#include <filesystem>
#include <random>

#include <gtest/gtest.h>

#include "server/launch_arguments.h"

namespace eddy::server {
namespace {

using Args = std::vector<std::string>;

// What every namespace shares with the server: the requests' gate, the fault rules, the trigger waits.
struct Services {
  RequestGate gate{4};
  admin::FaultRules faults;
  TriggerWaits waits;
  NamespaceServices get() { return NamespaceServices{gate, faults, waits, nullptr}; }
};

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
  Services services;
  Namespaces namespaces(options, ops::OperationSettings{}, triggers::TriggerOptions{}, init::InitPlan{},
                        services.get());
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

TEST(Namespaces, EachNamespaceHasItsOwnAdminContext) {
  ServerOptions options;
  options.in_memory = true;
  Services services;
  Namespaces namespaces(options, ops::OperationSettings{}, triggers::TriggerOptions{}, init::InitPlan{},
                        services.get());
  auto east = namespaces.admin_for("AKIDA", "us-east-1");
  auto west = namespaces.admin_for("AKIDA", "eu-west-1");
  ASSERT_TRUE(east && west);
  EXPECT_NE(*east, *west);
  EXPECT_EQ(&(*east)->database(), &(*namespaces.state_for("AKIDA", "us-east-1"))->database);
  EXPECT_EQ(&(*east)->faults, &services.faults);  // fault rules are the process's
  EXPECT_EQ(namespaces.every_admin().size(), 2u);
  namespaces.stop();
}

// A whole-database admin call reaches the namespaces kept on disk that no request opened since the
// start: every_admin() opens them from their folder names, the access key holding '_' too.
TEST(Namespaces, EveryAdminOpensTheNamespacesOnDisk) {
  std::filesystem::path folder =
      std::filesystem::temp_directory_path() / ("eddy-namespaces-" + std::to_string(std::random_device{}()));
  ServerOptions options;
  options.data_dir = folder.string();
  {
    Services services;
    Namespaces namespaces(options, ops::OperationSettings{}, triggers::TriggerOptions{}, init::InitPlan{},
                          services.get());
    ASSERT_TRUE(namespaces.state_for("AKID_A", "us-east-1"));
    ASSERT_TRUE(namespaces.state_for("a/b", "eu-west-1"));
    namespaces.stop();
  }
  std::filesystem::create_directories(folder / "namespaces" / "not-a-namespace");
  Services services;
  Namespaces namespaces(options, ops::OperationSettings{}, triggers::TriggerOptions{}, init::InitPlan{},
                        services.get());
  std::vector<admin::AdminContext*> every = namespaces.every_admin();
  ASSERT_EQ(every.size(), 2u);
  auto reopened = namespaces.admin_for("AKID_A", "us-east-1");
  ASSERT_TRUE(reopened);
  EXPECT_TRUE(*reopened == every[0] || *reopened == every[1]);
  auto other = namespaces.admin_for("a/b", "eu-west-1");
  ASSERT_TRUE(other);
  EXPECT_TRUE(*other == every[0] || *other == every[1]);
  EXPECT_NE(*reopened, *other);
  namespaces.stop();
  std::filesystem::remove_all(folder);
}

}  // namespace
}  // namespace eddy::server
