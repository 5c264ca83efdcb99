#pragma once
#include <QDate>
#include <QSortFilterProxyModel>
#include <QStringList>

namespace bksdm::gallery {

class GalleryModel;

// Search, filters and order of the grid over a GalleryModel.
class GalleryFilterModel : public QSortFilterProxyModel {
  Q_OBJECT

 public:
  enum class SortKey { Date, Seed };

  explicit GalleryFilterModel(GalleryModel* source, QObject* parent = nullptr);

  // Every word must occur in the prompt, case and accents aside ("red fox" finds "A fox, red").
  void setSearchText(const QString& text);
  void setModelName(const QString& name);  // empty: every model
  void setDateRange(const QDate& first, const QDate& last);  // inclusive; a null end is open
  void setSortKey(SortKey key, Qt::SortOrder order);

 protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;
  bool lessThan(const QModelIndex& left, const QModelIndex& right) const override;

 private:
  const GalleryModel* gallery_;
  QStringList searchWords_;
  QString modelName_;
  QDate first_, last_;
  SortKey sortKey_ = SortKey::Date;
};

}  // namespace bksdm::gallery
