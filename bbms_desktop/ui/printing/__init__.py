"""Documents the centre prints: rendered with Qt's text layout (HarfBuzz shapes Devanagari) onto a PDF."""
