#include "app/lora_tags.h"

#include <functional>

#include <QRegularExpression>

namespace bksdm {
namespace {

const QRegularExpression& extraNetworkPattern() {
  static const QRegularExpression pattern(QStringLiteral("<(\\w+):([^>]+)>"), QRegularExpression::UseUnicodePropertiesOption);
  return pattern;
}

QString formatMultiplier(double multiplier) { return QString::number(multiplier, 'g', 6); }

// The prompt with each tag replaced by what `rewrite` makes of it.
QString rewriteTags(const QString& prompt, const std::function<QString(const LoraTag&)>& rewrite) {
  QString text = prompt;
  const QList<LoraTag> tags = loraTags(prompt);
  for (auto it = tags.crbegin(); it != tags.crend(); ++it) text.replace(it->start, it->length, rewrite(*it));
  return text;
}

}  // namespace

QList<LoraTag> loraTags(const QString& prompt) {
  QList<LoraTag> tags;
  for (const QRegularExpressionMatch& match : extraNetworkPattern().globalMatch(prompt)) {
    if (match.captured(1) != QLatin1String("lora")) continue;
    const QStringList args = match.captured(2).split(QLatin1Char(':'));
    bool parsed = false;
    const double multiplier = args.size() > 1 ? args[1].toDouble(&parsed) : 1.0;
    tags.append({args[0], parsed ? multiplier : 1.0, int(match.capturedStart()), int(match.capturedLength())});
  }
  return tags;
}

QString loraTag(const QString& name, double multiplier) {
  return QStringLiteral("<lora:%1:%2>").arg(name, formatMultiplier(multiplier));
}

QString withLoraMultiplier(const QString& prompt, const QString& name, double multiplier) {
  return rewriteTags(prompt, [&](const LoraTag& tag) {
    return tag.name == name ? loraTag(name, multiplier) : prompt.mid(tag.start, tag.length);
  });
}

QString withLoraRenamed(const QString& prompt, const QString& from, const QString& to) {
  return rewriteTags(prompt, [&](const LoraTag& tag) {
    return tag.name == from ? loraTag(to, tag.multiplier) : prompt.mid(tag.start, tag.length);
  });
}

}  // namespace bksdm
