#include "core/tokenizer/sentencepiece_model_proto.h"

#include <bit>
#include <cstdint>

namespace bksdm {
namespace {

// Field numbers of src/sentencepiece_model.proto.
namespace model_proto {
constexpr int kPieces = 1;
constexpr int kTrainerSpec = 2;
constexpr int kNormalizerSpec = 3;
}  // namespace model_proto
namespace sentence_piece {
constexpr int kPiece = 1;
constexpr int kScore = 2;
constexpr int kType = 3;
}  // namespace sentence_piece
namespace trainer_spec {
constexpr int kModelType = 3;
constexpr int kVocabSize = 4;
constexpr int kTreatWhitespaceAsSuffix = 24;
constexpr int kByteFallback = 35;
constexpr int kUnkId = 40;
constexpr int kBosId = 41;
constexpr int kEosId = 42;
constexpr int kPadId = 43;
constexpr int kModelTypeBpe = 2;
}  // namespace trainer_spec
namespace normalizer_spec {
constexpr int kName = 1;
constexpr int kAddDummyPrefix = 3;
constexpr int kRemoveExtraWhitespaces = 4;
constexpr int kEscapeWhitespaces = 5;
}  // namespace normalizer_spec

// Protobuf wire types.
constexpr int kVarint = 0;
constexpr int kLengthDelimited = 2;
constexpr int kFixed32 = 5;

class ProtoWriter {
 public:
  void varint_field(int field, int64_t value) {
    tag(field, kVarint);
    // Negative int32 values take ten bytes, sign-extended to 64 bits.
    varint(static_cast<uint64_t>(value));
  }
  void bool_field(int field, bool value) { varint_field(field, value ? 1 : 0); }
  void float_field(int field, float value) {
    tag(field, kFixed32);
    const auto bits = std::bit_cast<uint32_t>(value);
    for (int shift = 0; shift < 32; shift += 8) bytes_.push_back(static_cast<char>((bits >> shift) & 0xFF));
  }
  void bytes_field(int field, const std::string& value) {
    tag(field, kLengthDelimited);
    varint(value.size());
    bytes_ += value;
  }
  const std::string& bytes() const { return bytes_; }

 private:
  void tag(int field, int wire_type) { varint(static_cast<uint64_t>(field) << 3 | wire_type); }
  void varint(uint64_t value) {
    while (value >= 0x80) {
      bytes_.push_back(static_cast<char>((value & 0x7F) | 0x80));
      value >>= 7;
    }
    bytes_.push_back(static_cast<char>(value));
  }

  std::string bytes_;
};

std::string serialize_piece(const SentencePiece& piece) {
  ProtoWriter writer;
  writer.bytes_field(sentence_piece::kPiece, piece.piece);
  writer.float_field(sentence_piece::kScore, piece.score);
  if (piece.type != SentencePiece::Type::Normal) {
    writer.varint_field(sentence_piece::kType, static_cast<int>(piece.type));
  }
  return writer.bytes();
}

std::string serialize_trainer_spec(const SentencePieceBpeModel& model) {
  ProtoWriter writer;
  writer.varint_field(trainer_spec::kModelType, trainer_spec::kModelTypeBpe);
  writer.varint_field(trainer_spec::kVocabSize, static_cast<int64_t>(model.pieces.size()));
  writer.bool_field(trainer_spec::kTreatWhitespaceAsSuffix, model.treat_whitespace_as_suffix);
  writer.bool_field(trainer_spec::kByteFallback, false);
  writer.varint_field(trainer_spec::kUnkId, model.unk_id);
  writer.varint_field(trainer_spec::kBosId, model.bos_id);
  writer.varint_field(trainer_spec::kEosId, model.eos_id);
  writer.varint_field(trainer_spec::kPadId, -1);
  return writer.bytes();
}

std::string serialize_identity_normalizer() {
  ProtoWriter writer;
  writer.bytes_field(normalizer_spec::kName, "identity");
  writer.bool_field(normalizer_spec::kAddDummyPrefix, false);
  writer.bool_field(normalizer_spec::kRemoveExtraWhitespaces, false);
  writer.bool_field(normalizer_spec::kEscapeWhitespaces, false);
  return writer.bytes();
}

}  // namespace

std::string serialize_model_proto(const SentencePieceBpeModel& model) {
  ProtoWriter writer;
  for (const SentencePiece& piece : model.pieces) writer.bytes_field(model_proto::kPieces, serialize_piece(piece));
  writer.bytes_field(model_proto::kTrainerSpec, serialize_trainer_spec(model));
  writer.bytes_field(model_proto::kNormalizerSpec, serialize_identity_normalizer());
  return writer.bytes();
}

}  // namespace bksdm
