// The command line eddy's flag parser reads, made from the one eddy was started with, so that eddy
// stands in for DynamoDB Local wherever DynamoDB Local is started (docs/docker.md):
//  - what `java` itself would take when eddy replaces `java -jar DynamoDBLocal.jar` is dropped: JVM
//    options (-D…, -X…, -XX:…, -server, -client, -ea, -da, -verbose…, -agentlib:…, -javaagent:…),
//    `-jar FILE`, and `-cp PATH MAIN` / `-classpath PATH MAIN`. Compose files for the
//    amazon/dynamodb-local image pass them as its command, e.g.
//    "-jar DynamoDBLocal.jar -sharedDb -dbPath ./data" (relative to the image's working folder,
//    /home/dynamodblocal, which eddy's image keeps).
//  - with --container (the entrypoint of eddy's image), the image's defaults are added where the
//    command line chose nothing: --host 0.0.0.0 (a container is reached through its network
//    interface) and --data-dir /data (the image's volume), unless a data folder or in-memory mode
//    is given in any spelling (--data-dir, -dbPath, --in-memory, -inMemory).
// DynamoDB Local's own flags (-port, -inMemory, -sharedDb, -cors, ...) pass through to the parser.
#pragma once

#include <string>
#include <vector>

namespace eddy::server {

inline constexpr const char* kContainerHost = "0.0.0.0";
inline constexpr const char* kContainerDataDir = "/data";

// `given`: the arguments after the program name. Returns them without java's, plus the container
// defaults when --container is among them.
std::vector<std::string> launch_arguments(const std::vector<std::string>& given);

// True when `given` is DynamoDB Local's command line: `-jar`, `-port` with one dash, or a flag only
// DynamoDB Local has (-inMemory, -dbPath, -sharedDb, -cors, -delayTransientStatuses,
// -disableTelemetry, -optimizeDbBeforeStartup). Without -sharedDb, tables are then kept by access
// key and region, as DynamoDB Local keeps them (docs/namespaces.md).
bool is_dynamodb_local_command_line(const std::vector<std::string>& given);

}  // namespace eddy::server
