#include "app/schedulers.h"

#include "core/io/a1111_parameters.h"
#include "core/schedulers/scheduler.h"

namespace bksdm {

QList<SchedulerChoice> schedulerChoices() {
  QList<SchedulerChoice> choices;
  for (const std::string& name : scheduler_names()) {
    const QString qName = QString::fromStdString(name);
    choices.append({qName, schedulerLabel(qName)});
  }
  return choices;
}

QStringList schedulerNames() {
  QStringList names;
  for (const SchedulerChoice& choice : schedulerChoices()) names << choice.name;
  return names;
}

QString schedulerLabel(const QString& name) { return QString::fromStdString(a1111_sampler_name(name.toStdString())); }

}  // namespace bksdm
