"""How the vault offers the functions of its open :class:`~desktop.vault.store.Store` as its
own methods, by composition: the vault holds a Store, and the case work (``cases``,
``chronology``, ``meldcode``, ``documents``) is functions whose first argument is one.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Any, Concatenate, Generic, ParamSpec, Protocol, Self, TypeVar, overload

from desktop.vault.store import Store

P = ParamSpec("P")
R = TypeVar("R")


class HoldsStore(Protocol):
    _store: Store


class StoreMethod(Generic[P, R]):
    """A function of an open :class:`Store` as a method of the object that holds one.

    ``add_entry = StoreMethod(chronology.add_entry)`` in the vault's class makes
    ``vault.add_entry(code, ...)`` call ``chronology.add_entry(vault._store, code, ...)``,
    with the function's own signature (for the type checker too) and docstring.
    """

    def __init__(self, function: Callable[Concatenate[Store, P], R]) -> None:
        self._function = function
        self.__doc__ = function.__doc__
        whole = inspect.signature(function)  # for help() and editors: without the Store
        self._signature = whole.replace(parameters=list(whole.parameters.values())[1:])

    @overload
    def __get__(self, holder: None, owner: type[Any]) -> Self: ...

    @overload
    def __get__(self, holder: HoldsStore, owner: type[Any]) -> Callable[P, R]: ...

    def __get__(self, holder: HoldsStore | None, owner: type[Any]) -> Self | Callable[P, R]:
        if holder is None:
            return self
        function = self._function

        def method(*args: P.args, **kwargs: P.kwargs) -> R:
            return function(holder._store, *args, **kwargs)

        method.__name__ = method.__qualname__ = function.__name__
        method.__doc__, method.__module__ = function.__doc__, function.__module__
        method.__signature__ = self._signature  # type: ignore[attr-defined]
        return method
