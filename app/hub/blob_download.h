#pragma once
#include <qcoro/qcorotask.h>

#include <QString>
#include <functional>

#include "app/hub/hub_client.h"

namespace bksdm {

class HubCacheRepo;

// Fetches the repo file `path` (described by `file`) into the cache as huggingface_hub does:
// under the blob's lock, into blobs/ETAG.incomplete, resumed with a byte range where an earlier try
// stopped, then renamed to blobs/ETAG. LFS files (whose ETag is the content's sha256) are hashed
// first; a damaged file is deleted and the error (HubError::Kind::Integrity) says so, so the retry
// fetches it whole. `onBytes` hears the file's bytes on disk as they grow, and how many of them
// just came over the network (none for what an earlier try left).
using BytesCallback = std::function<void(qint64 bytesOnDisk, qint64 bytesReceived)>;
QCoro::Task<> downloadBlob(HubClient& client, const HubCacheRepo& repo, QString path, FileMetadata file,
                           BytesCallback onBytes);

}  // namespace bksdm
