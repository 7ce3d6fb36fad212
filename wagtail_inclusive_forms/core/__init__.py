"""The core: the question's answers and rules, salutations, the audit's rules,
retention and purpose texts. Plain Python: imports no models, views or admin."""
