#include "ui/no_model_panel.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "app/hub/hub_config.h"

namespace bksdm {

NoModelPanel::NoModelPanel(QWidget* parent) : QWidget(parent), detail_(new QLabel(this)), add_(new QPushButton(this)) {
  auto* title = new QLabel(tr("No model is loaded"), this);
  QFont font = title->font();
  font.setPointSizeF(font.pointSizeF() * 1.6);
  font.setBold(true);
  title->setFont(font);
  title->setAlignment(Qt::AlignCenter);

  auto* explanation = new QLabel(
      tr("BK-SDM Studio runs diffusers-format Stable Diffusion models (BK-SDM, SD 1.4, SD 2.1-base).\n"
         "It finds those in the Hugging Face cache (%1)\nand in folders you add.")
          .arg(hubCacheDir()),
      this);
  explanation->setAlignment(Qt::AlignCenter);
  explanation->setWordWrap(true);
  explanation->setTextInteractionFlags(Qt::TextSelectableByMouse);

  detail_->setAlignment(Qt::AlignCenter);
  detail_->setWordWrap(true);
  detail_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  detail_->hide();

  add_->setText(tr("Add folder\u2026"));
  add_->setIcon(QIcon(QStringLiteral(":/icons/folder-add.svg")));
  connect(add_, &QPushButton::clicked, this, &NoModelPanel::addFolderRequested);

  auto* layout = new QVBoxLayout(this);
  layout->addStretch(2);
  layout->addWidget(title);
  layout->addSpacing(8);
  layout->addWidget(explanation);
  layout->addWidget(detail_);
  layout->addSpacing(12);
  layout->addWidget(add_, 0, Qt::AlignCenter);
  layout->addStretch(3);
}

void NoModelPanel::setDetail(const QString& text) {
  detail_->setText(text);
  detail_->setVisible(!text.isEmpty());
}


QString NoModelPanel::detail() const { return detail_->text(); }

}  // namespace bksdm
