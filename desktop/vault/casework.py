"""The case work an open vault offers as its methods: functions of its open
:class:`~desktop.vault.store.Store`, by topic, bound by composition (``desktop.vault.binding``).

A case as a whole (``cases``), its chronology (``chronology``), the meldcode's steps and the
afwegingskader (``meldcode``), the documents made from it (``documents``) and their follow-up
(``followup``), and the reads of the audit log and the checks. :class:`~desktop.vault.service.Vault`
inherits them; this class holds nothing of its own.
"""

from __future__ import annotations

from desktop.vault import cases, chronology, documents, followup, keys, meldcode, retention
from desktop.vault.binding import StoreMethod
from desktop.vault.store import Store


class CaseWork:
    """The methods of an open vault that are functions of its Store."""

    _store: Store

    create_case = StoreMethod(cases.create_case)
    next_code = StoreMethod(cases.next_code)
    set_details = StoreMethod(cases.set_details)
    set_status = StoreMethod(cases.set_status)
    set_acute = StoreMethod(cases.set_acute)
    delete_case = StoreMethod(cases.delete_case)
    purge_expired = StoreMethod(cases.purge_expired)
    case = StoreMethod(cases.case)
    cases = StoreMethod(cases.cases)  # last of these: from here on, "cases" is this method
    add_entry = StoreMethod(chronology.add_entry)
    edit_entry = StoreMethod(chronology.edit_entry)
    set_step = StoreMethod(meldcode.set_step)
    set_answers = StoreMethod(meldcode.set_answers)
    record_export = StoreMethod(documents.record_export)
    record_print = StoreMethod(documents.record_print)
    record_audit_export = StoreMethod(documents.record_audit_export)
    update_referral = StoreMethod(followup.update_referral)
    backups_from_earlier_keys = StoreMethod(keys.backups_from_earlier_keys)
    replace_backups = StoreMethod(retention.replace_backups)
    audit_head = StoreMethod(Store.audit_head)
    verify_audit = StoreMethod(Store.verify_audit)
    audit_log = StoreMethod(Store.audit_log)
    check_integrity = StoreMethod(Store.check_integrity)
