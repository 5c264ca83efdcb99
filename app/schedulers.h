#pragma once
#include <QList>
#include <QString>
#include <QStringList>

namespace bksdm {

// A scheduler the engine implements: the name the pipeline takes and the label people know it by
// (AUTOMATIC1111's: "Euler a", "DPM++ 2M Karras").
struct SchedulerChoice {
  QString name;
  QString label;
};

// The core's scheduler table, in its order: the form's list, the command line's check and help.
QList<SchedulerChoice> schedulerChoices();
QStringList schedulerNames();
// The label of `name`; an unknown name is returned as it is.
QString schedulerLabel(const QString& name);

}  // namespace bksdm
