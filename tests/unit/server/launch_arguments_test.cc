// The command line eddy's flag parser reads: java's arguments dropped, the container image's
// defaults added where the command line chose nothing (server/launch_arguments.h).
#include <gtest/gtest.h>

#include "server/launch_arguments.h"

namespace eddy::server {
namespace {

using Args = std::vector<std::string>;

TEST(LaunchArguments, EddysOwnFlagsPassUnchanged) {
  Args args = {"--port", "8001", "--data-dir", "/x", "--log-level", "debug"};
  EXPECT_EQ(launch_arguments(args), args);
  EXPECT_EQ(launch_arguments({}), Args{});
}

TEST(LaunchArguments, JavaLauncherOfDynamoDbLocalIsDropped) {
  EXPECT_EQ(launch_arguments({"-jar", "DynamoDBLocal.jar", "-sharedDb", "-dbPath", "./data"}),
            (Args{"-sharedDb", "-dbPath", "./data"}));
  EXPECT_EQ(launch_arguments({"-Djava.library.path=./DynamoDBLocal_lib", "-Xmx512m", "-Xms64m", "-XX:+UseG1GC",
                              "-server", "-jar", "DynamoDBLocal.jar", "-inMemory", "-port", "8001"}),
            (Args{"-inMemory", "-port", "8001"}));
  EXPECT_EQ(launch_arguments({"-cp", "DynamoDBLocal.jar:DynamoDBLocal_lib/*",
                              "com.amazonaws.services.dynamodbv2.local.main.ServerRunner", "-inMemory"}),
            (Args{"-inMemory"}));
  EXPECT_EQ(launch_arguments({"-cors", "*", "-delayTransientStatuses", "-ea", "-verbose:gc", "-jar"}),
            (Args{"-cors", "*", "-delayTransientStatuses"}));
}

TEST(LaunchArguments, DynamoDbLocalFlagsAreNotMistakenForJavas) {
  Args args = {"-dbPath", "d", "-disableTelemetry", "-delayTransientStatuses", "-inMemory", "-help"};
  EXPECT_EQ(launch_arguments(args), args);
}

TEST(LaunchArguments, ContainerDefaultsWhereNothingWasChosen) {
  EXPECT_EQ(launch_arguments({"--container"}), (Args{"--container", "--host", "0.0.0.0", "--data-dir", "/data"}));
  // The compose file of AWS's documentation for amazon/dynamodb-local.
  EXPECT_EQ(launch_arguments({"--container", "-jar", "DynamoDBLocal.jar", "-sharedDb", "-dbPath", "./data"}),
            (Args{"--container", "-sharedDb", "-dbPath", "./data", "--host", "0.0.0.0"}));
  EXPECT_EQ(launch_arguments({"--container", "-jar", "DynamoDBLocal.jar", "-inMemory", "-port", "9000"}),
            (Args{"--container", "-inMemory", "-port", "9000", "--host", "0.0.0.0"}));
}

TEST(LaunchArguments, ContainerDefaultsGiveWayToAnySpelling) {
  for (const Args& data : {Args{"--data-dir", "/d"}, Args{"--data-dir=/d"}, Args{"-dbPath", "d"}, Args{"--in-memory"},
                           Args{"-inMemory"}}) {
    Args given = {"--container", "--host", "127.0.0.1"};
    given.insert(given.end(), data.begin(), data.end());
    EXPECT_EQ(launch_arguments(given), given);
  }
  EXPECT_EQ(launch_arguments({"--container", "-host=::", "--in-memory"}),
            (Args{"--container", "-host=::", "--in-memory"}));
}

}  // namespace
}  // namespace eddy::server
