// The Korean and German translations (rows "ko" and "de"): each .ts file is complete, with the source's
// placeholders, accelerators and plural forms; with the embedded .qm installed, no string the main
// window (on a first run, no model), the preferences or the model manager shows is still English, but
// for the short lists below of what reads the same in that language; installTranslations loads Qt's
// own translations with ours, and nothing for English.
#include <qcoro/qcorotask.h>

#include <QAbstractButton>
#include <QAbstractSpinBox>
#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLibraryInfo>
#include <QLineEdit>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QSpinBox>
#include <QTabBar>
#include <QTemporaryDir>
#include <QTextEdit>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

#include "app/app_settings.h"
#include "app/devices.h"
#include "app/gallery/gallery_settings.h"
#include "app/hub/known_models.h"
#include "ui/hub/model_manager_dialog.h"
#include "ui/i18n/translations.h"
#include "ui/main_window.h"
#include "ui/preferences_dialog.h"
#include "ui/startup_options.h"
#include "tests/app/temporary_settings.h"

using namespace bksdm;

namespace {

// Names, units and terms that are the same in every language here.
const QStringList kSameEverywhere = {
    QStringLiteral("BK-SDM Studio"), QStringLiteral("PNDM"), QStringLiteral("DDIM"), QStringLiteral("Euler"),
    QStringLiteral("Euler a"), QStringLiteral("DPM++ 2M"), QStringLiteral("DPM++ 2M Karras"),
    QStringLiteral("px"), QStringLiteral("VAE"),
    // The language choice names each language in itself.
    QStringLiteral("English"), QStringLiteral("Deutsch"), QStringLiteral("\ud55c\uad6d\uc5b4")};

// Terms a language takes over from English as they are.
QStringList sameInLanguage(const QString& language) {
  if (language == QLatin1String("de"))
    return {QStringLiteral("&Prompt"),    QStringLiteral("S&eed"),   QStringLiteral("&Scheduler"),
            QStringLiteral("System"),     QStringLiteral("Threads"), QStringLiteral("Status"),
            QStringLiteral("Repository"), QStringLiteral("CPU"),     QStringLiteral("OK"),
            QStringLiteral("Name"),       QStringLiteral("LoRAs"),   QStringLiteral("Embeddings"),
            QStringLiteral("Prompt S/R"), QStringLiteral("Sampler"), QStringLiteral("Seed")};
  if (language == QLatin1String("ko")) return {QStringLiteral("CPU"), QStringLiteral("CUDA GPU")};
  return {};
}

// The Hub's model names and repo ids, shown as they are.
QStringList modelNames() {
  QStringList names;
  for (const KnownModel& model : knownModels()) names << model.name << model.repoId;
  return names;
}

bool hasLetter(const QString& text) { return text.contains(QRegularExpression(QStringLiteral("\\p{L}"))); }

// Every piece of text a person can see or hover over in `root` and its children.
QSet<QString> visibleTexts(QWidget* root) {
  QSet<QString> texts;
  auto add = [&texts](const QString& text) {
    if (hasLetter(text)) texts.insert(text.trimmed());
  };
  QList<QWidget*> widgets = root->findChildren<QWidget*>();
  widgets.prepend(root);
  for (QWidget* widget : widgets) {
    if (widget->isWindow()) add(widget->windowTitle());
    add(widget->toolTip());
    if (auto* label = qobject_cast<QLabel*>(widget)) add(label->text());
    if (auto* button = qobject_cast<QAbstractButton*>(widget)) add(button->text());
    if (auto* group = qobject_cast<QGroupBox*>(widget)) add(group->title());
    if (auto* menu = qobject_cast<QMenu*>(widget)) add(menu->title());
    if (auto* line = qobject_cast<QLineEdit*>(widget)) add(line->placeholderText());
    if (auto* plain = qobject_cast<QPlainTextEdit*>(widget)) add(plain->placeholderText());
    if (auto* rich = qobject_cast<QTextEdit*>(widget)) add(rich->placeholderText());
    if (auto* spin = qobject_cast<QAbstractSpinBox*>(widget)) add(spin->specialValueText());
    if (auto* spin = qobject_cast<QSpinBox*>(widget)) {
      add(spin->prefix());
      add(spin->suffix());
    }
    if (auto* combo = qobject_cast<QComboBox*>(widget)) {
      add(combo->placeholderText());
      for (int i = 0; i < combo->count(); ++i) add(combo->itemText(i));
    }
    if (auto* tabs = qobject_cast<QTabBar*>(widget))
      for (int i = 0; i < tabs->count(); ++i) {
        add(tabs->tabText(i));
        add(tabs->tabToolTip(i));
      }
    if (auto* header = qobject_cast<QHeaderView*>(widget); header && !header->isHidden() && header->model())
      for (int i = 0; i < header->count(); ++i)
        add(header->model()->headerData(i, header->orientation()).toString());
  }
  for (QAction* action : root->findChildren<QAction*>()) {
    add(action->text());
    add(action->toolTip());
    add(action->statusTip());
  }
  return texts;
}

// The main window as a new user first sees it, then the preferences and the model manager.
QSet<QString> windowTexts() {
  QSet<QString> texts;
  {
    MainWindow window;
    window.show();
    QCoro::waitFor(window.start(StartupOptions{}));
    texts += visibleTexts(&window);
  }
  const AppSettings settings;
  PreferencesDialog preferences(settings.preview(), settings.engine(), settings.theme(), availableDevices(), cudaGpu());
  texts += visibleTexts(&preferences);
  ModelManagerDialog manager;
  texts += visibleTexts(&manager);
  return texts;
}

QStringList placeholders(const QString& text) {
  QStringList found;
  for (const auto& match : QRegularExpression(QStringLiteral("%L?\\d|%n")).globalMatch(text))
    found << match.captured();
  found.sort();
  return found;
}

int accelerators(QString text) {
  return int(text.remove(QStringLiteral("&&")).count(QRegularExpression(QStringLiteral("&\\S"))));
}

struct TsMessage {
  QString context;
  QString source;
  QStringList translations;  // one, or the plural forms
  QString type;              // "unfinished", "vanished", "obsolete"; empty when finished
  int line = 0;
};

QList<TsMessage> readTs(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) qFatal("cannot open %s", qPrintable(path));
  QList<TsMessage> messages;
  QString context;
  QXmlStreamReader xml(&file);
  while (!xml.atEnd()) {
    if (xml.readNext() != QXmlStreamReader::StartElement) continue;
    if (xml.name() == QLatin1String("name")) {
      context = xml.readElementText();
    } else if (xml.name() == QLatin1String("message")) {
      messages.append({context, {}, {}, {}, int(xml.lineNumber())});
    } else if (xml.name() == QLatin1String("source")) {
      messages.last().source = xml.readElementText();
    } else if (xml.name() == QLatin1String("translation")) {
      messages.last().type = xml.attributes().value(QLatin1String("type")).toString();
      // A plural's forms are <numerusform> children; a plain translation is the element's text.
      QString text;
      while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isCharacters()) text += xml.text();
        if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
          messages.last().translations << xml.readElementText();
        if (xml.isEndElement() && xml.name() == QLatin1String("translation")) break;
      }
      if (messages.last().translations.isEmpty()) messages.last().translations << text;
    }
  }
  if (xml.hasError()) qFatal("%s: %s", qPrintable(path), qPrintable(xml.errorString()));
  return messages;
}

