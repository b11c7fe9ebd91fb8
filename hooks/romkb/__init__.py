"""The knowledge base "Romsk inkludering i praktiken": loading, validation,
catalogue and page generation, free of MkDocs imports (MkDocs is only the
adapter in ``hooks/knowledge_base.py``)."""
