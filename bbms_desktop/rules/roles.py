"""Who may do what (D&C Rules: a registered medical officer decides donor fitness; issue only on a doctor's request).

Services check these before they write; the UI uses the same table to show each role only its part.
"""

from __future__ import annotations

from enum import StrEnum

from bbms_desktop.i18n import QT_TRANSLATE_NOOP, Msg


class Role(StrEnum):
    REGISTRAR = "registrar"
    MEDICAL_OFFICER = "medical_officer"
    PHLEBOTOMIST = "phlebotomist"
    LAB_TECHNICIAN = "lab_technician"
    COMPONENT_TECHNICIAN = "component_technician"
    ISSUE_COUNTER = "issue_counter"
    QUALITY_ADMIN = "quality_admin"
    CAMP_OPERATOR = "camp_operator"
    TRAINER = "trainer"
    SPOKE_HEALTH_WORKER = "spoke_health_worker"
    HUB_DOCTOR = "hub_doctor"


class Action(StrEnum):
    REGISTER_DONOR = "register_donor"
    EDIT_DONOR = "edit_donor"
    SCREEN_DONOR = "screen_donor"
    DEFER_DONOR = "defer_donor"
    COLLECT = "collect"
    ENTER_LAB_RESULTS = "enter_lab_results"
    VERIFY_LAB_RESULTS = "verify_lab_results"
    SEPARATE_COMPONENTS = "separate_components"
    RELEASE_COMPONENTS = "release_components"
    CREATE_REQUEST = "create_request"
    CROSSMATCH = "crossmatch"
    RESERVE = "reserve"
    ISSUE = "issue"
    OVERRIDE_RHD = "override_rhd"
    RECEIVE_RETURN = "receive_return"
    DISCARD = "discard"
    RECORD_TRANSFUSION_REACTION = "record_transfusion_reaction"
    MANAGE_CAMPS = "manage_camps"
    MANAGE_USERS = "manage_users"
    VIEW_AUDIT = "view_audit"
    VIEW_REPORTS = "view_reports"
    PRINT_LABELS = "print_labels"
    REQUEST_TELECONSULT = "request_teleconsult"
    ANSWER_TELECONSULT = "answer_teleconsult"


R, A = Role, Action
_BLOOD_CENTRE_ALL = frozenset(A) - {A.MANAGE_USERS}

PERMISSIONS: dict[Role, frozenset[Action]] = {
    R.REGISTRAR: frozenset({A.REGISTER_DONOR, A.EDIT_DONOR, A.CREATE_REQUEST, A.PRINT_LABELS}),
    R.MEDICAL_OFFICER: frozenset(
        {
            A.REGISTER_DONOR,
            A.EDIT_DONOR,
            A.SCREEN_DONOR,
            A.DEFER_DONOR,
            A.COLLECT,
            A.OVERRIDE_RHD,
            A.CREATE_REQUEST,
            A.RECORD_TRANSFUSION_REACTION,
            A.RELEASE_COMPONENTS,
            A.DISCARD,
            A.VIEW_REPORTS,
            A.PRINT_LABELS,
        }
    ),
    R.PHLEBOTOMIST: frozenset({A.COLLECT}),
    R.LAB_TECHNICIAN: frozenset(
        {A.ENTER_LAB_RESULTS, A.VERIFY_LAB_RESULTS, A.CROSSMATCH, A.RELEASE_COMPONENTS, A.DISCARD, A.VIEW_REPORTS}
        | {A.PRINT_LABELS}
    ),
    R.COMPONENT_TECHNICIAN: frozenset(
        {A.SEPARATE_COMPONENTS, A.RELEASE_COMPONENTS, A.DISCARD, A.VIEW_REPORTS, A.PRINT_LABELS}
    ),
    R.ISSUE_COUNTER: frozenset(
        {A.CREATE_REQUEST, A.CROSSMATCH, A.RESERVE, A.ISSUE, A.RECEIVE_RETURN, A.DISCARD, A.RECORD_TRANSFUSION_REACTION}
        | {A.VIEW_REPORTS, A.PRINT_LABELS}
    ),
    R.QUALITY_ADMIN: frozenset(A),
    R.CAMP_OPERATOR: frozenset({A.REGISTER_DONOR, A.EDIT_DONOR, A.SCREEN_DONOR, A.DEFER_DONOR, A.COLLECT})
    | {A.PRINT_LABELS},
    # a trainer works only in a training sandbox, where every step must be demonstrable
    R.TRAINER: _BLOOD_CENTRE_ALL,
    R.SPOKE_HEALTH_WORKER: frozenset({A.REQUEST_TELECONSULT}),
    R.HUB_DOCTOR: frozenset({A.ANSWER_TELECONSULT}),
}

