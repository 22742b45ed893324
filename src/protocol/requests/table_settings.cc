// Shared table settings; see table_settings.h.
#include "protocol/requests/table_settings.h"

namespace eddy::protocol {
namespace {

constexpr std::string_view kStreamViewTypes[] = {"NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY"};

}  // namespace

const Shape<ProvisionedThroughput>& provisioned_throughput_shape() {
  using R = ProvisionedThroughput;
  static const Shape<R> shape{"ProvisionedThroughput",
                              {
                                  long_member("ReadCapacityUnits", &R::read_capacity_units, {required(), range(1)}),
                                  long_member("WriteCapacityUnits", &R::write_capacity_units, {required(), range(1)}),
                              }};
  return shape;
}

const Shape<StreamSpecification>& stream_specification_shape() {
  using R = StreamSpecification;
  static const Shape<R> shape{"StreamSpecification",
                              {
                                  member("StreamEnabled", &R::stream_enabled, {required()}),
                                  member("StreamViewType", &R::stream_view_type, {one_of(kStreamViewTypes)}),
                              }};
  return shape;
}

StreamSettings stream_settings(const StreamSpecification& specification) {
  StreamSettings settings;
  settings.enabled = specification.stream_enabled.value_or(false);
  settings.view_type = specification.stream_view_type.value_or("");
  return settings;
}

const Shape<SseSpecification>& sse_specification_shape() {
  using R = SseSpecification;
  static const Shape<R> shape{"SSESpecification",
                              {
                                  member("Enabled", &R::enabled),
                                  member("SSEType", &R::sse_type),
                                  member("KMSMasterKeyId", &R::kms_master_key_id),
                              }};
  return shape;
}

SseDescription sse_description(const SseSpecification& specification) {
  SseDescription sse;
  sse.enabled = specification.enabled.value_or(false);
  sse.sse_type = specification.sse_type.value_or(sse.enabled ? "KMS" : "");
  sse.kms_master_key_id = specification.kms_master_key_id.value_or("");
  return sse;
}

const Shape<Tag>& tag_shape() {
  static const Shape<Tag> shape{"Tag",
                                {
                                    member("Key", &Tag::key, {length_or_empty(1, 128)}),
                                    member("Value", &Tag::value, {required(), length(0, 256)}),
                                }};
  return shape;
}

}  // namespace eddy::protocol
