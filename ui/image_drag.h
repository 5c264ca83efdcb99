#pragma once

class QWidget;

namespace bksdm {

struct GeneratedImage;

// Drags a result out of `source` to another program: its file in the gallery when it was saved
// there, else a PNG with its settings (the A1111 text) written for the drag; as the file's URL
// and the image itself, as the gallery's drags are.
void dragImage(QWidget* source, const GeneratedImage& generated);

}  // namespace bksdm
