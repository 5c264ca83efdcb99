#pragma once
#include <QStringList>

namespace bksdm {

// The devices this build of libtorch can run on: "cpu", and "cuda" where a GPU is usable.
QStringList availableDevices();

}  // namespace bksdm
