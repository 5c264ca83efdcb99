#pragma once
#include <string>
#include <vector>

namespace bksdm {

// The part of sentencepiece's ModelProto (src/sentencepiece_model.proto) that describes a BPE model
// with identity normalisation, written as protobuf wire bytes for LoadFromSerializedProto: Debian
// ships no generated sentencepiece_model.pb.h, and the few fields need no protobuf library.
struct SentencePiece {
  // ModelProto.SentencePiece.Type
  enum class Type { Normal = 1, Unknown = 2, Control = 3 };

  std::string piece;
  float score = 0;  // BPE merges the adjacent pair whose joined piece scores highest
  Type type = Type::Normal;
};

struct SentencePieceBpeModel {
  std::vector<SentencePiece> pieces;  // a piece's id is its index
  int unk_id = 0;
  int bos_id = 0;
  int eos_id = 0;
  // The whitespace mark U+2581 ends words instead of starting them.
  bool treat_whitespace_as_suffix = true;
};

// The serialized ModelProto: model type BPE, byte fallback off, normaliser "identity" that adds,
// removes and escapes no whitespace.
std::string serialize_model_proto(const SentencePieceBpeModel& model);

}  // namespace bksdm
