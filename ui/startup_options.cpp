#include "ui/startup_options.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QRegularExpression>

#include "app/schedulers.h"

namespace bksdm {
namespace {

[[noreturn]] void refuse(const QString& message) {
  qCritical("%s", qPrintable(message));
  ::exit(2);
}

}  // namespace

StartupOptions parseStartupOptions(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription(QCoreApplication::translate("main", "Text-to-image with BK-SDM and Stable Diffusion models."));
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption model("model", QCoreApplication::translate("main", "Load this model folder or cached repo id."), "model");
  const QCommandLineOption prompt("prompt", QCoreApplication::translate("main", "Start with this prompt."), "text");
  const QCommandLineOption negative("negative-prompt", QCoreApplication::translate("main", "Start with this negative prompt."), "text");
  const QCommandLineOption steps("steps", QCoreApplication::translate("main", "Denoising steps."), "n");
  const QCommandLineOption seed("seed", QCoreApplication::translate("main", "Seed (locks it)."), "n");
  const QCommandLineOption scheduler("scheduler", QCoreApplication::translate("main", "The scheduler, one of %1.").arg(schedulerNames().join(QStringLiteral(", "))), "name");
  const QCommandLineOption size("size", QCoreApplication::translate("main", "Image size, WIDTHxHEIGHT."), "size");
  const QCommandLineOption generate("generate", QCoreApplication::translate("main", "Generate once the model is loaded."));
  const QCommandLineOption screenshot("screenshot", QCoreApplication::translate("main", "After the run, save a screenshot of the window to this file and quit."), "file");
  const QCommandLineOption stalls("report-stalls", QCoreApplication::translate("main", "Print the longest event-loop stall of each run."));
  parser.addOptions({model, prompt, negative, steps, seed, scheduler, size, generate, screenshot, stalls});
  parser.process(arguments);

  StartupOptions options;
  options.model = parser.value(model);
  if (parser.isSet(prompt)) options.prompt = parser.value(prompt);
  if (parser.isSet(negative)) options.negativePrompt = parser.value(negative);
  bool ok = true;
  if (parser.isSet(steps) && (options.steps = parser.value(steps).toInt(&ok), !ok || *options.steps < 1))
    refuse(QCoreApplication::translate("main", "--steps takes a positive number"));
  if (parser.isSet(seed) && (options.seed = parser.value(seed).toULongLong(&ok), !ok))
    refuse(QCoreApplication::translate("main", "--seed takes a non-negative number"));
  if (parser.isSet(scheduler)) {
    options.scheduler = parser.value(scheduler);
    if (!schedulerNames().contains(*options.scheduler))
      refuse(QCoreApplication::translate("main", "--scheduler: no scheduler \"%1\"; it takes one of %2")
                 .arg(*options.scheduler, schedulerNames().join(QStringLiteral(", "))));
  }
  if (parser.isSet(size)) {
    const auto match = QRegularExpression("^(\\d+)x(\\d+)$").match(parser.value(size));
    if (!match.hasMatch()) refuse(QCoreApplication::translate("main", "--size takes WIDTHxHEIGHT, e.g. 512x768"));
    options.size = QSize(match.captured(1).toInt(), match.captured(2).toInt());
  }
  options.generate = parser.isSet(generate) || parser.isSet(screenshot);
  options.screenshot = parser.value(screenshot);
  options.reportStalls = parser.isSet(stalls);
  return options;
}

}  // namespace bksdm
