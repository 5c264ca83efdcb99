#include "ui/seed_field.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QRandomGenerator>
#include <QRegularExpressionValidator>
#include <QToolButton>

namespace bksdm {
namespace {

// Seeds people type and share stay within 32 bits, as torch's manual_seed examples do.
quint64 randomSeed() { return QRandomGenerator::global()->generate(); }

}  // namespace

SeedField::SeedField(QWidget* parent)
    : QWidget(parent), edit_(new QLineEdit(this)), dice_(new QToolButton(this)), lock_(new QToolButton(this)) {
  edit_->setValidator(new QRegularExpressionValidator(QRegularExpression(QStringLiteral("\\d{1,19}")), edit_));
  edit_->setToolTip(tr("The random seed: the same seed and settings give the same image"));
  dice_->setIcon(QIcon(QStringLiteral(":/icons/dice.svg")));
  dice_->setToolTip(tr("A new random seed"));
  lock_->setCheckable(true);
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->setSpacing(2);
  layout->addWidget(edit_, 1);
  layout->addWidget(dice_);
  layout->addWidget(lock_);
  connect(dice_, &QToolButton::clicked, this, &SeedField::randomize);
  connect(lock_, &QToolButton::toggled, this, &SeedField::showLock);
  showLock(false);
  setValue(randomSeed());
}

quint64 SeedField::value() const { return edit_->text().toULongLong(); }
void SeedField::setValue(quint64 seed) { edit_->setText(QString::number(seed)); }
bool SeedField::isLocked() const { return lock_->isChecked(); }
void SeedField::setLocked(bool locked) { lock_->setChecked(locked); }

quint64 SeedField::seedForRun() {
  if (!isLocked()) randomize();
  return value();
}

void SeedField::randomize() { setValue(randomSeed()); }

void SeedField::showLock(bool locked) {
  lock_->setIcon(QIcon(locked ? QStringLiteral(":/icons/lock.svg") : QStringLiteral(":/icons/lock-open.svg")));
  lock_->setToolTip(locked ? tr("Seed locked: every run uses this seed") : tr("Seed unlocked: every run draws a new seed"));
}

}  // namespace bksdm
