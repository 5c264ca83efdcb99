#include "app/gallery/gallery_filter_model.h"

#include "app/gallery/gallery_model.h"

namespace bksdm::gallery {

GalleryFilterModel::GalleryFilterModel(GalleryModel* source, QObject* parent)
    : QSortFilterProxyModel(parent), gallery_(source) {
  setSourceModel(source);
  setDynamicSortFilter(true);
  sort(0, Qt::DescendingOrder);
}

void GalleryFilterModel::setSearchText(const QString& text) {
  const QStringList words = text.split(QChar(' '), Qt::SkipEmptyParts);
  if (words == searchWords_) return;
  searchWords_ = words;
  invalidateRowsFilter();
}

void GalleryFilterModel::setModelName(const QString& name) {
  if (name == modelName_) return;
  modelName_ = name;
  invalidateRowsFilter();
}

void GalleryFilterModel::setDateRange(const QDate& first, const QDate& last) {
  if (first == first_ && last == last_) return;
  first_ = first;
  last_ = last;
  invalidateRowsFilter();
}

void GalleryFilterModel::setSortKey(SortKey key, Qt::SortOrder order) {
  sortKey_ = key;
  invalidate();
  sort(0, order);
}

bool GalleryFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
  const GalleryEntry& entry = gallery_->entry(sourceRow);
  if (!modelName_.isEmpty() && modelNameOf(entry) != modelName_) return false;
  if (first_.isValid() || last_.isValid()) {
    const QDate date = entry.created().date();
    if ((first_.isValid() && date < first_) || (last_.isValid() && date > last_)) return false;
  }
  const QString& prompt = entry.metadata.settings.params.prompt;
  for (const QString& word : searchWords_)
    if (!prompt.contains(word, Qt::CaseInsensitive)) return false;
  return true;
}

bool GalleryFilterModel::lessThan(const QModelIndex& left, const QModelIndex& right) const {
  const GalleryEntry& a = gallery_->entry(left.row());
  const GalleryEntry& b = gallery_->entry(right.row());
  if (sortKey_ == SortKey::Seed && a.metadata.settings.params.seed != b.metadata.settings.params.seed)
    return a.metadata.settings.params.seed < b.metadata.settings.params.seed;
  const QDateTime createdA = a.created(), createdB = b.created();
  if (createdA != createdB) return createdA < createdB;
  return a.path < b.path;
}

}  // namespace bksdm::gallery
