#pragma once
#include <QList>
#include <QString>

namespace bksdm {

// A1111's `<lora:NAME:MULT>` tag in a prompt, as its extra-networks re `<(\w+):([^>]+)>` reads it
// (core/prompt/extra_networks.h), in the QString's positions, for the editor and the Resources panel.
struct LoraTag {
  QString name;
  double multiplier = 1.0;  // 1 when the tag gives none or none that parses, as A1111
  int start = 0;
  int length = 0;
  bool operator==(const LoraTag&) const = default;
};

// In order of position.
QList<LoraTag> loraTags(const QString& prompt);

// The tag a click in the Resources panel writes.
QString loraTag(const QString& name, double multiplier = 1.0);

// Every tag naming `name` with `multiplier` in place of its number (A1111's second multiplier goes).
QString withLoraMultiplier(const QString& prompt, const QString& name, double multiplier);

// Every tag naming `from` naming `to`, its multipliers kept.
QString withLoraRenamed(const QString& prompt, const QString& from, const QString& to);

}  // namespace bksdm
