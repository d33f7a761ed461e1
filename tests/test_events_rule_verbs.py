"""`verb_trigger` skips a verb outside RULE_VERBS before reading its objects: every
lemma its rules test must be in that set, or a new rule would never fire."""

from __future__ import annotations

import ast
import inspect
import textwrap

from newsgraph.events import triggers


def _tested_lemmas() -> set[str]:
    tree = ast.parse(textwrap.dedent(inspect.getsource(triggers.verb_trigger)))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.For) and isinstance(node.iter, ast.Call) \
                and ast.unparse(node.iter) == "PHRASAL.items()":
            found |= {verb for verb, _ in triggers.PHRASAL}
        if not (isinstance(node, ast.Compare) and isinstance(node.left, ast.Name)
                and node.left.id == "lemma"):
            continue
        for op, right in zip(node.ops, node.comparators, strict=True):
            if isinstance(op, ast.NotIn) and ast.unparse(right) == "RULE_VERBS":
                continue  # the check itself
            if isinstance(op, ast.Eq) and isinstance(right, ast.Name) and right.id == "verb":
                continue  # `for (verb, word), spec in PHRASAL.items()`, read above
            if isinstance(op, ast.Eq):
                found.add(ast.literal_eval(right))
            elif isinstance(op, ast.In) and isinstance(right, ast.Name):
                found |= set(getattr(triggers, right.id))
            elif isinstance(op, ast.In):
                found |= set(ast.literal_eval(right))
            else:
                raise AssertionError(f"a test of the lemma the check cannot read: "
                                     f"{ast.unparse(node)}")
    return found


def test_rule_verbs_cover_every_rule() -> None:
    tested = _tested_lemmas()
    assert {"meet", "impose", "receive"} <= tested  # the walk reads the rules at all
    assert tested - triggers.RULE_VERBS == set()
