// What --init declares (docs/init.md), read from the user's files before anything is applied: the
// tables to create, each as the CreateTable request the API would receive, and the items to load,
// each file as BatchWriteItem's RequestItems. Reading (init_reader.h) and applying (init_apply.h)
// are apart, so a bad file stops eddy before storage is touched.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/api_error.h"
#include "protocol/json.h"

namespace eddy::init {

struct TableDeclaration {
  // Where it was declared, for messages: "FILE" or "FILE, resource LOGICAL_ID (AWS::DynamoDB::Table)".
  std::string origin;
  // A CreateTable request body, performed by the CreateTable operation itself.
  JsonDocument create_table;
  // TimeToLiveSpecification's AttributeName when Enabled: set by UpdateTimeToLive after creation.
  std::optional<std::string> time_to_live_attribute;
  // PointInTimeRecoverySpecification's PointInTimeRecoveryEnabled: set by UpdateContinuousBackups.
  bool point_in_time_recovery = false;
};

struct ItemLoad {
  std::string origin;          // the file
  JsonDocument request_items;  // {"RequestItems": {...}} of any size; written 25 requests at a time
};

struct InitPlan {
  std::vector<TableDeclaration> tables;
  std::vector<ItemLoad> items;
};

// Template parameters given on the command line (--init-param K=V); they win over a Parameter's
// Default and may also set the pseudo parameters (AWS::Region, AWS::AccountId, AWS::StackName).
using InitParameters = std::map<std::string, std::string>;

// The one shape of every --init failure: "--init FILE[, resource ID (TYPE)]: PROBLEM".
inline ApiError init_error(const std::string& origin, const std::string& problem) {
  return ApiError::validation("--init " + origin + ": " + problem);
}

}  // namespace eddy::init
