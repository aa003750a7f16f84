"""The workflow pages, in sidebar order. Each is a :class:`~bbms_desktop.ui.pages.base.Page`."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the window imports this before anyone signs in; the pages come with the workspace
    from bbms_desktop.ui.pages.base import Page


def page_classes() -> list[type[Page]]:
    """Imported here, not at module level, so that a test can build one page without the rest."""
    from bbms_desktop.ui.pages.about import AboutPage
    from bbms_desktop.ui.pages.camp_flow import CampFlowPage
    from bbms_desktop.ui.pages.camp_reconcile import CampReconcilePage
    from bbms_desktop.ui.pages.camps import CampsPage
    from bbms_desktop.ui.pages.collection import CollectionPage
    from bbms_desktop.ui.pages.components import ComponentsPage
    from bbms_desktop.ui.pages.dashboard import DashboardPage
    from bbms_desktop.ui.pages.discard import DiscardPage
    from bbms_desktop.ui.pages.donors import DonorsPage
    from bbms_desktop.ui.pages.inventory import InventoryPage
    from bbms_desktop.ui.pages.laboratory import LaboratoryPage
    from bbms_desktop.ui.pages.reactions import ReactionsPage
    from bbms_desktop.ui.pages.reports import ReportsPage
    from bbms_desktop.ui.pages.requests import RequestsPage
    from bbms_desktop.ui.pages.screening import ScreeningPage
    from bbms_desktop.ui.pages.settings import SettingsPage
    from bbms_desktop.ui.pages.sync import SyncPage
    from bbms_desktop.ui.pages.teleconsult import HubQueuePage, TeleconsultPage
    from bbms_desktop.ui.pages.training import TrainingPage  # a training sandbox only: first, where a trainee starts

    return [
        TrainingPage,
        DashboardPage,
        DonorsPage,
        ScreeningPage,
        CollectionPage,
        LaboratoryPage,
        ComponentsPage,
        InventoryPage,
        RequestsPage,
        DiscardPage,
        ReactionsPage,
        ReportsPage,
        CampsPage,
        CampFlowPage,
        CampReconcilePage,
        TeleconsultPage,
        HubQueuePage,
        SyncPage,
        SettingsPage,
        AboutPage,
    ]
