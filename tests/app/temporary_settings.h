#pragma once
// Points QSettings (AppSettings and the gallery's) at an INI file under `folder`, so a test neither
// reads nor changes the user's settings.
#include <QCoreApplication>
#include <QSettings>
#include <QString>

namespace bksdm::testing {

inline void keepSettingsIn(const QString& folder, const QString& application) {
  QSettings::setDefaultFormat(QSettings::IniFormat);
  QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, folder);
  QCoreApplication::setOrganizationName(QStringLiteral("bksdm-test"));
  QCoreApplication::setApplicationName(application);
}

}  // namespace bksdm::testing
