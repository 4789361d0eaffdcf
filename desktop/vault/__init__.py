"""The vault (kluis): the concern log, encrypted on this computer.

One SQLCipher database (``kluis.db``) whose random key is wrapped by the passphrase and by a
recovery key in ``kluis.sleutel`` beside it; an audit log chained by hash; backups in
``backups/``. Start at :class:`desktop.vault.service.Vault`. This package imports no Qt, and
importing it loads nothing heavy: ``service`` (SQLAlchemy) is imported where it is used.
"""