void addLanguageRows() {
  QTest::addColumn<QString>("language");
  QTest::newRow("ko") << QStringLiteral("ko");
  QTest::newRow("de") << QStringLiteral("de");
}

void removeInstalledTranslators() {
  for (QTranslator* translator : qApp->findChildren<QTranslator*>()) {
    QCoreApplication::removeTranslator(translator);
    delete translator;
  }
}

}  // namespace

class TranslationsTest : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void initTestCase() {
    testing::keepSettingsIn(settingsDir_.path(), QStringLiteral("i18n-test"));
    // No model anywhere and no network: the first run of a new user.
    qputenv("HF_HUB_CACHE", hubCache_.path().toLocal8Bit());
    qputenv("HF_HUB_OFFLINE", "1");
    gallery::GallerySettings gallerySettings;
    gallerySettings.setFolders({galleryDir_.path()});
    gallerySettings.setCurrentFolder(galleryDir_.path());
    english_ = windowTexts();
    QVERIFY(english_.contains(QStringLiteral("&Generate")));
  }

  void tsFileIsComplete_data() { addLanguageRows(); }
  void tsFileIsComplete() {
    QFETCH(QString, language);
    const QString path = QStringLiteral(BKSDM_I18N_DIR "/bksdm-studio_%1.ts").arg(language);
    const QList<TsMessage> messages = readTs(path);
    QVERIFY(messages.size() > 300);
    const int pluralForms = language == QLatin1String("ko") ? 1 : 2;
    QStringList problems;
    for (const TsMessage& message : messages) {
      const QString where =
          QStringLiteral("line %1 (%2) \"%3\": ").arg(message.line).arg(message.context, message.source);
      if (!message.type.isEmpty()) problems << where + message.type;
      const bool plural = message.source.contains(QLatin1String("%n"));
      if (plural && message.translations.size() != pluralForms) problems << where + "plural forms";
      for (const QString& translation : message.translations) {
        if (translation.trimmed().isEmpty()) problems << where + "empty";
        if (placeholders(translation) != placeholders(message.source))
          problems << where + "placeholders in " + translation;
        if (accelerators(translation) != accelerators(message.source))
          problems << where + "accelerator in " + translation;
      }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join('\n')));
  }

  void windowShowsNoEnglish_data() { addLanguageRows(); }
  void windowShowsNoEnglish() {
    QFETCH(QString, language);
    QTranslator ours;
    QVERIFY(ours.load(QStringLiteral(":/i18n/bksdm-studio_%1.qm").arg(language)));
    QTranslator qts;  // the standard buttons of dialogs
    QVERIFY(qts.load(QStringLiteral("qtbase_") + language, QLibraryInfo::path(QLibraryInfo::TranslationsPath)));
    QCoreApplication::installTranslator(&qts);
    QCoreApplication::installTranslator(&ours);
    const QSet<QString> translated = windowTexts();
    QCoreApplication::removeTranslator(&ours);
    QCoreApplication::removeTranslator(&qts);

    // The gallery's folder shows by its name.
    const QStringList allowed = kSameEverywhere + sameInLanguage(language) + modelNames() +
                                QStringList{QDir(galleryDir_.path()).dirName()};
    QStringList english;
    for (const QString& text : translated)
      if (english_.contains(text) && !allowed.contains(text)) english << text;
    english.sort();
    QVERIFY2(english.isEmpty(), qPrintable("still English:\n" + english.join('\n')));
    QVERIFY(translated.size() > 100);
  }

  void installsQtsTranslationsWithOurs_data() { addLanguageRows(); }
  void installsQtsTranslationsWithOurs() {
    QFETCH(QString, language);
    QVERIFY(installTranslations(*qApp, language));
    QVERIFY(QCoreApplication::translate("bksdm::MainWindow", "&Generate") != QLatin1String("&Generate"));
    // QDialogButtonBox's buttons, from Qt's own qtbase catalogue.
    QVERIFY(QCoreApplication::translate("QPlatformTheme", "Cancel") != QLatin1String("Cancel"));
    removeInstalledTranslators();
  }

  void englishInstallsNothing() {
    QVERIFY(!installTranslations(*qApp, QStringLiteral("en")));
    QVERIFY(qApp->findChildren<QTranslator*>().isEmpty());
  }

  void preferencesStoreTheLanguageWhenAccepted() {
    const AppSettings settings;
    PreferencesDialog dialog(settings.preview(), settings.engine(), settings.theme(), availableDevices(), cudaGpu());
    auto* language = dialog.findChildren<QComboBox*>().last();
    QCOMPARE(language->count(), 4);
    QCOMPARE(dialog.language(), QString());
    QLabel* note = nullptr;
    for (QLabel* label : dialog.findChildren<QLabel*>())
      if (label->text().contains(QLatin1String("starts again"))) note = label;
    QVERIFY(note && note->isHidden());
    language->setCurrentIndex(language->findData(QStringLiteral("de")));
    QVERIFY(!note->isHidden());  // the language changes at the next start, and says so
    dialog.accept();
    QCOMPARE(chosenLanguage(), QStringLiteral("de"));
    setChosenLanguage(QString());
  }

  void theChosenLanguageIsRemembered() {
    QCOMPARE(chosenLanguage(), QString());
    setChosenLanguage(QStringLiteral("ko"));
    QCOMPARE(chosenLanguage(), QStringLiteral("ko"));
    setChosenLanguage(QString());
    QCOMPARE(chosenLanguage(), QString());
  }

 private:
  QTemporaryDir settingsDir_;
  QTemporaryDir hubCache_;
  QTemporaryDir galleryDir_;
  QSet<QString> english_;
};

QTEST_MAIN(TranslationsTest)
#include "test_translations.moc"
