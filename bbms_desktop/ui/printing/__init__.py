"""Printing through Qt's print system: bag labels, donor cards, issue slips and reports, drawn with QPainter.

What is printed is decided in the services (``services.label_content``, ``services.report_views``); this package only
draws it, as vectors (barcodes are filled rectangles, so they stay sharp at any printer resolution).
"""
