"""Printing through Qt's print system: bag labels, donor cards, issue slips, reports and teleconsult prescriptions.

What is printed is decided in the services (``services.label_content``, ``services.report_views``,
``services.consult_record``); this package only draws it, with Qt's text layout (HarfBuzz shapes Devanagari) and as
vectors (barcodes are filled rectangles, so they stay sharp at any printer resolution).
"""
