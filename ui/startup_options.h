#pragma once
#include <optional>

#include <QSize>
#include <QString>
#include <QStringList>

namespace bksdm {

// Command-line options that make the app scriptable (screenshots, demos, stall reports).
struct StartupOptions {
  QString model;  // a folder or a cached repo id, instead of the last model
  std::optional<QString> prompt;
  std::optional<QString> negativePrompt;
  std::optional<int> steps;
  std::optional<quint64> seed;  // also locks the seed
  std::optional<QString> scheduler;
  std::optional<QSize> size;
  bool generate = false;   // run once the model is loaded
  QString screenshot;      // after that run, save a screenshot of the window here and quit
  bool reportStalls = false;  // print the longest event-loop stall of each run
};

// Parses the application's arguments; exits with a usage message on errors, as
// QCommandLineParser::process does.
StartupOptions parseStartupOptions(const QStringList& arguments);

}  // namespace bksdm