ROLE_LABELS: dict[Role, Msg] = {
    R.REGISTRAR: QT_TRANSLATE_NOOP("Roles", "Registrar"),
    R.MEDICAL_OFFICER: QT_TRANSLATE_NOOP("Roles", "Medical officer"),
    R.PHLEBOTOMIST: QT_TRANSLATE_NOOP("Roles", "Phlebotomist"),
    R.LAB_TECHNICIAN: QT_TRANSLATE_NOOP("Roles", "Laboratory technician"),
    R.COMPONENT_TECHNICIAN: QT_TRANSLATE_NOOP("Roles", "Component technician"),
    R.ISSUE_COUNTER: QT_TRANSLATE_NOOP("Roles", "Issue counter"),
    R.QUALITY_ADMIN: QT_TRANSLATE_NOOP("Roles", "Quality / administrator"),
    R.CAMP_OPERATOR: QT_TRANSLATE_NOOP("Roles", "Camp operator"),
    R.TRAINER: QT_TRANSLATE_NOOP("Roles", "Trainer"),
    R.SPOKE_HEALTH_WORKER: QT_TRANSLATE_NOOP("Roles", "Spoke health worker"),
    R.HUB_DOCTOR: QT_TRANSLATE_NOOP("Roles", "Hub doctor"),
}


def may(role: str, action: str) -> bool:
    return Action(action) in PERMISSIONS[Role(role)]


ACTION_LABELS: dict[Action, Msg] = {
    A.REGISTER_DONOR: QT_TRANSLATE_NOOP("Roles", "register donors"),
    A.EDIT_DONOR: QT_TRANSLATE_NOOP("Roles", "change donor details"),
    A.SCREEN_DONOR: QT_TRANSLATE_NOOP("Roles", "screen donors"),
    A.DEFER_DONOR: QT_TRANSLATE_NOOP("Roles", "defer donors"),
    A.COLLECT: QT_TRANSLATE_NOOP("Roles", "collect blood"),
    A.ENTER_LAB_RESULTS: QT_TRANSLATE_NOOP("Roles", "enter laboratory results"),
    A.VERIFY_LAB_RESULTS: QT_TRANSLATE_NOOP("Roles", "verify laboratory results"),
    A.SEPARATE_COMPONENTS: QT_TRANSLATE_NOOP("Roles", "separate components"),
    A.RELEASE_COMPONENTS: QT_TRANSLATE_NOOP("Roles", "release components from quarantine"),
    A.CREATE_REQUEST: QT_TRANSLATE_NOOP("Roles", "record blood requests"),
    A.CROSSMATCH: QT_TRANSLATE_NOOP("Roles", "record crossmatches"),
    A.RESERVE: QT_TRANSLATE_NOOP("Roles", "reserve units"),
    A.ISSUE: QT_TRANSLATE_NOOP("Roles", "issue units"),
    A.OVERRIDE_RHD: QT_TRANSLATE_NOOP("Roles", "authorise RhD-positive red cells for an RhD-negative patient"),
    A.RECEIVE_RETURN: QT_TRANSLATE_NOOP("Roles", "receive returned units"),
    A.DISCARD: QT_TRANSLATE_NOOP("Roles", "discard units"),
    A.RECORD_TRANSFUSION_REACTION: QT_TRANSLATE_NOOP("Roles", "record transfusion reactions"),
    A.MANAGE_CAMPS: QT_TRANSLATE_NOOP("Roles", "plan camps"),
    A.MANAGE_USERS: QT_TRANSLATE_NOOP("Roles", "manage user accounts"),
    A.VIEW_AUDIT: QT_TRANSLATE_NOOP("Roles", "view the audit trail"),
    A.VIEW_REPORTS: QT_TRANSLATE_NOOP("Roles", "view and export reports"),
    A.PRINT_LABELS: QT_TRANSLATE_NOOP("Roles", "print labels, donor cards and issue slips"),
    A.REQUEST_TELECONSULT: QT_TRANSLATE_NOOP("Roles", "ask a hub for a teleconsultation"),
    A.ANSWER_TELECONSULT: QT_TRANSLATE_NOOP("Roles", "answer teleconsultations"),
}
