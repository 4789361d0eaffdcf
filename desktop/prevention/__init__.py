"""The school's prevention report (preventieverslag) as the app makes it: the lessons given in
a school year from the lesson log and, when the vault is open and the coordinator includes
them, counts from the vault with small counts shown as "< 5"; saved or printed, audited when it
holds counts. Qt-free; the dialog is ``desktop.ui.prevention``, the drawing
``toolkit.prevention_report``.
"""
